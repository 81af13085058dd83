//! The derived `Debug` of a recursive type (`enum Tree { Leaf(i32),
//! Node(Box<Tree>, Box<Tree>) }`, a list of `Option<Box<Node>>`): where the
//! inline expansion of `debug.rs` reaches a `Box` of a type it is already
//! expanding, it calls `core::debug_derived::debug::<T>` (`{:?}`) or
//! `debug_pretty::<T>` (`{:#?}`, with the run-time indent of the
//! value's line) instead; their bodies, made here per `T`, are the same
//! expansion appending to the line buffer, so the recursion is a call.

use std::ops::Range;

use hybrid_ir::{BinaryOp, Expr, ExprKind, FmtKind, FmtSpec, Handle, Local, PrintTarget, Scalar, Stmt, Type};

use super::debug::Part;
use super::pattern::{PlacePath, Proj};
use super::FnLower;
use crate::diag::{DResult, Diagnostic};
use crate::infer::TyId;

impl<'i> FnLower<'i> {
    /// Is this body `debug_derived::debug` (`Some(false)`) or
    /// `debug_derived::debug_pretty` (`Some(true)`)?
    pub(crate) fn debug_fn_pretty(&self) -> Option<bool> {
        if self.items.library_fn("debug_derived::debug") == Some(self.fid) {
            Some(false)
        } else if self.items.library_fn("debug_derived::debug_pretty") == Some(self.fid) {
            Some(true)
        } else {
            None
        }
    }

    /// A line break in pretty output, then the indent of `n` spaces (plus
    /// the run-time indent of a `debug_pretty` body).
    pub(super) fn debug_newline(&mut self, out: &mut Vec<Part>, n: usize, range: &Range<usize>) -> DResult<()> {
        super::debug::lit(out, "\n");
        if let Some(base) = self.debug_indent_base {
            let b = self.local_expr(base, range);
            let call = self.library_call("debug_derived::indent", vec![b], range)?;
            out.push(Part::Stmt(Stmt::Expr(call)));
        }
        if n > 0 {
            super::debug::lit(out, &" ".repeat(n));
        }
        Ok(())
    }

    /// `{:?}` of the value at `inner` (type `t`, a type being expanded
    /// already): the call of its Debug function.
    pub(super) fn debug_recursive_call(
        &mut self,
        inner: &PlacePath,
        t: TyId,
        spec: FmtSpec,
        pretty: Option<usize>,
        out: &mut Vec<Part>,
        range: &Range<usize>,
    ) -> DResult<()> {
        if spec != (FmtSpec { kind: FmtKind::Debug, ..FmtSpec::default() }) || self.debug_hex.is_some() {
            let shown = self.describe(t);
            // FIXME(recursive Debug specs): the functions print with the plain spec only
            return Err(Diagnostic::unsupported(
                &format!("a width, precision or flag in `{{:?}}` of the recursive type {shown}"),
                range.clone(),
            ));
        }
        let place = self.place_expr(inner, range);
        let addr = self.take_address(place, false, range)?;
        let call = match pretty {
            None => self.library_call("debug_derived::debug", vec![addr], range)?,
            Some(indent) => {
                let mut n = self.lit_scalar(Scalar::Usize, indent as u64, range);
                if let Some(base) = self.debug_indent_base {
                    let b = self.local_expr(base, range);
                    let usize_ty = self.scalar_ty(Scalar::Usize);
                    n = self.push(ExprKind::Binary { op: BinaryOp::Add, lhs: b, rhs: n }, usize_ty, range);
                }
                self.library_call("debug_derived::debug_pretty", vec![addr, n], range)?
            }
        };
        out.push(Part::Stmt(Stmt::Expr(call)));
        Ok(())
    }

    /// The body of `debug_derived::debug{,_pretty}::<T>(value: &T[, indent])`:
    /// the expansion of `{:?}` (`{:#?}`) of `*value` into the line buffer.
    pub(crate) fn debug_fn_body(
        &mut self,
        t: Handle<Type>,
        pretty: bool,
        params: &[Handle<Local>],
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        let Some(&value) = params.first() else {
            return Err(Diagnostic::ice("`debug_derived::debug` without its parameter"));
        };
        if pretty {
            self.debug_indent_base = params.get(1).copied();
        }
        let tt = self.infer.import(t, self.types);
        let place = PlacePath { local: value, proj: vec![Proj::Deref(tt)] };
        let spec = FmtSpec { kind: FmtKind::Debug, ..FmtSpec::default() };
        let mut parts = Vec::new();
        self.debug_parts(&place, tt, spec, pretty.then_some(0), &mut parts, range)?;
        let mut stmts = Vec::new();
        self.emit_parts(PrintTarget::Buffer, parts, &mut stmts, range);
        Ok(self.block_expr(stmts, None, range))
    }
}
