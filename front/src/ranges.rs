//! Byte ranges of syn nodes, found from their first and last tokens.
//!
//! `syn::spanned::Spanned::span()` prints the whole node back to tokens and
//! joins the spans of the first and the last one: O(size of the node) per
//! call, so asking for the range of every expression while lowering a body
//! costs O(size × depth). [`range_of`] gives the same range (the same
//! first/last tokens syn would print, joined the same way) by walking only the
//! leftmost and rightmost spines of the node. Rare node kinds fall back to
//! `Spanned`.
//!
//! Byte offsets: proc-macro2 keeps spans as char offsets and maps them to
//! bytes through a cache that grows by one B-tree entry per lookup; while a
//! [`SourceScope`] is alive, [`byte_range`] instead maps a span's line/column
//! (a binary search in proc-macro2's line table) to bytes with this module's
//! own table of line starts.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

use crate::split::{Cuts, ItemsText};

use proc_macro2::{LineColumn, Span};
use syn::spanned::Spanned;

/// A syn node whose printed tokens' first and last spans are known.
pub trait Ranged {
    /// The span of the first token the node prints.
    fn first(&self) -> Span;
    /// The span of the last token the node prints.
    fn last(&self) -> Span;
}

/// The byte range of a node: from its first token to its last, as
/// `Spanned::span().byte_range()` would give it.
pub fn range_of(node: &(impl Ranged + ?Sized)) -> Range<usize> {
    let first = node.first();
    byte_range(first.join(node.last()).unwrap_or(first))
}

/// The byte range of a block, braces included.
pub fn block_range(block: &syn::Block) -> Range<usize> {
    let braces = block.brace_token.span;
    byte_range(braces.open()).start..byte_range(braces.close()).end
}

/// The byte range of a span, as `Span::byte_range` gives it (in the whole
/// file, also for spans of a piece parsed on its own: see
/// [`SourceScope::set_origin`]).
pub fn byte_range(span: Span) -> Range<usize> {
    SOURCE.with(|source| match &*source.borrow() {
        Some(scope) => scope.range(span.start(), span.end(), scope.piece_origin(span)),
        None => span.byte_range(),
    })
}

thread_local! {
    /// The source file being compiled on this thread, while a
    /// [`SourceScope`] is alive (proc-macro2's own source map is per thread
    /// too).
    static SOURCE: RefCell<Option<Scope>> = const { RefCell::new(None) };
}

struct Scope {
    lines: Arc<SourceLines>,
    origin: Origin,
    /// The text is the source with pieces cut out (see `split::cut_bodies`).
    cuts: Option<Cuts>,
    /// Added to every offset: where the text starts in the program's text
    /// (see [`crate::source::SourceFiles`]).
    base: usize,
    /// Other pieces of the text parsed since the last
    /// [`SourceScope::set_origin`] (see [`parse_piece`]): a span of each
    /// and where it starts.
    pieces: Vec<(Span, Origin)>,
}

impl Scope {
    /// The origin of the piece `span` was parsed from: the one whose span
    /// joins it (proc-macro2 joins only spans of the same parsed text).
    fn piece_origin(&self, span: Span) -> Origin {
        if self.pieces.is_empty() {
            return self.origin;
        }
        self.pieces.iter().find(|(probe, _)| probe.join(span).is_some()).map_or(self.origin, |(_, o)| *o)
    }

    /// The range in the program's text from `start` to `end`, counted from
    /// `origin` (proc-macro2's lines and columns of one parsed text).
    fn range(&self, start: LineColumn, end: LineColumn, origin: Origin) -> Range<usize> {
        let start = self.lines.byte_offset(start, origin);
        let end = self.lines.byte_offset(end, origin);
        match &self.cuts {
            Some(cuts) => self.base + cuts.source_offset(start)..self.base + cuts.source_offset(end),
            None => self.base + start..self.base + end,
        }
    }
}

