//! `Intrinsic` lowering: slices, Vec (through the shim), pointer arithmetic, exit and trap; geometry, math, shared memory and atomics are delegated.

use cranelift_codegen::ir::{condcodes::IntCC, InstBuilder, TrapCode, Value};
use hybrid_ir::{abi, Expr, Handle, Intrinsic, Type, ValueRepr};

use crate::function::{Flavor, FunctionCx, Val, PTR};
use crate::runtime::Rt;
use crate::Result;

impl FunctionCx<'_, '_> {
    pub fn intrinsic(&mut self, op: Intrinsic, args: &[Handle<Expr>], expr: &Expr) -> Result<Val> {
        match op {
            Intrinsic::ThreadIdx(axis) => self.geometry(hybrid_ir::abi::thread_ctx::THREAD_IDX, axis),
            Intrinsic::BlockIdx(axis) => self.geometry(hybrid_ir::abi::thread_ctx::BLOCK_IDX, axis),
            Intrinsic::BlockDim(axis) => self.geometry(hybrid_ir::abi::thread_ctx::BLOCK_DIM, axis),
            Intrinsic::GridDim(axis) => self.geometry(hybrid_ir::abi::thread_ctx::GRID_DIM, axis),
            Intrinsic::SyncThreads => self.sync_threads(),
            Intrinsic::Math(f) => self.math(f, args, expr),
            Intrinsic::SharedArray(index) => self.shared_array(index),
            Intrinsic::DynSharedMem => self.dyn_shared_mem(),
            _ => {
                // Evaluate the arguments in order; Memory values are copied at
                // once so later arguments cannot change them.
                let mut vals = Vec::with_capacity(args.len());
                for &a in args {
                    let v = self.expr(a)?;
                    let ty = self.expr_of(a).ty;
                    vals.push((self.materialize(v, ty), ty));
                }
                self.simple_intrinsic(op, &vals, expr)
            }
        }
    }

    fn arg(&mut self, vals: &[(Val, Handle<Type>)], i: usize) -> Result<Value> {
        let (v, ty) = *vals.get(i).ok_or_else(|| self.bug("intrinsic with too few arguments"))?;
        Ok(match self.repr(ty) {
            ValueRepr::Memory => self.addr_of_val(v),
            _ => {
                let t = self.clif_type(ty);
                self.scalar_of(v, t)
            }
        })
    }

    fn pointee(&self, ty: Handle<Type>) -> Result<Handle<Type>> {
        match self.ty(ty) {
            Type::Pointer { pointee, .. } => Ok(*pointee),
            _ => Err(self.bug("pointer intrinsic on a non-pointer")),
        }
    }

    fn vec_elem(&self, ty: Handle<Type>) -> Result<Handle<Type>> {
        match self.ty(ty) {
            Type::Vec(elem) => Ok(*elem),
            _ => Err(self.bug("Vec intrinsic on a non-Vec type")),
        }
    }

