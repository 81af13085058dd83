//! Places and pointers: coercions, mutability checks, `&`/`&mut`, `*p`,
//! indexing, field access, slicing and auto-deref.

use std::ops::Range;

use hybrid_ir::{Block, Expr, ExprKind, Handle, Intrinsic, Scalar, Stmt};

use super::FnLower;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::infer::{Shape, TyId, VarKind};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    Assign,
    BorrowMut,
}

impl<'i> FnLower<'i> {
    /// Convert `e` to type `target`, inserting the coercions Rust applies
    /// (`&[T; N]`/`&Vec<T>` to `&[T]`, `&mut T` to `&T`/`*mut T`/`*const T`,
    /// `&mut [T]` to `&[T]`), else unify; E0308 on a mismatch.
    pub(crate) fn coerce(&mut self, e: Handle<Expr>, target: TyId) -> DResult<Handle<Expr>> {
        let src = self.ty(e);
        if self.infer.is_never(src) {
            return Ok(e);
        }
        let range = self.range(e);
        if let Some(s) = self.coerce_to_str(e, target, &range)? {
            return Ok(s);
        }
        if let Some(d) = self.coerce_to_dyn(e, target)? {
            return Ok(d);
        }
        if let Some(d) = self.coerce_through_deref(e, target)? {
            return Ok(d);
        }
        match (self.shape(src), self.shape(target)) {
            // a closure without captures or a function item to a `fn` pointer
            (Some(Shape::Struct(def)), Some(Shape::FnPtr { params, ret })) if super::is_closure_name(&self.types.structs[def].name) => {
                return self.closure_to_fn_ptr(e, def, &params, ret, target);
            }
            (Some(Shape::Ptr { pointee, mutable: m1, reference: true }), Some(Shape::Slice { elem, mutable: m2 })) if m1 || !m2 => {
                match self.shape(pointee) {
                    Some(Shape::Array { elem: e2, .. }) => {
                        self.expect_ty(elem, e2, &range)?;
                        return Ok(self.push(ExprKind::Intrinsic { op: Intrinsic::ArrayToSlice, args: vec![e] }, target, &range));
                    }
                    Some(Shape::Vec(e2)) => {
                        self.expect_ty(elem, e2, &range)?;
                        return Ok(self.push(ExprKind::Intrinsic { op: Intrinsic::VecToSlice, args: vec![e] }, target, &range));
                    }
                    Some(Shape::Slice { .. }) => {
                        let inner_ty = pointee;
                        let inner = self.push(ExprKind::Deref(e), inner_ty, &range);
                        return self.coerce(inner, target);
                    }
                    _ => {}
                }
            }
            (Some(Shape::Slice { elem: e1, mutable: true }), Some(Shape::Slice { elem: e2, mutable: false })) => {
                self.expect_ty(e2, e1, &range)?;
                return Ok(self.push(ExprKind::SliceRange { base: e, start: None, end: None }, target, &range));
            }
            (
                Some(Shape::Ptr { pointee: p1, mutable: m1, reference: r1 }),
                Some(Shape::Ptr { pointee: p2, mutable: m2, reference: r2 }),
            ) if (m1 != m2 || r1 != r2) && (m1 || !m2) && (r1 || !r2) => {
                self.expect_ty(p2, p1, &range)?;
                return Ok(self.push(ExprKind::Cast { value: e }, target, &range));
            }
            // deref coercion `&Box<T>` to `&T`
            (
                Some(Shape::Ptr { pointee: p1, mutable: m1, reference: true }),
                Some(Shape::Ptr { pointee: p2, reference: true, mutable: m2 }),
            ) if (m1 || !m2) && self.box_pointee(p1).is_some() && self.shape(p2).is_some() && self.box_pointee(p2).is_none() => {
                let boxed = self.push(ExprKind::Deref(e), p1, &range);
                let inner = self.box_autoderef(boxed);
                let r = self.take_address(inner, m2, &range)?;
                return self.coerce(r, target);
            }
            // deref coercion `&&T` to `&T` (`a.cmp(b)` with `a, b: &&i32` in `max_by`)
            (Some(Shape::Ptr { pointee: p1, reference: true, .. }), Some(Shape::Ptr { pointee: p2, reference: true, mutable: false }))
                if matches!(self.shape(p1), Some(Shape::Ptr { reference: true, .. }))
                    && self.shape(p2).is_some_and(|s| !matches!(s, Shape::Ptr { .. })) =>
            {
                let inner = self.push(ExprKind::Deref(e), p1, &range);
                return self.coerce(inner, target);
            }
            _ => {}
        }
        self.expect_ty(target, src, &range)?;
        Ok(e)
    }