/// Parse `source[range]` (a piece of the text this thread's scope is
/// over, e.g. a macro definition) into tokens whose spans map to the
/// piece's place in the text, alongside the piece parsed after the last
/// [`SourceScope::set_origin`].
pub fn parse_piece(source: &str, range: Range<usize>) -> Option<proc_macro2::TokenStream> {
    let tokens: proc_macro2::TokenStream = source.get(range.clone())?.parse().ok()?;
    if let Some(probe) = tokens.clone().into_iter().next().map(|t| t.span()) {
        SOURCE.with(|s| {
            if let Some(scope) = &mut *s.borrow_mut() {
                let origin = scope.lines.origin_of(range.start);
                scope.pieces.push((probe, origin));
            }
        });
    }
    Some(tokens)
}

/// Where the text proc-macro2 is parsing on this thread starts in the file:
/// 0-based line index and column in chars.
#[derive(Clone, Copy, Default)]
struct Origin {
    line: usize,
    col: usize,
}

/// The source text with the byte offset of each line start.
pub struct SourceLines {
    text: Box<str>,
    starts: Vec<usize>,
    ascii: bool,
}

impl SourceLines {
    pub fn new(source: &str) -> Arc<SourceLines> {
        Arc::new(SourceLines { text: source.into(), starts: crate::diag::line_starts(source), ascii: source.is_ascii() })
    }

    /// Byte offset in the file of a 1-based line and 0-based column in
    /// chars, counted from `origin`.
    fn byte_offset(&self, at: LineColumn, origin: Origin) -> usize {
        let (line, column) = if at.line <= 1 { (origin.line, origin.col + at.column) } else { (origin.line + at.line - 1, at.column) };
        let Some(&start) = self.starts.get(line) else {
            return self.text.len();
        };
        if self.ascii {
            return (start + column).min(self.text.len());
        }
        self.text[start..].char_indices().nth(column).map_or(self.text.len(), |(i, _)| start + i)
    }

    /// The line index and char column of byte offset `at`.
    fn origin_of(&self, at: usize) -> Origin {
        let line = self.starts.partition_point(|&s| s <= at).saturating_sub(1);
        let start = self.starts[line];
        let col = if self.ascii { at - start } else { self.text[start..at].chars().count() };
        Origin { line, col }
    }
}

/// Makes [`byte_range`] and [`range_of`] use a source text (the text the
/// spans on this thread were parsed from) until dropped.
pub struct SourceScope(());

impl SourceScope {
    pub fn new(source: &str) -> Self {
        Self::shared(SourceLines::new(source))
    }

    /// A scope over text shared with other threads' scopes.
    pub fn shared(lines: Arc<SourceLines>) -> Self {
        Self::install(lines, None)
    }

    /// A scope over the source with pieces cut out: ranges are of the source.
    pub fn cut(text: &ItemsText) -> Self {
        Self::install(SourceLines::new(&text.text), Some(text.cuts.clone()))
    }

    fn install(lines: Arc<SourceLines>, cuts: Option<Cuts>) -> Self {
        SOURCE.with(|s| *s.borrow_mut() = Some(Scope { lines, origin: Origin::default(), cuts, base: 0, pieces: Vec::new() }));
        SourceScope(())
    }

    /// The spans parsed next on this thread are of a piece of the file
    /// starting at byte `start` (parsed on its own, so proc-macro2 counts
    /// its lines and columns from there).
    pub fn set_origin(&self, start: usize) {
        SOURCE.with(|s| {
            if let Some(scope) = &mut *s.borrow_mut() {
                scope.origin = scope.lines.origin_of(start);
                scope.pieces.clear();
            }
        })
    }
}

/// Run `f`, which parses the piece of the file starting at byte `start` and
/// takes the ranges of what it parsed, then map spans as before again (for
/// a body being lowered while it parses another function's signature).
pub fn with_origin<T>(start: usize, f: impl FnOnce() -> T) -> T {
    let saved = SOURCE.with(|s| {
        s.borrow_mut().as_mut().map(|scope| {
            let saved = scope.origin;
            scope.origin = scope.lines.origin_of(start);
            saved
        })
    });
    let result = f();
    if let Some(origin) = saved {
        SOURCE.with(|s| {
            if let Some(scope) = &mut *s.borrow_mut() {
                scope.origin = origin;
            }
        })
    }
    result
}

