//! Places: locals, derefs, fields and bounds-checked indexing of arrays, slices and Vecs; slicing with `SliceRange`.

use cranelift_codegen::ir::{condcodes::IntCC, InstBuilder, Value};
use hybrid_ir::{Expr, ExprKind, Handle, Span, Type};

use crate::function::{FunctionCx, Place, Val, PTR};
use crate::runtime::Rt;
use crate::Result;

impl FunctionCx<'_, '_> {
    /// Lower a place expression. A value expression used where a place is
    /// needed (a field of a call's result, say) is evaluated into memory.
    pub fn place(&mut self, e: Handle<Expr>) -> Result<Place> {
        let expr = self.expr_of(e);
        match &expr.kind {
            ExprKind::Local(l) => self.local_place(*l),
            ExprKind::Deref(p) => {
                let v = self.expr(*p)?;
                Ok(Place::Mem(self.scalar_of(v, PTR)))
            }
            ExprKind::Field { base, index } => {
                let base_ty = self.expr_of(*base).ty;
                let offsets = self.module.types.field_offsets(base_ty);
                let offset = *offsets.get(*index as usize).ok_or_else(|| self.bug(format!("field {index} out of range")))?;
                let addr = self.memory_addr(*base)?;
                Ok(Place::Mem(self.add_offset(addr, offset)))
            }
            ExprKind::Index { base, index } => Ok(Place::Mem(self.index_addr(*base, *index, expr.span)?)),
            _ => {
                let v = self.expr(e)?;
                Ok(match v {
                    Val::Nothing => Place::Nothing,
                    Val::Mem(a) => Place::Mem(a),
                    Val::Scalar(s) => {
                        let tmp = self.temp(expr.ty);
                        self.store(s, tmp, 0);
                        Place::Mem(tmp)
                    }
                })
            }
        }
    }

    /// The address of a Memory-repr expression (place or value).
    pub fn memory_addr(&mut self, e: Handle<Expr>) -> Result<Value> {
        match self.place(e)? {
            Place::Mem(a) => Ok(a),
            Place::Nothing => Ok(self.zero(PTR)),
            place @ (Place::Var(_) | Place::Value(_)) => {
                // Only scalars live in variables; spill to give it an address.
                let ty = self.expr_of(e).ty;
                let Val::Scalar(v) = self.read_place(place, ty) else { unreachable!("a variable holds a scalar") };
                let tmp = self.temp(ty);
                self.store(v, tmp, 0);
                Ok(tmp)
            }
        }
    }

    /// Data pointer and length of an indexable base (array place, slice ref
    /// value, Vec place), plus the element type.
    pub fn indexable(&mut self, base: Handle<Expr>) -> Result<(Value, Value, Handle<Type>)> {
        let base_ty = self.expr_of(base).ty;
        match *self.ty(base_ty) {
            Type::Array { elem, len } => {
                let addr = self.memory_addr(base)?;
                let len = self.usize_const(len);
                Ok((addr, len, elem))
            }
            Type::SliceRef { elem, .. } | Type::Vec(elem) => {
                let addr = self.memory_addr(base)?;
                let data = self.load(PTR, addr, 0);
                let len = self.load(PTR, addr, 8);
                Ok((data, len, elem))
            }
            _ => Err(self.bug(format!("indexing a value of type {}", self.module.types.display(base_ty)))),
        }
    }

    /// The address of `base[index]`, after the bounds check.
    fn index_addr(&mut self, base: Handle<Expr>, index: Handle<Expr>, span: Span) -> Result<Value> {
        let (data, len, elem) = self.indexable(base)?;
        let i = self.expr(index)?;
        let i = self.scalar_of(i, PTR);
        self.bounds_check(i, len, span);
        let size = self.layout(elem).size;
        let offset = self.b.ins().imul_imm_s(i, size as i64);
        Ok(self.b.ins().iadd(data, offset))
    }

    /// Panic with Rust's message unless `index < len`.
    pub fn bounds_check(&mut self, index: Value, len: Value, span: Span) {
        let out = self.icmp_folded(IntCC::UnsignedGreaterThanOrEqual, index, len);
        self.panic_if(out, |fcx| {
            let loc = fcx.location(span);
            fcx.call_rt(Rt::PanicBounds, &[index, len, loc]);
        });
    }

    /// `&base[start..end]`: a new slice ref after checking `start <= end <= len`.
    pub fn slice_range(&mut self, base: Handle<Expr>, start: Option<Handle<Expr>>, end: Option<Handle<Expr>>, expr: &Expr) -> Result<Val> {
        let (data, len, elem) = self.indexable(base)?;
        let start = match start {
            Some(s) => {
                let v = self.expr(s)?;
                self.scalar_of(v, PTR)
            }
            None => self.usize_const(0),
        };
        let end = match end {
            Some(e) => {
                let v = self.expr(e)?;
                self.scalar_of(v, PTR)
            }
            None => len,
        };
        let start_after_end = self.b.ins().icmp(IntCC::UnsignedGreaterThan, start, end);
        let end_after_len = self.b.ins().icmp(IntCC::UnsignedGreaterThan, end, len);
        let bad = self.b.ins().bor(start_after_end, end_after_len);
        let span = expr.span;
        self.panic_if(bad, |fcx| {
            let loc = fcx.location(span);
            fcx.call_rt(Rt::PanicSlice, &[start, end, len, loc]);
        });
        let size = self.layout(elem).size;
        let offset = self.b.ins().imul_imm_s(start, size as i64);
        let new_data = self.b.ins().iadd(data, offset);
        let new_len = self.b.ins().isub(end, start);
        let tmp = self.temp(expr.ty);
        self.store(new_data, tmp, 0);
        self.store(new_len, tmp, 8);
        Ok(Val::Mem(tmp))
    }
}
