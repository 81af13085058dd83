//! Blocks, `let`, and control flow: `if`, `while`, `loop`, `for` over ranges
//! (desugared to `Loop` + `If` + `Break`), `break`, `continue`, `return`.

use std::ops::Range;

use hybrid_ir::{BinaryOp, Block, Expr, ExprKind, Handle, Scalar, Stmt, UnaryOp};

use super::{FnLower, LoopCx, LoopKind};
use crate::diag::{range_of, DResult, Diagnostic};
use crate::infer::{Shape, TyId, VarKind};

/// How a `for` loop walks its range.
struct RangeLoop<'s> {
    start: &'s syn::Expr,
    end: &'s syn::Expr,
    inclusive: bool,
    rev: bool,
    step: Option<&'s syn::Expr>,
    /// The `step_by` method name (where a zero step panics).
    step_call: Range<usize>,
}

impl<'i> FnLower<'i> {
    /// A `{ .. }` block in a new scope; its tail is coerced to `expected`.
    pub(crate) fn block(&mut self, b: &syn::Block, expected: Option<TyId>) -> DResult<Handle<Expr>> {
        let range = range_of(b);
        self.scopes.push(Vec::new());
        // a block that declares items resolves paths from its own block module
        let scopes = &self.items.tree.block_scopes;
        let scope = if scopes.is_empty() { None } else { scopes.get(&crate::ranges::block_range(b).start).map(|&(_, m)| m) };
        if let Some(m) = scope {
            self.block_modules.push(m);
        }
        let r = self.block_inner(b, expected, &range);
        if scope.is_some() {
            self.block_modules.pop();
        }
        self.scopes.pop();
        r
    }

    fn block_inner(&mut self, b: &syn::Block, expected: Option<TyId>, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let mut stmts = Vec::new();
        let mut tail = None;
        let mut diverges = false;
        // the statement that diverged first (`unreachable_code`), until reported
        let mut diverged_at: Option<Range<usize>> = None;
        let n = b.stmts.len();
        for (i, s) in b.stmts.iter().enumerate() {
            let last = i + 1 == n;
            if let Some(cause) = diverged_at.take_if(|_| !matches!(s, syn::Stmt::Item(_))) {
                self.note_unreachable(crate::lower::lints::stmt_range(s), cause, range.end);
            }
            let diverged_before = diverges;
            let is_tail = last
                && match s {
                    syn::Stmt::Expr(_, semi) => semi.is_none(),
                    syn::Stmt::Macro(m) => m.semi_token.is_none(),
                    _ => false,
                };
            self.note_stmt_allows(s);
            let m = self.stmt_mark();
            match self.block_stmt(s, last, expected, &mut stmts, &mut tail, &mut diverges) {
                Ok(()) => self.stmt_done(&m, is_tail),
                Err(e) if is_tail => tail = Some(self.recover_tail(e, m, s, &crate::lower::lints::stmt_range(s))?),
                Err(e) => self.recover_stmt(e, m, s)?,
            }
            if diverges && !diverged_before && self.lints.enabled {
                diverged_at = Some(crate::lower::lints::diverging_range(s));
            }
        }
        if let (Some(t), Some(exp)) = (tail, expected) {
            tail = Some(self.coerce(t, exp)?);
        }
        let ty = match tail {
            Some(t) => self.ty(t),
            None if diverges => self.infer.never(),
            None => self.infer.unit(),
        };
        Ok(self.push(ExprKind::Block(Block { stmts, tail }), ty, range))
    }

