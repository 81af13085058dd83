//! The device target: the device side of a module lowered by the core, kernels as PTX entries, the device libm linked in, optimized and emitted as PTX.

pub(crate) mod kernel;
pub(crate) mod libm;
pub(crate) mod trap_hoist;
pub(crate) mod traps;

use std::time::{Duration, Instant};

use hybrid_ir::Module as IrModule;
use inkwell::context::Context;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{CodeModel, FileType, RelocMode, Target, TargetMachine, TargetTriple};

use crate::lower::{function, target};
use crate::{optimization_level, LlvmError};

/// Options of the device backend (`--gpu-arch`, `-O`, `--emit=llvm-ir`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceOptions {
    /// The PTX target, `sm_50` ..= `sm_90a` (see [`SUPPORTED_ARCHS`]).
    pub gpu_arch: String,
    /// 0..=3, the `default<On>` pipeline and the codegen level.
    pub opt_level: u8,
    /// Keep the optimized LLVM IR as text in [`DeviceOutput::llvm_ir`].
    pub emit_llvm_ir: bool,
}

impl Default for DeviceOptions {
    fn default() -> Self {
        DeviceOptions { gpu_arch: "sm_90".to_string(), opt_level: 3, emit_llvm_ir: false }
    }
}

/// What the device backend produced for one module.
#[derive(Clone, Debug)]
pub struct DeviceOutput {
    pub ptx: String,
    /// The LLVM IR after optimization, if `emit_llvm_ir` was set.
    pub llvm_ir: Option<String>,
    /// The PTX entry names (`abi::device_symbol` of each kernel), in module order.
    pub kernels: Vec<String>,
    /// `"device: lower"`, `"device: link libm"` (only when a kernel calls a
    /// transcendental function or float `%`), `"device: optimize"`, `"device: emit"`.
    pub timings: Vec<(&'static str, Duration)>,
}

/// The GPU architectures LLVM 19's NVPTX backend accepts (and a current CUDA
/// driver can still run): the lowest PTX ISA version we emit for each (sm_90a
/// needs PTX 8.0; LLVM raises it to that whatever we ask) and the most threads
/// and blocks one SM holds at once (CUDA C++ Programming Guide, "Technical
/// Specifications per Compute Capability"), which the occupancy hint of
/// barrier kernels targets ([`kernel::annotate_kernel`]).
pub const SUPPORTED_ARCHS: &[GpuArch] = &[
    GpuArch { name: "sm_50", ptx_isa: 60, threads_per_sm: 2048, blocks_per_sm: 32 },
    GpuArch { name: "sm_52", ptx_isa: 60, threads_per_sm: 2048, blocks_per_sm: 32 },
    GpuArch { name: "sm_53", ptx_isa: 60, threads_per_sm: 2048, blocks_per_sm: 32 },
    GpuArch { name: "sm_60", ptx_isa: 60, threads_per_sm: 2048, blocks_per_sm: 32 },
    GpuArch { name: "sm_61", ptx_isa: 60, threads_per_sm: 2048, blocks_per_sm: 32 },
    GpuArch { name: "sm_62", ptx_isa: 60, threads_per_sm: 2048, blocks_per_sm: 32 },
    GpuArch { name: "sm_70", ptx_isa: 60, threads_per_sm: 2048, blocks_per_sm: 32 },
    GpuArch { name: "sm_72", ptx_isa: 61, threads_per_sm: 2048, blocks_per_sm: 32 },
    GpuArch { name: "sm_75", ptx_isa: 63, threads_per_sm: 1024, blocks_per_sm: 16 },
    GpuArch { name: "sm_80", ptx_isa: 70, threads_per_sm: 2048, blocks_per_sm: 32 },
    GpuArch { name: "sm_86", ptx_isa: 71, threads_per_sm: 1536, blocks_per_sm: 16 },
    GpuArch { name: "sm_87", ptx_isa: 74, threads_per_sm: 1536, blocks_per_sm: 16 },
    GpuArch { name: "sm_89", ptx_isa: 78, threads_per_sm: 1536, blocks_per_sm: 24 },
    GpuArch { name: "sm_90", ptx_isa: 78, threads_per_sm: 2048, blocks_per_sm: 32 },
    GpuArch { name: "sm_90a", ptx_isa: 80, threads_per_sm: 2048, blocks_per_sm: 32 },
];

/// One row of [`SUPPORTED_ARCHS`].
#[derive(Clone, Copy, Debug)]
pub struct GpuArch {
    pub name: &'static str,
    /// PTX ISA version, `78` for 7.8.
    pub ptx_isa: u32,
    /// Resident threads per SM at most.
    pub threads_per_sm: u32,
    /// Resident blocks per SM at most.
    pub blocks_per_sm: u32,
}

/// The row of `arch`, or the user error.
pub fn gpu_arch(arch: &str) -> Result<GpuArch, LlvmError> {
    SUPPORTED_ARCHS.iter().find(|a| a.name == arch).copied().ok_or_else(|| LlvmError::UnknownArch { arch: arch.to_string() })
}

pub(crate) const TRIPLE: &str = "nvptx64-nvidia-cuda";

/// The PTX ISA version (`78` for 7.8) used for `arch`, or the user error.
pub fn ptx_version(arch: &str) -> Result<u32, LlvmError> {
    gpu_arch(arch).map(|a| a.ptx_isa)
}

/// LLVM options of the NVPTX backend, set once per process before the first
/// target machine is made (they are global `cl::opt`s, read when a target
/// machine computes its data layout):
/// - `-nvptx-short-ptr`: pointers into shared, constant and local memory are
///   32 bits (`p3:32:32-p4:32:32-p5:32:32` in the data layout), as nvcc's are:
///   a tile kernel's shared addresses take one register each instead of two.
fn set_backend_options() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let args: Vec<std::ffi::CString> = ["hybridc", "-nvptx-short-ptr"].iter().map(|a| std::ffi::CString::new(*a).unwrap()).collect();
        let argv: Vec<*const std::ffi::c_char> = args.iter().map(|a| a.as_ptr()).collect();
        // SAFETY: argv holds argc valid C strings that outlive the call; the
        // overview may be null. Called once (Once), before any target machine.
        unsafe { llvm_sys::support::LLVMParseCommandLineOptions(argv.len() as i32, argv.as_ptr(), std::ptr::null()) };
    });
}

