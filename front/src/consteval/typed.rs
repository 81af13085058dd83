//! The constant evaluator proper: every operation is carried out in the
//! type rustc gives it (literals typed by their context, f32 arithmetic in
//! f32, integer overflow and division by zero rustc's E0080 errors, float
//! to integer casts saturating).

use hybrid_ir::Scalar;

use super::{assoc_const_path, literal_out_of_range, wrap_int, ConstEnv, ConstValue};
use crate::diag::{range_of, DResult, Diagnostic};

/// What the context says about an expression's type.
#[derive(Clone, Copy, PartialEq)]
pub enum Hint {
    /// Known: a const's declared type, an operand's type.
    Ty(Scalar),
    /// No context (the operand of a cast): rustc's defaults, `i32` / `f64`.
    Default,
    /// Untyped evaluation (enum discriminants, const generic arguments):
    /// unsuffixed integers are exact and never overflow.
    Free,
}

impl Hint {
    fn int_type(self) -> Option<Scalar> {
        match self {
            Hint::Ty(s) if s.is_int() => Some(s),
            Hint::Default => Some(Scalar::I32),
            _ => None,
        }
    }
}

/// The label rustc puts on a failed evaluation, naming the constant.
pub fn name_evaluation(mut d: Diagnostic, name: &str) -> Diagnostic {
    if d.code == Some("E0080") {
        if let Some(label) = &mut d.primary {
            label.message = format!("evaluation of `{name}` failed here");
        }
    }
    d
}

fn failed(expr: &syn::Expr, message: String) -> Diagnostic {
    Diagnostic::at(Some("E0080"), message, range_of(expr), "evaluation of constant value failed here")
}

fn not_const(e: &syn::Expr) -> Diagnostic {
    Diagnostic::at(
        Some("E0015"),
        "this expression cannot be evaluated at compile time by hybridc",
        range_of(e),
        "expected a constant expression",
    )
}

/// The type of an expression as far as it shows without context: a
/// literal's suffix, a const's declared type, a cast's target.
pub fn own_type(expr: &syn::Expr, env: &dyn ConstEnv) -> Option<Scalar> {
    use syn::Expr;
    match expr {
        Expr::Lit(lit) => match &lit.lit {
            syn::Lit::Int(i) => Scalar::from_name(i.suffix()),
            syn::Lit::Float(f) => Scalar::from_name(f.suffix()),
            syn::Lit::Bool(_) => Some(Scalar::Bool),
            syn::Lit::Char(_) => Some(Scalar::Char),
            _ => None,
        },
        Expr::Paren(p) => own_type(&p.expr, env),
        Expr::Group(g) => own_type(&g.expr, env),
        Expr::Block(b) if b.block.stmts.len() == 1 => match &b.block.stmts[0] {
            syn::Stmt::Expr(e, None) => own_type(e, env),
            _ => None,
        },
        Expr::Path(p) => {
            if p.path.get_ident().is_some_and(|i| env.param_value(&i.to_string()).is_some()) {
                return None;
            }
            if let Ok(Some(idx)) = env.const_index(&p.path) {
                return env.const_type(idx);
            }
            if let Some((_, s)) = env.assoc_value(&p.path) {
                return Some(s);
            }
            let mut segs: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
            crate::resolve::normalize_path(&mut segs);
            assoc_const_path(&segs).map(|(s, _)| s)
        }
        Expr::Unary(u) => own_type(&u.expr, env),
        Expr::Cast(c) => cast_target(&c.ty),
        Expr::Binary(b) => {
            use syn::BinOp::*;
            match b.op {
                Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_) | And(_) | Or(_) => Some(Scalar::Bool),
                Shl(_) | Shr(_) => own_type(&b.left, env),
                _ => own_type(&b.left, env).or_else(|| own_type(&b.right, env)),
            }
        }
        _ => None,
    }
}

fn cast_target(ty: &syn::Type) -> Option<Scalar> {
    match ty {
        syn::Type::Path(tp) => tp.path.get_ident().and_then(|i| Scalar::from_name(&i.to_string())),
        syn::Type::Paren(p) => cast_target(&p.elem),
        syn::Type::Group(g) => cast_target(&g.elem),
        _ => None,
    }
}

fn min_max(s: Scalar) -> (i128, i128) {
    let bits = s.bits();
    if s.is_signed() {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    }
}

