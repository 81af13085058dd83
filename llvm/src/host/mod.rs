//! `--host-backend=llvm`: the host side (host code, offload call sites, kernel fallbacks, the C `main`) through LLVM instead of Cranelift, reusing the device crate's lowering with the host `Target`, into one x86-64 ELF object with hybrid-cranelift's symbols and semantics.
//!
//! Everything that differs from the device lowering lives here: the runtime
//! calls ([`runtime`]), printing ([`print`]), offload call sites
//! ([`offload`]), the fallback `ThreadCtx` ([`fallback`]) and host-only
//! intrinsics and math ([`intrinsics`]).

pub(crate) mod fallback;
mod intrinsics;
mod offload;
mod print;
mod runtime;

use std::time::{Duration, Instant};

use hybrid_ir::abi::{self, Rt};
use hybrid_ir::{FunctionKind, Module as IrModule, ValueRepr};
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{CodeModel, FileType, RelocMode, Target as LlvmTarget, TargetMachine, TargetTriple};

use crate::lower::function::{declare_function, lower_function, ModuleLowering};
use crate::lower::target::{initialize_targets, Flavor, Target};
use crate::LlvmError;

/// The host triple and CPU. The features are those hybrid-cranelift enables in
/// Cranelift (x86-64-v2 without AVX), so both backends target one machine.
const HOST_TRIPLE: &str = "x86_64-unknown-linux-gnu";
const HOST_CPU: &str = "x86-64";
const HOST_FEATURES: &str = "+sse3,+ssse3,+sse4.1,+sse4.2,+popcnt";

/// Options of the LLVM host backend.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HostLlvmOptions {
    /// 0 (the default, like `clang -O0`) or 2 (`--release`): the
    /// `default<O2>` pipeline and the codegen level; 1 and 3 are accepted too.
    pub opt_level: u8,
    /// Keep the final LLVM IR as text in [`HostLlvmOutput::llvm_ir`].
    pub emit_llvm_ir: bool,
    /// Run LLVM's module verifier after lowering.
    pub verify: bool,
}

