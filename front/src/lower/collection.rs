//! Method calls of the library's `impl<T> [T]` and `impl<T> Vec<T>`
//! (`library/core/slice/methods.rs`, `library/core/vec.rs`) on slices,
//! arrays and `Vec`s: the receiver made the method's `&[T]` / `&mut [T]`
//! (rustc's auto-deref and unsizing) or `&Vec<T>` / `&mut Vec<T>`.

use std::ops::Range;

use hybrid_ir::{BinaryOp, Expr, ExprKind, Handle, Scalar, UnaryOp};

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
    /// (through references too): the library's
    /// `<[T]>::eq` of the two as slices (rustc's `PartialEq` impls between
    /// them); `None` for other operands.
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
        let Some(&(fid, _)) = self.items.collection_methods.get(&(Collection::Slice, "eq".to_string())) else {
            return Err(Diagnostic::unsupported("`==` of slices and `Vec`s here", range.clone()));
        };
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
        let eq = self.call_lowered(fid, None, vec![ls, rs], range)?;
        if op == BinaryOp::Ne {
            let b = self.scalar_ty(Scalar::Bool);
            return Ok(Some(self.push(ExprKind::Unary { op: UnaryOp::Not, operand: eq }, b, range)));
        }
        Ok(Some(eq))
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
        self.slice_range(&ix.expr, rg, mutable, &crate::diag::range_of(&*m.receiver)).map(Some)
    }
}