    /// One statement of a block, pushed onto `stmts` (or made its `tail`);
    /// nothing is pushed when it fails.
    fn block_stmt(
        &mut self,
        s: &syn::Stmt,
        last: bool,
        expected: Option<TyId>,
        stmts: &mut Vec<Stmt>,
        tail: &mut Option<Handle<Expr>>,
        diverges: &mut bool,
    ) -> DResult<()> {
        match s {
            syn::Stmt::Local(l) => {
                crate::cfg::check_stmt_attrs(&l.attrs, crate::ranges::byte_range(l.let_token.span).start..range_of(l).end)?;
                let lowered = self.let_stmt(l)?;
                for st in &lowered {
                    if let Stmt::Let { init: Some(e), .. } = st {
                        *diverges |= self.infer.is_never(self.ty(*e));
                    }
                }
                stmts.extend(lowered);
            }
            // collected with the function (`walk.rs`: the body's block module)
            syn::Stmt::Item(_) => {}
            syn::Stmt::Expr(e, semi) => {
                crate::cfg::check_expr_attrs(e)?;
                let h = match (last && semi.is_none(), expected) {
                    (true, Some(exp)) => self.expr_expecting(e, exp)?,
                    _ => self.expr(e)?,
                };
                let t = self.ty(h);
                if last && semi.is_none() {
                    *tail = Some(h);
                } else {
                    if semi.is_none() && !self.infer.is_never(t) {
                        // a block-like expression statement must be `()`
                        let unit = self.infer.unit();
                        self.expect_ty(unit, t, &range_of(e))?;
                    }
                    *diverges |= self.infer.is_never(t);
                    stmts.push(Stmt::Expr(h));
                }
            }
            syn::Stmt::Macro(m) => {
                let h = self.macro_call(&m.mac, &range_of(m))?;
                let t = self.ty(h);
                if last && m.semi_token.is_none() {
                    *tail = Some(h);
                } else {
                    *diverges |= self.infer.is_never(t);
                    stmts.push(Stmt::Expr(h));
                }
            }
        }
        Ok(())
    }

    fn let_stmt(&mut self, l: &syn::Local) -> DResult<Vec<Stmt>> {
        if let Some(init) = &l.init {
            if let Some((_, diverge)) = &init.diverge {
                let v = self.expr(&init.expr)?;
                let ty = self.ty(v);
                return self.let_pattern(&l.pat, ty, v, Some(diverge));
            }
        }
        let (pat, declared) = match &l.pat {
            syn::Pat::Type(pt) => (&*pt.pat, Some(self.convert_type(&pt.ty)?)),
            p => (p, None),
        };
        let init = match &l.init {
            Some(init) => Some(match declared {
                Some(t) => self.lower_coerced(&init.expr, t).map_err(|e| expected_due_to(e, &init.expr, &l.pat))?,
                None => self.expr(&init.expr)?,
            }),
            None => None,
        };
        let mut init = init;
        let ty = match (declared, init) {
            (Some(t), _) => t,
            // `let x = loop {};`: a diverging initializer's type falls back to `()`
            // (rustc's diverging fallback), never `!` itself
            (None, Some(i)) if self.infer.is_never(self.ty(i)) => {
                let unit = self.infer.unit();
                init = Some(self.coerce(i, unit)?);
                unit
            }
            (None, Some(i)) => self.ty(i),
            (None, None) => self.infer.var(VarKind::General),
        };
        let stmts = self.bind_pattern(pat, ty, init)?;
        if let (Some(i), syn::Pat::Ident(_)) = (&l.init, pat) {
            self.note_let_init(&stmts, &i.expr);
        }
        Ok(stmts)
    }

