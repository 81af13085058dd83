//! Consts of non-scalar types (`const ZERO: Vec3 = Vec3 { .. };`, `const W: [f32; 3] = [..];`): rustc
//! inlines a const at each use, so each use is its expression, lowered again in the const's module
//! (outside the using function's locals and generic parameters) and coerced to the declared type.

use std::ops::Range;

use hybrid_ir::{Expr, Handle};

use super::FnLower;
use crate::diag::{DResult, Diagnostic};
use crate::generics::{GenericEnv, InlineConst};
use crate::infer::{Shape, TyId};

/// How deep consts may name each other (`const A: [V; 2] = [B, B];`) before it is a cycle (E0391).
const MAX_CONST_DEPTH: u32 = 32;

/// Where a const's expression is written: its name, module, source range and what `Self` is named.
struct ConstSource<'a> {
    name: &'a str,
    module: crate::modtree::ModId,
    expr: &'a Range<usize>,
    self_name: Option<&'a str>,
}

thread_local! {
    static CONST_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

impl FnLower<'_> {
    /// A use of the non-scalar const `idx` at `range`: its expression, as a fresh value.
    pub(crate) fn inline_const(&mut self, idx: usize, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let decl = &self.items.consts[idx];
        let (name, module) = (decl.name.clone(), decl.module);
        let (ty_range, expr_range) = decl.text.clone();
        let ty = self.convert_text(&ty_range, module, &GenericEnv::EMPTY)?;
        self.lower_const_expr(ConstSource { name: &name, module, expr: &expr_range, self_name: None }, ty, &GenericEnv::EMPTY, range)
    }

    /// A use of the non-scalar associated const `name` (`Vec3::ORIGIN`, `const ORIGIN: Self = ..;`).
    /// `self_ty` is the type it is a const of (an instance, for a const of a generic impl).
    pub(crate) fn inline_assoc_const(
        &mut self,
        name: &str,
        c: &InlineConst,
        self_ty: Handle<hybrid_ir::Type>,
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        if !c.params.is_empty() {
            return self.generic_impl_const(name, c, self_ty, range);
        }
        let Some(ty) = c.ty else { return Err(Diagnostic::ice("a non-generic inline const without a type")) };
        let ty = self.infer.import(ty, self.types);
        let self_name = match c.self_ty {
            Some(st) => {
                let shown = self.types.display(st).to_string();
                if !shown.chars().all(|ch| ch.is_alphanumeric() || ch == '_') {
                    return Err(Diagnostic::unsupported(&format!("a non-scalar associated const of `{shown}`"), range.clone()));
                }
                Some(shown)
            }
            None => None,
        };
        let source = ConstSource { name, module: c.module, expr: &c.expr, self_name: self_name.as_deref() };
        self.lower_const_expr(source, ty, &GenericEnv::EMPTY, range)
    }

    /// `Buf::<4>::CAP` of `impl<const N: usize> Buf<N> { const CAP: usize = N; }`: the
    /// expression with the impl's parameters bound to the instance's arguments.
    fn generic_impl_const(
        &mut self,
        name: &str,
        c: &InlineConst,
        self_ty: Handle<hybrid_ir::Type>,
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        let unsupported = || Diagnostic::unsupported("this associated const of a generic impl", range.clone());
        let Some(sid) = self.items.instance_sid(self.types, self_ty) else { return Err(unsupported()) };
        let n = self.items.structs[sid].params.len();
        let vars = self.infer.fresh_adt_args(sid, n);
        let adt = self.infer.known(Shape::Adt { sid, args: vars.clone() });
        let it = self.infer.import(self_ty, self.types);
        self.infer.unify(adt, it).map_err(|_| unsupported())?;
        let mut env = GenericEnv { types: vec![("Self".to_string(), it)], consts: Vec::new() };
        for (v, param) in vars.into_iter().zip(&c.params) {
            match self.infer.shape(v) {
                Some(Shape::Const(len)) => {
                    let Some(value) = self.infer.length(len) else { return Err(unsupported()) };
                    env.consts.push((param.clone(), crate::consteval::ConstValue::Int(value as i128)));
                }
                _ => env.types.push((param.clone(), v)),
            }
        }
        let ty = self.convert_text(&c.ty_text, c.module, &env)?;
        self.lower_const_expr(ConstSource { name, module: c.module, expr: &c.expr, self_name: None }, ty, &env, range)
    }

    /// The const expression of `source`, lowered as a value of type `ty` (under the
    /// generic parameters `env`) for a use at `range`.
    fn lower_const_expr(&mut self, source: ConstSource<'_>, ty: TyId, env: &GenericEnv, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let ConstSource { name, module, expr: expr_range, self_name } = source;
        let depth = CONST_DEPTH.with(|d| d.get());
        if depth >= MAX_CONST_DEPTH {
            return Err(Diagnostic::at(
                Some("E0391"),
                format!("cycle detected when evaluating the constant `{name}`"),
                range.clone(),
                "this constant refers to itself",
            ));
        }
        let text = self.lines.text(expr_range).to_string();
        let parsed = crate::ranges::with_origin(expr_range.start, || {
            let tokens: proc_macro2::TokenStream = text.parse().map_err(|_| ())?;
            let tokens = match self_name {
                Some(s) => replace_self(tokens, s),
                None => tokens,
            };
            syn::parse2::<syn::Expr>(tokens).map_err(|_| ())
        });
        let Ok(expr) = parsed else {
            // (a const made by a macro: its expression is not source text)
            return Err(Diagnostic::unsupported("a non-scalar `const` made by a macro", range.clone()));
        };
        // the const's own world: its module, no locals, no generic parameters
        let scopes = std::mem::replace(&mut self.scopes, vec![Vec::new()]);
        let env = std::mem::replace(&mut self.env, env.clone());
        self.block_modules.push(module);
        CONST_DEPTH.with(|d| d.set(depth + 1));
        let value = crate::ranges::with_origin(expr_range.start, || self.lower_coerced(&expr, ty));
        CONST_DEPTH.with(|d| d.set(depth));
        self.block_modules.pop();
        self.env = env;
        self.scopes = scopes;
        value
    }
}

/// `tokens` with every `Self` spelled `name` (at the same span).
fn replace_self(tokens: proc_macro2::TokenStream, name: &str) -> proc_macro2::TokenStream {
    use proc_macro2::{Group, Ident, TokenTree};
    tokens
        .into_iter()
        .map(|t| match t {
            TokenTree::Ident(i) if i == "Self" => TokenTree::Ident(Ident::new(name, i.span())),
            TokenTree::Group(g) => {
                let mut inner = Group::new(g.delimiter(), replace_self(g.stream(), name));
                inner.set_span(g.span());
                TokenTree::Group(inner)
            }
            other => other,
        })
        .collect()
}
