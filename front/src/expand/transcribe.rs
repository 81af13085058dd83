//! Transcription: a rule's transcriber with its fragments substituted and
//! its repetitions repeated. An `expr` fragment of more than one token is
//! substituted in parentheses, so it stays one expression (`2 * $e` with
//! `$e = 1 + 1` is 4, as in rustc). Hygiene, approximated: a local variable
//! that the transcriber itself binds (`let x`, `let (a, b)`, `for x in`)
//! is renamed in this expansion's own tokens, so it neither captures nor
//! is captured by the caller's variables of the same name.

use std::collections::HashSet;

use proc_macro2::{Delimiter, Group, Ident, Span, TokenStream, TokenTree};

use super::matcher::{Binds, Bound};
use super::rules::{FragKind, Trans};
use crate::diag::{DResult, Diagnostic};
use crate::ranges::byte_range;

pub struct Transcriber<'b> {
    binds: &'b Binds,
    /// Binders of the transcriber renamed for hygiene, with the suffix of
    /// this expansion.
    hygienic: HashSet<String>,
    mark: u32,
}

impl<'b> Transcriber<'b> {
    pub fn new(binds: &'b Binds, trans: &[Trans], mark: u32) -> Self {
        let mut hygienic = HashSet::new();
        binders(trans, &mut hygienic);
        Transcriber { binds, hygienic, mark }
    }

    pub fn run(&self, trans: &[Trans]) -> DResult<TokenStream> {
        let mut out = Vec::new();
        self.seq(trans, &[], false, &mut out)?;
        Ok(out.into_iter().collect())
    }