/// A value as rustc's E0080 messages show it: `200_u8`, `i32::MAX`.
fn show(v: i128, s: Scalar) -> String {
    let (min, max) = min_max(s);
    if v == max {
        format!("{}::MAX", s.name())
    } else if v == min && s.is_signed() {
        format!("{}::MIN", s.name())
    } else {
        format!("{v}_{}", s.name())
    }
}

/// Evaluate `expr` under `hint`.
pub fn eval(expr: &syn::Expr, hint: Hint, env: &dyn ConstEnv) -> DResult<ConstValue> {
    use syn::Expr;
    match expr {
        Expr::Lit(lit) => literal(&lit.lit, false, None, hint).unwrap_or_else(|| Err(not_const(expr))),
        Expr::Paren(p) => eval(&p.expr, hint, env),
        Expr::Group(g) => eval(&g.expr, hint, env),
        Expr::Block(b) if b.block.stmts.len() == 1 => match &b.block.stmts[0] {
            syn::Stmt::Expr(e, None) => eval(e, hint, env),
            _ => Err(not_const(expr)),
        },
        Expr::Path(p) => {
            let mut segs: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
            if let Some(v) = p.path.get_ident().and_then(|i| env.param_value(&i.to_string())) {
                return Ok(v);
            }
            if let Some(idx) = env.const_index(&p.path)? {
                return env.const_value(idx);
            }
            if let Some((v, _)) = env.assoc_value(&p.path) {
                return Ok(v);
            }
            if segs.len() == 1 {
                return Err(Diagnostic::at(
                    Some("E0425"),
                    format!("cannot find value `{}` in this scope", segs[0]),
                    range_of(p),
                    "not found in this scope",
                ));
            }
            crate::resolve::normalize_path(&mut segs);
            assoc_const_path(&segs).map(|(_, v)| v).ok_or_else(|| not_const(expr))
        }
        Expr::Unary(u) => unary(expr, u, hint, env),
        Expr::Cast(c) => {
            let Some(s) = cast_target(&c.ty) else { return Err(not_const(expr)) };
            let inner = own_type(&c.expr, env).map(Hint::Ty).unwrap_or(Hint::Default);
            let v = eval(&c.expr, inner, env)?;
            Ok(cast(v, s))
        }
        Expr::Binary(b) => binary(expr, b, hint, env),
        _ => Err(not_const(expr)),
    }
}

/// A literal under `hint` (`negated`: the operand of a unary minus, so that
/// `-128i8` is in range; `whole`: then the range of the negation). `None`:
/// not a literal a constant can hold.
fn literal(lit: &syn::Lit, negated: bool, whole: Option<std::ops::Range<usize>>, hint: Hint) -> Option<DResult<ConstValue>> {
    let sign = if negated { -1.0 } else { 1.0 };
    Some(match lit {
        syn::Lit::Int(i) => {
            let ty = Scalar::from_name(i.suffix()).or(match hint {
                Hint::Ty(s) => Some(s),
                Hint::Default => Some(Scalar::I32),
                Hint::Free => None,
            });
            match i.base10_parse::<u128>() {
                Err(e) => Err(Diagnostic::at(None, e.to_string(), range_of(i), "invalid")),
                Ok(v) => {
                    if let Some(s) = ty.filter(|s| s.is_int()) {
                        let text = if negated { format!("-{i}") } else { i.to_string() };
                        let range = whole.unwrap_or_else(|| range_of(i));
                        if let Some(d) = literal_out_of_range(v, negated, s, &text, range) {
                            return Some(Err(d));
                        }
                    }
                    let v = if negated { (v as i128).wrapping_neg() } else { v as i128 };
                    Ok(match ty {
                        Some(s) => ConstValue::Int(v).normalize(s),
                        None => ConstValue::Int(v),
                    })
                }
            }
        }
        syn::Lit::Float(f) => {
            let single = f.suffix() == "f32" || (f.suffix().is_empty() && hint == Hint::Ty(Scalar::F32));
            let parsed = if single { f.base10_parse::<f32>().map(|v| v as f64) } else { f.base10_parse::<f64>() };
            parsed.map(|v| ConstValue::Float(sign * v)).map_err(|e| Diagnostic::at(None, e.to_string(), range_of(f), "invalid"))
        }
        syn::Lit::Bool(b) if !negated => Ok(ConstValue::Bool(b.value)),
        syn::Lit::Char(c) if !negated => Ok(ConstValue::Int(c.value() as i128)),
        _ => return None,
    })
}

