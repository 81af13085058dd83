//! Patterns: checked against the type they match, lowered against a place
//! to a test (a chain of `&&` comparisons of tags and values) and a list
//! of bindings, plus the abstract pattern that `exhaust.rs` checks.

use std::ops::Range;

use hybrid_ir::{BinaryOp, Expr, ExprKind, Handle, Literal, Local, Scalar, Stmt};

use super::adt::Ctor;
use super::exhaust::{Ap, Head};
use super::FnLower;
use crate::consteval::{self, ConstValue};
use crate::diag::{range_of, DResult, Diagnostic};
use crate::enums::FieldsForm;
use crate::infer::{Shape, TyId, VarKind};
use crate::modtree::{Def, Ns, PathRes};

/// A place to match, rebuilt as fresh expressions at every use: a local
/// followed by projections.
#[derive(Clone, Debug)]
pub(crate) struct PlacePath {
    pub local: Handle<Local>,
    pub proj: Vec<Proj>,
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum Proj {
    Field(u32, TyId),
    Deref(TyId),
    /// Element `i` of an array.
    Index(u64, TyId),
    /// The element of a slice the local (a `usize`) indexes.
    IndexBy(Handle<Local>, TyId),
}

/// How a binding takes its value (rustc's binding modes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Move,
    Ref,
    RefMut,
}

/// A name a pattern binds.
pub(crate) struct Binding {
    pub name: String,
    pub mutable: bool,
    pub mode: Mode,
    pub place: PlacePath,
    pub ty: TyId,
    pub range: Range<usize>,
}

/// What a pattern lowers to.
#[derive(Default)]
pub(crate) struct PatOut {
    /// Tests that must all hold, in order (evaluated with `&&`).
    pub conds: Vec<Handle<Expr>>,
    pub binds: Vec<Binding>,
    /// `let`s that must come before the tests (the locals of bindings
    /// inside or-patterns, assigned by the alternative that matches).
    pub pre: Vec<Stmt>,
}

impl<'i> FnLower<'i> {
    pub(crate) fn place_expr(&mut self, p: &PlacePath, range: &Range<usize>) -> Handle<Expr> {
        let mut e = self.local_expr(p.local, range);
        for pr in &p.proj {
            e = match *pr {
                Proj::Field(i, t) => self.push(ExprKind::Field { base: e, index: i }, t, range),
                Proj::Deref(t) => self.push(ExprKind::Deref(e), t, range),
                Proj::Index(i, t) => {
                    let usize_ty = self.scalar_ty(Scalar::Usize);
                    let index = self.lit(Literal::Int(i), usize_ty, range);
                    self.push(ExprKind::Index { base: e, index }, t, range)
                }
                Proj::IndexBy(i, t) => {
                    let index = self.local_expr(i, range);
                    self.push(ExprKind::Index { base: e, index }, t, range)
                }
            };
        }
        e
    }

    /// `a && b && ..` (true when empty).
    pub(crate) fn all_of(&mut self, conds: Vec<Handle<Expr>>, range: &Range<usize>) -> Handle<Expr> {
        let bool_ty = self.scalar_ty(Scalar::Bool);
        let mut iter = conds.into_iter().rev();
        let Some(mut acc) = iter.next() else { return self.lit_bool(true, range) };
        for c in iter {
            let f = self.lit_bool(false, range);
            acc = self.push(ExprKind::If { cond: c, then: acc, otherwise: Some(f) }, bool_ty, range);
        }
        acc
    }

    /// `let` statements for a pattern's bindings, each bound in the current scope.
    pub(crate) fn bind_all(&mut self, binds: &[Binding], range: &Range<usize>) -> Vec<Stmt> {
        let mut out = Vec::new();
        for b in binds {
            let place = self.place_expr(&b.place, range);
            let (init, ty) = match b.mode {
                Mode::Move => (place, b.ty),
                Mode::Ref | Mode::RefMut => {
                    let mutable = b.mode == Mode::RefMut;
                    if mutable {
                        self.note_mutated_place(place);
                    }
                    let ty = self.infer.known(Shape::Ptr { pointee: b.ty, mutable, reference: true });
                    (self.push(ExprKind::AddrOf { place, mutable }, ty, range), ty)
                }
            };
            let l = self.new_local(&b.name, ty, b.mutable, b.range.clone());
            self.bind(&b.name, l);
            out.push(Stmt::Let { local: l, init: Some(init) });
        }
        out
    }

