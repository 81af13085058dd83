//! Diagnostics: user errors with source ranges, rendered the way rustc renders them.

use std::fmt;
use std::ops::Range;

use std::sync::Arc;

use annotate_snippets::{Level, Renderer, Snippet};

use crate::source::SourceFiles;

/// A labelled byte range of the source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub range: Range<usize>,
    pub message: String,
}

/// One error, with its rustc error code where one fits. Boxed, so that a
/// `Result<T, Diagnostic>` is no larger than its `T` needs: errors are the
/// rare path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic(Box<DiagnosticData>);

/// What a [`Diagnostic`] says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiagnosticData {
    /// An error, or a lint's warning (rendered `warning:`, does not fail the build).
    pub severity: Severity,
    /// A warning's lint (`unused_variables`), or the deny-by-default lint of
    /// an error (`overflowing_literals`): the first diagnostic of each says
    /// it is on by default.
    pub lint: Option<&'static str>,
    pub code: Option<&'static str>,
    pub message: String,
    pub primary: Option<Label>,
    pub secondary: Vec<Label>,
    /// More spans drawn `^` without a label (rustc's "methods `a` and `b` are never used").
    pub more_primaries: Vec<Range<usize>>,
    pub notes: Vec<String>,
    /// Notes that point at source (rustc's `note: .. defined here`).
    pub span_notes: Vec<Label>,
    /// Secondary labels of a span note (by its index in `span_notes`:
    /// E0004's `not covered` on each variant).
    pub span_note_labels: Vec<(usize, Label)>,
    /// The span notes are shown before the plain notes (E0004's order).
    pub span_notes_first: bool,
    /// A help with the source lines it suggests (rustc's `~` lines).
    pub suggestion: Option<Suggestion>,
    pub helps: Vec<String>,
    /// The helps are shown before the notes (rustc's order for some errors).
    pub helps_first: bool,
    /// A note after the helps (the "`#[deny(lint)]` on by default" of the
    /// first error of a deny-by-default lint, which follows its help).
    pub closing_note: Option<String>,
    /// More errors of the same body, reported with this one (its borrow
    /// errors: [`Diagnostic::together`]); `Diagnostics::sorted` lists them.
    pub followers: Vec<Diagnostic>,
}

/// A help that shows source lines as they would be after an edit (rustc's
/// `5 ~         Dir::East => 1,`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub message: String,
    /// A byte offset in the first changed line (for its file and line number).
    pub at: usize,
    /// The changed lines, from that line on (`true`: a new line, drawn `+`).
    pub lines: Vec<(bool, String)>,
    /// Text inserted into one line (byte columns of `lines[0]`), drawn as
    /// the line underlined with `+` instead of `~` lines.
    pub inserted: Option<Range<usize>>,
}

/// How bad a [`Diagnostic`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

impl std::ops::Deref for Diagnostic {
    type Target = DiagnosticData;
    fn deref(&self) -> &DiagnosticData {
        &self.0
    }
}

impl std::ops::DerefMut for Diagnostic {
    fn deref_mut(&mut self) -> &mut DiagnosticData {
        &mut self.0
    }
}

