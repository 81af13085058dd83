//! Per-module and per-function lowering state: declarations, the `FnLowering` context (builder, locals, loop stack, traps) and memory helpers.

use std::cell::RefCell;
use std::collections::HashMap;

use hybrid_ir::{abi, Function, FunctionKind, Handle, Local, LoopId, Module as IrModule, Span, Type, ValueRepr};
use inkwell::basic_block::BasicBlock;
use inkwell::builder::{Builder, BuilderError};
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::targets::TargetMachine;
use inkwell::types::{BasicMetadataTypeEnum, BasicType, BasicTypeEnum};
use inkwell::values::{BasicValue, BasicValueEnum, FunctionValue, GlobalValue, IntValue, PointerValue};

use crate::lower::target::{Failure, Flavor, Target};
use crate::lower::types::TypeMapper;
use crate::ptx::TRIPLE;
use crate::LlvmError;

/// A lowered value: nothing (`()`), one SSA value, or the address of a
/// `ValueRepr::Memory` value (which may alias a place; consumers copy).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Val<'ctx> {
    Unit,
    Scalar(BasicValueEnum<'ctx>),
    Mem(PointerValue<'ctx>),
}

/// Why lowering of an expression stopped: control never reaches the code
/// after it (`return`, `break`, a trap; caught at statement boundaries), or
/// an error.
#[derive(Debug)]
pub(crate) enum Flow {
    Diverged,
    Error(LlvmError),
}

pub(crate) type Lower<T> = Result<T, Flow>;

impl From<LlvmError> for Flow {
    fn from(e: LlvmError) -> Self {
        Flow::Error(e)
    }
}

impl From<BuilderError> for Flow {
    fn from(e: BuilderError) -> Self {
        Flow::Error(LlvmError::Llvm(format!("IR builder: {e}")))
    }
}

/// Everything shared by the functions of one module.
pub(crate) struct ModuleLowering<'a, 'ctx> {
    pub context: &'ctx Context,
    pub module: Module<'ctx>,
    pub ir: &'a IrModule,
    pub types: TypeMapper<'a, 'ctx>,
    pub target: Target,
    /// The LLVM function of every IR function in each flavor it is compiled in.
    pub functions: HashMap<(Handle<Function>, Flavor), FunctionValue<'ctx>>,
    /// Host target: read-only byte strings (print literals, the source file
    /// name) by content, so each is emitted once.
    pub strings: RefCell<HashMap<Vec<u8>, GlobalValue<'ctx>>>,
    /// Host target: the panic location records (`abi::location`), one per
    /// line and column.
    pub locations: RefCell<HashMap<(u32, u32), GlobalValue<'ctx>>>,
}

impl<'a, 'ctx> ModuleLowering<'a, 'ctx> {
    pub fn new(context: &'ctx Context, ir: &'a IrModule, target: Target, module: Module<'ctx>) -> Self {
        ModuleLowering {
            context,
            module,
            ir,
            types: TypeMapper { context, table: &ir.types },
            target,
            functions: HashMap::new(),
            strings: RefCell::new(HashMap::new()),
            locations: RefCell::new(HashMap::new()),
        }
    }
}

/// An enclosing `Loop` while its body is lowered.
pub(crate) struct LoopFrame<'ctx> {
    pub id: LoopId,
    pub body: BasicBlock<'ctx>,
    pub exit: BasicBlock<'ctx>,
    /// Where `break value` stores its value (a copy for Memory values).
    pub slot: Option<PointerValue<'ctx>>,
    pub ty: Handle<Type>,
}

