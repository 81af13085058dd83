//! rustc's `unused_assignments` ("value assigned to `x` is never read"):
//! a forward pass over a lowered body that follows which assignments of
//! each user binding may still be read, through `if`s, loops, `break`,
//! `continue` and `return`.
//!
//! Conservative (never a false warning): a borrow `&x`/`&mut x` reads `x`,
//! a partial write (`x.f = ..`, `x[i] = ..`) reads it and defines nothing,
//! a write the lowering did not record (a desugaring's, a closure's) defines
//! nothing, and a binding touched inside a closure is not judged. Not judged
//! yet (FIXME(unused_assignments)): parameters ("value passed to `x` is never
//! read"), partial writes that are overwritten (`x[0] = 1; x = [..]`), the
//! captures of `move` closures, code after a call that diverges.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use hybrid_ir::{Block, Expr, ExprKind, FmtPiece, Handle, Local, LoopId, Stmt};

use super::FnLower;
use crate::diag::Diagnostic;
use crate::lints::Lint;

/// An assignment or `let` initializer of a user binding the pass judges.
pub(crate) struct AssignSite {
    /// The binding's key (`BodyLints::bindings`).
    key: usize,
    /// What rustc underlines: `x = 2`, `x += 1`, the initializer of `let x = 1`.
    range: Range<usize>,
    /// A `let` initializer (not reported for a binding that is never read:
    /// `unused_variables` speaks for it, as in rustc).
    is_init: bool,
}

/// The assignments whose value each tracked local may hold (ids into the sites).
type Defs = HashMap<Handle<Local>, Vec<u32>>;

/// The pass's state: the sites, which were reached and which read.
struct Flow<'a, 'b> {
    lx: &'a FnLower<'b>,
    /// Site id by the assignment expression, and by the `let`'s local.
    by_expr: HashMap<Handle<Expr>, u32>,
    by_let: HashMap<Handle<Local>, u32>,
    tracked: HashSet<Handle<Local>>,
    reached: Vec<bool>,
    read: Vec<bool>,
    /// The `Local` expressions met.
    met: HashSet<Handle<Expr>>,
    /// Per enclosing loop: the states at its `break`s and `continue`s.
    loops: Vec<(LoopId, Vec<Defs>, Vec<Defs>)>,
}

impl FnLower<'_> {
    /// `place = ..` / `place op= ..` just lowered as `e` at `range`.
    pub(crate) fn note_assignment(&mut self, e: Handle<Expr>, range: Range<usize>) {
        let place = match self.kind(e) {
            ExprKind::Assign { place, .. } | ExprKind::AssignOp { place, .. } => *place,
            _ => return,
        };
        if let ExprKind::Local(l) = *self.kind(place) {
            if let (Some(key), 0) = (self.binding_key(l), self.lints.closure_depth) {
                self.lints.assign_sites.push((Some(e), l, AssignSite { key, range, is_init: false }));
            }
        }
    }

    /// `e`, just lowered, reads the local `l`.
    pub(crate) fn note_read_expr(&mut self, e: Handle<Expr>, l: Handle<Local>) {
        if self.binding_key(l).is_some() {
            self.lints.read_exprs.push((e, l));
        }
    }

    /// `let x = init` just lowered into `stmts` (`init` as written; one from a macro is not judged, as in rustc).
    pub(crate) fn note_let_init(&mut self, stmts: &[Stmt], init: &syn::Expr) {
        let ([Stmt::Let { local, init: Some(_) }], false) = (stmts, matches!(init, syn::Expr::Macro(_))) else { return };
        if let (Some(key), 0) = (self.binding_key(*local), self.lints.closure_depth) {
            let range = crate::diag::range_of(init);
            self.lints.assign_sites.push((None, *local, AssignSite { key, range, is_init: true }));
        }
    }

    /// The warnings of the assignments of `body` whose value is never read, in source order.
    pub(crate) fn unused_assignments(&self, body: Handle<Expr>) -> Vec<(Lint, Diagnostic)> {
        let sites = &self.lints.assign_sites;
        let mut flow = Flow {
            lx: self,
            by_expr: HashMap::default(),
            by_let: HashMap::default(),
            tracked: HashSet::default(),
            reached: vec![false; sites.len()],
            read: vec![false; sites.len()],
            met: HashSet::default(),
            loops: Vec::new(),
        };
        for (id, (e, l, site)) in sites.iter().enumerate() {
            // (a rolled-back lowering may have left a site whose handles were reused)
            let gone = l.index() >= self.locals.len() || e.is_some_and(|e| e.index() >= self.exprs.len());
            if gone || self.binding_key(*l) != Some(site.key) || self.lints.closure_keys.contains(&site.key) {
                continue;
            }
            match e {
                Some(e) => flow.by_expr.insert(*e, id as u32),
                None => flow.by_let.insert(*l, id as u32),
            };
            flow.tracked.insert(*l);
        }
        if flow.tracked.is_empty() {
            return Vec::new();
        }
        flow.expr(body, Defs::default());
        // (a read folded away, or outside the tree: its binding is not judged)
        let lost: HashSet<usize> = self
            .lints
            .read_exprs
            .iter()
            .filter(|(e, l)| e.index() < self.exprs.len() && l.index() < self.locals.len())
            .filter(|(e, l)| !flow.met.contains(e) && matches!(self.kind(*e), ExprKind::Local(m) if m == l))
            .filter_map(|(_, l)| self.binding_key(*l))
            .collect();
        let mut dead: Vec<&AssignSite> = sites
            .iter()
            .enumerate()
            .filter(|&(id, _)| flow.reached[id] && !flow.read[id])
            .map(|(_, (_, _, s))| s)
            .filter(|s| !lost.contains(&s.key))
            .filter(|s| !s.is_init || self.lints.read_count(s.key) > 0)
            .collect();
        dead.sort_by_key(|s| s.range.start);
        dead.dedup_by_key(|s| s.range.start);
        dead.into_iter()
            .map(|s| {
                let name = self.lints.binding_name(s.key);
                let mut d = Diagnostic::warning(format!("value assigned to `{name}` is never read"), s.range.clone(), "")
                    .help("maybe it is overwritten before being read?");
                d.helps_first = true;
                (Lint::UnusedAssignments, d)
            })
            .collect()
    }
}

