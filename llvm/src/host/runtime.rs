//! LLVM declarations of the runtime functions host code calls, built from the runtime ABI table (`hybrid_ir::abi::runtime`); read-only strings; Rust's panics as shim calls.

use hybrid_ir::abi::{AbiType, Caller, Rt};
use hybrid_ir::Span;
use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::module::Linkage;
use inkwell::types::{BasicMetadataTypeEnum, BasicType, BasicTypeEnum};
use inkwell::values::{BasicMetadataValueEnum, BasicValueEnum, FunctionValue, IntValue, PointerValue};

use crate::lower::function::{FnLowering, Lower, ModuleLowering};
use crate::lower::target::{Check, Failure, Flavor};

fn runtime_type<'ctx>(m: &ModuleLowering<'_, 'ctx>, ty: AbiType) -> BasicTypeEnum<'ctx> {
    let c = m.context;
    match ty {
        AbiType::Ptr => m.types.ptr().into(),
        AbiType::I8 => c.i8_type().into(),
        AbiType::I32 => c.i32_type().into(),
        AbiType::I64 => c.i64_type().into(),
        AbiType::I128 => c.i128_type().into(),
        AbiType::F32 => c.f32_type().into(),
        AbiType::F64 => c.f64_type().into(),
    }
}

/// The declaration of runtime function `rt` in `m` (added on first use).
/// `i8` parameters are `signext`, as C compilers expect of callers on x86-64.
pub(crate) fn declare_runtime<'ctx>(m: &ModuleLowering<'_, 'ctx>, rt: Rt) -> FunctionValue<'ctx> {
    let info = rt.info();
    m.module.get_function(info.name).unwrap_or_else(|| {
        let params: Vec<BasicMetadataTypeEnum> = info.params.iter().map(|&p| runtime_type(m, p).into()).collect();
        let fn_type = match info.result() {
            Some(r) => runtime_type(m, r).fn_type(&params, false),
            None => m.context.void_type().fn_type(&params, false),
        };
        let f = m.module.add_function(info.name, fn_type, Some(Linkage::External));
        let signext = Attribute::get_named_enum_kind_id("signext");
        for (i, _) in info.params.iter().enumerate().filter(|(_, &p)| p == AbiType::I8) {
            f.add_attribute(AttributeLoc::Param(i as u32), m.context.create_enum_attribute(signext, 0));
        }
        f
    })
}

impl<'m, 'a, 'ctx> FnLowering<'m, 'a, 'ctx> {
    /// The declaration of runtime function `rt` (added on first use).
    pub(crate) fn runtime_fn(&self, rt: Rt) -> FunctionValue<'ctx> {
        declare_runtime(self.m, rt)
    }

    /// Call runtime function `rt`; its result, if it has one.
    pub(crate) fn call_runtime(&self, rt: Rt, args: &[BasicValueEnum<'ctx>]) -> Lower<Option<BasicValueEnum<'ctx>>> {
        let info = rt.info();
        let caller = match self.flavor {
            Flavor::Host => Caller::Host,
            Flavor::Fallback => Caller::Fallback,
            Flavor::Device => return Err(self.internal(format!("{} called from device code", info.name)).into()),
        };
        if !info.called_by(caller) {
            return Err(self.internal(format!("{} is not called by {caller:?} code (runtime ABI table)", info.name)).into());
        }
        if args.len() != info.params.len() {
            return Err(self.internal(format!("{} called with {} arguments", info.name, args.len())).into());
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

    /// The address of `span`'s panic location record (`abi::location`:
    /// file, file length, line, column; one private constant per place).
    pub(crate) fn location(&self, span: Span) -> BasicValueEnum<'ctx> {
        if let Some(g) = self.m.locations.borrow().get(&(span.line, span.col)) {
            return g.as_pointer_value().into();
        }
        let name = self.m.ir.source_name.as_bytes();
        let i32t = self.context().i32_type();
        let fields = [
            self.string_constant(name).into(),
            self.types().i64().const_int(name.len() as u64, false).into(),
            i32t.const_int(span.line as u64, false).into(),
            i32t.const_int(span.col as u64, false).into(),
        ];
        let value = self.context().const_struct(&fields, false);
        let global = self.m.module.add_global(value.get_type(), None, ".loc");
        global.set_initializer(&value);
        global.set_constant(true);
        global.set_linkage(Linkage::Private);
        global.set_unnamed_addr(true);
        global.set_alignment(hybrid_ir::abi::location::ALIGN);
        self.m.locations.borrow_mut().insert((span.line, span.col), global);
        global.as_pointer_value().into()
    }

    /// Call the shim's panic function for `failure` and end the block
    /// (`unreachable`: the shim exits the process).
    pub(crate) fn panic_now(&self, failure: Failure<'ctx>) -> Lower<()> {
        let loc = self.location(failure.span);
        let i32t = self.context().i32_type();
        match failure.check {
            Check::Bounds { index, len: n } => {
                self.call_runtime(Rt::PanicBounds, &[index.into(), n.into(), loc])?;
            }
            Check::Message(code) => {
                let code = i32t.const_int(code as u64, true).into();
                self.call_runtime(Rt::PanicMsg, &[code, loc])?;
            }
            Check::Slice { start, end, len: n } => {
                self.call_runtime(Rt::PanicSlice, &[start.into(), end.into(), n.into(), loc])?;
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
