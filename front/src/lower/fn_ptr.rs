//! Function pointers (`fn(f32) -> f32`, host only): closures that capture nothing and function items coerced to them (the address of an instance of a library thunk, `core::fn_ptr::thunkN::<F, ..>`, that makes the closure's zero-sized value and calls it), and calls through them (`ExprKind::CallIndirect`). The device cannot call indirectly: both are host-only facts, reported in kernels.

use std::ops::Range;

use hybrid_ir::{Expr, ExprKind, Handle, StructDef};

use super::FnLower;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::infer::{Shape, TyId};

/// What a kernel reports for a function pointer.
const HOST_ONLY: &str = "function pointers (`fn(..)` types)";

/// The most parameters a coerced closure may take (`core::fn_ptr::thunk4`).
const MAX_THUNK_ARITY: usize = 4;

impl FnLower<'_> {
    /// `e` (a value of closure struct `def`: a closure or function item)
    /// coerced to `fn(params) -> ret` (`target`).
    pub(crate) fn closure_to_fn_ptr(
        &mut self,
        e: Handle<Expr>,
        def: Handle<StructDef>,
        params: &[TyId],
        ret: TyId,
        target: TyId,
    ) -> DResult<Handle<Expr>> {
        let range = self.range(e);
        let src = self.ty(e);
        let expected = self.infer.describe(target, self.types);
        let fn_item = super::closure::fn_item_of(&self.types.structs[def].name);
        if !self.types.structs[def].fields.is_empty() || !self.closure_capture_free(def) {
            return Err(Diagnostic::at(Some("E0308"), "mismatched types", range, "expected fn pointer, found closure")
                .note(format!("expected fn pointer {expected}\n      found closure"))
                .note("closures can only be coerced to `fn` types if they do not capture any variables"));
        }
        let takes = match fn_item {
            Some((_, n)) => Some(n),
            None => self.with_closure_syntax(def, |_, c| Ok(c.inputs.len()))?,
        };
        if takes.is_some_and(|n| n != params.len()) {
            let found = if fn_item.is_some() { "fn item" } else { "closure" };
            return Err(Diagnostic::at(Some("E0308"), "mismatched types", range, "incorrect number of function parameters").note(format!(
                "expected fn pointer {expected}\n   found {found} taking {} parameter{}",
                takes.unwrap_or(0),
                if takes == Some(1) { "" } else { "s" }
            )));
        }
        if params.len() > MAX_THUNK_ARITY {
            return Err(Diagnostic::unsupported(
                &format!("coercing a closure of more than {MAX_THUNK_ARITY} parameters to a `fn` pointer"),
                range,
            ));
        }
        let Some(thunk) = self.items.library_fn(&format!("fn_ptr::thunk{}", params.len())) else {
            return Err(Diagnostic::unsupported("a `fn` pointer here (the library's thunks are not loaded)", range));
        };
        // the closure's result, checked here rather than inside the thunk
        if let Some(t) = self.trial_closure_call(def, params, &range) {
            self.expect_ty(ret, t, &range)?;
        }
        let types: Vec<TyId> = std::iter::once(src).chain(params.iter().copied()).chain([ret]).collect();
        let addr = self.push(ExprKind::FnAddr(Handle::from_index(u32::MAX as usize)), target, &range);
        let used = self.record_use(addr, super::generic::plain_use(thunk, types, range.clone()));
        self.facts.calls.push((used, range.clone()));
        self.facts.host_only.push((HOST_ONLY.to_string(), range));
        Ok(addr)
    }

    /// Whether closure struct `def` captures nothing (this body's closures
    /// know their captures before their struct has fields).
    fn closure_capture_free(&mut self, def: Handle<StructDef>) -> bool {
        self.closure_fields_of(def).is_empty()
    }

    /// `f(args)` where `f` is a `fn` pointer value.
    pub(crate) fn call_fn_ptr(&mut self, callee: Handle<Expr>, args: &[&syn::Expr], range: &Range<usize>) -> DResult<Handle<Expr>> {
        // (`f` of `for f in &table`: through the references)
        let callee = self.autoderef(callee);
        let Some(Shape::FnPtr { params, ret }) = self.shape(self.ty(callee)) else {
            return Err(Diagnostic::ice("a call of a value that is not a fn pointer"));
        };
        if params.len() != args.len() {
            let plural = |n: usize| if n == 1 { "argument" } else { "arguments" };
            return Err(Diagnostic::at(
                Some("E0057"),
                format!(
                    "this function takes {} {} but {} {} supplied",
                    params.len(),
                    plural(params.len()),
                    args.len(),
                    if args.len() == 1 { "argument was" } else { "arguments were" }
                ),
                range.clone(),
                format!("expected {} {}", params.len(), plural(params.len())),
            ));
        }
        let mut lowered = Vec::with_capacity(args.len());
        for (a, &p) in args.iter().zip(&params) {
            let v = self.expr(a)?;
            let v = match self.closure_of(v).zip(self.shape(p)) {
                Some((def, Shape::FnPtr { params: pp, ret: pr })) => self.closure_to_fn_ptr(v, def, &pp, pr, p)?,
                _ => self.coerce(v, p)?,
            };
            lowered.push(v);
        }
        self.facts.host_only.push((HOST_ONLY.to_string(), range.clone()));
        Ok(self.push(ExprKind::CallIndirect { callee, args: lowered }, ret, range))
    }

    /// `e` lowered where a value of type `expected` is wanted: when that is
    /// a `fn` pointer (or an array of them), the branches of an `if`, the
    /// tail of a block and the elements of an array literal are coerced to
    /// it one by one (two different closures or function items become the
    /// one pointer type, as rustc's coercion does); a `collect()` into a
    /// `String`, `Result` or `Option` is lowered for that target.
    pub(crate) fn expr_expecting(&mut self, e: &syn::Expr, expected: TyId) -> DResult<Handle<Expr>> {
        // (`let s: String = it.collect();`, a `Result<Vec<T>, E>` tail)
        if let Some(v) = self.collect_into_expected(e, expected)? {
            return Ok(v);
        }
        let elem = match self.shape(expected) {
            _ if self.coerces_each(expected) => None,
            Some(Shape::Vec(elem)) if self.coerces_each(elem) => match e {
                syn::Expr::Macro(m) if m.mac.path.is_ident("vec") => {
                    return self.vec_macro_expecting(&m.mac, &range_of(e), Some(elem));
                }
                _ => return self.expr(e),
            },
            Some(Shape::Array { elem, .. }) if self.coerces_each(elem) => Some(elem),
            _ => return self.expr(e),
        };
        match (e, elem) {
            (syn::Expr::Paren(p), _) => self.expr_expecting(&p.expr, expected),
            (syn::Expr::If(i), None) => self.if_expr_expecting(i, Some(expected)),
            (syn::Expr::Block(b), None) if b.label.is_none() => self.block(&b.block, Some(expected)),
            (syn::Expr::Array(a), Some(elem)) => {
                let mut items = Vec::with_capacity(a.elems.len());
                for x in &a.elems {
                    let v = self.expr_expecting(x, elem)?;
                    items.push(self.coerce(v, elem)?);
                }
                let n = items.len() as u64;
                let t = self.infer.known(Shape::Array { elem, len: n });
                Ok(self.push(ExprKind::Array(items), t, &range_of(e)))
            }
            _ => self.expr(e),
        }
    }

    /// Is `t` a type whose values are coerced one by one where it is
    /// expected (a `fn` pointer, a trait object)?
    fn coerces_each(&mut self, t: TyId) -> bool {
        match self.shape(t) {
            Some(Shape::FnPtr { .. }) => true,
            Some(Shape::Struct(def)) => {
                let ir = self.types.insert(hybrid_ir::Type::Struct(def));
                self.items.dyn_of(self.types, ir).is_some()
            }
            _ => false,
        }
    }

    /// Is `e` a `fn` pointer value (`f` of `let f: fn(i32) -> i32`)?
    pub(crate) fn is_fn_ptr(&mut self, e: Handle<Expr>) -> bool {
        let mut t = self.ty(e);
        for _ in 0..4 {
            match self.shape(t) {
                Some(Shape::FnPtr { .. }) => return true,
                Some(Shape::Ptr { pointee, reference: true, .. }) => t = pointee,
                _ => return false,
            }
        }
        false
    }

    /// `core::intrinsics::hybrid_closure_value::<F>()` (in the library's
    /// thunks): the value of the closure type `F`, which captures nothing.
    pub(crate) fn closure_value(&mut self, syn_path: &syn::Path, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let tys = self.turbofish_types(syn_path, 1, "hybrid_closure_value::<F>()")?;
        let t = self.convert_type(&tys[0])?;
        match self.shape(t) {
            Some(Shape::Struct(def))
                if crate::lower::is_closure_name(&self.types.structs[def].name) && self.types.structs[def].fields.is_empty() =>
            {
                Ok(self.push(ExprKind::Struct { fields: Vec::new() }, t, range))
            }
            _ => {
                Err(Diagnostic::at(None, "`hybrid_closure_value` of a type that is not a closure without captures", range_of(&tys[0]), ""))
            }
        }
    }
}
