//! `==` and `!=` of structs and enums that `#[derive(PartialEq)]`, as the
//! derived impl compares: field by field (tuples and arrays element by
//! element, references by their pointees, nested user types by their own
//! `PartialEq`), an enum's tags first and then the fields of the variant
//! both are.

use std::ops::Range;

use hybrid_ir::{BinaryOp, Expr, ExprKind, Handle, Literal, Scalar, Stmt, Type, UnaryOp};

use super::pattern::{PlacePath, Proj};
use super::FnLower;
use crate::diag::{DResult, Diagnostic};
use crate::infer::Shape;

impl FnLower<'_> {
    /// `lhs == rhs` (`!=`: `ne`) of IR struct type `ty` when its struct or
    /// enum derives `PartialEq`; `None` otherwise.
    pub(crate) fn derived_eq(
        &mut self,
        ty: Handle<Type>,
        ne: bool,
        lhs: Handle<Expr>,
        rhs: Handle<Expr>,
        range: &Range<usize>,
    ) -> DResult<Option<Handle<Expr>>> {
        let Type::Struct(def) = *self.types.get(ty) else { return Ok(None) };
        let Some(sid) = self.items.struct_of(self.types, def) else { return Ok(None) };
        if !self.items.structs[sid].derives.iter().any(|d| d == "PartialEq") {
            return Ok(None);
        }
        let t = self.infer.import(ty, self.types);
        let rhs = self.autoderef(rhs);
        let rhs = self.coerce(rhs, t)?;
        let la = self.new_local("eq_lhs", t, false, range.clone());
        let lb = self.new_local("eq_rhs", t, false, range.clone());
        // (`==` borrows its operands: copies of places are views, `drops.rs`)
        self.spilled.insert(la);
        self.spilled.insert(lb);
        let a = PlacePath { local: la, proj: Vec::new() };
        let b = PlacePath { local: lb, proj: Vec::new() };
        let mut eq = self.fields_eq(ty, &a, &b, range)?;
        let bool_ty = self.scalar_ty(Scalar::Bool);
        if ne {
            eq = self.push(ExprKind::Unary { op: UnaryOp::Not, operand: eq }, bool_ty, range);
        }
        let stmts = vec![Stmt::Let { local: la, init: Some(lhs) }, Stmt::Let { local: lb, init: Some(rhs) }];
        Ok(Some(self.block_expr(stmts, Some(eq), range)))
    }

    /// Whether the values at places `a` and `b` of type `ty` are equal.
    fn values_eq(&mut self, ty: Handle<Type>, a: &PlacePath, b: &PlacePath, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let bool_ty = self.scalar_ty(Scalar::Bool);
        let sub = |p: &PlacePath, pr: Proj| {
            let mut q = p.clone();
            q.proj.push(pr);
            q
        };
        match self.types.get(ty).clone() {
            Type::Unit => Ok(self.lit(Literal::Bool(true), bool_ty, range)),
            Type::Scalar(_) => {
                let (x, y) = (self.place_expr(a, range), self.place_expr(b, range));
                Ok(self.push(ExprKind::Binary { op: BinaryOp::Eq, lhs: x, rhs: y }, bool_ty, range))
            }
            Type::Pointer { pointee, reference: true, .. } => {
                let p = self.infer.import(pointee, self.types);
                self.values_eq(pointee, &sub(a, Proj::Deref(p)), &sub(b, Proj::Deref(p)), range)
            }
            Type::Tuple(elems) => {
                let mut conds = Vec::new();
                for (i, e) in elems.iter().enumerate() {
                    let t = self.infer.import(*e, self.types);
                    conds.push(self.values_eq(*e, &sub(a, Proj::Field(i as u32, t)), &sub(b, Proj::Field(i as u32, t)), range)?);
                }
                Ok(self.all_of(conds, range))
            }
            Type::Array { elem, len } => {
                let t = self.infer.import(elem, self.types);
                let mut conds = Vec::new();
                for i in 0..len {
                    conds.push(self.values_eq(elem, &sub(a, Proj::Index(i, t)), &sub(b, Proj::Index(i, t)), range)?);
                }
                Ok(self.all_of(conds, range))
            }
            Type::Struct(_) => {
                // a nested user type: its own `PartialEq` (an impl, or derived again)
                let (x, y) = (self.place_expr(a, range), self.place_expr(b, range));
                match self.overloaded_binary(BinaryOp::Eq, false, x, y, range)? {
                    Some(e) => Ok(e),
                    None => Err(Diagnostic::unsupported("`==` of this field type", range.clone())),
                }
            }
            _ => {
                let shown = self.types.display(ty).to_string();
                Err(Diagnostic::unsupported(&format!("derived `PartialEq` of a field of type `{shown}`"), range.clone()))
            }
        }
    }

    /// The derived comparison of a struct's fields, or an enum's tags and
    /// then the fields of the variant both are.
    fn fields_eq(&mut self, ty: Handle<Type>, a: &PlacePath, b: &PlacePath, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let Type::Struct(def) = *self.types.get(ty) else { return self.values_eq(ty, a, b, range) };
        let fields: Vec<Handle<Type>> = self.types.structs[def].fields.iter().map(|f| f.ty).collect();
        let field_eq = |me: &mut Self, i: usize| -> DResult<Handle<Expr>> {
            let t = me.infer.import(fields[i], me.types);
            let (mut x, mut y) = (a.clone(), b.clone());
            x.proj.push(Proj::Field(i as u32, t));
            y.proj.push(Proj::Field(i as u32, t));
            me.values_eq(fields[i], &x, &y, range)
        };
        let variants = self.items.struct_of(self.types, def).and_then(|s| self.items.variants(s)).map(|v| v.to_vec());
        let Some(variants) = variants else {
            let conds = (0..fields.len()).map(|i| field_eq(self, i)).collect::<DResult<Vec<_>>>()?;
            return Ok(self.all_of(conds, range));
        };
        let bool_ty = self.scalar_ty(Scalar::Bool);
        let tag_ty = self.scalar_ty(crate::enums::tag_scalar());
        let tag = |me: &mut Self, p: &PlacePath| {
            let mut q = p.clone();
            q.proj.push(Proj::Field(0, tag_ty));
            me.place_expr(&q, range)
        };
        // if a.tag == d1 { fields of V1 } else if .. else { true }, under a.tag == b.tag
        let mut chain = self.lit(Literal::Bool(true), bool_ty, range);
        for v in variants.iter().rev().filter(|v| !v.fields.is_empty()) {
            let first = v.first as usize;
            let conds = (first..first + v.fields.len()).map(|i| field_eq(self, i)).collect::<DResult<Vec<_>>>()?;
            let then = self.all_of(conds, range);
            let t = tag(self, a);
            let d = self.lit(Literal::Int(v.discr as u64), tag_ty, range);
            let cond = self.push(ExprKind::Binary { op: BinaryOp::Eq, lhs: t, rhs: d }, bool_ty, range);
            chain = self.push(ExprKind::If { cond, then, otherwise: Some(chain) }, bool_ty, range);
        }
        let (ta, tb) = (tag(self, a), tag(self, b));
        let same = self.push(ExprKind::Binary { op: BinaryOp::Eq, lhs: ta, rhs: tb }, bool_ty, range);
        Ok(self.all_of(vec![same, chain], range))
    }
}

