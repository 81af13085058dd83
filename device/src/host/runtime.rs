//! The external functions host code calls (the shim's ABI of `hybrid_ir::abi`, the offload runtime, glibc's libm), read-only strings, and Rust's panics as shim calls.

use hybrid_ir::{abi, Span};
use inkwell::module::Linkage;
use inkwell::types::{BasicMetadataTypeEnum, BasicType, BasicTypeEnum};
use inkwell::values::{BasicMetadataValueEnum, BasicValueEnum, FunctionValue, IntValue, PointerValue};

use crate::function::{FnLowering, Lower};
use crate::target::{Check, Failure};

/// A parameter or result type of a runtime function. `bool` arguments are
/// passed as `I32` (0 or 1): whatever extension the callee assumes holds.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Ty {
    Ptr,
    I32,
    I64,
    F32,
    F64,
}

/// The C signature of one runtime function.
pub(crate) struct RuntimeFn {
    pub name: &'static str,
    pub params: &'static [Ty],
    pub ret: Option<Ty>,
}

macro_rules! runtime_fns {
    ($( $id:ident = $name:expr, ($($p:ident),*) $(-> $r:ident)?; )*) => {
        $( pub(crate) const $id: RuntimeFn = RuntimeFn { name: $name, params: &[$(Ty::$p),*], ret: runtime_fns!(@ret $($r)?) }; )*
    };
    (@ret) => { None };
    (@ret $r:ident) => { Some(Ty::$r) };
}

runtime_fns! {
    FMT_STR = abi::FMT_STR, (Ptr, I64);
    FMT_I64 = abi::FMT_I64, (I64, I64);
    FMT_U64 = abi::FMT_U64, (I64, I64);
    FMT_F64 = abi::FMT_F64, (F64, I64);
    FMT_F32 = abi::FMT_F32, (F32, I64);
    FMT_BOOL = abi::FMT_BOOL, (I32, I64);
    PRINT_FLUSH = abi::PRINT_FLUSH, (I32, I32);
    PANIC_FLUSH = abi::PANIC_FLUSH, (Ptr, I64, I32, I32);
    PANIC_BOUNDS = abi::PANIC_BOUNDS, (I64, I64, Ptr, I64, I32, I32);
    PANIC_MSG = abi::PANIC_MSG, (I32, Ptr, I64, I32, I32);
    PANIC_SLICE = abi::PANIC_SLICE, (I64, I64, I64, Ptr, I64, I32, I32);
    VEC_FROM_ELEM = abi::VEC_FROM_ELEM, (Ptr, Ptr, I64, I64, I64);
    VEC_WITH_CAPACITY = abi::VEC_WITH_CAPACITY, (Ptr, I64, I64, I64);
    VEC_PUSH = abi::VEC_PUSH, (Ptr, Ptr, I64, I64);
    EXIT = abi::EXIT, (I32);
    NOW_NS = abi::NOW_NS, () -> I64;
    TGT_DATA_BEGIN = abi::TGT_DATA_BEGIN, (Ptr, I64, I32, Ptr, Ptr, Ptr, Ptr, Ptr, Ptr);
    TGT_DATA_END = abi::TGT_DATA_END, (Ptr, I64, I32, Ptr, Ptr, Ptr, Ptr, Ptr, Ptr);
    TGT_TARGET_KERNEL = abi::TGT_TARGET_KERNEL, (Ptr, I64, I32, I32, Ptr, Ptr) -> I32;
    FB_SYNC_THREADS = abi::FB_SYNC_THREADS, (Ptr);
    POWIDF2 = "__powidf2", (F64, I32) -> F64;
    POWISF2 = "__powisf2", (F32, I32) -> F32;
}

