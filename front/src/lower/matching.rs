//! `match`, `if let`, `while let`, `let .. else`, `matches!` and
//! destructuring `let`: a chain of `If`s over pattern tests, the
//! bindings `let`s in each arm's scope, exhaustiveness checked first.

use std::ops::Range;

use hybrid_ir::{Expr, ExprKind, Handle, Intrinsic, Scalar, Stmt};

use super::exhaust::Ap;
use super::pattern::{Mode, PatOut};
use super::FnLower;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::infer::VarKind;

impl<'i> FnLower<'i> {
    pub(crate) fn match_expr(&mut self, m: &syn::ExprMatch) -> DResult<Handle<Expr>> {
        let range = range_of(m);
        let value = self.expr(&m.expr)?;
        let mut stmts = Vec::new();
        let (place, ty) = self.scrutinee(value, &mut stmts);
        let result_ty = self.infer.var(VarKind::General);
        let mut all_never = true;
        let mut arms: Vec<(Handle<Expr>, Handle<Expr>, bool)> = Vec::new();
        let mut aps: Vec<Ap> = Vec::new();
        for arm in &m.arms {
            let (arm_pat, arm_guard) = crate::syntax::arm_parts(arm);
            let alts: Vec<&syn::Pat> = match arm_pat {
                syn::Pat::Or(o) => o.cases.iter().collect(),
                p => vec![p],
            };
            let mut lowered = Vec::new();
            for p in &alts {
                let mut out = PatOut::default();
                let ap = self.pattern(p, &place, ty, Mode::Move, &mut out)?;
                stmts.append(&mut out.pre);
                lowered.push((*p, ap, out));
            }
            check_same_bindings(&lowered)?;
            for (p, ap, mut out) in lowered {
                let r = range_of(p);
                let mut conds = std::mem::take(&mut out.conds);
                let guarded = arm_guard.is_some();
                if let Some(guard) = arm_guard {
                    self.scopes.push(Vec::new());
                    let binds = self.bind_all(&out.binds, &r);
                    let bool_ty = self.scalar_ty(Scalar::Bool);
                    let g = self.lower_coerced(guard, bool_ty);
                    self.scopes.pop();
                    let g = g?;
                    conds.push(self.block_expr(binds, Some(g), &range_of(guard)));
                } else {
                    aps.push(ap);
                }
                let cond = self.all_of(conds, &r);
                self.scopes.push(Vec::new());
                let binds = self.bind_all(&out.binds, &r);
                let body = self.expr(&arm.body);
                self.scopes.pop();
                let body = body?;
                let bty = self.ty(body);
                if !self.infer.is_never(bty) {
                    all_never = false;
                    if self.infer.unify(result_ty, bty).is_err() {
                        let (a, b) = (self.describe(result_ty), self.describe(bty));
                        return Err(Diagnostic::at(
                            Some("E0308"),
                            "`match` arms have incompatible types",
                            range_of(&arm.body),
                            format!("expected {a}, found {b}"),
                        ));
                    }
                }
                let body_range = range_of(&arm.body);
                let body = self.block_expr(binds, Some(body), &body_range);
                arms.push((cond, body, guarded));
            }
        }
        if m.arms.is_empty() && self.enum_of(ty).is_none() {
            // rustc lists an enum's variants, but says this of other types
            // FIXME(uninhabited types): every type hybridc knows has values
            let t = self.describe(ty);
            return Err(Diagnostic::at(Some("E0004"), format!("non-exhaustive patterns: type {t} is non-empty"), range_of(&m.expr), "")
                .note(format!("the matched value is of type {t}")));
        }
        self.check_exhaustive(aps, ty, &range_of(&m.expr), false).map_err(|d| self.non_exhaustive_help(*d, ty, &m.arms))?;
        let ty_out = if all_never { self.infer.never() } else { result_ty };
        let never = self.infer.never();
        let mut acc: Option<Handle<Expr>> = None;
        for (cond, body, guarded) in arms.into_iter().rev() {
            acc = Some(match acc {
                // exhaustive: reaching the last unguarded arm means it matches
                None if !guarded => body,
                None => {
                    let trap = self.push(ExprKind::Intrinsic { op: Intrinsic::Trap, args: vec![] }, never, &range);
                    self.push(ExprKind::If { cond, then: body, otherwise: Some(trap) }, ty_out, &range)
                }
                Some(rest) => self.push(ExprKind::If { cond, then: body, otherwise: Some(rest) }, ty_out, &range),
            });
        }
        let tail = match acc {
            Some(a) => a,
            None => self.push(ExprKind::Intrinsic { op: Intrinsic::Trap, args: vec![] }, never, &range),
        };
        let b = self.block_expr(stmts, Some(tail), &range);
        self.etys[b.index()] = ty_out;
        Ok(b)
    }