    /// `fmt`: `trans` are a formatting macro's arguments, whose string
    /// literals may name the renamed locals (`"{x}"`).
    fn seq(&self, trans: &[Trans], idx: &[usize], fmt: bool, out: &mut Vec<TokenTree>) -> DResult<()> {
        for (n, t) in trans.iter().enumerate() {
            match t {
                Trans::Token(TokenTree::Ident(i)) if self.hygienic.contains(&i.to_string()) && renamable(trans, n) => {
                    out.push(TokenTree::Ident(Ident::new(&format!("__hygiene_{}_{i}", self.mark), i.span())));
                }
                Trans::Token(TokenTree::Literal(lit)) if fmt && !self.hygienic.is_empty() => {
                    out.push(TokenTree::Literal(self.format_string(lit)));
                }
                Trans::Token(tt) => out.push(tt.clone()),
                Trans::Crate(span) => out.push(TokenTree::Ident(Ident::new("crate", *span))),
                Trans::Group(d, inner, span) => {
                    let mut v = Vec::new();
                    let is_fmt = n >= 2
                        && punct_is(trans.get(n - 1), '!')
                        && matches!(&trans[n - 2], Trans::Token(TokenTree::Ident(m)) if FORMAT_MACROS.contains(&m.to_string().as_str()));
                    self.seq(inner, idx, is_fmt, &mut v)?;
                    let mut g = Group::new(*d, v.into_iter().collect());
                    g.set_span(*span);
                    out.push(TokenTree::Group(g));
                }
                Trans::Var(name, span) => match self.lookup(name, idx) {
                    None => {
                        let mut dollar = proc_macro2::Punct::new('$', proc_macro2::Spacing::Alone);
                        dollar.set_span(*span);
                        out.push(TokenTree::Punct(dollar));
                        out.push(TokenTree::Ident(Ident::new(name, *span)));
                    }
                    Some(Bound::Seq(_)) => {
                        return Err(Diagnostic::at(
                            None,
                            format!("variable `{name}` is still repeating at this depth"),
                            byte_range(*span),
                            "",
                        ))
                    }
                    Some(Bound::One(f)) => {
                        if f.kind == FragKind::Expr && f.toks.len() > 1 {
                            let mut g = Group::new(Delimiter::Parenthesis, f.toks.iter().cloned().collect());
                            g.set_span(joined(&f.toks));
                            out.push(TokenTree::Group(g));
                        } else {
                            out.extend(f.toks.iter().cloned());
                        }
                    }
                },
                Trans::Repeat { inner, sep, span, .. } => {
                    let count = self.count(inner, idx, *span)?;
                    let mut sub = idx.to_vec();
                    sub.push(0);
                    for i in 0..count {
                        if i > 0 {
                            out.extend(sep.iter().cloned());
                        }
                        *sub.last_mut().unwrap() = i;
                        self.seq(inner, &sub, fmt, out)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// A format string with `{x}` / `{x:..}` of a renamed local `x` renamed.
    fn format_string(&self, lit: &proc_macro2::Literal) -> proc_macro2::Literal {
        let Ok(syn::Lit::Str(s)) = syn::parse2::<syn::Lit>(TokenTree::Literal(lit.clone()).into()) else { return lit.clone() };
        let value = s.value();
        let mut text = String::with_capacity(value.len());
        let mut rest = value.as_str();
        while let Some(i) = rest.find('{') {
            text.push_str(&rest[..=i]);
            rest = &rest[i + 1..];
            if rest.starts_with('{') {
                text.push('{');
                rest = &rest[1..];
                continue;
            }
            let end = rest.find(['}', ':']).unwrap_or(rest.len());
            let name = &rest[..end];
            if self.hygienic.contains(name) {
                text.push_str(&format!("__hygiene_{}_{name}", self.mark));
                rest = &rest[end..];
            }
        }
        text.push_str(rest);
        if text == value {
            return lit.clone();
        }
        let mut out = proc_macro2::Literal::string(&text);
        out.set_span(lit.span());
        out
    }

    /// A variable's binding at the repetition indices `idx`.
    fn lookup(&self, name: &str, idx: &[usize]) -> Option<&'b Bound> {
        let mut b = self.binds.get(name)?;
        for &i in idx {
            match b {
                Bound::Seq(v) => b = v.get(i)?,
                Bound::One(_) => break,
            }
        }
        Some(b)
    }

    /// How many times a repetition repeats: the length its variables agree on.
    fn count(&self, inner: &[Trans], idx: &[usize], span: Span) -> DResult<usize> {
        let mut vars = Vec::new();
        trans_vars(inner, &mut vars);
        let mut found: Option<(String, usize)> = None;
        for v in vars {
            if let Some(Bound::Seq(s)) = self.lookup(&v, idx) {
                match &found {
                    Some((w, n)) if *n != s.len() => {
                        return Err(Diagnostic::at(
                            None,
                            format!("meta-variable `{w}` repeats {n} {}, but `{v}` repeats {} {}", times(*n), s.len(), times(s.len())),
                            byte_range(span),
                            "",
                        ))
                    }
                    Some(_) => {}
                    None => found = Some((v, s.len())),
                }
            }
        }
        match found {
            Some((_, n)) => Ok(n),
            None => Err(Diagnostic::at(
                None,
                "attempted to repeat an expression containing no syntax variables matched as repeating at this depth",
                byte_range(span),
                "",
            )),
        }
    }
}

fn times(n: usize) -> &'static str {
    if n == 1 {
        "time"
    } else {
        "times"
    }
}

fn joined(toks: &[TokenTree]) -> Span {
    let first = toks.first().map_or_else(Span::call_site, |t| t.span());
    let last = toks.last().map_or(first, |t| t.span());
    first.join(last).unwrap_or(first)
}

fn trans_vars(trans: &[Trans], out: &mut Vec<String>) {
    for t in trans {
        match t {
            Trans::Var(n, _) => out.push(n.clone()),
            Trans::Group(_, inner, _) | Trans::Repeat { inner, .. } => trans_vars(inner, out),
            _ => {}
        }
    }
}

fn ident_is(t: Option<&Trans>, word: &str) -> bool {
    matches!(t, Some(Trans::Token(TokenTree::Ident(i))) if i == word)
}

fn punct_is(t: Option<&Trans>, c: char) -> bool {
    matches!(t, Some(Trans::Token(TokenTree::Punct(p))) if p.as_char() == c)
}

/// Names the transcriber binds as locals: `let [mut] x`, `let [mut] (a, mut
/// b)`, `for x in`, at any nesting.
fn binders(trans: &[Trans], out: &mut HashSet<String>) {
    for (i, t) in trans.iter().enumerate() {
        match t {
            Trans::Token(TokenTree::Ident(kw)) if kw == "let" || kw == "for" => {
                let mut j = i + 1;
                if ident_is(trans.get(j), "mut") {
                    j += 1;
                }
                match trans.get(j) {
                    // `for x in`, not `impl Trait for Type`
                    Some(Trans::Token(TokenTree::Ident(x)))
                        if !is_keyword(&x.to_string()) && (kw == "let" || ident_is(trans.get(j + 1), "in")) =>
                    {
                        out.insert(x.to_string());
                    }
                    Some(Trans::Group(Delimiter::Parenthesis, inner, _)) if kw == "let" => {
                        for e in inner {
                            if let Trans::Token(TokenTree::Ident(x)) = e {
                                if !is_keyword(&x.to_string()) {
                                    out.insert(x.to_string());
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            Trans::Group(_, inner, _) | Trans::Repeat { inner, .. } => binders(inner, out),
            _ => {}
        }
    }
}

/// Whether the identifier at `trans[n]` names a local (not a field, method,
/// path segment or macro). FIXME(hygiene): a field name in a struct
/// literal that equals a binder is renamed too.
fn renamable(trans: &[Trans], n: usize) -> bool {
    let before = n.checked_sub(1).and_then(|i| trans.get(i));
    let after = trans.get(n + 1);
    let path_before = n >= 2 && punct_is(before, ':') && punct_is(trans.get(n - 2), ':');
    let field = punct_is(before, '.') && !(n >= 2 && punct_is(trans.get(n - 2), '.'));
    !(field || path_before || punct_is(after, '!') || (punct_is(after, ':') && punct_is(trans.get(n + 2), ':')))
}

/// Macros whose string literal arguments are format strings.
const FORMAT_MACROS: &[&str] = &[
    "println",
    "print",
    "eprintln",
    "eprint",
    "panic",
    "format",
    "write",
    "writeln",
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "unreachable",
    "todo",
    "unimplemented",
];

fn is_keyword(s: &str) -> bool {
    matches!(s, "mut" | "ref" | "_" | "in" | "self" | "Self" | "crate" | "super" | "true" | "false")
}
