//! `{:?}` and `{:#?}` of structs, tuple and unit structs, enums (all with
//! `#[derive(Debug)]`), tuples, arrays, slices and `Vec`s: expanded at
//! compile time into format pieces, as the derived `Debug` impls print
//! them; an enum's variants become a run-time switch between piece lists,
//! a slice's elements a run-time loop.

use std::ops::Range;

use hybrid_ir::{BinaryOp, Expr, ExprKind, FmtKind, FmtPiece, FmtSpec, Handle, Intrinsic, Literal, Local, PrintTarget, Scalar, Stmt};

use super::pattern::{PlacePath, Proj};
use super::FnLower;
use crate::diag::{DResult, Diagnostic};
use crate::enums::FieldsForm;
use crate::infer::{Shape, TyId};

/// Format output: pieces, or a choice among piece lists by run-time tests.
pub(crate) enum Part {
    Piece(FmtPiece),
    /// A statement run between the pieces (`{}` of a `&str`, a `Display` impl's `fmt` call).
    Stmt(Stmt),
    Switch(Vec<(Handle<Expr>, Vec<Part>)>),
    /// `let slice = ..;` then, for `index` in `0..slice.len()`, `body`.
    Loop {
        setup: Stmt,
        slice: Handle<Local>,
        index: Handle<Local>,
        body: Vec<Part>,
    },
}

/// A field to print: its name (named fields), its place and type.
type Item = (Option<String>, PlacePath, TyId);

pub(super) fn lit(out: &mut Vec<Part>, s: &str) {
    match out.last_mut() {
        Some(Part::Piece(FmtPiece::Literal(prev))) => prev.push_str(s),
        _ => out.push(Part::Piece(FmtPiece::Literal(s.to_string()))),
    }
}