impl Diagnostic {
    pub fn error(code: Option<&'static str>, message: impl Into<String>) -> Self {
        Diagnostic(Box::new(DiagnosticData {
            severity: Severity::Error,
            lint: None,
            code,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            more_primaries: Vec::new(),
            notes: Vec::new(),
            span_notes: Vec::new(),
            span_note_labels: Vec::new(),
            span_notes_first: false,
            suggestion: None,
            helps: Vec::new(),
            helps_first: false,
            closing_note: None,
            followers: Vec::new(),
        }))
    }
    /// A lint's warning (its `#[warn(..)]` note is the caller's).
    pub fn warning(message: impl Into<String>, range: Range<usize>, label: impl Into<String>) -> Self {
        let mut d = Diagnostic::at(None, message, range, label);
        d.severity = Severity::Warning;
        d
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
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
    /// Every range of the diagnostic passed through `f`.
    pub fn map_ranges(&mut self, f: &dyn Fn(&Range<usize>) -> Range<usize>) {
        let data = &mut *self.0;
        let note_labels = data.span_note_labels.iter_mut().map(|(_, l)| l);
        for label in data.primary.iter_mut().chain(data.secondary.iter_mut()).chain(data.span_notes.iter_mut()).chain(note_labels) {
            label.range = f(&label.range);
        }
        if let Some(s) = &mut data.suggestion {
            s.at = f(&(s.at..s.at)).start;
        }
    }

    pub fn secondary(mut self, range: Range<usize>, message: impl Into<String>) -> Self {
        self.secondary.push(Label { range, message: message.into() });
        self
    }
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }
    pub fn span_note(mut self, range: Range<usize>, note: impl Into<String>) -> Self {
        self.span_notes.push(Label { range, message: note.into() });
        self
    }
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.helps.push(help.into());
        self
    }
    /// Several errors as one (the first, the others its followers).
    pub fn together(mut list: Vec<Diagnostic>) -> Self {
        let mut first = list.remove(0);
        first.followers.extend(list);
        first
    }

    /// rustc's order: name resolution errors of the whole crate first,
    /// then type errors, then borrow errors, each in source order.
    fn sort_key(&self) -> (u8, usize) {
        let phase = match self.code {
            // an unresolved call is reported with the type errors (rustc delays it for its suggestions)
            Some("E0425") if self.message.starts_with("cannot find function") => 1,
            Some(c) if RESOLVE_ERRORS.contains(&c) => 0,
            _ if self.message.starts_with("cannot find macro") => 0,
            _ if is_borrow_error(self) => 2,
            _ => 1,
        };
        (phase, self.primary.as_ref().map_or(0, |l| l.range.start))
    }
}

/// The error codes of rustc's name resolution.
const RESOLVE_ERRORS: &[&str] = &[
    "E0405", "E0408", "E0412", "E0416", "E0422", "E0423", "E0424", "E0425", "E0426", "E0432", "E0433", "E0531", "E0532", "E0574", "E0603",
];

/// An error of rustc's borrow checker (reported only for bodies without other errors).
pub fn is_borrow_error(d: &Diagnostic) -> bool {
    matches!(
        d.code,
        Some(
            "E0381" | "E0382" | "E0384" | "E0499" | "E0502" | "E0503" | "E0505" | "E0506" | "E0507" | "E0594" | "E0596" | "E0597" | "E0716"
        )
    )
}

/// The errors of one compilation (never empty when returned by `compile`),
/// with the program's files when it has more than one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{} error(s) in the program", .0.len())]
pub struct Diagnostics(pub Vec<Diagnostic>, pub(crate) Option<Arc<SourceFiles>>);

impl Diagnostics {
    pub fn new(list: Vec<Diagnostic>) -> Self {
        Diagnostics(list, None)
    }

    pub(crate) fn sorted(list: Vec<Diagnostic>) -> Self {
        let mut list: Vec<Diagnostic> = list
            .into_iter()
            .flat_map(|mut d| {
                let followers = std::mem::take(&mut d.followers);
                std::iter::once(d).chain(followers)
            })
            .collect();
        list.sort_by_key(|d| d.sort_key());
        list.dedup();
        Diagnostics(list, None)
    }

    /// Render every diagnostic the way rustc does (plain text), followed by
    /// rustc's summary lines. `source` and `file_name` are the root file's
    /// (a program of several files renders each label against its file).
    pub fn render(&self, source: &str, file_name: &str) -> String {
        self.render_styled(source, file_name, false)
    }

    /// [`Diagnostics::render`], in rustc's colours when `color` is set.
    pub fn render_styled(&self, source: &str, file_name: &str, color: bool) -> String {
        let single;
        let files = match &self.1 {
            Some(f) => &**f,
            None => {
                single = SourceFiles::single(source, file_name);
                &single
            }
        };
        let mut out = String::new();
        let mut noted = Vec::new();
        for diag in &self.0 {
            match diag.lint {
                // a deny-by-default lint's error (`overflowing_literals`)
                Some(lint) if diag.is_error() && !noted.contains(&lint) => {
                    noted.push(lint);
                    let mut d = diag.clone();
                    d.closing_note = Some(format!("`#[deny({lint})]` on by default"));
                    out.push_str(&render_one(&d, files, color));
                }
                Some(lint) if !noted.contains(&lint) => {
                    noted.push(lint);
                    let d = diag.clone().note(format!("`#[warn({lint})]` (part of `#[warn(unused)]`) on by default"));
                    out.push_str(&render_one(&d, files, color));
                }
                _ => out.push_str(&render_one(diag, files, color)),
            }
            out.push_str("\n\n");
        }
        let errors = self.0.iter().filter(|d| d.is_error()).count();
        let warnings = self.0.len() - errors;
        out.push_str(&summary(errors, warnings, self.0.iter().filter(|d| d.is_error()).filter_map(|d| d.code), color));
        out
    }
}