/// The lowering context of one function.
pub(crate) struct FnLowering<'m, 'a, 'ctx> {
    pub m: &'m ModuleLowering<'a, 'ctx>,
    pub ir: &'a Function,
    pub llfn: FunctionValue<'ctx>,
    pub flavor: Flavor,
    /// The `ctx: *const ThreadCtx` parameter (fallback flavor).
    pub ctx: Option<PointerValue<'ctx>>,
    pub builder: Builder<'ctx>,
    /// Positioned at the end of the entry block, which holds only allocas
    /// and gets its branch to the first code block when the body is done.
    pub(crate) alloca_builder: Builder<'ctx>,
    pub locals: HashMap<Handle<Local>, PointerValue<'ctx>>,
    pub loops: Vec<LoopFrame<'ctx>>,
    /// The hidden result pointer of a function returning a Memory value.
    pub sret: Option<PointerValue<'ctx>>,
    trap_block: Option<BasicBlock<'ctx>>,
    /// The device's deferred-check fault flag (`faults.rs`), once a check used it.
    pub(crate) fault: Option<PointerValue<'ctx>>,
    /// Per enclosing loop, innermost last: how many `if` arms inside that
    /// loop the lowering is in (`faults.rs` defers only checks that are not
    /// straight-line code of a loop body).
    pub(crate) arms_in_loop: Vec<u32>,
}

/// Lower every device function of `ir` into a fresh LLVM module.
pub(crate) fn lower_module<'ctx>(
    context: &'ctx Context,
    ir: &IrModule,
    machine: &TargetMachine,
    arch: crate::GpuArch,
) -> Result<Module<'ctx>, LlvmError> {
    let module = context.create_module(&ir.source_name);
    module.set_triple(&inkwell::targets::TargetTriple::create(TRIPLE));
    module.set_data_layout(&machine.get_target_data().get_data_layout());
    let mut m = ModuleLowering::new(context, ir, Target::Nvptx, module);
    for (handle, func) in ir.functions.iter().filter(|(_, f)| f.sides.device) {
        let llfn = match func.kind {
            FunctionKind::Kernel => crate::ptx::kernel::declare_kernel(&m, handle, func),
            FunctionKind::Normal => declare_function(&m, func, Flavor::Device, &abi::device_symbol(m.ir, handle), Linkage::Internal),
        };
        m.functions.insert((handle, Flavor::Device), llfn);
    }
    for (handle, func) in ir.functions.iter().filter(|(_, f)| f.sides.device) {
        lower_function(&m, handle, func, Flavor::Device)?;
    }
    for (handle, func) in ir.functions.iter().filter(|(_, f)| f.sides.device && f.kind == FunctionKind::Kernel) {
        let llfn = m.functions[&(handle, Flavor::Device)];
        crate::ptx::kernel::annotate_kernel(&m, handle, llfn, func, arch)?;
    }
    Ok(m.module)
}

/// Lower the body of one declared function.
pub(crate) fn lower_function(
    m: &ModuleLowering<'_, '_>,
    handle: Handle<Function>,
    func: &Function,
    flavor: Flavor,
) -> Result<(), LlvmError> {
    let llfn = m.functions[&(handle, flavor)];
    let mut f = FnLowering::new(m, func, llfn, flavor);
    f.lower_body().map_err(|flow| match flow {
        Flow::Error(e) => e,
        Flow::Diverged => f.internal("divergence escaped the function body"),
    })
}

/// A function called from generated code (not a kernel entry): scalars by
/// value, Memory params by pointer to a caller-made copy, Memory result
/// through a hidden pointer, `()`/`!` params dropped and results `void`; in
/// fallback flavor the `ctx` pointer comes first.
pub(crate) fn declare_function<'ctx>(
    m: &ModuleLowering<'_, 'ctx>,
    func: &Function,
    flavor: Flavor,
    symbol: &str,
    linkage: Linkage,
) -> FunctionValue<'ctx> {
    let params: Vec<Handle<hybrid_ir::Type>> = func.params.iter().map(|&p| func.locals[p].ty).collect();
    let fn_type = function_type(m, &params, func.ret, flavor);
    m.module.add_function(symbol, fn_type, Some(linkage))
}

