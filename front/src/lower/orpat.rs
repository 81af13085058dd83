//! Or-patterns whose alternatives bind names (`Op::Add(x) | Op::Sub(x)`
//! inside a pattern, or in `if let`/`let .. else`): each name is one local
//! declared before the tests; the alternative that matches assigns it.

use std::ops::Range;

use hybrid_ir::{Expr, ExprKind, Handle, Stmt};

use super::pattern::{Binding, Mode, PatOut, PlacePath};
use super::FnLower;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::infer::Shape;

impl<'i> FnLower<'i> {
    /// The test of each alternative of an or-pattern; bindings become
    /// locals (in `out.pre`) that the matching alternative assigns, and
    /// `out.binds` reads them. E0408 when the alternatives bind different
    /// names, E0308 when a name's types differ.
    pub(crate) fn or_alternatives(
        &mut self,
        alts: Vec<(&syn::Pat, PatOut)>,
        out: &mut PatOut,
        range: &Range<usize>,
    ) -> DResult<Vec<Handle<Expr>>> {
        let mut names: Vec<(String, Range<usize>)> = Vec::new();
        for (_, sub) in &alts {
            for b in &sub.binds {
                if !names.iter().any(|(n, _)| *n == b.name) {
                    names.push((b.name.clone(), b.range.clone()));
                }
            }
        }
        if names.is_empty() {
            let mut conds = Vec::new();
            for (_, sub) in alts {
                out.pre.extend(sub.pre);
                conds.push(self.all_of(sub.conds, range));
            }
            return Ok(conds);
        }
        for (p, sub) in &alts {
            if let Some((missing, at)) = names.iter().find(|(n, _)| !sub.binds.iter().any(|b| b.name == *n)) {
                return Err(Diagnostic::at(
                    Some("E0408"),
                    format!("variable `{missing}` is not bound in all patterns"),
                    range_of(*p),
                    format!("pattern doesn't bind `{missing}`"),
                )
                .secondary(at.clone(), "variable not in all patterns"));
            }
        }
        // one local per name, typed by the first alternative
        let first = &alts[0].1;
        let mut locals = Vec::new();
        for (name, _) in &names {
            let b = first.binds.iter().find(|b| b.name == *name).expect("checked above");
            let ty = match b.mode {
                Mode::Move => b.ty,
                Mode::Ref | Mode::RefMut => {
                    self.infer.known(Shape::Ptr { pointee: b.ty, mutable: b.mode == Mode::RefMut, reference: true })
                }
            };
            let l = self.new_local(name, ty, true, b.range.clone());
            out.pre.push(Stmt::Let { local: l, init: None });
            locals.push((l, ty, b.mutable, b.range.clone()));
        }
        let mut conds = Vec::new();
        for (_, sub) in alts {
            out.pre.extend(std::mem::take(&mut { sub.pre }));
            let test = self.all_of(sub.conds, range);
            let mut assigns = Vec::new();
            for ((name, _), (l, lty, _, _)) in names.iter().zip(&locals) {
                let b = sub.binds.iter().find(|b| b.name == *name).expect("checked above");
                let value = self.binding_value(b, range);
                let vty = self.ty(value);
                if self.infer.unify(*lty, vty).is_err() {
                    let (e, f) = (self.describe(*lty), self.describe(vty));
                    return Err(Diagnostic::at(Some("E0308"), "mismatched types", b.range.clone(), format!("expected {e}, found {f}"))
                        .note("in the same arm, a binding must have the same type in all alternatives"));
                }
                let place = self.local_expr(*l, range);
                let unit = self.infer.unit();
                assigns.push(Stmt::Expr(self.push(ExprKind::Assign { place, value }, unit, range)));
            }
            let yes = self.lit_bool(true, range);
            let then = self.block_expr(assigns, Some(yes), range);
            let no = self.lit_bool(false, range);
            let bool_ty = self.scalar_ty(hybrid_ir::Scalar::Bool);
            conds.push(self.push(ExprKind::If { cond: test, then, otherwise: Some(no) }, bool_ty, range));
        }
        for ((name, _), (l, lty, mutable, r)) in names.into_iter().zip(locals) {
            out.binds.push(Binding { name, mutable, mode: Mode::Move, place: PlacePath { local: l, proj: Vec::new() }, ty: lty, range: r });
        }
        Ok(conds)
    }

    /// The value a binding takes: its place, or the place's address.
    fn binding_value(&mut self, b: &Binding, range: &Range<usize>) -> Handle<Expr> {
        let place = self.place_expr(&b.place, range);
        match b.mode {
            Mode::Move => place,
            Mode::Ref | Mode::RefMut => {
                let mutable = b.mode == Mode::RefMut;
                let ty = self.infer.known(Shape::Ptr { pointee: b.ty, mutable, reference: true });
                self.push(ExprKind::AddrOf { place, mutable }, ty, range)
            }
        }
    }
}
