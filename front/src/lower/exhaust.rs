//! Exhaustiveness of `match` (and of irrefutable patterns), rustc's
//! usefulness algorithm over abstract patterns: constructors (variants,
//! `true`/`false`, integer ranges split at their boundaries, the single
//! constructor of tuples and structs), wildcards and or-patterns. The
//! cases not covered are printed as rustc prints them (E0004).

use std::ops::Range;

use hybrid_ir::Scalar;

use super::FnLower;
use crate::diag::{range_of, Diagnostic};
use crate::enums::FieldsForm;
use crate::infer::{Shape, TyId};

/// An abstract pattern.
#[derive(Clone, Debug)]
pub(crate) enum Ap {
    Wild,
    Ctor(Head, Vec<Ap>),
    Or(Vec<Ap>),
}

impl Ap {
    pub(crate) fn ctor(h: Head, fields: Vec<Ap>) -> Ap {
        Ap::Ctor(h, fields)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Head {
    Variant(usize),
    Single,
    Bool(bool),
    /// An inclusive integer range (a literal is `n..=n`).
    Range(i128, i128),
    /// A value no finite set of patterns covers (floats).
    Opaque,
}

/// What the values of a column are.
enum Col {
    Enum { name: String, variants: Vec<(String, FieldsForm, Vec<String>, Vec<TyId>)> },
    Single { name: Option<String>, form: FieldsForm, fields: Vec<String>, tys: Vec<TyId> },
    Bool,
    Int(Scalar),
    Other,
}

type Row = Vec<Ap>;

impl<'i> FnLower<'i> {
    fn col(&mut self, t: TyId) -> Col {
        match self.shape(t) {
            Some(Shape::Ptr { pointee, reference: true, .. }) => self.col(pointee),
            Some(Shape::Scalar(Scalar::Bool)) => Col::Bool,
            Some(Shape::Scalar(s)) if s.is_int() || s == Scalar::Char => Col::Int(s),
            None if self.infer.is_integer(t) => Col::Int(Scalar::I32),
            Some(Shape::Tuple(tys)) => Col::Single { name: None, form: FieldsForm::Tuple, fields: Vec::new(), tys },
            // `()`: the empty tuple's one constructor
            Some(Shape::Unit) => Col::Single { name: None, form: FieldsForm::Tuple, fields: Vec::new(), tys: Vec::new() },
            Some(Shape::Array { elem, len }) => {
                Col::Single { name: Some(String::new()), form: FieldsForm::Unit, fields: Vec::new(), tys: vec![elem; len as usize] }
            }
            Some(Shape::Struct(_) | Shape::Adt { .. }) => {
                let Some(sid) = self.adt_sid(t) else { return Col::Other };
                let name = self.items.structs[sid].name.clone();
                match self.items.variants(sid) {
                    Some(vs) => {
                        let vs = vs.to_vec();
                        let variants = vs
                            .iter()
                            .enumerate()
                            .map(|(i, v)| {
                                let (_, f) = self.ctor_fields(super::adt::Ctor::Variant(sid, i), t);
                                let tys = f.iter().map(|(_, t)| *t).collect();
                                (v.name.clone(), v.form, v.fields.clone(), tys)
                            })
                            .collect();
                        Col::Enum { name, variants }
                    }
                    None => {
                        let (form, f) = self.ctor_fields(super::adt::Ctor::Struct(sid), t);
                        let tys = f.iter().map(|(_, t)| *t).collect();
                        Col::Single { name: Some(name), form, fields: f.into_iter().map(|(n, _)| n).collect(), tys }
                    }
                }
            }
            _ => Col::Other,
        }
    }

    /// E0004 unless `arms` (the unguarded arms' patterns) cover every value of `ty`.
    /// `let_binding`: an irrefutable pattern of a `let` (E0005).
    pub(crate) fn check_exhaustive(
        &mut self,
        arms: Vec<Ap>,
        ty: TyId,
        at: &Range<usize>,
        let_binding: bool,
    ) -> Result<(), Box<Diagnostic>> {
        let rows: Vec<Row> = arms.into_iter().map(|a| vec![a]).collect();
        let missing = self.missing(rows, &[ty], true);
        if missing.is_empty() {
            return Ok(());
        }
        let shown: Vec<String> = missing.iter().map(|w| format!("`{}`", self.show(&w[0], ty))).collect();
        let list = if shown.len() <= 3 {
            super::pattern::join_and(&shown)
        } else {
            format!("{} and {} more", shown[..3].join(", "), shown.len() - 3)
        };
        let plural = if shown.len() == 1 { "pattern" } else { "patterns" };
        let tyname = library_paths_shown(&self.describe(ty));
        if let_binding {
            return Err(Box::new(
                Diagnostic::at(Some("E0005"), "refutable pattern in local binding", at.clone(), format!("{plural} {list} not covered"))
                    .note("`let` bindings require an \"irrefutable pattern\", like a `struct` or an `enum` with only one variant")
                    .note(format!("the matched value is of type {tyname}")),
            ));
        }
        let mut d = Diagnostic::at(
            Some("E0004"),
            format!("non-exhaustive patterns: {list} not covered"),
            at.clone(),
            format!("{plural} {list} not covered"),
        )
        .note(format!("the matched value is of type {tyname}"));
        // (for `non_exhaustive_help`: the witnesses' patterns, the variants they are)
        let variants: Vec<usize> =
            missing.iter().filter_map(|w| if let Ap::Ctor(Head::Variant(v), _) = &w[0] { Some(*v) } else { None }).collect();
        self.last_witnesses = (missing.iter().map(|w| self.show(&w[0], ty)).collect(), variants);
        let _ = &mut d;
        Err(Box::new(d))
    }

    /// rustc's additions to E0004 of a `match` with arms: the note "`E` defined here" with
    /// the variants not covered (a program's enum), and the arm it suggests after the last.
    pub(crate) fn non_exhaustive_help(&mut self, mut d: Diagnostic, ty: TyId, arms: &[syn::Arm]) -> Diagnostic {
        if d.code != Some("E0004") {
            return d;
        }
        let (shown, variants) = std::mem::take(&mut self.last_witnesses);
        if let Some(sid) = self.enum_of(ty) {
            let info = &self.items.structs[sid];
            // (a library enum's note names rustc's library source: not shown)
            let in_program = !info.name.starts_with("core::");
            if let (Some(vs), true) = (self.items.variants(sid), in_program) {
                let ranges: Vec<Range<usize>> = variants.iter().filter_map(|&v| vs.get(v)).map(|v| v.range.clone()).collect();
                let name_range = info.range.clone();
                d = d.span_note(name_range, format!("{} defined here", library_paths_shown(&self.describe(ty))));
                for r in ranges {
                    d.span_note_labels.push((0, crate::diag::Label { range: r, message: "not covered".into() }));
                }
                d.span_notes_first = true;
            }
        }
        let Some(last) = arms.last() else { return d };
        let (message, pattern) = match shown.len() {
            0 => return d,
            1 => ("ensure that all possible cases are being handled by adding a match arm with a wildcard pattern or an explicit pattern as shown", shown[0].clone()),
            2..=3 => (
                "ensure that all possible cases are being handled by adding a match arm with a wildcard pattern, a match arm with multiple or-patterns as shown, or multiple match arms",
                shown.join(" | "),
            ),
            _ => ("ensure that all possible cases are being handled by adding a match arm with a wildcard pattern as shown, or multiple match arms", "_".to_string()),
        };
        let source = self.lines.source();
        let end = range_of(&last.body).end;
        if end > source.len() || range_of(&last.pat).start >= end {
            return d;
        }
        let line_start = source[..end].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[end..].find('\n').map_or(source.len(), |i| end + i);
        let arm_start = range_of(&last.pat).start;
        let arm_line_start = source[..arm_start].rfind('\n').map_or(0, |i| i + 1);
        let indent: String = source[arm_line_start..].chars().take_while(|c| *c == ' ' || *c == '\t').collect();
        // a new line when the arms are on lines of their own (rustc: the text around the last arm spans lines)
        let multiline = match arms.len() {
            1 => source[end..].chars().take_while(|c| c.is_whitespace() || *c == ',').any(|c| c == '\n'),
            // (`get`: the arms of a desugared `for` may not be in source order)
            n => source.get(range_of(&arms[n - 2].body).end..arm_start).is_some_and(|t| t.contains('\n')),
        };
        let (before, after) = (&source[line_start..end], &source[end..line_end]);
        let (lines, inserted) = if multiline {
            // (the new arm's line is all new when nothing of the old line follows it)
            (vec![(false, format!("{before},")), (after.trim().is_empty(), format!("{indent}{pattern} => todo!(){after}"))], None)
        } else {
            let new = format!(", {pattern} => todo!()");
            (vec![(false, format!("{before}{new}{after}"))], Some(before.len()..before.len() + new.len()))
        };
        d.suggestion = Some(crate::diag::Suggestion { message: message.to_string(), at: end, lines, inserted });
        d
    }

    /// The witnesses (rows of values) that no row of `rows` matches.
    fn missing(&mut self, rows: Vec<Row>, tys: &[TyId], top: bool) -> Vec<Row> {
        if tys.is_empty() {
            return if rows.is_empty() { vec![Vec::new()] } else { Vec::new() };
        }
        // expand or-patterns in the first column
        let mut expanded = Vec::new();
        for r in rows {
            expand_or(r, &mut expanded);
        }
        let rows = expanded;
        let col = self.col(tys[0]);
        let heads: Vec<Head> = rows.iter().filter_map(|r| if let Ap::Ctor(h, _) = &r[0] { Some(*h) } else { None }).collect();
        // the constructors of the column (integers: split ranges)
        let (all, arities): (Vec<Head>, Vec<Vec<TyId>>) = match &col {
            Col::Enum { variants, .. } => (0..variants.len()).map(|i| (Head::Variant(i), variants[i].3.clone())).unzip(),
            Col::Single { tys, .. } => (vec![Head::Single], vec![tys.clone()]),
            Col::Bool => (vec![Head::Bool(false), Head::Bool(true)], vec![vec![], vec![]]),
            Col::Int(s) => {
                let parts = split_ranges(*s, &heads);
                let n = parts.len();
                (parts, vec![vec![]; n])
            }
            Col::Other => (Vec::new(), Vec::new()),
        };
        let covered = |h: &Head, c: &Head| match (h, c) {
            (Head::Range(a, b), Head::Range(x, y)) => a <= x && y <= b,
            (a, b) => a == b,
        };
        let present: Vec<bool> = all.iter().map(|c| heads.iter().any(|h| covered(h, c))).collect();
        let complete = !all.is_empty() && present.iter().all(|p| *p);
        let mut out = Vec::new();
        if complete {
            for (c, fields) in all.iter().zip(&arities) {
                let mut spec = Vec::new();
                for r in &rows {
                    match &r[0] {
                        Ap::Wild => spec.push(std::iter::repeat_n(Ap::Wild, fields.len()).chain(r[1..].iter().cloned()).collect()),
                        Ap::Ctor(h, f) if covered(h, c) => {
                            spec.push(pad(f, fields.len()).into_iter().chain(r[1..].iter().cloned()).collect())
                        }
                        _ => {}
                    }
                }
                let sub_tys: Vec<TyId> = fields.iter().copied().chain(tys[1..].iter().copied()).collect();
                for w in self.missing(spec, &sub_tys, false) {
                    let (f, rest) = w.split_at(fields.len());
                    let mut row = vec![Ap::Ctor(*c, f.to_vec())];
                    row.extend(rest.iter().cloned());
                    out.push(row);
                }
            }
            return out;
        }
        let default: Vec<Row> = rows.iter().filter(|r| matches!(r[0], Ap::Wild)).map(|r| r[1..].to_vec()).collect();
        let rest = self.missing(default, &tys[1..], false);
        if rest.is_empty() {
            return out;
        }
        let is_int = matches!(col, Col::Int(_));
        let as_wild = all.is_empty() || (heads.is_empty() && (!top || is_int));
        let mut missing_heads: Vec<(Head, usize)> = Vec::new();
        if !as_wild {
            for ((c, p), f) in all.iter().zip(&present).zip(&arities) {
                if !*p {
                    match (missing_heads.last_mut(), c) {
                        (Some((Head::Range(_, hi), _)), Head::Range(lo, h2)) if *hi + 1 == *lo => *hi = *h2,
                        _ => missing_heads.push((*c, f.len())),
                    }
                }
            }
        }
        for w in rest {
            if as_wild {
                let mut row = vec![Ap::Wild];
                row.extend(w.iter().cloned());
                out.push(row);
                continue;
            }
            for (h, n) in &missing_heads {
                let mut row = vec![Ap::Ctor(*h, vec![Ap::Wild; *n])];
                row.extend(w.iter().cloned());
                out.push(row);
            }
        }
        out
    }

    /// A witness as rustc prints it.
    fn show(&mut self, w: &Ap, ty: TyId) -> String {
        let col = self.col(ty);
        let Ap::Ctor(h, fields) = w else { return "_".into() };
        match (&col, h) {
            (Col::Bool, Head::Bool(b)) => b.to_string(),
            (Col::Int(s), Head::Range(lo, hi)) => show_range(*s, *lo, *hi),
            (Col::Enum { name, variants }, Head::Variant(i)) => {
                let (vname, form, names, tys) = variants[*i].clone();
                let head = variant_path(name, &vname);
                self.show_fields(&head, form, &names, &tys, fields)
            }
            (Col::Single { name, form, fields: names, tys }, Head::Single) => {
                let (name, form, names, tys) = (name.clone(), *form, names.clone(), tys.clone());
                match name {
                    Some(n) if n.is_empty() => {
                        let parts: Vec<String> = fields.iter().zip(&tys).map(|(f, t)| self.show(f, *t)).collect();
                        format!("[{}]", parts.join(", "))
                    }
                    Some(n) => self.show_fields(&n, form, &names, &tys, fields),
                    None => {
                        let parts: Vec<String> = fields.iter().zip(&tys).map(|(f, t)| self.show(f, *t)).collect();
                        format!("({})", parts.join(", "))
                    }
                }
            }
            _ => "_".into(),
        }
    }

    fn show_fields(&mut self, head: &str, form: FieldsForm, names: &[String], tys: &[TyId], fields: &[Ap]) -> String {
        match form {
            FieldsForm::Unit => head.to_string(),
            FieldsForm::Tuple => {
                let parts: Vec<String> = fields.iter().zip(tys).map(|(f, t)| self.show(f, *t)).collect();
                format!("{head}({})", parts.join(", "))
            }
            FieldsForm::Named => {
                let parts: Vec<String> = fields
                    .iter()
                    .zip(tys)
                    .zip(names)
                    .filter(|((f, _), _)| !matches!(f, Ap::Wild))
                    .map(|((f, t), n)| format!("{n}: {}", self.show(f, *t)))
                    .collect();
                if parts.is_empty() {
                    format!("{head} {{ .. }}")
                } else {
                    format!("{head} {{ {}, .. }}", parts.join(", "))
                }
            }
        }
    }
}

/// The prelude's enums of the library, whose variants rustc names bare
/// (`None`, `Err(_)`) and whose types without their path (`Option<i32>`).
const PRELUDE_ENUMS: [&str; 2] = ["core::option::Option", "core::result::Result"];

/// Variant `vname` of enum `name` as rustc prints a witness: `Dir::East`,
/// `None`, `std::cmp::Ordering::Greater` (the library is `std` to users).
fn variant_path(name: &str, vname: &str) -> String {
    if PRELUDE_ENUMS.contains(&name) {
        return vname.to_string();
    }
    match name.strip_prefix("core::") {
        Some(rest) => format!("std::{rest}::{vname}"),
        None => format!("{name}::{vname}"),
    }
}

/// A type's text with the library's paths as rustc shows them
/// (`core::option::Option<i32>` is `Option<i32>`, `core::cmp::Ordering`
/// `std::cmp::Ordering`).
fn library_paths_shown(text: &str) -> String {
    let mut out = text.to_string();
    for full in PRELUDE_ENUMS {
        let bare = full.rsplit("::").next().unwrap_or(full);
        out = out.replace(full, bare);
    }
    out.replace("core::", "std::")
}

fn expand_or(row: Row, out: &mut Vec<Row>) {
    match &row[0] {
        Ap::Or(alts) => {
            for a in alts {
                let mut r = vec![a.clone()];
                r.extend(row[1..].iter().cloned());
                expand_or(r, out);
            }
        }
        _ => out.push(row),
    }
}

fn pad(fields: &[Ap], n: usize) -> Vec<Ap> {
    let mut v = fields.to_vec();
    v.resize(n, Ap::Wild);
    v
}

fn int_bounds(s: Scalar) -> (i128, i128) {
    if s == Scalar::Char {
        return (0, char::MAX as i128);
    }
    let bits = s.bits();
    if s.is_signed() {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    }
}

/// The integer domain of `s` cut at the boundaries of the ranges in `heads`.
fn split_ranges(s: Scalar, heads: &[Head]) -> Vec<Head> {
    let (min, max) = int_bounds(s);
    let mut points = vec![min, max + 1];
    // the surrogates are no `char`s
    let gap = (s == Scalar::Char).then_some((0xD800, 0xDFFF));
    if let Some((lo, hi)) = gap {
        points.extend([lo, hi + 1]);
    }
    for h in heads {
        if let Head::Range(lo, hi) = h {
            points.push((*lo).clamp(min, max + 1));
            points.push((*hi + 1).clamp(min, max + 1));
        }
    }
    points.sort();
    points.dedup();
    points
        .windows(2)
        .map(|w| Head::Range(w[0], w[1] - 1))
        .filter(|h| !matches!((h, gap), (Head::Range(a, _), Some((lo, hi))) if (lo..=hi).contains(a)))
        .collect()
}

fn show_int(s: Scalar, v: i128) -> String {
    if s == Scalar::Char {
        return format!("{:?}", char::from_u32(v as u32).unwrap_or(char::REPLACEMENT_CHARACTER));
    }
    let (min, max) = int_bounds(s);
    if v == max {
        format!("{}::MAX", s.name())
    } else if v == min && s.is_signed() {
        format!("{}::MIN", s.name())
    } else {
        format!("{v}_{}", s.name())
    }
}

fn show_range(s: Scalar, lo: i128, hi: i128) -> String {
    if lo == hi {
        show_int(s, lo)
    } else {
        format!("{}..={}", show_int(s, lo), show_int(s, hi))
    }
}