/// rustc's closing lines: `aborting due to N previous errors` (with the
/// warning count), or `N warnings emitted`, and the `--explain` hint for
/// the error codes.
fn summary<'c>(errors: usize, warnings: usize, codes: impl Iterator<Item = &'c str>, color: bool) -> String {
    let plural = |n: usize, what: &str| if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") };
    let mut out = String::new();
    let head = |level: Level, text: &str| Renderer::plain().render(level.title(text)).to_string();
    let styled_head = |level: Level, text: &str| {
        if color {
            Renderer::styled().render(level.title(text)).to_string()
        } else {
            head(level, text)
        }
    };
    if errors == 0 {
        if warnings > 0 {
            out.push_str(&styled_head(Level::Warning, &format!("{} emitted", plural(warnings, "warning"))));
            out.push_str("\n\n");
        }
        return out;
    }
    let mut title = format!("aborting due to {}", plural(errors, "previous error"));
    if warnings > 0 {
        title.push_str(&format!("; {} emitted", plural(warnings, "warning")));
    }
    out.push_str(&styled_head(Level::Error, &title));
    out.push_str("\n\n");
    let mut codes: Vec<&str> = codes.collect();
    codes.sort_unstable();
    codes.dedup();
    let bold = |s: String| if color { format!("\x1b[1m{s}\x1b[0m") } else { s };
    match codes.as_slice() {
        [] => {}
        [one] => out.push_str(&bold(format!("For more information about this error, try `rustc --explain {one}`."))),
        [first, ..] => {
            out.push_str(&bold(format!("Some errors have detailed explanations: {}.", codes.join(", "))));
            out.push('\n');
            out.push_str(&bold(format!("For more information about an error, try `rustc --explain {first}`.")));
        }
    }
    if !codes.is_empty() {
        out.push('\n');
    }
    out
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

/// The file of a global range, its text and the range in it.
fn local<'f>(files: &'f SourceFiles, range: &Range<usize>) -> (usize, &'f str, Range<usize>) {
    let idx = files.file_of(range.start);
    let file = &files.files[idx];
    let text = &files.text[file.range.clone()];
    let r = range.start.saturating_sub(file.range.start)..range.end.saturating_sub(file.range.start);
    (idx, text, clamp(&r, text))
}