impl<'i> FnLower<'i> {
    /// Whether `{:?}` of a value of type `t` needs expanding here.
    pub(crate) fn needs_debug_expansion(&mut self, t: TyId) -> bool {
        matches!(
            self.shape(t),
            Some(
                Shape::Struct(_)
                    | Shape::Adt { .. }
                    | Shape::Tuple(_)
                    | Shape::Array { .. }
                    | Shape::Slice { .. }
                    | Shape::Vec(_)
                    | Shape::Unit
            )
        )
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
            Some(Shape::Unit) => self.debug_unit(spec, out, range),
            Some(Shape::Tuple(tys)) => {
                let items: Vec<Item> = tys.iter().enumerate().map(|(i, et)| (None, sub(Proj::Field(i as u32, *et)), *et)).collect();
                self.debug_list("", "(", ")", items, spec, pretty, out, range)
            }
            Some(Shape::Array { elem, len }) => {
                // a length not known yet (a variable, a const parameter in a check): nothing to print element by element
                let known = self.infer.length(len).filter(|l| l & (crate::infer::LENGTH_VAR | crate::infer::PARAM_LEN) == 0);
                let Some(len) = known else { return Err(self.annotations_needed(range)) };
                let items: Vec<Item> = (0..len).map(|i| (None, sub(Proj::Index(i, elem)), elem)).collect();
                self.debug_list("", "[", "]", items, spec, pretty, out, range)
            }
            Some(Shape::Slice { .. } | Shape::Vec(_)) => self.debug_elements(value, spec, pretty, out, range),
            // a box: its value's
            Some(Shape::Struct(_) | Shape::Adt { .. }) if self.box_pointee(t).is_some() => {
                let pointee = self.box_pointee(t).expect("a box");
                let raw = self.infer.known(Shape::Ptr { pointee, mutable: true, reference: false });
                let mut inner = sub(Proj::Field(0, raw));
                inner.proj.push(Proj::Deref(pointee));
                self.debug_parts(&inner, pointee, spec, pretty, out, range)
            }
            Some(Shape::Struct(_) | Shape::Adt { .. }) => {
                // a string, or a type with its own `Debug` impl
                let v = self.place_expr(value, range);
                let rt_bits = self.debug_rt_spec.map(|l| self.local_expr(l, range));
                if let Some(parts) = self.string_fmt_parts_with(v, spec, rt_bits, range)? {
                    out.extend(parts);
                    return Ok(());
                }
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
                let root = self.infer.find(t);
                if self.box_debug_stack.iter().any(|&s| self.infer.find(s) == root) {
                    // a recursive type: its Debug is one function per type (`core::debug_derived`)
                    return self.debug_recursive_call(value, t, spec, pretty, out, range);
                }
                self.box_debug_stack.push(t);
                let r = self.debug_adt(value, t, sid, spec, pretty, out, range);
                self.box_debug_stack.pop();
                r
            }
            _ => {
                let value = self.place_expr(value, range);
                let spec = self.debug_leaf_spec(t, spec);
                if let Some(l) = self.debug_rt_spec {
                    // `{:w$?}`: the spec computed at run time (`macros.rs`)
                    let bits = self.local_expr(l, range);
                    if let Some(parts) = self.string_fmt_parts_with(value, spec, Some(bits), range)? {
                        out.extend(parts);
                        return Ok(());
                    }
                    let bits = self.local_expr(l, range);
                    out.push(self.scalar_with_rt_spec(value, bits, spec.kind.is_radix(), range)?);
                    return Ok(());
                }
                out.push(Part::Piece(FmtPiece::Arg { value, spec }));
                Ok(())
            }
        }
    }

    /// The spec of a scalar inside `{:?}`: under `{:x?}` / `{:X?}` an
    /// integer's is hex (`{:#x?}`: with `0x`), as rustc's `Debug` of integers.
    pub(crate) fn debug_leaf_spec(&mut self, t: TyId, spec: FmtSpec) -> FmtSpec {
        let Some((kind, alternate)) = self.debug_hex else { return spec };
        let int = match self.shape(t) {
            Some(Shape::Scalar(s)) => s.is_int(),
            _ => self.infer.var_kind(t) == Some(crate::infer::VarKind::Int),
        };
        if spec.kind == FmtKind::Debug && int {
            FmtSpec { kind, alternate, ..spec }
        } else {
            spec
        }
    }

    /// The fields of the struct or the variants of the enum `sid` (type `t`) at `value`.
    #[allow(clippy::too_many_arguments)]
    fn debug_adt(
        &mut self,
        value: &PlacePath,
        t: TyId,
        sid: crate::resolve::StructId,
        spec: FmtSpec,
        pretty: Option<usize>,
        out: &mut Vec<Part>,
        range: &Range<usize>,
    ) -> DResult<()> {
        let sub = |p: Proj| {
            let mut v = value.clone();
            v.proj.push(p);
            v
        };
        {
            {
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
        }
    }

    /// `()`: rustc's `f.pad("()")`, padded (and cut by a precision) as a `&str` under `{}`.
    fn debug_unit(&mut self, spec: FmtSpec, out: &mut Vec<Part>, range: &Range<usize>) -> DResult<()> {
        if spec.width.is_none() && spec.precision.is_none() && self.debug_rt_spec.is_none() {
            lit(out, "()");
            return Ok(());
        }
        let display = FmtSpec { kind: hybrid_ir::FmtKind::Display, ..spec };
        let bits = match self.debug_rt_spec {
            Some(l) => {
                // the run-time spec with its kind `Debug` made `Display`
                let encode = hybrid_ir::abi::encode_fmt_spec;
                let debug_bits = encode(&FmtSpec { kind: hybrid_ir::FmtKind::Debug, ..FmtSpec::default() }) ^ encode(&FmtSpec::default());
                let b = self.local_expr(l, range);
                let mask = self.lit_scalar(Scalar::U64, !debug_bits, range);
                let u64_ty = self.scalar_ty(Scalar::U64);
                self.push(ExprKind::Binary { op: BinaryOp::BitAnd, lhs: b, rhs: mask }, u64_ty, range)
            }
            None => self.lit_scalar(Scalar::U64, hybrid_ir::abi::encode_fmt_spec(&display), range),
        };
        let text = self.str_literal("()", range)?;
        match self.string_fmt_parts_with(text, display, Some(bits), range)? {
            Some(parts) => out.extend(parts),
            None => lit(out, "()"),
        }
        Ok(())
    }

    /// `[a, b, c]` of the slice or `Vec` at `value`: a run-time loop over
    /// its elements (`{:#?}`: one per line).
    fn debug_elements(
        &mut self,
        value: &PlacePath,
        spec: FmtSpec,
        pretty: Option<usize>,
        out: &mut Vec<Part>,
        range: &Range<usize>,
    ) -> DResult<()> {
        let place = self.place_expr(value, range);
        let (slice, elem) = self.as_slice(place, false, range)?;
        let sty = self.ty(slice);
        let slice_local = self.new_local("dbg_slice", sty, false, range.clone());
        let usize_ty = self.scalar_ty(Scalar::Usize);
        let index = self.new_local("dbg_i", usize_ty, true, range.clone());
        let item = PlacePath { local: slice_local, proj: vec![Proj::IndexBy(index, elem)] };
        let bool_ty = self.scalar_ty(Scalar::Bool);
        let mut body = Vec::new();
        match pretty {
            Some(indent) => {
                self.debug_newline(&mut body, indent + 4, range)?;
                self.debug_parts(&item, elem, spec, Some(indent + 4), &mut body, range)?;
                lit(&mut body, ",");
            }
            None => {
                let i = self.local_expr(index, range);
                let zero = self.lit_scalar(Scalar::Usize, 0, range);
                let later = self.push(ExprKind::Binary { op: BinaryOp::Gt, lhs: i, rhs: zero }, bool_ty, range);
                let never = self.lit_bool(true, range);
                body.push(Part::Switch(vec![(later, vec![Part::Piece(FmtPiece::Literal(", ".into()))]), (never, Vec::new())]));
                self.debug_parts(&item, elem, spec, None, &mut body, range)?;
            }
        }
        lit(out, "[");
        out.push(Part::Loop { setup: Stmt::Let { local: slice_local, init: Some(slice) }, slice: slice_local, index, body });
        if let Some(indent) = pretty {
            // the closing line only after elements
            let s = self.local_expr(slice_local, range);
            let len = self.intrinsic(Intrinsic::SliceLen, vec![s], usize_ty, range);
            let zero = self.lit_scalar(Scalar::Usize, 0, range);
            let some = self.push(ExprKind::Binary { op: BinaryOp::Gt, lhs: len, rhs: zero }, bool_ty, range);
            let always = self.lit_bool(true, range);
            let mut close = Vec::new();
            self.debug_newline(&mut close, indent, range)?;
            out.push(Part::Switch(vec![(some, close), (always, Vec::new())]));
        }
        lit(out, "]");
        Ok(())
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
                    self.debug_newline(out, indent + 4, range)?;
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
            self.debug_newline(out, indent, range)?;
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
        let mut stmts = Vec::new();
        if target == PrintTarget::Panic {
            // the message is formatted into the line buffer, the panic prints it
            self.emit_parts(PrintTarget::Buffer, parts, &mut stmts, range);
            let panic = self.push(ExprKind::Print { target, pieces: vec![], newline: false }, ty, range);
            stmts.push(Stmt::Expr(panic));
            let b = self.block_expr(stmts, None, range);
            self.etys[b.index()] = ty;
            return Ok(b);
        }
        self.emit_parts(target, parts, &mut stmts, range);
        let unit = self.infer.unit();
        if newline {
            stmts.push(Stmt::Expr(self.push(ExprKind::Print { target, pieces: vec![], newline: true }, unit, range)));
        }
        Ok(self.block_expr(stmts, None, range))
    }

    pub(super) fn emit_parts(&mut self, target: PrintTarget, parts: Vec<Part>, stmts: &mut Vec<Stmt>, range: &Range<usize>) {
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
                Part::Stmt(st) => {
                    if !run.is_empty() {
                        let pieces = std::mem::take(&mut run);
                        stmts.push(Stmt::Expr(self.push(ExprKind::Print { target, pieces, newline: false }, unit, range)));
                    }
                    stmts.push(st);
                }
                Part::Loop { setup, slice, index, body } => {
                    if !run.is_empty() {
                        let pieces = std::mem::take(&mut run);
                        stmts.push(Stmt::Expr(self.push(ExprKind::Print { target, pieces, newline: false }, unit, range)));
                    }
                    stmts.push(setup);
                    let zero = self.lit_scalar(Scalar::Usize, 0, range);
                    stmts.push(Stmt::Let { local: index, init: Some(zero) });
                    // loop { if i >= len { break } body; i += 1 }
                    let usize_ty = self.scalar_ty(Scalar::Usize);
                    let bool_ty = self.scalar_ty(Scalar::Bool);
                    let never = self.infer.never();
                    let id = self.new_loop_id();
                    let i = self.local_expr(index, range);
                    let s = self.local_expr(slice, range);
                    let len = self.intrinsic(Intrinsic::SliceLen, vec![s], usize_ty, range);
                    let past = self.push(ExprKind::Binary { op: BinaryOp::Ge, lhs: i, rhs: len }, bool_ty, range);
                    let brk = self.push(ExprKind::Break { target: id, value: None }, never, range);
                    let mut inner = vec![Stmt::Expr(self.push(ExprKind::If { cond: past, then: brk, otherwise: None }, unit, range))];
                    self.emit_parts(target, body, &mut inner, range);
                    let ip = self.local_expr(index, range);
                    let one = self.lit_scalar(Scalar::Usize, 1, range);
                    inner.push(Stmt::Expr(self.push(ExprKind::AssignOp { op: BinaryOp::Add, place: ip, value: one }, unit, range)));
                    let body = self.block_expr(inner, None, range);
                    stmts.push(Stmt::Expr(self.push(ExprKind::Loop { body, id }, unit, range)));
                }
            }
        }
        if !run.is_empty() {
            stmts.push(Stmt::Expr(self.push(ExprKind::Print { target, pieces: run, newline: false }, unit, range)));
        }
    }
}
