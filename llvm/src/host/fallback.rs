//! Host fallback of device code: kernel entries reading their flattened argument slots, thread geometry, the barrier, and block-shared memory from the `ThreadCtx`, as hybrid-cranelift does.

use hybrid_ir::abi::{self, thread_ctx};
use hybrid_ir::{Axis, Expr, Intrinsic};
use inkwell::values::{BasicValue, PointerValue};

use crate::lower::function::{FnLowering, Lower, Val};
use crate::lower::target::Flavor;
use hybrid_ir::abi::Rt;

impl<'m, 'a, 'ctx> FnLowering<'m, 'a, 'ctx> {
    /// The `ctx` of fallback code, or "not supported" in host code (the
    /// validator rejects that already; a host+device function compiled for
    /// the host could still reach it).
    fn fallback_ctx(&self, what: &str, expr: &Expr) -> Lower<PointerValue<'ctx>> {
        match self.ctx.filter(|_| self.flavor == Flavor::Fallback) {
            Some(ctx) => Ok(ctx),
            None => Err(self.unsupported(format!("{what} in host code"), expr.span)),
        }
    }

    /// Thread geometry (`u32` fields of the `ThreadCtx`) and `SyncThreads`
    /// (the shim's barrier among the block's fallback threads).
    pub(crate) fn fallback_geometry(&mut self, op: Intrinsic, expr: &Expr) -> Lower<Val<'ctx>> {
        let ctx = self.fallback_ctx("thread geometry", expr)?;
        let (base, axis) = match op {
            Intrinsic::ThreadIdx(a) => (thread_ctx::THREAD_IDX, a),
            Intrinsic::BlockIdx(a) => (thread_ctx::BLOCK_IDX, a),
            Intrinsic::BlockDim(a) => (thread_ctx::BLOCK_DIM, a),
            Intrinsic::GridDim(a) => (thread_ctx::GRID_DIM, a),
            Intrinsic::SyncThreads => {
                self.call_runtime(Rt::FbSyncThreads, &[ctx.into()])?;
                return Ok(Val::Unit);
            }
            _ => return Err(self.internal(format!("{op:?} is not a geometry intrinsic")).into()),
        };
        let index = match axis {
            Axis::X => 0,
            Axis::Y => 1,
            Axis::Z => 2,
        };
        let addr = self.byte_offset(ctx, (base + 4 * index) as u64)?;
        let v = self.builder.build_load(self.context().i32_type(), addr, "")?;
        if let Some(inst) = v.as_instruction_value() {
            let _ = inst.set_alignment(4);
        }
        Ok(Val::Scalar(v))
    }

    /// `SharedArray(i)`: `ctx.shared + offset`; `DynSharedMem`: `ctx.dyn_shared`.
    pub(crate) fn fallback_shared_memory(&mut self, op: Intrinsic, expr: &Expr) -> Lower<Val<'ctx>> {
        let ctx = self.fallback_ctx("block-shared memory", expr)?;
        let (field, offset) = match op {
            Intrinsic::SharedArray(index) => {
                let Some(array) = self.m.ir.shared_arrays.get(index as usize) else {
                    return Err(self.internal(format!("shared array {index} out of range")).into());
                };
                (thread_ctx::SHARED, array.offset)
            }
            Intrinsic::DynSharedMem => (thread_ctx::DYN_SHARED, 0),
            _ => return Err(self.internal(format!("{op:?} is not a shared-memory intrinsic")).into()),
        };
        let addr = self.byte_offset(ctx, field as u64)?;
        let base = self.builder.build_load(self.types().ptr(), addr, "")?;
        if let Some(inst) = base.as_instruction_value() {
            let _ = inst.set_alignment(8);
        }
        Ok(Val::Scalar(self.byte_offset(base.into_pointer_value(), offset)?.into()))
    }

    /// A kernel's fallback entry `(args: *const u64, ctx)`: copy each
    /// parameter from its slots (`abi::kernel_slots`: a scalar in the low
    /// bytes of its word, a slice ref as the two words `data, len`, which is
    /// its own layout, an aggregate behind the pointer in its word) into the
    /// parameter's local.
    pub(crate) fn bind_kernel_args(&mut self) -> Lower<()> {
        let args = self.param(0)?.into_pointer_value();
        self.ctx = Some(self.param(1)?.into_pointer_value());
        let mut slot = 0u64;
        for &p in &self.ir.params {
            let ty = self.ir.locals[p].ty;
            let Some(slots) = abi::kernel_param_slots(self.types().table, ty) else {
                let what = format!("kernel parameter `{}` has an unsupported type", self.ir.locals[p].name);
                return Err(self.internal(what).into());
            };
            let local = self.alloca(ty)?;
            let mut src = self.byte_offset(args, 8 * slot)?;
            if let [abi::KernelSlot::Value { .. }] = slots.as_slice() {
                // The slot points to the value; the parameter is this thread's copy.
                let ptr = self.builder.build_load(self.types().ptr(), src, "")?;
                if let Some(inst) = ptr.as_instruction_value() {
                    let _ = inst.set_alignment(8);
                }
                src = ptr.into_pointer_value();
            }
            self.copy(local, src, ty)?;
            slot += slots.len() as u64;
            self.locals.insert(p, local);
        }
        Ok(())
    }
}