    /// Make a place of a scrutinee: a place expression is matched in place
    /// (through its address), any other value from a fresh local.
    pub(crate) fn scrutinee(&mut self, value: Handle<Expr>, stmts: &mut Vec<Stmt>) -> (PlacePath, TyId) {
        let ty = self.ty(value);
        let range = self.range(value);
        if self.kind(value).is_place() {
            let pty = self.infer.known(Shape::Ptr { pointee: ty, mutable: true, reference: false });
            let addr = self.push(ExprKind::AddrOf { place: value, mutable: true }, pty, &range);
            let (st, place) = self.spill(addr, "match_place");
            stmts.push(st);
            let ExprKind::Local(l) = *self.kind(place) else { unreachable!("spill gives a local") };
            self.match_places.insert(l);
            self.lints.scrutinee_of.insert(l, value);
            return (PlacePath { local: l, proj: vec![Proj::Deref(ty)] }, ty);
        }
        let (st, place) = self.spill(value, "match_value");
        stmts.push(st);
        let ExprKind::Local(l) = *self.kind(place) else { unreachable!("spill gives a local") };
        (PlacePath { local: l, proj: Vec::new() }, ty)
    }

    /// Check `pat` against `ty` and lower it against `place`.
    pub(crate) fn pattern(&mut self, pat: &syn::Pat, place: &PlacePath, ty: TyId, mode: Mode, out: &mut PatOut) -> DResult<Ap> {
        use syn::Pat as P;
        let range = range_of(pat);
        // default binding modes: a non-reference pattern matching a reference
        let binding = match pat {
            P::Ident(pi) => !self.names_constant(pi),
            _ => false,
        };
        if !binding && !matches!(pat, P::Wild(_) | P::Reference(_) | P::Rest(_) | P::Or(_) | P::Paren(_) | P::Type(_)) {
            if let Some(Shape::Ptr { pointee, mutable, reference: true }) = self.shape(ty) {
                let mut inner = place.clone();
                inner.proj.push(Proj::Deref(pointee));
                let mode = if mode == Mode::Ref || !mutable { Mode::Ref } else { Mode::RefMut };
                return self.pattern(pat, &inner, pointee, mode, out);
            }
        }
        match pat {
            P::Wild(_) => Ok(Ap::Wild),
            P::Paren(p) => self.pattern(&p.pat, place, ty, mode, out),
            P::Type(pt) => {
                let t = self.convert_type(&pt.ty)?;
                self.expect_ty(t, ty, &range)?;
                self.pattern(&pt.pat, place, ty, mode, out)
            }
            P::Ident(pi) => {
                if !binding {
                    let path = syn::Path::from(pi.ident.clone());
                    if let Some(ap) = self.path_pattern(&path, place, ty, out, &range, true)? {
                        return Ok(ap);
                    }
                }
                let sub = match &pi.subpat {
                    Some((_, sp)) => self.pattern(sp, place, ty, mode, out)?,
                    None => Ap::Wild,
                };
                let bmode = match (&pi.by_ref, &pi.mutability) {
                    (Some(_), Some(_)) => Mode::RefMut,
                    (Some(_), None) => Mode::Ref,
                    (None, _) => mode,
                };
                let mutable = pi.by_ref.is_none() && pi.mutability.is_some();
                out.binds.push(Binding {
                    name: pi.ident.to_string(),
                    mutable,
                    mode: bmode,
                    place: place.clone(),
                    ty,
                    range: range_of(&pi.ident),
                });
                Ok(sub)
            }
            P::Lit(l) => {
                let e = syn::Expr::Lit(l.clone());
                let (v, lit_ty) = self.pattern_const(&e, ty)?;
                self.expect_pat_ty(ty, lit_ty, &range)?;
                let value = self.push(ExprKind::Literal(v.clone()), ty, &range);
                if matches!(&l.lit, syn::Lit::Int(i) if !i.base10_digits().starts_with('-')) {
                    // range-checked against the scrutinee's type at the end
                    self.source_ints.insert(value);
                }
                let cur = self.place_expr(place, &range);
                let bool_ty = self.scalar_ty(Scalar::Bool);
                out.conds.push(self.push(ExprKind::Binary { op: BinaryOp::Eq, lhs: cur, rhs: value }, bool_ty, &range));
                Ok(match v {
                    Literal::Bool(b) => Ap::ctor(Head::Bool(b), vec![]),
                    Literal::Int(_) => {
                        let n = self.pat_const_int(&e)?;
                        Ap::ctor(Head::Range(n, n), vec![])
                    }
                    _ => Ap::ctor(Head::Opaque, vec![]),
                })
            }
            P::Range(r) => {
                let (Some(lo), Some(hi)) = (&r.start, &r.end) else {
                    return Err(Diagnostic::unsupported("half-open range patterns", range));
                };
                let (vlo, tlo) = self.pattern_const(lo, ty)?;
                self.expect_pat_ty(ty, tlo, &range)?;
                let (vhi, thi) = self.pattern_const(hi, ty)?;
                self.expect_pat_ty(ty, thi, &range)?;
                let (nlo, mut nhi) = (self.pat_const_int(lo)?, self.pat_const_int(hi)?);
                let inclusive = matches!(r.limits, syn::RangeLimits::Closed(_));
                if !inclusive {
                    nhi -= 1;
                }
                if nlo > nhi {
                    return Err(Diagnostic::at(
                        Some("E0030"),
                        "lower range bound must be less than or equal to upper",
                        range_of(lo),
                        "lower bound larger than upper bound",
                    ));
                }
                let bool_ty = self.scalar_ty(Scalar::Bool);
                let (a, b) = (self.push(ExprKind::Literal(vlo), ty, &range), self.push(ExprKind::Literal(vhi), ty, &range));
                let (c1, c2) = (self.place_expr(place, &range), self.place_expr(place, &range));
                out.conds.push(self.push(ExprKind::Binary { op: BinaryOp::Ge, lhs: c1, rhs: a }, bool_ty, &range));
                let op = if inclusive { BinaryOp::Le } else { BinaryOp::Lt };
                out.conds.push(self.push(ExprKind::Binary { op, lhs: c2, rhs: b }, bool_ty, &range));
                Ok(Ap::ctor(Head::Range(nlo, nhi), vec![]))
            }
            // `()` matches the unit value (`Ok(())`): nothing to test
            P::Tuple(t) if t.elems.is_empty() && matches!(self.shape(ty), Some(Shape::Unit) | None) => {
                let unit = self.infer.unit();
                self.expect_ty(unit, ty, &range)?;
                Ok(Ap::ctor(Head::Single, vec![]))
            }
            P::Tuple(t) => {
                let elems = self.rest_split(t.elems.iter(), None, &range)?;
                let tys: Vec<TyId> = match self.shape(ty) {
                    Some(Shape::Tuple(tys)) if elems.fits(tys.len()) => tys,
                    Some(Shape::Tuple(tys)) => {
                        let found = format!("({})", vec!["_"; t.elems.len()].join(", "));
                        let expected = self.describe(ty);
                        return Err(Diagnostic::at(
                            Some("E0308"),
                            "mismatched types",
                            range,
                            format!("expected a tuple with {} elements, found one with {} elements", tys.len(), t.elems.len()),
                        )
                        .note(format!("expected tuple {expected}\n   found tuple `{found}`")));
                    }
                    Some(_) => {
                        let e = self.describe(ty);
                        return Err(Diagnostic::at(
                            Some("E0308"),
                            "mismatched types",
                            range,
                            format!("expected {e}, found `({})`", vec!["_"; t.elems.len()].join(", ")),
                        ));
                    }
                    None if !elems.has_rest => {
                        let tys: Vec<TyId> = (0..t.elems.len()).map(|_| self.infer.var(VarKind::General)).collect();
                        let tt = self.infer.known(Shape::Tuple(tys.clone()));
                        self.expect_ty(tt, ty, &range)?;
                        tys
                    }
                    None => return Err(self.annotations_needed(&range)),
                };
                let fields = self.sub_patterns(&elems, &tys, |i| i as u32, place, mode, out)?;
                Ok(Ap::ctor(Head::Single, fields))
            }
            P::TupleStruct(ts) => {
                let (c, adt) = self.pattern_ctor(&ts.path, ty, &range, Ns::Value)?;
                let (form, fields) = self.ctor_fields(c, adt);
                let elems = self.rest_split(ts.elems.iter(), None, &range)?;
                if form != FieldsForm::Tuple || !elems.fits(fields.len()) {
                    return Err(self.tuple_arity(c, form, &fields, ts, &range));
                }
                let tys: Vec<TyId> = fields.iter().map(|(_, t)| *t).collect();
                let n = tys.len();
                let positions = (0..elems.before.len()).chain((n - elems.after.len())..n);
                for (p, i) in elems.before.iter().chain(elems.after.iter()).zip(positions) {
                    if !matches!(p, P::Wild(_)) {
                        self.adt_uses.read(c, i);
                    }
                }
                self.tag_test(c, place, out, &range);
                let first = self.ctor_field_index(c, 0);
                let subs = self.sub_patterns(&elems, &tys, |i| first + i as u32, place, mode, out)?;
                Ok(self.ctor_ap(c, subs))
            }
            P::Struct(sp) => {
                let (c, adt) = self.pattern_ctor(&sp.path, ty, &range, Ns::Type)?;
                let (_, fields) = self.ctor_fields(c, adt);
                let mut subs = vec![Ap::Wild; fields.len()];
                let mut seen = vec![false; fields.len()];
                self.tag_test(c, place, out, &range);
                let name = self.ctor_name(c);
                for fp in &sp.fields {
                    let member = match &fp.member {
                        syn::Member::Named(n) => n.to_string(),
                        syn::Member::Unnamed(i) => i.index.to_string(),
                    };
                    let Some(i) = fields.iter().position(|(n, _)| *n == member) else {
                        let what = if matches!(c, Ctor::Variant(..)) { "variant" } else { "struct" };
                        return Err(Diagnostic::at(
                            Some("E0026"),
                            format!("{what} `{name}` does not have a field named `{member}`"),
                            range_of(&fp.member),
                            format!("{what} `{name}` does not have this field"),
                        ));
                    };
                    seen[i] = true;
                    if !matches!(&*fp.pat, P::Wild(_)) {
                        self.adt_uses.read(c, i);
                    }
                    let t = fields[i].1;
                    let mut p = place.clone();
                    p.proj.push(Proj::Field(self.ctor_field_index(c, i), t));
                    subs[i] = self.pattern(&fp.pat, &p, t, mode, out)?;
                }
                if sp.rest.is_none() {
                    let missing: Vec<String> = fields.iter().zip(&seen).filter(|(_, s)| !**s).map(|((n, _), _)| format!("`{n}`")).collect();
                    if !missing.is_empty() {
                        let (s, list) = if missing.len() == 1 { ("", missing[0].clone()) } else { ("s", missing.join(", ")) };
                        return Err(Diagnostic::at(
                            Some("E0027"),
                            format!("pattern does not mention field{s} {list}"),
                            range,
                            format!("missing field{s} {list}"),
                        ));
                    }
                }
                Ok(self.ctor_ap(c, subs))
            }
            P::Path(pp) => match self.path_pattern(&pp.path, place, ty, out, &range, false)? {
                Some(ap) => Ok(ap),
                None => Err(Diagnostic::at(
                    Some("E0531"),
                    format!("cannot find unit struct, unit variant or constant `{}` in this scope", self.text(&range)),
                    range,
                    "not found in this scope",
                )),
            },
            P::Reference(r) => {
                let pointee = self.infer.var(VarKind::General);
                let pt = self.infer.known(Shape::Ptr { pointee, mutable: r.mutability.is_some(), reference: true });
                self.expect_pat_ty(ty, pt, &range)?;
                let mut inner = place.clone();
                inner.proj.push(Proj::Deref(pointee));
                self.pattern(&r.pat, &inner, pointee, Mode::Move, out)
            }
            P::Or(o) => {
                let mut alts = Vec::new();
                let mut subs = Vec::new();
                for c in &o.cases {
                    let mut sub = PatOut::default();
                    alts.push(self.pattern(c, place, ty, mode, &mut sub)?);
                    subs.push((c, sub));
                }
                let conds = self.or_alternatives(subs, out, &range)?;
                // a || b || ..
                let bool_ty = self.scalar_ty(Scalar::Bool);
                let mut iter = conds.into_iter().rev();
                if let Some(mut acc) = iter.next() {
                    for c in iter {
                        let t = self.lit_bool(true, &range);
                        acc = self.push(ExprKind::If { cond: c, then: t, otherwise: Some(acc) }, bool_ty, &range);
                    }
                    out.conds.push(acc);
                }
                Ok(Ap::Or(alts))
            }
            P::Rest(_) => Err(Diagnostic::at(
                None,
                "`..` patterns are not allowed here",
                range,
                "only allowed in tuple, tuple struct, and slice patterns",
            )),
            P::Slice(sl) => {
                let Some(Shape::Array { elem, len }) = self.shape(ty) else {
                    return Err(Diagnostic::unsupported("slice patterns on this type (only arrays)", range));
                };
                let elems = self.rest_split(sl.elems.iter(), None, &range)?;
                if !elems.fits(len as usize) {
                    let n = elems.before.len() + elems.after.len();
                    return Err(Diagnostic::at(
                        Some(if elems.has_rest { "E0528" } else { "E0527" }),
                        format!(
                            "pattern requires {}{n} element{} but array has {len}",
                            if elems.has_rest { "at least " } else { "" },
                            if n == 1 { "" } else { "s" }
                        ),
                        range,
                        format!("expected {len} elements"),
                    ));
                }
                let n = len as usize;
                let mut aps = vec![Ap::Wild; n];
                let positions: Vec<usize> = (0..elems.before.len()).chain((n - elems.after.len())..n).collect();
                for (p, i) in elems.before.iter().chain(elems.after.iter()).zip(positions) {
                    let mut sub = place.clone();
                    sub.proj.push(Proj::Index(i as u64, elem));
                    aps[i] = self.pattern(p, &sub, elem, mode, out)?;
                }
                Ok(Ap::ctor(Head::Single, aps))
            }
            _ => Err(Diagnostic::unsupported("this pattern", range)),
        }
    }

