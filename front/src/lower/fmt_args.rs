//! Format arguments evaluated before the print writes anything, in the written
//! order, as rustc's `format_args!` does: spilled into locals of the print when
//! one may have an effect.

use hybrid_ir::{Expr, ExprKind, Handle, Stmt};

use super::FnLower;
use crate::diag::DResult;

impl FnLower<'_> {
    /// Every format argument but a string literal (which may become text) lowered
    /// first, in the written order, as rustc's `format_args!` evaluates them all
    /// before it writes anything. When one may have an effect (a call), each that is
    /// not a local is spilled into a local of the print (`println!("{} {}", s(3), f(4))`
    /// where `f` prints: `f`'s line comes before the print's); else only one used
    /// twice is, the others are read where they are printed (a panic there, of an
    /// index, leaves the line unprinted, as rustc's evaluation first does).
    pub(super) fn format_args_first(
        &mut self,
        written: &[&syn::Expr],
        counts: &[usize],
        stmts: &mut Vec<Stmt>,
    ) -> DResult<Vec<Option<Handle<Expr>>>> {
        let mut lowered = vec![None; written.len()];
        let any_effects = written.iter().any(|e| may_have_effects(e));
        for (i, e) in written.iter().enumerate() {
            if matches!(e, syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(_), .. })) {
                continue;
            }
            let v = self.operand(e)?;
            let keep = match self.kind(v) {
                ExprKind::Local(_) => true,
                ExprKind::Literal(_) => counts[i] == 1,
                _ => !any_effects && counts[i] == 1,
            };
            let mut v = if keep { v } else { self.pin_arg(v, stmts)? };
            // (one read in several places is a local's)
            if counts[i] > 1 && !matches!(self.kind(v), ExprKind::Local(_)) {
                let (st, place) = self.spill(v, "fmt_arg");
                stmts.push(st);
                v = place;
            }
            lowered[i] = Some(v);
        }
        Ok(lowered)
    }

    /// Format argument `v` evaluated now, into locals of the print: a value is
    /// spilled; a place keeps being read where it is printed (a `String` field is
    /// not moved) but its temporaries and indices are evaluated now, and an indexed
    /// one is borrowed now (its bounds checked in the written order).
    fn pin_arg(&mut self, v: Handle<Expr>, stmts: &mut Vec<Stmt>) -> DResult<Handle<Expr>> {
        if !self.kind(v).is_place() {
            return Ok(self.pin_value(v, stmts));
        }
        if !self.pin_place(v, stmts) {
            return Ok(v);
        }
        let (ty, range) = (self.ty(v), self.range(v));
        let addr = self.take_address(v, false, &range)?;
        let (st, r) = self.spill(addr, "fmt_arg");
        stmts.push(st);
        Ok(self.push(ExprKind::Deref(r), ty, &range))
    }

    /// The temporaries and indices of place `e` spilled (`make(1).name`,
    /// `v[idx(2)]`); does it index?
    fn pin_place(&mut self, e: Handle<Expr>, stmts: &mut Vec<Stmt>) -> bool {
        match self.kind(e).clone() {
            ExprKind::Field { base, .. } => {
                let (b, indexed) = self.pin_base(base, stmts);
                if let ExprKind::Field { base, .. } = &mut self.exprs[e].kind {
                    *base = b;
                }
                indexed
            }
            ExprKind::Index { base, index } => {
                let (b, _) = self.pin_base(base, stmts);
                let i = self.pin_value(index, stmts);
                self.exprs[e].kind = ExprKind::Index { base: b, index: i };
                true
            }
            ExprKind::Deref(p) => {
                let p = self.pin_value(p, stmts);
                self.exprs[e].kind = ExprKind::Deref(p);
                false
            }
            _ => false,
        }
    }

    fn pin_base(&mut self, base: Handle<Expr>, stmts: &mut Vec<Stmt>) -> (Handle<Expr>, bool) {
        if self.kind(base).is_place() {
            let indexed = self.pin_place(base, stmts);
            (base, indexed)
        } else {
            (self.pin_value(base, stmts), false)
        }
    }

    /// `v` in a local of the print unless it is a local or a literal.
    fn pin_value(&mut self, v: Handle<Expr>, stmts: &mut Vec<Stmt>) -> Handle<Expr> {
        if matches!(self.kind(v), ExprKind::Local(_) | ExprKind::Literal(_)) {
            return v;
        }
        let (st, place) = self.spill(v, "fmt_arg");
        stmts.push(st);
        place
    }
}

/// May evaluating `e` be seen before its print (a call, an assignment)? Reading
/// locals, their fields, elements and through references, and arithmetic, may not.
fn may_have_effects(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Lit(_) | syn::Expr::Path(_) => false,
        syn::Expr::Paren(p) => may_have_effects(&p.expr),
        syn::Expr::Group(g) => may_have_effects(&g.expr),
        syn::Expr::Field(f) => may_have_effects(&f.base),
        syn::Expr::Reference(r) => may_have_effects(&r.expr),
        syn::Expr::Cast(c) => may_have_effects(&c.expr),
        syn::Expr::Unary(u) => may_have_effects(&u.expr),
        syn::Expr::Tuple(t) => t.elems.iter().any(may_have_effects),
        syn::Expr::Array(a) => a.elems.iter().any(may_have_effects),
        syn::Expr::Index(i) => may_have_effects(&i.expr) || may_have_effects(&i.index),
        syn::Expr::Binary(b) => may_have_effects(&b.left) || may_have_effects(&b.right),
        _ => true,
    }
}
