//! Error recovery inside a body (rustc's): a statement that does not
//! type-check is recorded and dropped, the names it binds get an error type
//! (a fresh variable: it takes whatever its uses need), and the body goes on,
//! so every independent error of a body is reported in one run. An error
//! of a statement that reads such a name (or a value made from one) is a
//! consequence of the first and is not reported (rustc's `{type error}`).

use std::ops::Range;

use hybrid_ir::{Expr, Handle, Literal};

use super::{FnLower, Mark};
use crate::diag::{range_of, DResult, Diagnostic};
use crate::infer::VarKind;

/// What a statement's recovery restores besides [`Mark`]: the stacks of
/// the constructs being lowered around it.
pub(crate) struct StmtMark {
    mark: Mark,
    loops: usize,
    block_modules: usize,
    method_calls: usize,
    box_debug: usize,
    /// Had the enclosing statement read an error value before this one?
    tainted_before: bool,
    /// How many names the innermost scope had.
    scope_len: usize,
}

impl FnLower<'_> {
    /// Does an error inside a body get recorded (and the body lowered on)?
    /// Not in a check against bounds, not while probing a lowering whose
    /// failure picks another (`probe_type`, trial closure calls).
    pub(crate) fn recovering(&self) -> bool {
        !self.check_mode && self.probe_depth == 0
    }

    /// Before lowering a statement: where to go back to should it fail.
    pub(crate) fn stmt_mark(&mut self) -> StmtMark {
        let tainted_before = std::mem::take(&mut self.tainted);
        StmtMark {
            mark: self.mark(),
            loops: self.loops.len(),
            block_modules: self.block_modules.len(),
            method_calls: self.method_calls.len(),
            box_debug: self.box_debug_stack.len(),
            tainted_before,
            scope_len: self.scopes.last().map_or(0, Vec::len),
        }
    }

    /// After a statement lowered: the names it bound hold error values
    /// when it read one. A block's tail passes its taint on to the
    /// expression the block is part of; another statement does not.
    pub(crate) fn stmt_done(&mut self, m: &StmtMark, tail: bool) {
        if self.tainted {
            let from = m.mark.locals;
            self.poisoned.extend((from..self.locals.len()).map(Handle::from_index));
        }
        if !tail {
            self.tainted = m.tainted_before;
        } else {
            self.tainted |= m.tainted_before;
        }
    }

    /// A statement failed with `e`: recorded (unless it follows from an
    /// earlier error) and dropped, its names bound to error values; `Err(e)`
    /// where recovery does not apply.
    pub(crate) fn recover_stmt(&mut self, e: Diagnostic, m: StmtMark, s: &syn::Stmt) -> DResult<()> {
        if !self.recovering() {
            self.tainted |= m.tainted_before;
            return Err(e);
        }
        let consequence = self.tainted;
        // the errors recorded inside the statement (a nested block's, an operand's) stay
        self.restore(m.mark.recovered, &m);
        if !consequence {
            self.recovered.push(e);
        }
        if let syn::Stmt::Local(l) = s {
            let mut names = Vec::new();
            pattern_names(&l.pat, &mut names);
            for (name, range) in names {
                let ty = self.infer.var(VarKind::General);
                let local = self.new_local(&name, ty, true, range);
                self.poisoned.insert(local);
                self.bind(&name, local);
            }
        }
        self.tainted = m.tainted_before;
        Ok(())
    }

    /// An operand of a larger expression (a call's argument, a binary operator's operand, an array's or a
    /// tuple's element, a format argument): should it fail, its error is recorded
    /// (unless it read an error value) and it becomes an error value, so that the
    /// other operands are checked too (`add(v.lenght(), s.size())`: two errors).
    /// The enclosing statement is tainted: its own failure is a consequence.
    pub(crate) fn operand(&mut self, e: &syn::Expr) -> DResult<Handle<Expr>> {
        self.operand_or_error(e).map(|r| r.unwrap_or_else(|error_value| error_value))
    }

    /// A method call's receiver, as an [`operand`](Self::operand): when it fails, the
    /// arguments are checked too (each an operand) and `Err` holds the error value the
    /// whole call becomes (`missing.max(v.lenght())`: two errors, as rustc).
    pub(crate) fn receiver_operand(&mut self, recv: &syn::Expr, args: &[&syn::Expr]) -> DResult<Result<Handle<Expr>, Handle<Expr>>> {
        let value = self.operand_or_error(recv)?;
        if value.is_err() {
            for a in args {
                self.operand(a)?;
            }
        }
        Ok(value)
    }

    /// [`operand`](Self::operand), telling a failed operand (`Err`: its error value) apart.
    fn operand_or_error(&mut self, e: &syn::Expr) -> DResult<Result<Handle<Expr>, Handle<Expr>>> {
        if !self.recovering() {
            return self.expr(e).map(Ok);
        }
        let m = self.stmt_mark();
        match self.expr(e) {
            Ok(v) => {
                self.tainted |= m.tainted_before;
                Ok(Ok(v))
            }
            Err(err) => {
                let consequence = self.tainted;
                self.restore(m.mark.recovered, &m);
                if !consequence {
                    self.recovered.push(err);
                }
                self.tainted = true;
                let ty = self.infer.var(VarKind::General);
                Ok(Err(self.lit(Literal::Unit, ty, &range_of(e))))
            }
        }
    }

    /// Back to `m` after a failure, keeping the errors recorded since `recovered`.
    fn restore(&mut self, recovered: usize, m: &StmtMark) {
        let inner: Vec<Diagnostic> = self.recovered.drain(recovered..).collect();
        self.rollback(m.mark);
        if let Some(scope) = self.scopes.last_mut() {
            scope.truncate(m.scope_len);
        }
        self.loops.truncate(m.loops);
        self.block_modules.truncate(m.block_modules);
        self.method_calls.truncate(m.method_calls);
        self.box_debug_stack.truncate(m.box_debug);
        self.recovered.extend(inner);
    }

    /// A block's tail failed: recorded as [`FnLower::recover_stmt`] does,
    /// its value an error value (which taints the expression around it).
    pub(crate) fn recover_tail(&mut self, e: Diagnostic, m: StmtMark, s: &syn::Stmt, range: &Range<usize>) -> DResult<Handle<Expr>> {
        self.recover_stmt(e, m, s)?;
        self.tainted = true;
        let ty = self.infer.var(VarKind::General);
        Ok(self.lit(Literal::Unit, ty, range))
    }

    /// Reading local `l`: an error value taints the statement.
    pub(crate) fn note_error_read(&mut self, l: Handle<hybrid_ir::Local>) {
        if self.poisoned.contains(&l) {
            self.tainted = true;
        }
    }

    /// Run `f` with recovery off (its failure is an answer, not an error).
    pub(crate) fn probing<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        self.probe_depth += 1;
        let r = f(self);
        self.probe_depth -= 1;
        r
    }
}