    /// A path pattern: a unit variant, unit struct or const; `None` when the
    /// path names none of these (a binding, when `ident`).
    fn path_pattern(
        &mut self,
        path: &syn::Path,
        place: &PlacePath,
        ty: TyId,
        out: &mut PatOut,
        range: &Range<usize>,
        ident: bool,
    ) -> DResult<Option<Ap>> {
        if ident && !self.names_constant_path(path) {
            return Ok(None);
        }
        let is_const = match self.resolve_path(path, Ns::Value) {
            Ok(Some(PathRes::Def(Def::Const(_)))) => true,
            Ok(Some(PathRes::Def(Def::Extern(segs)))) => consteval::assoc_const_path(&segs).is_some(),
            _ => false,
        };
        if is_const {
            let e = syn::Expr::Path(syn::ExprPath { attrs: vec![], qself: None, path: path.clone() });
            let (v, t) = self.pattern_const(&e, ty)?;
            self.expect_pat_ty(ty, t, range)?;
            let n = self.pat_const_int(&e).ok();
            let value = self.push(ExprKind::Literal(v.clone()), ty, range);
            let cur = self.place_expr(place, range);
            let bool_ty = self.scalar_ty(Scalar::Bool);
            out.conds.push(self.push(ExprKind::Binary { op: BinaryOp::Eq, lhs: cur, rhs: value }, bool_ty, range));
            return Ok(Some(match (v, n) {
                (Literal::Bool(b), _) => Ap::ctor(Head::Bool(b), vec![]),
                (Literal::Int(_), Some(n)) => Ap::ctor(Head::Range(n, n), vec![]),
                _ => Ap::ctor(Head::Opaque, vec![]),
            }));
        }
        let (c, adt) = self.pattern_ctor(path, ty, range, Ns::Value)?;
        let (form, fields) = self.ctor_fields(c, adt);
        if form != FieldsForm::Unit {
            let name = self.ctor_name(c);
            let (code, what) = if form == FieldsForm::Tuple { ("E0532", "tuple variant") } else { ("E0533", "struct variant") };
            let shown = if form == FieldsForm::Tuple {
                format!("{name}({})", vec!["_"; fields.len()].join(", "))
            } else {
                format!("{name} {{ .. }}")
            };
            return Err(Diagnostic::at(
                Some(code),
                format!("expected unit struct, unit variant or constant, found {what} `{name}`"),
                range.clone(),
                format!("help: use the {what} pattern syntax instead: `{shown}`"),
            ));
        }
        self.tag_test(c, place, out, range);
        Ok(Some(self.ctor_ap(c, vec![])))
    }

