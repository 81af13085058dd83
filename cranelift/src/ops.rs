//! Scalar operations with Rust's semantics: unary and binary operators (checked division), casts, and the math intrinsics.

use cranelift_codegen::ir::{
    condcodes::{FloatCC, IntCC},
    types, BlockArg, InstBuilder, Value,
};
use hybrid_ir::{abi, BinaryOp, Expr, Handle, MathFn, Scalar, Span, Type, UnaryOp};

use crate::function::{FunctionCx, Val};
use crate::runtime::Rt;
use crate::Result;

/// How an operand type behaves in arithmetic and comparisons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    SignedInt,
    UnsignedInt,
    Float,
    Bool,
}

impl FunctionCx<'_, '_> {
    fn scalar_kind(&self, ty: Handle<Type>) -> Result<(Kind, Scalar)> {
        match self.ty(ty) {
            Type::Scalar(s) if s.is_float() => Ok((Kind::Float, *s)),
            Type::Scalar(Scalar::Bool) => Ok((Kind::Bool, Scalar::Bool)),
            Type::Scalar(s) if s.is_signed() => Ok((Kind::SignedInt, *s)),
            Type::Scalar(s) => Ok((Kind::UnsignedInt, *s)),
            // Pointers compare and convert like usize.
            Type::Pointer { .. } | Type::FnPtr { .. } => Ok((Kind::UnsignedInt, Scalar::Usize)),
            _ => Err(self.bug(format!("scalar operation on {}", self.module.types.display(ty)))),
        }
    }

    pub fn unary(&mut self, op: UnaryOp, v: Val, ty: Handle<Type>) -> Result<Val> {
        let (kind, _) = self.scalar_kind(ty)?;
        let t = self.clif_type(ty);
        let x = self.scalar_of(v, t);
        if let Some(a) = self.const_int(x).filter(|_| kind != Kind::Float) {
            let folded = match (op, kind) {
                (UnaryOp::Neg, _) => a.wrapping_neg(),
                (UnaryOp::Not, Kind::Bool) => a ^ 1,
                (UnaryOp::Not, _) => !a,
            };
            return Ok(Val::Scalar(self.iconst(t, folded)));
        }
        Ok(Val::Scalar(match (op, kind) {
            (UnaryOp::Neg, Kind::Float) => self.b.ins().fneg(x),
            (UnaryOp::Neg, _) => self.b.ins().ineg(x),
            (UnaryOp::Not, Kind::Bool) => self.b.ins().bxor_imm_s(x, 1),
            (UnaryOp::Not, Kind::Float) => return Err(self.bug("`!` on a float")),
            (UnaryOp::Not, _) => self.b.ins().bnot(x),
        }))
    }

    /// `l op r`; `lhs_ty` is the type of both operands except for shifts.
    pub fn binary(&mut self, op: BinaryOp, l: Val, r: Val, lhs_ty: Handle<Type>, rhs_ty: Handle<Type>, span: Span) -> Result<Value> {
        let (kind, _) = self.scalar_kind(lhs_ty)?;
        let t = self.clif_type(lhs_ty);
        let x = self.scalar_of(l, t);
        let rt = self.clif_type(rhs_ty);
        let y = self.scalar_of(r, rt);
        if kind != Kind::Float {
            if let Some(folded) = self.fold_int_binary(op, x, y, t, kind == Kind::SignedInt) {
                return Ok(folded);
            }
        }
        use BinaryOp::*;
        Ok(match (op, kind) {
            (Add, Kind::Float) => self.b.ins().fadd(x, y),
            (Sub, Kind::Float) => self.b.ins().fsub(x, y),
            (Mul, Kind::Float) => self.b.ins().fmul(x, y),
            (Div, Kind::Float) => self.b.ins().fdiv(x, y),
            (Rem, Kind::Float) => {
                let f = if t == types::F32 { Rt::Fmodf } else { Rt::Fmod };
                self.call_rt(f, &[x, y]).expect("fmod result")
            }
            (Eq | Ne | Lt | Le | Gt | Ge, Kind::Float) => {
                let cc = match op {
                    Eq => FloatCC::Equal,
                    Ne => FloatCC::NotEqual,
                    Lt => FloatCC::LessThan,
                    Le => FloatCC::LessThanOrEqual,
                    Gt => FloatCC::GreaterThan,
                    _ => FloatCC::GreaterThanOrEqual,
                };
                self.b.ins().fcmp(cc, x, y)
            }
            (_, Kind::Float) => return Err(self.bug(format!("`{}` on floats", op.symbol()))),
            (Add, _) => self.b.ins().iadd(x, y),
            (Sub, _) => self.b.ins().isub(x, y),
            (Mul, _) => self.b.ins().imul(x, y),
            (Div | Rem, _) => self.checked_div(op, x, y, kind == Kind::SignedInt, t, span),
            (BitAnd, _) => self.b.ins().band(x, y),
            (BitOr, _) => self.b.ins().bor(x, y),
            (BitXor, _) => self.b.ins().bxor(x, y),
            // Cranelift masks the shift amount by the width of `x`, as Rust's wrapping shifts do.
            (Shl, _) => self.b.ins().ishl(x, y),
            (Shr, Kind::SignedInt) => self.b.ins().sshr(x, y),
            (Shr, _) => self.b.ins().ushr(x, y),
            (Eq | Ne | Lt | Le | Gt | Ge, _) => self.b.ins().icmp(crate::fold::int_cc(op, kind == Kind::SignedInt), x, y),
        })
    }