    /// The test of `let PAT = EXPR` in a condition; the scrutinee's `let`
    /// goes to `stmts`, the bindings are returned unbound.
    fn let_cond(&mut self, l: &syn::ExprLet, stmts: &mut Vec<Stmt>) -> DResult<(Handle<Expr>, PatOut)> {
        let value = self.expr(&l.expr)?;
        let (place, ty) = self.scrutinee(value, stmts);
        let mut out = PatOut::default();
        self.pattern(&l.pat, &place, ty, Mode::Move, &mut out)?;
        stmts.append(&mut out.pre);
        let conds = std::mem::take(&mut out.conds);
        let cond = self.all_of(conds, &range_of(&l.pat));
        Ok((cond, out))
    }

    pub(crate) fn if_let(&mut self, i: &syn::ExprIf, l: &syn::ExprLet) -> DResult<Handle<Expr>> {
        let range = range_of(i);
        let mut stmts = Vec::new();
        let (cond, out) = self.let_cond(l, &mut stmts)?;
        self.scopes.push(Vec::new());
        let binds = self.bind_all(&out.binds, &range_of(&l.pat));
        let then = self.block(&i.then_branch, None);
        self.scopes.pop();
        let then = then?;
        let tt = self.ty(then);
        let then_range = range_of(&i.then_branch);
        let then = self.block_expr(binds, Some(then), &then_range);
        let (otherwise, ty) = match &i.else_branch {
            None => {
                let unit = self.infer.unit();
                if !self.infer.is_never(tt) && self.infer.unify(unit, tt).is_err() {
                    let found = self.describe(tt);
                    return Err(Diagnostic::at(
                        Some("E0317"),
                        "`if` may be missing an `else` clause",
                        range,
                        format!("expected `()`, found {found}"),
                    ));
                }
                (self.lit_unit(&range), unit)
            }
            Some((_, e)) => {
                let other = self.expr(e)?;
                let et = self.ty(other);
                let ty = if self.infer.is_never(tt) {
                    et
                } else if self.infer.is_never(et) {
                    tt
                } else {
                    if self.infer.unify(tt, et).is_err() {
                        let (a, b) = (self.describe(tt), self.describe(et));
                        return Err(Diagnostic::at(
                            Some("E0308"),
                            "`if` and `else` have incompatible types",
                            range_of(e),
                            format!("expected {a}, found {b}"),
                        ));
                    }
                    tt
                };
                (other, ty)
            }
        };
        let ife = self.push(ExprKind::If { cond, then, otherwise: Some(otherwise) }, ty, &range);
        let b = self.block_expr(stmts, Some(ife), &range);
        Ok(b)
    }

    pub(crate) fn while_let(&mut self, w: &syn::ExprWhile, l: &syn::ExprLet) -> DResult<Handle<Expr>> {
        let range = range_of(w);
        let id = self.new_loop_id();
        let break_ty = self.infer.var(VarKind::General);
        self.loops.push(super::LoopCx {
            label: w.label.as_ref().map(|l| l.name.ident.to_string()),
            id,
            kind: super::LoopKind::Other,
            break_ty,
            broken: false,
        });
        let r = (|| {
            let mut stmts = Vec::new();
            let (cond, out) = self.let_cond(l, &mut stmts)?;
            self.scopes.push(Vec::new());
            let binds = self.bind_all(&out.binds, &range_of(&l.pat));
            let unit = self.infer.unit();
            let body = self.block(&w.body, Some(unit));
            self.scopes.pop();
            let body = body?;
            let body = self.block_expr(binds, Some(body), &range);
            let never = self.infer.never();
            let brk = self.push(ExprKind::Break { target: id, value: None }, never, &range);
            let ife = self.push(ExprKind::If { cond, then: body, otherwise: Some(brk) }, unit, &range);
            stmts.push(Stmt::Expr(ife));
            Ok(self.block_expr(stmts, None, &range))
        })();
        self.loops.pop();
        let body = r?;
        let unit = self.infer.unit();
        Ok(self.push(ExprKind::Loop { body, id }, unit, &range))
    }

