//! `macro_rules!` definitions: the rules `(matcher) => { transcriber }`
//! parsed from the definition's tokens into matchers (literal tokens,
//! fragments `$x:kind`, repetitions `$( .. ) sep op`) and transcribers
//! (tokens, `$x`, `$crate`, repetitions).

use std::ops::Range;

use proc_macro2::{Delimiter, Spacing, Span, TokenStream, TokenTree};

use crate::diag::{DResult, Diagnostic};
use crate::ranges::byte_range;

/// What a fragment `$x:kind` matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FragKind {
    Expr,
    Ty,
    Ident,
    Tt,
    Literal,
    Pat,
    PatParam,
    Block,
    Path,
    Stmt,
    Item,
    Lifetime,
    Vis,
    Meta,
}

impl FragKind {
    fn from_name(name: &str) -> Option<FragKind> {
        Some(match name {
            "expr" | "expr_2021" => FragKind::Expr,
            "ty" => FragKind::Ty,
            "ident" => FragKind::Ident,
            "tt" => FragKind::Tt,
            "literal" => FragKind::Literal,
            "pat" => FragKind::Pat,
            "pat_param" => FragKind::PatParam,
            "block" => FragKind::Block,
            "path" => FragKind::Path,
            "stmt" => FragKind::Stmt,
            "item" => FragKind::Item,
            "lifetime" => FragKind::Lifetime,
            "vis" => FragKind::Vis,
            "meta" => FragKind::Meta,
            _ => return None,
        })
    }
}

/// `*`, `+` or `?` of a repetition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RepOp {
    Star,
    Plus,
    Opt,
}

/// One element of a rule's matcher.
#[derive(Clone, Debug)]
pub enum Matcher {
    /// An identifier, punctuation or literal matched as written.
    Token(TokenTree),
    Group(Delimiter, Vec<Matcher>),
    Frag {
        name: String,
        kind: FragKind,
        span: Span,
    },
    Repeat {
        inner: Vec<Matcher>,
        sep: Vec<TokenTree>,
        op: RepOp,
    },
}

/// One element of a rule's transcriber.
#[derive(Clone, Debug)]
pub enum Trans {
    Token(TokenTree),
    Group(Delimiter, Vec<Trans>, Span),
    Var(String, Span),
    /// `$crate`.
    Crate(Span),
    Repeat {
        inner: Vec<Trans>,
        sep: Vec<TokenTree>,
        span: Span,
    },
}

#[derive(Clone, Debug)]
pub struct Rule {
    pub matcher: Vec<Matcher>,
    pub transcriber: Vec<Trans>,
}

/// A parsed `macro_rules! name { .. }`.
#[derive(Clone, Debug)]
pub struct MacroRules {
    pub name: String,
    pub rules: Vec<Rule>,
    /// `macro_rules! name`, rustc's "when calling this macro" label.
    pub head: Range<usize>,
}

const VALID_FRAGMENTS: &str = "valid fragment specifiers are `ident`, `block`, `stmt`, `expr`, `pat`, `ty`, `lifetime`, `literal`, `path`, `meta`, `tt`, `item` and `vis`, along with `expr_2021` and `pat_param` for edition compatibility";

fn is_punct(tt: Option<&TokenTree>, ch: char) -> bool {
    matches!(tt, Some(TokenTree::Punct(p)) if p.as_char() == ch)
}

fn span_range(a: Span, b: Span) -> Range<usize> {
    let (ra, rb) = (byte_range(a), byte_range(b));
    if rb.end >= ra.start {
        ra.start..rb.end
    } else {
        ra
    }
}