impl SourceScope {
    /// The text of this scope starts at global offset `base` of the
    /// program's text: ranges are shifted by it.
    pub fn set_base(&self, base: usize) {
        SOURCE.with(|s| {
            if let Some(scope) = &mut *s.borrow_mut() {
                scope.base = base;
            }
        })
    }
}

impl Drop for SourceScope {
    fn drop(&mut self) {
        SOURCE.with(|s| *s.borrow_mut() = None);
    }
}

/// `Ranged` through the node's own `span()`: syn's `Spanned` (which prints
/// the node) for the types listed at the first use, the inherent one-token
/// `span()` for the single-token types at the second.
macro_rules! ranged_by_span {
    ($($ty:ty),* $(,)?) => {$(
        impl Ranged for $ty {
            fn first(&self) -> Span {
                self.span()
            }
            fn last(&self) -> Span {
                self.span()
            }
        }
    )*};
}

// Nodes with few tokens, or seen only on error paths: printed by syn.
ranged_by_span!(
    syn::Attribute,
    syn::BinOp,
    syn::UnOp,
    syn::Label,
    syn::Lifetime,
    syn::Generics,
    syn::WhereClause,
    syn::Abi,
    syn::Item,
    syn::ForeignItem,
    syn::ImplItem,
    syn::ImplItemConst,
    syn::ImplItemType,
    syn::TraitItem,
    syn::ParenthesizedGenericArguments,
    syn::Field,
    syn::Receiver,
    syn::ReturnType,
    syn::PathArguments,
    syn::GenericArgument,
    syn::RangeLimits,
    syn::Variadic,
    syn::MetaList,
    syn::AngleBracketedGenericArguments,
    syn::token::Const,
    syn::token::Async,
    syn::token::Match,
    syn::token::Question,
    syn::ExprLet,
);

impl<T: Ranged + ?Sized> Ranged for Box<T> {
    fn first(&self) -> Span {
        (**self).first()
    }
    fn last(&self) -> Span {
        (**self).last()
    }
}

// Single tokens: their inherent `span()` is the whole range.
ranged_by_span!(syn::Ident, syn::Lit, syn::LitInt, syn::LitFloat, syn::LitStr);

impl Ranged for syn::Member {
    fn first(&self) -> Span {
        match self {
            syn::Member::Named(i) => i.span(),
            syn::Member::Unnamed(i) => i.span,
        }
    }
    fn last(&self) -> Span {
        self.first()
    }
}

impl Ranged for syn::Block {
    fn first(&self) -> Span {
        self.brace_token.span.join()
    }
    fn last(&self) -> Span {
        self.brace_token.span.join()
    }
}

impl Ranged for syn::Path {
    fn first(&self) -> Span {
        match (&self.leading_colon, self.segments.first()) {
            (Some(c), _) => c.spans[0],
            (None, Some(seg)) => seg.ident.span(),
            (None, None) => self.span(),
        }
    }
    fn last(&self) -> Span {
        match self.segments.last() {
            Some(seg) => match &seg.arguments {
                syn::PathArguments::None => seg.ident.span(),
                syn::PathArguments::AngleBracketed(a) => a.gt_token.span,
                syn::PathArguments::Parenthesized(_) => seg.span(),
            },
            None => self.span(),
        }
    }
}

/// `<T as Trait>::path` or `path`.
fn qpath_first(qself: &Option<syn::QSelf>, path: &syn::Path) -> Span {
    match qself {
        Some(q) => q.lt_token.span,
        None => path.first(),
    }
}

/// The first outer attribute's `#`, if any.
fn attrs_first(attrs: &[syn::Attribute]) -> Option<Span> {
    attrs.first().map(|a| a.pound_token.span)
}