    /// Integer `/` and `%` with Rust's panics on a zero divisor and on `MIN / -1`.
    fn checked_div(&mut self, op: BinaryOp, x: Value, y: Value, signed: bool, t: types::Type, span: Span) -> Value {
        let is_div = op == BinaryOp::Div;
        let (zero_check, overflow_check) = self.division_checks_needed(x, y, signed, t.bits());
        if zero_check {
            let zero = self.b.ins().icmp_imm_s(IntCC::Equal, y, 0);
            let code = if is_div { abi::PANIC_DIV_ZERO } else { abi::PANIC_REM_ZERO };
            self.panic_if(zero, |fcx| fcx.panic_msg(code, span));
        }
        if overflow_check {
            let is_min = self.b.ins().icmp_imm_s(IntCC::Equal, x, crate::fold::int_min(t.bits().min(64)));
            let is_minus_one = self.b.ins().icmp_imm_s(IntCC::Equal, y, -1);
            let overflow = self.b.ins().band(is_min, is_minus_one);
            let code = if is_div { abi::PANIC_DIV_OVERFLOW } else { abi::PANIC_REM_OVERFLOW };
            self.panic_if(overflow, |fcx| fcx.panic_msg(code, span));
        }
        match (is_div, signed) {
            (true, true) => self.b.ins().sdiv(x, y),
            (true, false) => self.b.ins().udiv(x, y),
            (false, true) => self.b.ins().srem(x, y),
            (false, false) => self.b.ins().urem(x, y),
        }
    }

    /// `value as to` for numeric, bool and pointer types.
    pub fn cast(&mut self, v: Val, from: Handle<Type>, to: Handle<Type>) -> Result<Val> {
        let (from_kind, from_s) = self.scalar_kind(from)?;
        let (to_kind, to_s) = self.scalar_kind(to)?;
        let from_t = self.clif_type(from);
        let to_t = self.clif_type(to);
        let x = self.scalar_of(v, from_t);
        let r = match (from_kind, to_kind) {
            (_, Kind::Bool) if from_kind != Kind::Bool => return Err(self.bug("cast to bool")),
            (Kind::Float, Kind::Float) => match (from_s, to_s) {
                (Scalar::F32, Scalar::F64) => self.b.ins().fpromote(types::F64, x),
                (Scalar::F64, Scalar::F32) => self.b.ins().fdemote(types::F32, x),
                _ => x,
            },
            (Kind::Float, _) => self.float_to_int(x, to_kind == Kind::SignedInt, to_t),
            (_, Kind::Float) => {
                // Widen to 64 bits first: exact, and every width converts.
                if from_kind == Kind::UnsignedInt && from_t == types::I64 {
                    self.b.ins().fcvt_from_uint(to_t, x)
                } else {
                    let wide = self.int_resize(x, from_t, types::I64, from_kind == Kind::SignedInt);
                    self.b.ins().fcvt_from_sint(to_t, wide)
                }
            }
            _ => self.int_resize(x, from_t, to_t, from_kind == Kind::SignedInt),
        };
        Ok(Val::Scalar(r))
    }

    pub fn int_resize(&mut self, x: Value, from: types::Type, to: types::Type, signed: bool) -> Value {
        use std::cmp::Ordering::*;
        match from.bits().cmp(&to.bits()) {
            Equal => x,
            Less if signed => self.b.ins().sextend(to, x),
            Less => self.b.ins().uextend(to, x),
            Greater => self.b.ins().ireduce(to, x),
        }
    }

