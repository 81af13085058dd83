//! Matching a macro call's tokens against a rule's matcher: literal tokens
//! compared, fragments parsed with syn (one parse, no backtracking into a
//! fragment, as rustc's), repetitions greedy with backtracking over the
//! number of iterations. A failed match remembers the furthest token
//! reached, for rustc's "no rules expected `x`".

use std::collections::HashMap;
use std::ops::Range;

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::parse::{ParseStream, Parser};

use super::rules::{matcher_vars, shown, FragKind, Matcher, RepOp};
use crate::ranges::byte_range;

/// A matched fragment: its tokens and kind.
#[derive(Clone, Debug)]
pub struct Frag {
    pub toks: Vec<TokenTree>,
    pub kind: FragKind,
}

#[derive(Clone, Debug)]
pub enum Bound {
    One(Frag),
    Seq(Vec<Bound>),
}

pub type Binds = HashMap<String, Bound>;

/// Where matching failed: the offending token (`None`: the end of the
/// call's tokens, at `end`), and what the matcher expected there.
#[derive(Clone, Debug)]
pub struct Failure {
    pub at: Option<Span>,
    pub end: Span,
    pub expected: Option<(String, Span)>,
    /// The offending token as rustc shows it.
    pub shown: Option<String>,
    /// How far into the call it got (byte offset), to keep the best one.
    pub reach: usize,
}

pub struct Matching {
    pub best: Option<Failure>,
}

type Cont<'k> = &'k mut dyn FnMut(&mut Matching, usize, Binds) -> Option<Binds>;

fn tok_eq(a: &TokenTree, b: &TokenTree) -> bool {
    match (a, b) {
        (TokenTree::Ident(x), TokenTree::Ident(y)) => x == y,
        (TokenTree::Punct(x), TokenTree::Punct(y)) => x.as_char() == y.as_char(),
        (TokenTree::Literal(x), TokenTree::Literal(y)) => x.to_string() == y.to_string(),
        _ => false,
    }
}

fn matcher_span(m: &Matcher) -> Option<Span> {
    match m {
        Matcher::Token(t) => Some(t.span()),
        Matcher::Frag { span, .. } => Some(*span),
        _ => None,
    }
}

impl Matching {
    fn fail(&mut self, toks: &[TokenTree], j: usize, end: Span, expected: Option<&Matcher>) {
        let at = toks.get(j).map(|t| match t {
            TokenTree::Group(g) => g.span_open(),
            other => other.span(),
        });
        let reach = byte_range(at.unwrap_or(end)).start;
        if self.best.as_ref().is_none_or(|b| reach > b.reach) {
            let expected = expected.and_then(|m| matcher_span(m).map(|s| (shown(m), s)));
            let shown = toks.get(j).map(|t| match t {
                TokenTree::Group(g) => match g.delimiter() {
                    Delimiter::Parenthesis => "(".to_string(),
                    Delimiter::Bracket => "[".to_string(),
                    Delimiter::Brace => "{".to_string(),
                    Delimiter::None => g.stream().to_string(),
                },
                other => other.to_string(),
            });
            self.best = Some(Failure { at, end, expected, reach, shown });
        }
    }

    /// Match `pats` against `toks[j..]` (a prefix of them), then call `k`
    /// with where it ended.
    pub fn seq(&mut self, pats: &[Matcher], toks: &[TokenTree], end: Span, j: usize, b: Binds, k: Cont<'_>) -> Option<Binds> {
        let Some((first, rest)) = pats.split_first() else { return k(self, j, b) };
        match first {
            Matcher::Token(t) => {
                if toks.get(j).is_some_and(|x| tok_eq(x, t)) {
                    self.seq(rest, toks, end, j + 1, b, k)
                } else {
                    self.fail(toks, j, end, Some(first));
                    None
                }
            }
            Matcher::Group(d, inner) => {
                let Some(TokenTree::Group(g)) = toks.get(j).filter(|t| matches!(t, TokenTree::Group(g) if g.delimiter() == *d)) else {
                    self.fail(toks, j, end, Some(first));
                    return None;
                };
                let inner_toks: Vec<TokenTree> = g.stream().into_iter().collect();
                let close = g.span_close();
                self.seq(inner, &inner_toks, close, 0, b, &mut |s: &mut Matching, e, b| {
                    if e != inner_toks.len() {
                        s.fail(&inner_toks, e, close, None);
                        return None;
                    }
                    s.seq(rest, toks, end, j + 1, b, k)
                })
            }
            Matcher::Frag { name, kind, .. } => match parse_fragment(*kind, &toks[j..]) {
                Some(n) => {
                    let mut b = b;
                    b.insert(name.clone(), Bound::One(Frag { toks: toks[j..j + n].to_vec(), kind: *kind }));
                    self.seq(rest, toks, end, j + n, b, k)
                }
                None => {
                    self.fail(toks, j, end, Some(first));
                    None
                }
            },
            Matcher::Repeat { inner, sep, op } => {
                let mut vars = Vec::new();
                matcher_vars(inner, &mut vars);
                let r = Rep { inner, sep, op: *op, rest, vars: &vars, end };
                self.repeat(&r, toks, j, b, Vec::new(), k)
            }
        }
    }

