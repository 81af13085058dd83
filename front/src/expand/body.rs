//! Macros in function bodies, expanded on the body's worker thread before
//! it is lowered: calls in statement position (expanded to statements),
//! expression, pattern and type position (to one node), body-local
//! `macro_rules!` (in scope to the end of their block), and calls of the
//! program's macros inside the arguments of builtin macros (`println!`,
//! `assert!`, `vec!` ..., which lowering parses itself).

use std::ops::Range;

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::ToTokens;
use syn::visit_mut::VisitMut;

use super::items::{fn_bodies, is_definition};
use super::{expansion_error, Env, ScopeId};
use crate::diag::{range_of, DResult, Diagnostic};
use crate::resolve::{FnId, Items};

/// What a body's expansion leaves for its errors: the calls expanded.
pub struct BodyNotes<'s> {
    env: Option<Env<'s>>,
}

impl BodyNotes<'_> {
    /// rustc's macro notes on an error inside an expansion.
    pub fn annotate(&self, d: Diagnostic) -> Diagnostic {
        let Some(env) = &self.env else { return d };
        let mut d = env.annotate(d);
        // the other errors of the body (`lower/recover.rs`, its borrow errors)
        let followers = std::mem::take(&mut d.followers);
        d.followers = followers.into_iter().map(|f| env.annotate(f)).collect();
        d
    }
}

/// A function's body and its parameters' destructuring patterns (by
/// parameter index).
pub type ParsedBody = (syn::Block, Vec<(usize, syn::Pat)>);

/// The body of function `fid`, parsed (from its source range, or by
/// expanding again the call that produced it) with its macros expanded,
/// and its parameters' patterns.
pub fn body_for<'s>(source: &'s str, items: &'s Items, fid: FnId) -> (DResult<ParsedBody>, BodyNotes<'s>) {
    let decl = &items.fns[fid];
    let table = &items.macros;
    let tag = table.fns.get(&fid).cloned().unwrap_or_default();
    let mut env = Env::new(source, Some(table));
    let parsed = match &tag.expanded {
        None => syn::parse_str::<syn::Block>(&source[decl.body.clone()]).map_err(|e| crate::syntax_error(&e)).and_then(|block| {
            let mut patterns = Vec::new();
            for (i, p) in decl.params.iter().enumerate() {
                if let Some(r) = &p.pattern {
                    let tokens = crate::ranges::parse_piece(source, r.clone()).unwrap_or_default();
                    let pat = syn::parse::Parser::parse2(syn::Pat::parse_single, tokens).map_err(|e| crate::syntax_error(&e))?;
                    patterns.push((i, pat));
                }
            }
            Ok((block, patterns))
        }),
        Some(e) => reexpand(&mut env, source, e, tag.scope).map(|(sig, block)| {
            let patterns = sig
                .inputs
                .iter()
                .enumerate()
                .filter(|(i, _)| decl.params.get(*i).is_some_and(|p| p.pattern.is_some()))
                .filter_map(|(i, arg)| match arg {
                    syn::FnArg::Typed(pt) => Some((i, (*pt.pat).clone())),
                    syn::FnArg::Receiver(_) => None,
                })
                .collect();
            (block, patterns)
        }),
    };
    let module = &items.tree.modules[decl.module].path;
    let result = parsed.and_then(|(mut block, patterns)| expand_block(&mut env, &tag, module, &mut block).map(|()| (block, patterns)));
    let result = result.map_err(|d| env.annotate(d));
    (result, BodyNotes { env: Some(env) })
}

/// Expand the macros of the body of `fid` (an instance of a generic
/// function, parsed with its signature from the source).
pub fn expand_parsed<'s>(source: &'s str, items: &'s Items, fid: FnId, block: &mut syn::Block) -> (DResult<()>, BodyNotes<'s>) {
    let decl = &items.fns[fid];
    let tag = items.macros.fns.get(&fid).cloned().unwrap_or_default();
    let mut env = Env::new(source, Some(&items.macros));
    let result = expand_block(&mut env, &tag, &items.tree.modules[decl.module].path, block);
    let result = result.map_err(|d| env.annotate(d));
    (result, BodyNotes { env: Some(env) })
}

