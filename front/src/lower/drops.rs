//! Drop elaboration (rustc_mir_transform's `elaborate_drops`, on the
//! expression tree): after a body's types are final, every local of a type
//! with a destructor gets a drop flag, cleared where the value is moved
//! out, and a call of `core::ptr::drop_in_place::<T>` guarded by the flag
//! where its scope ends: at the end of its block, and before a `break`,
//! `continue` or `return` that leaves the block. Temporaries with
//! destructors are dropped at the end of their statement (or of the block,
//! for `let r = &temp();`, rustc's lifetime extension). Assigning to an
//! initialized place drops the old value first (not `ptr::write`).
//!
//! The glue itself (`drop_in_place::<T>`'s body, [`FnLower::drop_glue_block`])
//! calls `<T as Drop>::drop` if `T` has an impl, then drops the fields,
//! elements, or (a `Vec`) the elements and the buffer (`ptr::drop_vec`).
//!
//! FIXME(unwinding): a panic exits without running drops (rustc unwinds and
//! runs them). FIXME(partial moves): moving a field out of a local clears the
//! whole local's flag, so its other fields leak. An enum's glue drops the
//! fields of the variant its tag names.

use std::collections::HashMap;
use std::ops::Range;

use hybrid_ir::{Block, Expr, ExprKind, Handle, Literal, Local, LoopId, Scalar, Stmt, Type};

use super::FnLower;
use crate::diag::{DResult, Diagnostic};
use crate::generics::Bound;
use crate::resolve::FnId;

/// How an expression's value is used by its parent.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Use {
    /// Consumed: moved into a local, argument, aggregate, return value.
    Move,
    /// Read without taking ownership (a format argument, a projection's base
    /// that is a value): a temporary with a destructor is dropped after the statement.
    Read,
    /// As a place (`&x`, `x = ..`, `x.f`, `x[i]`).
    Place,
}

/// The state of one body's elaboration.
pub(super) struct DropCx {
    drop_fn: FnId,
    needs: HashMap<Handle<Type>, bool>,
    flags: HashMap<Handle<Local>, Handle<Local>>,
    /// Locals with destructors per block scope, in declaration order.
    scopes: Vec<Vec<Handle<Local>>>,
    /// Temporaries per statement being elaborated.
    temps: Vec<Vec<Handle<Local>>>,
    /// The loops being elaborated: id, `scopes.len()` and `temps.len()` inside them.
    loops: Vec<(LoopId, usize, usize)>,
    /// Spills of places (views) and the place each copies: a move out of a
    /// view is a move out of its place (a `match` scrutinee's bindings).
    views: HashMap<Handle<Local>, Handle<Expr>>,
    pub(super) bool_ty: Handle<Type>,
    pub(super) unit_ty: Handle<Type>,
}

impl<'i> FnLower<'i> {
    /// Elaborate the drops of the finished body `body` (after `finalize`
    /// and `define_closures`); returns the new body.
    pub(crate) fn elaborate_drops(&mut self, params: &[Handle<Local>], body: Handle<Expr>) -> DResult<Handle<Expr>> {
        let Some(drop_fn) = self.items.library_fn("ptr::drop_in_place") else {
            if let Some(l) =
                (0..self.locals.len()).map(Handle::<Local>::from_index).find(|&l| self.ir_needs_drop_uncached(self.locals[l].ty))
            {
                return Err(Diagnostic::ice(format!("`{}` needs drop glue but the library's `ptr` is not loaded", self.locals[l].name)));
            }
            return Ok(body);
        };
        let mut cx = self.drop_cx(drop_fn);
        // nothing to do in most bodies: no parameter and no expression with a
        // destructor (a parameter need not be used to be dropped)
        let any = params.iter().any(|&p| {
            let t = self.locals[p].ty;
            self.needs_drop(&mut cx, t)
        }) || (0..self.exprs.len()).any(|i| {
            let t = self.exprs[Handle::from_index(i)].ty;
            self.needs_drop(&mut cx, t)
        });
        if !any {
            return Ok(body);
        }
        // the pointers to matched places
        for i in 0..self.exprs.len() {
            if let ExprKind::Block(b) = &self.exprs[Handle::from_index(i)].kind {
                for s in &b.stmts {
                    if let Stmt::Let { local, init: Some(init) } = s {
                        if let (true, ExprKind::AddrOf { place, .. }) = (self.match_places.contains(local), &self.exprs[*init].kind) {
                            cx.views.insert(*local, *place);
                        }
                    }
                }
            }
        }
        let range = self.range(body);
        let mut owned = Vec::new();
        let mut stmts = Vec::new();
        for &p in params {
            if self.needs_drop(&mut cx, self.locals[p].ty) {
                let f = self.flag(&mut cx, p, true, &range, &mut stmts);
                cx.flags.insert(p, f);
                owned.push(p);
            }
        }
        cx.scopes.push(owned);
        self.walk(&mut cx, body, Use::Move)?;
        let params_scope = cx.scopes.pop().unwrap_or_default();
        let body = if params_scope.is_empty() { body } else { self.drop_params(&mut cx, body, params_scope, stmts, &range) };
        self.fold_constant_flags(&cx);
        Ok(body)
    }