impl Ranged for syn::Macro {
    fn first(&self) -> Span {
        self.path.first()
    }
    fn last(&self) -> Span {
        self.delimiter.span().join()
    }
}

/// `Ranged` for `Expr*` structs: the first token is the first outer
/// attribute's `#` if there is one, else `$first`; the last token is `$last`.
macro_rules! ranged_expr {
    ($($ty:ident: |$e:ident| $first:expr, $last:expr;)*) => {$(
        impl Ranged for syn::$ty {
            fn first(&self) -> Span {
                let $e = self;
                $e.attrs.first().map_or_else(|| $first, |a| a.pound_token.span)
            }
            fn last(&self) -> Span {
                let $e = self;
                $last
            }
        }
    )*};
}

/// A label's `'name`, or else `token`.
fn label_or(label: &Option<syn::Label>, token: Span) -> Span {
    label.as_ref().map_or(token, |l| l.name.apostrophe)
}

/// syn prints binary-like expressions that carry attributes inside synthetic
/// parentheses, whose span is `call_site`.
fn unless_attrs(attrs: &[syn::Attribute], last: impl FnOnce() -> Span) -> Span {
    if attrs.is_empty() {
        last()
    } else {
        Span::call_site()
    }
}

ranged_expr! {
    ExprArray: |e| e.bracket_token.span.join(), e.bracket_token.span.join();
    ExprAssign: |e| e.left.first(), unless_attrs(&e.attrs, || e.right.last());
    ExprBinary: |e| e.left.first(), unless_attrs(&e.attrs, || e.right.last());
    ExprBlock: |e| label_or(&e.label, e.block.first()), e.block.last();
    ExprBreak: |e| e.break_token.span, match (&e.expr, &e.label) {
        (Some(v), _) => v.last(),
        (None, Some(l)) => l.span(),
        (None, None) => e.break_token.span,
    };
    ExprCall: |e| e.func.first(), e.paren_token.span.join();
    ExprCast: |e| e.expr.first(), unless_attrs(&e.attrs, || e.ty.last());
    ExprContinue: |e| e.continue_token.span, e.label.as_ref().map_or(e.continue_token.span, |l| l.span());
    ExprField: |e| e.base.first(), e.member.last();
    ExprForLoop: |e| label_or(&e.label, e.for_token.span), e.body.last();
    ExprIf: |e| e.if_token.span, match &e.else_branch {
        Some((_, els)) => els.last(),
        None => e.then_branch.last(),
    };
    ExprIndex: |e| e.expr.first(), e.bracket_token.span.join();
    ExprLit: |e| e.lit.span(), e.lit.span();
    ExprLoop: |e| label_or(&e.label, e.loop_token.span), e.body.last();
    ExprMacro: |e| e.mac.first(), e.mac.last();
    ExprMatch: |e| e.match_token.span, e.brace_token.span.join();
    ExprMethodCall: |e| e.receiver.first(), e.paren_token.span.join();
    ExprParen: |e| e.paren_token.span.join(), e.paren_token.span.join();
    ExprPath: |e| qpath_first(&e.qself, &e.path), e.path.last();
    ExprRange: |e| e.start.as_ref().map_or_else(|| e.limits.span(), |s| s.first()),
        unless_attrs(&e.attrs, || e.end.as_ref().map_or_else(|| e.limits.span(), |end| end.last()));
    ExprReference: |e| e.and_token.span, e.expr.last();
    ExprRepeat: |e| e.bracket_token.span.join(), e.bracket_token.span.join();
    ExprReturn: |e| e.return_token.span, e.expr.as_ref().map_or(e.return_token.span, |v| v.last());
    ExprStruct: |e| qpath_first(&e.qself, &e.path), e.brace_token.span.join();
    ExprTuple: |e| e.paren_token.span.join(), e.paren_token.span.join();
    ExprUnary: |e| e.op.span(), e.expr.last();
    ExprUnsafe: |e| e.unsafe_token.span, e.block.last();
    ExprWhile: |e| label_or(&e.label, e.while_token.span), e.body.last();
}