    /// Whether identifier pattern `pi` names a unit variant, unit struct or
    /// const (a pattern to compare with), not a new binding.
    fn names_constant(&self, pi: &syn::PatIdent) -> bool {
        pi.by_ref.is_none()
            && pi.mutability.is_none()
            && pi.subpat.is_none()
            && self.names_constant_path(&syn::Path::from(pi.ident.clone()))
    }

    fn names_constant_path(&self, path: &syn::Path) -> bool {
        match self.resolve_path(path, Ns::Value) {
            Ok(Some(PathRes::Def(Def::Variant(..) | Def::Const(_)))) => true,
            Ok(Some(PathRes::Def(Def::Struct(s)))) => self.ctor_form(Ctor::Struct(s)) == FieldsForm::Unit,
            _ => false,
        }
    }

    /// The constructor a pattern's path names, checked against `ty`, and
    /// the type it builds (`ty` itself once unified).
    fn pattern_ctor(&mut self, path: &syn::Path, ty: TyId, range: &Range<usize>, ns: Ns) -> DResult<(Ctor, TyId)> {
        let Some(c) = self.ctor_of_path(path, ns)? else {
            let shown = path.segments.iter().map(|s| s.ident.to_string()).collect::<Vec<_>>().join("::");
            let what = if ns == Ns::Type { "struct, variant or union type" } else { "tuple struct or tuple variant" };
            return Err(Diagnostic::at(
                Some(if ns == Ns::Type { "E0422" } else { "E0531" }),
                format!("cannot find {what} `{shown}` in this scope"),
                range_of(path),
                "not found in this scope",
            ));
        };
        let sid = match c {
            Ctor::Struct(s) | Ctor::Variant(s, _) => s,
        };
        if self.items.variants(sid).is_some() && matches!(c, Ctor::Struct(_)) {
            return Err(Diagnostic::at(
                Some("E0532"),
                format!("expected tuple struct or tuple variant, found enum `{}`", self.ctor_name(c)),
                range_of(path),
                "not a tuple struct or tuple variant",
            ));
        }
        let t = self.ctor_type(c, path)?;
        self.expect_pat_ty(ty, t, range)?;
        Ok((c, t))
    }

