//! Diagnostics: user errors with source ranges, rendered the way rustc renders them.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{Level, Renderer, Snippet};

/// A labelled byte range of the source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub range: Range<usize>,
    pub message: String,
}

/// One error, with its rustc error code where one fits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Option<&'static str>,
    pub message: String,
    pub primary: Option<Label>,
    pub secondary: Vec<Label>,
    pub notes: Vec<String>,
    pub helps: Vec<String>,
}

impl Diagnostic {
    pub fn error(code: Option<&'static str>, message: impl Into<String>) -> Self {
        Diagnostic { code, message: message.into(), primary: None, secondary: Vec::new(), notes: Vec::new(), helps: Vec::new() }
    }
    /// An error with a primary label.
    pub fn at(code: Option<&'static str>, message: impl Into<String>, range: Range<usize>, label: impl Into<String>) -> Self {
        Diagnostic::error(code, message).label(range, label)
    }
    /// "`<construct>` is not supported yet by hybridc".
    pub fn unsupported(what: &str, range: Range<usize>) -> Self {
        Diagnostic::at(None, format!("{what} is not supported yet by hybridc"), range, "not supported yet")
    }
    /// "... is not part of the language hybridc accepts".
    pub fn not_in_language(what: &str, range: Range<usize>) -> Self {
        Diagnostic::at(
            None,
            format!("{what} are not part of the language hybridc accepts (see LANGUAGE.md)"),
            range,
            "not supported by hybridc",
        )
    }
    pub fn ice(message: impl fmt::Display) -> Self {
        Diagnostic::error(None, format!("internal compiler error: {message}"))
            .note("this is a bug in hybridc; please report it with the program that triggered it")
    }
    pub fn label(mut self, range: Range<usize>, message: impl Into<String>) -> Self {
        let label = Label { range, message: message.into() };
        if self.primary.is_none() {
            self.primary = Some(label);
        } else {
            self.secondary.push(label);
        }
        self
    }
    pub fn secondary(mut self, range: Range<usize>, message: impl Into<String>) -> Self {
        self.secondary.push(Label { range, message: message.into() });
        self
    }
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.helps.push(help.into());
        self
    }
    fn sort_key(&self) -> usize {
        self.primary.as_ref().map_or(0, |l| l.range.start)
    }
}

/// The errors of one compilation (never empty when returned by `compile`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{} error(s) in the program", .0.len())]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub(crate) fn sorted(mut list: Vec<Diagnostic>) -> Self {
        list.sort_by_key(|d| d.sort_key());
        list.dedup();
        Diagnostics(list)
    }

    /// Render every diagnostic the way rustc does, followed by rustc's
    /// "aborting due to" line.
    pub fn render(&self, source: &str, file_name: &str) -> String {
        let mut out = String::new();
        for diag in &self.0 {
            out.push_str(&render_one(diag, source, file_name));
            out.push_str("\n\n");
        }
        match self.0.len() {
            0 => {}
            1 => out.push_str("error: aborting due to 1 previous error\n"),
            n => out.push_str(&format!("error: aborting due to {n} previous errors\n")),
        }
        out
    }
}

/// Clamp a range to the source and to char boundaries; an empty range at a
/// character is widened to that character so the caret shows.
fn clamp(range: &Range<usize>, source: &str) -> Range<usize> {
    let len = source.len();
    let mut lo = range.start.min(len);
    let mut hi = range.end.min(len).max(lo);
    while lo > 0 && !source.is_char_boundary(lo) {
        lo -= 1;
    }
    while hi < len && !source.is_char_boundary(hi) {
        hi += 1;
    }
    if lo == hi && lo < len {
        hi = lo + source[lo..].chars().next().map_or(1, char::len_utf8);
    }
    lo..hi
}

fn render_one(diag: &Diagnostic, source: &str, file_name: &str) -> String {
    let mut msg = Level::Error.title(&diag.message);
    if let Some(code) = diag.code {
        msg = msg.id(code);
    }
    if diag.primary.is_some() {
        let mut snippet = Snippet::source(source).line_start(1).origin(file_name).fold(true);
        if let Some(p) = &diag.primary {
            snippet = snippet.annotation(Level::Error.span(clamp(&p.range, source)).label(&p.message));
        }
        for s in &diag.secondary {
            // Warning-level annotations render as rustc's secondary labels: `-` and no prefix
            snippet = snippet.annotation(Level::Warning.span(clamp(&s.range, source)).label(&s.message));
        }
        msg = msg.snippet(snippet);
    }
    for note in &diag.notes {
        msg = msg.footer(Level::Note.title(note));
    }
    for help in &diag.helps {
        msg = msg.footer(Level::Help.title(help));
    }
    Renderer::plain().render(msg).to_string()
}

/// The byte offset of the start of each line of `source`.
pub fn line_starts(source: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(source.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1));
    starts
}

/// Byte offsets of line starts, for 1-based line/column of a byte offset.
pub struct LineIndex<'s> {
    source: &'s str,
    starts: Vec<usize>,
}

impl<'s> LineIndex<'s> {
    pub fn new(source: &'s str) -> Self {
        LineIndex { source, starts: line_starts(source) }
    }
    /// 1-based line and column (in chars) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.source.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = self.source.get(start..offset).map_or(offset - start, |s| s.chars().count()) + 1;
        (line as u32, col as u32)
    }
    pub fn ir_span(&self, range: &Range<usize>) -> hybrid_ir::Span {
        let (line, col) = self.line_col(range.start);
        hybrid_ir::Span { lo: range.start as u32, hi: range.end as u32, line, col }
    }
    pub fn text(&self, range: &Range<usize>) -> &'s str {
        self.source.get(range.clone()).unwrap_or("")
    }
}

pub use crate::ranges::range_of;

pub type DResult<T> = Result<T, Diagnostic>;