impl FnLower<'_> {
    /// `lhs op rhs` of two tuples (`==`, `!=`, `<`, `<=`, `>`, `>=`, as
    /// rustc's `PartialEq`/`PartialOrd` of tuples: element by element,
    /// lexicographically); `None` when `lhs` is no tuple.
    pub(crate) fn tuple_compare(
        &mut self,
        op: BinaryOp,
        lhs: Handle<Expr>,
        rhs: Handle<Expr>,
        range: &Range<usize>,
    ) -> DResult<Option<Handle<Expr>>> {
        // (`x < y` of two `&(A, B)`: the tuples, as rustc's `impl PartialOrd<&B> for &A`)
        let (mut lhs, mut rhs) = (lhs, rhs);
        for _ in 0..4 {
            match (self.shape(self.ty(lhs)), self.shape(self.ty(rhs))) {
                (Some(Shape::Ptr { pointee: p, reference: true, .. }), Some(Shape::Ptr { pointee: q, reference: true, .. }))
                    if matches!(self.shape(p), Some(Shape::Tuple(_) | Shape::Ptr { .. })) =>
                {
                    lhs = self.push(ExprKind::Deref(lhs), p, range);
                    rhs = self.push(ExprKind::Deref(rhs), q, range);
                }
                _ => break,
            }
        }
        let t = self.ty(lhs);
        let Ok(ty) = self.infer.resolve(t, self.types) else { return Ok(None) };
        let Type::Tuple(elems) = self.types.get(ty).clone() else { return Ok(None) };
        let rhs = self.coerce(rhs, t)?;
        let la = self.new_local("cmp_lhs", t, false, range.clone());
        let lb = self.new_local("cmp_rhs", t, false, range.clone());
        // (a comparison borrows its operands: copies of places are views, `drops.rs`)
        self.spilled.insert(la);
        self.spilled.insert(lb);
        let a = PlacePath { local: la, proj: Vec::new() };
        let b = PlacePath { local: lb, proj: Vec::new() };
        let bool_ty = self.scalar_ty(Scalar::Bool);
        let result = match op {
            BinaryOp::Eq | BinaryOp::Ne => {
                let eq = self.values_eq(ty, &a, &b, range)?;
                match op {
                    BinaryOp::Ne => self.push(ExprKind::Unary { op: UnaryOp::Not, operand: eq }, bool_ty, range),
                    _ => eq,
                }
            }
            _ => self.lexicographic(op, &elems, 0, &a, &b, range)?,
        };
        let stmts = vec![Stmt::Let { local: la, init: Some(lhs) }, Stmt::Let { local: lb, init: Some(rhs) }];
        Ok(Some(self.block_expr(stmts, Some(result), range)))
    }

    /// Elements `i..` of tuples `a` and `b` compared by `op` (`<`, `<=`,
    /// `>`, `>=`): `a.i < b.i || (a.i == b.i && rest)`, the last by `op`.
    fn lexicographic(
        &mut self,
        op: BinaryOp,
        elems: &[Handle<Type>],
        i: usize,
        a: &PlacePath,
        b: &PlacePath,
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        let bool_ty = self.scalar_ty(Scalar::Bool);
        let et = self.infer.import(elems[i], self.types);
        let at = |p: &PlacePath| {
            let mut q = p.clone();
            q.proj.push(Proj::Field(i as u32, et));
            q
        };
        let (ai, bi) = (at(a), at(b));
        let compare = |me: &mut Self, op: BinaryOp| -> DResult<Handle<Expr>> {
            let (x, y) = (me.place_expr(&ai, range), me.place_expr(&bi, range));
            match me.types.get(elems[i]) {
                Type::Scalar(_) => Ok(me.push(ExprKind::Binary { op, lhs: x, rhs: y }, bool_ty, range)),
                _ => match me.overloaded_binary(op, false, x, y, range)? {
                    Some(e) => Ok(e),
                    None => Err(Diagnostic::unsupported("comparing tuples with elements of this type", range.clone())),
                },
            }
        };
        if i + 1 == elems.len() {
            return compare(self, op);
        }
        let strict = match op {
            BinaryOp::Lt | BinaryOp::Le => BinaryOp::Lt,
            _ => BinaryOp::Gt,
        };
        let first = compare(self, strict)?;
        let same = self.values_eq(elems[i], &ai, &bi, range)?;
        let rest = self.lexicographic(op, elems, i + 1, a, b, range)?;
        let f = self.lit(Literal::Bool(false), bool_ty, range);
        let t = self.lit(Literal::Bool(true), bool_ty, range);
        let and = self.push(ExprKind::If { cond: same, then: rest, otherwise: Some(f) }, bool_ty, range);
        Ok(self.push(ExprKind::If { cond: first, then: t, otherwise: Some(and) }, bool_ty, range))
    }
}