    /// `let PAT = init else { .. };` and refutable-checked destructuring
    /// `let PAT = init;`: the bindings stay in the current scope.
    pub(crate) fn let_pattern(
        &mut self,
        pat: &syn::Pat,
        ty: crate::infer::TyId,
        init: Handle<Expr>,
        diverge: Option<&syn::Expr>,
    ) -> DResult<Vec<Stmt>> {
        let range = range_of(pat);
        if let syn::Pat::Or(_) = pat {
            return Err(Diagnostic::at(None, "`let` bindings require top-level or-patterns in parentheses", range, "")
                .help("wrap the pattern in parentheses"));
        }
        let mut stmts = Vec::new();
        let _ = ty;
        let (place, ty) = self.scrutinee(init, &mut stmts);
        let mut out = PatOut::default();
        let ap = self.pattern(pat, &place, ty, Mode::Move, &mut out)?;
        stmts.append(&mut out.pre);
        let conds = std::mem::take(&mut out.conds);
        match diverge {
            None => {
                self.check_exhaustive(vec![ap], ty, &range, true).map_err(|d| *d)?;
                // irrefutable: the tests only matter for the assignments of
                // bindings inside or-patterns
                if !conds.is_empty() {
                    stmts.push(Stmt::Expr(self.all_of(conds, &range)));
                }
            }
            Some(e) => {
                let cond = self.all_of(conds, &range);
                let other = self.expr(e)?;
                let et = self.ty(other);
                if !self.infer.is_never(et) {
                    let found = self.describe(et);
                    return Err(Diagnostic::at(
                        Some("E0308"),
                        "`else` clause of `let...else` does not diverge",
                        range_of(e),
                        format!("expected `!`, found {found}"),
                    )
                    .help("try adding a diverging expression, such as `return` or `panic!(..)`"));
                }
                let not = self.not(cond, &range);
                let unit = self.infer.unit();
                stmts.push(Stmt::Expr(self.push(ExprKind::If { cond: not, then: other, otherwise: None }, unit, &range)));
            }
        }
        stmts.extend(self.bind_all(&out.binds, &range));
        Ok(stmts)
    }

    /// `matches!(e, PAT)` / `matches!(e, PAT if guard)`.
    pub(crate) fn matches_macro(&mut self, mac: &syn::Macro, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let parser = |input: syn::parse::ParseStream| -> syn::Result<(syn::Expr, syn::Pat, Option<syn::Expr>)> {
            let e: syn::Expr = input.parse()?;
            input.parse::<syn::Token![,]>()?;
            let p = syn::Pat::parse_multi_with_leading_vert(input)?;
            let guard = if input.peek(syn::Token![if]) {
                input.parse::<syn::Token![if]>()?;
                Some(input.parse()?)
            } else {
                None
            };
            if input.peek(syn::Token![,]) {
                input.parse::<syn::Token![,]>()?;
            }
            Ok((e, p, guard))
        };
        let (e, pat, guard) = syn::parse::Parser::parse2(parser, mac.tokens.clone())
            .map_err(|err| Diagnostic::at(None, err.to_string(), range.clone(), "in this `matches!`"))?;
        let mut stmts = Vec::new();
        let value = self.expr(&e)?;
        let (place, ty) = self.scrutinee(value, &mut stmts);
        let mut out = PatOut::default();
        self.pattern(&pat, &place, ty, Mode::Move, &mut out)?;
        stmts.append(&mut out.pre);
        let mut conds = std::mem::take(&mut out.conds);
        if let Some(g) = &guard {
            self.scopes.push(Vec::new());
            let binds = self.bind_all(&out.binds, range);
            let bool_ty = self.scalar_ty(Scalar::Bool);
            let gv = self.lower_coerced(g, bool_ty);
            self.scopes.pop();
            let gv = gv?;
            conds.push(self.block_expr(binds, Some(gv), range));
        }
        let cond = self.all_of(conds, range);
        Ok(self.block_expr(stmts, Some(cond), range))
    }
}