    /// Read through references (`&T`, `&mut T`) until the value is not one.
    pub(crate) fn autoderef(&mut self, mut e: Handle<Expr>) -> Handle<Expr> {
        for _ in 0..8 {
            match self.shape(self.ty(e)) {
                Some(Shape::Ptr { pointee, reference: true, .. }) => {
                    let range = self.range(e);
                    e = self.push(ExprKind::Deref(e), pointee, &range);
                }
                _ => break,
            }
        }
        e
    }

    /// A borrow error: kept, and the body lowered on (`FnLower::borrow_errors`).
    pub(crate) fn defer_borrow_error(&mut self, d: Diagnostic) -> DResult<()> {
        self.borrow_errors.push(d);
        Ok(())
    }

    /// Check that a place may be assigned or mutably borrowed.
    pub(crate) fn check_mutable(&mut self, place: Handle<Expr>, access: Access, range: &Range<usize>) -> DResult<()> {
        let what = self.text(&self.range(place));
        match self.kind(place).clone() {
            ExprKind::Local(l) => {
                if self.locals[l].mutable {
                    self.note_mutated(l);
                    return Ok(());
                }
                if self.late_init.contains(&l) {
                    return Ok(());
                }
                let name = self.locals[l].name.clone();
                let decl = self.lranges[l.index()].clone();
                let is_param = self.params.contains(&l);
                let d = match (access, is_param) {
                    (Access::Assign, false) => Diagnostic::at(
                        Some("E0384"),
                        format!("cannot assign twice to immutable variable `{name}`"),
                        range.clone(),
                        "cannot assign twice to immutable variable",
                    ),
                    (Access::Assign, true) => Diagnostic::at(
                        Some("E0384"),
                        format!("cannot assign to immutable argument `{name}`"),
                        range.clone(),
                        "cannot assign to immutable argument",
                    ),
                    (Access::BorrowMut, _) => Diagnostic::at(
                        Some("E0596"),
                        format!("cannot borrow `{name}` as mutable, as it is not declared as mutable"),
                        range.clone(),
                        "cannot borrow as mutable",
                    ),
                };
                self.defer_borrow_error(d.secondary(decl, format!("help: consider making this binding mutable: `mut {name}`")))
            }
            // `*b` of a box: mutable when the box is
            ExprKind::Deref(p) if self.box_of_pointer(p).is_some() => {
                let b = self.box_of_pointer(p).expect("a box");
                if let ExprKind::Local(l) = *self.kind(b) {
                    if !self.locals[l].mutable && !self.late_init.contains(&l) {
                        let name = self.locals[l].name.clone();
                        let (code, msg, label) = match access {
                            Access::Assign => {
                                ("E0594", format!("cannot assign to `*{name}`, as `{name}` is not declared as mutable"), "cannot assign")
                            }
                            Access::BorrowMut => (
                                "E0596",
                                format!("cannot borrow `*{name}` as mutable, as `{name}` is not declared as mutable"),
                                "cannot borrow as mutable",
                            ),
                        };
                        let decl = self.lranges[l.index()].clone();
                        return self.defer_borrow_error(
                            Diagnostic::at(Some(code), msg, range.clone(), label)
                                .secondary(decl, format!("help: consider changing this to be mutable: `mut {name}`")),
                        );
                    }
                }
                self.check_mutable(b, access, range)
            }
            ExprKind::Deref(p) => match self.shape(self.ty(p)) {
                Some(Shape::Ptr { mutable: true, .. }) => Ok(()),
                Some(Shape::Ptr { reference, .. }) => {
                    let behind = if reference { "a `&` reference" } else { "a `*const` pointer" };
                    self.defer_borrow_error(Diagnostic::at(
                        Some(if access == Access::Assign { "E0594" } else { "E0596" }),
                        format!(
                            "cannot {} `{what}`, which is behind {behind}",
                            if access == Access::Assign { "assign to" } else { "borrow as mutable" }
                        ),
                        range.clone(),
                        format!("`{what}` is behind {behind}, so the data it refers to cannot be written"),
                    ))
                }
                _ => Ok(()),
            },
            ExprKind::Field { base, .. } => {
                if self.kind(base).is_place() {
                    self.check_mutable(base, access, range)
                } else {
                    Err(Diagnostic::at(
                        Some("E0070"),
                        "invalid left-hand side of assignment",
                        range.clone(),
                        "cannot assign to this expression",
                    ))
                }
            }
            ExprKind::Index { base, .. } => match self.shape(self.ty(base)) {
                Some(Shape::Slice { mutable: false, .. }) => self.defer_borrow_error(Diagnostic::at(
                    Some("E0594"),
                    format!(
                        "cannot {} `{what}`, which is behind a `&` reference",
                        if access == Access::Assign { "assign to" } else { "borrow as mutable" }
                    ),
                    range.clone(),
                    "the slice is shared (`&[T]`), so its elements cannot be written",
                )),
                Some(Shape::Slice { .. }) => Ok(()),
                _ => self.check_mutable(base, access, range),
            },
            _ => Err(Diagnostic::at(
                Some("E0070"),
                "invalid left-hand side of assignment",
                range.clone(),
                "cannot assign to this expression",
            )),
        }
    }

