//! Operators on user types: `a + b`, `a += b`, `a == b`, `-a` on a struct call the method of its operator-trait impl (`impl Add for Vec3`), as rustc's overloaded operators do; without an impl, rustc's E0369/E0368/E0600.

use std::ops::Range;

use hybrid_ir::{BinaryOp, Expr, ExprKind, Handle, Scalar, Type, UnaryOp};

use super::place::Access;
use super::FnLower;
use crate::diag::{DResult, Diagnostic};
use crate::generics::Bound;
use crate::infer::Shape;

/// The trait and method of an operator, and rustc's verb for E0369.
pub(crate) fn binary_trait(op: BinaryOp, assign: bool) -> Option<(&'static str, &'static str)> {
    Some(match (op, assign) {
        (BinaryOp::Add, false) => ("Add", "add"),
        (BinaryOp::Sub, false) => ("Sub", "sub"),
        (BinaryOp::Mul, false) => ("Mul", "mul"),
        (BinaryOp::Div, false) => ("Div", "div"),
        (BinaryOp::Rem, false) => ("Rem", "rem"),
        (BinaryOp::BitAnd, false) => ("BitAnd", "bitand"),
        (BinaryOp::BitOr, false) => ("BitOr", "bitor"),
        (BinaryOp::BitXor, false) => ("BitXor", "bitxor"),
        (BinaryOp::Shl, false) => ("Shl", "shl"),
        (BinaryOp::Shr, false) => ("Shr", "shr"),
        (BinaryOp::Add, true) => ("AddAssign", "add_assign"),
        (BinaryOp::Sub, true) => ("SubAssign", "sub_assign"),
        (BinaryOp::Mul, true) => ("MulAssign", "mul_assign"),
        (BinaryOp::Div, true) => ("DivAssign", "div_assign"),
        (BinaryOp::Rem, true) => ("RemAssign", "rem_assign"),
        (BinaryOp::BitAnd, true) => ("BitAndAssign", "bitand_assign"),
        (BinaryOp::BitOr, true) => ("BitOrAssign", "bitor_assign"),
        (BinaryOp::BitXor, true) => ("BitXorAssign", "bitxor_assign"),
        (BinaryOp::Eq | BinaryOp::Ne, false) => ("PartialEq", "eq"),
        (BinaryOp::Lt, false) => ("PartialOrd", "lt"),
        (BinaryOp::Le, false) => ("PartialOrd", "le"),
        (BinaryOp::Gt, false) => ("PartialOrd", "gt"),
        (BinaryOp::Ge, false) => ("PartialOrd", "ge"),
        _ => return None,
    })
}

/// rustc's error for `a op b` (or `a op= b`) whose operand type `t` has no
/// impl of the operator's trait: its code and message.
pub(crate) fn missing_operator(op: BinaryOp, assign: bool, t: &str) -> (&'static str, String) {
    let sym = op.symbol();
    let msg = match (assign, op) {
        (true, _) => return ("E0368", format!("binary assignment operation `{sym}=` cannot be applied to type `{t}`")),
        (false, BinaryOp::Add) => format!("cannot add `{t}` to `{t}`"),
        (false, BinaryOp::Sub) => format!("cannot subtract `{t}` from `{t}`"),
        (false, BinaryOp::Mul) => format!("cannot multiply `{t}` by `{t}`"),
        (false, BinaryOp::Div) => format!("cannot divide `{t}` by `{t}`"),
        (false, BinaryOp::Rem) => format!("cannot calculate the remainder of `{t}` divided by `{t}`"),
        (false, op) if op.is_comparison() => format!("binary operation `{sym}` cannot be applied to type `{t}`"),
        (false, _) => format!("no implementation for `{t} {sym} {t}`"),
    };
    ("E0369", msg)
}

