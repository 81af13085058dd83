//! Compile-time evaluation of `const` items, array lengths and the numeric
//! associated constants (`f32::MAX`, `i32::MIN`, ...), and the pass that
//! evaluates every `const` item of a file while its items are collected.

use std::cell::RefCell;

use hybrid_ir::Scalar;

use crate::diag::{range_of, DResult, Diagnostic};
use crate::resolve::Items;

mod typed;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ConstValue {
    Int(i128),
    Float(f64),
    Bool(bool),
}

impl ConstValue {
    /// Wrap/round a value into `ty`.
    pub fn normalize(self, ty: Scalar) -> ConstValue {
        match (self, ty) {
            (v, Scalar::Bool | Scalar::Char) => v,
            (ConstValue::Int(v), s) if s.is_int() => ConstValue::Int(wrap_int(v, s)),
            (ConstValue::Float(f), Scalar::F32) => ConstValue::Float(f as f32 as f64),
            (ConstValue::Float(f), _) => ConstValue::Float(f),
            (ConstValue::Int(v), Scalar::F32) => ConstValue::Float(v as f32 as f64),
            (ConstValue::Int(v), _) => ConstValue::Float(v as f64),
            (ConstValue::Bool(b), s) if s.is_int() => ConstValue::Int(b as i128),
            (ConstValue::Bool(b), _) => ConstValue::Float(b as u8 as f64),
        }
    }
}

/// rustc's `overflowing_literals` lint (deny by default): the error for an
/// integer literal of `magnitude` (`negated`: the operand of a unary minus,
/// `text` and `range` then include the `-`) that `s` cannot hold, with
/// rustc's note of the type's range and, for a signed type, its suggestion
/// of the smallest type that holds it.
pub fn literal_out_of_range(magnitude: u128, negated: bool, s: Scalar, text: &str, range: std::ops::Range<usize>) -> Option<Diagnostic> {
    let (min, max) = scalar_range(s);
    let fits = if negated { magnitude <= min.unsigned_abs() } else { magnitude <= max as u128 };
    if fits {
        return None;
    }
    let name = s.name();
    let mut d = Diagnostic::at(None, format!("literal out of range for `{name}`"), range, "")
        .note(format!("the literal `{text}` does not fit into the type `{name}` whose range is `{min}..={max}`"));
    if let Some(fit) = signed_type_suggestion(s, magnitude, negated) {
        d = d.help(format!("consider using the type `{fit}` instead"));
    }
    d.lint = Some("overflowing_literals");
    Some(d)
}

/// The smallest and largest value of an integer type.
fn scalar_range(s: Scalar) -> (i128, i128) {
    let bits = s.bits();
    if s.is_signed() {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    }
}

/// rustc's `get_type_suggestion` for a signed literal out of range: the
/// unsigned type of the same size if the literal is positive and fits it,
/// else the smallest larger signed type that holds it (none for `isize`,
/// nor for unsigned types, whose errors have no such help).
fn signed_type_suggestion(s: Scalar, magnitude: u128, negated: bool) -> Option<&'static str> {
    let (unsigned, larger): (Scalar, &[Scalar]) = match s {
        Scalar::I8 => (Scalar::U8, &[Scalar::I16, Scalar::I32, Scalar::I64]),
        Scalar::I16 => (Scalar::U16, &[Scalar::I32, Scalar::I64]),
        Scalar::I32 => (Scalar::U32, &[Scalar::I64]),
        Scalar::I64 => (Scalar::U64, &[]),
        _ => return None,
    };
    if !negated && magnitude <= scalar_range(unsigned).1 as u128 {
        return Some(unsigned.name());
    }
    let fit = larger.iter().find(|t| magnitude <= scalar_range(**t).1 as u128 + negated as u128);
    // (rustc's list goes on to i128, a type hybridc does not have)
    Some(fit.map_or("i128", |t| t.name()))
}

/// Wrap an integer into the range of `s` (two's complement).
pub fn wrap_int(v: i128, s: Scalar) -> i128 {
    let bits = s.bits();
    let mask: u128 = if bits >= 128 { u128::MAX } else { (1u128 << bits) - 1 };
    let u = (v as u128) & mask;
    if s.is_signed() && bits < 128 && u >> (bits - 1) & 1 == 1 {
        (u as i128) - (1i128 << bits)
    } else {
        u as i128
    }
}