    /// Spill a value into a fresh local so that it has an address:
    /// returns the `let` statement and the local's place expression.
    pub(crate) fn spill(&mut self, value: Handle<Expr>, name: &str) -> (Stmt, Handle<Expr>) {
        let range = self.range(value);
        let ty = self.ty(value);
        let l = self.new_local(name, ty, true, range.clone());
        self.spilled.insert(l);
        let place = self.local_expr(l, &range);
        (Stmt::Let { local: l, init: Some(value) }, place)
    }

    pub(crate) fn block_expr(&mut self, stmts: Vec<Stmt>, tail: Option<Handle<Expr>>, range: &Range<usize>) -> Handle<Expr> {
        let ty = match tail {
            Some(t) => self.ty(t),
            None => self.infer.unit(),
        };
        self.push(ExprKind::Block(Block { stmts, tail }), ty, range)
    }

    /// `&e` / `&mut e`.
    pub(crate) fn addr_of(&mut self, r: &syn::ExprReference) -> DResult<Handle<Expr>> {
        let range = range_of(r);
        let mutable = r.mutability.is_some();
        let mut inner = &*r.expr;
        while let syn::Expr::Paren(p) = inner {
            inner = &p.expr;
        }
        if let syn::Expr::Index(ix) = inner {
            if let syn::Expr::Range(rg) = &*ix.index {
                return self.slice_range(ix, rg, mutable, &range);
            }
        }
        if let syn::Expr::Unary(syn::ExprUnary { op: syn::UnOp::Deref(_), expr: operand, .. }) = inner {
            let p = self.deref_operand(operand, mutable)?;
            if let Some(r) = self.dyn_deref_borrow(p, mutable, &range)? {
                return Ok(r);
            }
            if let Some(Shape::Slice { elem, mutable: source_mutable }) = self.shape(self.ty(p)) {
                return self.slice_reborrow(p, elem, source_mutable, mutable, &range);
            }
            let place = self.deref_of(p, &range_of(inner))?;
            return self.take_address(place, mutable, &range);
        }
        let value = self.expr(inner)?;
        self.take_address(value, mutable, &range)
    }

    /// `&*s` / `&mut *s` of a slice reference `s`: the same slice, shared or
    /// (if `s` is `&mut`) mutable.
    fn slice_reborrow(
        &mut self,
        s: Handle<Expr>,
        elem: TyId,
        source_mutable: bool,
        mutable: bool,
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        if mutable && !source_mutable {
            let what = self.text(&self.range(s));
            return Err(Diagnostic::at(
                Some("E0596"),
                format!("cannot borrow `*{what}` as mutable, as it is behind a `&` reference"),
                range.clone(),
                format!("`{what}` is a `&` reference, so the data it refers to cannot be borrowed as mutable"),
            ));
        }
        if mutable == source_mutable {
            return Ok(s);
        }
        let target = self.infer.known(Shape::Slice { elem, mutable: false });
        Ok(self.push(ExprKind::SliceRange { base: s, start: None, end: None }, target, range))
    }