fn expand_block(env: &mut Env<'_>, tag: &super::FnTag, module: &str, block: &mut syn::Block) -> DResult<()> {
    let mut x = BodyExpander { env, scope: tag.scope, module: module.to_string(), error: None };
    x.visit_block_mut(block);
    match x.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn reexpand(env: &mut Env<'_>, source: &str, e: &super::ExpandedFn, scope: Option<ScopeId>) -> DResult<(syn::Signature, syn::Block)> {
    let again = || Diagnostic::ice("a macro-generated function is not found when its call is expanded again");
    let Some(tokens) = crate::ranges::parse_piece(source, e.invocation.clone()) else { return Err(again()) };
    let mc: syn::ItemMacro = syn::parse2(tokens).map_err(|_| again())?;
    let (expanded, _) = env.expand_item_call(&mc, scope, &e.module)?;
    fn_bodies(&expanded).get(e.fn_index).map(|(s, b)| ((*s).clone(), (*b).clone())).ok_or_else(again)
}

/// Expand the macro calls in an item's types and constant expressions
/// (`const N: usize = m!();`, `fn f(x: t!())`, struct fields), not in
/// function bodies (their threads expand those).
pub(super) fn expand_item_outline(env: &mut Env<'_>, scope: Option<ScopeId>, module: &str, item: &mut syn::Item) -> DResult<()> {
    let mut x = BodyExpander { env, scope, module: module.to_string(), error: None };
    match item {
        syn::Item::Const(c) => {
            x.visit_type_mut(&mut c.ty);
            x.visit_expr_mut(&mut c.expr);
        }
        syn::Item::Fn(f) => x.visit_signature_mut(&mut f.sig),
        syn::Item::Struct(st) => x.visit_fields_mut(&mut st.fields),
        syn::Item::Impl(imp) => {
            x.visit_type_mut(&mut imp.self_ty);
            for ii in &mut imp.items {
                match ii {
                    syn::ImplItem::Fn(f) => x.visit_signature_mut(&mut f.sig),
                    syn::ImplItem::Const(c) => {
                        x.visit_type_mut(&mut c.ty);
                        x.visit_expr_mut(&mut c.expr);
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    match x.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Whether an item's outline (see [`expand_item_outline`]) has macro calls.
pub(super) fn outline_has_macros(item: &syn::Item) -> bool {
    use syn::visit::Visit;
    struct Finder(bool);
    impl<'a> Visit<'a> for Finder {
        fn visit_macro(&mut self, _: &'a syn::Macro) {
            self.0 = true;
        }
        fn visit_block(&mut self, _: &'a syn::Block) {}
    }
    let mut f = Finder(false);
    match item {
        syn::Item::Const(_) | syn::Item::Fn(_) | syn::Item::Struct(_) | syn::Item::Impl(_) => f.visit_item(item),
        _ => {}
    }
    f.0
}

struct BodyExpander<'e, 's> {
    env: &'e mut Env<'s>,
    scope: Option<ScopeId>,
    /// The path of the body's module.
    module: String,
    error: Option<Diagnostic>,
}

impl BodyExpander<'_, '_> {
    /// The tokens a call of a program macro expands to, `None` if the path
    /// names no macro of the program; `f` parses and visits them.
    fn expand<T>(&mut self, mac: &syn::Macro, f: impl FnOnce(&mut Self, TokenStream, &Range<usize>) -> DResult<T>) -> Option<DResult<T>> {
        let (id, rules) = match self.env.resolve(&mac.path, self.scope, &self.module) {
            Ok(Some(found)) => found,
            Ok(None) => return None,
            Err(e) => return Some(Err(e)),
        };
        let call = range_of(mac);
        let tokens = match self.env.expand_call(id, &rules, mac) {
            Ok(t) => t,
            Err(e) => return Some(Err(e)),
        };
        let name = rules.name.clone();
        self.env.stack.push((call.clone(), name));
        let r = f(self, tokens, &call);
        self.env.stack.pop();
        Some(r)
    }

    fn fail(&mut self, e: Diagnostic) {
        if self.error.is_none() {
            self.error = Some(e);
        }
    }

    /// Statements with their macro calls and definitions expanded.
    fn stmts(&mut self, list: Vec<syn::Stmt>, out: &mut Vec<syn::Stmt>) {
        for mut stmt in list {
            if self.error.is_some() {
                return;
            }
            match &stmt {
                syn::Stmt::Item(syn::Item::Macro(mc)) if is_definition(mc) => {
                    match self.env.define_item(mc, false, self.scope) {
                        Ok(s) => self.scope = Some(s),
                        Err(e) => self.fail(e),
                    }
                    continue;
                }
                syn::Stmt::Macro(sm) => {
                    let semi = sm.semi_token;
                    let mac = sm.mac.clone();
                    let done = self.expand(&mac, |x, tokens, call| {
                        let parsed = syn::parse::Parser::parse2(syn::Block::parse_within, tokens).map_err(|e| expansion_error(&e, call))?;
                        let start = out.len();
                        x.stmts(parsed, out);
                        let produced = out.len() > start;
                        if let (Some(semi), Some(syn::Stmt::Expr(_, s @ None)), true) = (semi, out.last_mut(), produced) {
                            *s = Some(semi);
                        }
                        Ok(())
                    });
                    match done {
                        Some(Ok(())) => continue,
                        Some(Err(e)) => {
                            self.fail(e);
                            return;
                        }
                        None => {}
                    }
                }
                _ => {}
            }
            self.visit_stmt_mut(&mut stmt);
            out.push(stmt);
        }
    }

    /// Calls of program macros inside a builtin macro's tokens, replaced by
    /// their expansions (in parentheses, as one expression each).
    fn builtin_tokens(&mut self, tokens: TokenStream) -> DResult<TokenStream> {
        let toks: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out: Vec<TokenTree> = Vec::with_capacity(toks.len());
        let mut i = 0;
        while i < toks.len() {
            let path_end = path_len(&toks[i..]).map(|n| i + n);
            if let Some(j) = path_end.filter(|&j| is_bang(toks.get(j)) && matches!(toks.get(j + 1), Some(TokenTree::Group(_)))) {
                if let Ok(mac) = syn::parse2::<syn::Macro>(toks[i..j + 2].iter().cloned().collect()) {
                    let expanded = self.expand(&mac, |x, tokens, call| {
                        let mut e: syn::Expr = match syn::parse2(tokens.clone()) {
                            Ok(e) => e,
                            Err(_) => {
                                let block =
                                    syn::parse::Parser::parse2(syn::Block::parse_within, tokens).map_err(|e| expansion_error(&e, call))?;
                                syn::Expr::Block(syn::ExprBlock {
                                    attrs: Vec::new(),
                                    label: None,
                                    block: syn::Block { brace_token: Default::default(), stmts: block },
                                })
                            }
                        };
                        x.visit_expr_mut(&mut e);
                        Ok(e)
                    });
                    if expanded.is_none() && mac.path.is_ident("stringify") {
                        out.push(TokenTree::Literal(stringify(&mac)?));
                        i = j + 2;
                        continue;
                    }
                    match expanded {
                        Some(Ok(syn::Expr::Lit(lit))) => {
                            // a literal stays one (a string argument is text)
                            out.extend(lit.into_token_stream());
                            i = j + 2;
                            continue;
                        }
                        Some(Ok(e)) => {
                            let mut g = Group::new(Delimiter::Parenthesis, e.into_token_stream());
                            g.set_span(mac.path.segments[0].ident.span());
                            out.push(TokenTree::Group(g));
                            i = j + 2;
                            continue;
                        }
                        Some(Err(e)) => return Err(e),
                        None => {}
                    }
                }
            }
            match &toks[i] {
                TokenTree::Group(g) => {
                    let inner = self.builtin_tokens(g.stream())?;
                    let mut ng = Group::new(g.delimiter(), inner);
                    ng.set_span(g.span());
                    out.push(TokenTree::Group(ng));
                }
                other => out.push(other.clone()),
            }
            i += 1;
        }
        Ok(out.into_iter().collect())
    }

    fn builtin(&mut self, mac: &mut syn::Macro) {
        if self.error.is_none() {
            match self.builtin_tokens(mac.tokens.clone()) {
                Ok(t) => mac.tokens = t,
                Err(e) => self.fail(e),
            }
        }
    }
}

/// `stringify!(..)` as a string literal: identifiers and literals joined
/// by spaces, paths by `::`, as rustc prints them.
fn stringify(mac: &syn::Macro) -> DResult<proc_macro2::Literal> {
    let mut text = String::new();
    let mut glue = true;
    for tt in mac.tokens.clone() {
        match &tt {
            TokenTree::Punct(p) if p.as_char() == ':' => {
                text.push(':');
                glue = true;
                continue;
            }
            TokenTree::Ident(_) | TokenTree::Literal(_) => {
                if !glue {
                    text.push(' ');
                }
                text.push_str(&tt.to_string());
            }
            // FIXME(stringify): rustc's spacing of punctuation and groups
            _ => return Err(Diagnostic::unsupported("`stringify!` of punctuation or groups", range_of(mac))),
        }
        glue = false;
    }
    let mut lit = proc_macro2::Literal::string(&text);
    lit.set_span(mac.path.segments[0].ident.span());
    Ok(lit)
}

fn is_bang(t: Option<&TokenTree>) -> bool {
    matches!(t, Some(TokenTree::Punct(p)) if p.as_char() == '!')
}

/// The length of the path `a::b::c` at the start of `toks`, if one is there.
fn path_len(toks: &[TokenTree]) -> Option<usize> {
    let colon = |t: Option<&TokenTree>| matches!(t, Some(TokenTree::Punct(p)) if p.as_char() == ':');
    let TokenTree::Ident(_) = toks.first()? else { return None };
    let mut n = 1;
    while colon(toks.get(n)) && colon(toks.get(n + 1)) && matches!(toks.get(n + 2), Some(TokenTree::Ident(_))) {
        n += 3;
    }
    Some(n)
}

impl VisitMut for BodyExpander<'_, '_> {
    fn visit_block_mut(&mut self, b: &mut syn::Block) {
        let saved = self.scope;
        let stmts = std::mem::take(&mut b.stmts);
        let mut out = Vec::with_capacity(stmts.len());
        self.stmts(stmts, &mut out);
        b.stmts = out;
        self.scope = saved;
    }

    fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
        if self.error.is_some() {
            return;
        }
        if let syn::Expr::Macro(m) = e {
            let mac = m.mac.clone();
            let done = self.expand(&mac, |x, tokens, call| {
                let mut new: syn::Expr = syn::parse2(tokens).map_err(|e| expansion_error(&e, call))?;
                x.visit_expr_mut(&mut new);
                Ok(new)
            });
            match done {
                Some(Ok(new)) => *e = new,
                Some(Err(d)) => self.fail(d),
                None => self.builtin(&mut m.mac),
            }
            return;
        }
        syn::visit_mut::visit_expr_mut(self, e);
    }

    fn visit_pat_mut(&mut self, p: &mut syn::Pat) {
        if let syn::Pat::Macro(m) = p {
            let mac = m.mac.clone();
            let done = self.expand(&mac, |x, tokens, call| {
                let parser = syn::Pat::parse_multi_with_leading_vert;
                let mut new = syn::parse::Parser::parse2(parser, tokens).map_err(|e| expansion_error(&e, call))?;
                x.visit_pat_mut(&mut new);
                Ok(new)
            });
            match done {
                Some(Ok(new)) => *p = new,
                Some(Err(d)) => self.fail(d),
                None => {}
            }
            return;
        }
        syn::visit_mut::visit_pat_mut(self, p);
    }

    fn visit_type_mut(&mut self, t: &mut syn::Type) {
        if let syn::Type::Macro(m) = t {
            let mac = m.mac.clone();
            let done = self.expand(&mac, |x, tokens, call| {
                let mut new: syn::Type = syn::parse2(tokens).map_err(|e| expansion_error(&e, call))?;
                x.visit_type_mut(&mut new);
                Ok(new)
            });
            match done {
                Some(Ok(new)) => *t = new,
                Some(Err(d)) => self.fail(d),
                None => {}
            }
            return;
        }
        syn::visit_mut::visit_type_mut(self, t);
    }

    fn visit_stmt_macro_mut(&mut self, m: &mut syn::StmtMacro) {
        // a builtin macro in statement position (program macros were
        // expanded by `stmts`)
        self.builtin(&mut m.mac);
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {
        // items in bodies are rejected by lowering; their macros stay
    }
}