    /// Bind a `let` pattern (identifier, `_`, tuple of those) to `init`.
    pub(crate) fn bind_pattern(&mut self, pat: &syn::Pat, ty: TyId, init: Option<Handle<Expr>>) -> DResult<Vec<Stmt>> {
        match pat {
            syn::Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                let name = pi.ident.to_string();
                let l = self.new_local(&name, ty, pi.mutability.is_some(), range_of(&pi.ident));
                if init.is_none() {
                    self.late_init.insert(l);
                }
                if let Some(o) = init.and_then(|e| self.opaque_values.get(&e).cloned()) {
                    self.opaque_locals.insert(l, o);
                }
                self.bind(&name, l);
                Ok(vec![Stmt::Let { local: l, init }])
            }
            syn::Pat::Wild(_) => Ok(init.map(Stmt::Expr).into_iter().collect()),
            // `let () = ..`: the unit value, nothing to bind
            syn::Pat::Tuple(t) if t.elems.is_empty() => {
                let unit = self.infer.unit();
                self.expect_ty(unit, ty, &range_of(t))?;
                Ok(init.map(Stmt::Expr).into_iter().collect())
            }
            syn::Pat::Tuple(t) => {
                let Some(init) = init else {
                    return Err(Diagnostic::unsupported("tuple patterns without an initializer", range_of(t)));
                };
                let elems: Vec<TyId> = (0..t.elems.len()).map(|_| self.infer.var(VarKind::General)).collect();
                let tuple_ty = self.infer.known(Shape::Tuple(elems.clone()));
                let range = range_of(t);
                self.expect_ty(tuple_ty, ty, &range)?;
                let (first, place) = self.spill(init, "tuple");
                let mut out = vec![first];
                for (i, (p, et)) in t.elems.iter().zip(elems).enumerate() {
                    let f = self.push(ExprKind::Field { base: place, index: i as u32 }, et, &range);
                    out.extend(self.bind_pattern(p, et, Some(f))?);
                }
                Ok(out)
            }
            syn::Pat::Type(pt) => {
                let t = self.convert_type(&pt.ty)?;
                self.expect_ty(t, ty, &range_of(pt))?;
                self.bind_pattern(&pt.pat, t, init)
            }
            other => {
                let Some(init) = init else {
                    return Err(Diagnostic::unsupported("this pattern without an initializer", range_of(other)));
                };
                self.let_pattern(other, ty, init, None)
            }
        }
    }

    pub(crate) fn if_expr(&mut self, i: &syn::ExprIf) -> DResult<Handle<Expr>> {
        self.if_expr_expecting(i, None)
    }

    /// `if` whose branches' tails are coerced to `expected` (a `fn` pointer
    /// type both branches' closures or function items become).
    pub(crate) fn if_expr_expecting(&mut self, i: &syn::ExprIf, expected: Option<TyId>) -> DResult<Handle<Expr>> {
        if let syn::Expr::Let(l) = &*i.cond {
            return self.if_let(i, l);
        }
        let range = range_of(i);
        let bool_ty = self.scalar_ty(Scalar::Bool);
        let cond = self.expr(&i.cond)?;
        let cond = self.coerce(cond, bool_ty)?;
        let then = self.block(&i.then_branch, expected)?;
        let tt = self.ty(then);
        match &i.else_branch {
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
                Ok(self.push(ExprKind::If { cond, then, otherwise: None }, unit, &range))
            }
            Some((_, e)) => {
                let other = match expected {
                    Some(t) => self.expr_expecting(e, t)?,
                    None => self.expr(e)?,
                };
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
                Ok(self.push(ExprKind::If { cond, then, otherwise: Some(other) }, ty, &range))
            }
        }
    }

    fn push_loop(&mut self, label: Option<&syn::Label>, kind: LoopKind) -> hybrid_ir::LoopId {
        let id = self.new_loop_id();
        let break_ty = self.infer.var(VarKind::General);
        self.loops.push(LoopCx { label: label.map(|l| l.name.ident.to_string()), id, kind, break_ty, broken: false });
        id
    }

    pub(crate) fn while_expr(&mut self, w: &syn::ExprWhile) -> DResult<Handle<Expr>> {
        if let syn::Expr::Let(l) = &*w.cond {
            return self.while_let(w, l);
        }
        let range = range_of(w);
        let id = self.push_loop(w.label.as_ref(), LoopKind::Other);
        let r = (|| {
            let bool_ty = self.scalar_ty(Scalar::Bool);
            let cond = self.expr(&w.cond)?;
            let cond = self.coerce(cond, bool_ty)?;
            let unit = self.infer.unit();
            let body = self.block(&w.body, Some(unit))?;
            let never = self.infer.never();
            let brk = self.push(ExprKind::Break { target: id, value: None }, never, &range);
            Ok(self.push(ExprKind::If { cond, then: body, otherwise: Some(brk) }, unit, &range))
        })();
        self.loops.pop();
        let body = r?;
        let unit = self.infer.unit();
        Ok(self.push(ExprKind::Loop { body, id }, unit, &range))
    }

    pub(crate) fn loop_expr(&mut self, l: &syn::ExprLoop) -> DResult<Handle<Expr>> {
        let range = range_of(l);
        let id = self.push_loop(l.label.as_ref(), LoopKind::Loop);
        let unit = self.infer.unit();
        let r = self.block(&l.body, Some(unit));
        let cx = self.loops.pop();
        let body = r?;
        let ty = match cx {
            Some(cx) if cx.broken => cx.break_ty,
            _ => self.infer.never(),
        };
        Ok(self.push(ExprKind::Loop { body, id }, ty, &range))
    }

    fn find_loop(&mut self, label: Option<&syn::Lifetime>, range: &Range<usize>, what: &str) -> DResult<usize> {
        match label {
            Some(l) => {
                let name = l.ident.to_string();
                self.loops.iter().rposition(|c| c.label.as_deref() == Some(name.as_str())).ok_or_else(|| {
                    Diagnostic::at(
                        Some("E0426"),
                        format!("use of undeclared label `'{name}`"),
                        range_of(l),
                        format!("undeclared label `'{name}`"),
                    )
                })
            }
            None => self.loops.len().checked_sub(1).ok_or_else(|| {
                Diagnostic::at(
                    Some("E0268"),
                    format!("`{what}` outside of a loop"),
                    range.clone(),
                    format!("cannot `{what}` outside of a loop"),
                )
            }),
        }
    }

    pub(crate) fn break_expr(&mut self, b: &syn::ExprBreak) -> DResult<Handle<Expr>> {
        let range = range_of(b);
        let idx = self.find_loop(b.label.as_ref(), &range, "break")?;
        let value = match &b.expr {
            Some(e) => {
                if self.loops[idx].kind != LoopKind::Loop {
                    return Err(Diagnostic::at(
                        Some("E0571"),
                        "`break` with value from a `while` or `for` loop",
                        range,
                        "can only break with a value inside `loop`",
                    ));
                }
                let v = self.expr(e)?;
                let bt = self.loops[idx].break_ty;
                Some(self.coerce(v, bt)?)
            }
            None => {
                if self.loops[idx].kind == LoopKind::Loop {
                    let unit = self.infer.unit();
                    let bt = self.loops[idx].break_ty;
                    self.expect_ty(bt, unit, &range)?;
                }
                None
            }
        };
        self.loops[idx].broken = true;
        let target = self.loops[idx].id;
        let never = self.infer.never();
        Ok(self.push(ExprKind::Break { target, value }, never, &range))
    }

    pub(crate) fn continue_expr(&mut self, c: &syn::ExprContinue) -> DResult<Handle<Expr>> {
        let range = range_of(c);
        let idx = self.find_loop(c.label.as_ref(), &range, "continue")?;
        let target = self.loops[idx].id;
        let never = self.infer.never();
        Ok(self.push(ExprKind::Continue { target }, never, &range))
    }

    pub(crate) fn return_expr(&mut self, r: &syn::ExprReturn) -> DResult<Handle<Expr>> {
        let range = range_of(r);
        if let Some((target, ty)) = self.closure_ret {
            // `return` in a closure: out of the closure's body only
            let value = match &r.expr {
                Some(e) => {
                    let v = self.expr(e)?;
                    self.coerce(v, ty)?
                }
                None => self.lit_unit(&range),
            };
            let never = self.infer.never();
            return Ok(self.push(ExprKind::Break { target, value: Some(value) }, never, &range));
        }
        let ret = self.ret;
        let value = match &r.expr {
            Some(e) => {
                let v = self.expr(e)?;
                Some(self.coerce(v, ret)?)
            }
            None => {
                let unit = self.infer.unit();
                if self.infer.unify(ret, unit).is_err() {
                    let d = self.describe(ret);
                    return Err(Diagnostic::at(
                        Some("E0069"),
                        "`return;` in a function whose return type is not `()`",
                        range,
                        format!("return type is {d}"),
                    ));
                }
                None
            }
        };
        let never = self.infer.never();
        if let (true, Some(v)) = (self.result_main, value) {
            let call = self.library_call("result::main_result", vec![v], &range)?;
            let ret = self.push(ExprKind::Return(None), never, &range);
            let b = self.block_expr(vec![Stmt::Expr(call), Stmt::Expr(ret)], None, &range);
            self.etys[b.index()] = never;
            return Ok(b);
        }
        Ok(self.push(ExprKind::Return(value), never, &range))
    }

    // ---- for loops ----

    fn range_loop<'s>(iter: &'s syn::Expr) -> Option<RangeLoop<'s>> {
        fn strip(e: &syn::Expr) -> &syn::Expr {
            match e {
                syn::Expr::Paren(p) => strip(&p.expr),
                syn::Expr::Group(g) => strip(&g.expr),
                e => e,
            }
        }
        match strip(iter) {
            syn::Expr::Range(r) => Some(RangeLoop {
                start: r.start.as_deref()?,
                end: r.end.as_deref()?,
                inclusive: matches!(r.limits, syn::RangeLimits::Closed(_)),
                rev: false,
                step: None,
                step_call: 0..0,
            }),
            syn::Expr::MethodCall(m) if m.method == "rev" && m.args.is_empty() => {
                let mut inner = Self::range_loop(&m.receiver)?;
                if inner.rev || inner.step.is_some() {
                    return None;
                }
                inner.rev = true;
                Some(inner)
            }
            syn::Expr::MethodCall(m) if m.method == "step_by" && m.args.len() == 1 => {
                let mut inner = Self::range_loop(&m.receiver)?;
                if inner.rev || inner.step.is_some() {
                    return None;
                }
                inner.step = Some(&m.args[0]);
                inner.step_call = range_of(&m.method);
                Some(inner)
            }
            _ => None,
        }
    }

    fn assign_expr(&mut self, place_local: hybrid_ir::Handle<hybrid_ir::Local>, value: Handle<Expr>, range: &Range<usize>) -> Handle<Expr> {
        let place = self.local_expr(place_local, range);
        let unit = self.infer.unit();
        self.push(ExprKind::Assign { place, value }, unit, range)
    }

    fn bin(&mut self, op: BinaryOp, lhs: Handle<Expr>, rhs: Handle<Expr>, range: &Range<usize>) -> Handle<Expr> {
        let ty = if op.is_comparison() { self.scalar_ty(Scalar::Bool) } else { self.ty(lhs) };
        self.push(ExprKind::Binary { op, lhs, rhs }, ty, range)
    }

    /// `if cond { break 'id }` as a statement.
    fn break_if(&mut self, cond: Handle<Expr>, id: hybrid_ir::LoopId, range: &Range<usize>) -> Stmt {
        let never = self.infer.never();
        let unit = self.infer.unit();
        let brk = self.push(ExprKind::Break { target: id, value: None }, never, range);
        Stmt::Expr(self.push(ExprKind::If { cond, then: brk, otherwise: None }, unit, range))
    }

    pub(crate) fn for_expr(&mut self, f: &syn::ExprForLoop) -> DResult<Handle<Expr>> {
        let range = range_of(f);
        let Some(rl) = Self::range_loop(&f.expr) else {
            return self.iterator_for(f);
        };
        let (bind_name, bind_mut) = match &*f.pat {
            syn::Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => (pi.ident.to_string(), pi.mutability.is_some()),
            syn::Pat::Wild(_) => ("_".to_string(), false),
            other => return Err(Diagnostic::unsupported("this pattern in a `for` loop", range_of(other))),
        };
        let r = &range;
        let start = self.expr(rl.start)?;
        let end = self.expr(rl.end)?;
        let t = self.ty(start);
        self.expect_ty(t, self.ty(end), &range_of(rl.end))?;
        self.expect_integer(t, &range_of(&f.expr), "the range of a `for` loop")?;
        let mut pre = Vec::new();
        // `next` walks the range; `bound` is the other end; `done` is set when
        // the last item is reached without stepping past the bound (no overflow).
        let needs_done = rl.inclusive || rl.step.is_some();
        let bool_ty = self.scalar_ty(Scalar::Bool);
        let next = self.new_local("for_next", t, true, r.clone());
        let bound = self.new_local("for_bound", t, false, r.clone());
        let done = self.new_local("for_done", bool_ty, true, r.clone());
        let (first, other) = if rl.rev { (end, start) } else { (start, end) };
        pre.push(Stmt::Let { local: next, init: Some(first) });
        pre.push(Stmt::Let { local: bound, init: Some(other) });
        if needs_done {
            let f_lit = self.lit_bool(false, r);
            pre.push(Stmt::Let { local: done, init: Some(f_lit) });
        }
        let step = match rl.step {
            Some(s) => {
                let usize_ty = self.scalar_ty(Scalar::Usize);
                // the step stays a `usize` (a cast to the range's type would truncate it)
                let sv = self.lower_coerced(s, usize_ty)?;
                let step = self.new_local("for_step", usize_ty, false, r.clone());
                pre.push(Stmt::Let { local: step, init: Some(sv) });
                // `step_by(0)` panics as `Iterator::step_by`'s assertion does
                let sl = self.local_expr(step, r);
                let zero = self.lit_int_like(0, usize_ty, r);
                let is_zero = self.bin(BinaryOp::Eq, sl, zero, r);
                let unit = self.infer.unit();
                let step_range = rl.step_call.clone();
                let panic = self.panic_lit("assertion failed: step != 0", &step_range);
                pre.push(Stmt::Expr(self.push(ExprKind::If { cond: is_zero, then: panic, otherwise: None }, unit, r)));
                Some(step)
            }
            None => None,
        };
        let id = self.push_loop(f.label.as_ref(), LoopKind::Other);
        let result = (|| {
            let mut stmts = Vec::new();
            if needs_done {
                let d = self.local_expr(done, r);
                stmts.push(self.break_if(d, id, r));
            }
            // if past the bound { break }
            let n = self.local_expr(next, r);
            let b = self.local_expr(bound, r);
            let op = match (rl.rev, rl.inclusive) {
                (false, false) => BinaryOp::Ge,
                (false, true) => BinaryOp::Gt,
                (true, false) => BinaryOp::Le,
                (true, true) => BinaryOp::Lt,
            };
            let past = self.bin(op, n, b, r);
            stmts.push(self.break_if(past, id, r));
            if rl.rev && !rl.inclusive {
                // next -= 1 before the body: the first item is end - 1
                let n = self.local_expr(next, r);
                let one = self.lit_int_like(1, t, r);
                let dec = self.bin(BinaryOp::Sub, n, one, r);
                stmts.push(Stmt::Expr(self.assign_expr(next, dec, r)));
            }
            // let i = next
            let item = self.local_expr(next, r);
            self.scopes.push(Vec::new());
            if bind_name != "_" {
                let l = self.new_local(&bind_name, t, bind_mut, range_of(&f.pat));
                self.bind(&bind_name, l);
                stmts.push(Stmt::Let { local: l, init: Some(item) });
            }
            // advance (before the body, so that `continue` works)
            if !needs_done && !rl.rev {
                let n = self.local_expr(next, r);
                let one = self.lit_int_like(1, t, r);
                let inc = self.bin(BinaryOp::Add, n, one, r);
                stmts.push(Stmt::Expr(self.assign_expr(next, inc, r)));
            } else if needs_done {
                let unit = self.infer.unit();
                let n = self.local_expr(next, r);
                let b = self.local_expr(bound, r);
                let advance_ok;
                let advanced;
                match step {
                    None => {
                        // stop at the bound instead of stepping past it (no overflow)
                        advance_ok = self.bin(BinaryOp::Ne, n, b, r);
                        let n2 = self.local_expr(next, r);
                        let one = self.lit_int_like(1, t, r);
                        advanced = self.bin(if rl.rev { BinaryOp::Sub } else { BinaryOp::Add }, n2, one, r);
                    }
                    Some(step) => {
                        // remaining = bound - next, exact in `usize` (both ends sign- or
                        // zero-extended: the difference is below 2^64 even when it
                        // overflows a signed range type); advance only if next + step
                        // stays in range, then step in the range's type (wrapping)
                        let usize_ty = self.scalar_ty(Scalar::Usize);
                        let b_wide = self.push(ExprKind::Cast { value: b }, usize_ty, r);
                        let n_wide = self.push(ExprKind::Cast { value: n }, usize_ty, r);
                        let remaining = self.bin(BinaryOp::Sub, b_wide, n_wide, r);
                        let s = self.local_expr(step, r);
                        advance_ok = self.bin(if rl.inclusive { BinaryOp::Ge } else { BinaryOp::Gt }, remaining, s, r);
                        let n2 = self.local_expr(next, r);
                        let s2 = self.local_expr(step, r);
                        let s2 = self.push(ExprKind::Cast { value: s2 }, t, r);
                        advanced = self.bin(BinaryOp::Add, n2, s2, r);
                    }
                }
                let set_next = self.assign_expr(next, advanced, r);
                let tr = self.lit_bool(true, r);
                let set_done = self.assign_expr(done, tr, r);
                stmts.push(Stmt::Expr(self.push(ExprKind::If { cond: advance_ok, then: set_next, otherwise: Some(set_done) }, unit, r)));
            }
            let unit = self.infer.unit();
            let body = self.block(&f.body, Some(unit));
            self.scopes.pop();
            let body = body?;
            let bt = self.ty(body);
            if !self.infer.is_never(bt) {
                self.expect_ty(unit, bt, &range_of(&f.body))?;
            }
            Ok(self.block_expr(stmts, Some(body), r))
        })();
        self.loops.pop();
        let loop_body = result?;
        let unit = self.infer.unit();
        let lp = self.push(ExprKind::Loop { body: loop_body, id }, unit, r);
        pre.push(Stmt::Expr(lp));
        Ok(self.block_expr(pre, None, r))
    }

    /// `!e` for a bool expression.
    pub(crate) fn not(&mut self, e: Handle<Expr>, range: &Range<usize>) -> Handle<Expr> {
        let b = self.scalar_ty(Scalar::Bool);
        self.push(ExprKind::Unary { op: UnaryOp::Not, operand: e }, b, range)
    }
}

/// rustc's "expected due to this" on the type of `let x: T = init` when
/// `init` as a whole has the wrong type.
fn expected_due_to(mut e: Diagnostic, init: &syn::Expr, pat: &syn::Pat) -> Diagnostic {
    let syn::Pat::Type(pt) = pat else { return e };
    let whole_init = e.primary.as_ref().is_some_and(|p| p.range == range_of(init));
    if e.code == Some("E0308") && e.message == "mismatched types" && e.secondary.is_empty() && whole_init {
        e = e.secondary(range_of(&*pt.ty), "expected due to this");
    }
    e
}