    fn simple_intrinsic(&mut self, op: Intrinsic, vals: &[(Val, Handle<Type>)], expr: &Expr) -> Result<Val> {
        Ok(match op {
            Intrinsic::SliceLen | Intrinsic::VecLen => {
                let a = self.arg(vals, 0)?;
                Val::Scalar(self.load(PTR, a, 8))
            }
            Intrinsic::SlicePtr => {
                let a = self.arg(vals, 0)?;
                Val::Scalar(self.load(PTR, a, 0))
            }
            Intrinsic::ArrayToSlice => {
                let p = self.arg(vals, 0)?;
                let array = self.pointee(vals[0].1)?;
                let Type::Array { len, .. } = *self.ty(array) else {
                    return Err(self.bug("ArrayToSlice of a pointer to a non-array"));
                };
                let len = self.usize_const(len);
                self.make_pair(expr.ty, p, len)
            }
            Intrinsic::VecToSlice => {
                let v = self.arg(vals, 0)?;
                let data = self.load(PTR, v, 0);
                let len = self.load(PTR, v, 8);
                self.make_pair(expr.ty, data, len)
            }
            Intrinsic::VecNew => {
                let elem = self.vec_elem(expr.ty)?;
                let layout = self.layout(elem);
                let tmp = self.temp(expr.ty);
                let dangling = self.usize_const(layout.align);
                let zero = self.usize_const(0);
                self.store(dangling, tmp, 0);
                self.store(zero, tmp, 8);
                self.store(zero, tmp, 16);
                Val::Mem(tmp)
            }
            Intrinsic::VecWithCapacity => {
                let cap = self.arg(vals, 0)?;
                let elem = self.vec_elem(expr.ty)?;
                let layout = self.layout(elem);
                let tmp = self.temp(expr.ty);
                let size = self.usize_const(layout.size);
                let align = self.usize_const(layout.align);
                self.call_rt(Rt::VecWithCapacity, &[tmp, size, align, cap]);
                Val::Mem(tmp)
            }
            Intrinsic::VecFromElem => {
                let elem = self.vec_elem(expr.ty)?;
                let elem_ptr = self.elem_in_memory(vals[0].0, elem);
                let n = self.arg(vals, 1)?;
                let layout = self.layout(elem);
                let tmp = self.temp(expr.ty);
                let size = self.usize_const(layout.size);
                let align = self.usize_const(layout.align);
                self.call_rt(Rt::VecFromElem, &[tmp, elem_ptr, size, align, n]);
                Val::Mem(tmp)
            }
            Intrinsic::VecPush => {
                let vec = self.arg(vals, 0)?;
                let elem = self.vec_elem(self.pointee(vals[0].1)?)?;
                let (v, _) = *vals.get(1).ok_or_else(|| self.bug("push without a value"))?;
                // A Memory elem was already copied (materialize): it cannot
                // point into the buffer that push may reallocate.
                let elem_ptr = self.elem_in_memory(v, elem);
                let layout = self.layout(elem);
                let size = self.usize_const(layout.size);
                let align = self.usize_const(layout.align);
                self.call_rt(Rt::VecPush, &[vec, elem_ptr, size, align]);
                Val::Nothing
            }
            Intrinsic::PtrAdd | Intrinsic::PtrOffset => {
                let p = self.arg(vals, 0)?;
                let i = self.arg(vals, 1)?;
                let size = self.layout(self.pointee(vals[0].1)?).size;
                let offset = self.b.ins().imul_imm_s(i, size as i64);
                Val::Scalar(self.b.ins().iadd(p, offset))
            }
            Intrinsic::PtrIsNull => {
                let p = self.arg(vals, 0)?;
                Val::Scalar(self.b.ins().icmp_imm_s(IntCC::Equal, p, 0))
            }
            Intrinsic::Bitcast => {
                let v = self.arg(vals, 0)?;
                let to = self.clif_type(expr.ty);
                // (`u32` to `char`: one Cranelift type)
                if self.b.func.dfg.value_type(v) == to {
                    Val::Scalar(v)
                } else {
                    Val::Scalar(self.b.ins().bitcast(to, FunctionCx::flags(), v))
                }
            }
            Intrinsic::Exit => {
                let code = self.arg(vals, 0)?;
                if self.flavor != Flavor::Host {
                    return Err(self.unsupported("process::exit in device code"));
                }
                self.call_rt(Rt::Exit, &[code]);
                self.b.ins().trap(TrapCode::unwrap_user(1));
                self.dead_block();
                Val::Nothing
            }
            Intrinsic::NowNanos => {
                if self.flavor != Flavor::Host {
                    return Err(self.unsupported("Instant::now in device code"));
                }
                let now = self.call_rt(Rt::NowNs, &[]).expect("hybrid_now_ns returns a value");
                Val::Scalar(now)
            }
            Intrinsic::HostCall(f) => {
                if self.flavor != Flavor::Host {
                    return Err(self.unsupported("C library calls in device code"));
                }
                let args = (0..vals.len()).map(|i| self.arg(vals, i)).collect::<Result<Vec<_>>>()?;
                match self.call_rt(f.rt(), &args) {
                    Some(v) => Val::Scalar(v),
                    None => Val::Nothing,
                }
            }
            Intrinsic::Atomic(atomic) => {
                let values = (0..vals.len()).map(|i| self.arg(vals, i)).collect::<Result<Vec<_>>>()?;
                self.atomic(atomic, &values, expr)?
            }
            Intrinsic::Trap => {
                self.panic_msg(abi::PANIC_TRAP, expr.span);
                self.b.ins().trap(TrapCode::unwrap_user(1));
                self.dead_block();
                Val::Nothing
            }
            Intrinsic::ThreadIdx(_)
            | Intrinsic::BlockIdx(_)
            | Intrinsic::BlockDim(_)
            | Intrinsic::GridDim(_)
            | Intrinsic::SyncThreads
            | Intrinsic::SharedArray(_)
            | Intrinsic::DynSharedMem
            | Intrinsic::Math(_) => unreachable!("handled in intrinsic()"),
        })
    }

    /// A 16-byte `{ptr, len}` temporary (slice ref).
    fn make_pair(&mut self, ty: Handle<Type>, data: Value, len: Value) -> Val {
        let tmp = self.temp(ty);
        self.store(data, tmp, 0);
        self.store(len, tmp, 8);
        Val::Mem(tmp)
    }

    /// The address of an element value for the shim's Vec functions.
    fn elem_in_memory(&mut self, v: Val, elem: Handle<Type>) -> Value {
        match v {
            Val::Mem(a) => a,
            Val::Scalar(s) => {
                let tmp = self.temp(elem);
                self.store(s, tmp, 0);
                tmp
            }
            Val::Nothing => self.usize_const(self.layout(elem).align.max(1)),
        }
    }
}
