//! What differs between the two LLVM targets the shared lowering serves: NVPTX kernels (`compile_device`) or the x86-64 host (`compile_host_llvm`: host code and kernel fallbacks with hybrid-cranelift's semantics).

use std::sync::Once;

use hybrid_ir::Span;
use inkwell::targets::{InitializationConfig, Target as LlvmTarget};
use inkwell::values::IntValue;

/// The machine a module is lowered for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Target {
    /// PTX kernels: Rust's panics become `llvm.trap`, geometry reads PTX
    /// special registers, math calls the device libm.
    Nvptx,
    /// The host, like hybrid-cranelift: panics call the shim, fallback code reads
    /// its `ThreadCtx`, math calls glibc's libm.
    Host,
}

/// Which version of a function is being generated (the device has one, the
/// host two: see `hybrid_ir::abi::host_symbol` and `abi::fallback_symbol`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Flavor {
    /// A kernel or device function in the PTX module.
    Device,
    /// Ordinary host code.
    Host,
    /// Host fallback of device code: a hidden first parameter `ctx: *const ThreadCtx`.
    Fallback,
}

/// A failed Rust run-time check: what the host reports (the device traps).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Check<'ctx> {
    /// `index out of bounds: the len is {len} but the index is {index}`.
    Bounds { index: IntValue<'ctx>, len: IntValue<'ctx> },
    /// One of `abi::PANIC_DIV_ZERO` .. `abi::PANIC_TRAP`.
    Message(i32),
    /// A bad `start..end` of a slice of length `len`.
    Slice { start: IntValue<'ctx>, end: IntValue<'ctx>, len: IntValue<'ctx> },
}

/// A check plus where it is in the source (for the host's panic message).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Failure<'ctx> {
    pub check: Check<'ctx>,
    pub span: Span,
}

/// Register the NVPTX and x86 targets once, together: the device and host
/// backends run on different threads and LLVM's target registry is not
/// safe to extend concurrently.
pub(crate) fn initialize_targets() {
    static INIT: Once = Once::new();
    INIT.call_once(|| {
        let config = InitializationConfig::default();
        LlvmTarget::initialize_nvptx(&config);
        LlvmTarget::initialize_x86(&config);
    });
}
