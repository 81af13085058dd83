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
            // FIXME(From in `?`): rustc returns `Err(From::from(e))`
            quote_spanned!(span=> match #inner {
                ::core::result::Result::Ok(v) => v,
                ::core::result::Result::Err(e) => return ::core::result::Result::Err(e),
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
        let expr: syn::Expr = syn::parse2(tokens).map_err(|e| Diagnostic::ice(format!("the desugared `?` does not parse: {e}")))?;
        self.expr(&expr)
    }
}
