//! Block-shared memory and atomics: `SharedArray` as internal `addrspace(3)` globals, `DynSharedMem` as the external `[0 x i8]` one, `Atomic` as monotonic `atomicrmw` / `cmpxchg`.

use hybrid_ir::{AtomicOp, Expr, Handle, Scalar, Type};
use inkwell::llvm_sys::core::LLVMBuildAtomicRMW;
use inkwell::llvm_sys::{LLVMAtomicOrdering, LLVMAtomicRMWBinOp};
use inkwell::module::Linkage;
use inkwell::types::{BasicType, BasicTypeEnum};
use inkwell::values::{AsValueRef, BasicValueEnum, FloatValue, GlobalValue, PointerValue};
use inkwell::{AddressSpace, AtomicOrdering, AtomicRMWBinOp};

use crate::lower::function::{Flow, FnLowering, Lower, Val};
use crate::lower::target::Flavor;

/// NVPTX's address space of block-shared memory.
const SHARED: u16 = 3;
/// The symbol of the launch's dynamic shared memory (clang's `extern __shared__`).
const DYN_SHARED_SYMBOL: &str = "__hy_dyn_shared";

impl<'m, 'a, 'ctx> FnLowering<'m, 'a, 'ctx> {
    /// The lowering of `Atomic`, `SharedArray` and `DynSharedMem`.
    pub fn shared_intrinsic(&mut self, op: hybrid_ir::Intrinsic, args: &[Handle<Expr>], expr: &Expr) -> Lower<Val<'ctx>> {
        if self.flavor != Flavor::Device && !matches!(op, hybrid_ir::Intrinsic::Atomic(_)) {
            return self.fallback_shared_memory(op, expr);
        }
        match op {
            hybrid_ir::Intrinsic::SharedArray(index) => {
                let global = self.shared_array_global(index, expr)?;
                self.generic_pointer(global)
            }
            hybrid_ir::Intrinsic::DynSharedMem => {
                let global = self.dyn_shared_global();
                self.generic_pointer(global)
            }
            hybrid_ir::Intrinsic::Atomic(atomic) => self.atomic(atomic, args, expr),
            _ => Err(self.internal(format!("{op:?} is not a shared-memory intrinsic")).into()),
        }
    }

    /// `@__hy_shared_<index>`: an internal `addrspace(3)` `[N x T]`, undef,
    /// aligned to `T` (at least 4); one per `Module::shared_arrays` entry.
    fn shared_array_global(&self, index: u32, expr: &Expr) -> Lower<GlobalValue<'ctx>> {
        let name = format!("__hy_shared_{index}");
        if let Some(g) = self.m.module.get_global(&name) {
            return Ok(g);
        }
        let Some(array) = self.m.ir.shared_arrays.get(index as usize) else {
            return Err(self.internal(format!("shared array {index} out of range")).into());
        };
        let t = self.types();
        let Type::Array { elem, len } = *t.table.get(array.ty) else {
            return Err(self.internal("shared array of a non-array type").into());
        };
        let Ok(len) = u32::try_from(len) else {
            return Err(self.unsupported(format!("a shared array of {len} elements"), expr.span));
        };
        let ty = t.memory_type(elem).array_type(len);
        let global = self.m.module.add_global(ty, Some(AddressSpace::from(SHARED)), &name);
        global.set_linkage(Linkage::Internal);
        global.set_initializer(&ty.get_undef());
        global.set_alignment(t.layout(elem).align.max(4) as u32);
        Ok(global)
    }

    /// `@__hy_dyn_shared`: `external addrspace(3) global [0 x i8], align 16`.
    fn dyn_shared_global(&self) -> GlobalValue<'ctx> {
        if let Some(g) = self.m.module.get_global(DYN_SHARED_SYMBOL) {
            return g;
        }
        let ty = self.context().i8_type().array_type(0);
        let global = self.m.module.add_global(ty, Some(AddressSpace::from(SHARED)), DYN_SHARED_SYMBOL);
        global.set_linkage(Linkage::External);
        global.set_alignment(16);
        global
    }

    /// A shared global as a generic pointer (what every IR pointer is).
    fn generic_pointer(&self, global: GlobalValue<'ctx>) -> Lower<Val<'ctx>> {
        let generic = self.types().ptr();
        let p = self.builder.build_address_space_cast(global.as_pointer_value(), generic, "")?;
        Ok(Val::Scalar(p.into()))
    }

    /// `atomicrmw` / `cmpxchg`, monotonic (CUDA's `atomicAdd` and friends).
    fn atomic(&mut self, op: AtomicOp, args: &[Handle<Expr>], expr: &Expr) -> Lower<Val<'ctx>> {
        let t = self.types();
        let scalar = match t.scalar_of(expr.ty) {
            Some(s) if s.size() >= 4 && s != Scalar::Bool => s,
            _ => return Err(self.internal("atomic of a type the validator rejects").into()),
        };
        let mut values = Vec::with_capacity(args.len());
        for &a in args {
            values.push(self.scalar(a)?);
        }
        let missing = || Flow::Error(self.internal(format!("atomic {op:?} with too few arguments")));
        let p = values.first().ok_or_else(missing)?.into_pointer_value();
        let x = *values.get(1).ok_or_else(missing)?;
        let int_ty = match scalar.size() {
            4 => self.context().i32_type(),
            _ => self.context().i64_type(),
        };
        let monotonic = AtomicOrdering::Monotonic;
        let old: BasicValueEnum<'ctx> = match op {
            AtomicOp::Add if scalar.is_float() => self.atomic_fadd(p, x.into_float_value())?.into(),
            AtomicOp::Add => self.builder.build_atomicrmw(AtomicRMWBinOp::Add, p, x.into_int_value(), monotonic)?.into(),
            AtomicOp::Min | AtomicOp::Max => {
                let rmw = match (op, scalar.is_signed()) {
                    (AtomicOp::Min, true) => AtomicRMWBinOp::Min,
                    (AtomicOp::Min, false) => AtomicRMWBinOp::UMin,
                    (_, true) => AtomicRMWBinOp::Max,
                    (_, false) => AtomicRMWBinOp::UMax,
                };
                self.builder.build_atomicrmw(rmw, p, x.into_int_value(), monotonic)?.into()
            }
            AtomicOp::Exch => {
                let bits = self.builder.build_bit_cast(x, int_ty, "")?.into_int_value();
                let old = self.builder.build_atomicrmw(AtomicRMWBinOp::Xchg, p, bits, monotonic)?;
                let value_ty: BasicTypeEnum = t.scalar_value_type(scalar);
                self.builder.build_bit_cast(old, value_ty, "")?
            }
            AtomicOp::Cas => {
                let new = values.get(2).ok_or_else(missing)?.into_int_value();
                let pair = self.builder.build_cmpxchg(p, x.into_int_value(), new, monotonic, monotonic)?;
                self.builder.build_extract_value(pair, 0, "")?
            }
        };
        Ok(Val::Scalar(old))
    }

    /// `atomicrmw fadd` (inkwell only builds integer `atomicrmw`): native
    /// `atom.add.f32` / `atom.add.f64` on sm_60+, a CAS loop below.
    fn atomic_fadd(&self, p: PointerValue<'ctx>, x: FloatValue<'ctx>) -> Lower<FloatValue<'ctx>> {
        // Position the builder (and check it is) through a harmless query.
        if self.builder.get_insert_block().is_none() {
            return Err(self.internal("atomic add with no insertion point").into());
        }
        // SAFETY: the builder is positioned, `p` is a pointer and `x` a float
        // of this context; LLVM accepts `fadd` on float types since LLVM 9.
        let v = unsafe {
            LLVMBuildAtomicRMW(
                self.builder.as_mut_ptr(),
                LLVMAtomicRMWBinOp::LLVMAtomicRMWBinOpFAdd,
                p.as_value_ref(),
                x.as_value_ref(),
                LLVMAtomicOrdering::LLVMAtomicOrderingMonotonic,
                0,
            )
        };
        // SAFETY: `atomicrmw fadd` yields a value of the operand's float type.
        Ok(unsafe { FloatValue::new(v) })
    }
}
