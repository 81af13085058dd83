//! hybrid-llvm: the LLVM backend (inkwell, LLVM 19): kernels and their callees to PTX, and with `--host-backend=llvm` the whole host side to an x86-64 object.
//!
//! - [`lower`]: the lowering core, one `FnLowering` per function
//!   (`function` / `expr` / `place` / `math` / `shared`), shared by both
//!   targets; `target` names what differs between them.
//! - [`ptx`]: the device target. [`compile_device`] creates its own LLVM
//!   `Context` (so it may run on any thread, concurrently with the Cranelift
//!   backend), lowers the device functions, gives kernels their PTX entries
//!   (`ptx::kernel`), links the device math library when needed
//!   (`ptx::libm`), verifies, optimizes with the new pass manager
//!   (`default<On>`) and emits PTX with the NVPTX target machine.
//! - [`host`]: the host target (`--host-backend=llvm`, [`compile_host_llvm`]):
//!   the runtime calls, printing, offload call sites, the fallback
//!   `ThreadCtx` and host-only intrinsics.

mod host;
mod lower;
mod ptx;

use hybrid_ir::Span;
use inkwell::OptimizationLevel;

/// The version of the LLVM linked into hybridc: (major, minor, patch).
pub fn llvm_version() -> (u32, u32, u32) {
    inkwell::support::get_llvm_version()
}

pub use host::{compile_host_llvm, HostLlvmOptions, HostLlvmOutput};
pub use ptx::{compile_device, gpu_arch, ptx_version, DeviceOptions, DeviceOutput, GpuArch, SUPPORTED_ARCHS};

#[derive(Debug, thiserror::Error)]
pub enum LlvmError {
    #[error("unknown GPU architecture `{arch}`; valid ones are: {}", SUPPORTED_ARCHS.iter().map(|a| a.name).collect::<Vec<_>>().join(", "))]
    UnknownArch { arch: String },
    /// An IR construct the device backend cannot lower (yet); a user error.
    #[error("not supported yet on the device: {what} (in `{func}`, line {}:{})", span.line, span.col)]
    Unsupported { what: String, func: String, span: Span },
    /// An IR construct the LLVM host backend cannot lower (yet).
    #[error("not supported yet by the LLVM host backend: {what} (in `{func}`, line {}:{})", span.line, span.col)]
    HostUnsupported { what: String, func: String, span: Span },
    /// LLVM rejected something (module verification, pass pipeline, target machine).
    #[error("device backend: {0}")]
    Llvm(String),
    /// An IR shape the validator should have rejected: a compiler bug.
    #[error("device backend internal error in `{func}`: {message}")]
    Internal { func: String, message: String },
}

pub(crate) fn optimization_level(opt_level: u8) -> OptimizationLevel {
    match opt_level {
        0 => OptimizationLevel::None,
        1 => OptimizationLevel::Less,
        2 => OptimizationLevel::Default,
        _ => OptimizationLevel::Aggressive,
    }
}
