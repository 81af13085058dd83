//! The drop glue: the body of `core::ptr::drop_in_place::<T>` for each `T`
//! (see `drops.rs`): `<T as Drop>::drop`, then a `Vec`'s elements and
//! buffer, an array's elements, or the fields (an enum: its variant's).

use hybrid_ir::{Block, Expr, ExprKind, Handle, Literal, Local, Stmt, Type};

use super::FnLower;
use crate::diag::{DResult, Diagnostic};

impl<'i> FnLower<'i> {
    /// Is this body the drop glue `core::ptr::drop_in_place::<T>`?
    pub(crate) fn is_drop_glue(&self) -> bool {
        self.items.library_fn("ptr::drop_in_place") == Some(self.fid)
    }

    /// The glue's source part for `T` = `ty`: `<T as Drop>::drop`, then a
    /// `Vec`'s elements and buffer or an array's elements (fields and tuple
    /// elements are dropped by [`Self::drop_glue_fields`], which needs no
    /// access to private fields).
    pub(crate) fn drop_glue_block(&mut self, ty: Handle<Type>) -> DResult<syn::Block> {
        use quote::quote;
        let mut parts = Vec::new();
        if self.has_drop_impl(ty) {
            parts.push(quote!(::core::ops::Drop::drop(&mut *p);));
        }
        if self.is_dyn_box(ty) {
            parts.push(quote!(::core::dyn_object::drop_box(p as *mut u8);));
        }
        match self.types.get(ty).clone() {
            Type::Vec(_) => parts.push(quote!(::core::ptr::drop_vec(p);)),
            Type::Array { elem, len } if self.ir_needs_drop_uncached(elem) => {
                let n = proc_macro2::Literal::usize_unsuffixed(len as usize);
                parts.push(quote!({
                    let mut i = 0usize;
                    while i < #n {
                        ::core::ptr::drop_in_place(&mut (*p)[i]);
                        i += 1;
                    }
                }));
            }
            _ => {}
        }
        syn::parse2(quote!({ unsafe { #(#parts)* } })).map_err(|e| Diagnostic::ice(format!("the drop glue does not parse: {e}")))
    }

    /// The glue's drops of the fields of a struct or tuple `T` (after
    /// `finalize`), in declaration order, appended to `body`.
    pub(crate) fn drop_glue_fields(&mut self, p: Handle<Local>, ty: Handle<Type>, body: Handle<Expr>) {
        let fields: Vec<Handle<Type>> = match self.types.get(ty) {
            Type::Tuple(elems) => elems.clone(),
            Type::Struct(def) => self.types.structs[*def].fields.iter().map(|f| f.ty).collect(),
            _ => return,
        };
        // an enum: (discriminant, field indices) of each variant; a struct or tuple: one group
        let groups: Vec<(Option<i64>, Vec<usize>)> = match self.enum_variants(ty) {
            Some(variants) => {
                variants.iter().map(|v| (Some(v.discr), (v.first as usize..v.first as usize + v.fields.len()).collect())).collect()
            }
            None => vec![(None, (0..fields.len()).collect())],
        };
        let Some(drop_fn) = self.items.library_fn("ptr::drop_in_place") else { return };
        let mut cx = self.drop_cx(drop_fn);
        let (bool_ty, unit_ty) = (cx.bool_ty, cx.unit_ty);
        let range = self.range(body);
        let mut stmts = Vec::new();
        let pty = self.locals[p].ty;
        for (discr, indices) in groups {
            let mut drops = Vec::new();
            for index in indices {
                let fty = fields[index];
                if !self.needs_drop(&mut cx, fty) {
                    continue;
                }
                let pv = self.post_expr(ExprKind::Local(p), pty, &range);
                let target = self.post_expr(ExprKind::Deref(pv), ty, &range);
                let field = self.post_expr(ExprKind::Field { base: target, index: index as u32 }, fty, &range);
                let fptr = self.types.insert(Type::Pointer { pointee: fty, mutable: true, reference: true });
                let addr = self.post_expr(ExprKind::AddrOf { place: field, mutable: true }, fptr, &range);
                drops.push(Stmt::Expr(self.drop_call(&mut cx, addr, fty, &range)));
            }
            match discr {
                _ if drops.is_empty() => {}
                None => stmts.extend(drops),
                Some(d) => {
                    // `if (*p).tag == d { .. }`: only the variant the value is
                    let tag_ty = fields[0];
                    let pv = self.post_expr(ExprKind::Local(p), pty, &range);
                    let target = self.post_expr(ExprKind::Deref(pv), ty, &range);
                    let tag = self.post_expr(ExprKind::Field { base: target, index: 0 }, tag_ty, &range);
                    let bits = self.types.as_scalar(tag_ty).map_or(u64::MAX, |s| (d as u64) & (u64::MAX >> (64 - s.bits())));
                    let lit = self.post_expr(ExprKind::Literal(Literal::Int(bits)), tag_ty, &range);
                    let cond = self.post_expr(ExprKind::Binary { op: hybrid_ir::BinaryOp::Eq, lhs: tag, rhs: lit }, bool_ty, &range);
                    let then = self.post_expr(ExprKind::Block(Block { stmts: drops, tail: None }), unit_ty, &range);
                    stmts.push(Stmt::Expr(self.post_expr(ExprKind::If { cond, then, otherwise: None }, unit_ty, &range)));
                }
            }
        }
        if let ExprKind::Block(b) = &mut self.exprs[body].kind {
            if let Some(t) = b.tail.take() {
                b.stmts.push(Stmt::Expr(t));
            }
            b.stmts.extend(stmts);
        }
    }
}
