//! Intrinsic calls: float and integer math (exact LLVM intrinsics, the device libm for the rest), slice and pointer helpers, traps.

use hybrid_ir::{Expr, Handle, Intrinsic, MathFn, Type};
use inkwell::module::Linkage;
use inkwell::types::BasicMetadataTypeEnum;
use inkwell::values::{BasicMetadataValueEnum, BasicValueEnum, IntValue};
use inkwell::IntPredicate;

use crate::lower::function::{Flow, FnLowering, Lower, Val};
use crate::lower::target::Target;

fn method_name(f: MathFn) -> &'static str {
    match f {
        MathFn::Sqrt => "sqrt",
        MathFn::Abs => "abs",
        MathFn::Min => "min",
        MathFn::Max => "max",
        MathFn::MulAdd => "mul_add",
        MathFn::Floor => "floor",
        MathFn::Ceil => "ceil",
        MathFn::Round => "round",
        MathFn::Trunc => "trunc",
        MathFn::Exp => "exp",
        MathFn::Exp2 => "exp2",
        MathFn::Ln => "ln",
        MathFn::Log2 => "log2",
        MathFn::Log10 => "log10",
        MathFn::Sin => "sin",
        MathFn::Cos => "cos",
        MathFn::Tan => "tan",
        MathFn::Tanh => "tanh",
        MathFn::Powi => "powi",
        MathFn::Powf => "powf",
        MathFn::Pow => "pow",
        MathFn::CountOnes => "count_ones",
        MathFn::LeadingZeros => "leading_zeros",
        MathFn::TrailingZeros => "trailing_zeros",
    }
}

