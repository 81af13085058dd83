//! Desugarings into the library's types: `for` over an iterator, range
//! values, `x.iter()` / `x.iter_mut()` of slices and the `?` operator.
//! Each builds the Rust it stands for (spanned at the construct it
//! replaces) and lowers that.
//!
//! `for pat in it { body }` over a value whose type implements the
//! library's `Iterator` (or a `&mut` of one): `{ let mut iter = it; loop { match iter.next() {
//! Some(pat) => body, None => break } } }` (the label on the `loop`).
//!
//! The `?` operator, desugared as rustc does by the result type of the
//! enclosing function (or inlined closure): `match e { Some(v) => v, None
//! => return None }` for the library's `Option`, `match e { Ok(v) => v,
//! Err(e) => return Err(e) }` for its `Result`; the desugared tokens carry
//! the `?`'s span, so errors point at it as rustc's do.

use hybrid_ir::{Expr, Handle};
use quote::quote_spanned;

use super::FnLower;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::infer::Shape;

impl FnLower<'_> {
    pub(crate) fn iterator_for(&mut self, f: &syn::ExprForLoop) -> DResult<Handle<Expr>> {
        let not_an_iterator = || {
            Diagnostic::unsupported("`for` over this iterator", range_of(&f.expr))
                .help("hybridc supports `for` over ranges (`a..b`, `a..=b`, `(a..b).rev()`, `(a..b).step_by(s)`) and over values whose type implements `Iterator`")
        };
        // an `Iterator`, else what `IntoIterator::into_iter` makes of it
        let span = f.for_token.span;
        let expr = &f.expr;
        let kind = self.probe_type(expr, |this, ty| {
            // (`for x in &mut it`: `&mut I` is an iterator when `I` is one)
            let by_mut_ref = match this.shape(ty) {
                Some(Shape::Ptr { pointee, mutable: true, reference: true }) => this.implements_library_trait(pointee, "iter::Iterator"),
                _ => false,
            };
            if by_mut_ref || this.implements_library_trait(ty, "iter::Iterator") {
                Some(None)
            } else if let Some(t) = this.collection_into_iter(ty, expr, span) {
                Some(Some(t))
            } else if this.implements_library_trait(ty, "iter::IntoIterator") {
                Some(Some(quote_spanned!(span=> ::core::iter::IntoIterator::into_iter(#expr))))
            } else {
                None
            }
        });
        let expr = match kind {
            None => return Err(not_an_iterator()),
            Some(None) => quote::quote!(#expr),
            Some(Some(t)) => t,
        };
        let (pat, body) = (&f.pat, &f.body);
        let label = f.label.as_ref().map(|l| &l.name);
        let label = label.map(|l| quote::quote!(#l:));
        let tokens = quote_spanned!(span=> {
            let mut __hybrid_iter = #expr;
            #label loop {
                match __hybrid_iter.next() {
                    ::core::option::Option::Some(#pat) => #body,
                    ::core::option::Option::None => break,
                }
            }
        });
        self.lower_desugared(tokens, "`for`")
    }

    /// The type `e` has, read by `inspect`; `e`'s lowering is dropped
    /// (`FnLower::rollback`: the desugared code lowers it again). `None`
    /// when `e` does not lower or `inspect` says so.
    pub(crate) fn probe_type<T>(&mut self, e: &syn::Expr, inspect: impl FnOnce(&mut Self, crate::infer::TyId) -> Option<T>) -> Option<T> {
        let mark = self.mark();
        let found = match self.probing(|me| me.expr(e)) {
            Ok(v) => {
                let ty = self.ty(v);
                inspect(self, ty)
            }
            Err(_) => None,
        };
        self.rollback(mark);
        found
    }

    /// Lower the desugared form of a construct (`what`, for the internal
    /// error should it not parse).
    pub(crate) fn lower_desugared(&mut self, tokens: proc_macro2::TokenStream, what: &str) -> DResult<Handle<Expr>> {
        let expr: syn::Expr = syn::parse2(tokens).map_err(|e| Diagnostic::ice(format!("the desugared {what} does not parse: {e}")))?;
        self.expr(&expr)
    }

    /// Does `ty` (resolved now) implement the library's trait at `path`
    /// (`iter::Iterator`)?
    pub(crate) fn implements_library_trait(&mut self, ty: crate::infer::TyId, path: &str) -> bool {
        let Some(tid) = self.items.library_trait(path) else { return false };
        match self.infer.resolve(ty, self.types) {
            Ok(t) => self.items.satisfies(self.types, t, &crate::generics::Bound::Trait(tid)),
            Err(_) => false,
        }
    }

    /// `IntoIterator::into_iter(e)` of a slice, array or `Vec` `e` of type
    /// `ty`, as the library's functions (FIXME(generic impls for builtin
    /// types): rustc's impls for `&[T]`, `&Vec<T>`, `[T; N]`, `Vec<T>`):
    /// `&v` / `&mut v` iterate by reference (`slice::iter`, `iter_mut`),
    /// an array or `Vec` by value (`slice::array_into_iter` of the array
    /// moved into a temporary, `slice::vec_into_iter`). `None` for other types.
    fn collection_into_iter(&mut self, ty: crate::infer::TyId, e: &syn::Expr, span: proc_macro2::Span) -> Option<proc_macro2::TokenStream> {
        let owned = |this: &mut Self, t| matches!(this.shape(t), Some(Shape::Array { .. } | Shape::Vec(_)));
        let by_ref = |mutable: bool| match mutable {
            true => quote_spanned!(span=> ::core::slice::iter_mut(#e)),
            false => quote_spanned!(span=> ::core::slice::iter(#e)),
        };
        match self.shape(ty)? {
            Shape::Array { .. } => Some(quote_spanned!(span=> ::core::slice::array_into_iter(&{ #e }))),
            Shape::Vec(_) => Some(quote_spanned!(span=> ::core::slice::vec_into_iter(#e))),
            Shape::Slice { mutable, .. } => Some(by_ref(mutable)),
            Shape::Ptr { pointee, reference: true, mutable } if owned(self, pointee) => Some(by_ref(mutable)),
            _ => None,
        }
    }

    /// `e.into_iter()` of a slice, array or `Vec` (by value or reference),
    /// see [`Self::collection_into_iter`]; `None` for other receivers (the
    /// library's `IntoIterator` impls).
    pub(crate) fn collection_into_iter_call(&mut self, e: &syn::Expr, span: proc_macro2::Span) -> DResult<Option<Handle<Expr>>> {
        match self.probe_type(e, |this, ty| this.collection_into_iter(ty, e, span)) {
            Some(tokens) => self.lower_desugared(tokens, "`into_iter()`").map(Some),
            None => Ok(None),
        }
    }

    /// The argument of `zip`, `chain` (an `IntoIterator`): a slice, array or
    /// `Vec` (by value or reference) as its iterator (`a.iter().zip(&b)`),
    /// else `None`.
    pub(crate) fn iterator_argument(&mut self, arg: &syn::Expr) -> Option<syn::Expr> {
        let span = syn::spanned::Spanned::span(arg);
        let tokens = self.probe_type(arg, |this, ty| this.collection_into_iter(ty, arg, span))?;
        syn::parse2(tokens).ok()
    }

    /// `a..b` / `a..=b` as a value: the library's `Range` / `RangeInclusive`
    /// (`for` over a range and slicing read ranges themselves).
    pub(crate) fn range_value(&mut self, r: &syn::ExprRange) -> DResult<Handle<Expr>> {
        let (Some(start), Some(end)) = (&r.start, &r.end) else {
            return Err(Diagnostic::unsupported("ranges without both ends outside `for` loops and slicing", range_of(r)));
        };
        if self.items.library_type("ops::Range").is_none() {
            return Err(Diagnostic::ice("a range value, but the library's `ops` is not loaded"));
        }
        let span = match &r.limits {
            syn::RangeLimits::HalfOpen(t) => t.spans[0],
            syn::RangeLimits::Closed(t) => t.spans[0],
        };
        let tokens = match r.limits {
            syn::RangeLimits::HalfOpen(_) => quote_spanned!(span=> ::core::ops::Range { start: #start, end: #end }),
            syn::RangeLimits::Closed(_) => {
                quote_spanned!(span=> ::core::ops::RangeInclusive { start: #start, end: #end, exhausted: false })
            }
        };
        self.lower_desugared(tokens, "range")
    }

    /// `x.iter()` / `x.iter_mut()` of a slice, array or `Vec` (or a
    /// reference to one): the library's `slice::iter(&x)` /
    /// `slice::iter_mut(&mut x)` (`None` for other receivers).
    pub(crate) fn slice_iter(&mut self, recv: &syn::Expr, mutable: bool, span: proc_macro2::Span) -> DResult<Option<Handle<Expr>>> {
        // whether the receiver is a collection (borrowed here) or a reference to one
        let by_ref = self.probe_type(recv, |this, t| match this.shape(t) {
            Some(Shape::Slice { .. }) => Some(false),
            Some(Shape::Array { .. } | Shape::Vec(_)) => Some(true),
            Some(Shape::Ptr { pointee, reference: true, .. }) => {
                matches!(this.shape(pointee), Some(Shape::Slice { .. } | Shape::Array { .. } | Shape::Vec(_))).then_some(false)
            }
            _ => None,
        });
        let Some(by_ref) = by_ref else { return Ok(None) };
        let tokens = match (by_ref, mutable) {
            (true, false) => quote_spanned!(span=> ::core::slice::iter(&#recv)),
            (false, false) => quote_spanned!(span=> ::core::slice::iter(#recv)),
            (true, true) => quote_spanned!(span=> ::core::slice::iter_mut(&mut #recv)),
            (false, true) => quote_spanned!(span=> ::core::slice::iter_mut(#recv)),
        };
        self.lower_desugared(tokens, "`iter()`").map(Some)
    }

    pub(crate) fn try_operator(&mut self, t: &syn::ExprTry) -> DResult<Handle<Expr>> {
        let at = range_of(&t.question_token);
        let ret = match self.closure_ret {
            Some((_, r)) => r,
            None => self.ret,
        };
        let sid = match self.shape(ret) {
            Some(Shape::Adt { sid, .. }) => Some(sid),
            Some(Shape::Struct(def)) => self.items.struct_of(self.types, def),
            _ => None,
        };
        let is = |path: &str| sid.is_some() && self.items.library_type(path) == sid;
        let span = t.question_token.span;
        let inner = &t.expr;
        let tokens = if is("option::Option") {
            quote_spanned!(span=> match #inner {
                ::core::option::Option::Some(v) => v,
                ::core::option::Option::None => return ::core::option::Option::None,
            })
        } else if is("result::Result") {
            // rustc returns `Err(From::from(e))`; the conversion is written only where the error types differ
            // (the reflexive `From<T> for T` is the identity)
            let convert = match self.try_error_types(inner, ret) {
                Some((found, expected)) if found != expected => {
                    self.check_try_from(found, expected, inner, &at)?;
                    quote::quote!(::core::convert::From::from(e))
                }
                _ => quote::quote!(e),
            };
            quote_spanned!(span=> match #inner {
                ::core::result::Result::Ok(v) => v,
                ::core::result::Result::Err(e) => return ::core::result::Result::Err(#convert),
            })
        } else {
            let what = if self.closure_ret.is_some() { "closure" } else { "function" };
            let head = self.items.fns[self.fid].sig_range.clone();
            return Err(Diagnostic::at(
                Some("E0277"),
                format!(
                    "the `?` operator can only be used in a {what} that returns `Result` or `Option` (or another type that implements `FromResidual`)"
                ),
                at,
                format!("cannot use the `?` operator in a {what} that returns {}", self.describe(ret)),
            )
            .secondary(head, format!("this {what} should return `Result` or `Option` to accept `?`")));
        };
        self.lower_desugared(tokens, "`?`")
    }
}

impl FnLower<'_> {
    /// The error types of `?`'s operand (a `Result`) and of the enclosing
    /// function's `Result` type `ret`, when both are known.
    fn try_error_types(
        &mut self,
        inner: &syn::Expr,
        ret: crate::infer::TyId,
    ) -> Option<(Handle<hybrid_ir::Type>, Handle<hybrid_ir::Type>)> {
        let result = self.items.library_type("result::Result")?;
        // (a concrete `Result<T, E>` is an IR enum: its arguments by unifying it with `Result<_, _>`)
        let err_of = |this: &mut Self, t: crate::infer::TyId| {
            let args = this.infer.fresh_adt_args(result, 2);
            let adt = this.infer.known(Shape::Adt { sid: result, args: args.clone() });
            this.infer.unify(adt, t).ok()?;
            this.infer.concrete(args[1], this.types)
        };
        let expected = err_of(self, ret)?;
        let found = self.probe_type(inner, |this, t| err_of(this, t))?;
        Some((found, expected))
    }

    /// rustc's E0277 "`?` couldn't convert the error" unless `expected: From<found>`.
    fn check_try_from(
        &mut self,
        found: Handle<hybrid_ir::Type>,
        expected: Handle<hybrid_ir::Type>,
        inner: &syn::Expr,
        at: &std::ops::Range<usize>,
    ) -> DResult<()> {
        if let Some(from) = self.items.library_trait("convert::From") {
            if self.items.impl_of_args(self.types, from, expected, &[found]).is_some() {
                return Ok(());
            }
        }
        let (e, f) = (self.types.display(expected).to_string(), self.types.display(found).to_string());
        let output = self.items.fns[self.fid].output_range.clone();
        let text = self.lines.text(&output);
        let ret_start = output.end - text.strip_prefix("->").unwrap_or(text).trim_start().len();
        let mut d = Diagnostic::at(
            Some("E0277"),
            format!("`?` couldn't convert the error to `{e}`"),
            at.clone(),
            format!("the trait `From<{f}>` is not implemented for `{e}`"),
        );
        if self.closure_ret.is_none() {
            d = d.secondary(ret_start..output.end, format!("expected `{e}` because of this"));
        }
        d = d.secondary(range_of(inner), format!("this can't be annotated with `?` because it has type `Result<_, {f}>`"));
        if let hybrid_ir::Type::Struct(def) = self.types.get(expected) {
            if let Some(sid) = self.items.struct_of(self.types, *def) {
                d = d.span_note(self.item_head(sid), format!("`{e}` needs to implement `From<{f}>`"));
            }
        }
        d.span_notes_first = true;
        Err(d.note("the question mark operation (`?`) implicitly performs a conversion on the error value using the `From` trait"))
    }

    /// `v.extend(it)` and `v.drain(range)` of a `Vec` `v` (or `&mut Vec`),
    /// as the library's `Vec` methods (FIXME(generic impls for builtin
    /// types): rustc's `Extend` impls and `RangeBounds`): `extend` takes
    /// an iterator (a collection argument becomes its iterator, an
    /// `IntoIterator` its `into_iter()`), `extend_copied` one of
    /// references; `drain(a..b)` is `drain_range(a, b)` (`..b` from 0),
    /// `a..=b` `drain_inclusive(a, b)`, `drain(a..)` `drain_from(a)`, a
    /// `Range` / `RangeInclusive` value `drain_{range,inclusive}_value(r)`. `None` for other
    /// receivers and calls.
    pub(crate) fn vec_extend_or_drain(&mut self, m: &syn::ExprMethodCall) -> DResult<Option<Handle<Expr>>> {
        let name = m.method.to_string();
        if !(name == "extend" || name == "drain") || m.args.len() != 1 || m.turbofish.is_some() {
            return Ok(None);
        }
        if self.items.library_type("slice::VecIntoIter").is_none() {
            return Ok(None);
        }
        let is_vec = self.probe_type(&m.receiver, |this, ty| match this.shape(ty) {
            Some(Shape::Vec(_)) => Some(()),
            Some(Shape::Ptr { pointee, mutable: true, .. }) => matches!(this.shape(pointee), Some(Shape::Vec(_))).then_some(()),
            _ => None,
        });
        if is_vec.is_none() {
            return Ok(None);
        }
        let arg = &m.args[0];
        let span = m.method.span();
        let (method, args): (&str, Vec<syn::Expr>) = if name == "extend" {
            let iter = self.probe_type(arg, |this, ty| {
                if this.implements_library_trait(ty, "iter::Iterator") {
                    Some(quote::quote!(#arg))
                } else if let Some(t) = this.collection_into_iter(ty, arg, span) {
                    Some(t)
                } else if this.implements_library_trait(ty, "iter::IntoIterator") {
                    Some(quote_spanned!(span=> ::core::iter::IntoIterator::into_iter(#arg)))
                } else {
                    None
                }
            });
            let Some(iter) = iter else {
                return Err(Diagnostic::unsupported("`Vec::extend` from this argument", range_of(arg))
                    .help("pass an iterator, a range, a slice or a `Vec`"));
            };
            let iter: syn::Expr =
                syn::parse2(iter).map_err(|e| Diagnostic::ice(format!("the desugared `extend` argument does not parse: {e}")))?;
            let probe: syn::Expr = syn::parse2(quote_spanned!(span=> ::core::slice::collect_vec(#iter)))
                .map_err(|e| Diagnostic::ice(format!("the `extend` probe does not parse: {e}")))?;
            let by_ref = self.probe_type(&probe, |this, ty| match this.shape(ty) {
                Some(Shape::Vec(elem)) => matches!(this.shape(elem), Some(Shape::Ptr { reference: true, .. })).then_some(()),
                _ => None,
            });
            (if by_ref.is_some() { "extend_copied" } else { "extend_values" }, vec![iter])
        } else {
            let syn::Expr::Range(r) = arg else {
                // a range value: `Range<usize>` or `RangeInclusive<usize>`
                let (range_sid, inclusive_sid) = (self.items.library_type("ops::Range"), self.items.library_type("ops::RangeInclusive"));
                let method = self.probe_type(arg, |this, ty| {
                    let sid = this.adt_sid(ty)?;
                    if Some(sid) == range_sid {
                        Some("drain_range_value")
                    } else if Some(sid) == inclusive_sid {
                        Some("drain_inclusive_value")
                    } else {
                        None
                    }
                });
                let Some(method) = method else {
                    return Err(Diagnostic::unsupported(
                        "`Vec::drain` of anything but a range or a `Range`/`RangeInclusive` value",
                        range_of(arg),
                    ));
                };
                let mut call = m.clone();
                call.method = syn::Ident::new(method, m.method.span());
                return self.method_call_inner(&call).map(Some);
            };
            let start = match &r.start {
                Some(s) => quote::quote!(#s),
                None => quote_spanned!(span=> 0usize),
            };
            let (method, tokens) = match (&r.end, &r.limits) {
                (None, _) => ("drain_from", vec![start]),
                (Some(e), syn::RangeLimits::HalfOpen(_)) => ("drain_range", vec![start, quote::quote!(#e)]),
                (Some(e), syn::RangeLimits::Closed(_)) => ("drain_inclusive", vec![start, quote::quote!(#e)]),
            };
            let mut args = Vec::new();
            for t in tokens {
                args.push(syn::parse2(t).map_err(|e| Diagnostic::ice(format!("the desugared `drain` range does not parse: {e}")))?);
            }
            (method, args)
        };
        let mut call = m.clone();
        call.method = syn::Ident::new(method, m.method.span());
        call.args = args.into_iter().collect();
        self.method_call_inner(&call).map(Some)
    }
}
