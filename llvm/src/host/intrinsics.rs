//! Host-only intrinsics (Vec through the shim, exit, the clock, the trap as a panic) and host float math: glibc's libm and compiler-rt's `__powi*f2`, the calls hybrid-cranelift makes, so both host backends compute identical results.

use hybrid_ir::{abi, Expr, Handle, Intrinsic, MathFn, Scalar, Type, ValueRepr};
use inkwell::values::{BasicValueEnum, FloatValue, PointerValue};
use inkwell::FloatPredicate;

use crate::lower::function::{Flow, FnLowering, Lower, Val};
use crate::lower::target::{Check, Failure, Flavor};
use hybrid_ir::abi::Rt;

/// glibc's name of the libm function computing `f` on `scalar`, for the
/// functions hybrid-cranelift calls libm for.
fn libm_symbol(f: MathFn, scalar: Scalar) -> Option<&'static str> {
    let f32 = scalar == Scalar::F32;
    Some(match f {
        MathFn::Round => {
            if f32 {
                "roundf"
            } else {
                "round"
            }
        }
        MathFn::Exp => {
            if f32 {
                "expf"
            } else {
                "exp"
            }
        }
        MathFn::Exp2 => {
            if f32 {
                "exp2f"
            } else {
                "exp2"
            }
        }
        MathFn::Ln => {
            if f32 {
                "logf"
            } else {
                "log"
            }
        }
        MathFn::Log2 => {
            if f32 {
                "log2f"
            } else {
                "log2"
            }
        }
        MathFn::Log10 => {
            if f32 {
                "log10f"
            } else {
                "log10"
            }
        }
        MathFn::Sin => {
            if f32 {
                "sinf"
            } else {
                "sin"
            }
        }
        MathFn::Cos => {
            if f32 {
                "cosf"
            } else {
                "cos"
            }
        }
        MathFn::Tan => {
            if f32 {
                "tanf"
            } else {
                "tan"
            }
        }
        MathFn::Tanh => {
            if f32 {
                "tanhf"
            } else {
                "tanh"
            }
        }
        MathFn::Powf => {
            if f32 {
                "powf"
            } else {
                "pow"
            }
        }
        _ => return None,
    })
}

impl<'m, 'a, 'ctx> FnLowering<'m, 'a, 'ctx> {
    /// The float math that differs from the device lowering: libm calls,
    /// `powi`, and `min`/`max` with Cranelift's `fmin`/`fmax` zero ordering.
    /// `None` for the operations both targets lower the same way.
    pub(crate) fn host_float_math(
        &mut self,
        f: MathFn,
        scalar: Scalar,
        vals: &[BasicValueEnum<'ctx>],
    ) -> Lower<Option<BasicValueEnum<'ctx>>> {
        if let Some(symbol) = libm_symbol(f, scalar) {
            return Ok(Some(self.call_libm(symbol, vals)?));
        }
        Ok(Some(match f {
            MathFn::Powi => {
                let powi = if scalar == Scalar::F32 { Rt::Powisf2 } else { Rt::Powidf2 };
                let n = self.builder.build_int_cast_sign_flag(vals[1].into_int_value(), self.context().i32_type(), true, "")?;
                let r = self.call_runtime(powi, &[vals[0], n.into()])?;
                r.ok_or_else(|| Flow::Error(self.internal("powi returns nothing")))?
            }
            MathFn::Min | MathFn::Max => {
                self.float_min_max(f == MathFn::Min, vals[0].into_float_value(), vals[1].into_float_value())?.into()
            }
            _ => return Ok(None),
        }))
    }