impl<'m, 'a, 'ctx> FnLowering<'m, 'a, 'ctx> {
    pub fn intrinsic_call(&mut self, op: Intrinsic, args: &[Handle<Expr>], expr: &Expr) -> Lower<Val<'ctx>> {
        let t = self.types();
        match op {
            Intrinsic::ThreadIdx(_) | Intrinsic::BlockIdx(_) | Intrinsic::BlockDim(_) | Intrinsic::GridDim(_) | Intrinsic::SyncThreads => {
                crate::ptx::kernel::lower_geometry(self, op, expr)
            }
            Intrinsic::Math(f) => self.math(f, args, expr),
            Intrinsic::SliceLen | Intrinsic::SlicePtr => {
                let addr = self.address(self.arg(args, 0)?)?;
                let (data, len) = self.slice_parts(addr)?;
                Ok(Val::Scalar(if op == Intrinsic::SliceLen { len.into() } else { data.into() }))
            }
            Intrinsic::ArrayToSlice => {
                let a = self.arg(args, 0)?;
                let arr_ptr_ty = self.expr(a).ty;
                let len = match t.table.get(arr_ptr_ty) {
                    Type::Pointer { pointee, .. } => match t.table.get(*pointee) {
                        Type::Array { len, .. } => *len,
                        _ => return Err(self.internal("ArrayToSlice of a pointer to a non-array").into()),
                    },
                    _ => return Err(self.internal("ArrayToSlice of a non-pointer").into()),
                };
                let data = self.scalar(a)?.into_pointer_value();
                self.make_slice(expr.ty, data, t.i64().const_int(len, false))
            }
            Intrinsic::PtrAdd | Intrinsic::PtrOffset => {
                let p = self.arg(args, 0)?;
                let Type::Pointer { pointee, .. } = *t.table.get(self.expr(p).ty) else {
                    return Err(self.internal("pointer arithmetic on a non-pointer").into());
                };
                let base = self.scalar(p)?.into_pointer_value();
                let i = self.scalar(self.arg(args, 1)?)?.into_int_value();
                Ok(Val::Scalar(self.element_addr(base, pointee, i)?.into()))
            }
            Intrinsic::Bitcast => {
                let v = self.scalar(self.arg(args, 0)?)?;
                let to = t.value_type(expr.ty).ok_or_else(|| self.internal("Bitcast to a non-scalar"))?;
                Ok(Val::Scalar(self.builder.build_bit_cast(v, to, "")?))
            }
            Intrinsic::PtrIsNull => {
                let p = self.scalar(self.arg(args, 0)?)?.into_pointer_value();
                Ok(Val::Scalar(self.builder.build_is_null(p, "")?.into()))
            }
            Intrinsic::Trap if self.m.target == Target::Host => self.host_trap(expr),
            Intrinsic::Trap => {
                self.emit_trap()?;
                Err(Flow::Diverged)
            }
            _ if op.is_host_only() && self.m.target == Target::Host => self.host_intrinsic(op, args, expr),
            Intrinsic::VecNew
            | Intrinsic::VecWithCapacity
            | Intrinsic::VecFromElem
            | Intrinsic::VecPush
            | Intrinsic::VecLen
            | Intrinsic::VecToSlice => Err(self.unsupported("`Vec` (host only)", expr.span)),
            Intrinsic::Exit => Err(self.unsupported("`std::process::exit` (host only)", expr.span)),
            Intrinsic::NowNanos => Err(self.unsupported("`Instant::now` (host only)", expr.span)),
            Intrinsic::HostCall(f) => Err(self.unsupported(format!("`{}` (host only)", f.rt().name()), expr.span)),
            Intrinsic::Atomic(_) | Intrinsic::SharedArray(_) | Intrinsic::DynSharedMem => self.shared_intrinsic(op, args, expr),
        }
    }

    fn arg(&self, args: &[Handle<Expr>], i: usize) -> Lower<Handle<Expr>> {
        args.get(i).copied().ok_or_else(|| Flow::Error(self.internal("missing intrinsic argument")))
    }

    fn math(&mut self, f: MathFn, args: &[Handle<Expr>], expr: &Expr) -> Lower<Val<'ctx>> {
        let t = self.types();
        let first_ty = self.expr(self.arg(args, 0)?).ty;
        let Some(scalar) = t.scalar_of(first_ty) else {
            return Err(self.internal("math on a non-scalar").into());
        };
        let name = format!("{}::{}", scalar.name(), method_name(f));
        // Evaluate all arguments left to right first.
        let mut vals = Vec::with_capacity(args.len());
        for &a in args {
            vals.push(self.scalar(a)?);
        }
        let ty = vals[0].get_type();
        if scalar.is_float() && self.m.target == Target::Host {
            if let Some(v) = self.host_float_math(f, scalar, &vals)? {
                return Ok(Val::Scalar(v));
            }
        }
        let one = |n: &str, this: &Self| this.call_intrinsic(n, &[ty], &vals);
        let v: BasicValueEnum<'ctx> = if scalar.is_float() {
            match f {
                MathFn::Sqrt => one("llvm.sqrt", self)?,
                MathFn::Abs => one("llvm.fabs", self)?,
                // Rust's min/max return the non-NaN operand: minnum/maxnum.
                MathFn::Min => one("llvm.minnum", self)?,
                MathFn::Max => one("llvm.maxnum", self)?,
                MathFn::MulAdd => one("llvm.fma", self)?,
                MathFn::Floor => one("llvm.floor", self)?,
                MathFn::Ceil => one("llvm.ceil", self)?,
                // Half away from zero, like Rust's round.
                MathFn::Round => one("llvm.round", self)?,
                MathFn::Trunc => one("llvm.trunc", self)?,
                MathFn::Powi => self.powi(vals[0], vals[1].into_int_value())?,
                // The transcendental functions: the device libm (musl), linked
                // in by `libm::link` after lowering.
                _ => match crate::ptx::libm::entry_point(f, scalar) {
                    Some(symbol) => self.call_libm(symbol, &vals)?,
                    None => return Err(self.unsupported(name, expr.span)),
                },
            }
        } else {
            let signed = scalar.is_signed();
            let b = &self.builder;
            match f {
                MathFn::Min => one(if signed { "llvm.smin" } else { "llvm.umin" }, self)?,
                MathFn::Max => one(if signed { "llvm.smax" } else { "llvm.umax" }, self)?,
                MathFn::Abs if signed => {
                    // Wrapping: i32::MIN.abs() is i32::MIN (overflow wraps).
                    let no_poison = self.context().bool_type().const_zero();
                    self.call_intrinsic("llvm.abs", &[ty], &[vals[0], no_poison.into()])?
                }
                MathFn::Abs => vals[0],
                MathFn::Pow => self.int_pow(vals[0].into_int_value(), vals[1].into_int_value())?.into(),
                MathFn::CountOnes | MathFn::LeadingZeros | MathFn::TrailingZeros => {
                    let v = match f {
                        MathFn::CountOnes => one("llvm.ctpop", self)?,
                        _ => {
                            let n = if f == MathFn::LeadingZeros { "llvm.ctlz" } else { "llvm.cttz" };
                            let zero_is_poison = self.context().bool_type().const_zero();
                            self.call_intrinsic(n, &[ty], &[vals[0], zero_is_poison.into()])?
                        }
                    };
                    let Some(out) = t.value_type(expr.ty) else {
                        return Err(self.internal("count of a non-scalar type").into());
                    };
                    b.build_int_cast_sign_flag(v.into_int_value(), out.into_int_type(), false, "")?.into()
                }
                _ => return Err(self.unsupported(name, expr.span)),
            }
        };
        Ok(Val::Scalar(v))
    }

    /// Call the device libm's `symbol` (declared here, defined when the
    /// library is linked in) with float arguments of one type.
    pub fn call_libm(&mut self, symbol: &str, args: &[BasicValueEnum<'ctx>]) -> Lower<BasicValueEnum<'ctx>> {
        let ty = args[0].get_type().into_float_type();
        let module = &self.m.module;
        let callee = module.get_function(symbol).unwrap_or_else(|| {
            let params: Vec<BasicMetadataTypeEnum> = args.iter().map(|_| ty.into()).collect();
            module.add_function(symbol, ty.fn_type(&params, false), Some(Linkage::External))
        });
        let args: Vec<BasicMetadataValueEnum> = args.iter().map(|&a| a.into()).collect();
        let call = self.builder.build_direct_call(callee, &args, "")?;
        call.try_as_basic_value().basic().ok_or_else(|| Flow::Error(self.internal(format!("{symbol} returns nothing"))))
    }

    /// Square-and-multiply: `r = 1; while e != 0 { if e & 1 { r *= base } e /= 2; base *= base }`.
    /// For floats with a signed `i32` exponent this is compiler-rt's `__powidf2`
    /// order of operations (then `1 / r` for negative exponents), so results
    /// match the host's `powi`; for integers it is Rust's wrapping `pow`.
    fn square_and_multiply(&mut self, base: BasicValueEnum<'ctx>, exp: IntValue<'ctx>, signed_exp: bool) -> Lower<BasicValueEnum<'ctx>> {
        let ctx = self.context();
        let ety = exp.get_type();
        let vty = base.get_type();
        let one: BasicValueEnum = if vty.is_float_type() {
            vty.into_float_type().const_float(1.0).into()
        } else {
            vty.into_int_type().const_int(1, false).into()
        };
        let pre = self.builder.get_insert_block().ok_or_else(|| Flow::Error(self.internal("no insert block")))?;
        let head = ctx.append_basic_block(self.llfn, "pow");
        let body = ctx.append_basic_block(self.llfn, "pow.step");
        let done = ctx.append_basic_block(self.llfn, "pow.done");
        self.builder.build_unconditional_branch(head)?;
        self.builder.position_at_end(head);
        let r = self.builder.build_phi(vty, "")?;
        let a = self.builder.build_phi(vty, "")?;
        let e = self.builder.build_phi(ety, "")?;
        let (rv, av, ev) = (r.as_basic_value(), a.as_basic_value(), e.as_basic_value().into_int_value());
        let more = self.builder.build_int_compare(IntPredicate::NE, ev, ety.const_zero(), "")?;
        self.builder.build_conditional_branch(more, body, done)?;
        self.builder.position_at_end(body);
        let b = &self.builder;
        let odd = b.build_and(ev, ety.const_int(1, false), "")?;
        let odd = b.build_int_compare(IntPredicate::NE, odd, ety.const_zero(), "")?;
        let (times, squared): (BasicValueEnum, BasicValueEnum) = if vty.is_float_type() {
            let (rf, af) = (rv.into_float_value(), av.into_float_value());
            (b.build_float_mul(rf, af, "")?.into(), b.build_float_mul(af, af, "")?.into())
        } else {
            let (ri, ai) = (rv.into_int_value(), av.into_int_value());
            (b.build_int_mul(ri, ai, "")?.into(), b.build_int_mul(ai, ai, "")?.into())
        };
        let r_next = b.build_select(odd, times, rv, "")?;
        let two = ety.const_int(2, false);
        let e_next = if signed_exp { b.build_int_signed_div(ev, two, "")? } else { b.build_int_unsigned_div(ev, two, "")? };
        b.build_unconditional_branch(head)?;
        r.add_incoming(&[(&one, pre), (&r_next, body)]);
        a.add_incoming(&[(&base, pre), (&squared, body)]);
        e.add_incoming(&[(&exp, pre), (&e_next, body)]);
        self.builder.position_at_end(done);
        Ok(rv)
    }

    fn int_pow(&mut self, base: IntValue<'ctx>, exp: IntValue<'ctx>) -> Lower<IntValue<'ctx>> {
        Ok(self.square_and_multiply(base.into(), exp, false)?.into_int_value())
    }

    /// `f.powi(n)` exactly as compiler-rt's `__powisf2`/`__powidf2`.
    fn powi(&mut self, base: BasicValueEnum<'ctx>, exp: IntValue<'ctx>) -> Lower<BasicValueEnum<'ctx>> {
        let r = self.square_and_multiply(base, exp, true)?.into_float_value();
        let b = &self.builder;
        let negative = b.build_int_compare(IntPredicate::SLT, exp, exp.get_type().const_zero(), "")?;
        let recip = b.build_float_div(r.get_type().const_float(1.0), r, "")?;
        Ok(b.build_select(negative, recip, r, "")?)
    }
}
