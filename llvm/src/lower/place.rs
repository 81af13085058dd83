//! Places as addresses: locals, `*p`, fields, bounds-checked indexing, and slicing of slice refs.

use hybrid_ir::{Expr, ExprKind, Handle, Type};
use inkwell::values::{IntValue, PointerValue};
use inkwell::IntPredicate;

use crate::lower::function::{Flow, FnLowering, Lower, Val};
use crate::lower::target::{Check, Failure};

impl<'m, 'a, 'ctx> FnLowering<'m, 'a, 'ctx> {
    /// The address of a place expression.
    pub fn place(&mut self, e: Handle<Expr>) -> Lower<PointerValue<'ctx>> {
        let expr = self.expr(e);
        match &expr.kind {
            ExprKind::Local(l) => self.local_slot(*l),
            ExprKind::Deref(p) => Ok(self.scalar(*p)?.into_pointer_value()),
            ExprKind::Field { base, index } => {
                let base_ty = self.expr(*base).ty;
                let addr = self.place_or_address(*base)?;
                let offsets = self.types().table.field_offsets(base_ty);
                let offset =
                    *offsets.get(*index as usize).ok_or_else(|| Flow::Error(self.internal(format!("field {index} out of range"))))?;
                self.byte_offset(addr, offset)
            }
            ExprKind::Index { base, index } => self.index_addr(*base, *index, expr),
            _ => Err(self.internal(format!("expression {e:?} is not a place")).into()),
        }
    }

    /// The stack slot of a local, made on first use (a `let` makes it too).
    pub fn local_slot(&mut self, l: Handle<hybrid_ir::Local>) -> Lower<PointerValue<'ctx>> {
        if let Some(&slot) = self.locals.get(&l) {
            return Ok(slot);
        }
        let slot = self.alloca(self.ir.locals[l].ty)?;
        self.locals.insert(l, slot);
        Ok(slot)
    }

    /// The address of a place, or of a Memory value that is not a place
    /// (the base of `f().x` or `[a, b][i]`).
    pub fn place_or_address(&mut self, e: Handle<Expr>) -> Lower<PointerValue<'ctx>> {
        if self.expr(e).kind.is_place() {
            self.place(e)
        } else {
            self.address(e)
        }
    }

    /// The data pointer and length of a slice ref stored at `addr`.
    pub fn slice_parts(&self, addr: PointerValue<'ctx>) -> Lower<(PointerValue<'ctx>, IntValue<'ctx>)> {
        let t = self.types();
        let data = self.builder.build_load(t.ptr(), addr, "")?.into_pointer_value();
        let len_addr = self.byte_offset(addr, 8)?;
        let len = self.builder.build_load(t.i64(), len_addr, "")?.into_int_value();
        Ok((data, len))
    }

    /// A fresh slice ref `{ data, len }`.
    pub fn make_slice(&self, ty: Handle<Type>, data: PointerValue<'ctx>, len: IntValue<'ctx>) -> Lower<Val<'ctx>> {
        let slot = self.alloca(ty)?;
        self.builder.build_store(slot, data)?;
        let len_addr = self.byte_offset(slot, 8)?;
        self.builder.build_store(len_addr, len)?;
        Ok(Val::Mem(slot))
    }

    /// Data pointer, length and element type of an indexable base: an
    /// array place, a slice ref value, a `Vec` place (host only).
    fn indexable(&mut self, base: Handle<Expr>, expr: &Expr) -> Lower<(PointerValue<'ctx>, IntValue<'ctx>, Handle<Type>)> {
        let t = self.types();
        let base_ty = self.expr(base).ty;
        Ok(match *t.table.get(base_ty) {
            Type::Array { elem, len } => {
                let addr = self.place_or_address(base)?;
                (addr, t.i64().const_int(len, false), elem)
            }
            Type::SliceRef { elem, .. } => {
                let addr = self.address(base)?;
                let (data, len) = self.slice_parts(addr)?;
                (data, len, elem)
            }
            Type::Vec(elem) => {
                // `{ ptr, len, cap }`: the first two words read like a slice ref.
                let addr = self.place_or_address(base)?;
                let (data, len) = self.slice_parts(addr)?;
                (data, len, elem)
            }
            _ => {
                let what = format!("indexing a `{}`", t.table.display(base_ty));
                return Err(self.unsupported(what, expr.span));
            }
        })
    }

    /// `base[index]` with Rust's bounds check (a trap on the device, deferred: `faults.rs`).
    fn index_addr(&mut self, base: Handle<Expr>, index: Handle<Expr>, expr: &Expr) -> Lower<PointerValue<'ctx>> {
        let (data, len, elem) = self.indexable(base, expr)?;
        let i = self.scalar(index)?.into_int_value();
        let out_of_bounds = self.builder.build_int_compare(IntPredicate::UGE, i, len, "")?;
        if self.defers_index_checks() {
            let i = self.deferred_check(out_of_bounds, i)?;
            return self.element_addr(data, elem, i);
        }
        self.check(out_of_bounds, Failure { check: Check::Bounds { index: i, len }, span: expr.span })?;
        self.element_addr(data, elem, i)
    }

    /// `&s[start..end]` of a slice ref value: checks `start <= end <= len`.
    pub fn slice_range(
        &mut self,
        base: Handle<Expr>,
        start: Option<Handle<Expr>>,
        end: Option<Handle<Expr>>,
        expr: &Expr,
    ) -> Lower<Val<'ctx>> {
        let t = self.types();
        let (data, len, elem) = self.indexable(base, expr)?;
        let start = match start {
            Some(s) => self.scalar(s)?.into_int_value(),
            None => t.i64().const_zero(),
        };
        let end = match end {
            Some(e) => self.scalar(e)?.into_int_value(),
            None => len,
        };
        let b = &self.builder;
        let reversed = b.build_int_compare(IntPredicate::UGT, start, end, "")?;
        let too_long = b.build_int_compare(IntPredicate::UGT, end, len, "")?;
        let bad = b.build_or(reversed, too_long, "")?;
        self.check(bad, Failure { check: Check::Slice { start, end, len }, span: expr.span })?;
        let new_data = self.element_addr(data, elem, start)?;
        let new_len = self.builder.build_int_sub(end, start, "")?;
        self.make_slice(expr.ty, new_data, new_len)
    }
}
