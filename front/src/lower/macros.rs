//! Macros: `println!`-family printing with format specs, `assert*!`,
//! `panic!`-family, `vec!`, and the offload launch forms (`offload(..)`
//! and `core::offload::offload!{..}`).

use std::ops::Range;

use hybrid_ir::{BinaryOp, Expr, ExprKind, FmtAlign, FmtKind, FmtPiece, FmtSpec, Handle, HostFn, Intrinsic, PrintTarget, Scalar, Stmt};
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::Token;

use super::debug::Part;
use super::FnLower;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::infer::{Shape, TyId, VarKind};

/// One `{..}` of a format string, before its argument is lowered.
enum FmtItem {
    Lit(String),
    /// `pretty`: the `#` flag of `{:#?}`.
    Arg {
        arg: ArgRef,
        spec: FmtSpec,
        pretty: bool,
        /// `{:x?}` / `{:X?}`: the integers inside print in hex (`LowerHex` / `UpperHex`).
        hex: Option<FmtKind>,
        /// A width from an argument (`{:w$}`, `{:1$}`).
        width: Option<ArgRef>,
        /// A precision from an argument (`{:.p$}`, `{:.1$}`, `{:.*}`).
        precision: Option<ArgRef>,
    },
}

/// A width or precision of a spec given by an argument.
enum CountRef {
    Arg(ArgRef),
    /// `.*`: the next positional argument (before the value's).
    Star,
}

enum ArgRef {
    Index(usize),
    Name(String),
}

/// Which argument a placeholder (or its width or precision) uses: a positional or named
/// one by index, or a captured name.
enum Src<'e> {
    Expr(usize, &'e syn::Expr),
    Capture(String),
}

/// A placeholder's argument, spec, `#` flag, width and precision arguments.
type Use<'e> = (Src<'e>, FmtSpec, bool, Option<FmtKind>, Option<Src<'e>>, Option<Src<'e>>);

type ExprList = Punctuated<syn::Expr, Token![,]>;

pub(super) fn parse_exprs(mac: &syn::Macro) -> DResult<Vec<syn::Expr>> {
    let list = ExprList::parse_terminated
        .parse2(mac.tokens.clone())
        .map_err(|e| Diagnostic::at(None, e.to_string(), crate::ranges::byte_range(e.span()), "could not parse the macro's arguments"))?;
    Ok(list.into_iter().collect())
}

/// Parse a format string into literal text and argument references.
fn parse_format(s: &str, range: &Range<usize>) -> DResult<Vec<FmtItem>> {
    let err = |msg: String| Diagnostic::at(None, format!("invalid format string: {msg}"), range.clone(), "in this format string");
    let mut items = Vec::new();
    let mut lit = String::new();
    let mut next_pos = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                lit.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                lit.push('}');
            }
            '}' => return Err(err("unmatched `}` found".into())),
            '{' => {
                let mut inner = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(c) => inner.push(c),
                        None => return Err(err("expected `}` but string was terminated".into())),
                    }
                }
                if !lit.is_empty() {
                    items.push(FmtItem::Lit(std::mem::take(&mut lit)));
                }
                let (name, spec) = match inner.find(':') {
                    Some(i) => (inner[..i].trim().to_string(), &inner[i + 1..]),
                    None => (inner.trim().to_string(), ""),
                };
                let (spec_v, width, precision) = parse_spec(spec).map_err(&err)?;
                let precision = match precision {
                    Some(CountRef::Star) => {
                        next_pos += 1;
                        Some(ArgRef::Index(next_pos - 1))
                    }
                    Some(CountRef::Arg(a)) => Some(a),
                    None => None,
                };
                let width = width.map(|w| match w {
                    CountRef::Arg(a) => a,
                    CountRef::Star => unreachable!("a width is never `*`"),
                });
                let arg = if name.is_empty() {
                    next_pos += 1;
                    ArgRef::Index(next_pos - 1)
                } else if let Ok(n) = name.parse::<usize>() {
                    ArgRef::Index(n)
                } else if name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    ArgRef::Name(name)
                } else {
                    return Err(err(format!("invalid argument name `{name}`")));
                };
                let pretty = spec.contains('#') && spec.ends_with('?');
                let hex = if spec.ends_with("x?") {
                    Some(FmtKind::LowerHex)
                } else if spec.ends_with("X?") {
                    Some(FmtKind::UpperHex)
                } else {
                    None
                };
                items.push(FmtItem::Arg { arg, spec: spec_v, pretty, hex, width, precision });
            }
            c => lit.push(c),
        }
    }
    if !lit.is_empty() {
        items.push(FmtItem::Lit(lit));
    }
    Ok(items)
}