fn render_one(diag: &Diagnostic, files: &SourceFiles, color: bool) -> String {
    let level = match diag.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
    };
    let mut msg = level.title(&diag.message);
    if let Some(code) = diag.code {
        msg = msg.id(code);
    }
    if let Some(p) = &diag.primary {
        let (idx, text, r) = local(files, &p.range);
        let mut snippet = Snippet::source(text).line_start(1).origin(&files.files[idx].name).fold(true);
        // (an `Error` annotation is drawn `^`, in the renderer's primary colour)
        snippet = snippet.annotation(Level::Error.span(r).label(&p.message));
        for m in &diag.more_primaries {
            let (midx, _, mr) = local(files, m);
            if midx == idx {
                snippet = snippet.annotation(Level::Error.span(mr));
            }
        }
        let mut others = Vec::new();
        for s in &diag.secondary {
            let (sidx, stext, sr) = local(files, &s.range);
            // Warning-level annotations render as rustc's secondary labels: `-` and no prefix
            if sidx == idx {
                snippet = snippet.annotation(Level::Warning.span(sr).label(&s.message));
            } else {
                others.push(
                    Snippet::source(stext)
                        .line_start(1)
                        .origin(&files.files[sidx].name)
                        .fold(true)
                        .annotation(Level::Warning.span(sr).label(&s.message)),
                );
            }
        }
        msg = msg.snippet(snippet);
        for o in others {
            msg = msg.snippet(o);
        }
    }
    if diag.helps_first {
        for help in &diag.helps {
            msg = msg.footer(Level::Help.title(help));
        }
    }
    if !diag.span_notes_first {
        for note in &diag.notes {
            msg = msg.footer(Level::Note.title(note));
        }
    }
    for (i, note) in diag.span_notes.iter().enumerate() {
        let (idx, text, r) = local(files, &note.range);
        let mut snippet = Snippet::source(text).line_start(1).origin(&files.files[idx].name).fold(true).annotation(Level::Error.span(r));
        for (_, label) in diag.span_note_labels.iter().filter(|(n, _)| *n == i) {
            let (lidx, _, lr) = local(files, &label.range);
            if lidx == idx {
                snippet = snippet.annotation(Level::Warning.span(lr).label(&label.message));
            }
        }
        msg = msg.footer(Level::Note.title(&note.message).snippet(snippet));
    }
    if diag.span_notes_first {
        for note in &diag.notes {
            msg = msg.footer(Level::Note.title(note));
        }
    }
    for help in diag.helps.iter().filter(|_| !diag.helps_first) {
        msg = msg.footer(Level::Help.title(help));
    }
    if let Some(note) = &diag.closing_note {
        msg = msg.footer(Level::Note.title(note));
    }
    let suggested = diag.suggestion.as_ref().map(|s| {
        let (idx, text, r) = local(files, &(s.at..s.at));
        let _ = idx;
        let first_line = text[..r.start].matches('\n').count() + 1;
        (s, s.lines.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>().join("\n"), first_line)
    });
    if let Some((s, lines, first_line)) = &suggested {
        let mut snippet = Snippet::source(lines).line_start(*first_line).fold(false);
        if let Some(r) = &s.inserted {
            snippet = snippet.annotation(Level::Warning.span(r.clone()));
        }
        msg = msg.footer(Level::Help.title(&s.message).snippet(snippet));
    }
    let text = if color { styled_renderer(diag.severity).render(msg).to_string() } else { Renderer::plain().render(msg).to_string() };
    let text = match diag.span_notes.first() {
        // rustc draws no empty gutter line between a span note's snippet and the plain notes after it
        Some(note) if diag.span_notes_first && !color => without_gutter_before_notes(text, &note.message),
        _ => text,
    };
    let text = if color { text } else { rustc_folds(&text) };
    let text = match diag.severity {
        // the title's `warning` is drawn in the secondary labels' colour: rustc's is yellow
        Severity::Warning if color => text.replacen(&BLUE.render().to_string(), &YELLOW.render().to_string(), 1),
        _ => text,
    };
    match &suggested {
        // rustc marks the suggested lines `~` and ends the suggestion with its gutter
        Some((s, _, _)) if !color && s.inserted.is_some() => without_trailing_gutter(insertion_marks(text, s)),
        Some((s, _, _)) if !color => suggestion_marks(text, s),
        _ => without_trailing_gutter(text),
    }
}

use annotate_snippets::renderer::{AnsiColor, Effects, Style};

const BLUE: Style = AnsiColor::BrightBlue.on_default().effects(Effects::BOLD);
const YELLOW: Style = AnsiColor::Yellow.on_default().effects(Effects::BOLD);

/// rustc's colours: primary labels red (yellow in a warning), secondary
/// labels and the gutter bright blue, footer titles (`note`, `help`) bold.
fn styled_renderer(severity: Severity) -> Renderer {
    let bold = Style::new().effects(Effects::BOLD);
    let renderer = Renderer::styled().warning(BLUE).note(bold).help(bold);
    match severity {
        Severity::Error => renderer,
        Severity::Warning => renderer.error(YELLOW),
    }
}