fn target_machine(options: &DeviceOptions) -> Result<TargetMachine, LlvmError> {
    let ptx = ptx_version(&options.gpu_arch)?;
    target::initialize_targets();
    set_backend_options();
    let triple = TargetTriple::create(TRIPLE);
    let target = Target::from_triple(&triple).map_err(|e| LlvmError::Llvm(e.to_string()))?;
    // Default TargetOptions: AllowFPOpFusion is Standard, so NVPTX never
    // contracts a*b+c into fma and emits `mul.rn`/`add.rn` (which ptxas does
    // not contract either). No unsafe-fp-math attributes are ever set.
    target
        .create_target_machine(
            &triple,
            &options.gpu_arch,
            &format!("+ptx{ptx}"),
            optimization_level(options.opt_level),
            RelocMode::Default,
            CodeModel::Default,
        )
        .ok_or_else(|| LlvmError::Llvm(format!("cannot create the NVPTX target machine for {}", options.gpu_arch)))
}

/// Compile every function of `module` with `sides.device` to PTX. `Ok(None)`
/// when the module has no kernels. The module must have passed
/// `hybrid_ir::valid::validate`.
pub fn compile_device(module: &IrModule, options: &DeviceOptions) -> Result<Option<DeviceOutput>, LlvmError> {
    // Check the arch first: a bad flag is an error even without kernels.
    let arch = gpu_arch(&options.gpu_arch)?;
    if module.kernels().next().is_none() {
        return Ok(None);
    }
    let machine = target_machine(options)?;
    let context = Context::create();
    let mut timings = Vec::new();

    let start = Instant::now();
    let llvm_module = function::lower_module(&context, module, &machine, arch)?;
    llvm_module.verify().map_err(|e| LlvmError::Llvm(format!("LLVM module verification failed: {}", e.to_string())))?;
    timings.push(("device: lower", start.elapsed()));

    if libm::needed(&llvm_module) {
        let start = Instant::now();
        libm::link(&context, &llvm_module, &machine)?;
        timings.push(("device: link libm", start.elapsed()));
    }

    let start = Instant::now();
    let pipeline = format!("default<O{}>", options.opt_level.min(3));
    llvm_module
        .run_passes(&pipeline, &machine, PassBuilderOptions::create())
        .map_err(|e| LlvmError::Llvm(format!("pass pipeline `{pipeline}`: {}", e.to_string())))?;
    if traps::predicate_traps(&context, &llvm_module) > 0 {
        trap_hoist::hoist_traps(&context, &llvm_module);
        traps::merge_adjacent_traps(&context, &llvm_module);
        // The trap passes edit the optimized module by hand: check their work.
        llvm_module
            .verify()
            .map_err(|e| LlvmError::Llvm(format!("LLVM module verification failed after the trap passes: {}", e.to_string())))?;
    }
    let llvm_ir = options.emit_llvm_ir.then(|| llvm_module.print_to_string().to_string());
    timings.push(("device: optimize", start.elapsed()));

    let start = Instant::now();
    let buffer = machine
        .write_to_memory_buffer(&llvm_module, FileType::Assembly)
        .map_err(|e| LlvmError::Llvm(format!("PTX emission: {}", e.to_string())))?;
    let ptx = String::from_utf8_lossy(buffer.as_slice()).trim_end_matches('\0').to_string();
    timings.push(("device: emit", start.elapsed()));

    let kernels = module.kernels().map(|(h, _)| hybrid_ir::abi::device_symbol(module, h)).collect();
    Ok(Some(DeviceOutput { ptx, llvm_ir, kernels, timings }))
}