/// E0408 unless every alternative of an or-pattern binds the same names
/// (reported, as rustc does, at the first alternative missing one).
fn check_same_bindings(alts: &[(&syn::Pat, Ap, PatOut)]) -> DResult<()> {
    let mut all: Vec<(&str, Range<usize>)> = Vec::new();
    for (_, _, out) in alts {
        for b in &out.binds {
            if !all.iter().any(|(n, _)| *n == b.name) {
                all.push((&b.name, b.range.clone()));
            }
        }
    }
    for (p, _, out) in alts {
        if let Some((missing, bound_at)) = all.iter().find(|(n, _)| !out.binds.iter().any(|b| b.name == *n)) {
            return Err(Diagnostic::at(
                Some("E0408"),
                format!("variable `{missing}` is not bound in all patterns"),
                range_of(*p),
                format!("pattern doesn't bind `{missing}`"),
            )
            .secondary(bound_at.clone(), "variable not in all patterns"));
        }
    }
    Ok(())
}

/// The destructuring patterns of a function's parameters (by index),
/// parsed from their source ranges as pieces of the body's scope (after
/// its origin is set: the body's spans keep mapping to it).
pub(crate) fn parse_param_patterns(source: &str, decl: &crate::resolve::FnDecl) -> syn::Result<Vec<(usize, syn::Pat)>> {
    let mut out = Vec::new();
    for (i, p) in decl.params.iter().enumerate() {
        if let Some(r) = &p.pattern {
            // (the text was part of the parsed signature: it lexes)
            let tokens = crate::ranges::parse_piece(source, r.clone())
                .ok_or_else(|| syn::Error::new(proc_macro2::Span::call_site(), "a parameter pattern that does not lex"))?;
            out.push((i, syn::parse::Parser::parse2(syn::Pat::parse_single, tokens)?));
        }
    }
    Ok(out)
}

impl<'i> FnLower<'i> {
    /// Bind the parameters' destructuring patterns (irrefutable, E0005).
    pub(crate) fn param_patterns(
        &mut self,
        params: &[hybrid_ir::Handle<hybrid_ir::Local>],
        patterns: &[(usize, syn::Pat)],
    ) -> DResult<Vec<Stmt>> {
        let mut stmts = Vec::new();
        for (i, pat) in patterns {
            let range = range_of(pat);
            if let syn::Pat::Or(_) = pat {
                return Err(Diagnostic::at(None, "function parameters require top-level or-patterns in parentheses", range, "")
                    .help("wrap the pattern in parentheses"));
            }
            let local = params[*i];
            let ty = self.local_ty(local);
            let place = super::pattern::PlacePath { local, proj: Vec::new() };
            let mut out = PatOut::default();
            let ap = self.pattern(pat, &place, ty, Mode::Move, &mut out)?;
            stmts.append(&mut out.pre);
            self.check_exhaustive(vec![ap], ty, &range, true).map_err(|d| {
                let mut d = *d;
                d.message = "refutable pattern in function argument".into();
                d
            })?;
            let conds = std::mem::take(&mut out.conds);
            if !conds.is_empty() {
                stmts.push(Stmt::Expr(self.all_of(conds, &range)));
            }
            stmts.extend(self.bind_all(&out.binds, &range));
        }
        Ok(stmts)
    }

    /// The body with the parameters' pattern bindings first.
    pub(crate) fn with_param_patterns(&mut self, stmts: Vec<Stmt>, body: Handle<Expr>) -> Handle<Expr> {
        if stmts.is_empty() {
            return body;
        }
        let range = self.range(body);
        let ty = self.ty(body);
        let b = self.block_expr(stmts, Some(body), &range);
        self.etys[b.index()] = ty;
        b
    }
}
