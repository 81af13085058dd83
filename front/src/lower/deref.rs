//! User `Deref` / `DerefMut` impls (the library's `core::ops` traits):
//! auto-deref of field accesses and method calls through them (`w.x` is
//! `(*w).x` when `w`'s struct has no field `x`, and `*w` is `*w.deref()`,
//! `place.rs`), `deref_mut` in assigned places and for methods that need
//! `&mut`, and the deref coercion `&W` to `&W::Target` where a reference
//! to another type is expected.

use std::cell::Cell;
use std::ops::Range;

use hybrid_ir::{Expr, Handle};

use super::FnLower;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::generics::Bound;
use crate::infer::{Shape, TyId};

/// How deep auto-deref goes (a `Target` that derefs to itself ends here).
const MAX_DEPTH: u32 = 8;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Is `e`'s primary span `at`? (An error of this very access, not of its
/// base: only then is the access tried again through `Deref`, so a chain of
/// failing accesses is not lowered again at every level.)
pub(crate) fn error_at(e: &Diagnostic, at: &Range<usize>) -> bool {
    e.primary.as_ref().is_some_and(|l| l.range == *at)
}

impl FnLower<'_> {
    /// The references on top of `t` and the type below them.
    fn strip_refs(&mut self, mut t: TyId) -> (usize, TyId) {
        let mut n = 0;
        while let Some(Shape::Ptr { pointee, reference: true, .. }) = self.shape(t) {
            t = pointee;
            n += 1;
        }
        (n, t)
    }

    /// Does `t` (a program's struct, not a `Box`) implement `ops::Deref`?
    fn derefs(&mut self, t: TyId) -> bool {
        matches!(self.shape(t), Some(Shape::Struct(_) | Shape::Adt { .. }))
            && self.box_pointee(t).is_none()
            && self.implements_library_trait(t, "ops::Deref")
    }

    /// `e` with `n` stars before it, spanned at `e`.
    fn starred(e: &syn::Expr, n: usize) -> syn::Expr {
        let span = syn::spanned::Spanned::span(e);
        let mut out = e.clone();
        for _ in 0..n {
            out = syn::parse_quote_spanned!(span=> (*(#out)));
        }
        out
    }

    /// Lower `f` once more inside the depth limit.
    fn deeper<T>(&mut self, f: impl FnOnce(&mut Self) -> DResult<T>, range: &Range<usize>) -> DResult<T> {
        let depth = DEPTH.with(|d| d.get());
        if depth >= MAX_DEPTH {
            return Err(Diagnostic::unsupported("auto-deref through more than 8 `Deref` impls", range.clone()));
        }
        DEPTH.with(|d| d.set(depth + 1));
        let r = f(self);
        DEPTH.with(|d| d.set(depth));
        r
    }

    /// `f.base.member` that failed with E0609 (`error`): through `Deref`
    /// if the base's struct implements it, else `error`.
    pub(crate) fn field_through_deref(&mut self, f: &syn::ExprField, mark: super::Mark, error: Diagnostic) -> DResult<Handle<Expr>> {
        self.rollback(mark);
        let base = self.expr(&f.base)?;
        let (n, below) = self.strip_refs(self.ty(base));
        let derefs = self.derefs(below);
        self.rollback(mark);
        if !derefs {
            return Err(error);
        }
        let mut through = f.clone();
        *through.base = Self::starred(&f.base, n + 1);
        let range = range_of(f);
        self.deeper(|lx| lx.field(&through), &range)
    }

    /// `ix.expr[ix.index]` that failed with E0608 (`error`): through
    /// `Deref` if the indexed struct implements it, else `error`.
    pub(crate) fn index_through_deref(&mut self, ix: &syn::ExprIndex, mark: super::Mark, error: Diagnostic) -> DResult<Handle<Expr>> {
        self.rollback(mark);
        let base = self.expr(&ix.expr)?;
        let (n, below) = self.strip_refs(self.ty(base));
        let derefs = self.derefs(below);
        self.rollback(mark);
        if !derefs {
            return Err(error);
        }
        let mut through = ix.clone();
        *through.expr = Self::starred(&ix.expr, n + 1);
        let range = range_of(ix);
        self.deeper(|lx| lx.index(&through), &range)
    }

    /// `m` that failed with E0599 (`error`): through `Deref` if the
    /// receiver's struct implements it (`deref_mut` when the method needs
    /// `&mut` and the struct implements `DerefMut`), else `error`.
    pub(crate) fn method_through_deref(&mut self, m: &syn::ExprMethodCall, mark: super::Mark, error: Diagnostic) -> DResult<Handle<Expr>> {
        self.rollback(mark);
        let recv = self.expr(&m.receiver)?;
        let (n, below) = self.strip_refs(self.ty(recv));
        let derefs = self.derefs(below);
        let derefs_mut = derefs && self.implements_library_trait(below, "ops::DerefMut");
        self.rollback(mark);
        if !derefs {
            return Err(error);
        }
        let mut through = m.clone();
        *through.receiver = Self::starred(&m.receiver, n + 1);
        let range = range_of(m);
        let borrow_errors_before = self.borrow_errors.len();
        let first = self.deeper(|lx| lx.method_call(&through), &range);
        // A `&mut self` method through `deref`: E0596, returned or (borrow
        // errors are kept and the body lowered on) recorded.
        let needs_mut = match &first {
            Err(e) => e.code == Some("E0596"),
            Ok(_) => self.borrow_errors[borrow_errors_before..].iter().any(|d| d.code == Some("E0596")),
        };
        match first {
            _ if needs_mut && derefs_mut => {
                self.rollback(mark);
                let saved = std::mem::replace(&mut self.deref_mut_place, true);
                let r = self.deeper(|lx| lx.method_call(&through), &range);
                self.deref_mut_place = saved;
                r
            }
            r => r,
        }
    }

    /// Does `*e` of a struct of type `t` use `deref_mut` here (an assigned
    /// place, or a method needing `&mut`)?
    pub(crate) fn wants_deref_mut(&mut self, t: TyId) -> bool {
        self.deref_mut_place && self.implements_library_trait(t, "ops::DerefMut")
    }

    /// The deref coercion `&W` (or `&mut W`) to `&U` (`&mut U`), `U` not
    /// `W`, through `W`'s `Deref` (`DerefMut`) impl.
    pub(crate) fn coerce_through_deref(&mut self, e: Handle<Expr>, target: TyId) -> DResult<Option<Handle<Expr>>> {
        let Some(Shape::Ptr { pointee: from, mutable: m1, reference: true }) = self.shape(self.ty(e)) else {
            return Ok(None);
        };
        // `&U`, or a slice reference (`&Vec<T>` on to `&[T]`)
        let (to, m2) = match self.shape(target) {
            Some(Shape::Ptr { pointee, mutable, reference: true }) => (Some(pointee), mutable),
            Some(Shape::Slice { mutable, .. }) => (None, mutable),
            _ => return Ok(None),
        };
        if to.is_some_and(|t| self.shape(t).is_none()) || !self.derefs(from) || (m2 && !m1) {
            return Ok(None);
        }
        let Ok(from_ir) = self.infer.resolve(from, self.types) else { return Ok(None) };
        if let Some(to) = to {
            match self.infer.resolve(to, self.types) {
                Ok(to_ir) if to_ir != from_ir => {}
                _ => return Ok(None),
            }
        }
        let (path, name) = if m2 { ("ops::DerefMut", "deref_mut") } else { ("ops::Deref", "deref") };
        let Some(tid) = self.items.library_trait(path) else { return Ok(None) };
        let Some(index) = self.items.impl_of(self.types, &Bound::Trait(tid), from_ir) else {
            return Ok(None);
        };
        let Some(fid) = self.items.impl_method(index, name) else { return Ok(None) };
        let range = self.range(e);
        let r = self.deeper(|lx| lx.call_user(fid, Some(e), &[], &range), &range)?;
        self.coerce(r, target).map(Some)
    }
}