/// A count of a spec at `chars[*i..]` given by an argument: `N$` or `name$` (`*` when
/// `star`); `None` (and `*i` unchanged) when there is none.
fn count_ref(chars: &[char], i: &mut usize, star: bool) -> Option<CountRef> {
    if star && chars.get(*i) == Some(&'*') {
        *i += 1;
        return Some(CountRef::Star);
    }
    let mut j = *i;
    while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
        j += 1;
    }
    if j == *i || chars.get(j) != Some(&'$') {
        return None;
    }
    let name: String = chars[*i..j].iter().collect();
    *i = j + 1;
    Some(CountRef::Arg(match name.parse::<usize>() {
        Ok(n) => ArgRef::Index(n),
        Err(_) => ArgRef::Name(name),
    }))
}

/// `[[fill]align][sign]['#']['0'][width]['.' precision][type]`; a width or precision
/// from an argument is returned beside the spec (whose `width` / `precision` is then
/// `Some(0)`, to be filled in at run time).
fn parse_spec(spec: &str) -> Result<(FmtSpec, Option<CountRef>, Option<CountRef>), String> {
    let mut out = FmtSpec::default();
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let align_of = |c: char| match c {
        '<' => Some(FmtAlign::Left),
        '>' => Some(FmtAlign::Right),
        '^' => Some(FmtAlign::Center),
        _ => None,
    };
    if chars.len() >= 2 && align_of(chars[1]).is_some() {
        out.fill = Some(chars[0]);
        out.align = align_of(chars[1]).unwrap_or_default();
        i = 2;
    } else if let Some(a) = chars.first().and_then(|c| align_of(*c)) {
        out.align = a;
        i = 1;
    }
    if i < chars.len() && chars[i] == '+' {
        out.plus = true;
        i += 1;
    } else if i < chars.len() && chars[i] == '-' {
        i += 1;
    }
    let mut alternate = false;
    if i < chars.len() && chars[i] == '#' {
        alternate = true;
        i += 1;
    }
    // `{:0$}` is a width from argument 0, not the `0` flag
    if i < chars.len() && chars[i] == '0' && chars.get(i + 1) != Some(&'$') {
        out.zero_pad = true;
        i += 1;
    }
    let width = count_ref(&chars, &mut i, false);
    if width.is_some() {
        out.width = Some(0);
    } else {
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i > start {
            let w: String = chars[start..i].iter().collect();
            out.width = Some(w.parse().map_err(|_| "width too large".to_string())?);
        }
    }
    let mut precision = None;
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        precision = count_ref(&chars, &mut i, true);
        if precision.is_some() {
            out.precision = Some(0);
        } else {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i == start {
                return Err("expected a precision after `.`".into());
            }
            let p: String = chars[start..i].iter().collect();
            out.precision = Some(p.parse().map_err(|_| "precision too large".to_string())?);
        }
    }
    let rest: String = chars[i..].iter().collect();
    out.kind = match rest.as_str() {
        "" => FmtKind::Display,
        "?" => FmtKind::Debug,
        "e" => FmtKind::LowerExp,
        "E" => FmtKind::UpperExp,
        "x" => FmtKind::LowerHex,
        "X" => FmtKind::UpperHex,
        "o" => FmtKind::Octal,
        "b" => FmtKind::Binary,
        // (the integers inside print in hex: `FmtItem::Arg::hex`)
        "x?" | "X?" => FmtKind::Debug,
        other => return Err(format!("unknown format trait `{other}`")),
    };
    // (`{:#?}` is the front end's pretty printing; `#` of `{:e}` and `{}` changes nothing for numbers and strings)
    out.alternate = alternate && out.kind != FmtKind::Debug;
    Ok((out, width, precision))
}

