//! `Box<T>` (the library's `boxed::Box`, a struct of one raw pointer):
//! rustc's built-in deref of a box. `*b` is the place the box's pointer
//! points to (mutable when `b` is: `check_mutable` looks through it to
//! `b`), and field accesses, method calls and format arguments deref a box
//! as they deref a reference (`box_autoderef`).
//! Moving the value out (`let x = *b;`) sets the box's `box_moved` (drop
//! elaboration: `box_moved_mark`). FIXME(box moves): `*b = v` after such a
//! move drops the moved-out value again; use after the move is not checked.

use std::ops::Range;

use hybrid_ir::{Expr, ExprKind, Handle};

use super::FnLower;
use crate::diag::{DResult, Diagnostic};
use crate::infer::{Shape, TyId};

impl FnLower<'_> {
    /// `T` of a `Box<T>` type (`None` for other types, or without the library's `Box`).
    pub(crate) fn box_pointee(&mut self, ty: TyId) -> Option<TyId> {
        let box_sid = self.items.library_type("boxed::Box")?;
        match self.shape(ty)? {
            Shape::Adt { sid, args } if sid == box_sid => args.first().copied(),
            Shape::Struct(def) if self.items.struct_of(self.types, def) == Some(box_sid) => {
                let field = self.types.structs[def].fields.first()?.ty;
                let raw = self.infer.import(field, self.types);
                match self.shape(raw)? {
                    Shape::Ptr { pointee, .. } => Some(pointee),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The box's pointer as a `&mut T` (the operand of `*b` for a box `b`),
    /// if `b` is a box.
    pub(crate) fn box_pointer(&mut self, b: Handle<Expr>, range: &Range<usize>) -> Option<Handle<Expr>> {
        let pointee = self.box_pointee(self.ty(b))?;
        let raw = self.infer.known(Shape::Ptr { pointee, mutable: true, reference: false });
        let field = self.push(ExprKind::Field { base: b, index: 0 }, raw, range);
        let reference = self.infer.known(Shape::Ptr { pointee, mutable: true, reference: true });
        Some(self.push(ExprKind::Cast { value: field }, reference, range))
    }

    /// The box `p` is the pointer of, if `p` is a box's pointer made by `box_pointer`.
    pub(crate) fn box_of_pointer(&mut self, p: Handle<Expr>) -> Option<Handle<Expr>> {
        let ExprKind::Cast { value } = *self.kind(p) else { return None };
        let ExprKind::Field { base, index: 0 } = *self.kind(value) else { return None };
        self.box_pointee(self.ty(base)).map(|_| base)
    }

    /// `e` read through references and boxes until it is neither.
    pub(crate) fn box_autoderef(&mut self, e: Handle<Expr>) -> Handle<Expr> {
        let mut e = self.autoderef(e);
        for _ in 0..8 {
            let range = self.range(e);
            let Some(p) = self.box_pointer(e, &range) else { break };
            let pointee = self.box_pointee(self.ty(e)).expect("a box");
            e = self.push(ExprKind::Deref(p), pointee, &range);
            e = self.autoderef(e);
        }
        e
    }
}

impl FnLower<'_> {
    /// The receiver of `recv.name(..)`: a box's value (through references
    /// too) unless the method is the box's own (`as_ref`, `clone`, ..).
    pub(crate) fn box_receiver(&mut self, recv: Handle<Expr>, name: &str) -> Handle<Expr> {
        let mut t = self.ty(recv);
        while let Some(Shape::Ptr { pointee, reference: true, .. }) = self.shape(t) {
            t = pointee;
        }
        if self.box_pointee(t).is_none() {
            return recv;
        }
        let own = self.items.library_type("boxed::Box").is_some_and(|sid| self.items.structs[sid].methods.contains_key(name));
        if own || matches!(name, "clone" | "drop") {
            return recv;
        }
        self.box_autoderef(recv)
    }
}

impl FnLower<'_> {
    /// `box_of_pointer` once the types are final (drop elaboration).
    pub(crate) fn box_of_ir_pointer(&self, p: Handle<Expr>) -> Option<Handle<Expr>> {
        let ExprKind::Cast { value } = self.exprs[p].kind else { return None };
        let ExprKind::Field { base, index: 0 } = self.exprs[value].kind else { return None };
        let hybrid_ir::Type::Struct(def) = self.types.get(self.exprs[base].ty) else { return None };
        let box_sid = self.items.library_type("boxed::Box")?;
        (self.items.struct_of(self.types, *def) == Some(box_sid)).then_some(base)
    }
}

impl FnLower<'_> {
    /// `b.box_moved = true` for the box place `b` whose value is moved out
    /// (drop elaboration; types are final).
    pub(crate) fn box_moved_mark(
        &mut self,
        b: Handle<Expr>,
        bool_ty: Handle<hybrid_ir::Type>,
        unit_ty: Handle<hybrid_ir::Type>,
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        let Some(place) = self.copy_place(b, range) else {
            return Err(Diagnostic::unsupported("moving a value out of a temporary `Box`", range.clone()));
        };
        let field = self.post_expr(ExprKind::Field { base: place, index: 1 }, bool_ty, range);
        let yes = self.post_expr(ExprKind::Literal(hybrid_ir::Literal::Bool(true)), bool_ty, range);
        Ok(self.post_expr(ExprKind::Assign { place: field, value: yes }, unit_ty, range))
    }

    /// A new expression of the place `e` (locals, fields, derefs), if it is one.
    fn copy_place(&mut self, e: Handle<Expr>, range: &Range<usize>) -> Option<Handle<Expr>> {
        let ty = self.exprs[e].ty;
        let kind = match self.exprs[e].kind.clone() {
            ExprKind::Local(l) => ExprKind::Local(l),
            ExprKind::Field { base, index } => ExprKind::Field { base: self.copy_place(base, range)?, index },
            ExprKind::Deref(p) => ExprKind::Deref(self.copy_place(p, range)?),
            _ => return None,
        };
        Some(self.post_expr(kind, ty, range))
    }
}