/// What the LLVM host backend produced.
#[derive(Clone, Debug)]
pub struct HostLlvmOutput {
    /// An x86-64 ELF relocatable object, a drop-in for hybrid-cranelift's.
    pub object: Vec<u8>,
    /// The LLVM IR after optimization, if `emit_llvm_ir` was set.
    pub llvm_ir: Option<String>,
    /// `"host: lower"`, `"host: optimize"` (opt_level > 0), `"host: emit"`.
    pub timings: Vec<(&'static str, Duration)>,
}

fn host_machine(opt_level: u8) -> Result<TargetMachine, LlvmError> {
    initialize_targets();
    let triple = TargetTriple::create(HOST_TRIPLE);
    let target = LlvmTarget::from_triple(&triple).map_err(|e| LlvmError::Llvm(e.to_string()))?;
    // Default TargetOptions: AllowFPOpFusion is Standard and we emit no
    // fmuladd, so nothing is contracted; no fast-math anywhere.
    target
        .create_target_machine(&triple, HOST_CPU, HOST_FEATURES, crate::optimization_level(opt_level), RelocMode::PIC, CodeModel::Default)
        .ok_or_else(|| LlvmError::Llvm(format!("cannot create the {HOST_TRIPLE} target machine")))
}

/// Compile the host side of a validated module into one object file: every
/// function with `sides.host` in host flavor, every function with
/// `sides.device` in fallback flavor, and `main` when the module has an entry.
pub fn compile_host_llvm(module: &IrModule, options: &HostLlvmOptions) -> Result<HostLlvmOutput, LlvmError> {
    let mut timings = Vec::new();
    let start = Instant::now();
    let machine = host_machine(options.opt_level)?;
    let context = Context::create();
    let llvm_module = lower_host_module(&context, module, &machine)?;
    if options.verify {
        llvm_module.verify().map_err(|e| LlvmError::Llvm(format!("LLVM host module verification failed: {}", e.to_string())))?;
    }
    timings.push(("host: lower", start.elapsed()));

    if options.opt_level > 0 {
        let start = Instant::now();
        let pipeline = format!("default<O{}>", options.opt_level.min(3));
        llvm_module
            .run_passes(&pipeline, &machine, PassBuilderOptions::create())
            .map_err(|e| LlvmError::Llvm(format!("pass pipeline `{pipeline}`: {}", e.to_string())))?;
        timings.push(("host: optimize", start.elapsed()));
    }
    let llvm_ir = options.emit_llvm_ir.then(|| llvm_module.print_to_string().to_string());

    let start = Instant::now();
    let buffer = machine
        .write_to_memory_buffer(&llvm_module, FileType::Object)
        .map_err(|e| LlvmError::Llvm(format!("host object emission: {}", e.to_string())))?;
    timings.push(("host: emit", start.elapsed()));
    Ok(HostLlvmOutput { object: buffer.as_slice().to_vec(), llvm_ir, timings })
}

/// Declare every function in each flavor it is compiled in, lower the
/// bodies, then add the C `main`.
fn lower_host_module<'ctx>(context: &'ctx Context, ir: &IrModule, machine: &TargetMachine) -> Result<Module<'ctx>, LlvmError> {
    let module = context.create_module(&ir.source_name);
    module.set_triple(&machine.get_triple());
    module.set_data_layout(&machine.get_target_data().get_data_layout());
    let mut m = ModuleLowering::new(context, ir, Target::Host, module);
    let mut jobs = Vec::new();
    for (handle, func) in ir.functions.iter() {
        for flavor in [Flavor::Host, Flavor::Fallback] {
            let wanted = if flavor == Flavor::Host { func.sides.host } else { func.sides.device };
            if !wanted {
                continue;
            }
            let (symbol, export) = match flavor {
                Flavor::Host => (abi::host_symbol(ir, handle), ir.entry == Some(handle)),
                _ => (abi::fallback_symbol(ir, handle), func.kind == FunctionKind::Kernel),
            };
            if m.module.get_function(&symbol).is_some() {
                return Err(LlvmError::Llvm(format!("symbol `{symbol}` of `{}` is already taken by another function", func.name)));
            }
            let linkage = if export { Linkage::External } else { Linkage::Internal };
            let llfn = if flavor == Flavor::Fallback && func.kind == FunctionKind::Kernel {
                // The fallback entry: `extern "C" fn(args: *const u64, ctx: *const ThreadCtx)`.
                let ptr = m.types.ptr().into();
                let fn_type = context.void_type().fn_type(&[ptr, ptr], false);
                m.module.add_function(&symbol, fn_type, Some(linkage))
            } else {
                declare_function(&m, func, flavor, &symbol, linkage)
            };
            m.functions.insert((handle, flavor), llfn);
            jobs.push((handle, flavor));
        }
    }
    for &(handle, flavor) in &jobs {
        lower_function(&m, handle, &ir.functions[handle], flavor)?;
    }
    if let Some(entry) = ir.entry.filter(|e| ir.functions[*e].sides.host) {
        let user_main = &ir.functions[entry];
        let no_params = user_main.params.iter().all(|&p| m.types.repr(user_main.locals[p].ty) == ValueRepr::Nothing);
        let plain = no_params && m.types.repr(user_main.ret) == ValueRepr::Nothing;
        // C's `(argc: i32, argv: *const *const i8) -> i32` (rustc's `#![no_main]` programs)
        let c_like = user_main.params.len() == 2
            && ir.types.as_scalar(user_main.locals[user_main.params[0]].ty) == Some(hybrid_ir::Scalar::I32)
            && matches!(ir.types.get(user_main.locals[user_main.params[1]].ty), hybrid_ir::Type::Pointer { .. })
            && ir.types.as_scalar(user_main.ret) == Some(hybrid_ir::Scalar::I32);
        if !plain && !c_like {
            return Err(LlvmError::HostUnsupported {
                what: "`main` with parameters or a result".into(),
                func: user_main.name.clone(),
                span: user_main.span,
            });
        }
        build_c_main(&m, m.functions[&(entry, Flavor::Host)])?;
    }
    Ok(m.module)
}

/// `int main(int argc, char **argv)`: run `hybrid_user_main()`, then return `hybrid_rt_finish()`.
fn build_c_main<'ctx>(m: &ModuleLowering<'_, 'ctx>, user_main: inkwell::values::FunctionValue<'ctx>) -> Result<(), LlvmError> {
    let context = m.context;
    let i32t = context.i32_type();
    let fn_type = i32t.fn_type(&[i32t.into(), m.types.ptr().into()], false);
    let main = m.module.add_function("main", fn_type, Some(Linkage::External));
    let finish = runtime::declare_runtime(m, Rt::RtFinish);
    let builder = context.create_builder();
    builder.position_at_end(context.append_basic_block(main, "entry"));
    let err = |e: inkwell::builder::BuilderError| LlvmError::Llvm(format!("IR builder: {e}"));
    let basic = |v: inkwell::values::CallSiteValue<'ctx>| {
        v.try_as_basic_value().basic().ok_or_else(|| LlvmError::Llvm("a call in `main` returns nothing".into()))
    };
    // the user's main is `fn()` or C's `(argc, argv) -> int` (the front end checked)
    let code = if user_main.count_params() == 0 {
        builder.build_direct_call(user_main, &[], "").map_err(err)?;
        basic(builder.build_direct_call(finish, &[], "").map_err(err)?)?
    } else {
        let args: Vec<_> = main.get_params().iter().map(|p| (*p).into()).collect();
        let code = basic(builder.build_direct_call(user_main, &args, "").map_err(err)?)?;
        builder.build_direct_call(finish, &[], "").map_err(err)?;
        code
    };
    builder.build_return(Some(&code)).map_err(err)?;
    Ok(())
}