    pub(crate) fn take_address(&mut self, value: Handle<Expr>, mutable: bool, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let pointee = self.ty(value);
        let ty = self.infer.known(Shape::Ptr { pointee, mutable, reference: true });
        if self.kind(value).is_place() {
            if mutable {
                self.check_mutable(value, Access::BorrowMut, range)?;
            }
            return Ok(self.push(ExprKind::AddrOf { place: value, mutable }, ty, range));
        }
        // A temporary: it lives in a local of the enclosing function.
        let (stmt, place) = self.spill(value, "tmp");
        let addr = self.push(ExprKind::AddrOf { place, mutable }, ty, range);
        Ok(self.block_expr(vec![stmt], Some(addr), range))
    }

    /// `*e`.
    pub(crate) fn deref(&mut self, inner: &syn::Expr, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let p = self.deref_operand(inner, false)?;
        self.deref_of(p, range)
    }

    /// The operand of `*e`: `e` lowered, or for a struct with a `deref`
    /// method (`Deref`, the offload guards) the reference `e.deref()`
    /// returns (`e.deref_mut()` under `&mut *e`).
    fn deref_operand(&mut self, operand: &syn::Expr, mutable: bool) -> DResult<Handle<Expr>> {
        let mark = self.mark();
        let p = self.expr(operand)?;
        if !matches!(self.shape(self.ty(p)), Some(Shape::Struct(_) | Shape::Adt { .. })) || self.is_dyn_object(p) {
            return Ok(p);
        }
        if let Some(ptr) = self.box_pointer(p, &range_of(operand)) {
            return Ok(ptr);
        }
        let mutable = mutable || self.wants_deref_mut(self.ty(p));
        self.rollback(mark);
        let span = syn::spanned::Spanned::span(operand);
        let tokens = match mutable {
            true => quote::quote_spanned!(span=> (#operand).deref_mut()),
            false => quote::quote_spanned!(span=> (#operand).deref()),
        };
        self.lower_desugared(tokens, "`*` of a `Deref` type")
    }

    /// `*p` of a lowered `p`.
    fn deref_of(&mut self, p: Handle<Expr>, range: &Range<usize>) -> DResult<Handle<Expr>> {
        match self.shape(self.ty(p)) {
            Some(Shape::Ptr { pointee, reference, .. }) => {
                if !reference && self.unsafe_depth == 0 {
                    return Err(Diagnostic::at(
                        Some("E0133"),
                        "dereference of raw pointer is unsafe and requires unsafe block",
                        range.clone(),
                        "dereference of raw pointer",
                    )
                    .note("raw pointers may be null, dangling or unaligned; they can violate aliasing rules and cause data races: all of these are undefined behavior"));
                }
                Ok(self.push(ExprKind::Deref(p), pointee, range))
            }
            None => Err(self.annotations_needed(range)),
            Some(Shape::Slice { .. }) => Err(Diagnostic::unsupported("dereferencing a slice reference (`*s` of `&[T]`)", range.clone())),
            Some(Shape::Struct(_)) if self.is_dyn_object(p) => {
                // an unsized value (`(*b).m()` and `&*b` are the object itself: `lower/dyn_call.rs`)
                // FIXME(E0277 span): rustc points at what the value is bound to
                let t = self.describe(self.ty(p));
                let t = t.trim_matches('`');
                let d = t.strip_prefix("Box<").and_then(|b| b.strip_suffix('>')).unwrap_or(t);
                let d = d.trim_start_matches("&mut ").trim_start_matches('&');
                Err(Diagnostic::at(
                    Some("E0277"),
                    format!("the size for values of type `{d}` cannot be known at compilation time"),
                    range.clone(),
                    "doesn't have a size known at compile-time",
                ))
            }
            Some(_) => {
                let t = self.describe(self.ty(p));
                Err(Diagnostic::at(Some("E0614"), format!("type {t} cannot be dereferenced"), range.clone(), "can't be dereferenced"))
            }
        }
    }

    pub(crate) fn annotations_needed(&self, range: &Range<usize>) -> Diagnostic {
        Diagnostic::at(Some("E0282"), "type annotations needed", range.clone(), "cannot infer type")
            .help("the type must be known at this point; consider giving the variable a type annotation")
    }

    /// A value viewed as a slice (`&[T]` value): arrays and `Vec`s through
    /// their address, slice refs as they are.
    pub(crate) fn as_slice(&mut self, base: Handle<Expr>, mutable: bool, range: &Range<usize>) -> DResult<(Handle<Expr>, TyId)> {
        let base = self.autoderef(base);
        let bty = self.ty(base);
        match self.shape(bty) {
            Some(Shape::Slice { elem, mutable: m }) => {
                if mutable && !m {
                    return Err(Diagnostic::at(
                        Some("E0596"),
                        "cannot borrow data in a `&` reference as mutable",
                        range.clone(),
                        "cannot borrow as mutable",
                    ));
                }
                Ok((base, elem))
            }
            Some(Shape::Array { elem, .. }) | Some(Shape::Vec(elem)) => {
                let is_vec = matches!(self.shape(bty), Some(Shape::Vec(_)));
                let addr = self.take_address(base, mutable, range)?;
                let sty = self.infer.known(Shape::Slice { elem, mutable });
                let op = if is_vec { Intrinsic::VecToSlice } else { Intrinsic::ArrayToSlice };
                Ok((self.push(ExprKind::Intrinsic { op, args: vec![addr] }, sty, range), elem))
            }
            None => Err(self.annotations_needed(range)),
            Some(_) => {
                let t = self.describe(bty);
                Err(Diagnostic::at(
                    Some("E0608"),
                    format!("cannot index into a value of type {t}"),
                    range.clone(),
                    "not an array, slice or `Vec`",
                ))
            }
        }
    }

    /// `&x[a..b]`, `&mut x[..]`, `&x[a..=b]`.
    pub(crate) fn slice_range(
        &mut self,
        ix: &syn::ExprIndex,
        rg: &syn::ExprRange,
        mutable: bool,
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        // rustc's `Index<Range>` impls are `#[track_caller]` and their caller is the
        // brackets: a panic is located at the `[`, not at the `&`.
        let panic_range = crate::ranges::byte_range(ix.bracket_token.span.open()).start..range.end;
        let b = self.expr(&ix.expr)?;
        let usize_ty = self.scalar_ty(Scalar::Usize);
        if let Some(s) = self.as_str_value(b, range)? {
            // `&s[a..b]` of a `&str` / `String`: the library's `str::index`
            if mutable {
                return Err(Diagnostic::unsupported("`&mut s[..]` of a string", range.clone()));
            }
            let start = match &rg.start {
                Some(e) => self.lower_coerced(e, usize_ty)?,
                None => self.lit_scalar(Scalar::Usize, 0, range),
            };
            let closed = matches!(rg.limits, syn::RangeLimits::Closed(_));
            return match &rg.end {
                Some(e) => {
                    let v = self.lower_coerced(e, usize_ty)?;
                    let end = if closed {
                        let one = self.lit_scalar(Scalar::Usize, 1, range);
                        self.push(ExprKind::Binary { op: hybrid_ir::BinaryOp::Add, lhs: v, rhs: one }, usize_ty, range)
                    } else {
                        v
                    };
                    self.library_call("str::str_index", vec![s, start, end], &panic_range)
                }
                None => self.library_call("str::str_index_from", vec![s, start], &panic_range),
            };
        }
        let (slice, elem) = self.as_slice(b, mutable, range)?;
        let start = match &rg.start {
            Some(s) => {
                let v = self.expr(s)?;
                Some(self.coerce(v, usize_ty)?)
            }
            None => None,
        };
        let end = match &rg.end {
            Some(e) => {
                let v = self.expr(e)?;
                let v = self.coerce(v, usize_ty)?;
                if matches!(rg.limits, syn::RangeLimits::Closed(_)) {
                    let r = self.range(v);
                    let one = self.lit_scalar(Scalar::Usize, 1, &r);
                    Some(self.push(ExprKind::Binary { op: hybrid_ir::BinaryOp::Add, lhs: v, rhs: one }, usize_ty, &r))
                } else {
                    Some(v)
                }
            }
            None => None,
        };
        let ty = self.infer.known(Shape::Slice { elem, mutable });
        let e = self.push(ExprKind::SliceRange { base: slice, start, end }, ty, range);
        self.panic_at(e, panic_range.start);
        Ok(e)
    }

    /// `base[index]`.
    pub(crate) fn index(&mut self, ix: &syn::ExprIndex) -> DResult<Handle<Expr>> {
        let mark = self.mark();
        match self.index_direct(ix) {
            Err(e) if e.code == Some("E0608") && super::deref::error_at(&e, &range_of(&ix.expr)) => self.index_through_deref(ix, mark, e),
            r => r,
        }
    }

    fn index_direct(&mut self, ix: &syn::ExprIndex) -> DResult<Handle<Expr>> {
        let range = range_of(ix);
        if let syn::Expr::Range(_) = &*ix.index {
            return Err(Diagnostic::at(
                Some("E0277"),
                "the size for values of type `[T]` cannot be known at compilation time",
                range,
                "slicing must be borrowed: write `&x[a..b]`",
            ));
        }
        let base = self.expr(&ix.expr)?;
        let base = self.autoderef(base);
        let bty = self.ty(base);
        let elem = match self.shape(bty) {
            Some(Shape::Array { elem, .. }) | Some(Shape::Vec(elem)) => elem,
            Some(Shape::Slice { elem, .. }) => elem,
            None => return Err(self.annotations_needed(&range_of(&ix.expr))),
            Some(Shape::Ptr { reference: false, .. }) => {
                return Err(Diagnostic::at(
                    Some("E0608"),
                    format!("cannot index into a value of type {}", self.describe(bty)),
                    range_of(&ix.expr),
                    "raw pointers cannot be indexed; write `(*p)[i]` for a pointer to an array, or `*p.add(i)`",
                ))
            }
            Some(_) => {
                return Err(Diagnostic::at(
                    Some("E0608"),
                    format!("cannot index into a value of type {}", self.describe(bty)),
                    range_of(&ix.expr),
                    "not an array, slice or `Vec`",
                ))
            }
        };
        let base = if matches!(self.shape(bty), Some(Shape::Array { .. }) | Some(Shape::Vec(_))) && !self.kind(base).is_place() {
            // an rvalue array: give it a home first
            let (stmt, place) = self.spill(base, "tmp");
            let idx = self.index_value(&ix.index, bty)?;
            let e = self.push(ExprKind::Index { base: place, index: idx }, elem, &range);
            return Ok(self.block_expr(vec![stmt], Some(e), &range));
        } else {
            base
        };
        let idx = self.index_value(&ix.index, bty)?;
        let e = self.push(ExprKind::Index { base, index: idx }, elem, &range);
        // Indexing a `Vec` is rustc's `#[track_caller]` `Index::index`, called at the
        // brackets: its panic is located at the `[` (arrays and slices: at the expression;
        // diagnostics show the whole expression either way).
        if matches!(self.shape(bty), Some(Shape::Vec(_))) {
            self.panic_at(e, crate::ranges::byte_range(ix.bracket_token.span.open()).start);
        }
        Ok(e)
    }

    fn index_value(&mut self, index: &syn::Expr, base_ty: TyId) -> DResult<Handle<Expr>> {
        let idx = self.expr(index)?;
        let ity = self.ty(idx);
        let usize_ty = self.scalar_ty(Scalar::Usize);
        if self.infer.unify(usize_ty, ity).is_err() {
            let b = match self.shape(base_ty) {
                Some(Shape::Slice { elem, .. }) => format!("[{}]", self.infer.display(elem)),
                _ => self.infer.display(base_ty),
            };
            let i = self.infer.display(ity);
            return Err(Diagnostic::at(
                Some("E0277"),
                format!("the type `{b}` cannot be indexed by `{i}`"),
                range_of(index),
                "slice indices are of type `usize`",
            ));
        }
        Ok(idx)
    }

    /// `base.field` / `base.0`.
    pub(crate) fn field(&mut self, f: &syn::ExprField) -> DResult<Handle<Expr>> {
        let mark = self.mark();
        match self.field_direct(f) {
            Err(e) if e.code == Some("E0609") && super::deref::error_at(&e, &range_of(&f.member)) => self.field_through_deref(f, mark, e),
            r => r,
        }
    }

    fn field_direct(&mut self, f: &syn::ExprField) -> DResult<Handle<Expr>> {
        let range = range_of(f);
        let base = self.expr(&f.base)?;
        // (the library's own `self.box_ptr` of a box)
        let base = match &f.member {
            syn::Member::Named(n) if n == "box_ptr" || n == "box_moved" => self.autoderef(base),
            _ => self.box_autoderef(base),
        };
        let bty = self.ty(base);
        self.param_field(bty, &f.member)?;
        let (index, fty) = match (self.shape(bty), &f.member) {
            (Some(Shape::Adt { sid, args }), member @ (syn::Member::Named(_) | syn::Member::Unnamed(_))) => {
                // (a generic tuple struct's fields are named `0`, `1`, ..)
                let name = match member {
                    syn::Member::Named(n) => n.to_string(),
                    syn::Member::Unnamed(i) => i.index.to_string(),
                };
                let fields = self.infer.adt_fields(sid, &args).unwrap_or_default();
                match fields.iter().position(|(n, _)| *n == name) {
                    Some(i) => (i, fields[i].1),
                    None => {
                        let shown = self.describe(bty);
                        return Err(Diagnostic::at(
                            Some("E0609"),
                            format!("no field `{name}` on type {shown}"),
                            range_of(&f.member),
                            "unknown field",
                        ));
                    }
                }
            }
            (Some(Shape::Struct(s)), member @ (syn::Member::Named(_) | syn::Member::Unnamed(_))) if !self.is_enum_def(s) => {
                let def = &self.types.structs[s];
                let name = match member {
                    syn::Member::Named(n) => n.to_string(),
                    syn::Member::Unnamed(i) => i.index.to_string(),
                };
                match def.fields.iter().position(|fd| fd.name == name) {
                    Some(i) => {
                        let t = def.fields[i].ty;
                        (i, self.infer.import(t, self.types))
                    }
                    None => {
                        let d = Diagnostic::at(
                            Some("E0609"),
                            format!("no field `{name}` on type `{}`", def.name),
                            range_of(&f.member),
                            "unknown field",
                        );
                        let names: Vec<&str> = def.fields.iter().map(|fd| fd.name.as_str()).collect();
                        return Err(match crate::diag::available_names_note("field", &name, &names) {
                            Some(note) if matches!(member, syn::Member::Named(_)) => d.note(note),
                            _ => d,
                        });
                    }
                }
            }
            (Some(Shape::Tuple(elems)), syn::Member::Unnamed(idx)) if (idx.index as usize) < elems.len() => {
                (idx.index as usize, elems[idx.index as usize])
            }
            (None, _) => return Err(self.annotations_needed(&range_of(&f.base))),
            (Some(Shape::Ptr { reference: false, .. }), _) => {
                return Err(Diagnostic::at(
                    Some("E0609"),
                    format!("no field `{}` on type {}", quote::quote!(#f.member).to_string().trim_start_matches(". "), self.describe(bty)),
                    range_of(&f.member),
                    "raw pointers are not dereferenced automatically: write `(*p).field`",
                ))
            }
            _ => {
                let m = match &f.member {
                    syn::Member::Named(n) => n.to_string(),
                    syn::Member::Unnamed(i) => i.index.to_string(),
                };
                return Err(Diagnostic::at(
                    Some("E0609"),
                    format!("no field `{m}` on type {}", self.describe(bty)),
                    range_of(&f.member),
                    "unknown field",
                ));
            }
        };
        if let Some(sid) = self.adt_sid(bty) {
            self.adt_uses.read(super::adt::Ctor::Struct(sid), index);
        }
        Ok(self.push(ExprKind::Field { base, index: index as u32 }, fty, &range))
    }

    /// The integer-variable kind check for a `for` counter or similar.
    pub(crate) fn expect_integer(&mut self, t: TyId, range: &Range<usize>, what: &str) -> DResult<()> {
        let v = self.infer.var(VarKind::Int);
        if self.infer.unify(v, t).is_err() {
            let d = self.describe(t);
            return Err(Diagnostic::at(Some("E0277"), format!("{what} must be an integer, not {d}"), range.clone(), "expected an integer"));
        }
        Ok(())
    }
}