    fn repeat(&mut self, r: &Rep<'_>, toks: &[TokenTree], j: usize, b: Binds, iters: Vec<Binds>, k: Cont<'_>) -> Option<Binds> {
        // one more iteration first (greedy)
        if !(r.op == RepOp::Opt && iters.len() == 1) {
            let mut start = Some(j);
            if !iters.is_empty() && !r.sep.is_empty() {
                let ok = r.sep.iter().enumerate().all(|(i, s)| toks.get(j + i).is_some_and(|t| tok_eq(t, s)));
                start = ok.then_some(j + r.sep.len());
            }
            if let Some(s0) = start {
                let found = self.seq(r.inner, toks, r.end, s0, Binds::new(), &mut |s: &mut Matching, e, ib| {
                    if e == s0 {
                        return None; // an empty iteration would repeat forever
                    }
                    let mut it = iters.clone();
                    it.push(ib);
                    s.repeat(r, toks, e, b.clone(), it, k)
                });
                if found.is_some() {
                    return found;
                }
            }
        }
        if r.op == RepOp::Plus && iters.is_empty() {
            self.fail(toks, j, r.end, r.inner.first());
            return None;
        }
        let mut b = b;
        for v in r.vars {
            let seq = iters.iter().map(|it| it.get(v).cloned().unwrap_or(Bound::Seq(Vec::new()))).collect();
            b.insert(v.clone(), Bound::Seq(seq));
        }
        self.seq(r.rest, toks, r.end, j, b, k)
    }
}

struct Rep<'r> {
    inner: &'r [Matcher],
    sep: &'r [TokenTree],
    op: RepOp,
    rest: &'r [Matcher],
    vars: &'r [String],
    end: Span,
}

/// Match a whole call's tokens against a matcher.
pub fn match_rule(pats: &[Matcher], toks: &[TokenTree], end: Span, m: &mut Matching) -> Option<Binds> {
    m.seq(pats, toks, end, 0, Binds::new(), &mut |s: &mut Matching, e, b| {
        if e == toks.len() {
            Some(b)
        } else {
            s.fail(toks, e, end, None);
            None
        }
    })
}

/// How many of `toks` a fragment of `kind` takes, `None` if it does not
/// parse there. FIXME(opaque fragments): a fragment forwarded to another
/// macro is matched by its tokens; rustc keeps it opaque (an `expr`
/// holding `x` does not match `$i:ident` there).
fn parse_fragment(kind: FragKind, toks: &[TokenTree]) -> Option<usize> {
    let punct = |i: usize, c: char| matches!(toks.get(i), Some(TokenTree::Punct(p)) if p.as_char() == c);
    let lifetime = || punct(0, '\'') && matches!(toks.get(1), Some(TokenTree::Ident(_)));
    match kind {
        FragKind::Tt => {
            if lifetime() {
                Some(2)
            } else {
                (!toks.is_empty()).then_some(1)
            }
        }
        FragKind::Ident => match toks.first() {
            Some(TokenTree::Ident(i)) if i != "_" => Some(1),
            _ => None,
        },
        FragKind::Lifetime => lifetime().then_some(2),
        FragKind::Literal => match toks.first() {
            Some(TokenTree::Literal(_)) => Some(1),
            Some(TokenTree::Ident(i)) if i == "true" || i == "false" => Some(1),
            Some(TokenTree::Punct(p)) if p.as_char() == '-' => matches!(toks.get(1), Some(TokenTree::Literal(_))).then_some(2),
            _ => None,
        },
        FragKind::Block => match toks.first() {
            Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => {
                syn::parse2::<syn::Block>(TokenStream::from(TokenTree::Group(g.clone()))).ok().map(|_| 1)
            }
            _ => None,
        },
        FragKind::Expr => prefix(toks, |i| i.parse::<syn::Expr>().map(drop)),
        FragKind::Ty => prefix(toks, |i| i.parse::<syn::Type>().map(drop)),
        FragKind::Pat => prefix(toks, |i| syn::Pat::parse_multi_with_leading_vert(i).map(drop)),
        FragKind::PatParam => prefix(toks, |i| syn::Pat::parse_single(i).map(drop)),
        FragKind::Path => prefix(toks, |i| i.parse::<syn::Path>().map(drop)),
        FragKind::Item => prefix(toks, |i| i.parse::<syn::Item>().map(drop)),
        FragKind::Meta => prefix(toks, |i| i.parse::<syn::Meta>().map(drop)),
        // a visibility may be empty
        FragKind::Vis => prefix(toks, |i| i.parse::<syn::Visibility>().map(drop)).or(Some(0)),
        FragKind::Stmt => prefix(toks, |i| {
            // a `let` statement without its `;`, an item, or an expression
            if i.peek(syn::Token![let]) {
                i.parse::<syn::Token![let]>()?;
                syn::Pat::parse_single(i)?;
                if i.peek(syn::Token![:]) {
                    i.parse::<syn::Token![:]>()?;
                    i.parse::<syn::Type>()?;
                }
                if i.peek(syn::Token![=]) {
                    i.parse::<syn::Token![=]>()?;
                    i.parse::<syn::Expr>()?;
                }
                Ok(())
            } else if i.fork().parse::<syn::Item>().is_ok() {
                i.parse::<syn::Item>().map(drop)
            } else {
                i.parse::<syn::Expr>().map(drop)
            }
        }),
    }
}

/// Parse a prefix of `toks` with `f`; how many tokens it took.
fn prefix(toks: &[TokenTree], f: impl Fn(ParseStream<'_>) -> syn::Result<()>) -> Option<usize> {
    if toks.is_empty() {
        return None;
    }
    let stream: TokenStream = toks.iter().cloned().collect();
    let parser = |input: ParseStream<'_>| {
        f(input)?;
        let rest: TokenStream = input.parse()?;
        Ok(rest.into_iter().count())
    };
    let left = parser.parse2(stream).ok()?;
    Some(toks.len() - left)
}

/// The byte range of a failure's token, for the error.
pub fn failure_range(f: &Failure) -> Range<usize> {
    byte_range(f.at.unwrap_or(f.end))
}