fn join(into: &mut Defs, from: &Defs) {
    for (l, ids) in from {
        let to = into.entry(*l).or_default();
        for id in ids {
            if !to.contains(id) {
                to.push(*id);
            }
        }
    }
}

/// The join of two states, `None` where control does not get through.
fn join_opt(a: Option<Defs>, b: Option<Defs>) -> Option<Defs> {
    match (a, b) {
        (Some(mut a), Some(b)) => {
            join(&mut a, &b);
            Some(a)
        }
        (a, b) => a.or(b),
    }
}

/// The same sets of assignments (order aside).
fn same(a: &Defs, b: &Defs) -> bool {
    let len = |d: &Defs| d.values().map(Vec::len).sum::<usize>();
    len(a) == len(b) && a.iter().all(|(l, ids)| ids.iter().all(|id| b.get(l).is_some_and(|o| o.contains(id))))
}

impl Flow<'_, '_> {
    fn read_local(&mut self, l: Handle<Local>, defs: &Defs) {
        for &id in defs.get(&l).map_or(&[][..], |v| &v[..]) {
            self.read[id as usize] = true;
        }
    }

    /// A definition of `l` by site `id` (`None`: a fresh binding without a judged value).
    fn define(&mut self, l: Handle<Local>, id: Option<u32>, defs: &mut Defs) {
        if let Some(id) = id {
            self.reached[id as usize] = true;
        }
        if self.tracked.contains(&l) {
            defs.insert(l, id.into_iter().collect());
        }
    }

    /// Evaluate `list` in order; `None` once one diverges.
    fn all(&mut self, list: &[Handle<Expr>], mut defs: Defs) -> Option<Defs> {
        for &e in list {
            defs = self.expr(e, defs)?;
        }
        Some(defs)
    }