fn unary(expr: &syn::Expr, u: &syn::ExprUnary, hint: Hint, env: &dyn ConstEnv) -> DResult<ConstValue> {
    let ty = own_type(&u.expr, env).map(Hint::Ty).unwrap_or(hint);
    if let syn::UnOp::Neg(_) = u.op {
        if let Some(s) = ty.int_type().filter(|s| !s.is_signed()) {
            return Err(Diagnostic::at(
                Some("E0600"),
                format!("cannot apply unary operator `-` to type `{}`", s.name()),
                range_of(expr),
                "cannot apply unary operator `-`",
            )
            .note("unsigned values cannot be negated"));
        }
        if let syn::Expr::Lit(lit) = &*u.expr {
            if let Some(v) = literal(&lit.lit, true, Some(range_of(expr)), ty) {
                return v;
            }
        }
    }
    let v = eval(&u.expr, ty, env)?;
    match (&u.op, v) {
        (syn::UnOp::Neg(_), ConstValue::Int(i)) => match ty.int_type() {
            Some(s) if i == min_max(s).0 => Err(failed(expr, format!("attempt to negate `{}`, which would overflow", show(i, s)))),
            _ => Ok(ConstValue::Int(-i)),
        },
        (syn::UnOp::Neg(_), ConstValue::Float(f)) => Ok(ConstValue::Float(-f)),
        (syn::UnOp::Not(_), ConstValue::Bool(b)) => Ok(ConstValue::Bool(!b)),
        (syn::UnOp::Not(_), ConstValue::Int(i)) => Ok(match ty.int_type() {
            Some(s) => ConstValue::Int(wrap_int(!i, s)),
            None => ConstValue::Int(!i),
        }),
        _ => Err(not_const(expr)),
    }
}

/// `v as s`: integers wrap, floats saturate (NaN is 0), floats round once.
fn cast(v: ConstValue, s: Scalar) -> ConstValue {
    match v {
        ConstValue::Float(f) if s.is_int() => {
            let (lo, hi) = min_max(s);
            // Rust's float -> i128 cast saturates (NaN is 0); then clamp into `s`
            ConstValue::Int((f as i128).clamp(lo, hi))
        }
        v => v.normalize(s),
    }
}