/// rustc's folding between two annotated lines of a snippet: the one line
/// between them is shown, a longer gap is `...` alone (annotate-snippets
/// shows up to three lines, else one on each side of its `...`). Snippets
/// with multi-line spans are left as they are.
fn rustc_folds(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let source_no = |l: &str| -> Option<usize> {
        let t = l.trim_start();
        let (n, rest) = t.split_once(" |")?;
        n.parse().ok().filter(|_| rest.is_empty() || rest.starts_with(' '))
    };
    let is_annot = |l: &str| l.trim_start().strip_prefix('|').is_some_and(|r| !r.trim().is_empty());
    let is_fold = |l: &str| l.trim() == "...";
    // (a multi-line span draws `/` or `|` right after a source line's gutter)
    if lines.iter().any(|l| source_no(l).is_some() && l.split_once(" | ").is_some_and(|(_, r)| r.starts_with(['/', '|']))) {
        return text.to_string();
    }
    let annotated = |i: usize| source_no(lines[i]).is_some() && lines.get(i + 1).is_some_and(|n| is_annot(n));
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        out.push(lines[i].to_string());
        if !annotated(i) {
            i += 1;
            continue;
        }
        let from = source_no(lines[i]).unwrap_or(0);
        let mut j = i + 1;
        while j < lines.len() && is_annot(lines[j]) {
            out.push(lines[j].to_string());
            j += 1;
        }
        // the gap: unannotated source lines and folds up to the next annotated line
        let mut k = j;
        while k < lines.len() && !annotated(k) && (is_fold(lines[k]) || source_no(lines[k]).is_some()) {
            k += 1;
        }
        if k > j && k < lines.len() && annotated(k) {
            let to = source_no(lines[k]).unwrap_or(0);
            if to > from + 2 {
                out.push("...".to_string());
            } else {
                out.extend(lines[j..k].iter().map(|l| l.to_string()));
            }
            i = k;
        } else {
            i = j;
        }
    }
    out.join("\n")
}

/// `text` without the empty gutter line (`  |`) that follows the snippet of
/// the span note `message`, when plain notes (`  = note: ..`) follow it.
fn without_gutter_before_notes(text: String, message: &str) -> String {
    let Some(at) = text.find(&format!("note: {message}")) else { return text };
    let lines: Vec<&str> = text[at..].split('\n').collect();
    let gutter = lines.windows(2).position(|w| w[0].trim() == "|" && w[1].trim_start().starts_with("= note:"));
    let Some(g) = gutter else { return text };
    let mut kept: Vec<&str> = lines;
    kept.remove(g);
    format!("{}{}", &text[..at], kept.join("\n"))
}

/// The underline of the inserted text after the help (drawn `-` by the
/// renderer) drawn with rustc's `+`.
fn insertion_marks(text: String, s: &Suggestion) -> String {
    let Some(at) = text.rfind(&format!("help: {}", s.message)) else { return text };
    let (head, tail) = text.split_at(at);
    let marked: Vec<String> = tail
        .split('\n')
        .map(|line| match line.split_once('|') {
            Some((gutter, rest))
                if gutter.trim().is_empty() && rest.trim_start().starts_with('-') && rest.trim().chars().all(|c| c == '-') =>
            {
                format!("{gutter}|{}", rest.replace('-', "+"))
            }
            _ => line.to_string(),
        })
        .collect();
    format!("{head}{}", marked.join("\n"))
}

/// The lines after the help `message` (the suggestion's, at the end of
/// `text`) drawn with rustc's `~` instead of the gutter's `|`.
fn suggestion_marks(text: String, s: &Suggestion) -> String {
    let Some(at) = text.rfind(&format!("help: {}", s.message)) else { return text };
    let (head, tail) = text.split_at(at);
    let mut k = 0;
    let marked: Vec<String> = tail
        .split('\n')
        .map(|line| {
            let numbered = line.trim_start().starts_with(|c: char| c.is_ascii_digit());
            match line.find(" |") {
                Some(bar) if numbered => {
                    let new = s.lines.get(k).is_some_and(|(n, _)| *n);
                    k += 1;
                    format!("{} {}{}", &line[..bar], if new { '+' } else { '~' }, &line[bar + 2..])
                }
                _ => line.to_string(),
            }
        })
        .collect();
    format!("{head}{}", marked.join("\n"))
}

/// annotate-snippets ends a snippet with an empty gutter line (`  |`) even
/// when nothing follows it; rustc does not.
fn without_trailing_gutter(mut text: String) -> String {
    let last_line = text.rfind('\n').map_or(0, |i| i + 1);
    if strip_ansi(&text[last_line..]).trim() == "|" && last_line > 0 {
        text.truncate(last_line - 1);
    }
    text
}

/// `text` without ANSI colour sequences (`ESC [ .. m`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The byte offset of the start of each line of `source`.
pub fn line_starts(source: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
    starts
}