/// The LLVM type of a function with IR parameter types `param_tys` and
/// result `ret` (the convention of [`declare_function`]; also the type of a
/// call through a `fn` pointer, host flavor).
pub(crate) fn function_type<'ctx>(
    m: &ModuleLowering<'_, 'ctx>,
    param_tys: &[Handle<hybrid_ir::Type>],
    ret: Handle<hybrid_ir::Type>,
    flavor: Flavor,
) -> inkwell::types::FunctionType<'ctx> {
    let t = m.types;
    let mut params: Vec<BasicMetadataTypeEnum> = Vec::new();
    if flavor == Flavor::Fallback {
        params.push(t.ptr().into());
    }
    if t.repr(ret) == ValueRepr::Memory {
        params.push(t.ptr().into());
    }
    for &ty in param_tys {
        match t.repr(ty) {
            ValueRepr::Nothing => {}
            ValueRepr::Scalar => params.push(t.value_type(ty).expect("scalar repr").into()),
            ValueRepr::Memory => params.push(t.ptr().into()),
        }
    }
    match t.repr(ret) {
        ValueRepr::Scalar => t.value_type(ret).expect("scalar repr").fn_type(&params, false),
        _ => m.context.void_type().fn_type(&params, false),
    }
}

impl<'m, 'a, 'ctx> FnLowering<'m, 'a, 'ctx> {
    fn new(m: &'m ModuleLowering<'a, 'ctx>, ir: &'a Function, llfn: FunctionValue<'ctx>, flavor: Flavor) -> Self {
        let entry = m.context.append_basic_block(llfn, "entry");
        let alloca_builder = m.context.create_builder();
        alloca_builder.position_at_end(entry);
        FnLowering {
            m,
            ir,
            llfn,
            flavor,
            ctx: None,
            builder: m.context.create_builder(),
            alloca_builder,
            locals: HashMap::new(),
            loops: Vec::new(),
            sret: None,
            trap_block: None,
            fault: None,
            arms_in_loop: Vec::new(),
        }
    }

    pub fn internal(&self, message: impl Into<String>) -> LlvmError {
        LlvmError::Internal { func: self.ir.name.clone(), message: message.into() }
    }

    pub fn unsupported(&self, what: impl Into<String>, span: Span) -> Flow {
        let (what, func) = (what.into(), self.ir.name.clone());
        Flow::Error(match self.m.target {
            Target::Nvptx => LlvmError::Unsupported { what, func, span },
            Target::Host => LlvmError::HostUnsupported { what, func, span },
        })
    }

    pub fn types(&self) -> TypeMapper<'a, 'ctx> {
        self.m.types
    }

