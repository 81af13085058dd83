//! A body's lints, gathered while it is lowered: rustc's `unused_variables`
//! (never read; only assigned) and `unused_mut` (declared `mut`, never
//! assigned or mutably borrowed: `check_mutable` reports every mutation).
//! Bindings are keyed by the source offset of their name, so the counts
//! survive `mark`/`rollback` and a closure lowered at several calls (a use
//! in a rolled-back lowering is a use in the kept one too).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use hybrid_ir::{Handle, Local};

use super::FnLower;
use crate::diag::Diagnostic;
use crate::lints::Lint;

/// A binding the user wrote: `let x`, a parameter, a pattern's name.
pub(crate) struct UserBinding {
    name: String,
    /// The name.
    range: Range<usize>,
    /// Where its `mut ` starts (declared `mut`).
    mut_at: Option<usize>,
    /// Declared inside a closure (rustc reports those before its body's).
    in_closure: bool,
    /// `S { x }` in a pattern: rustc's help is `x: _`.
    shorthand: bool,
}

#[derive(Default)]
pub(crate) struct BodyLints {
    /// Off for library bodies (they never warn) and bound checks.
    pub(crate) enabled: bool,
    bindings: HashMap<usize, UserBinding>,
    /// Reads and writes (plain assignments `x = ..`, `x += ..`) per binding.
    uses: HashMap<usize, (u32, u32)>,
    mutated: HashSet<usize>,
    /// Inside an inlined closure body (`closure::inline_closure`).
    pub(crate) closure_depth: u32,
    /// `unreachable_code`: by the unreachable statement's start, its range,
    /// the diverging expression's, and where the block ends (its bindings
    /// are not judged: rustc's liveness skips dead code).
    unreachable: HashMap<usize, (Range<usize>, Range<usize>, usize)>,
    /// The keys of `bindings` in the order they were noted.
    order: Vec<usize>,
    /// The place each `match` pointer (`FnLower::match_places`) points to.
    pub(crate) scrutinee_of: HashMap<Handle<Local>, Handle<hybrid_ir::Expr>>,
    /// Statements with `#[allow(..)]`: their range and the lint names.
    allows: Vec<(Range<usize>, Vec<String>)>,
    /// `unused_assignments`' sites: the assignment (`None`: a `let`'s
    /// initializer), the local, the site (`lower/assign_liveness.rs`).
    pub(crate) assign_sites: Vec<(Option<Handle<hybrid_ir::Expr>>, Handle<Local>, super::assign_liveness::AssignSite)>,
    /// Bindings read or written inside a closure (not judged by `unused_assignments`).
    pub(crate) closure_keys: HashSet<usize>,
    /// The user bindings' reads as lowered (`unused_assignments` judges no
    /// binding with a read the body's tree lost: `arr.len()` of an array).
    pub(crate) read_exprs: Vec<(Handle<hybrid_ir::Expr>, Handle<Local>)>,
    /// `unused_assignments`' warnings, found before the drops are elaborated.
    pub(crate) assignment_warnings: Vec<(Lint, Diagnostic)>,
}

impl BodyLints {
    pub(crate) fn new(enabled: bool) -> Self {
        BodyLints { enabled, ..Default::default() }
    }

    /// The reads of the binding with key `key` (an assignment's place counts as a read and a write).
    pub(crate) fn read_count(&self, key: usize) -> u32 {
        self.uses.get(&key).map_or(0, |u| u.0.saturating_sub(u.1))
    }

    pub(crate) fn binding_name(&self, key: usize) -> &str {
        self.bindings.get(&key).map_or("", |b| &b.name)
    }
}