    /// Rust's `min`/`max` as hybrid-cranelift computes them: `llvm.minimum` /
    /// `llvm.maximum` (Cranelift's `fmin`/`fmax`: -0 < +0, NaN-propagating),
    /// then a NaN operand yields the other operand.
    fn float_min_max(&mut self, min: bool, x: FloatValue<'ctx>, y: FloatValue<'ctx>) -> Lower<FloatValue<'ctx>> {
        let name = if min { "llvm.minimum" } else { "llvm.maximum" };
        let m = self.call_intrinsic(name, &[x.get_type().into()], &[x.into(), y.into()])?;
        let b = &self.builder;
        let x_nan = b.build_float_compare(FloatPredicate::UNO, x, x, "")?;
        let y_nan = b.build_float_compare(FloatPredicate::UNO, y, y, "")?;
        let not_y = b.build_select(y_nan, x, m.into_float_value(), "")?;
        Ok(b.build_select(x_nan, y, not_y.into_float_value(), "")?.into_float_value())
    }

    /// `Trap` on the host: Rust's panic "explicit trap".
    pub(crate) fn host_trap(&mut self, expr: &Expr) -> Lower<Val<'ctx>> {
        self.panic_now(Failure { check: Check::Message(abi::PANIC_TRAP), span: expr.span })?;
        Err(Flow::Diverged)
    }

    /// `Vec` intrinsics, `exit` and `Instant::now` through the shim. The
    /// arguments are evaluated in order first, Memory values copied at once
    /// so later arguments cannot change them.
    pub(crate) fn host_intrinsic(&mut self, op: Intrinsic, args: &[Handle<Expr>], expr: &Expr) -> Lower<Val<'ctx>> {
        if matches!(op, Intrinsic::Exit | Intrinsic::NowNanos | Intrinsic::HostCall(_)) && self.flavor != Flavor::Host {
            return Err(self.unsupported(format!("{op:?} in device code"), expr.span));
        }
        let mut vals = Vec::with_capacity(args.len());
        for &a in args {
            let ty = self.expr(a).ty;
            let v = match self.value(a)? {
                v @ Val::Mem(_) => Val::Mem(self.materialize(v, ty)?),
                v => v,
            };
            vals.push((v, ty));
        }
        let t = self.types();
        let i64t = t.i64();
        let arg = |i: usize| -> Lower<(Val<'ctx>, Handle<Type>)> {
            vals.get(i).copied().ok_or_else(|| Flow::Error(self.internal("intrinsic with too few arguments")))
        };
        let scalar_arg = |i: usize| -> Lower<BasicValueEnum<'ctx>> {
            match arg(i)?.0 {
                Val::Scalar(v) => Ok(v),
                _ => Err(Flow::Error(self.internal("expected a scalar intrinsic argument"))),
            }
        };
        let vec_elem = |ty: Handle<Type>| -> Lower<Handle<Type>> {
            let ty = match *t.table.get(ty) {
                Type::Pointer { pointee, .. } => pointee,
                _ => ty,
            };
            match *t.table.get(ty) {
                Type::Vec(elem) => Ok(elem),
                _ => Err(Flow::Error(self.internal("Vec intrinsic on a non-Vec type"))),
            }
        };
        Ok(match op {
            Intrinsic::VecLen => {
                let v = scalar_arg(0)?.into_pointer_value();
                Val::Scalar(self.slice_parts(v)?.1.into())
            }
            Intrinsic::VecToSlice => {
                let v = scalar_arg(0)?.into_pointer_value();
                let (data, len) = self.slice_parts(v)?;
                self.make_slice(expr.ty, data, len)?
            }
            Intrinsic::VecNew => {
                let layout = t.layout(vec_elem(expr.ty)?);
                let tmp = self.alloca(expr.ty)?;
                let dangling = self.builder.build_int_to_ptr(i64t.const_int(layout.align, false), t.ptr(), "")?;
                let zero = i64t.const_zero();
                self.builder.build_store(tmp, dangling)?;
                self.builder.build_store(self.byte_offset(tmp, 8)?, zero)?;
                self.builder.build_store(self.byte_offset(tmp, 16)?, zero)?;
                Val::Mem(tmp)
            }
            Intrinsic::VecWithCapacity => {
                let cap = scalar_arg(0)?;
                let layout = t.layout(vec_elem(expr.ty)?);
                let tmp = self.alloca(expr.ty)?;
                let size = i64t.const_int(layout.size, false).into();
                let align = i64t.const_int(layout.align, false).into();
                self.call_runtime(Rt::VecWithCapacity, &[tmp.into(), size, align, cap])?;
                Val::Mem(tmp)
            }
            Intrinsic::VecFromElem => {
                let elem = vec_elem(expr.ty)?;
                let elem_ptr = self.elem_in_memory(arg(0)?.0, elem)?;
                let n = scalar_arg(1)?;
                let layout = t.layout(elem);
                let tmp = self.alloca(expr.ty)?;
                let size = i64t.const_int(layout.size, false).into();
                let align = i64t.const_int(layout.align, false).into();
                self.call_runtime(Rt::VecFromElem, &[tmp.into(), elem_ptr.into(), size, align, n])?;
                Val::Mem(tmp)
            }
            Intrinsic::VecPush => {
                let vec = scalar_arg(0)?;
                let elem = vec_elem(arg(0)?.1)?;
                // A Memory elem was copied above: it cannot point into the
                // buffer that push may reallocate.
                let elem_ptr = self.elem_in_memory(arg(1)?.0, elem)?;
                let layout = t.layout(elem);
                let size = i64t.const_int(layout.size, false).into();
                let align = i64t.const_int(layout.align, false).into();
                self.call_runtime(Rt::VecPush, &[vec, elem_ptr.into(), size, align])?;
                Val::Unit
            }
            Intrinsic::Exit => {
                let code = scalar_arg(0)?;
                self.call_runtime(Rt::Exit, &[code])?;
                self.builder.build_unreachable()?;
                return Err(Flow::Diverged);
            }
            Intrinsic::HostCall(f) => {
                let mut args = (0..vals.len()).map(scalar_arg).collect::<Lower<Vec<_>>>()?;
                // a `bool` (i1 here) goes to an `I8` parameter zero-extended, as the ABI says
                for a in &mut args {
                    if let BasicValueEnum::IntValue(v) = *a {
                        if v.get_type().get_bit_width() == 1 {
                            *a = self.builder.build_int_z_extend(v, self.context().i8_type(), "")?.into();
                        }
                    }
                }
                match self.call_runtime(f.rt(), &args)? {
                    Some(v) => Val::Scalar(v),
                    None => Val::Unit,
                }
            }
            Intrinsic::NowNanos => {
                let now = self.call_runtime(Rt::NowNs, &[])?;
                Val::Scalar(now.ok_or_else(|| Flow::Error(self.internal("hybrid_now_ns returns nothing")))?)
            }
            _ => return Err(self.internal(format!("{op:?} is not a host intrinsic")).into()),
        })
    }

    /// The address of an element value for the shim's Vec functions.
    fn elem_in_memory(&self, v: Val<'ctx>, elem: Handle<Type>) -> Lower<PointerValue<'ctx>> {
        Ok(match v {
            Val::Mem(a) => a,
            Val::Scalar(_) => self.materialize(v, elem)?,
            Val::Unit => {
                debug_assert_eq!(self.types().repr(elem), ValueRepr::Nothing);
                let align = self.types().i64().const_int(self.types().layout(elem).align.max(1), false);
                self.builder.build_int_to_ptr(align, self.types().ptr(), "")?
            }
        })
    }
}