    /// E0308 for a pattern of the wrong type, worded as rustc words it.
    fn expect_pat_ty(&mut self, scrutinee: TyId, pat: TyId, range: &Range<usize>) -> DResult<()> {
        if self.infer.unify(scrutinee, pat).is_ok() {
            return Ok(());
        }
        let (e, f) = (self.describe(scrutinee), self.describe(pat));
        Err(Diagnostic::at(Some("E0308"), "mismatched types", range.clone(), format!("expected {e}, found {f}"))
            .note(format!("this expression has type {e}")))
    }

    /// The tag test of a variant (nothing for a struct).
    fn tag_test(&mut self, c: Ctor, place: &PlacePath, out: &mut PatOut, range: &Range<usize>) {
        let Ctor::Variant(sid, v) = c else { return };
        if self.items.variants(sid).unwrap().len() == 1 {
            return;
        }
        let discr = self.items.variants(sid).unwrap()[v].discr;
        let tag_ty = self.scalar_ty(crate::enums::tag_scalar());
        let mut p = place.clone();
        p.proj.push(Proj::Field(0, tag_ty));
        let cur = self.place_expr(&p, range);
        let value = self.lit(Literal::Int(discr as u64), tag_ty, range);
        let bool_ty = self.scalar_ty(Scalar::Bool);
        out.conds.push(self.push(ExprKind::Binary { op: BinaryOp::Eq, lhs: cur, rhs: value }, bool_ty, range));
    }