impl<'i> FnLower<'i> {
    pub(crate) fn macro_call(&mut self, mac: &syn::Macro, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let segs: Vec<String> = mac.path.segments.iter().map(|s| s.ident.to_string()).collect();
        let name = segs.last().cloned().unwrap_or_default();
        let path_range = range_of(&mac.path);
        match name.as_str() {
            "println" | "print" | "eprintln" | "eprint" => {
                let args = parse_exprs(mac)?;
                let target = if name.starts_with('e') { PrintTarget::Stderr } else { PrintTarget::Stdout };
                let newline = name.ends_with("ln");
                self.facts.host_only.push((format!("`{name}!`"), range.clone()));
                if args.is_empty() {
                    let ty = self.infer.unit();
                    return Ok(self.push(ExprKind::Print { target, pieces: vec![], newline }, ty, range));
                }
                self.print(target, newline, &args[0], &args[1..], None, range)
            }
            "panic" => {
                let args = parse_exprs(mac)?;
                if args.is_empty() {
                    return Ok(self.panic_lit("explicit panic", range));
                }
                self.print(PrintTarget::Panic, false, &args[0], &args[1..], None, range)
            }
            "unreachable" | "todo" | "unimplemented" => {
                let base = match name.as_str() {
                    "unreachable" => "internal error: entered unreachable code",
                    "todo" => "not yet implemented",
                    _ => "not implemented",
                };
                let args = parse_exprs(mac)?;
                if args.is_empty() {
                    return Ok(self.panic_lit(base, range));
                }
                self.print(PrintTarget::Panic, false, &args[0], &args[1..], Some(format!("{base}: ")), range)
            }
            "assert" | "debug_assert" => self.assert(mac, range),
            "assert_eq" | "assert_ne" | "debug_assert_eq" | "debug_assert_ne" => self.assert_cmp(mac, name.ends_with("eq"), range),
            "vec" => self.vec_macro(mac, range),
            "matches" => self.matches_macro(mac, range),
            "offload" if segs.len() == 1 || segs.iter().any(|s| s == "offload" || s == "core" || s == "std") => {
                self.offload_macro(mac, range)
            }
            "format" => self.format_macro(mac, range),
            "write" | "writeln" => self.write_macro(mac, name == "writeln", range),
            _ => Err(crate::expand::unknown_macro(&name, path_range)),
        }
    }

    pub(crate) fn panic_lit(&mut self, msg: &str, range: &Range<usize>) -> Handle<Expr> {
        let never = self.infer.never();
        self.push(ExprKind::Print { target: PrintTarget::Panic, pieces: vec![FmtPiece::Literal(msg.into())], newline: false }, never, range)
    }

    /// Lower a format string and its arguments to a `Print`.
    fn print(
        &mut self,
        target: PrintTarget,
        newline: bool,
        fmt: &syn::Expr,
        args: &[syn::Expr],
        prefix: Option<String>,
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        let (mut stmts, mut pieces) = self.format_parts(fmt, args, range)?;
        if let Some(p) = prefix {
            pieces.insert(0, Part::Piece(FmtPiece::Literal(p)));
        }
        let print = self.print_parts(target, pieces, newline, range)?;
        if stmts.is_empty() {
            return Ok(print);
        }
        stmts.push(Stmt::Expr(print));
        let b = self.block_expr(stmts, None, range);
        if target == PrintTarget::Panic {
            let never = self.infer.never();
            self.etys[b.index()] = never;
        }
        Ok(b)
    }

    /// The pieces of a format string and its arguments appended to the line buffer (`format!`, `write!`);
    /// `begin`: a new `format!` text starts there, after the arguments are evaluated (one that
    /// prints or formats itself does it before).
    pub(crate) fn print_to_buffer(
        &mut self,
        fmt: &syn::Expr,
        args: &[syn::Expr],
        begin: bool,
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        let (mut stmts, pieces) = self.format_parts(fmt, args, range)?;
        if begin {
            let unit = self.infer.unit();
            stmts.push(Stmt::Expr(self.push(ExprKind::Intrinsic { op: Intrinsic::HostCall(HostFn::FmtBegin), args: vec![] }, unit, range)));
        }
        let print = self.print_parts(PrintTarget::Buffer, pieces, false, range)?;
        if stmts.is_empty() {
            return Ok(print);
        }
        stmts.push(Stmt::Expr(print));
        Ok(self.block_expr(stmts, None, range))
    }

