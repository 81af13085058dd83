//! Method calls of the library's `impl<T> [T]` and `impl<T> Vec<T>`
//! (`library/core/slice/methods.rs`, `library/core/vec.rs`) on slices,
//! arrays and `Vec`s: the receiver made the method's `&[T]` / `&mut [T]`
//! (rustc's auto-deref and unsizing) or `&Vec<T>` / `&mut Vec<T>`.

use std::ops::Range;

use hybrid_ir::{BinaryOp, Expr, ExprKind, Handle, Intrinsic, Scalar, Stmt};

use super::FnLower;
use crate::diag::{DResult, Diagnostic};
use crate::infer::Shape;
use crate::library::Collection;
use crate::resolve::SelfKind;

impl FnLower<'_> {
    /// `x.name(args)` by a library collection method, when one applies to
    /// the collection `base` (`recv` autodereferenced); `None` otherwise.
    pub(crate) fn library_collection_method(
        &mut self,
        name: &str,
        recv: Handle<Expr>,
        base: Handle<Expr>,
        args: &[&syn::Expr],
        range: &Range<usize>,
        method_at: &Range<usize>,
    ) -> DResult<Option<Handle<Expr>>> {
        let is_vec = matches!(self.shape(self.ty(base)), Some(Shape::Vec(_)));
        let vec_method = is_vec.then(|| self.items.collection_methods.get(&(Collection::Vec, name.to_string()))).flatten();
        let (fid, collection) = match vec_method {
            Some(&(fid, _)) => (fid, Collection::Vec),
            None => match self.items.collection_methods.get(&(Collection::Slice, name.to_string())) {
                Some(&(fid, _)) => (fid, Collection::Slice),
                None => return Ok(None),
            },
        };
        let turbofish = self.method_turbofish.take();
        // (bound errors name the method, as rustc's)
        let used = self.instantiate_use(fid, turbofish.as_ref(), None, method_at)?;
        let kind = used.0.receiver;
        let recv_at = self.range(recv);
        let receiver = match (collection, kind) {
            (Collection::Slice, Some(kind)) => self.as_slice(base, kind == SelfKind::RefMut, &recv_at)?.0,
            (Collection::Vec, Some(SelfKind::Value)) => base,
            (Collection::Vec, Some(kind)) => {
                self.facts.host_only.push(("`Vec` (it lives on the host)".into(), range.clone()));
                self.vec_pointer(recv, base, kind == SelfKind::RefMut, &recv_at)?
            }
            (_, None) => return Ok(None),
        };
        self.call_instantiated(fid, used, Some(receiver), args, range).map(Some)
    }

    /// `lhs == rhs` (`!=`) of slices, arrays and `Vec`s, in any pairing
    /// (through references too), as rustc's `PartialEq` impls between them:
    /// the same length and equal elements, compared in a loop here (no
    /// library needed); `None` for other operands.
    pub(crate) fn collection_eq(
        &mut self,
        op: BinaryOp,
        lhs: Handle<Expr>,
        rhs: Handle<Expr>,
        range: &Range<usize>,
        op_at: &Range<usize>,
    ) -> DResult<Option<Handle<Expr>>> {
        if !matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
            return Ok(None);
        }
        let (l, r) = (self.autoderef(lhs), self.autoderef(rhs));
        if !self.is_collection(l) || !self.is_collection(r) {
            return Ok(None);
        }
        let (ls, le) = self.as_slice(l, false, range)?;
        let (rs, re) = self.as_slice(r, false, range)?;
        if !self.infer.can_unify(le, re) {
            let (a, b) = (self.describe(le), self.describe(re));
            let (a, b) = (a.trim_matches('`'), b.trim_matches('`'));
            return Err(Diagnostic::at(
                Some("E0277"),
                format!("can't compare `{a}` with `{b}`"),
                op_at.clone(),
                format!("no implementation for `{a} == {b}`"),
            ));
        }
        // (infers literals: `v == [1, 2]`)
        let _ = self.infer.unify(le, re);
        let (usize_ty, bool_ty) = (self.scalar_ty(Scalar::Usize), self.scalar_ty(Scalar::Bool));
        let (unit, never) = (self.infer.unit(), self.infer.never());
        let (a_let, a) = self.spill(ls, "eq_a");
        let (b_let, b) = self.spill(rs, "eq_b");
        let len = |me: &mut Self, s: Handle<Expr>| {
            let s = me.local_read(s, range);
            me.intrinsic(Intrinsic::SliceLen, vec![s], usize_ty, range)
        };
        // let eq = a.len() == b.len(); let i = 0;
        let (la, lb) = (len(self, a), len(self, b));
        let same_len = self.push(ExprKind::Binary { op: BinaryOp::Eq, lhs: la, rhs: lb }, bool_ty, range);
        let eq = self.new_local("eq", bool_ty, true, range.clone());
        let i = self.new_local("eq_i", usize_ty, true, range.clone());
        let zero = self.lit_scalar(Scalar::Usize, 0, range);
        // loop { if !eq || i >= a.len() { break } if !(a[i] == b[i]) { eq = false } i += 1 }
        let id = self.new_loop_id();
        let e = self.local_expr(eq, range);
        let differs = self.not(e, range);
        let iv = self.local_expr(i, range);
        let la = len(self, a);
        let past = self.push(ExprKind::Binary { op: BinaryOp::Ge, lhs: iv, rhs: la }, bool_ty, range);
        let t = self.lit_bool(true, range);
        let stop = self.push(ExprKind::If { cond: differs, then: t, otherwise: Some(past) }, bool_ty, range);
        let brk = self.push(ExprKind::Break { target: id, value: None }, never, range);
        let check = self.push(ExprKind::If { cond: stop, then: brk, otherwise: None }, unit, range);
        let elem = |me: &mut Self, s: Handle<Expr>, t| {
            let base = me.local_read(s, range);
            let index = me.local_expr(i, range);
            me.push(ExprKind::Index { base, index }, t, range)
        };
        let (x, y) = (elem(self, a, le), elem(self, b, re));
        let elem_eq = self.lowered_eq(x, y, range)?;
        let elem_ne = self.not(elem_eq, range);
        let ep = self.local_expr(eq, range);
        let f = self.lit_bool(false, range);
        let clear = self.push(ExprKind::Assign { place: ep, value: f }, unit, range);
        let update = self.push(ExprKind::If { cond: elem_ne, then: clear, otherwise: None }, unit, range);
        let ip = self.local_expr(i, range);
        let one = self.lit_scalar(Scalar::Usize, 1, range);
        let inc = self.push(ExprKind::AssignOp { op: BinaryOp::Add, place: ip, value: one }, unit, range);
        let body = self.block_expr(vec![Stmt::Expr(check), Stmt::Expr(update), Stmt::Expr(inc)], None, range);
        let lp = self.push(ExprKind::Loop { body, id }, unit, range);
        let result = self.local_expr(eq, range);
        let result = if op == BinaryOp::Ne { self.not(result, range) } else { result };
        let stmts =
            vec![a_let, b_let, Stmt::Let { local: eq, init: Some(same_len) }, Stmt::Let { local: i, init: Some(zero) }, Stmt::Expr(lp)];
        Ok(Some(self.block_expr(stmts, Some(result), range)))
    }

    /// `x == y` of two lowered values, as the `==` operator compares them
    /// (an impl or derive of `PartialEq`, collections, numbers).
    fn lowered_eq(&mut self, x: Handle<Expr>, y: Handle<Expr>, range: &Range<usize>) -> DResult<Handle<Expr>> {
        if let Some(e) = self.overloaded_binary(BinaryOp::Eq, false, x, y, range)? {
            return Ok(e);
        }
        if let Some(e) = self.collection_eq(BinaryOp::Eq, x, y, range, range)? {
            return Ok(e);
        }
        let (x, y) = (self.autoderef(x), self.autoderef(y));
        let y = self.binary_operands(BinaryOp::Eq, x, y, range)?;
        let bool_ty = self.scalar_ty(Scalar::Bool);
        Ok(self.push(ExprKind::Binary { op: BinaryOp::Eq, lhs: x, rhs: y }, bool_ty, range))
    }

    /// Whether `e` is a slice, array or `Vec` (through references too).
    pub(crate) fn is_collection(&mut self, e: Handle<Expr>) -> bool {
        let e = self.autoderef(e);
        matches!(self.shape(self.ty(e)), Some(Shape::Slice { .. } | Shape::Vec(_) | Shape::Array { .. }))
    }

    /// The receiver of `x[a..b].name(..)` when `name` is a library slice
    /// method: the range borrowed as the method's `self` takes it (rustc's
    /// auto-ref of the unsized place); `None` for other receivers.
    pub(crate) fn range_receiver(&mut self, m: &syn::ExprMethodCall) -> DResult<Option<Handle<Expr>>> {
        let syn::Expr::Index(ix) = &*m.receiver else { return Ok(None) };
        let syn::Expr::Range(rg) = &*ix.index else { return Ok(None) };
        let Some(&(_, mutable)) = self.items.collection_methods.get(&(Collection::Slice, m.method.to_string())) else { return Ok(None) };
        self.slice_range(ix, rg, mutable, &crate::diag::range_of(&*m.receiver)).map(Some)
    }

    /// `vec![v; n]` of a `Vec` value `v`: `n` clones (the library's
    /// `Vec::clone`), as rustc's `Clone`-based `from_elem`; the shim's
    /// byte copy would share one buffer between the rows.
    pub(crate) fn vec_of_clones(&mut self, v: Handle<Expr>, n: Handle<Expr>, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let Some(&(clone, _)) = self.items.collection_methods.get(&(Collection::Vec, "clone".to_string())) else {
            return Err(Diagnostic::unsupported("`vec![v; n]` of `Vec`s here", range.clone()).help("push `v.clone()` in a loop instead"));
        };
        let (elem_ty, usize_ty, bool_ty) = (self.ty(v), self.scalar_ty(Scalar::Usize), self.scalar_ty(Scalar::Bool));
        let (unit, never) = (self.infer.unit(), self.infer.never());
        let ty = self.infer.known(Shape::Vec(elem_ty));
        let (e_let, e) = self.spill(v, "vec_elem");
        let (n_let, n) = self.spill(n, "vec_n");
        let n2 = self.local_read(n, range);
        let init = self.push(ExprKind::Intrinsic { op: Intrinsic::VecWithCapacity, args: vec![n2] }, ty, range);
        let (out_let, out) = self.spill(init, "vec");
        let i = self.new_local("vec_i", usize_ty, true, range.clone());
        let zero = self.lit_scalar(Scalar::Usize, 0, range);
        // loop { if i >= n { break } out.push(e.clone()); i += 1 }
        let id = self.new_loop_id();
        let (iv, nv) = (self.local_expr(i, range), self.local_read(n, range));
        let past = self.push(ExprKind::Binary { op: BinaryOp::Ge, lhs: iv, rhs: nv }, bool_ty, range);
        let brk = self.push(ExprKind::Break { target: id, value: None }, never, range);
        let check = self.push(ExprKind::If { cond: past, then: brk, otherwise: None }, unit, range);
        let ev = self.local_read(e, range);
        let e_ref = self.take_address(ev, false, range)?;
        let copy = self.call_lowered(clone, None, vec![e_ref], range)?;
        let ov = self.local_read(out, range);
        let out_ref = self.take_address(ov, true, range)?;
        let push = self.push(ExprKind::Intrinsic { op: Intrinsic::VecPush, args: vec![out_ref, copy] }, unit, range);
        let ip = self.local_expr(i, range);
        let one = self.lit_scalar(Scalar::Usize, 1, range);
        let inc = self.push(ExprKind::AssignOp { op: BinaryOp::Add, place: ip, value: one }, unit, range);
        let body = self.block_expr(vec![Stmt::Expr(check), Stmt::Expr(push), Stmt::Expr(inc)], None, range);
        let lp = self.push(ExprKind::Loop { body, id }, unit, range);
        let tail = self.local_read(out, range);
        let stmts = vec![e_let, n_let, out_let, Stmt::Let { local: i, init: Some(zero) }, Stmt::Expr(lp)];
        Ok(self.block_expr(stmts, Some(tail), range))
    }
}
