//! Trait objects in bodies (`crate::dyn_object` has the types): the
//! unsizing coercions `&T` / `&mut T` / `Box<T>` to `&dyn Tr` / `&mut dyn
//! Tr` / `Box<dyn Tr>` (data pointer + the address of `T`'s vtable
//! function), calls through an object (two indirect calls: the vtable's
//! slot, then the method), and the body of each vtable instance. All host
//! only: the GPU cannot call indirectly, so a kernel reaching any of them
//! reports it (`facts.host_only`).

use std::ops::Range;

use hybrid_ir::{BinaryOp, Expr, ExprKind, Handle, Literal, Scalar, Stmt, Type};

use super::FnLower;
use crate::diag::{DResult, Diagnostic};
use crate::dyn_object::{DynKind, MethodDyn, FIRST_METHOD_SLOT};
use crate::generics::{Bound, GenericEnv};
use crate::infer::{Shape, TyId};

/// What a kernel reports for a trait object.
const HOST_ONLY: &str = "trait objects (`dyn Trait`)";

impl FnLower<'_> {
    /// The IR type `t` is now, if it is a struct (a trait object is one).
    fn struct_ir(&mut self, t: TyId) -> Option<Handle<Type>> {
        match self.shape(t)? {
            Shape::Struct(def) => Some(self.types.insert(Type::Struct(def))),
            _ => None,
        }
    }

    /// `e` coerced to trait object type `target` (`None`: `target` is no
    /// trait object, or `e` is no pointer to coerce).
    pub(crate) fn coerce_to_dyn(&mut self, e: Handle<Expr>, target: TyId) -> DResult<Option<Handle<Expr>>> {
        let Some(tir) = self.struct_ir(target) else { return Ok(None) };
        let Some((tid, kind)) = self.items.dyn_of(self.types, tir) else { return Ok(None) };
        let src = self.ty(e);
        let range = self.range(e);
        if let Some(e) = self.dyn_reborrow(e, tid, kind, target)? {
            return Ok(Some(e));
        }
        let (concrete, boxed) = match (kind, self.shape(src)) {
            (DynKind::Ref | DynKind::RefMut, Some(Shape::Ptr { pointee, mutable, reference: true })) => {
                if kind == DynKind::RefMut && !mutable {
                    return Err(Diagnostic::at(Some("E0308"), "mismatched types", range, "types differ in mutability"));
                }
                (pointee, false)
            }
            (DynKind::Box, Some(_)) => match self.box_pointee(src) {
                Some(t) => (t, true),
                None => return Ok(None),
            },
            _ => return Ok(None),
        };
        let Ok(t_ir) = self.infer.resolve(concrete, self.types) else {
            return Err(Diagnostic::unsupported("a trait object of a value whose type is not known yet here", range));
        };
        if self.items.dyn_of(self.types, t_ir).is_some() {
            return Ok(None);
        }
        self.check_implements_for_dyn(tid, t_ir, &range)?;
        let data = if boxed {
            self.library_call("dyn_object::box_data", vec![e], &range)?
        } else {
            let u8_ty = self.scalar_ty(Scalar::U8);
            let data_ty = self.infer.known(Shape::Ptr { pointee: u8_ty, mutable: true, reference: false });
            self.push(ExprKind::Cast { value: e }, data_ty, &range)
        };
        let vtable = self.vtable_addr(tid, concrete, &range)?;
        Ok(Some(self.push(ExprKind::Struct { fields: vec![data, vtable] }, target, &range)))
    }

    /// Is `e` a trait object (`Box<dyn Tr>`, `&dyn Tr`, `&mut dyn Tr`)?
    pub(crate) fn is_dyn_object(&mut self, e: Handle<Expr>) -> bool {
        let t = self.ty(e);
        self.struct_ir(t).is_some_and(|ir| self.items.dyn_of(self.types, ir).is_some())
    }

    /// The receiver `(*b)` of `(*b).area()` when `b` is a trait object: `b`
    /// (the call derefs it); `None` (nothing lowered) for other receivers.
    pub(crate) fn dyn_deref_receiver(&mut self, recv: &syn::Expr) -> DResult<Option<Handle<Expr>>> {
        let mut e = recv;
        while let syn::Expr::Paren(p) = e {
            e = &p.expr;
        }
        let syn::Expr::Unary(syn::ExprUnary { op: syn::UnOp::Deref(_), expr: operand, .. }) = e else { return Ok(None) };
        let mark = self.mark();
        let o = self.expr(operand)?;
        if self.is_dyn_object(o) {
            return Ok(Some(o));
        }
        self.rollback(mark);
        Ok(None)
    }

    /// `&*o` / `&mut *o` of a trait object `o`: `&dyn Tr` / `&mut dyn Tr`,
    /// the same two words (`o` itself for `&*r` of a `&dyn Tr`).
    pub(crate) fn dyn_deref_borrow(&mut self, o: Handle<Expr>, mutable: bool, range: &Range<usize>) -> DResult<Option<Handle<Expr>>> {
        let t = self.ty(o);
        let Some(ir) = self.struct_ir(t) else { return Ok(None) };
        let Some((tid, from)) = self.items.dyn_of(self.types, ir) else { return Ok(None) };
        if mutable && from == DynKind::Ref {
            let what = self.text(&self.range(o));
            return Err(Diagnostic::at(
                Some("E0596"),
                format!("cannot borrow `*{what}` as mutable, as it is behind a `&` reference"),
                range.clone(),
                "cannot borrow as mutable",
            ));
        }
        let kind = if mutable { DynKind::RefMut } else { DynKind::Ref };
        let target_ir = self.items.dyn_type_of(tid, kind, self.types);
        if target_ir == ir {
            return Ok(Some(o));
        }
        let target = self.infer.import(target_ir, self.types);
        self.dyn_reborrow(o, tid, kind, target)
    }

    /// `&Box<dyn Tr>` / `&mut Box<dyn Tr>` / `&mut dyn Tr` (also behind
    /// more references) to `&dyn Tr` / `&mut dyn Tr`: the same two words.
    fn dyn_reborrow(&mut self, e: Handle<Expr>, tid: usize, kind: DynKind, target: TyId) -> DResult<Option<Handle<Expr>>> {
        if kind == DynKind::Box {
            return Ok(None);
        }
        let range = self.range(e);
        let mut obj = e;
        let mut via_mut = true;
        let mut found = None;
        for depth in 0..4 {
            let t = self.ty(obj);
            match self.shape(t) {
                Some(Shape::Ptr { pointee, reference: true, mutable }) => {
                    via_mut &= mutable;
                    obj = self.push(ExprKind::Deref(obj), pointee, &range);
                }
                Some(Shape::Struct(_)) if depth > 0 || self.ty(e) != target => {
                    let ir = self.struct_ir(t);
                    found = ir.and_then(|ir| self.items.dyn_of(self.types, ir));
                    break;
                }
                _ => break,
            }
        }
        let Some((from_tid, from_kind)) = found else { return Ok(None) };
        if from_tid != tid {
            return Ok(None);
        }
        if kind == DynKind::RefMut && !(via_mut && from_kind != DynKind::Ref) {
            return Err(Diagnostic::at(Some("E0308"), "mismatched types", range, "types differ in mutability"));
        }
        let mut stmts = Vec::new();
        if !self.kind(obj).is_place() {
            let (st, place) = self.spill(obj, "dyn_object");
            stmts.push(st);
            obj = place;
        }
        let u8_ty = self.scalar_ty(Scalar::U8);
        let usize_ty = self.scalar_ty(Scalar::Usize);
        let data_ty = self.infer.known(Shape::Ptr { pointee: u8_ty, mutable: true, reference: false });
        let entry_ty = self.infer.known(Shape::Ptr { pointee: u8_ty, mutable: false, reference: false });
        let vt_ty = self.infer.known(Shape::FnPtr { params: vec![usize_ty], ret: entry_ty });
        let data = self.push(ExprKind::Field { base: obj, index: 0 }, data_ty, &range);
        let vt = self.push(ExprKind::Field { base: obj, index: 1 }, vt_ty, &range);
        let made = self.push(ExprKind::Struct { fields: vec![data, vt] }, target, &range);
        Ok(Some(if stmts.is_empty() { made } else { self.block_expr(stmts, Some(made), &range) }))
    }

    /// rustc's E0277 unless `t` implements trait `tid` and its supertraits.
    fn check_implements_for_dyn(&mut self, tid: usize, t: Handle<Type>, range: &Range<usize>) -> DResult<()> {
        let mut all = vec![tid];
        let mut i = 0;
        while i < all.len() {
            let tr = all[i];
            if !self.items.implements(self.types, t, tr) {
                let (shown, ty) = (self.items.traits[tr].shown.clone(), self.types.display(t).to_string());
                return Err(Diagnostic::at(
                    Some("E0277"),
                    format!("the trait bound `{ty}: {shown}` is not satisfied"),
                    range.clone(),
                    format!("the trait `{shown}` is not implemented for `{ty}`"),
                ));
            }
            for s in &self.items.traits[tr].supertraits {
                if let Bound::Trait(s) = s {
                    if !all.contains(s) {
                        all.push(*s);
                    }
                }
            }
            i += 1;
        }
        Ok(())
    }

    /// The address of `core::dyn_object::vtable::<T, &dyn Tr>`.
    fn vtable_addr(&mut self, tid: usize, concrete: TyId, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let Some(vtable_fn) = self.items.library_fn("dyn_object::vtable") else {
            return Err(Diagnostic::unsupported("trait objects here (the library's `dyn_object` is not loaded)", range.clone()));
        };
        let d_ir = self.items.dyn_type_of(tid, DynKind::Ref, self.types);
        let d = self.infer.import(d_ir, self.types);
        let vt_ir = self.types.structs[match self.types.get(d_ir) {
            Type::Struct(s) => *s,
            _ => return Err(Diagnostic::ice("a trait object type that is not a struct")),
        }]
        .fields[1]
            .ty;
        let vt = self.infer.import(vt_ir, self.types);
        let addr = self.push(ExprKind::FnAddr(Handle::from_index(u32::MAX as usize)), vt, range);
        let used = self.record_use(addr, super::generic::plain_use(vtable_fn, vec![concrete, d], range.clone()));
        self.facts.calls.push((used, range.clone()));
        self.facts.host_only.push((HOST_ONLY.to_string(), range.clone()));
        Ok(addr)
    }

    /// The method's signature as the trait declares it, `Self` bound to `self_ty`.
    fn dyn_method_sig(&mut self, tid: usize, name: &str, self_ty: TyId) -> DResult<super::generic::SigTypes> {
        let tr = &self.items.traits[tid];
        let method = tr.method(name).ok_or_else(|| Diagnostic::ice(format!("no method `{name}` in a trait")))?;
        let (sig_range, module) = (method.sig.clone(), tr.module);
        let env = GenericEnv { types: vec![("Self".to_string(), self_ty)], consts: Vec::new() };
        let text = self.lines.text(&sig_range).to_string();
        crate::ranges::with_origin(sig_range.start, || {
            let sig = crate::generics::parse_signature(&text).map_err(|e| crate::syntax_error(&e))?;
            self.signature_types_module(module, &sig, &env)
        })
    }

    /// `obj.name(args)` where `recv` is (a reference to) a trait object;
    /// `None` when it is not one or the trait has no such method.
    pub(crate) fn dyn_method_call(
        &mut self,
        recv: Handle<Expr>,
        name: &str,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Option<Handle<Expr>>> {
        let mut obj = recv;
        let recv_range = self.range(recv);
        let mut found = None;
        for _ in 0..4 {
            let t = self.ty(obj);
            match self.shape(t) {
                Some(Shape::Ptr { pointee, reference: true, .. }) => obj = self.push(ExprKind::Deref(obj), pointee, &recv_range),
                Some(Shape::Struct(_)) => {
                    let ir = self.struct_ir(t);
                    found = ir.and_then(|ir| self.items.dyn_of(self.types, ir));
                    break;
                }
                _ => break,
            }
        }
        let Some((tid, kind)) = found else { return Ok(None) };
        // `d.to_string()` of a `dyn Display`: its `{}` into a `String`
        if name == "to_string" && args.is_empty() && self.items.traits[tid].name == "core::fmt::DisplayObject" {
            let Some(ty) = self.struct_ir(self.ty(obj)) else { return Ok(None) };
            return self.string_method(ty, name, obj, args, range);
        }
        // `b.as_ref()` / `b.as_mut()` of a `Box<dyn Tr>`
        if kind == DynKind::Box && args.is_empty() && (name == "as_ref" || name == "as_mut") {
            let to = if name == "as_mut" { DynKind::RefMut } else { DynKind::Ref };
            let target_ir = self.items.dyn_type_of(tid, to, self.types);
            let target = self.infer.import(target_ir, self.types);
            let ptr = self.infer.known(Shape::Ptr { pointee: self.ty(obj), mutable: to == DynKind::RefMut, reference: true });
            let r = self.push(ExprKind::AddrOf { place: obj, mutable: to == DynKind::RefMut }, ptr, range);
            return self.dyn_reborrow(r, tid, to, target);
        }
        let methods = self.items.dyn_methods(tid);
        let Some(slot) = methods.iter().position(|(_, n)| n == name) else {
            return match self.items.dyn_uncallable(tid, name) {
                Some(MethodDyn::SizedOnly) => Err(Diagnostic::at(
                    None,
                    format!("the `{name}` method cannot be invoked on a trait object"),
                    range.clone(),
                    "this has a `Sized` requirement",
                )),
                Some(_) => Err(Diagnostic::unsupported(
                    &format!("calling `{name}` (a method taking `self`) through a trait object"),
                    range.clone(),
                )),
                None => Ok(None),
            };
        };
        let mtid = methods[slot].0;
        let obj_ty = self.ty(obj);
        let sig = self.dyn_method_sig(mtid, name, obj_ty)?;
        let wants_mut = matches!(sig.params.first().and_then(|p| self.shape(p.1)), Some(Shape::Ptr { mutable: true, .. }));
        if wants_mut && kind == DynKind::Ref {
            let what = self.text(&recv_range);
            return Err(Diagnostic::at(
                Some("E0596"),
                format!("cannot borrow `*{what}` as mutable, as it is behind a `&` reference"),
                recv_range,
                "cannot borrow as mutable",
            ));
        }
        if sig.params.len() != args.len() + 1 {
            let n = sig.params.len() - 1;
            return Err(Diagnostic::at(
                Some("E0061"),
                format!(
                    "this method takes {n} argument{} but {} {} supplied",
                    if n == 1 { "" } else { "s" },
                    args.len(),
                    if args.len() == 1 { "argument was" } else { "arguments were" }
                ),
                range.clone(),
                format!("expected {n} argument{}", if n == 1 { "" } else { "s" }),
            ));
        }
        let mut stmts = Vec::new();
        if !self.kind(obj).is_place() {
            let (st, place) = self.spill(obj, "dyn_object");
            stmts.push(st);
            obj = place;
        }
        let u8_ty = self.scalar_ty(Scalar::U8);
        let usize_ty = self.scalar_ty(Scalar::Usize);
        let data_ty = self.infer.known(Shape::Ptr { pointee: u8_ty, mutable: true, reference: false });
        let entry_ty = self.infer.known(Shape::Ptr { pointee: u8_ty, mutable: false, reference: false });
        let vt_ty = self.infer.known(Shape::FnPtr { params: vec![usize_ty], ret: entry_ty });
        let data = self.push(ExprKind::Field { base: obj, index: 0 }, data_ty, range);
        let vt = self.push(ExprKind::Field { base: obj, index: 1 }, vt_ty, range);
        let slot_lit = self.push(ExprKind::Literal(Literal::Int(FIRST_METHOD_SLOT + slot as u64)), usize_ty, range);
        let entry = self.push(ExprKind::CallIndirect { callee: vt, args: vec![slot_lit] }, entry_ty, range);
        let params: Vec<TyId> = std::iter::once(data_ty).chain(sig.params[1..].iter().map(|p| p.1)).collect();
        let fn_ty = self.infer.known(Shape::FnPtr { params: params.clone(), ret: sig.ret });
        let method = self.push(ExprKind::Cast { value: entry }, fn_ty, range);
        self.slot_casts.insert(method);
        let mut lowered = vec![data];
        for (a, &p) in args.iter().zip(&params[1..]) {
            let v = self.expr(a)?;
            lowered.push(self.coerce(v, p)?);
        }
        self.facts.host_only.push((HOST_ONLY.to_string(), range.clone()));
        let call = self.push(ExprKind::CallIndirect { callee: method, args: lowered }, sig.ret, range);
        Ok(Some(if stmts.is_empty() { call } else { self.block_expr(stmts, Some(call), range) }))
    }

    /// Is this body `core::dyn_object::vtable::<T, D>`?
    pub(crate) fn is_vtable(&self) -> bool {
        self.items.library_fn("dyn_object::vtable") == Some(self.fid)
    }

    /// The body of `vtable::<T, D>(slot)`: `if slot == k { return entry_k; }`
    /// for each slot (see `library/core/dyn_object.rs`), then null.
    pub(crate) fn vtable_body(
        &mut self,
        t: Handle<Type>,
        d: Handle<Type>,
        slot: Handle<hybrid_ir::Local>,
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        let Some((tid, _)) = self.items.dyn_of(self.types, d) else {
            return Err(Diagnostic::ice("a vtable of something that is no trait object"));
        };
        let Some(drop_fn) = self.items.library_fn("ptr::drop_in_place") else {
            return Err(Diagnostic::ice("the vtable without the library's drop glue"));
        };
        let tt = self.infer.import(t, self.types);
        let layout = self.types.layout(t);
        let u8_ty = self.scalar_ty(Scalar::U8);
        let usize_ty = self.scalar_ty(Scalar::Usize);
        let unit = self.infer.unit();
        let entry_ty = self.infer.known(Shape::Ptr { pointee: u8_ty, mutable: false, reference: false });
        let mut entries = Vec::new();
        // 0: the drop glue of `T`
        let pt = self.infer.known(Shape::Ptr { pointee: tt, mutable: true, reference: false });
        let drop_ty = self.infer.known(Shape::FnPtr { params: vec![pt], ret: unit });
        let drop_addr = self.push(ExprKind::FnAddr(Handle::from_index(u32::MAX as usize)), drop_ty, range);
        let used = self.record_use(drop_addr, super::generic::plain_use(drop_fn, vec![tt], range.clone()));
        self.facts.calls.push((used, range.clone()));
        entries.push(drop_addr);
        // 1, 2: size and alignment
        for v in [layout.size, layout.align] {
            let lit = self.push(ExprKind::Literal(Literal::Int(v)), usize_ty, range);
            entries.push(lit);
        }
        // the methods, each `<T as Tr>::m` (the impl's or the trait's default)
        for (mtid, name) in self.items.dyn_methods(tid) {
            let sig = self.dyn_method_sig(mtid, &name, tt)?;
            let fn_ty = self.infer.known(Shape::FnPtr { params: sig.params.iter().map(|p| p.1).collect(), ret: sig.ret });
            let addr = self.push(ExprKind::FnAddr(Handle::from_index(u32::MAX as usize)), fn_ty, range);
            let used = self.record_use(addr, super::generic::dispatch_use(mtid, &name, tt, range.clone()));
            self.facts.calls.push((used, range.clone()));
            entries.push(addr);
        }
        let mut stmts = Vec::new();
        for (k, entry) in entries.into_iter().enumerate() {
            let value = self.push(ExprKind::Cast { value: entry }, entry_ty, range);
            let never = self.infer.never();
            let ret = self.push(ExprKind::Return(Some(value)), never, range);
            let then = self.block_expr(vec![Stmt::Expr(ret)], None, range);
            let local = self.push(ExprKind::Local(slot), usize_ty, range);
            let k = self.push(ExprKind::Literal(Literal::Int(k as u64)), usize_ty, range);
            let bool_ty = self.scalar_ty(Scalar::Bool);
            let cond = self.push(ExprKind::Binary { op: BinaryOp::Eq, lhs: local, rhs: k }, bool_ty, range);
            let test = self.push(ExprKind::If { cond, then, otherwise: None }, unit, range);
            stmts.push(Stmt::Expr(test));
        }
        let zero = self.push(ExprKind::Literal(Literal::Int(0)), usize_ty, range);
        let null = self.push(ExprKind::Cast { value: zero }, entry_ty, range);
        Ok(self.block_expr(stmts, Some(null), range))
    }

    /// Is `ty` a `Box<dyn Tr>` (its drop glue is `dyn_object::drop_box`)?
    pub(crate) fn is_dyn_box(&self, ty: Handle<Type>) -> bool {
        self.items.dyn_of(self.types, ty).is_some_and(|(_, k)| k == DynKind::Box)
    }
}