/// A line of a [`LineIndex`]: its byte range and its 1-based number in its
/// file (files start at line starts, so a line is in one file).
#[derive(Clone, Copy, Default)]
pub struct LineHint {
    start: usize,
    end: usize,
    line: u32,
}

/// Byte offsets of line starts, for 1-based line/column of a byte offset.
pub struct LineIndex<'s> {
    source: &'s str,
    /// Where the first non-ASCII byte is: before it a column is a byte count.
    ascii_until: usize,
    starts: Vec<usize>,
    /// For each file of the program after the first: its start offset and
    /// the index of its first line in `starts` (lines count from there).
    files: Vec<(usize, usize)>,
}

impl<'s> LineIndex<'s> {
    pub fn new(source: &'s str) -> Self {
        LineIndex {
            source,
            ascii_until: if source.is_ascii() { source.len() } else { source.bytes().position(|b| !b.is_ascii()).unwrap_or(0) },
            starts: line_starts(source),
            files: Vec::new(),
        }
    }
    /// Lines and columns counted per file of `files` (whose text is `source`).
    pub fn with_files(source: &'s str, files: &SourceFiles) -> Self {
        let mut index = Self::new(source);
        index.files = files.files.iter().skip(1).map(|f| (f.range.start, index.starts.partition_point(|&s| s < f.range.start))).collect();
        index
    }
    /// 1-based line (in its file) and column (in chars) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.source.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = if offset <= self.ascii_until {
            offset - start
        } else {
            self.source.get(start..offset).map_or(offset - start, |s| s.chars().count())
        } + 1;
        let file = if self.files.is_empty() { 0 } else { self.files.partition_point(|&(s, _)| s <= offset) };
        let first_line = if file == 0 { 0 } else { self.files[file - 1].1 };
        ((line - first_line) as u32, col as u32)
    }
    pub fn ir_span(&self, range: &Range<usize>) -> hybrid_ir::Span {
        let (line, col) = self.line_col(range.start);
        hybrid_ir::Span { lo: range.start as u32, hi: range.end as u32, line, col }
    }
    /// [`LineIndex::ir_span`], without a search when `range` starts on the
    /// line `hint` holds (then remembering the line it starts on).
    pub fn ir_span_near(&self, range: &Range<usize>, hint: &mut LineHint) -> hybrid_ir::Span {
        let at = range.start;
        // (before `ascii_until` a column is a byte count)
        if hint.start <= at && at < hint.end && at <= self.ascii_until {
            return hybrid_ir::Span { lo: at as u32, hi: range.end as u32, line: hint.line, col: (at - hint.start + 1) as u32 };
        }
        let span = self.ir_span(range);
        let index = self.starts.partition_point(|&s| s <= at.min(self.source.len())).max(1) - 1;
        *hint = LineHint { start: self.starts[index], end: self.starts.get(index + 1).copied().unwrap_or(usize::MAX), line: span.line };
        span
    }
    /// The whole program's text.
    pub fn source(&self) -> &'s str {
        self.source
    }
    pub fn text(&self, range: &Range<usize>) -> &'s str {
        self.source.get(range.clone()).unwrap_or("")
    }
}

pub use crate::ranges::range_of;

pub type DResult<T> = Result<T, Diagnostic>;

/// rustc's note on an unknown name when none of `names` is close to `name`
/// (else rustc suggests the close one): "available fields are: `x`, `y`".
pub(crate) fn available_names_note(what: &str, name: &str, names: &[&str]) -> Option<String> {
    let max = name.chars().count().max(3) / 3;
    let close = |n: &str| n.eq_ignore_ascii_case(name) || edit_distance(n, name) <= max;
    if names.is_empty() || names.iter().any(|n| close(n)) {
        return None;
    }
    let shown: Vec<String> = names.iter().take(if names.len() > 6 { 5 } else { 6 }).map(|n| format!("`{n}`")).collect();
    let mut list = shown.join(", ");
    if names.len() > 6 {
        list.push_str(&format!(" ... and {} others", names.len() - 5));
    }
    let is = if names.len() == 1 { " is" } else { "s are" };
    Some(format!("available {what}{is}: {list}"))
}

/// Levenshtein distance of two names.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}