    /// Rust's saturating float-to-int conversion (NaN gives 0).
    fn float_to_int(&mut self, x: Value, signed: bool, to: types::Type) -> Value {
        if to.bits() >= 32 {
            return if signed { self.b.ins().fcvt_to_sint_sat(to, x) } else { self.b.ins().fcvt_to_uint_sat(to, x) };
        }
        // Narrow targets: saturate to i32, then clamp into the target's range.
        let (lo, hi) = match (to.bits(), signed) {
            (8, true) => (i8::MIN as i64, i8::MAX as i64),
            (8, false) => (0, u8::MAX as i64),
            (_, true) => (i16::MIN as i64, i16::MAX as i64),
            (_, false) => (0, u16::MAX as i64),
        };
        let wide = self.b.ins().fcvt_to_sint_sat(types::I32, x);
        let lo_v = self.iconst(types::I32, lo);
        let hi_v = self.iconst(types::I32, hi);
        let below = self.b.ins().icmp(IntCC::SignedLessThan, wide, lo_v);
        let clamped = self.b.ins().select(below, lo_v, wide);
        let above = self.b.ins().icmp(IntCC::SignedGreaterThan, clamped, hi_v);
        let clamped = self.b.ins().select(above, hi_v, clamped);
        self.b.ins().ireduce(to, clamped)
    }