    pub fn context(&self) -> &'ctx Context {
        self.m.context
    }

    /// Parameters into locals, then the body, then the entry block's branch.
    fn lower_body(&mut self) -> Lower<()> {
        let first = self.context().append_basic_block(self.llfn, "start");
        self.builder.position_at_end(first);
        if self.ir.kind == FunctionKind::Kernel && self.flavor == Flavor::Device {
            crate::ptx::kernel::bind_kernel_params(self)?;
        } else if self.ir.kind == FunctionKind::Kernel {
            self.bind_kernel_args()?;
        } else {
            self.bind_params()?;
        }
        let body = self.ir.body;
        match self.value(body) {
            Ok(v) => self.emit_return(v)?,
            Err(Flow::Diverged) => {}
            Err(e) => return Err(e),
        }
        self.alloca_builder.build_unconditional_branch(first)?;
        Ok(())
    }

    fn bind_params(&mut self) -> Lower<()> {
        let t = self.types();
        let mut index = 0u32;
        if self.flavor == Flavor::Fallback {
            self.ctx = Some(self.param(index)?.into_pointer_value());
            index += 1;
        }
        if t.repr(self.ir.ret) == ValueRepr::Memory {
            self.sret = Some(self.param(index)?.into_pointer_value());
            index += 1;
        }
        for &p in &self.ir.params {
            let ty = self.ir.locals[p].ty;
            let slot = match t.repr(ty) {
                ValueRepr::Nothing => self.alloca(ty)?,
                ValueRepr::Scalar => {
                    let slot = self.alloca(ty)?;
                    let v = self.param(index)?;
                    index += 1;
                    self.store(slot, ty, Val::Scalar(v))?;
                    slot
                }
                // The caller made a copy for us: it is the local.
                ValueRepr::Memory => {
                    let v = self.param(index)?.into_pointer_value();
                    index += 1;
                    v
                }
            };
            self.locals.insert(p, slot);
        }
        Ok(())
    }

    pub fn param(&self, index: u32) -> Lower<BasicValueEnum<'ctx>> {
        self.llfn.get_nth_param(index).ok_or_else(|| Flow::Error(self.internal("parameter count mismatch")))
    }

    /// `return value` (also the body's tail value).
    pub fn emit_return(&mut self, value: Val<'ctx>) -> Lower<()> {
        self.flush_faults()?;
        let ret = self.ir.ret;
        match (self.types().repr(ret), value) {
            (ValueRepr::Scalar, Val::Scalar(v)) => {
                self.builder.build_return(Some(&v))?;
            }
            (ValueRepr::Memory, Val::Mem(src)) => {
                let sret = self.sret.ok_or_else(|| Flow::Error(self.internal("no sret pointer")))?;
                self.copy(sret, src, ret)?;
                self.builder.build_return(None)?;
            }
            (ValueRepr::Nothing, _) => {
                self.builder.build_return(None)?;
            }
            _ => return Err(Flow::Error(self.internal("return value does not match the return type"))),
        }
        Ok(())
    }

    /// A stack slot for a value of `ty` in the entry block.
    pub fn alloca(&self, ty: Handle<Type>) -> Lower<PointerValue<'ctx>> {
        let t = self.types();
        let layout = t.layout(ty);
        if layout.size > u32::MAX as u64 {
            return Err(self.unsupported(format!("a local of {} bytes", layout.size), self.ir.span));
        }
        let slot = self.alloca_builder.build_alloca(t.memory_type(ty), "")?;
        if let Some(inst) = slot.as_instruction() {
            let _ = inst.set_alignment(layout.align.max(1) as u32);
        }
        Ok(slot)
    }

    /// A stack slot of `size` raw bytes in the entry block.
    pub fn alloca_bytes(&self, size: u64, align: u32) -> Lower<PointerValue<'ctx>> {
        let slot = self.alloca_builder.build_alloca(self.types().bytes(size.max(1)), "")?;
        if let Some(inst) = slot.as_instruction() {
            let _ = inst.set_alignment(align);
        }
        Ok(slot)
    }

    /// Read a value of `ty` from `addr`: a load for scalars (bool `i8` to
    /// `i1`), the address itself for Memory values.
    pub fn load(&self, addr: PointerValue<'ctx>, ty: Handle<Type>) -> Lower<Val<'ctx>> {
        let t = self.types();
        Ok(match t.repr(ty) {
            ValueRepr::Nothing => Val::Unit,
            ValueRepr::Memory => Val::Mem(addr),
            ValueRepr::Scalar => {
                let v = self.builder.build_load(t.memory_type(ty), addr, "")?;
                if let Some(inst) = v.as_instruction_value() {
                    let _ = inst.set_alignment(t.layout(ty).align as u32);
                }
                if t.scalar_of(ty) == Some(hybrid_ir::Scalar::Bool) {
                    let bit = self.builder.build_int_truncate(v.into_int_value(), self.context().bool_type(), "")?;
                    Val::Scalar(bit.into())
                } else {
                    Val::Scalar(v)
                }
            }
        })
    }

    /// Write a value of `ty` to `addr` (copying the bytes of Memory values).
    pub fn store(&self, addr: PointerValue<'ctx>, ty: Handle<Type>, value: Val<'ctx>) -> Lower<()> {
        let t = self.types();
        match value {
            Val::Unit => {}
            Val::Mem(src) => self.copy(addr, src, ty)?,
            Val::Scalar(mut v) => {
                if t.scalar_of(ty) == Some(hybrid_ir::Scalar::Bool) {
                    v = self.builder.build_int_z_extend(v.into_int_value(), self.context().i8_type(), "")?.into();
                }
                let store = self.builder.build_store(addr, v)?;
                let _ = store.set_alignment(t.layout(ty).align as u32);
            }
        }
        Ok(())
    }

    /// `memcpy(dest, src, size_of(ty))`.
    pub fn copy(&self, dest: PointerValue<'ctx>, src: PointerValue<'ctx>, ty: Handle<Type>) -> Lower<()> {
        let layout = self.types().layout(ty);
        if layout.size > 0 {
            let align = layout.align.max(1) as u32;
            let size = self.types().i64().const_int(layout.size, false);
            self.builder.build_memcpy(dest, align, src, align, size)?;
        }
        Ok(())
    }

    /// A copy of a value in a fresh slot (call arguments, break and if values).
    pub fn materialize(&self, value: Val<'ctx>, ty: Handle<Type>) -> Lower<PointerValue<'ctx>> {
        let slot = self.alloca(ty)?;
        self.store(slot, ty, value)?;
        Ok(slot)
    }

    /// `base + offset` bytes.
    pub fn byte_offset(&self, base: PointerValue<'ctx>, offset: u64) -> Lower<PointerValue<'ctx>> {
        if offset == 0 {
            return Ok(base);
        }
        let i8t = self.context().i8_type();
        let off = self.types().i64().const_int(offset, false);
        // SAFETY: an in-bounds byte offset of a field inside its object.
        Ok(unsafe { self.builder.build_in_bounds_gep(i8t, base, &[off], "")? })
    }

    /// The address of element `index` of an array of `elem` at `base`.
    pub fn element_addr(&self, base: PointerValue<'ctx>, elem: Handle<Type>, index: IntValue<'ctx>) -> Lower<PointerValue<'ctx>> {
        let t = self.types();
        let size = t.layout(elem).size;
        let stride = t.bytes(size);
        // SAFETY: a plain (not inbounds) GEP; the index is bounds-checked by the caller where Rust checks.
        Ok(unsafe { self.builder.build_gep(stride, base, &[index], "")? })
    }

    /// Rust's panic when `failed` is true: on the device a trap, on the host
    /// the shim's panic message with the failure's values and location.
    pub fn check(&mut self, failed: IntValue<'ctx>, failure: Failure<'ctx>) -> Lower<()> {
        match self.m.target {
            Target::Nvptx => self.trap_if(failed),
            Target::Host => self.panic_if(failed, failure),
        }
    }

    /// Trap when `cond` is true (Rust's panics become `llvm.trap` on the device).
    pub(crate) fn trap_if(&mut self, cond: IntValue<'ctx>) -> Lower<()> {
        let trap = match self.trap_block {
            Some(b) => b,
            None => {
                let b = self.context().append_basic_block(self.llfn, "trap");
                let here = self.builder.get_insert_block();
                self.builder.position_at_end(b);
                self.emit_trap()?;
                if let Some(here) = here {
                    self.builder.position_at_end(here);
                }
                self.trap_block = Some(b);
                b
            }
        };
        let cont = self.context().append_basic_block(self.llfn, "ok");
        self.builder.build_conditional_branch(cond, trap, cont)?;
        self.builder.position_at_end(cont);
        Ok(())
    }

    /// `call llvm.trap; unreachable` at the current position.
    pub fn emit_trap(&self) -> Lower<()> {
        let trap = self.intrinsic("llvm.trap", &[])?;
        self.builder.build_direct_call(trap, &[], "")?;
        self.builder.build_unreachable()?;
        Ok(())
    }

    /// The declaration of an LLVM intrinsic, overloaded on `types`.
    pub fn intrinsic(&self, name: &str, types: &[BasicTypeEnum<'ctx>]) -> Lower<FunctionValue<'ctx>> {
        inkwell::intrinsics::Intrinsic::find(name)
            .and_then(|i| i.get_declaration(&self.m.module, types))
            .ok_or_else(|| Flow::Error(self.internal(format!("LLVM intrinsic {name} not found"))))
    }

    /// Call an intrinsic that returns a value.
    pub fn call_intrinsic(&self, name: &str, types: &[BasicTypeEnum<'ctx>], args: &[BasicValueEnum<'ctx>]) -> Lower<BasicValueEnum<'ctx>> {
        let f = self.intrinsic(name, types)?;
        let args: Vec<_> = args.iter().map(|a| a.as_basic_value_enum().into()).collect();
        let call = self.builder.build_direct_call(f, &args, "")?;
        call.try_as_basic_value().basic().ok_or_else(|| Flow::Error(self.internal(format!("{name} returns nothing"))))
    }

    pub fn loop_frame(&self, id: LoopId) -> Lower<&LoopFrame<'ctx>> {
        self.loops
            .iter()
            .rev()
            .find(|l| l.id == id)
            .ok_or_else(|| Flow::Error(self.internal(format!("break/continue of unknown loop {id:?}"))))
    }
}