/// The names a `let` pattern binds, with their ranges.
fn pattern_names(pat: &syn::Pat, out: &mut Vec<(String, Range<usize>)>) {
    match pat {
        syn::Pat::Ident(pi) => {
            let name = pi.ident.to_string();
            // a unit struct or variant named in a pattern binds nothing (rustc's rule: lowercase binds)
            if name.starts_with(|c: char| c.is_lowercase() || c == '_') {
                out.push((name, range_of(&pi.ident)));
            }
            if let Some((_, sub)) = &pi.subpat {
                pattern_names(sub, out);
            }
        }
        syn::Pat::Tuple(t) => t.elems.iter().for_each(|p| pattern_names(p, out)),
        syn::Pat::TupleStruct(t) => t.elems.iter().for_each(|p| pattern_names(p, out)),
        syn::Pat::Slice(s) => s.elems.iter().for_each(|p| pattern_names(p, out)),
        syn::Pat::Struct(s) => s.fields.iter().for_each(|f| pattern_names(&f.pat, out)),
        syn::Pat::Type(t) => pattern_names(&t.pat, out),
        syn::Pat::Reference(r) => pattern_names(&r.pat, out),
        syn::Pat::Paren(p) => pattern_names(&p.pat, out),
        syn::Pat::Or(o) => {
            if let Some(first) = o.cases.first() {
                pattern_names(first, out);
            }
        }
        _ => {}
    }
}