    fn ctor_ap(&self, c: Ctor, fields: Vec<Ap>) -> Ap {
        match c {
            Ctor::Struct(_) => Ap::ctor(Head::Single, fields),
            Ctor::Variant(_, v) => Ap::ctor(Head::Variant(v), fields),
        }
    }

    /// E0023: a tuple-struct pattern with the wrong number of fields.
    fn tuple_arity(
        &self,
        c: Ctor,
        form: FieldsForm,
        fields: &[(String, TyId)],
        ts: &syn::PatTupleStruct,
        range: &Range<usize>,
    ) -> Diagnostic {
        let name = self.ctor_name(c);
        if form != FieldsForm::Tuple {
            let what = if form == FieldsForm::Unit { "unit" } else { "struct" };
            return Diagnostic::at(
                Some(if form == FieldsForm::Unit { "E0532" } else { "E0769" }),
                format!("expected tuple struct or tuple variant, found {what} variant `{name}`"),
                range_of(&ts.path),
                "not a tuple struct or tuple variant",
            );
        }
        let n = ts.elems.len();
        let plural = |k: usize| if k == 1 { "field" } else { "fields" };
        let what = if matches!(c, Ctor::Variant(..)) { "variant" } else { "struct" };
        let at = match (ts.elems.first(), ts.elems.last()) {
            (Some(a), Some(b)) => range_of(a).start..range_of(b).end,
            _ => range.clone(),
        };
        Diagnostic::at(
            Some("E0023"),
            format!("this pattern has {n} {}, but the corresponding tuple {what} has {} {}", plural(n), fields.len(), plural(fields.len())),
            at,
            format!("expected {} {}, found {n}", fields.len(), plural(fields.len())),
        )
    }