/// `f32::MAX`, `u64::MAX`, `f64::consts::PI`, ...
pub fn assoc_const(ty: &str, name: &str) -> Option<(Scalar, ConstValue)> {
    let s = Scalar::from_name(ty)?;
    if s == Scalar::Char {
        return match name {
            "MAX" => Some((s, ConstValue::Int(char::MAX as i128))),
            "REPLACEMENT_CHARACTER" => Some((s, ConstValue::Int(char::REPLACEMENT_CHARACTER as i128))),
            _ => None,
        };
    }
    if s.is_int() {
        let bits = s.bits();
        let (min, max): (i128, i128) =
            if s.is_signed() { (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1) } else { (0, (1i128 << bits) - 1) };
        return match name {
            "MAX" => Some((s, ConstValue::Int(max))),
            "MIN" => Some((s, ConstValue::Int(min))),
            "BITS" => Some((Scalar::U32, ConstValue::Int(bits as i128))),
            _ => None,
        };
    }
    let f32_ = s == Scalar::F32;
    let v = match name {
        "MAX" => {
            if f32_ {
                f32::MAX as f64
            } else {
                f64::MAX
            }
        }
        "MIN" => {
            if f32_ {
                f32::MIN as f64
            } else {
                f64::MIN
            }
        }
        "MIN_POSITIVE" => {
            if f32_ {
                f32::MIN_POSITIVE as f64
            } else {
                f64::MIN_POSITIVE
            }
        }
        "EPSILON" => {
            if f32_ {
                f32::EPSILON as f64
            } else {
                f64::EPSILON
            }
        }
        "INFINITY" => f64::INFINITY,
        "NEG_INFINITY" => f64::NEG_INFINITY,
        "NAN" => f64::NAN,
        "PI" => std::f64::consts::PI,
        "TAU" => std::f64::consts::TAU,
        "E" => std::f64::consts::E,
        "SQRT_2" => std::f64::consts::SQRT_2,
        "LN_2" => std::f64::consts::LN_2,
        "LN_10" => std::f64::consts::LN_10,
        "FRAC_PI_2" => std::f64::consts::FRAC_PI_2,
        "FRAC_PI_4" => std::f64::consts::FRAC_PI_4,
        "FRAC_1_SQRT_2" => std::f64::consts::FRAC_1_SQRT_2,
        _ => return None,
    };
    let consts_only = matches!(name, "PI" | "TAU" | "E" | "SQRT_2" | "LN_2" | "LN_10" | "FRAC_PI_2" | "FRAC_PI_4" | "FRAC_1_SQRT_2");
    let _ = consts_only;
    Some((s, ConstValue::Float(v).normalize(s)))
}

/// Split a path like `core::f64::consts::PI` or `f32::MAX` into (type, name).
pub fn assoc_const_path(segments: &[String]) -> Option<(Scalar, ConstValue)> {
    let n = segments.len();
    if n < 2 {
        return None;
    }
    let name = &segments[n - 1];
    let ty = if n >= 3 && segments[n - 2] == "consts" { &segments[n - 3] } else { &segments[n - 2] };
    assoc_const(ty, name)
}

/// Where constant expressions find `const` items: the item table once every
/// const is evaluated, the lazy evaluator in `resolve` while they are.
pub trait ConstEnv {
    /// The const a path names, if it names one (errors: the path's own).
    fn const_index(&self, path: &syn::Path) -> DResult<Option<usize>>;
    fn const_value(&self, idx: usize) -> DResult<ConstValue>;
    /// The declared type of the const `idx` (`None`: not a scalar).
    fn const_type(&self, idx: usize) -> Option<Scalar>;
    /// The value of a const generic parameter in scope.
    fn param_value(&self, _name: &str) -> Option<ConstValue> {
        None
    }
    /// The value of an associated const a path names (`S::N`), if known.
    fn assoc_value(&self, _path: &syn::Path) -> Option<(ConstValue, Scalar)> {
        None
    }
}

/// Evaluate a constant expression (literals, arithmetic, casts, other
/// consts) whose type is not known: unsuffixed integers are exact.
pub fn eval(expr: &syn::Expr, items: &dyn ConstEnv) -> DResult<ConstValue> {
    typed::eval(expr, typed::Hint::Free, items)
}

/// Evaluate a constant expression of type `ty`, as rustc does: every
/// operation in its operands' type (f32 arithmetic in f32, integer overflow
/// an E0080 error), literals typed by their context. The value is not yet
/// converted to `ty` (`ConstValue::normalize`): callers check its kind first.
pub fn eval_as(expr: &syn::Expr, ty: Scalar, items: &dyn ConstEnv) -> DResult<ConstValue> {
    typed::eval(expr, typed::Hint::Ty(ty), items)
}