impl<'m, 'a, 'ctx> FnLowering<'m, 'a, 'ctx> {
    fn runtime_type(&self, ty: Ty) -> BasicTypeEnum<'ctx> {
        let c = self.context();
        match ty {
            Ty::Ptr => self.types().ptr().into(),
            Ty::I32 => c.i32_type().into(),
            Ty::I64 => c.i64_type().into(),
            Ty::F32 => c.f32_type().into(),
            Ty::F64 => c.f64_type().into(),
        }
    }

    /// The declaration of runtime function `rt` (added on first use).
    pub(crate) fn runtime_fn(&self, rt: &RuntimeFn) -> FunctionValue<'ctx> {
        let module = &self.m.module;
        module.get_function(rt.name).unwrap_or_else(|| {
            let params: Vec<BasicMetadataTypeEnum> = rt.params.iter().map(|&p| self.runtime_type(p).into()).collect();
            let fn_type = match rt.ret {
                Some(r) => self.runtime_type(r).fn_type(&params, false),
                None => self.context().void_type().fn_type(&params, false),
            };
            module.add_function(rt.name, fn_type, Some(Linkage::External))
        })
    }

    /// Call runtime function `rt`; its result, if it has one.
    pub(crate) fn call_runtime(&self, rt: &RuntimeFn, args: &[BasicValueEnum<'ctx>]) -> Lower<Option<BasicValueEnum<'ctx>>> {
        if args.len() != rt.params.len() {
            return Err(self.internal(format!("{} called with {} arguments", rt.name, args.len())).into());
        }
        let callee = self.runtime_fn(rt);
        let args: Vec<BasicMetadataValueEnum> = args.iter().map(|&a| a.into()).collect();
        let call = self.builder.build_direct_call(callee, &args, "")?;
        Ok(call.try_as_basic_value().basic())
    }

    /// The address of read-only `bytes` (one private constant per content).
    pub(crate) fn string_constant(&self, bytes: &[u8]) -> PointerValue<'ctx> {
        let mut strings = self.m.strings.borrow_mut();
        if let Some(g) = strings.get(bytes) {
            return g.as_pointer_value();
        }
        let value = self.context().const_string(bytes, false);
        let global = self.m.module.add_global(value.get_type(), None, ".str");
        global.set_initializer(&value);
        global.set_constant(true);
        global.set_linkage(Linkage::Private);
        global.set_unnamed_addr(true);
        global.set_alignment(1);
        strings.insert(bytes.to_vec(), global);
        global.as_pointer_value()
    }

    /// `file, file_len, line, col` of a span, for the panic functions.
    pub(crate) fn location(&self, span: Span) -> [BasicValueEnum<'ctx>; 4] {
        let name = self.m.ir.source_name.as_bytes();
        let i32t = self.context().i32_type();
        [
            self.string_constant(name).into(),
            self.types().i64().const_int(name.len() as u64, false).into(),
            i32t.const_int(span.line as u64, false).into(),
            i32t.const_int(span.col as u64, false).into(),
        ]
    }

    /// Call the shim's panic function for `failure` and end the block
    /// (`unreachable`: the shim exits the process).
    pub(crate) fn panic_now(&self, failure: Failure<'ctx>) -> Lower<()> {
        let [file, len, line, col] = self.location(failure.span);
        let i32t = self.context().i32_type();
        match failure.check {
            Check::Bounds { index, len: n } => {
                self.call_runtime(&PANIC_BOUNDS, &[index.into(), n.into(), file, len, line, col])?;
            }
            Check::Message(code) => {
                let code = i32t.const_int(code as u64, true).into();
                self.call_runtime(&PANIC_MSG, &[code, file, len, line, col])?;
            }
            Check::Slice { start, end, len: n } => {
                self.call_runtime(&PANIC_SLICE, &[start.into(), end.into(), n.into(), file, len, line, col])?;
            }
        }
        self.builder.build_unreachable()?;
        Ok(())
    }

    /// Branch to a block that panics with `failure` when `failed` is true.
    pub(crate) fn panic_if(&mut self, failed: IntValue<'ctx>, failure: Failure<'ctx>) -> Lower<()> {
        let panic = self.context().append_basic_block(self.llfn, "panic");
        let cont = self.context().append_basic_block(self.llfn, "ok");
        self.builder.build_conditional_branch(failed, panic, cont)?;
        self.builder.position_at_end(panic);
        self.panic_now(failure)?;
        self.builder.position_at_end(cont);
        Ok(())
    }
}