impl FnLower<'_> {
    /// The struct type (IR) an operand has, if it is a user struct.
    fn operand_struct(&mut self, e: Handle<Expr>) -> Option<Handle<Type>> {
        let t = self.ty(e);
        match self.shape(t) {
            Some(Shape::Struct(def)) => Some(self.types.insert(Type::Struct(def))),
            // an instance of a generic struct: its arguments are known by now, or never
            Some(Shape::Adt { .. }) => self.infer.resolve(t, self.types).ok(),
            _ => None,
        }
    }

    /// `*e` when `e` is a reference to a user struct (or to such a reference).
    fn deref_user_ref(&mut self, e: Handle<Expr>, range: &Range<usize>) -> Option<Handle<Expr>> {
        let t = self.ty(e);
        let Some(Shape::Ptr { pointee, reference: true, .. }) = self.shape(t) else { return None };
        match self.shape(pointee) {
            Some(Shape::Struct(_) | Shape::Adt { .. } | Shape::Ptr { reference: true, .. }) => {
                Some(self.push(ExprKind::Deref(e), pointee, range))
            }
            _ => None,
        }
    }

    /// `lhs op rhs` (or `lhs op= rhs`) when `lhs` is a user struct: the impl's
    /// method call; `None` for other operand types (the builtin operators).
    pub(crate) fn overloaded_binary(
        &mut self,
        op: BinaryOp,
        assign: bool,
        lhs: Handle<Expr>,
        rhs: Handle<Expr>,
        range: &Range<usize>,
    ) -> DResult<Option<Handle<Expr>>> {
        let Some((tr, method)) = binary_trait(op, assign) else { return Ok(None) };
        if matches!(op, BinaryOp::Eq | BinaryOp::Ne) && !assign {
            if let Some(e) = self.str_eq(op == BinaryOp::Ne, lhs, rhs, range)? {
                return Ok(Some(e));
            }
        }
        if op.is_comparison() && !assign {
            if let Some(e) = self.tuple_compare(op, lhs, rhs, range)? {
                return Ok(Some(e));
            }
        }
        if op.is_comparison() && !assign {
            // `&a < &b` of user types compares the values (rustc's `impl PartialOrd<&B> for &A`)
            if let (Some(l), Some(r)) = (self.deref_user_ref(lhs, range), self.deref_user_ref(rhs, range)) {
                return self.overloaded_binary(op, assign, l, r, range);
            }
        }
        let Some(ty) = self.operand_struct(lhs) else { return self.scalar_lhs_binary(tr, method, lhs, rhs, range) };
        let name = self.types.display(ty).to_string();
        let bound = self.items.operator_bound(tr);
        let Some(fid) = self.items.impl_of(self.types, &bound, ty).and_then(|i| self.items.impl_method(i, method)) else {
            if matches!(op, BinaryOp::Eq | BinaryOp::Ne) && !assign {
                if let Some(e) = self.derived_eq(ty, op == BinaryOp::Ne, lhs, rhs, range)? {
                    return Ok(Some(e));
                }
            }
            let sym = op.symbol();
            let (code, msg) = missing_operator(op, assign, &name);
            let sid = self.items.structs.iter().position(|s| s.ty == ty);
            let mut d = Diagnostic::at(Some(code), msg, range.clone(), format!("`{sym}` needs an implementation of `{tr}` for `{name}`"));
            if let Some(sid) = sid {
                d = d
                    .span_note(self.items.structs[sid].range.clone(), format!("an implementation of `{tr}` might be missing for `{name}`"));
            }
            return Err(d);
        };
        let by_ref = matches!(tr, "PartialEq" | "PartialOrd");
        let first = if assign {
            self.check_mutable(lhs, Access::BorrowMut, range)?;
            self.take_address(lhs, true, range)?
        } else if by_ref {
            self.take_address(lhs, false, range)?
        } else {
            lhs
        };
        let second = if by_ref { self.take_address(rhs, false, range)? } else { rhs };
        let lhs_ty = self.ty(lhs);
        let call = self.call_lowered(fid, Some(lhs_ty), vec![first, second], range)?;
        if op == BinaryOp::Ne {
            let b = self.scalar_ty(Scalar::Bool);
            return Ok(Some(self.push(ExprKind::Unary { op: UnaryOp::Not, operand: call }, b, range)));
        }
        Ok(Some(call))
    }

    /// `k * v` with `k` a number and `v` a user struct: the program's impl
    /// of the operator for a primitive type whose right-hand side is `v`'s
    /// type (`impl Mul<Vec3> for f32`), which also types an unsuffixed `k`.
    fn scalar_lhs_binary(
        &mut self,
        tr: &str,
        method: &str,
        lhs: Handle<Expr>,
        rhs: Handle<Expr>,
        range: &Range<usize>,
    ) -> DResult<Option<Handle<Expr>>> {
        let Some(rty) = self.operand_struct(rhs) else { return Ok(None) };
        let lt = self.ty(lhs);
        if !(self.infer.is_integer(lt) || self.infer.is_float(lt)) {
            return Ok(None);
        }
        let found = self.items.impls.iter().find_map(|i| {
            let self_ty = i.concrete_self()?;
            let fid = *i.methods.get(method)?;
            let rhs_ok = self.items.fns[fid].params.get(1).is_some_and(|p| p.ty == rty);
            (i.trait_id == Bound::Lang(tr.to_string()) && matches!(self.types.get(self_ty), Type::Scalar(_)) && rhs_ok)
                .then_some((fid, self_ty))
        });
        let Some((fid, self_ty)) = found else { return Ok(None) };
        let st = self.infer.import(self_ty, self.types);
        if self.infer.unify(lt, st).is_err() {
            return Ok(None);
        }
        Ok(Some(self.call_lowered(fid, Some(lt), vec![lhs, rhs], range)?))
    }

    /// `-v` / `!v` on a user struct: `Neg::neg` / `Not::not`.
    pub(crate) fn overloaded_unary(&mut self, op: UnaryOp, v: Handle<Expr>, range: &Range<usize>) -> DResult<Option<Handle<Expr>>> {
        let Some(ty) = self.operand_struct(v) else { return Ok(None) };
        let (tr, method, sym) = match op {
            UnaryOp::Neg => ("Neg", "neg", "-"),
            UnaryOp::Not => ("Not", "not", "!"),
        };
        let Some(fid) =
            self.items.impl_of(self.types, &Bound::Lang(tr.to_string()), ty).and_then(|i| self.items.impls[i].methods.get(method).copied())
        else {
            let name = self.types.display(ty).to_string();
            return Err(Diagnostic::at(
                Some("E0600"),
                format!("cannot apply unary operator `{sym}` to type `{name}`"),
                range.clone(),
                format!("cannot apply unary operator `{sym}`"),
            ));
        };
        let vt = self.ty(v);
        Ok(Some(self.call_lowered(fid, Some(vt), vec![v], range)?))
    }

    /// A call of user function `fid` with already lowered arguments,
    /// coerced to its parameter types (`self_ty`: `Self` of a method of a
    /// generic impl).
    pub(crate) fn call_lowered(
        &mut self,
        fid: crate::resolve::FnId,
        self_ty: Option<crate::infer::TyId>,
        args: Vec<Handle<Expr>>,
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        if self.items.fns[fid].is_generic() {
            let (sig, pending) = self.instantiate_use(fid, None, self_ty, range)?;
            if sig.params.len() != args.len() {
                return Err(Diagnostic::ice("an operator method with the wrong number of parameters"));
            }
            let mut lowered = Vec::with_capacity(args.len());
            for (a, p) in args.into_iter().zip(&sig.params) {
                lowered.push(self.coerce(a, p.1)?);
            }
            let call = self.push(ExprKind::Call { func: Handle::from_index(u32::MAX as usize), args: lowered }, sig.ret, range);
            let target = self.record_use(call, pending);
            self.facts.calls.push((target, range.clone()));
            return Ok(call);
        }
        let decl = &self.items.fns[fid];
        if decl.params.len() != args.len() {
            return Err(Diagnostic::at(
                Some("E0050"),
                format!("method `{}` has {} parameters but the operator passes {}", decl.short_name(), decl.params.len(), args.len()),
                decl.sig_range.clone(),
                "wrong number of parameters for this operator method",
            ));
        }
        let ret = decl.ret;
        let ptys: Vec<_> = decl.params.iter().map(|p| p.ty).collect();
        let mut lowered = Vec::with_capacity(args.len());
        for (a, p) in args.into_iter().zip(ptys) {
            let t = self.infer.import(p, self.types);
            lowered.push(self.coerce(a, t)?);
        }
        let rt = self.infer.import(ret, self.types);
        Ok(self.push_plain_call(fid, lowered, rt, range))
    }
}