impl FnLower<'_> {
    /// `l`, just bound to `name`: a user binding when its range is the name
    /// as written (or `mut name`); desugarings and macro-renamed locals are not.
    pub(crate) fn note_binding(&mut self, name: &str, l: Handle<Local>) {
        if !self.lints.enabled || name.starts_with('_') || name == "self" {
            return;
        }
        let range = self.lranges[l.index()].clone();
        let source = self.lines.source();
        let Some(text) = source.get(range.clone()) else { return };
        let range = if text == name {
            range
        } else if text.strip_prefix("mut").is_some_and(|r| r.trim_start() == name) {
            range.end - name.len()..range.end
        } else {
            return;
        };
        if self.lints.bindings.contains_key(&range.start) {
            return;
        }
        let before = source[..range.start].trim_end();
        let mut_at = (self.locals[l].mutable && before.ends_with("mut")).then(|| before.len() - 3);
        let shorthand = is_struct_field_shorthand(source, range.clone(), mut_at.unwrap_or(range.start));
        let in_closure = self.lints.closure_depth > 0;
        self.lints.order.push(range.start);
        self.lints.bindings.insert(range.start, UserBinding { name: name.to_string(), range, mut_at, in_closure, shorthand });
    }

    /// The statement at `stmt` follows the diverging `cause` in a block ending at `end`.
    pub(crate) fn note_unreachable(&mut self, stmt: Range<usize>, cause: Range<usize>, end: usize) {
        if self.lints.enabled {
            self.lints.unreachable.entry(stmt.start).or_insert((stmt, cause, end));
        }
    }

    /// The user binding `l` is, if it is one.
    pub(crate) fn binding_key(&self, l: Handle<Local>) -> Option<usize> {
        if !self.lints.enabled {
            return None;
        }
        let r = &self.lranges[l.index()];
        let name = &self.locals[l].name;
        let start = r.end.checked_sub(name.len())?;
        self.lints.bindings.get(&start).filter(|b| b.name == *name).map(|_| start)
    }

    pub(crate) fn note_read(&mut self, l: Handle<Local>) {
        if let Some(k) = self.binding_key(l) {
            self.lints.uses.entry(k).or_default().0 += 1;
            self.note_closure_use(k);
        }
    }

    fn note_closure_use(&mut self, key: usize) {
        if self.lints.closure_depth > 0 {
            self.lints.closure_keys.insert(key);
        }
    }

    /// `l = ..` / `l op= ..`: its read by `local_expr` was a write.
    pub(crate) fn note_write(&mut self, place: Handle<hybrid_ir::Expr>) {
        if let hybrid_ir::ExprKind::Local(l) = *self.kind(place) {
            if let Some(k) = self.binding_key(l) {
                self.lints.uses.entry(k).or_default().1 += 1;
                self.note_closure_use(k);
            }
        }
    }

    /// `l` is assigned or mutably borrowed (it needs its `mut`).
    pub(crate) fn note_mutated(&mut self, l: Handle<Local>) {
        if let Some(k) = self.binding_key(l) {
            self.lints.mutated.insert(k);
            self.note_closure_use(k);
        }
    }

    /// A place borrowed mutably (`ref mut` in a pattern): its local needs
    /// its `mut` unless the place is behind a reference.
    pub(crate) fn note_mutated_place(&mut self, mut place: Handle<hybrid_ir::Expr>) {
        use hybrid_ir::ExprKind;
        loop {
            match *self.kind(place) {
                ExprKind::Field { base, .. } | ExprKind::Index { base, .. } => place = base,
                ExprKind::Local(l) => return self.note_mutated(l),
                ExprKind::Deref(p) => match *self.kind(p) {
                    ExprKind::Local(m) if self.match_places.contains(&m) => match self.lints.scrutinee_of.get(&m) {
                        Some(&scrutinee) => place = scrutinee,
                        None => return,
                    },
                    _ => return,
                },
                _ => return,
            }
        }
    }

    /// Bindings noted since `mark` (a rolled-back lowering may have stopped
    /// before their uses: a closure tried on placeholder arguments).
    pub(crate) fn binding_count(&self) -> usize {
        self.lints.order.len()
    }

    pub(crate) fn forget_bindings_since(&mut self, mark: usize) {
        for key in self.lints.order.drain(mark..) {
            self.lints.bindings.remove(&key);
        }
    }

    /// The body's warnings, in rustc's order: unused `mut`s, then unused
    /// variables of closures, then the body's own (each in source order).
    pub(crate) fn body_warnings(&self) -> Vec<(Lint, Diagnostic)> {
        let mut out = Vec::new();
        let mut dead: Vec<&(Range<usize>, Range<usize>, usize)> = self.lints.unreachable.values().collect();
        dead.sort_by_key(|d| d.0.start);
        for (stmt, cause, _) in &dead {
            let d = Diagnostic::warning("unreachable statement", stmt.clone(), "unreachable statement")
                .secondary(cause.clone(), "any code following this expression is unreachable");
            out.push((Lint::UnreachableCode, d));
        }
        let live = |b: &&UserBinding| !dead.iter().any(|(stmt, _, end)| (stmt.start..*end).contains(&b.range.start));
        let mut bindings: Vec<&UserBinding> = self.lints.bindings.values().filter(live).collect();
        bindings.sort_by_key(|b| (!b.in_closure, b.range.start));
        let mut by_pos: Vec<&&UserBinding> = bindings.iter().collect();
        by_pos.sort_by_key(|b| b.range.start);
        for b in by_pos {
            if let Some(at) = b.mut_at {
                if !self.lints.mutated.contains(&b.range.start) {
                    let d = Diagnostic::warning("variable does not need to be mutable", at..b.range.end, "")
                        .secondary(at..b.range.start, "help: remove this `mut`");
                    out.push((Lint::UnusedMut, d));
                }
            }
        }
        for b in bindings {
            let (reads, writes) = self.lints.uses.get(&b.range.start).copied().unwrap_or_default();
            if reads > writes {
                continue;
            }
            let name = &b.name;
            // (with its `mut`)
            let range = b.mut_at.unwrap_or(b.range.start)..b.range.end;
            let d = if writes > 0 {
                Diagnostic::warning(format!("variable `{name}` is assigned to, but never used"), range, "")
                    .note(format!("consider using `_{name}` instead"))
            } else if b.shorthand {
                Diagnostic::warning(format!("unused variable: `{name}`"), range, format!("help: try ignoring the field: `{name}: _`"))
            } else {
                Diagnostic::warning(
                    format!("unused variable: `{name}`"),
                    range,
                    format!("help: if this is intentional, prefix it with an underscore: `_{name}`"),
                )
            };
            out.push((Lint::UnusedVariables, d));
        }
        // (rustc's liveness reports the assignments after the variables)
        out.extend(self.lints.assignment_warnings.iter().cloned());
        out
    }
}