    fn expr(&mut self, e: Handle<Expr>, defs: Defs) -> Option<Defs> {
        let lx = self.lx;
        match lx.kind(e) {
            ExprKind::Local(l) => {
                self.met.insert(e);
                self.read_local(*l, &defs);
                Some(defs)
            }
            ExprKind::Assign { place, value } => {
                let mut defs = self.expr(*value, defs)?;
                self.met.insert(*place);
                match (lx.kind(*place), self.by_expr.get(&e)) {
                    (ExprKind::Local(l), Some(&id)) => self.define(*l, Some(id), &mut defs),
                    // (an unrecorded write defines nothing: its value may still be read)
                    (ExprKind::Local(_), None) => {}
                    _ => defs = self.expr(*place, defs)?,
                }
                Some(defs)
            }
            ExprKind::AssignOp { place, value, .. } => {
                let mut defs = self.all(&[*place, *value], defs)?;
                if let (ExprKind::Local(l), Some(&id)) = (lx.kind(*place), self.by_expr.get(&e)) {
                    self.define(*l, Some(id), &mut defs);
                }
                Some(defs)
            }
            ExprKind::Block(b) => self.block(b, defs),
            ExprKind::If { cond, then, otherwise } => {
                let defs = self.expr(*cond, defs)?;
                let then = self.expr(*then, defs.clone());
                let otherwise = match otherwise {
                    Some(o) => self.expr(*o, defs),
                    None => Some(defs),
                };
                join_opt(then, otherwise)
            }
            ExprKind::Loop { body, id } => self.loop_(*body, *id, defs),
            ExprKind::Break { target, value } => {
                let defs = match value {
                    Some(v) => self.expr(*v, defs)?,
                    None => defs,
                };
                if let Some(l) = self.loops.iter_mut().rev().find(|l| l.0 == *target) {
                    l.1.push(defs);
                }
                None
            }
            ExprKind::Continue { target } => {
                if let Some(l) = self.loops.iter_mut().rev().find(|l| l.0 == *target) {
                    l.2.push(defs);
                }
                None
            }
            ExprKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(*v, defs)?;
                }
                None
            }
            other => {
                let children = children(other);
                self.all(&children, defs)
            }
        }
    }

    fn block(&mut self, b: &Block, mut defs: Defs) -> Option<Defs> {
        for s in &b.stmts {
            match s {
                Stmt::Let { local, init } => {
                    if let Some(i) = init {
                        defs = self.expr(*i, defs)?;
                    }
                    let id = if init.is_some() { self.by_let.get(local).copied() } else { None };
                    self.define(*local, id, &mut defs);
                }
                Stmt::Expr(e) => defs = self.expr(*e, defs)?,
            }
        }
        match b.tail {
            Some(t) => self.expr(t, defs),
            None => Some(defs),
        }
    }

    /// A loop to its fixed point: the state at its head joins the entry's,
    /// the end of its body's and its `continue`s'.
    fn loop_(&mut self, body: Handle<Expr>, id: LoopId, entry: Defs) -> Option<Defs> {
        let mut head = entry;
        loop {
            self.loops.push((id, Vec::new(), Vec::new()));
            let end = self.expr(body, head.clone());
            let (_, breaks, continues) = self.loops.pop().expect("pushed above");
            let mut next = head.clone();
            for d in continues.iter().chain(end.iter()) {
                join(&mut next, d);
            }
            if same(&next, &head) {
                return breaks.into_iter().map(Some).reduce(join_opt).flatten();
            }
            head = next;
        }
    }
}

/// The operands of an expression without control flow of its own, in evaluation order.
fn children(kind: &ExprKind) -> Vec<Handle<Expr>> {
    match kind {
        ExprKind::Literal(_) | ExprKind::Local(_) | ExprKind::FnAddr(_) | ExprKind::StaticBytes(_) => Vec::new(),
        ExprKind::Continue { .. } | ExprKind::Return(None) => Vec::new(),
        ExprKind::Unary { operand, .. } => vec![*operand],
        ExprKind::Binary { lhs, rhs, .. } => vec![*lhs, *rhs],
        ExprKind::Cast { value } | ExprKind::ArrayRepeat { value, .. } => vec![*value],
        ExprKind::Call { args, .. } | ExprKind::Intrinsic { args, .. } => args.clone(),
        ExprKind::CallIndirect { callee, args } => std::iter::once(*callee).chain(args.iter().copied()).collect(),
        ExprKind::Field { base, .. } | ExprKind::Deref(base) | ExprKind::AddrOf { place: base, .. } => vec![*base],
        ExprKind::Index { base, index } => vec![*base, *index],
        ExprKind::SliceRange { base, start, end } => std::iter::once(*base).chain(*start).chain(*end).collect(),
        ExprKind::Assign { place, value } | ExprKind::AssignOp { place, value, .. } => vec![*place, *value],
        ExprKind::If { cond, then, otherwise } => std::iter::once(*cond).chain([*then]).chain(*otherwise).collect(),
        ExprKind::Loop { body, .. } => vec![*body],
        ExprKind::Break { value, .. } | ExprKind::Return(value) => value.iter().copied().collect(),
        ExprKind::Tuple(v) | ExprKind::Array(v) | ExprKind::Struct { fields: v } => v.clone(),
        ExprKind::Block(b) => b
            .stmts
            .iter()
            .filter_map(|s| match s {
                Stmt::Let { init, .. } => *init,
                Stmt::Expr(e) => Some(*e),
            })
            .chain(b.tail)
            .collect(),
        ExprKind::Print { pieces, .. } => pieces
            .iter()
            .filter_map(|p| match p {
                FmtPiece::Arg { value, .. } => Some(*value),
                FmtPiece::Literal(_) => None,
            })
            .collect(),
        ExprKind::Offload { blocks, threads, dyn_cache, device, args, .. } => {
            blocks.iter().chain(threads.iter()).copied().chain([*dyn_cache, *device]).chain(args.iter().copied()).collect()
        }
    }
}
