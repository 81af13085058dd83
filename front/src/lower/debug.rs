//! `{:?}` and `{:#?}` of structs, tuple and unit structs, enums (all with
//! `#[derive(Debug)]`), tuples and arrays: expanded at compile time into
//! format pieces, as the derived `Debug` impls print them; an enum's
//! variants become a run-time switch between piece lists.

use std::ops::Range;

use hybrid_ir::{BinaryOp, Expr, ExprKind, FmtPiece, FmtSpec, Handle, Literal, PrintTarget, Scalar, Stmt};

use super::pattern::{PlacePath, Proj};
use super::FnLower;
use crate::diag::{DResult, Diagnostic};
use crate::enums::FieldsForm;
use crate::infer::{Shape, TyId};

/// Format output: pieces, or a choice among piece lists by run-time tests.
pub(crate) enum Part {
    Piece(FmtPiece),
    Switch(Vec<(Handle<Expr>, Vec<Part>)>),
}

/// A field to print: its name (named fields), its place and type.
type Item = (Option<String>, PlacePath, TyId);

fn lit(out: &mut Vec<Part>, s: &str) {
    match out.last_mut() {
        Some(Part::Piece(FmtPiece::Literal(prev))) => prev.push_str(s),
        _ => out.push(Part::Piece(FmtPiece::Literal(s.to_string()))),
    }
}

impl<'i> FnLower<'i> {
    /// Whether `{:?}` of a value of type `t` needs expanding here.
    pub(crate) fn needs_debug_expansion(&mut self, t: TyId) -> bool {
        matches!(self.shape(t), Some(Shape::Struct(_) | Shape::Adt { .. } | Shape::Tuple(_) | Shape::Array { .. } | Shape::Unit))
    }