    /// `Intrinsic::Math(f)` applied to evaluated arguments.
    pub fn math(&mut self, f: MathFn, args: &[Handle<Expr>], expr: &Expr) -> Result<Val> {
        let mut vals = Vec::with_capacity(args.len());
        for &a in args {
            let v = self.expr(a)?;
            let t = self.clif_type(self.expr_of(a).ty);
            vals.push(self.scalar_of(v, t));
        }
        let first_ty = args.first().map(|a| self.expr_of(*a).ty).ok_or_else(|| self.bug("math without arguments"))?;
        let (kind, _) = self.scalar_kind(first_ty)?;
        let t = self.clif_type(first_ty);
        let arity = match f {
            MathFn::Min | MathFn::Max | MathFn::Powf | MathFn::Powi | MathFn::Pow => 2,
            MathFn::MulAdd => 3,
            _ => 1,
        };
        if vals.len() != arity {
            return Err(self.bug(format!("{f:?} with {} arguments", vals.len())));
        }
        let x = vals[0];
        let f32 = t == types::F32;
        let libm = |fcx: &mut Self, single: Rt, double: Rt, args: &[Value]| {
            fcx.call_rt(if f32 { single } else { double }, args).expect("libm result")
        };
        let r = match (f, kind) {
            (MathFn::Sqrt, Kind::Float) => self.b.ins().sqrt(x),
            (MathFn::Abs, Kind::Float) => self.b.ins().fabs(x),
            (MathFn::Floor, Kind::Float) => self.b.ins().floor(x),
            (MathFn::Ceil, Kind::Float) => self.b.ins().ceil(x),
            (MathFn::Trunc, Kind::Float) => self.b.ins().trunc(x),
            (MathFn::MulAdd, Kind::Float) => self.b.ins().fma(x, vals[1], vals[2]),
            (MathFn::Min | MathFn::Max, Kind::Float) => self.float_min_max(f == MathFn::Min, x, vals[1]),
            (MathFn::Round, Kind::Float) => libm(self, Rt::Roundf, Rt::Round, &[x]),
            (MathFn::Exp, Kind::Float) => libm(self, Rt::Expf, Rt::Exp, &[x]),
            (MathFn::Exp2, Kind::Float) => libm(self, Rt::Exp2f, Rt::Exp2, &[x]),
            (MathFn::Ln, Kind::Float) => libm(self, Rt::Logf, Rt::Log, &[x]),
            (MathFn::Log2, Kind::Float) => libm(self, Rt::Log2f, Rt::Log2, &[x]),
            (MathFn::Log10, Kind::Float) => libm(self, Rt::Log10f, Rt::Log10, &[x]),
            (MathFn::Sin, Kind::Float) => libm(self, Rt::Sinf, Rt::Sin, &[x]),
            (MathFn::Cos, Kind::Float) => libm(self, Rt::Cosf, Rt::Cos, &[x]),
            (MathFn::Tan, Kind::Float) => libm(self, Rt::Tanf, Rt::Tan, &[x]),
            (MathFn::Tanh, Kind::Float) => libm(self, Rt::Tanhf, Rt::Tanh, &[x]),
            (MathFn::Powf, Kind::Float) => libm(self, Rt::Powf, Rt::Pow, &[x, vals[1]]),
            (MathFn::Powi, Kind::Float) => {
                let n_ty = self.clif_type(self.expr_of(args[1]).ty);
                let n = self.int_resize(vals[1], n_ty, types::I32, true);
                libm(self, Rt::Powisf2, Rt::Powidf2, &[x, n])
            }
            (MathFn::Abs, Kind::SignedInt) => {
                let neg = self.b.ins().ineg(x);
                let is_neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, x, 0);
                self.b.ins().select(is_neg, neg, x)
            }
            (MathFn::Abs, Kind::UnsignedInt) => x,
            (MathFn::Min | MathFn::Max, Kind::SignedInt | Kind::UnsignedInt) => {
                let signed = kind == Kind::SignedInt;
                let cc = match (f == MathFn::Min, signed) {
                    (true, true) => IntCC::SignedLessThan,
                    (true, false) => IntCC::UnsignedLessThan,
                    (false, true) => IntCC::SignedGreaterThan,
                    (false, false) => IntCC::UnsignedGreaterThan,
                };
                let pick_x = self.b.ins().icmp(cc, x, vals[1]);
                self.b.ins().select(pick_x, x, vals[1])
            }
            (MathFn::Pow, Kind::SignedInt | Kind::UnsignedInt) => {
                let e_ty = self.clif_type(self.expr_of(args[1]).ty);
                self.int_pow(x, vals[1], t, e_ty)
            }
            (MathFn::CountOnes | MathFn::LeadingZeros | MathFn::TrailingZeros, Kind::SignedInt | Kind::UnsignedInt) => {
                let r = self.bit_count(f, x, t);
                let out_t = self.clif_type(expr.ty);
                self.int_resize(r, types::I32, out_t, false)
            }
            _ => return Err(self.unsupported(format!("math function {f:?} on {}", self.module.types.display(first_ty)))),
        };
        Ok(Val::Scalar(r))
    }

    /// Rust's `f64::min`/`max`: a NaN operand yields the other operand.
    fn float_min_max(&mut self, min: bool, x: Value, y: Value) -> Value {
        let m = if min { self.b.ins().fmin(x, y) } else { self.b.ins().fmax(x, y) };
        let x_nan = self.b.ins().fcmp(FloatCC::Unordered, x, x);
        let y_nan = self.b.ins().fcmp(FloatCC::Unordered, y, y);
        let not_y = self.b.ins().select(y_nan, x, m);
        self.b.ins().select(x_nan, y, not_y)
    }

    /// Wrapping `base.pow(exp)` by square-and-multiply.
    fn int_pow(&mut self, base: Value, exp: Value, t: types::Type, e_ty: types::Type) -> Value {
        let header = self.b.create_block();
        let body = self.b.create_block();
        let done = self.b.create_block();
        let hb = self.b.append_block_param(header, t);
        let he = self.b.append_block_param(header, e_ty);
        let hacc = self.b.append_block_param(header, t);
        let result = self.b.append_block_param(done, t);
        let one = self.iconst(t, 1);
        self.b.ins().jump(header, &[base.into(), exp.into(), one.into()]);
        self.b.switch_to_block(header);
        let finished = self.b.ins().icmp_imm_s(IntCC::Equal, he, 0);
        self.b.ins().brif(finished, done, &[BlockArg::Value(hacc)], body, &[]);
        self.b.switch_to_block(body);
        let bit = self.b.ins().band_imm_s(he, 1);
        let product = self.b.ins().imul(hacc, hb);
        let acc = self.b.ins().select(bit, product, hacc);
        let squared = self.b.ins().imul(hb, hb);
        let next_e = self.b.ins().ushr_imm_s(he, 1);
        self.b.ins().jump(header, &[squared.into(), next_e.into(), acc.into()]);
        self.b.switch_to_block(done);
        result
    }

    /// `count_ones`, `leading_zeros`, `trailing_zeros` as an i32 (u32) value.
    fn bit_count(&mut self, f: MathFn, x: Value, t: types::Type) -> Value {
        let bits = t.bits();
        let wide_t = if bits == 64 { types::I64 } else { types::I32 };
        let wide = self.int_resize(x, t, wide_t, false);
        let r = match f {
            MathFn::CountOnes => self.b.ins().popcnt(wide),
            MathFn::LeadingZeros => {
                let lz = self.b.ins().clz(wide);
                self.b.ins().iadd_imm_s(lz, -((wide_t.bits() - bits) as i64))
            }
            _ => {
                // A sentinel bit just above the type caps the count at `bits`.
                let guarded = if bits < wide_t.bits() { self.b.ins().bor_imm_s(wide, 1i64 << bits) } else { wide };
                self.b.ins().ctz(guarded)
            }
        };
        self.int_resize(r, wide_t, types::I32, false)
    }
}