    fn format_parts(&mut self, fmt: &syn::Expr, args: &[syn::Expr], call_range: &Range<usize>) -> DResult<(Vec<Stmt>, Vec<Part>)> {
        let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) = fmt else {
            return Err(Diagnostic::at(None, "format argument must be a string literal", range_of(fmt), "expected a string literal"));
        };
        let frange = range_of(s);
        let items = parse_format(&s.value(), &frange)?;
        // named arguments `name = value` come after positional ones
        let mut positional: Vec<&syn::Expr> = Vec::new();
        let mut named: Vec<(String, &syn::Expr)> = Vec::new();
        for a in args {
            match a {
                syn::Expr::Assign(asg) => match &*asg.left {
                    syn::Expr::Path(p) if p.path.get_ident().is_some() => {
                        named.push((p.path.segments[0].ident.to_string(), &asg.right));
                    }
                    _ => positional.push(a),
                },
                _ => positional.push(a),
            }
        }
        let mut uses: Vec<Use> = Vec::new();
        let mut pieces_plan: Vec<Option<String>> = Vec::new(); // Some(lit) or None (next use)
        let mut used = vec![false; positional.len() + named.len()];
        let placeholders = items.iter().filter(|i| matches!(i, FmtItem::Arg { arg: ArgRef::Index(_), .. })).count();
        let resolve = |arg: ArgRef, used: &mut Vec<bool>| -> DResult<Src> {
            Ok(match arg {
                ArgRef::Index(i) => {
                    let Some(e) = positional.get(i) else {
                        let n = positional.len();
                        let wanted = placeholders;
                        let plural = |k: usize, w: &str| if k == 1 { format!("{k} {w}") } else { format!("{k} {w}s") };
                        return Err(Diagnostic::at(
                            None,
                            if n == 0 {
                                format!("{} in format string, but no arguments were given", plural(wanted, "positional argument"))
                            } else {
                                format!(
                                    "{} in format string, but there {} {}",
                                    plural(wanted, "positional argument"),
                                    if n == 1 { "is" } else { "are" },
                                    plural(n, "argument")
                                )
                            },
                            frange.clone(),
                            "in this format string",
                        ));
                    };
                    used[i] = true;
                    Src::Expr(i, e)
                }
                ArgRef::Name(n) => match named.iter().position(|(k, _)| *k == n) {
                    Some(j) => {
                        used[positional.len() + j] = true;
                        Src::Expr(positional.len() + j, named[j].1)
                    }
                    None => Src::Capture(n),
                },
            })
        };
        for item in items {
            match item {
                FmtItem::Lit(l) => pieces_plan.push(Some(l)),
                FmtItem::Arg { arg, spec, pretty, hex, width, precision } => {
                    let src = resolve(arg, &mut used)?;
                    let width = width.map(|w| resolve(w, &mut used)).transpose()?;
                    let precision = precision.map(|p| resolve(p, &mut used)).transpose()?;
                    uses.push((src, spec, pretty, hex, width, precision));
                    pieces_plan.push(None);
                }
            }
        }
        if let Some(i) = used.iter().position(|u| !*u) {
            let e = if i < positional.len() { positional[i] } else { named[i - positional.len()].1 };
            return Err(Diagnostic::at(None, "argument never used", range_of(e), "argument never used")
                .secondary(frange, "formatting specifier missing"));
        }
        // lower each argument once
        let mut counts = vec![0usize; used.len()];
        for (src, _, _, _, width, precision) in &uses {
            for s in [Some(src), width.as_ref(), precision.as_ref()].into_iter().flatten() {
                if let Src::Expr(i, _) = s {
                    counts[*i] += 1;
                }
            }
        }
        let mut stmts = Vec::new();
        let written: Vec<&syn::Expr> = positional.iter().copied().chain(named.iter().map(|(_, e)| *e)).collect();
        let mut lowered = self.format_args_first(&written, &counts, &mut stmts)?;
        let mut pieces = Vec::new();
        let mut use_iter = uses.into_iter();
        for plan in pieces_plan {
            if let Some(l) = plan {
                match pieces.last_mut() {
                    Some(Part::Piece(FmtPiece::Literal(prev))) => prev.push_str(&l),
                    _ => pieces.push(Part::Piece(FmtPiece::Literal(l))),
                }
                continue;
            }
            let Some((src, spec, pretty, hex, width, precision)) = use_iter.next() else { break };
            // a width or precision from an argument: the packed spec computed first, in a local
            let mut rt_bits = None;
            if width.is_some() || precision.is_some() {
                let mut bits = self.lit_scalar(Scalar::U64, hybrid_ir::abi::encode_fmt_spec(&spec), &frange);
                for (count, shift) in [(width, 0u64), (precision, 16)] {
                    let Some(count) = count else { continue };
                    let c = self.fmt_arg_value(count, &mut lowered, &frange)?;
                    let usize_ty = self.scalar_ty(Scalar::Usize);
                    let cty = self.ty(c);
                    let cr = self.range(c);
                    self.expect_ty(usize_ty, cty, &cr)?;
                    let sh = self.lit_scalar(Scalar::U64, shift, &frange);
                    bits = self.library_call("fmt::fmt_spec_count", vec![bits, c, sh], call_range)?;
                }
                let (st, place) = self.spill(bits, "fmt_spec");
                stmts.push(st);
                rt_bits = Some(place);
            }
            // string literal arguments become text
            if let Src::Expr(i, syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. })) = &src {
                if lowered[*i].is_none() && spec == FmtSpec::default() {
                    match pieces.last_mut() {
                        Some(Part::Piece(FmtPiece::Literal(prev))) => prev.push_str(&s.value()),
                        _ => pieces.push(Part::Piece(FmtPiece::Literal(s.value()))),
                    }
                    continue;
                }
            }
            let value = self.fmt_arg_value(src, &mut lowered, &frange)?;
            let value = self.box_autoderef(value);
            let vty = self.ty(value);
            if !matches!(spec.kind, FmtKind::Display | FmtKind::Debug) {
                self.numeric_format_arg(vty, spec.kind, &self.range(value))?;
            }
            let trait_name = if spec.kind == FmtKind::Debug { "Debug" } else { "Display" };
            self.param_formatted(vty, trait_name, &self.range(value))?;
            let r = self.range(value);
            if let Some(parts) = self.string_fmt_parts_with(value, spec, rt_bits, &r)? {
                pieces.extend(parts);
                continue;
            }
            let expand_debug = spec.kind == FmtKind::Debug && self.needs_debug_expansion(vty);
            if let Some(bits) = rt_bits.filter(|_| !expand_debug) {
                pieces.push(self.scalar_with_rt_spec(value, bits, spec.kind.is_radix(), &r)?);
                continue;
            }
            if expand_debug {
                let (st, place) = self.spill(value, "fmt_debug");
                stmts.push(st);
                let ExprKind::Local(l) = *self.kind(place) else { unreachable!("spill gives a local") };
                let path = super::pattern::PlacePath { local: l, proj: Vec::new() };
                let r = self.range(value);
                // `{:w$?}`: every scalar printed takes the spec computed at run time
                let rt_local = rt_bits.and_then(|b| match *self.kind(b) {
                    ExprKind::Local(l) => Some(l),
                    _ => None,
                });
                let outer = std::mem::replace(&mut self.debug_rt_spec, rt_local);
                self.debug_hex = hex.map(|k| (k, pretty));
                let expanded = self.debug_parts(&path, vty, spec, pretty.then_some(0), &mut pieces, &r);
                self.debug_hex = None;
                self.debug_rt_spec = outer;
                expanded?;
                continue;
            }
            self.debug_hex = hex.map(|k| (k, pretty));
            let spec = self.debug_leaf_spec(vty, spec);
            self.debug_hex = None;
            pieces.push(Part::Piece(FmtPiece::Arg { value, spec }));
        }
        Ok((stmts, pieces))
    }

    /// `{:w$}` of a scalar: the library's `fmt_*_spec(value, bits)` with the packed spec
    /// computed at run time (also each scalar of an aggregate's derived `Debug`: `debug.rs`).
    /// A signed integer under a radix kind (`{:w$x}`) goes through its own width's
    /// unsigned type first, so a negative one prints its two's complement in that width.
    pub(crate) fn scalar_with_rt_spec(
        &mut self,
        value: Handle<Expr>,
        bits: Handle<Expr>,
        radix: bool,
        range: &Range<usize>,
    ) -> DResult<Part> {
        let vty = self.ty(value);
        let scalar = match (self.shape(vty), self.infer.var_kind(vty)) {
            (Some(Shape::Scalar(s)), _) => s,
            // FIXME(runtime widths): an integer whose type is inferred after the print is taken
            // as signed (its default `i32`); a `u64` above `i64::MAX` inferred later prints wrong
            // (under a radix kind the width of a negative one's two's complement is its
            // type's: not known yet, so that is "not supported yet" below, but for a
            // literal, which is not negative)
            (None, Some(VarKind::Int)) if !radix || matches!(self.kind(value), ExprKind::Literal(_)) => Scalar::I64,
            (None, Some(VarKind::Float)) => Scalar::F64,
            _ => {
                return Err(Diagnostic::at(
                    None,
                    format!(
                        "a width or precision from an argument for a value of type `{}` is not supported yet by hybridc",
                        self.describe(vty)
                    ),
                    range.clone(),
                    "not supported yet",
                ))
            }
        };
        let (path, target) = match scalar {
            Scalar::F64 => ("fmt::fmt_f64_spec", Scalar::F64),
            Scalar::F32 => ("fmt::fmt_f32_spec", Scalar::F32),
            Scalar::Bool => ("fmt::fmt_bool_spec", Scalar::Bool),
            Scalar::Char => ("fmt::fmt_char_spec", Scalar::Char),
            s if s.is_signed() => ("fmt::fmt_i64_spec", Scalar::I64),
            _ => ("fmt::fmt_u64_spec", Scalar::U64),
        };
        let own_width_unsigned = match scalar {
            Scalar::I8 => Some(Scalar::U8),
            Scalar::I16 => Some(Scalar::U16),
            Scalar::I32 => Some(Scalar::U32),
            Scalar::I64 => Some(Scalar::U64),
            Scalar::Isize => Some(Scalar::Usize),
            _ => None,
        };
        let (value, scalar, path, target) = match own_width_unsigned.filter(|_| radix) {
            Some(unsigned) => {
                let t = self.scalar_ty(unsigned);
                (self.push(ExprKind::Cast { value }, t, range), unsigned, "fmt::fmt_u64_spec", Scalar::U64)
            }
            None => (value, scalar, path, target),
        };
        let v = if target == scalar {
            value
        } else {
            let t = self.scalar_ty(target);
            self.push(ExprKind::Cast { value }, t, range)
        };
        let call = self.library_call(path, vec![v, bits], range)?;
        Ok(Part::Stmt(Stmt::Expr(call)))
    }

    /// The value of a placeholder, width or precision argument (`{:w$}`), lowered once.
    fn fmt_arg_value(&mut self, src: Src, lowered: &mut [Option<Handle<Expr>>], frange: &Range<usize>) -> DResult<Handle<Expr>> {
        match src {
            Src::Capture(name) => {
                let Some(l) = self.lookup(&name) else {
                    return Err(Diagnostic::at(
                        Some("E0425"),
                        format!("cannot find value `{name}` in this scope"),
                        frange.clone(),
                        "not found in this scope",
                    ));
                };
                Ok(self.local_expr(l, frange))
            }
            Src::Expr(i, e) => {
                if let Some(h) = lowered[i] {
                    return Ok(h);
                }
                let v = self.expr(e)?;
                lowered[i] = Some(v);
                Ok(v)
            }
        }
    }

    /// `{:e}` / `{:E}` of integers and floats, `{:x}` / `{:X}` / `{:o}` /
    /// `{:b}` of integers (through references too): E0277 for other types
    /// (FIXME(user formatting traits): user `LowerHex` etc. impls).
    fn numeric_format_arg(&mut self, ty: TyId, kind: FmtKind, range: &Range<usize>) -> DResult<()> {
        let mut t = ty;
        while let Some(Shape::Ptr { pointee, reference: true, .. }) = self.shape(t) {
            t = pointee;
        }
        let ok = match self.shape(t) {
            Some(Shape::Scalar(s)) => s.is_int() || (s.is_float() && !kind.is_radix()),
            // (a literal not typed yet: `{integer}` formats with all of them, `{float}` with `e` / `E`)
            None => match self.infer.var_kind(t) {
                Some(VarKind::Int) => true,
                Some(VarKind::Float) => !kind.is_radix(),
                _ => true,
            },
            // (a type parameter: its bounds are checked as `Display`'s; FIXME(user formatting traits))
            _ => self.param_of(t).is_some(),
        };
        if ok {
            return Ok(());
        }
        let (shown, tr) = (self.describe(t).trim_matches('`').to_string(), kind.trait_name());
        Err(Diagnostic::at(
            Some("E0277"),
            format!("the trait bound `{shown}: {tr}` is not satisfied"),
            range.clone(),
            format!("the trait `{tr}` is not implemented for `{shown}`"),
        ))
    }

    fn assert(&mut self, mac: &syn::Macro, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let args = parse_exprs(mac)?;
        let Some(cond_e) = args.first() else {
            return Err(Diagnostic::at(
                None,
                "macro requires a boolean expression as an argument",
                range.clone(),
                "boolean expression required",
            ));
        };
        let bool_ty = self.scalar_ty(Scalar::Bool);
        let cond = self.lower_coerced(cond_e, bool_ty)?;
        let panic = if args.len() > 1 {
            self.print(PrintTarget::Panic, false, &args[1], &args[2..], None, range)?
        } else {
            let text = format!("assertion failed: {}", self.text(&range_of(cond_e)));
            self.panic_lit(&text, range)
        };
        let not = self.not(cond, range);
        let unit = self.infer.unit();
        Ok(self.push(ExprKind::If { cond: not, then: panic, otherwise: None }, unit, range))
    }

    fn assert_cmp(&mut self, mac: &syn::Macro, eq: bool, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let args = parse_exprs(mac)?;
        if args.len() < 2 {
            return Err(Diagnostic::at(None, "macro requires two arguments to compare", range.clone(), "expected `left, right`"));
        }
        let l = self.expr(&args[0])?;
        let l = self.autoderef(l);
        let r = self.expr(&args[1])?;
        let r = self.autoderef(r);
        let lt = self.ty(l);
        // (collections of one element type compare in any pairing: `collection_eq`)
        if !(self.is_collection(l) && self.is_collection(r)) {
            self.coerce(r, lt)?;
        }
        let (ls, left) = self.spill(l, "left_val");
        let (rs, right) = self.spill(r, "right_val");
        let op = if eq { BinaryOp::Eq } else { BinaryOp::Ne };
        let bool_ty = self.scalar_ty(Scalar::Bool);
        let cmp = match self.collection_eq(op, left, right, range, range)? {
            Some(c) => c,
            None => {
                // a user type's `==` is its `PartialEq` (an impl or the derive)
                let (lhs, rhs) = (self.local_read(left, range), self.local_read(right, range));
                match self.overloaded_binary(op, false, lhs, rhs, range)? {
                    Some(call) => call,
                    None => self.push(ExprKind::Binary { op, lhs: left, rhs: right }, bool_ty, range),
                }
            }
        };
        let failed = self.not(cmp, range);
        let sym = if eq { "==" } else { "!=" };
        let mut stmts = Vec::new();
        let mut parts = vec![Part::Piece(FmtPiece::Literal(format!("assertion `left {sym} right` failed")))];
        if args.len() > 2 {
            let (st, msg) = self.format_parts(&args[2], &args[3..], range)?;
            stmts.extend(st);
            parts.push(Part::Piece(FmtPiece::Literal(": ".into())));
            parts.extend(msg);
        }
        let debug = FmtSpec { kind: hybrid_ir::FmtKind::Debug, ..FmtSpec::default() };
        for (label, side) in [("\n  left: ", left), ("\n right: ", right)] {
            parts.push(Part::Piece(FmtPiece::Literal(label.into())));
            let t = self.ty(side);
            let local = match self.kind(side) {
                ExprKind::Local(l) => Some(*l),
                _ => None,
            };
            match local {
                Some(l) if self.needs_debug_expansion(t) => {
                    let path = super::pattern::PlacePath { local: l, proj: Vec::new() };
                    self.debug_parts(&path, t, debug, None, &mut parts, range)?;
                }
                _ => {
                    let value = self.local_read(side, range);
                    parts.push(Part::Piece(FmtPiece::Arg { value, spec: debug }));
                }
            }
        }
        let never = self.infer.never();
        let panic = self.print_parts(PrintTarget::Panic, parts, false, range)?;
        let panic = if stmts.is_empty() {
            panic
        } else {
            stmts.push(Stmt::Expr(panic));
            let b = self.block_expr(stmts, None, range);
            self.etys[b.index()] = never;
            b
        };
        let unit = self.infer.unit();
        let check = self.push(ExprKind::If { cond: failed, then: panic, otherwise: None }, unit, range);
        Ok(self.block_expr(vec![ls, rs, Stmt::Expr(check)], None, range))
    }

    /// A fresh read of the local behind a `Local` place expression.
    pub(crate) fn local_read(&mut self, place: Handle<Expr>, range: &Range<usize>) -> Handle<Expr> {
        match self.kind(place).clone() {
            ExprKind::Local(l) => self.local_expr(l, range),
            _ => place,
        }
    }

    fn vec_macro(&mut self, mac: &syn::Macro, range: &Range<usize>) -> DResult<Handle<Expr>> {
        self.vec_macro_expecting(mac, range, None)
    }

    /// `vec![a, b]` whose elements are coerced to `elem` where the context
    /// gives it (`let v: Vec<Box<dyn Tr>> = vec![..]`).
    pub(crate) fn vec_macro_expecting(
        &mut self,
        mac: &syn::Macro,
        range: &Range<usize>,
        elem: Option<crate::infer::TyId>,
    ) -> DResult<Handle<Expr>> {
        self.facts.host_only.push(("`vec!` (`Vec` lives on the host)".into(), range.clone()));
        // `vec![x; n]`
        let repeat = (|input: syn::parse::ParseStream| {
            let e: syn::Expr = input.parse()?;
            let _: Token![;] = input.parse()?;
            let n: syn::Expr = input.parse()?;
            Ok((e, n))
        })
        .parse2(mac.tokens.clone());
        if let Ok((e, n)) = repeat {
            let v = self.expr(&e)?;
            let usize_ty = self.scalar_ty(Scalar::Usize);
            let n = self.lower_coerced(&n, usize_ty)?;
            let elem = self.ty(v);
            if matches!(self.shape(elem), Some(Shape::Vec(_))) {
                return self.vec_of_clones(v, n, range);
            }
            let ty = self.infer.known(Shape::Vec(elem));
            return Ok(self.push(ExprKind::Intrinsic { op: Intrinsic::VecFromElem, args: vec![v, n] }, ty, range));
        }
        let elems = parse_exprs(mac)?;
        let elem = elem.unwrap_or_else(|| self.infer.var(VarKind::General));
        let ty = self.infer.known(Shape::Vec(elem));
        if elems.is_empty() {
            return Ok(self.push(ExprKind::Intrinsic { op: Intrinsic::VecNew, args: vec![] }, ty, range));
        }
        let cap = self.lit_scalar(Scalar::Usize, elems.len() as u64, range);
        let init = self.push(ExprKind::Intrinsic { op: Intrinsic::VecWithCapacity, args: vec![cap] }, ty, range);
        let (let_stmt, place) = self.spill(init, "vec");
        let mut stmts = vec![let_stmt];
        let unit = self.infer.unit();
        for e in &elems {
            let v = self.lower_coerced(e, elem)?;
            let pty = self.infer.known(Shape::Ptr { pointee: ty, mutable: true, reference: true });
            let p = self.local_read(place, range);
            let addr = self.push(ExprKind::AddrOf { place: p, mutable: true }, pty, range);
            stmts.push(Stmt::Expr(self.push(ExprKind::Intrinsic { op: Intrinsic::VecPush, args: vec![addr, v] }, unit, range)));
        }
        let tail = self.local_read(place, range);
        Ok(self.block_expr(stmts, Some(tail), range))
    }
}