fn binary(expr: &syn::Expr, b: &syn::ExprBinary, hint: Hint, env: &dyn ConstEnv) -> DResult<ConstValue> {
    use syn::BinOp::*;
    let (left_ty, right_ty) = (own_type(&b.left, env), own_type(&b.right, env));
    let shift = matches!(b.op, Shl(_) | Shr(_));
    let compare = matches!(b.op, Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_));
    let logic = matches!(b.op, And(_) | Or(_));
    let operand_hint = if shift {
        left_ty.map(Hint::Ty).unwrap_or(hint)
    } else if logic {
        Hint::Ty(Scalar::Bool)
    } else {
        match (left_ty, right_ty) {
            (Some(l), Some(r)) if l != r => {
                return Err(Diagnostic::at(
                    Some("E0308"),
                    "mismatched types",
                    range_of(&*b.right),
                    format!("expected `{}`, found `{}`", l.name(), r.name()),
                ))
            }
            (Some(t), _) | (_, Some(t)) => Hint::Ty(t),
            // a comparison's operands have no context: rustc's defaults
            (None, None) if compare && hint != Hint::Free => Hint::Default,
            (None, None) => hint,
        }
    };
    let l = eval(&b.left, operand_hint, env)?;
    let rhint = if shift { right_ty.map(Hint::Ty).unwrap_or(Hint::Default) } else { operand_hint };
    let r = eval(&b.right, rhint, env)?;
    let int_ty = operand_hint.int_type();
    Ok(match (l, r) {
        (ConstValue::Int(x), ConstValue::Int(y)) => match int_ty {
            Some(s) => ConstValue::Int(match b.op {
                Shl(_) | Shr(_) => {
                    let rs = rhint.int_type().unwrap_or(Scalar::I32);
                    if y < 0 || y >= s.bits() as i128 {
                        let dir = if matches!(b.op, Shl(_)) { "left" } else { "right" };
                        return Err(failed(expr, format!("attempt to shift {dir} by `{}`, which would overflow", show(y, rs))));
                    }
                    if matches!(b.op, Shl(_)) {
                        wrap_int(x << y, s)
                    } else {
                        x >> y
                    }
                }
                op if compare => return Ok(ConstValue::Bool(super::compare(op, x, y).ok_or_else(|| not_const(expr))?)),
                Div(_) | Rem(_) if y == 0 => {
                    let message = if matches!(b.op, Div(_)) {
                        format!("attempt to divide `{}` by zero", show(x, s))
                    } else {
                        format!("attempt to calculate the remainder of `{}` with a divisor of zero", show(x, s))
                    };
                    return Err(failed(expr, message));
                }
                BitAnd(_) => x & y,
                BitOr(_) => x | y,
                BitXor(_) => wrap_int(x ^ y, s),
                op => {
                    let (sym, exact) = match op {
                        Add(_) => ("+", x.checked_add(y)),
                        Sub(_) => ("-", x.checked_sub(y)),
                        Mul(_) => ("*", x.checked_mul(y)),
                        Div(_) => ("/", x.checked_div(y)),
                        Rem(_) => ("%", x.checked_rem(y)),
                        _ => return Err(not_const(expr)),
                    };
                    let (min, max) = min_max(s);
                    // MIN / -1 and MIN % -1 overflow in `s` too (rustc checks both)
                    let overflow = matches!(op, Div(_) | Rem(_)) && s.is_signed() && x == min && y == -1;
                    match exact.filter(|v| (min..=max).contains(v) && !overflow) {
                        Some(v) => v,
                        None => {
                            return Err(failed(
                                expr,
                                format!("attempt to compute `{} {sym} {}`, which would overflow", show(x, s), show(y, s)),
                            ))
                        }
                    }
                }
            }),
            None => free_int(expr, b.op, x, y)?,
        },
        (ConstValue::Float(x), ConstValue::Float(y)) => {
            let single = operand_hint == Hint::Ty(Scalar::F32);
            let arith = |f64_op: fn(f64, f64) -> f64, f32_op: fn(f32, f32) -> f32| {
                ConstValue::Float(if single { f32_op(x as f32, y as f32) as f64 } else { f64_op(x, y) })
            };
            match b.op {
                Add(_) => arith(|a, b| a + b, |a, b| a + b),
                Sub(_) => arith(|a, b| a - b, |a, b| a - b),
                Mul(_) => arith(|a, b| a * b, |a, b| a * b),
                Div(_) => arith(|a, b| a / b, |a, b| a / b),
                Rem(_) => arith(|a, b| a % b, |a, b| a % b),
                op => ConstValue::Bool(super::compare(op, x, y).ok_or_else(|| not_const(expr))?),
            }
        }
        (ConstValue::Bool(x), ConstValue::Bool(y)) => match b.op {
            And(_) | BitAnd(_) => ConstValue::Bool(x && y),
            Or(_) | BitOr(_) => ConstValue::Bool(x || y),
            BitXor(_) | Ne(_) => ConstValue::Bool(x != y),
            Eq(_) => ConstValue::Bool(x == y),
            _ => return Err(not_const(expr)),
        },
        _ => {
            return Err(Diagnostic::at(
                Some("E0308"),
                "mismatched types in constant expression",
                range_of(expr),
                "both operands must have the same type",
            ))
        }
    })
}

/// Integer arithmetic with no type (untyped evaluation): exact, wrapping
/// only at `i128`.
fn free_int(expr: &syn::Expr, op: syn::BinOp, x: i128, y: i128) -> DResult<ConstValue> {
    use syn::BinOp::*;
    let div_zero = || failed(expr, "attempt to divide by zero".to_string());
    Ok(ConstValue::Int(match op {
        Add(_) => x.wrapping_add(y),
        Sub(_) => x.wrapping_sub(y),
        Mul(_) => x.wrapping_mul(y),
        Div(_) => x.checked_div(y).ok_or_else(div_zero)?,
        Rem(_) => x.checked_rem(y).ok_or_else(div_zero)?,
        BitAnd(_) => x & y,
        BitOr(_) => x | y,
        BitXor(_) => x ^ y,
        Shl(_) => x.wrapping_shl(y as u32),
        Shr(_) => x.wrapping_shr(y as u32),
        op => return Ok(ConstValue::Bool(super::compare(op, x, y).ok_or_else(|| not_const(expr))?)),
    }))
}