/// Parse the rules of a definition from the tokens inside its delimiters.
pub fn parse_rules(name: &str, head: Range<usize>, body: TokenStream) -> DResult<MacroRules> {
    let toks: Vec<TokenTree> = body.into_iter().collect();
    let mut rules = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let TokenTree::Group(m) = &toks[i] else {
            return Err(Diagnostic::at(None, "expected a macro rule `(..) => { .. }`", byte_range(toks[i].span()), "expected a rule here"));
        };
        if !(is_punct(toks.get(i + 1), '=') && is_punct(toks.get(i + 2), '>')) {
            let at = toks.get(i + 1).map_or(m.span_close(), |t| t.span());
            return Err(Diagnostic::at(None, "expected `=>` after a macro matcher", byte_range(at), "expected `=>`"));
        }
        let Some(TokenTree::Group(t)) = toks.get(i + 3) else {
            let at = toks.get(i + 3).map_or(m.span_close(), |t| t.span());
            return Err(Diagnostic::at(None, "expected a macro transcriber `{ .. }`", byte_range(at), "expected a transcriber"));
        };
        let matcher = parse_matcher(&m.stream().into_iter().collect::<Vec<_>>())?;
        let transcriber = parse_trans(&t.stream().into_iter().collect::<Vec<_>>())?;
        rules.push(Rule { matcher, transcriber });
        i += 4;
        if i < toks.len() {
            if !is_punct(toks.get(i), ';') {
                return Err(Diagnostic::at(None, "expected `;` between macro rules", byte_range(toks[i].span()), "expected `;`"));
            }
            i += 1;
        }
    }
    // no rules at all is an error of the definition (`Env::define_item`)
    Ok(MacroRules { name: name.to_string(), rules, head })
}

/// A repetition's separator and operator after its `$( .. )` group, and
/// how many tokens they take.
fn rep_tail(toks: &[TokenTree], at: usize, group_span: Span) -> DResult<(Vec<TokenTree>, RepOp, usize)> {
    let op_of = |tt: Option<&TokenTree>| match tt {
        Some(TokenTree::Punct(p)) => match p.as_char() {
            '*' => Some(RepOp::Star),
            '+' => Some(RepOp::Plus),
            '?' => Some(RepOp::Opt),
            _ => None,
        },
        _ => None,
    };
    if let Some(op) = op_of(toks.get(at)) {
        return Ok((Vec::new(), op, 1));
    }
    // a separator: one token (punctuation joined as rustc lexes it, e.g. `=>`)
    let mut sep = Vec::new();
    let mut j = at;
    while let Some(tt) = toks.get(j) {
        match tt {
            TokenTree::Group(_) => break,
            TokenTree::Punct(p) if p.as_char() == '$' => break,
            TokenTree::Punct(p) => {
                sep.push(tt.clone());
                j += 1;
                if p.spacing() == Spacing::Alone || op_of(toks.get(j)).is_some() {
                    break;
                }
            }
            _ => {
                sep.push(tt.clone());
                j += 1;
                break;
            }
        }
    }
    match op_of(toks.get(j)) {
        Some(RepOp::Opt) if !sep.is_empty() => {
            Err(Diagnostic::at(None, "the `?` macro repetition operator does not take a separator", byte_range(sep[0].span()), ""))
        }
        Some(op) if !sep.is_empty() => Ok((sep, op, j + 1 - at)),
        _ => Err(Diagnostic::at(None, "expected one of: `*`, `+`, or `?`", byte_range(toks.get(j).map_or(group_span, |t| t.span())), "")),
    }
}