/// `Expr` dispatches to its variants' structs; other variants are printed.
macro_rules! ranged_expr_enum {
    ($($variant:ident),*) => {
        impl Ranged for syn::Expr {
            fn first(&self) -> Span {
                match self {
                    $(syn::Expr::$variant(e) => e.first(),)*
                    other => other.span(),
                }
            }
            fn last(&self) -> Span {
                match self {
                    $(syn::Expr::$variant(e) => e.last(),)*
                    other => other.span(),
                }
            }
        }
    };
}

ranged_expr_enum!(
    Array, Assign, Binary, Block, Break, Call, Cast, Continue, Field, ForLoop, If, Index, Lit, Loop, Macro, MethodCall, Paren, Path, Range,
    Reference, Repeat, Return, Struct, Tuple, Unary, Unsafe, While
);

impl Ranged for syn::Local {
    fn first(&self) -> Span {
        attrs_first(&self.attrs).unwrap_or(self.let_token.span)
    }
    fn last(&self) -> Span {
        self.semi_token.span
    }
}

impl Ranged for syn::StmtMacro {
    fn first(&self) -> Span {
        attrs_first(&self.attrs).unwrap_or_else(|| self.mac.first())
    }
    fn last(&self) -> Span {
        self.semi_token.map_or_else(|| self.mac.last(), |s| s.span)
    }
}

impl Ranged for syn::Stmt {
    fn first(&self) -> Span {
        match self {
            syn::Stmt::Local(l) => l.first(),
            syn::Stmt::Expr(e, _) => e.first(),
            syn::Stmt::Macro(m) => m.first(),
            syn::Stmt::Item(i) => i.span(),
        }
    }
    fn last(&self) -> Span {
        match self {
            syn::Stmt::Local(l) => l.last(),
            syn::Stmt::Expr(_, Some(semi)) => semi.span,
            syn::Stmt::Expr(e, None) => e.last(),
            syn::Stmt::Macro(m) => m.last(),
            syn::Stmt::Item(i) => i.span(),
        }
    }
}

impl Ranged for syn::PatIdent {
    fn first(&self) -> Span {
        attrs_first(&self.attrs).or(self.by_ref.map(|t| t.span)).or(self.mutability.map(|t| t.span)).unwrap_or_else(|| self.ident.span())
    }
    fn last(&self) -> Span {
        self.subpat.as_ref().map_or_else(|| self.ident.span(), |(_, p)| p.last())
    }
}

impl Ranged for syn::PatType {
    fn first(&self) -> Span {
        attrs_first(&self.attrs).unwrap_or_else(|| self.pat.first())
    }
    fn last(&self) -> Span {
        self.ty.last()
    }
}

impl Ranged for syn::PatTuple {
    fn first(&self) -> Span {
        attrs_first(&self.attrs).unwrap_or_else(|| self.paren_token.span.join())
    }
    fn last(&self) -> Span {
        self.paren_token.span.join()
    }
}

impl Ranged for syn::Pat {
    fn first(&self) -> Span {
        match self {
            syn::Pat::Ident(p) => p.first(),
            syn::Pat::Type(p) => p.first(),
            syn::Pat::Tuple(p) => p.first(),
            syn::Pat::Wild(p) => attrs_first(&p.attrs).unwrap_or(p.underscore_token.span),
            other => other.span(),
        }
    }
    fn last(&self) -> Span {
        match self {
            syn::Pat::Ident(p) => p.last(),
            syn::Pat::Type(p) => p.last(),
            syn::Pat::Tuple(p) => p.last(),
            syn::Pat::Wild(p) => p.underscore_token.span,
            other => other.span(),
        }
    }
}