/// A name at `range` (its `mut` from `start`) that is a field of a struct
/// pattern written shorthand (`S { x, .. }`): the innermost open bracket
/// before it is a `{` and the next token ends the field.
fn is_struct_field_shorthand(source: &str, range: Range<usize>, start: usize) -> bool {
    let after = source[range.end..].trim_start();
    if !(after.starts_with(',') || after.starts_with('}')) {
        return false;
    }
    let mut depth = 0u32;
    for c in source[..start].chars().rev() {
        match c {
            ')' | ']' | '}' => depth += 1,
            '(' | '[' | '{' if depth > 0 => depth -= 1,
            '{' => return true,
            '(' | '[' | '|' | ';' | '=' => return false,
            _ => {}
        }
    }
    false
}

/// A statement's range, its `;` included (rustc's statement span).
/// The outer attributes of an expression statement (syn attaches them to
/// its leftmost operand: `#[allow(x)] a = 1;` to `a`).
fn leading_attrs(e: &syn::Expr) -> &[syn::Attribute] {
    use syn::Expr as E;
    let (own, left): (&[syn::Attribute], Option<&syn::Expr>) = match e {
        E::Assign(x) => (&x.attrs, Some(&x.left)),
        E::Binary(x) => (&x.attrs, Some(&x.left)),
        E::MethodCall(x) => (&x.attrs, Some(&x.receiver)),
        E::Field(x) => (&x.attrs, Some(&x.base)),
        E::Index(x) => (&x.attrs, Some(&x.expr)),
        E::Call(x) => (&x.attrs, Some(&x.func)),
        E::Path(x) => (&x.attrs, None),
        E::Macro(x) => (&x.attrs, None),
        E::Block(x) => (&x.attrs, None),
        E::If(x) => (&x.attrs, None),
        E::While(x) => (&x.attrs, None),
        E::ForLoop(x) => (&x.attrs, None),
        E::Loop(x) => (&x.attrs, None),
        E::Match(x) => (&x.attrs, None),
        E::Unsafe(x) => (&x.attrs, None),
        _ => (&[], None),
    };
    match left {
        Some(l) if own.is_empty() => leading_attrs(l),
        _ => own,
    }
}

impl FnLower<'_> {
    /// A statement's `#[allow(..)]`: its lints are not reported inside it.
    pub(crate) fn note_stmt_allows(&mut self, s: &syn::Stmt) {
        if !self.lints.enabled {
            return;
        }
        let attrs = match s {
            syn::Stmt::Local(l) => &l.attrs[..],
            syn::Stmt::Macro(m) => &m.attrs[..],
            syn::Stmt::Expr(e, _) => leading_attrs(e),
            syn::Stmt::Item(_) => return,
        };
        let names = crate::lints::allowed_names(attrs);
        if !names.is_empty() {
            self.lints.allows.push((stmt_range(s), names));
        }
    }

    /// Is `lint` at `at` silenced by a statement's `#[allow(..)]`?
    pub(crate) fn allowed_in_body(&self, lint: Lint, at: usize) -> bool {
        self.lints.allows.iter().any(|(r, names)| r.contains(&at) && crate::lints::allows(names, lint))
    }
}

pub(crate) fn stmt_range(s: &syn::Stmt) -> Range<usize> {
    crate::diag::range_of(s)
}

/// The expression of a diverging statement (`return` of `return;`, the initializer of a `let`).
pub(crate) fn diverging_range(s: &syn::Stmt) -> Range<usize> {
    use crate::diag::range_of;
    match s {
        syn::Stmt::Local(l) => l.init.as_ref().map_or_else(|| stmt_range(s), |i| range_of(&i.expr)),
        syn::Stmt::Expr(e, _) => range_of(e),
        syn::Stmt::Macro(m) => range_of(&m.mac),
        syn::Stmt::Item(i) => range_of(i),
    }
}