fn parse_matcher(toks: &[TokenTree]) -> DResult<Vec<Matcher>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            TokenTree::Punct(p) if p.as_char() == '$' => match toks.get(i + 1) {
                Some(TokenTree::Ident(name)) => {
                    let name_s = name.to_string();
                    let (Some(TokenTree::Punct(colon)), Some(TokenTree::Ident(kind))) = (toks.get(i + 2), toks.get(i + 3)) else {
                        return Err(Diagnostic::at(None, "missing fragment specifier", span_range(p.span(), name.span()), "")
                            .note("fragment specifiers must be provided")
                            .help(VALID_FRAGMENTS));
                    };
                    if colon.as_char() != ':' {
                        return Err(Diagnostic::at(None, "missing fragment specifier", span_range(p.span(), name.span()), "")
                            .note("fragment specifiers must be provided")
                            .help(VALID_FRAGMENTS));
                    }
                    let Some(k) = FragKind::from_name(&kind.to_string()) else {
                        return Err(Diagnostic::at(
                            None,
                            format!("invalid fragment specifier `{kind}`"),
                            span_range(p.span(), kind.span()),
                            "",
                        )
                        .help(VALID_FRAGMENTS));
                    };
                    out.push(Matcher::Frag { name: name_s.trim_start_matches("r#").to_string(), kind: k, span: p.span() });
                    i += 4;
                }
                Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis => {
                    let inner = parse_matcher(&g.stream().into_iter().collect::<Vec<_>>())?;
                    let (sep, op, n) = rep_tail(toks, i + 2, g.span())?;
                    out.push(Matcher::Repeat { inner, sep, op });
                    i += 2 + n;
                }
                _ => {
                    out.push(Matcher::Token(toks[i].clone()));
                    i += 1;
                }
            },
            TokenTree::Group(g) => {
                out.push(Matcher::Group(g.delimiter(), parse_matcher(&g.stream().into_iter().collect::<Vec<_>>())?));
                i += 1;
            }
            tt => {
                out.push(Matcher::Token(tt.clone()));
                i += 1;
            }
        }
    }
    Ok(out)
}

fn parse_trans(toks: &[TokenTree]) -> DResult<Vec<Trans>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            TokenTree::Punct(p) if p.as_char() == '$' => match toks.get(i + 1) {
                Some(TokenTree::Ident(name)) if name == "crate" => {
                    out.push(Trans::Crate(name.span()));
                    i += 2;
                }
                Some(TokenTree::Ident(name)) => {
                    out.push(Trans::Var(name.to_string().trim_start_matches("r#").to_string(), name.span()));
                    i += 2;
                }
                Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis => {
                    let inner = parse_trans(&g.stream().into_iter().collect::<Vec<_>>())?;
                    let (sep, _, n) = rep_tail(toks, i + 2, g.span())?;
                    out.push(Trans::Repeat { inner, sep, span: g.span() });
                    i += 2 + n;
                }
                _ => {
                    out.push(Trans::Token(toks[i].clone()));
                    i += 1;
                }
            },
            TokenTree::Group(g) => {
                out.push(Trans::Group(g.delimiter(), parse_trans(&g.stream().into_iter().collect::<Vec<_>>())?, g.span()));
                i += 1;
            }
            tt => {
                out.push(Trans::Token(tt.clone()));
                i += 1;
            }
        }
    }
    Ok(out)
}

/// The names of the fragments bound in a matcher (repetitions included).
pub fn matcher_vars(ms: &[Matcher], out: &mut Vec<String>) {
    for m in ms {
        match m {
            Matcher::Frag { name, .. } => out.push(name.clone()),
            Matcher::Group(_, inner) | Matcher::Repeat { inner, .. } => matcher_vars(inner, out),
            Matcher::Token(_) => {}
        }
    }
}

/// How rustc shows a matcher element in "while trying to match `..`".
pub fn shown(m: &Matcher) -> String {
    match m {
        Matcher::Token(t) => t.to_string(),
        Matcher::Group(d, _) => match d {
            Delimiter::Parenthesis => "(".into(),
            Delimiter::Bracket => "[".into(),
            Delimiter::Brace => "{".into(),
            Delimiter::None => "group".into(),
        },
        Matcher::Frag { name, kind, .. } => format!("meta-variable `${name}:{}`", kind_name(*kind)),
        Matcher::Repeat { .. } => "repetition".into(),
    }
}

fn kind_name(k: FragKind) -> &'static str {
    match k {
        FragKind::Expr => "expr",
        FragKind::Ty => "ty",
        FragKind::Ident => "ident",
        FragKind::Tt => "tt",
        FragKind::Literal => "literal",
        FragKind::Pat => "pat",
        FragKind::PatParam => "pat_param",
        FragKind::Block => "block",
        FragKind::Path => "path",
        FragKind::Stmt => "stmt",
        FragKind::Item => "item",
        FragKind::Lifetime => "lifetime",
        FragKind::Vis => "vis",
        FragKind::Meta => "meta",
    }
}