/// An array length: a constant `usize` expression.
/// A comparison operator applied to two constants; `None` for other operators.
fn compare<T: PartialOrd>(op: syn::BinOp, x: T, y: T) -> Option<bool> {
    use syn::BinOp::*;
    Some(match op {
        Eq(_) => x == y,
        Ne(_) => x != y,
        Lt(_) => x < y,
        Le(_) => x <= y,
        Gt(_) => x > y,
        Ge(_) => x >= y,
        _ => return None,
    })
}

pub fn eval_len(expr: &syn::Expr, items: &dyn ConstEnv) -> DResult<u64> {
    match typed::eval(expr, typed::Hint::Ty(Scalar::Usize), items)? {
        ConstValue::Int(v) if (0..=u32::MAX as i128 * 16).contains(&v) => Ok(v as u64),
        _ => Err(Diagnostic::at(Some("E0308"), "array length must be a non-negative `usize` constant", range_of(expr), "expected `usize`")),
    }
}

#[derive(Clone, Copy)]
enum ConstState {
    Pending,
    Evaluating,
    Done(ConstValue),
}

/// Evaluates the consts of a file on first use (one may name another),
/// with cycle detection.
struct ConstPass<'i, 'a> {
    items: &'i Items,
    syntax: &'i [&'a syn::ItemConst],
    state: RefCell<Vec<ConstState>>,
    /// The modules of the consts being evaluated, innermost last.
    modules: RefCell<Vec<crate::modtree::ModId>>,
}

impl ConstEnv for ConstPass<'_, '_> {
    fn const_index(&self, path: &syn::Path) -> DResult<Option<usize>> {
        let module = self.modules.borrow().last().copied().unwrap_or(crate::modtree::ROOT);
        self.items.const_at(module, path)
    }

    fn const_type(&self, idx: usize) -> Option<Scalar> {
        self.items.consts[idx].ty
    }

    fn const_value(&self, idx: usize) -> DResult<ConstValue> {
        let decl = &self.items.consts[idx];
        let item = self.syntax[idx];
        let state = self.state.borrow()[idx];
        match state {
            ConstState::Done(v) => Ok(v),
            ConstState::Evaluating => Err(Diagnostic::at(
                Some("E0391"),
                format!("cycle detected when evaluating the constant `{}`", decl.name),
                range_of(&item.ident),
                "this constant refers to itself",
            )),
            ConstState::Pending => {
                self.state.borrow_mut()[idx] = ConstState::Evaluating;
                self.modules.borrow_mut().push(decl.module);
                let result = match decl.ty {
                    Some(ty) => eval_as(&item.expr, ty, self).map_err(|e| typed::name_evaluation(e, &decl.name)),
                    // (a non-scalar const is lowered at each use: `lower::consts`; it has no value here)
                    None => Err(Diagnostic::unsupported("a non-scalar `const` inside a const expression", range_of(&item.ty))),
                };
                self.modules.borrow_mut().pop();
                let v = match result {
                    Ok(v) => v,
                    Err(e) => {
                        self.state.borrow_mut()[idx] = ConstState::Pending;
                        return Err(e);
                    }
                };
                let ty = decl.ty.expect("evaluated above");
                let kind_ok = match v {
                    // FIXME(char consts): `const C: char = 5;` is accepted
                    ConstValue::Int(_) => ty.is_int() || ty == hybrid_ir::Scalar::Char,
                    ConstValue::Float(_) => ty.is_float(),
                    ConstValue::Bool(_) => ty == hybrid_ir::Scalar::Bool,
                };
                if !kind_ok {
                    return Err(Diagnostic::at(
                        Some("E0308"),
                        "mismatched types",
                        range_of(&item.expr),
                        format!("expected `{}`", ty.name()),
                    ));
                }
                let v = v.normalize(ty);
                self.state.borrow_mut()[idx] = ConstState::Done(v);
                Ok(v)
            }
        }
    }
}

/// Evaluate every const into `items` (the errors of those that fail).
pub fn evaluate_consts(items: &mut Items, syntax: &[&syn::ItemConst]) -> Vec<Diagnostic> {
    let pass = ConstPass { items, syntax, state: RefCell::new(vec![ConstState::Pending; syntax.len()]), modules: RefCell::new(Vec::new()) };
    let mut errors = Vec::new();
    let values: Vec<Option<ConstValue>> = (0..syntax.len())
        .map(|idx| match items.consts[idx].ty {
            Some(_) => pass.const_value(idx).map_err(|e| errors.push(e)).ok(),
            None => None,
        })
        .collect();
    for (decl, value) in items.consts.iter_mut().zip(values) {
        decl.value = value;
    }
    errors
}
