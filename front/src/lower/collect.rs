//! `iter.collect()`: into a `Vec`, the one collection hybridc has, as the
//! library's `slice::collect_vec(iter)` (FIXME(generic impls for builtin
//! types): rustc's `impl<T> FromIterator<T> for Vec<T>`).
//!
//! `collect::<Vec<_>>()` is that call at once. Without a turbofish the
//! result's type comes from the context (`let v: Vec<f32> = ..`, an
//! argument, a return value), as rustc's does: the expression gets a fresh
//! variable, unified with the call's `Vec<Item>` once something else has
//! given it a type (`solve_projections`); if nothing does, E0283 as rustc's
//! "type annotations needed"; a type that is not a `Vec`, E0277.
//! `collect::<String>()` is `string::collect_string(iter)` (of `char`s,
//! `&str`s or `String`s); into a `Result<Vec<T>, E>` or an `Option<Vec<T>>`
//! (by turbofish or from a `let` type, an argument or a return value),
//! `slice::collect_result_vec`/`collect_option_vec`.

use std::ops::Range;

use hybrid_ir::{Block, Expr, ExprKind, Handle};
use quote::quote_spanned;

use super::FnLower;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::infer::{Shape, TyId, VarKind};

/// The targets of `collect()` besides a `Vec`, each a library function.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CollectInto {
    String,
    ResultVec,
    OptionVec,
}

/// A `collect()` whose target type is not known yet.
pub(crate) struct PendingCollect {
    /// The type of the `collect()` expression, from its context.
    target: TyId,
    /// `Vec<Item>`, the type of the library call.
    vec: TyId,
    item: TyId,
    /// The method name's range, and the receiver's.
    method: Range<usize>,
    receiver: Range<usize>,
}