    /// The body with the drops of the parameters after its value.
    fn drop_params(
        &mut self,
        cx: &mut DropCx,
        body: Handle<Expr>,
        params_scope: Vec<Handle<Local>>,
        mut stmts: Vec<Stmt>,
        range: &Range<usize>,
    ) -> Handle<Expr> {
        let range = range.clone();
        let ty = self.exprs[body].ty;
        let diverges = matches!(self.types.get(ty), Type::Never);
        let t = self.post_local("ret", ty, &range);
        stmts.push(Stmt::Let { local: t, init: Some(body) });
        if !diverges {
            for &p in params_scope.iter().rev() {
                stmts.push(Stmt::Expr(self.drop_local(cx, p, &range)));
            }
        }
        let tail = self.post_expr(ExprKind::Local(t), ty, &range);
        self.post_expr(ExprKind::Block(Block { stmts, tail: Some(tail) }), ty, &range)
    }

    /// Flags that start `true` and are never cleared (a local that is never
    /// moved out) guard nothing: their `if`s become plain blocks and their
    /// declarations go (less for the backends to compile).
    fn fold_constant_flags(&mut self, cx: &DropCx) {
        use std::collections::HashSet;
        let flags: HashSet<Handle<Local>> = cx.flags.values().copied().collect();
        let mut varying = HashSet::new();
        for (_, e) in self.exprs.iter() {
            match &e.kind {
                ExprKind::Assign { place, value } => {
                    if let ExprKind::Local(f) = self.exprs[*place].kind {
                        if flags.contains(&f) && !matches!(self.exprs[*value].kind, ExprKind::Literal(Literal::Bool(true))) {
                            varying.insert(f);
                        }
                    }
                }
                ExprKind::Block(b) => {
                    for s in &b.stmts {
                        if let Stmt::Let { local, init } = s {
                            let starts_true = init.is_some_and(|i| matches!(self.exprs[i].kind, ExprKind::Literal(Literal::Bool(true))));
                            if flags.contains(local) && !starts_true {
                                varying.insert(*local);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        let constant: HashSet<Handle<Local>> = flags.difference(&varying).copied().collect();
        if constant.is_empty() {
            return;
        }
        for i in 0..self.exprs.len() {
            let h = Handle::<Expr>::from_index(i);
            match &self.exprs[h].kind {
                ExprKind::If { cond, then, otherwise: None } if matches!(self.exprs[*cond].kind, ExprKind::Local(f) if constant.contains(&f)) =>
                {
                    self.exprs[h].kind = self.exprs[*then].kind.clone();
                }
                // `flag = true;` of a constant flag: nothing
                ExprKind::Assign { place, .. } if matches!(self.exprs[*place].kind, ExprKind::Local(f) if constant.contains(&f)) => {
                    self.exprs[h].kind = ExprKind::Block(Block { stmts: Vec::new(), tail: None });
                }
                ExprKind::Block(b) => {
                    let keeps = |s: &Stmt| !matches!(s, Stmt::Let { local, .. } if constant.contains(local));
                    if !b.stmts.iter().all(keeps) {
                        let mut b = b.clone();
                        b.stmts.retain(keeps);
                        self.exprs[h].kind = ExprKind::Block(b);
                    }
                }
                _ => {}
            }
        }
    }

    /// A fresh elaboration state.
    pub(super) fn drop_cx(&mut self, drop_fn: FnId) -> DropCx {
        DropCx {
            drop_fn,
            needs: HashMap::new(),
            flags: HashMap::new(),
            scopes: Vec::new(),
            temps: Vec::new(),
            loops: Vec::new(),
            views: HashMap::new(),
            bool_ty: self.types.insert(Type::Scalar(Scalar::Bool)),
            unit_ty: self.types.unit(),
        }
    }

    /// Does a value of `ty` need dropping? (Cached per body.)
    pub(super) fn needs_drop(&mut self, cx: &mut DropCx, ty: Handle<Type>) -> bool {
        if let Some(&n) = cx.needs.get(&ty) {
            return n;
        }
        cx.needs.insert(ty, false);
        let n = self.ir_needs_drop_uncached(ty);
        cx.needs.insert(ty, n);
        n
    }

    /// `core::mem::needs_drop::<T>()` of a resolved `T`.
    pub(crate) fn type_needs_drop(&self, ty: Handle<Type>) -> bool {
        self.ir_needs_drop_uncached(ty)
    }

    pub(super) fn ir_needs_drop_uncached(&self, ty: Handle<Type>) -> bool {
        fn go(lx: &FnLower<'_>, ty: Handle<Type>, depth: u32) -> bool {
            if depth > 64 {
                return false;
            }
            match lx.types.get(ty) {
                Type::Vec(_) => true,
                Type::Array { elem, len } => *len > 0 && go(lx, *elem, depth + 1),
                Type::Tuple(elems) => elems.iter().any(|&e| go(lx, e, depth + 1)),
                Type::Struct(def) => {
                    lx.has_drop_impl(ty) || lx.is_dyn_box(ty) || lx.types.structs[*def].fields.iter().any(|f| go(lx, f.ty, depth + 1))
                }
                _ => false,
            }
        }
        go(self, ty, 0)
    }

    /// Does `ty` have a `Drop` impl of its own?
    pub(crate) fn has_drop_impl(&self, ty: Handle<Type>) -> bool {
        match self.items.library_trait("ops::Drop") {
            Some(tid) => self.items.impl_of(self.types, &Bound::Trait(tid), ty).is_some(),
            None => false,
        }
    }

    /// The variants of `ty` if it is an enum (an IR struct of a program or library enum).
    pub(super) fn enum_variants(&self, ty: Handle<Type>) -> Option<Vec<crate::enums::VariantInfo>> {
        let Type::Struct(def) = self.types.get(ty) else { return None };
        let sid = self.items.struct_of(self.types, *def)?;
        self.items.variants(sid).map(|v| v.to_vec())
    }

    // ---- building IR after `finalize` (types are IR types already) ----

    pub(super) fn post_expr(&mut self, kind: ExprKind, ty: Handle<Type>, range: &Range<usize>) -> Handle<Expr> {
        let span = self.lines.ir_span(range);
        let h = self.exprs.append(Expr { kind, ty, span });
        let t = self.infer.import(ty, self.types);
        self.etys.push(t);
        h
    }

    fn post_local(&mut self, name: &str, ty: Handle<Type>, range: &Range<usize>) -> Handle<Local> {
        let t = self.infer.import(ty, self.types);
        let l = self.new_local(name, t, true, range.clone());
        self.locals[l].ty = ty;
        l
    }

    /// A new drop flag for `local`, declared by a statement pushed on `stmts`.
    fn flag(&mut self, cx: &mut DropCx, local: Handle<Local>, init: bool, range: &Range<usize>, stmts: &mut Vec<Stmt>) -> Handle<Local> {
        let name = format!("{}.drop_flag", self.locals[local].name);
        let f = self.post_local(&name, cx.bool_ty, range);
        let v = self.post_expr(ExprKind::Literal(Literal::Bool(init)), cx.bool_ty, range);
        stmts.push(Stmt::Let { local: f, init: Some(v) });
        f
    }

    fn set_flag(&mut self, cx: &DropCx, f: Handle<Local>, value: bool, range: &Range<usize>) -> Handle<Expr> {
        let place = self.post_expr(ExprKind::Local(f), cx.bool_ty, range);
        let v = self.post_expr(ExprKind::Literal(Literal::Bool(value)), cx.bool_ty, range);
        self.post_expr(ExprKind::Assign { place, value: v }, cx.unit_ty, range)
    }

    /// `drop_in_place::<T>(ptr)` of a `*mut T` (or `&mut T`) value `ptr`.
    pub(super) fn drop_call(&mut self, cx: &mut DropCx, ptr: Handle<Expr>, ty: Handle<Type>, range: &Range<usize>) -> Handle<Expr> {
        let raw = self.types.insert(Type::Pointer { pointee: ty, mutable: true, reference: false });
        let arg = match self.types.get(self.exprs[ptr].ty) {
            Type::Pointer { reference: false, .. } => ptr,
            _ => self.post_expr(ExprKind::Cast { value: ptr }, raw, range),
        };
        let handle = self.items.fns[cx.drop_fn].handle;
        let call = self.post_expr(ExprKind::Call { func: handle, args: vec![arg] }, cx.unit_ty, range);
        let t = self.infer.import(ty, self.types);
        let target = self.record_use(call, super::generic::plain_use(cx.drop_fn, vec![t], range.clone()));
        self.facts.calls.push((target, range.clone()));
        call
    }

    /// `if flag { drop_in_place(&mut local) }`.
    fn drop_local(&mut self, cx: &mut DropCx, l: Handle<Local>, range: &Range<usize>) -> Handle<Expr> {
        let ty = self.locals[l].ty;
        let place = self.post_expr(ExprKind::Local(l), ty, range);
        let ptr_ty = self.types.insert(Type::Pointer { pointee: ty, mutable: true, reference: true });
        let addr = self.post_expr(ExprKind::AddrOf { place, mutable: true }, ptr_ty, range);
        let call = self.drop_call(cx, addr, ty, range);
        match cx.flags.get(&l) {
            Some(&f) => {
                let cond = self.post_expr(ExprKind::Local(f), cx.bool_ty, range);
                let then = self.post_expr(ExprKind::Block(Block { stmts: vec![Stmt::Expr(call)], tail: None }), cx.unit_ty, range);
                self.post_expr(ExprKind::If { cond, then, otherwise: None }, cx.unit_ty, range)
            }
            None => call,
        }
    }

    /// Replace `e` by `{ before; <e's old expression> }` (the old one moves to a new handle).
    fn prefix(&mut self, e: Handle<Expr>, before: Vec<Stmt>) {
        let old = self.exprs[e].clone();
        let inner = self.exprs.append(old);
        self.etys.push(self.etys[e.index()]);
        self.exprs[e].kind = ExprKind::Block(Block { stmts: before, tail: Some(inner) });
    }

    /// The drops of the scopes and statement temporaries from `scopes` and `temps` on, innermost first.
    fn drops_from(&mut self, cx: &mut DropCx, scopes: usize, temps: usize, range: &Range<usize>) -> Vec<Stmt> {
        let mut out = Vec::new();
        let temp_lists: Vec<Vec<Handle<Local>>> = cx.temps[temps.min(cx.temps.len())..].to_vec();
        let scope_lists: Vec<Vec<Handle<Local>>> = cx.scopes[scopes.min(cx.scopes.len())..].to_vec();
        // temporaries of the statements in progress die first, then each scope's locals, innermost first
        for list in temp_lists.iter().rev().chain(scope_lists.iter().rev()) {
            for &l in list.iter().rev() {
                out.push(Stmt::Expr(self.drop_local(cx, l, range)));
            }
        }
        out
    }

    // ---- the walk ----

    fn walk(&mut self, cx: &mut DropCx, e: Handle<Expr>, how: Use) -> DResult<()> {
        let range = self.range(e);
        let ty = self.exprs[e].ty;
        match self.exprs[e].kind.clone() {
            ExprKind::Local(l) => {
                if how == Use::Move && self.closure_envs.contains(&l) && self.needs_drop(cx, ty) {
                    // FIXME(FnOnce closures): the call would consume the closure
                    let name = self.locals[l].name.clone();
                    return Err(Diagnostic::unsupported(
                        &format!("a closure moving its captured `{name}` (a value with a destructor) out"),
                        range,
                    ));
                }
                if how == Use::Move && self.needs_drop(cx, ty) && cx.views.contains_key(&l) {
                    self.move_out_of_projection(cx, e, &range)?;
                } else if how == Use::Move && self.needs_drop(cx, ty) {
                    if let Some(&f) = cx.flags.get(&l) {
                        let clear = self.set_flag(cx, f, false, &range);
                        self.prefix(e, vec![Stmt::Expr(clear)]);
                    }
                }
            }
            ExprKind::Field { base, .. } => {
                let moved = how == Use::Move && self.needs_drop(cx, ty);
                if moved {
                    self.move_out_of_projection(cx, e, &range)?;
                }
                let base_use = if self.exprs[base].kind.is_place() {
                    Use::Place
                } else if moved {
                    Use::Move
                } else {
                    Use::Read
                };
                self.walk(cx, base, base_use)?;
            }
            ExprKind::Index { base, index } => {
                if how == Use::Move && self.needs_drop(cx, ty) {
                    self.move_out_of_projection(cx, e, &range)?;
                }
                let base_use = if self.exprs[base].kind.is_place() { Use::Place } else { Use::Read };
                self.walk(cx, base, base_use)?;
                self.walk(cx, index, Use::Move)?;
            }
            ExprKind::Deref(p) => {
                if how == Use::Move && self.needs_drop(cx, ty) {
                    self.move_out_of_projection(cx, e, &range)?;
                }
                self.walk(cx, p, Use::Move)?;
            }
            ExprKind::AddrOf { place, .. } => self.walk(cx, place, Use::Place)?,
            ExprKind::Assign { place, value } => {
                self.walk(cx, value, Use::Move)?;
                self.walk(cx, place, Use::Place)?;
                let place_ty = self.exprs[place].ty;
                if self.needs_drop(cx, place_ty) && !self.raw_writes.contains(&e) {
                    self.assign_dropping(cx, e, place, value, &range);
                }
            }
            ExprKind::AssignOp { place, value, .. } => {
                self.walk(cx, value, Use::Move)?;
                self.walk(cx, place, Use::Place)?;
            }
            ExprKind::Block(_) => self.walk_block(cx, e, how)?,
            ExprKind::If { cond, then, otherwise } => {
                self.walk(cx, cond, Use::Move)?;
                self.walk(cx, then, how)?;
                if let Some(o) = otherwise {
                    self.walk(cx, o, how)?;
                }
            }
            ExprKind::Loop { body, id } => {
                cx.loops.push((id, cx.scopes.len(), cx.temps.len()));
                self.walk(cx, body, Use::Move)?;
                cx.loops.pop();
            }
            ExprKind::Break { target, value } => {
                if let Some(v) = value {
                    self.walk(cx, v, Use::Move)?;
                }
                let Some(&(_, scopes, temps)) = cx.loops.iter().rev().find(|(id, _, _)| *id == target) else {
                    return Ok(());
                };
                self.leave(cx, e, value, scopes, temps, &range);
            }
            ExprKind::Continue { target } => {
                let Some(&(_, scopes, temps)) = cx.loops.iter().rev().find(|(id, _, _)| *id == target) else {
                    return Ok(());
                };
                self.leave(cx, e, None, scopes, temps, &range);
            }
            ExprKind::Return(value) => {
                if let Some(v) = value {
                    self.walk(cx, v, Use::Move)?;
                }
                self.leave(cx, e, value, 0, 0, &range);
            }
            ExprKind::Call { args, .. } | ExprKind::Intrinsic { args, .. } | ExprKind::Tuple(args) | ExprKind::Array(args) => {
                for a in args {
                    self.walk(cx, a, Use::Move)?;
                }
            }
            ExprKind::CallIndirect { callee, args } => {
                self.walk(cx, callee, Use::Read)?;
                for a in args {
                    self.walk(cx, a, Use::Move)?;
                }
            }
            ExprKind::FnAddr(_) => {}
            ExprKind::Struct { fields } => {
                for a in fields {
                    self.walk(cx, a, Use::Move)?;
                }
            }
            ExprKind::ArrayRepeat { value, .. } | ExprKind::Cast { value } | ExprKind::Unary { operand: value, .. } => {
                self.walk(cx, value, Use::Move)?
            }
            ExprKind::Binary { lhs, rhs, .. } => {
                self.walk(cx, lhs, Use::Move)?;
                self.walk(cx, rhs, Use::Move)?;
            }
            ExprKind::SliceRange { base, start, end } => {
                self.walk(cx, base, Use::Read)?;
                for b in [start, end].into_iter().flatten() {
                    self.walk(cx, b, Use::Move)?;
                }
            }
            ExprKind::Print { pieces, .. } => {
                for p in pieces {
                    if let hybrid_ir::FmtPiece::Arg { value, .. } = p {
                        self.walk(cx, value, Use::Read)?;
                    }
                }
            }
            ExprKind::Offload { blocks, threads, dyn_cache, device, args, .. } => {
                for a in blocks.into_iter().chain(threads).chain([dyn_cache, device]).chain(args) {
                    self.walk(cx, a, Use::Move)?;
                }
            }
            ExprKind::Literal(_) | ExprKind::StaticBytes(_) => {}
        }
        // a temporary read without being consumed: dropped after its statement
        if how == Use::Read && !self.exprs[e].kind.is_place() && self.needs_drop(cx, ty) && !cx.temps.is_empty() {
            let t = self.post_local("tmp", ty, &range);
            let mut stmts = Vec::new();
            let f = self.flag(cx, t, false, &range, &mut stmts);
            // (the flag is declared where the statement starts: see `walk_block`)
            let decl = stmts.pop();
            cx.flags.insert(t, f);
            if let Some(top) = cx.temps.last_mut() {
                top.push(t);
            }
            self.pending_flag_decls.extend(decl);
            let old = self.exprs[e].clone();
            let inner = self.exprs.append(old);
            self.etys.push(self.etys[e.index()]);
            let set = self.set_flag(cx, f, true, &range);
            let tail = self.post_expr(ExprKind::Local(t), ty, &range);
            self.exprs[e].kind =
                ExprKind::Block(Block { stmts: vec![Stmt::Let { local: t, init: Some(inner) }, Stmt::Expr(set)], tail: Some(tail) });
        }
        Ok(())
    }

    /// A move out of a field, element or pointee `e`: clears the flag of
    /// the local it is part of; out of a reference or an index it is rustc's E0507.
    fn move_out_of_projection(&mut self, cx: &mut DropCx, e: Handle<Expr>, range: &Range<usize>) -> DResult<()> {
        let mut at = e;
        loop {
            match self.exprs[at].kind.clone() {
                ExprKind::Field { base, .. } => at = base,
                // a view of a place: the move is out of that place
                ExprKind::Local(l) if cx.views.contains_key(&l) => at = cx.views[&l],
                ExprKind::Local(l) => {
                    if let Some(&f) = cx.flags.get(&l) {
                        // FIXME(partial moves): the local's other fields leak
                        let clear = self.set_flag(cx, f, false, range);
                        self.prefix(e, vec![Stmt::Expr(clear)]);
                    }
                    return Ok(());
                }
                // through a pointer to a matched place: out of that place
                ExprKind::Deref(p) if matches!(self.exprs[p].kind, ExprKind::Local(m) if self.match_places.contains(&m) && cx.views.contains_key(&m)) =>
                {
                    let ExprKind::Local(m) = self.exprs[p].kind else { return Ok(()) };
                    at = cx.views[&m];
                }
                // out of a box: the box frees only its buffer now
                ExprKind::Deref(p) if self.box_of_ir_pointer(p).is_some() => {
                    let b = self.box_of_ir_pointer(p).expect("a box");
                    let mark = self.box_moved_mark(b, cx.bool_ty, cx.unit_ty, range)?;
                    self.prefix(e, vec![Stmt::Expr(mark)]);
                    return Ok(());
                }
                ExprKind::Deref(p) if matches!(self.types.get(self.exprs[p].ty), Type::Pointer { reference: false, .. }) => {
                    // `ptr::read`: the caller owns the value now
                    return Ok(());
                }
                ExprKind::Index { .. } | ExprKind::Deref(_) => {
                    let what = self.text(range);
                    let ty = self.types.display(self.exprs[e].ty).to_string();
                    if self.items.tree.in_library(self.items.fns[self.fid].module) {
                        return Err(Diagnostic::unsupported(
                            &format!(
                                "`{}` moving a value with a destructor (`{ty}`) out of a borrowed place",
                                self.items.fns[self.fid].name
                            ),
                            range.clone(),
                        ));
                    }
                    return Err(match self.exprs[at].kind {
                        ExprKind::Index { base, .. } => {
                            let collection = self.types.display(self.exprs[base].ty).to_string();
                            Diagnostic::at(
                                Some("E0507"),
                                format!("cannot move out of index of `{collection}`"),
                                range.clone(),
                                format!("move occurs because value has type `{ty}`, which does not implement the `Copy` trait"),
                            )
                        }
                        _ => {
                            let ExprKind::Deref(p) = self.exprs[at].kind else { return Ok(()) };
                            let kind = match self.types.get(self.exprs[p].ty) {
                                Type::Pointer { mutable: true, .. } => "a mutable reference",
                                _ => "a shared reference",
                            };
                            Diagnostic::at(
                                Some("E0507"),
                                format!("cannot move out of `{what}` which is behind {kind}"),
                                range.clone(),
                                format!("move occurs because `{what}` has type `{ty}`, which does not implement the `Copy` trait"),
                            )
                        }
                    });
                }
                // a field of a value: that temporary is consumed (its other fields leak)
                _ => return Ok(()),
            }
        }
    }

    /// `place = value` of a type with a destructor: the old value is
    /// dropped first (if the place's local holds one), then the place is
    /// written and its flag set.
    fn assign_dropping(&mut self, cx: &mut DropCx, e: Handle<Expr>, place: Handle<Expr>, value: Handle<Expr>, range: &Range<usize>) {
        let ty = self.exprs[place].ty;
        // the root local of a place made of fields, if any
        let mut root = place;
        while let ExprKind::Field { base, .. } = self.exprs[root].kind {
            root = base;
        }
        let t = self.post_local("new", ty, range);
        let mut stmts = vec![Stmt::Let { local: t, init: Some(value) }];
        let new_value = self.post_expr(ExprKind::Local(t), ty, range);
        match self.exprs[root].kind.clone() {
            ExprKind::Local(l) => {
                let ptr_ty = self.types.insert(Type::Pointer { pointee: ty, mutable: true, reference: true });
                let addr = self.post_expr(ExprKind::AddrOf { place, mutable: true }, ptr_ty, range);
                let call = self.drop_call(cx, addr, ty, range);
                let new_place = self.exprs[place].clone();
                let new_place = self.exprs.append(new_place);
                self.etys.push(self.etys[place.index()]);
                match cx.flags.get(&l).copied() {
                    Some(f) => {
                        let cond = self.post_expr(ExprKind::Local(f), cx.bool_ty, range);
                        let then = self.post_expr(ExprKind::Block(Block { stmts: vec![Stmt::Expr(call)], tail: None }), cx.unit_ty, range);
                        stmts.push(Stmt::Expr(self.post_expr(ExprKind::If { cond, then, otherwise: None }, cx.unit_ty, range)));
                        stmts.push(Stmt::Expr(self.post_expr(ExprKind::Assign { place: new_place, value: new_value }, cx.unit_ty, range)));
                        if place == root {
                            stmts.push(Stmt::Expr(self.set_flag(cx, f, true, range)));
                        }
                    }
                    None => {
                        stmts.push(Stmt::Expr(call));
                        stmts.push(Stmt::Expr(self.post_expr(ExprKind::Assign { place: new_place, value: new_value }, cx.unit_ty, range)));
                    }
                }
            }
            _ => {
                // through a pointer or an index: take the address once
                let ptr_ty = self.types.insert(Type::Pointer { pointee: ty, mutable: true, reference: true });
                let addr = self.post_expr(ExprKind::AddrOf { place, mutable: true }, ptr_ty, range);
                let p = self.post_local("place", ptr_ty, range);
                stmts.push(Stmt::Let { local: p, init: Some(addr) });
                let pv = self.post_expr(ExprKind::Local(p), ptr_ty, range);
                let call = self.drop_call(cx, pv, ty, range);
                stmts.push(Stmt::Expr(call));
                let pv = self.post_expr(ExprKind::Local(p), ptr_ty, range);
                let target = self.post_expr(ExprKind::Deref(pv), ty, range);
                stmts.push(Stmt::Expr(self.post_expr(ExprKind::Assign { place: target, value: new_value }, cx.unit_ty, range)));
            }
        }
        self.exprs[e].kind = ExprKind::Block(Block { stmts, tail: None });
    }

    /// `break`/`continue`/`return` `e` (with `value`, already walked): the
    /// value is computed, the scopes it leaves are dropped, then it jumps.
    fn leave(&mut self, cx: &mut DropCx, e: Handle<Expr>, value: Option<Handle<Expr>>, scopes: usize, temps: usize, range: &Range<usize>) {
        let drops = self.drops_from(cx, scopes, temps, range);
        if drops.is_empty() {
            return;
        }
        let mut stmts = Vec::new();
        if let Some(v) = value {
            let vty = self.exprs[v].ty;
            let t = self.post_local("value", vty, range);
            stmts.push(Stmt::Let { local: t, init: Some(v) });
            let read = self.post_expr(ExprKind::Local(t), vty, range);
            match &mut self.exprs[e].kind {
                ExprKind::Break { value, .. } | ExprKind::Return(value) => *value = Some(read),
                _ => {}
            }
        }
        stmts.extend(drops);
        self.prefix(e, stmts);
    }

    fn walk_block(&mut self, cx: &mut DropCx, e: Handle<Expr>, how: Use) -> DResult<()> {
        let range = self.range(e);
        let ExprKind::Block(block) = self.exprs[e].kind.clone() else { return Ok(()) };
        // the block `take_address` makes for `&temp`: its temporaries belong to the enclosing statement
        let spill_block = !block.stmts.is_empty()
            && block.stmts.iter().all(|s| matches!(s, Stmt::Let { local, .. } if self.spilled.contains(local)))
            && !cx.temps.is_empty();
        if spill_block {
            let mut stmts = Vec::new();
            for s in block.stmts {
                let Stmt::Let { local, init } = s else { continue };
                if self.is_view(local, init) {
                    if let Some(i) = init {
                        cx.views.insert(local, i);
                        self.walk(cx, i, Use::Read)?;
                    }
                    stmts.push(Stmt::Let { local, init });
                    continue;
                }
                if let Some(i) = init {
                    self.walk(cx, i, Use::Move)?;
                }
                stmts.push(Stmt::Let { local, init });
                if self.needs_drop(cx, self.locals[local].ty) {
                    let mut decl = Vec::new();
                    let f = self.flag(cx, local, false, &range, &mut decl);
                    self.pending_flag_decls.extend(decl);
                    cx.flags.insert(local, f);
                    stmts.push(Stmt::Expr(self.set_flag(cx, f, true, &range)));
                    if let Some(top) = cx.temps.last_mut() {
                        top.push(local);
                    }
                }
            }
            if let Some(t) = block.tail {
                self.walk(cx, t, how)?;
            }
            self.exprs[e].kind = ExprKind::Block(Block { stmts, tail: block.tail });
            return Ok(());
        }
        cx.scopes.push(Vec::new());
        let mut stmts = Vec::new();
        for s in block.stmts {
            cx.temps.push(Vec::new());
            let saved_decls = std::mem::take(&mut self.pending_flag_decls);
            let mut body = Vec::new();
            match s {
                Stmt::Let { local, init } if self.closure_envs.contains(&local) || self.is_view(local, init) => {
                    if let (false, Some(i)) = (self.closure_envs.contains(&local), init) {
                        cx.views.insert(local, i);
                    }
                    // an inlined closure call's view of its closure: borrowed, not owned
                    if let Some(i) = init {
                        self.walk(cx, i, Use::Read)?;
                    }
                    body.push(Stmt::Let { local, init });
                }
                Stmt::Let { local, init } => {
                    if let Some(i) = init {
                        self.walk(cx, i, Use::Move)?;
                    }
                    body.push(Stmt::Let { local, init });
                    // `let r = &temp();`: the temporary lives as long as `r` (rustc's lifetime extension)
                    let extended = init.is_some_and(|i| self.is_borrow_of_spill(i));
                    if extended {
                        let temps = cx.temps.last_mut().map(std::mem::take).unwrap_or_default();
                        if let Some(scope) = cx.scopes.last_mut() {
                            scope.extend(temps);
                        }
                    }
                    if self.needs_drop(cx, self.locals[local].ty) {
                        let f = self.flag(cx, local, init.is_some(), &range, &mut body);
                        cx.flags.insert(local, f);
                        if let Some(scope) = cx.scopes.last_mut() {
                            scope.push(local);
                        }
                    }
                }
                Stmt::Expr(x) => {
                    self.walk(cx, x, Use::Move)?;
                    let xty = self.exprs[x].ty;
                    if self.needs_drop(cx, xty) && !matches!(self.types.get(xty), Type::Never) {
                        // a value nobody takes: dropped right here
                        let xr = self.range(x);
                        let t = self.post_local("unused", xty, &xr);
                        body.push(Stmt::Let { local: t, init: Some(x) });
                        body.push(Stmt::Expr(self.drop_local(cx, t, &xr)));
                    } else {
                        body.push(Stmt::Expr(x));
                    }
                }
            }
            let temps = cx.temps.pop().unwrap_or_default();
            let decls = std::mem::replace(&mut self.pending_flag_decls, saved_decls);
            stmts.extend(decls);
            stmts.extend(body);
            for &t in temps.iter().rev() {
                stmts.push(Stmt::Expr(self.drop_local(cx, t, &range)));
            }
        }
        let mut tail = block.tail;
        if let Some(t) = tail {
            cx.temps.push(Vec::new());
            let saved_decls = std::mem::take(&mut self.pending_flag_decls);
            self.walk(cx, t, how)?;
            let temps = cx.temps.pop().unwrap_or_default();
            let decls = std::mem::replace(&mut self.pending_flag_decls, saved_decls);
            stmts.extend(decls);
            let scope_has_drops = cx.scopes.last().is_some_and(|s| !s.is_empty());
            let tty = self.exprs[t].ty;
            if (!temps.is_empty() || scope_has_drops) && !matches!(self.types.get(tty), Type::Never) {
                // the value first, then the drops
                let v = self.post_local("value", tty, &range);
                stmts.push(Stmt::Let { local: v, init: Some(t) });
                for &l in temps.iter().rev() {
                    stmts.push(Stmt::Expr(self.drop_local(cx, l, &range)));
                }
                tail = Some(self.post_expr(ExprKind::Local(v), tty, &range));
            }
            // (after a diverging tail nothing runs: its temporaries are not dropped)
        }
        let scope = cx.scopes.pop().unwrap_or_default();
        let diverges = matches!(self.types.get(self.exprs[e].ty), Type::Never);
        if !diverges && !tail.is_some_and(|t| matches!(self.types.get(self.exprs[t].ty), Type::Never)) {
            for &l in scope.iter().rev() {
                stmts.push(Stmt::Expr(self.drop_local(cx, l, &range)));
            }
        }
        self.exprs[e].kind = ExprKind::Block(Block { stmts, tail });
        Ok(())
    }

    /// Is `let local = init` a spill of a place (a copy of its bytes that
    /// the place still owns: a format argument, `assert_eq!`'s operands)?
    fn is_view(&self, local: Handle<Local>, init: Option<Handle<Expr>>) -> bool {
        self.spilled.contains(&local) && init.is_some_and(|i| self.exprs[i].kind.is_place())
    }

    /// Is `e` `{ let tmp = ..; &tmp }` (a borrow of a temporary)?
    fn is_borrow_of_spill(&self, e: Handle<Expr>) -> bool {
        // `let d: &dyn Tr = &temp();`: the object's data pointer is the borrow
        if let ExprKind::Struct { fields, .. } = &self.exprs[e].kind {
            let is_dyn = self.items.dyn_of(self.types, self.exprs[e].ty).is_some();
            return is_dyn
                && fields
                    .first()
                    .is_some_and(|&d| matches!(self.exprs[d].kind, ExprKind::Cast { value } if self.is_borrow_of_spill(value)));
        }
        let ExprKind::Block(b) = &self.exprs[e].kind else { return false };
        let Some(t) = b.tail else { return false };
        let ExprKind::AddrOf { place, .. } = self.exprs[t].kind else { return false };
        matches!(self.exprs[place].kind, ExprKind::Local(l) if self.spilled.contains(&l))
    }
}
