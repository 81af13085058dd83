//! Cranelift declarations of the runtime functions generated code calls, built from the runtime ABI table (`hybrid_ir::abi::runtime`).

use cranelift_codegen::ir::{types, AbiParam, Signature, Type};
use cranelift_codegen::isa::CallConv;
use hybrid_ir::abi::{AbiType, RuntimeFn};

pub use hybrid_ir::abi::{Rt, RUNTIME};

fn clif_type(ty: AbiType) -> Type {
    match ty {
        AbiType::Ptr | AbiType::I64 => types::I64,
        AbiType::I8 => types::I8,
        AbiType::I32 => types::I32,
        AbiType::I128 => types::I128,
        AbiType::F32 => types::F32,
        AbiType::F64 => types::F64,
    }
}

/// The name of every external function generated code may call (the
/// runtime table); the link step's runtime image must provide each one.
pub fn external_symbols() -> impl Iterator<Item = &'static str> {
    RUNTIME.iter().map(|f| f.name)
}

/// The C signature of a runtime function. `i8` arguments are sign-extended
/// to 32 bits, as C compilers expect of callers on x86-64.
pub fn signature(rt: &RuntimeFn, call_conv: CallConv) -> Signature {
    let mut sig = Signature::new(call_conv);
    for &p in rt.params {
        let param = AbiParam::new(clif_type(p));
        sig.params.push(if p == AbiType::I8 { param.sext() } else { param });
    }
    if let Some(r) = rt.result() {
        sig.returns.push(AbiParam::new(clif_type(r)));
    }
    sig
}