impl FnLower<'_> {
    /// `recv.collect()` / `recv.collect::<T>()` of a receiver that is an
    /// `Iterator`; `None` for other receivers.
    pub(crate) fn collect_call(&mut self, m: &syn::ExprMethodCall) -> DResult<Option<Handle<Expr>>> {
        let recv = &m.receiver;
        if self.probe_is_iterator(recv).is_none() {
            return Ok(None);
        }
        let range = range_of(m);
        let method = range_of(&m.method);
        let target = match &m.turbofish {
            Some(t) => match t.args.first() {
                Some(syn::GenericArgument::Type(ty)) if t.args.len() == 1 => Some(self.convert_type(ty)?),
                _ => return Err(Diagnostic::unsupported("this turbofish on `collect`", range_of(t))),
            },
            None => None,
        };
        if let Some(t) = target {
            if let Some(into) = self.collect_target(t) {
                let call = self.collect_into(m, into)?;
                if into != CollectInto::String {
                    let got = self.ty(call);
                    self.expect_ty(t, got, &method)?;
                }
                return Ok(Some(call));
            }
            if !matches!(self.shape(t), Some(Shape::Vec(_))) {
                let shown = self.describe(t);
                return Err(Diagnostic::unsupported(&format!("`collect()` into {shown}"), method).help("hybridc collects into `Vec`s only"));
            }
        }
        let span = m.method.span();
        let call = self.lower_desugared(quote_spanned!(span=> ::core::slice::collect_vec(#recv)), "`collect()`")?;
        let vec = self.ty(call);
        let Some(Shape::Vec(item)) = self.shape(vec) else {
            return Err(Diagnostic::ice("`collect_vec` does not return a `Vec`"));
        };
        if let Some(t) = target {
            self.expect_ty(t, vec, &method)?;
            return Ok(Some(call));
        }
        let target = self.infer.var(VarKind::General);
        let mut inner = &**recv;
        while let syn::Expr::Paren(p) = inner {
            inner = &p.expr;
        }
        self.pending_collects.push(PendingCollect { target, vec, item, method, receiver: range_of(inner) });
        Ok(Some(self.push(ExprKind::Block(Block { stmts: Vec::new(), tail: Some(call) }), target, &range)))
    }

    /// `recv.collect()` into a `String`, a `Result<Vec<T>, E>` or an
    /// `Option<Vec<T>>`: the library's function for it called on `recv`.
    fn collect_into(&mut self, m: &syn::ExprMethodCall, into: CollectInto) -> DResult<Handle<Expr>> {
        let (recv, span) = (&m.receiver, m.method.span());
        let call = match into {
            CollectInto::String => quote_spanned!(span=> ::core::string::collect_string(#recv)),
            CollectInto::ResultVec => quote_spanned!(span=> ::core::slice::collect_result_vec(#recv)),
            CollectInto::OptionVec => quote_spanned!(span=> ::core::slice::collect_option_vec(#recv)),
        };
        self.lower_desugared(call, "`collect()`")
    }

    /// Which of [`CollectInto`]'s targets `t` is, if one.
    fn collect_target(&mut self, t: TyId) -> Option<CollectInto> {
        if self.is_string_struct(t) {
            return Some(CollectInto::String);
        }
        let into = if self.is_library_instance(t, "result::Result") {
            CollectInto::ResultVec
        } else if self.is_library_instance(t, "option::Option") {
            CollectInto::OptionVec
        } else {
            return None;
        };
        // FIXME(FromIterator for Result): into a `Result<String, E>` and other collections
        match self.shape(t) {
            Some(Shape::Adt { args, .. }) if matches!(args.first().and_then(|&a| self.shape(a)), Some(Shape::Vec(_))) => Some(into),
            Some(Shape::Struct(_)) => Some(into),
            _ => None,
        }
    }

    /// `e` where a `String`, a `Result<Vec<T>, E>` or an `Option<Vec<T>>`
    /// is expected, if it is a `collect()` without a turbofish of an
    /// `Iterator` (`let s: String = it.collect();`).
    pub(crate) fn collect_into_expected(&mut self, e: &syn::Expr, expected: TyId) -> DResult<Option<Handle<Expr>>> {
        let syn::Expr::MethodCall(m) = e else { return Ok(None) };
        if m.method != "collect" || m.turbofish.is_some() || !m.args.is_empty() {
            return Ok(None);
        }
        let Some(into) = self.collect_target(expected) else { return Ok(None) };
        if self.probe_is_iterator(&m.receiver).is_none() {
            return Ok(None);
        }
        self.collect_into(m, into).map(Some)
    }

    /// Whether `t` is the library's `String`.
    fn is_string_struct(&mut self, t: TyId) -> bool {
        match (self.shape(t), self.items.string_struct()) {
            (Some(Shape::Struct(h)), Some(s)) => self.types.insert(hybrid_ir::Type::Struct(h)) == s,
            _ => false,
        }
    }

    /// Whether `e` lowers to a value whose type implements `Iterator`.
    fn probe_is_iterator(&mut self, e: &syn::Expr) -> Option<()> {
        self.probe_type(e, |this, ty| this.implements_library_trait(ty, "iter::Iterator").then_some(()))
    }

    /// Is `t` an instance of the library's generic type at `path`?
    fn is_library_instance(&mut self, t: TyId, path: &str) -> bool {
        let Some(sid) = self.items.library_type(path) else { return false };
        match self.shape(t) {
            Some(Shape::Adt { sid: s, .. }) => s == sid,
            Some(Shape::Struct(def)) => self.items.struct_of(self.types, def) == Some(sid),
            _ => false,
        }
    }

    /// The pending `collect()`s whose target has a type now: unified with
    /// `Vec<Item>` (E0277 for another type). Whether one was.
    pub(crate) fn solve_collects(&mut self) -> DResult<bool> {
        let mut solved = false;
        for p in std::mem::take(&mut self.pending_collects) {
            if self.shape(p.target).is_none() {
                self.pending_collects.push(p);
                continue;
            }
            solved = true;
            if self.is_string_struct(p.target) {
                // FIXME(collect into String from the context): the call is lowered as `collect_vec` already
                // (a `let` type, an argument and a return value are seen before: `collect_into_expected`)
                return Err(
                    Diagnostic::unsupported("`collect()` into a `String` inferred later", p.method).help("write `collect::<String>()`")
                );
            }
            if self.is_library_instance(p.target, "result::Result") || self.is_library_instance(p.target, "option::Option") {
                // FIXME(FromIterator for Result): the call is lowered as `collect_vec` already (a `let` type,
                // an argument and a return value are seen before: `collect_into_expected`)
                let shown = self.describe(p.target);
                return Err(Diagnostic::unsupported(&format!("`collect()` into {shown}"), p.method)
                    .help("name the target in a turbofish or the `let` type"));
            }
            if self.infer.unify(p.target, p.vec).is_err() {
                let target = self.describe(p.target);
                let item = match self.infer.var_kind(p.item) {
                    Some(VarKind::Int) => "{integer}".to_string(),
                    Some(VarKind::Float) => "{float}".to_string(),
                    _ => self.describe(p.item),
                };
                let (t, i) = (target.trim_matches('`'), item.trim_matches('`'));
                return Err(Diagnostic::at(
                    Some("E0277"),
                    format!("a value of type `{t}` cannot be built from an iterator over elements of type `{i}`"),
                    p.receiver,
                    format!("value of type `{t}` cannot be built from `std::iter::Iterator<Item={i}>`"),
                )
                .secondary(p.method, "required by a bound introduced by this call")
                .help(format!("the trait `FromIterator<{i}>` is not implemented for `{t}`")));
            }
        }
        Ok(solved)
    }

    /// E0283 for a `collect()` whose target type nothing gave.
    pub(crate) fn unsolved_collect(&mut self) -> Option<Diagnostic> {
        let p = self.pending_collects.first()?;
        let (target, method, item) = (p.target, p.method.clone(), p.item);
        let item = match self.infer.var_kind(item) {
            Some(VarKind::Int) => "i32".to_string(),
            Some(VarKind::Float) => "f64".to_string(),
            _ => self.describe(item).trim_matches('`').to_string(),
        };
        // the `let` binding it initializes, as rustc points at it
        let root = self.infer.find(target);
        let local = (0..self.ltys.len()).find(|&i| self.infer.find(self.ltys[i]) == root);
        let (at, name) = match local {
            Some(i) => (self.lranges[i].clone(), Some(self.locals[Handle::from_index(i)].name.clone())),
            None => (method.clone(), None),
        };
        let mut d = Diagnostic::at(Some("E0283"), "type annotations needed", at, "")
            .secondary(method, "type must be known at this point")
            .note(format!("cannot satisfy `_: FromIterator<{item}>`"));
        if let Some(n) = name {
            d = d.help(format!("consider giving `{n}` an explicit type"));
        }
        Some(d)
    }
}