    /// Append the Debug text of `value` (a place or a value of memory
    /// type that can be read more than once: a local or a field of one).
    pub(crate) fn debug_parts(
        &mut self,
        value: &PlacePath,
        t: TyId,
        spec: FmtSpec,
        pretty: Option<usize>,
        out: &mut Vec<Part>,
        range: &Range<usize>,
    ) -> DResult<()> {
        let shape = self.shape(t);
        let sub = |p: Proj| {
            let mut v = value.clone();
            v.proj.push(p);
            v
        };
        match shape {
            Some(Shape::Ptr { pointee, reference: true, .. }) => {
                self.debug_parts(&sub(Proj::Deref(pointee)), pointee, spec, pretty, out, range)
            }
            Some(Shape::Unit) => {
                lit(out, "()");
                Ok(())
            }
            Some(Shape::Tuple(tys)) => {
                let items: Vec<Item> = tys.iter().enumerate().map(|(i, et)| (None, sub(Proj::Field(i as u32, *et)), *et)).collect();
                self.debug_list("", "(", ")", items, spec, pretty, out, range)
            }
            Some(Shape::Array { elem, len }) => {
                let items: Vec<Item> = (0..len).map(|i| (None, sub(Proj::Index(i, elem)), elem)).collect();
                self.debug_list("", "[", "]", items, spec, pretty, out, range)
            }
            Some(Shape::Struct(_) | Shape::Adt { .. }) => {
                let Some(sid) = self.adt_sid(t) else {
                    return Err(Diagnostic::unsupported("`{:?}` of this type", range.clone()));
                };
                if !self.items.structs[sid].derives.iter().any(|d| d == "Debug") {
                    let name = self.items.structs[sid].name.clone();
                    return Err(Diagnostic::at(
                        Some("E0277"),
                        format!("`{name}` doesn't implement `Debug`"),
                        range.clone(),
                        format!("`{name}` cannot be formatted using `{{:?}}` because it doesn't implement `Debug`"),
                    )
                    .help(format!("the trait `Debug` is not implemented for `{name}`"))
                    .note(format!("add `#[derive(Debug)]` to `{name}` or manually `impl Debug for {name}`")));
                }
                let short = self.items.structs[sid].name.rsplit("::").next().unwrap_or_default().to_string();
                match self.items.variants(sid).map(|v| v.to_vec()) {
                    None => {
                        let (form, fields) = self.ctor_fields(super::adt::Ctor::Struct(sid), t);
                        let items =
                            fields.iter().enumerate().map(|(i, (n, ft))| (Some(n.clone()), sub(Proj::Field(i as u32, *ft)), *ft)).collect();
                        self.debug_fields(&short, form, items, spec, pretty, out, range)
                    }
                    Some(variants) => {
                        let tag_ty = self.scalar_ty(crate::enums::tag_scalar());
                        let bool_ty = self.scalar_ty(Scalar::Bool);
                        let mut cases = Vec::new();
                        for (vi, v) in variants.iter().enumerate() {
                            let tag = self.place_expr(&sub(Proj::Field(0, tag_ty)), range);
                            let d = self.lit(Literal::Int(v.discr as u64), tag_ty, range);
                            let cond = self.push(ExprKind::Binary { op: BinaryOp::Eq, lhs: tag, rhs: d }, bool_ty, range);
                            let (_, fields) = self.ctor_fields(super::adt::Ctor::Variant(sid, vi), t);
                            let items = fields
                                .iter()
                                .enumerate()
                                .map(|(i, (n, ft))| (Some(n.clone()), sub(Proj::Field(v.first + i as u32, *ft)), *ft))
                                .collect();
                            let mut parts = Vec::new();
                            self.debug_fields(&v.name, v.form, items, spec, pretty, &mut parts, range)?;
                            cases.push((cond, parts));
                        }
                        out.push(Part::Switch(cases));
                        Ok(())
                    }
                }
            }
            _ => {
                let value = self.place_expr(value, range);
                out.push(Part::Piece(FmtPiece::Arg { value, spec }));
                Ok(())
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn debug_fields(
        &mut self,
        name: &str,
        form: FieldsForm,
        items: Vec<Item>,
        spec: FmtSpec,
        pretty: Option<usize>,
        out: &mut Vec<Part>,
        range: &Range<usize>,
    ) -> DResult<()> {
        match form {
            FieldsForm::Unit => {
                lit(out, name);
                Ok(())
            }
            _ if items.is_empty() => {
                lit(out, name);
                Ok(())
            }
            FieldsForm::Tuple => {
                let items = items.into_iter().map(|(_, e, t)| (None, e, t)).collect();
                self.debug_list(name, "(", ")", items, spec, pretty, out, range)
            }
            FieldsForm::Named => self.debug_list(&format!("{name} "), "{", "}", items, spec, pretty, out, range),
        }
    }

    /// `name(a, b)`, `name { x: a }`, `[a, b]`, pretty or not.
    #[allow(clippy::too_many_arguments)]
    fn debug_list(
        &mut self,
        name: &str,
        open: &str,
        close: &str,
        items: Vec<Item>,
        spec: FmtSpec,
        pretty: Option<usize>,
        out: &mut Vec<Part>,
        range: &Range<usize>,
    ) -> DResult<()> {
        lit(out, name);
        lit(out, open);
        if items.is_empty() {
            lit(out, close);
            return Ok(());
        }
        let braces = open == "{";
        let n = items.len();
        for (i, (field, e, et)) in items.into_iter().enumerate() {
            match pretty {
                Some(indent) => {
                    lit(out, "\n");
                    lit(out, &" ".repeat(indent + 4));
                    if let Some(f) = &field {
                        lit(out, &format!("{f}: "));
                    }
                    self.debug_parts(&e, et, spec, Some(indent + 4), out, range)?;
                    lit(out, ",");
                }
                None => {
                    if i == 0 && braces {
                        lit(out, " ");
                    }
                    if let Some(f) = &field {
                        lit(out, &format!("{f}: "));
                    }
                    self.debug_parts(&e, et, spec, None, out, range)?;
                    if i + 1 < n {
                        lit(out, ", ");
                    } else if braces {
                        lit(out, " ");
                    }
                }
            }
        }
        if let Some(indent) = pretty {
            lit(out, "\n");
            lit(out, &" ".repeat(indent));
        }
        lit(out, close);
        Ok(())
    }

    /// The `Print`s of a format's parts: one `Print` when there is no
    /// switch, else a block printing the pieces in order (the newline with
    /// the last). Panics cannot be split.
    pub(crate) fn print_parts(
        &mut self,
        target: PrintTarget,
        parts: Vec<Part>,
        newline: bool,
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        let ty = if target == PrintTarget::Panic { self.infer.never() } else { self.infer.unit() };
        if parts.iter().all(|p| matches!(p, Part::Piece(_))) {
            let pieces = parts.into_iter().map(|p| if let Part::Piece(p) = p { p } else { unreachable!() }).collect();
            return Ok(self.push(ExprKind::Print { target, pieces, newline }, ty, range));
        }
        if target == PrintTarget::Panic {
            return Err(Diagnostic::unsupported("`{:?}` of an enum in a panic message", range.clone()));
        }
        let mut stmts = Vec::new();
        self.emit_parts(target, parts, &mut stmts, range);
        let unit = self.infer.unit();
        if newline {
            stmts.push(Stmt::Expr(self.push(ExprKind::Print { target, pieces: vec![], newline: true }, unit, range)));
        }
        Ok(self.block_expr(stmts, None, range))
    }

    fn emit_parts(&mut self, target: PrintTarget, parts: Vec<Part>, stmts: &mut Vec<Stmt>, range: &Range<usize>) {
        let unit = self.infer.unit();
        let mut run = Vec::new();
        for p in parts {
            match p {
                Part::Piece(piece) => run.push(piece),
                Part::Switch(cases) => {
                    if !run.is_empty() {
                        let pieces = std::mem::take(&mut run);
                        stmts.push(Stmt::Expr(self.push(ExprKind::Print { target, pieces, newline: false }, unit, range)));
                    }
                    let mut acc: Option<Handle<Expr>> = None;
                    for (cond, sub) in cases.into_iter().rev() {
                        let mut body = Vec::new();
                        self.emit_parts(target, sub, &mut body, range);
                        let b = self.block_expr(body, None, range);
                        acc = Some(match acc {
                            None => b,
                            Some(rest) => self.push(ExprKind::If { cond, then: b, otherwise: Some(rest) }, unit, range),
                        });
                    }
                    if let Some(a) = acc {
                        stmts.push(Stmt::Expr(a));
                    }
                }
            }
        }
        if !run.is_empty() {
            stmts.push(Stmt::Expr(self.push(ExprKind::Print { target, pieces: run, newline: false }, unit, range)));
        }
    }
}
