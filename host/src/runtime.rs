//! The external functions generated code calls: the shim's ABI (`hybrid_ir::abi`), the offload runtime entry points, and libm.

use cranelift_codegen::ir::{types, AbiParam, Signature, Type};
use cranelift_codegen::isa::CallConv;
use hybrid_ir::abi;

pub use abi::FB_SYNC_THREADS;

/// A parameter or result type of a runtime function.
#[derive(Clone, Copy, Debug)]
pub enum Ty {
    Ptr,
    I8,
    I32,
    I64,
    F32,
    F64,
}

impl Ty {
    fn clif(self) -> Type {
        match self {
            Ty::Ptr | Ty::I64 => types::I64,
            Ty::I8 => types::I8,
            Ty::I32 => types::I32,
            Ty::F32 => types::F32,
            Ty::F64 => types::F64,
        }
    }
}

pub struct RuntimeFn {
    pub name: &'static str,
    pub params: &'static [Ty],
    pub returns: &'static [Ty],
}

macro_rules! runtime_table {
    ($( $id:ident = $name:expr, ($($p:ident),*) -> ($($r:ident),*); )*) => {
        /// Index of each runtime function in [`RUNTIME`].
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Rt { $($id),* }
        pub static RUNTIME: &[RuntimeFn] = &[
            $(RuntimeFn { name: $name, params: &[$(Ty::$p),*], returns: &[$(Ty::$r),*] }),*
        ];
    };
}

runtime_table! {
    FmtStr = abi::FMT_STR, (Ptr, I64) -> ();
    FmtI64 = abi::FMT_I64, (I64, I64) -> ();
    FmtU64 = abi::FMT_U64, (I64, I64) -> ();
    FmtF64 = abi::FMT_F64, (F64, I64) -> ();
    FmtF32 = abi::FMT_F32, (F32, I64) -> ();
    FmtBool = abi::FMT_BOOL, (I8, I64) -> ();
    PrintFlush = abi::PRINT_FLUSH, (I32, I32) -> ();
    PanicFlush = abi::PANIC_FLUSH, (Ptr, I64, I32, I32) -> ();
    PanicBounds = abi::PANIC_BOUNDS, (I64, I64, Ptr, I64, I32, I32) -> ();
    PanicMsg = abi::PANIC_MSG, (I32, Ptr, I64, I32, I32) -> ();
    PanicSlice = abi::PANIC_SLICE, (I64, I64, I64, Ptr, I64, I32, I32) -> ();
    VecFromElem = abi::VEC_FROM_ELEM, (Ptr, Ptr, I64, I64, I64) -> ();
    VecWithCapacity = abi::VEC_WITH_CAPACITY, (Ptr, I64, I64, I64) -> ();
    VecPush = abi::VEC_PUSH, (Ptr, Ptr, I64, I64) -> ();
    Exit = abi::EXIT, (I32) -> ();
    NowNs = abi::NOW_NS, () -> (I64);
    Finish = abi::RT_FINISH, () -> (I32);
    TgtDataBegin = abi::TGT_DATA_BEGIN, (Ptr, I64, I32, Ptr, Ptr, Ptr, Ptr, Ptr, Ptr) -> ();
    TgtDataEnd = abi::TGT_DATA_END, (Ptr, I64, I32, Ptr, Ptr, Ptr, Ptr, Ptr, Ptr) -> ();
    TgtTargetKernel = abi::TGT_TARGET_KERNEL, (Ptr, I64, I32, I32, Ptr, Ptr) -> (I32);
    FbSyncThreads = FB_SYNC_THREADS, (Ptr) -> ();
    Sin = "sin", (F64) -> (F64);
    Sinf = "sinf", (F32) -> (F32);
    Cos = "cos", (F64) -> (F64);
    Cosf = "cosf", (F32) -> (F32);
    Tan = "tan", (F64) -> (F64);
    Tanf = "tanf", (F32) -> (F32);
    Tanh = "tanh", (F64) -> (F64);
    Tanhf = "tanhf", (F32) -> (F32);
    Exp = "exp", (F64) -> (F64);
    Expf = "expf", (F32) -> (F32);
    Exp2 = "exp2", (F64) -> (F64);
    Exp2f = "exp2f", (F32) -> (F32);
    Log = "log", (F64) -> (F64);
    Logf = "logf", (F32) -> (F32);
    Log2 = "log2", (F64) -> (F64);
    Log2f = "log2f", (F32) -> (F32);
    Log10 = "log10", (F64) -> (F64);
    Log10f = "log10f", (F32) -> (F32);
    Round = "round", (F64) -> (F64);
    Roundf = "roundf", (F32) -> (F32);
    Pow = "pow", (F64, F64) -> (F64);
    Powf = "powf", (F32, F32) -> (F32);
    Fmod = "fmod", (F64, F64) -> (F64);
    Fmodf = "fmodf", (F32, F32) -> (F32);
    Powidf2 = "__powidf2", (F64, I32) -> (F64);
    Powisf2 = "__powisf2", (F32, I32) -> (F32);
}

/// The name of every external function generated code may call (the
/// runtime table); the link step's runtime image must provide each one.
pub fn external_symbols() -> impl Iterator<Item = &'static str> {
    RUNTIME.iter().map(|f| f.name)
}

impl Rt {
    pub fn index(self) -> u32 {
        self as u32
    }
    pub fn info(self) -> &'static RuntimeFn {
        &RUNTIME[self as usize]
    }
}

/// The C signature of a runtime function. `i8` arguments are sign-extended
/// to 32 bits, as C compilers expect of callers on x86-64.
pub fn signature(rt: &RuntimeFn, call_conv: CallConv) -> Signature {
    let mut sig = Signature::new(call_conv);
    for p in rt.params {
        let param = AbiParam::new(p.clif());
        sig.params.push(if matches!(p, Ty::I8) { param.sext() } else { param });
    }
    for r in rt.returns {
        sig.returns.push(AbiParam::new(r.clif()));
    }
    sig
}