impl Ranged for syn::Type {
    fn first(&self) -> Span {
        use syn::Type as T;
        match self {
            T::Path(t) => qpath_first(&t.qself, &t.path),
            T::Reference(t) => t.and_token.span,
            T::Ptr(t) => t.star_token.span,
            T::Array(t) => t.bracket_token.span.join(),
            T::Slice(t) => t.bracket_token.span.join(),
            T::Tuple(t) => t.paren_token.span.join(),
            T::Paren(t) => t.paren_token.span.join(),
            T::Never(t) => t.bang_token.span,
            T::Infer(t) => t.underscore_token.span,
            other => other.span(),
        }
    }
    fn last(&self) -> Span {
        use syn::Type as T;
        match self {
            T::Path(t) => t.path.last(),
            T::Reference(t) => t.elem.last(),
            T::Ptr(t) => t.elem.last(),
            T::Array(t) => t.bracket_token.span.join(),
            T::Slice(t) => t.bracket_token.span.join(),
            T::Tuple(t) => t.paren_token.span.join(),
            T::Paren(t) => t.paren_token.span.join(),
            T::Never(t) => t.bang_token.span,
            T::Infer(t) => t.underscore_token.span,
            other => other.span(),
        }
    }
}

#[cfg(test)]
mod tests {
    //! `range_of` must agree with `Spanned` on every node of real programs.

    use super::*;
    use syn::visit::Visit;

    struct Compare {
        mismatches: Vec<String>,
        checked: usize,
    }

    impl Compare {
        fn check<T: Ranged + Spanned + quote::ToTokens>(&mut self, node: &T) {
            self.checked += 1;
            let (fast, slow) = (range_of(node), node.span().byte_range());
            if fast != slow {
                self.mismatches.push(format!("{fast:?} != {slow:?} for `{}`", node.to_token_stream()));
            }
        }
    }

    impl<'ast> Visit<'ast> for Compare {
        fn visit_expr(&mut self, e: &'ast syn::Expr) {
            self.check(e);
            syn::visit::visit_expr(self, e);
        }
        fn visit_stmt(&mut self, s: &'ast syn::Stmt) {
            self.check(s);
            syn::visit::visit_stmt(self, s);
        }
        fn visit_pat(&mut self, p: &'ast syn::Pat) {
            self.check(p);
            syn::visit::visit_pat(self, p);
        }
        fn visit_type(&mut self, t: &'ast syn::Type) {
            self.check(t);
            syn::visit::visit_type(self, t);
        }
        fn visit_block(&mut self, b: &'ast syn::Block) {
            self.check(b);
            syn::visit::visit_block(self, b);
        }
        fn visit_path(&mut self, p: &'ast syn::Path) {
            self.check(p);
            syn::visit::visit_path(self, p);
        }
    }

    #[test]
    fn agrees_with_spanned_on_the_test_programs() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
        let mut cmp = Compare { mismatches: Vec::new(), checked: 0 };
        for dir in ["programs", "errors"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
            for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
                if path.extension().is_none_or(|x| x != "rs") {
                    continue;
                }
                let source = std::fs::read_to_string(&path).unwrap();
                // syn's byte offsets of a file with a shebang line count from after it
                if source.starts_with("#!") && !source.starts_with("#![") {
                    continue;
                }
                let _scope = SourceScope::new(&source);
                if let Ok(file) = syn::parse_file(&source) {
                    cmp.visit_file(&file);
                }
                proc_macro2::extra::invalidate_current_thread_spans();
            }
        }
        // non-ASCII text before and inside nodes, on the same and on later lines
        let unicode = "// é ü 漢字\nfn f(ä: i32) -> i32 { let s = \"ß→\"; /* ✓ */ let x = ä + 1; x * 2 }\n";
        let _scope = SourceScope::new(unicode);
        cmp.visit_file(&syn::parse_file(unicode).unwrap());
        assert!(cmp.checked > 1000, "only {} nodes checked", cmp.checked);
        assert!(cmp.mismatches.is_empty(), "{} mismatches:\n{}", cmp.mismatches.len(), cmp.mismatches.join("\n"));
    }
}