    /// Lower the elements of a tuple-like pattern with an optional `..`.
    fn sub_patterns(
        &mut self,
        elems: &Elems<'_>,
        tys: &[TyId],
        index: impl Fn(usize) -> u32,
        place: &PlacePath,
        mode: Mode,
        out: &mut PatOut,
    ) -> DResult<Vec<Ap>> {
        let mut aps = vec![Ap::Wild; tys.len()];
        let n = tys.len();
        let positions: Vec<usize> = (0..elems.before.len()).chain((n - elems.after.len())..n).collect();
        for (p, i) in elems.before.iter().chain(elems.after.iter()).zip(positions) {
            let mut sub = place.clone();
            sub.proj.push(Proj::Field(index(i), tys[i]));
            aps[i] = self.pattern(p, &sub, tys[i], mode, out)?;
        }
        Ok(aps)
    }

    fn rest_split<'p>(&self, pats: impl Iterator<Item = &'p syn::Pat>, _n: Option<usize>, range: &Range<usize>) -> DResult<Elems<'p>> {
        let mut e = Elems { before: Vec::new(), after: Vec::new(), has_rest: false };
        for p in pats {
            if let syn::Pat::Rest(_) = p {
                if e.has_rest {
                    return Err(Diagnostic::at(
                        None,
                        "`..` can only be used once per tuple pattern",
                        range.clone(),
                        "can only be used once per tuple pattern",
                    ));
                }
                e.has_rest = true;
            } else if e.has_rest {
                e.after.push(p);
            } else {
                e.before.push(p);
            }
        }
        Ok(e)
    }

    /// A literal or const in a pattern: its IR literal and its type.
    fn pattern_const(&mut self, e: &syn::Expr, ty: TyId) -> DResult<(Literal, TyId)> {
        let range = range_of(e);
        if let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Float(_), .. }) = e {
            return Err(Diagnostic::unsupported("float literals in patterns", range));
        }
        let v = self.pat_eval(e)?;
        let lit_ty = match (e, v) {
            (_, ConstValue::Bool(_)) => self.scalar_ty(Scalar::Bool),
            (syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Char(_), .. }), _) => self.scalar_ty(Scalar::Char),
            (syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }), _) if i.suffix().is_empty() => self.infer.var(VarKind::Int),
            (syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }), _) => match Scalar::from_name(i.suffix()) {
                Some(s) => self.scalar_ty(s),
                None => return Err(Diagnostic::unsupported("this literal", range)),
            },
            (syn::Expr::Path(p), _) => match self.items.const_at(self.module(), &p.path)? {
                Some(idx) => self.scalar_ty(self.items.consts[idx].ty.unwrap_or(Scalar::I32)),
                None => match consteval::assoc_const_path(&p.path.segments.iter().map(|s| s.ident.to_string()).collect::<Vec<_>>()) {
                    Some((s, _)) => self.scalar_ty(s),
                    None => self.infer.var(VarKind::Int),
                },
            },
            (_, ConstValue::Float(_)) => return Err(Diagnostic::unsupported("float patterns", range)),
            _ => self.infer.var(VarKind::Int),
        };
        let _ = ty;
        Ok((
            match v {
                ConstValue::Bool(b) => Literal::Bool(b),
                ConstValue::Int(i) => Literal::Int(i as u64),
                ConstValue::Float(f) => Literal::Float(f),
            },
            lit_ty,
        ))
    }

    /// A pattern's constant; literals may be negative (`-1`).
    fn pat_eval(&self, e: &syn::Expr) -> DResult<ConstValue> {
        if let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) = e {
            if i.base10_digits().starts_with('-') {
                return i.base10_parse::<i128>().map(ConstValue::Int).map_err(|_| Diagnostic::unsupported("this literal", range_of(e)));
            }
        }
        consteval::eval(e, &self.const_env())
    }

    fn pat_const_int(&self, e: &syn::Expr) -> DResult<i128> {
        match self.pat_eval(e)? {
            ConstValue::Int(i) => Ok(i),
            ConstValue::Bool(b) => Ok(b as i128),
            ConstValue::Float(_) => Err(Diagnostic::unsupported("float patterns", range_of(e))),
        }
    }
}

/// The elements of a tuple-like pattern around its `..`.
pub(crate) struct Elems<'p> {
    before: Vec<&'p syn::Pat>,
    after: Vec<&'p syn::Pat>,
    has_rest: bool,
}

impl Elems<'_> {
    fn fits(&self, n: usize) -> bool {
        let k = self.before.len() + self.after.len();
        if self.has_rest {
            k <= n
        } else {
            k == n
        }
    }
}

/// `a`, `a and b`, `a, b and c`.
pub(crate) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
