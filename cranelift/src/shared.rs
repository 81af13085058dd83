//! Host fallback of block-shared memory and atomics: `SharedArray` and `DynSharedMem` from the `ThreadCtx`, `Atomic` as Cranelift atomics (float add as a CAS loop).

use cranelift_codegen::ir::{self, condcodes::IntCC, AtomicRmwOp, BlockArg, InstBuilder, Value};
use hybrid_ir::{abi, AtomicOp, Expr, Handle, Type};

use crate::function::{Flavor, FunctionCx, Val, PTR};
use crate::Result;

impl FunctionCx<'_, '_> {
    /// The `ctx: *const ThreadCtx` of fallback code, or the "not supported"
    /// error for host code (the validator already rejects host-only
    /// functions; this catches host+device functions compiled for the host).
    fn fallback_ctx(&self, what: &str) -> Result<Value> {
        self.ctx_ptr.filter(|_| self.flavor == Flavor::Fallback).ok_or_else(|| self.unsupported(format!("{what} in host code")))
    }

    /// `gpu::shared_array::<T, N>()`: `ctx.shared + offset` of the module's
    /// array `index` (the shim allocates `Module::shared_bytes()` per block).
    pub fn shared_array(&mut self, index: u32) -> Result<Val> {
        let ctx = self.fallback_ctx("gpu::shared_array")?;
        let Some(array) = self.module.shared_arrays.get(index as usize) else {
            return Err(self.bug(format!("shared array {index} out of range")));
        };
        let base = self.load(PTR, ctx, abi::thread_ctx::SHARED);
        Ok(Val::Scalar(self.add_offset(base, array.offset)))
    }

    /// `gpu_dynamic_groupshared_mem::<T>()`: `ctx.dyn_shared`.
    pub fn dyn_shared_mem(&mut self) -> Result<Val> {
        let ctx = self.fallback_ctx("dynamic shared memory")?;
        Ok(Val::Scalar(self.load(PTR, ctx, abi::thread_ctx::DYN_SHARED)))
    }

    /// `gpu::atomic_*(p, v..)`: `values[0]` is the pointer, the rest are `T`
    /// (already evaluated in order). Returns the old value.
    pub fn atomic(&mut self, op: AtomicOp, values: &[Value], expr: &Expr) -> Result<Val> {
        self.fallback_ctx("atomics")?;
        let (&p, operands) = values.split_first().ok_or_else(|| self.bug("atomic without a pointer"))?;
        let scalar = self.atomic_scalar(expr.ty)?;
        let t = self.clif_type(expr.ty);
        let int_t = t.as_int();
        let x = *operands.first().ok_or_else(|| self.bug("atomic without an operand"))?;
        let old = match op {
            AtomicOp::Add if scalar.is_float() => self.float_add_loop(p, x, t),
            AtomicOp::Add => self.b.ins().atomic_rmw(t, Self::flags(), AtomicRmwOp::Add, p, x),
            AtomicOp::Min | AtomicOp::Max => {
                let rmw = match (op, scalar.is_signed()) {
                    (AtomicOp::Min, true) => AtomicRmwOp::Smin,
                    (AtomicOp::Min, false) => AtomicRmwOp::Umin,
                    (_, true) => AtomicRmwOp::Smax,
                    (_, false) => AtomicRmwOp::Umax,
                };
                self.b.ins().atomic_rmw(t, Self::flags(), rmw, p, x)
            }
            AtomicOp::Exch => {
                let bits = self.bitcast_to_int(x, int_t);
                let old = self.b.ins().atomic_rmw(int_t, Self::flags(), AtomicRmwOp::Xchg, p, bits);
                self.bitcast_from_int(old, t)
            }
            AtomicOp::Cas => {
                let new = *operands.get(1).ok_or_else(|| self.bug("atomic_cas without a new value"))?;
                self.b.ins().atomic_cas(Self::flags(), p, x, new)
            }
        };
        Ok(Val::Scalar(old))
    }

    fn atomic_scalar(&self, ty: Handle<Type>) -> Result<hybrid_ir::Scalar> {
        match self.ty(ty) {
            Type::Scalar(s) if s.size() >= 4 && *s != hybrid_ir::Scalar::Bool => Ok(*s),
            _ => Err(self.bug("atomic of a type the validator rejects")),
        }
    }

    fn bitcast_to_int(&mut self, x: Value, int_t: ir::Type) -> Value {
        if self.b.func.dfg.value_type(x) == int_t {
            x
        } else {
            self.b.ins().bitcast(int_t, Self::flags(), x)
        }
    }

    fn bitcast_from_int(&mut self, bits: Value, t: ir::Type) -> Value {
        if t.is_int() {
            bits
        } else {
            self.b.ins().bitcast(t, Self::flags(), bits)
        }
    }

    /// `atomicAdd` on f32/f64: compare-and-swap the bit pattern until no other
    /// thread changed it in between; returns the old value.
    fn float_add_loop(&mut self, p: Value, x: Value, t: ir::Type) -> Value {
        let int_t = t.as_int();
        let first = self.b.ins().atomic_load(int_t, Self::flags(), p);
        let header = self.b.create_block();
        let exit = self.b.create_block();
        let expected = self.b.append_block_param(header, int_t);
        let result = self.b.append_block_param(exit, int_t);
        self.b.ins().jump(header, &[BlockArg::Value(first)]);

        self.b.switch_to_block(header);
        let old = self.b.ins().bitcast(t, Self::flags(), expected);
        let sum = self.b.ins().fadd(old, x);
        let sum_bits = self.b.ins().bitcast(int_t, Self::flags(), sum);
        let seen = self.b.ins().atomic_cas(Self::flags(), p, expected, sum_bits);
        let swapped = self.b.ins().icmp(IntCC::Equal, seen, expected);
        self.b.ins().brif(swapped, exit, &[BlockArg::Value(seen)], header, &[BlockArg::Value(seen)]);

        self.b.switch_to_block(exit);
        self.b.ins().bitcast(t, Self::flags(), result)
    }
}
