//! hybrid-front: hybridc's front end. Parses a crate's files with `syn`,
//! evaluates `#[cfg]` per side, resolves names, infers and checks types and
//! lowers every function to `hybrid_ir`; the only place that reports user
//! errors, always with a source span.
//!
//! Phases (each timed in [`FrontOutput::timings`]):
//! - `load modules` (only for a file that may declare `mod m;`): the files
//!   of `mod m;` items found and read ([`source`]); all files are kept in
//!   one text, so every span is a global byte range.
//! - `parse items`: the file with the inside of every function body cut
//!   out ([`split`]), so syn reads only the items; when the scanner's bodies
//!   are not exactly the ones syn finds, the whole file is parsed instead.
//! - `cfg+resolve`: the item tree of all modules ([`walk`]) with names bound
//!   in a module tree ([`modtree`], rustc's resolution: namespaces,
//!   visibility, imports, globs), items per side, struct layouts, consts,
//!   signatures, into an item table that refers to no syntax tree.
//! - `bodies`: each body parsed from its own source range and lowered, on
//!   worker threads ([`bodies`]); type checking and lowering are fused by
//!   design (each body is lowered with inference variables in one walk, then
//!   its types are resolved and checked), so they are timed together.
//! - `merge+sides+validate`: per-thread type tables merged (in function
//!   order, so the IR does not depend on the thread count), sides assigned,
//!   the module validated.
//!
//! Every phase is linear in the program's size. On any error the whole file
//! is parsed once more so that a syntax error, wherever it is, is the error
//! reported, as when the file is parsed in one piece.

mod assoc;
mod bodies;
mod cfg;
mod consteval;
mod crate_attrs;
mod dead_types;
mod derive;
mod diag;
mod dyn_object;
mod enums;
mod expand;
mod fn_generics;
mod generic_traits;
mod generics;
mod impl_checks;
mod impl_pattern;
mod infer;
mod kernels;
mod libc;
mod library;
mod library_names;
mod lints;
mod literals;
mod lower;
mod modtree;
mod mono;
mod ranges;
mod resolve;
mod shape_pattern;
mod sides;
mod source;
mod split;
mod structs;
mod syntax;
mod traits;
mod types;
mod walk;

use std::time::{Duration, Instant};

pub use diag::{Diagnostic, Diagnostics, Label, Severity};
pub use source::{SourceFile, SourceFiles};

/// The lowered program and how long each phase took.
pub struct FrontOutput {
    pub module: hybrid_ir::Module,
    pub timings: Vec<(&'static str, Duration)>,
    /// Threads that parsed and lowered bodies.
    pub body_threads: usize,
    /// The items were parsed with the bodies cut out (the fast way), not
    /// from the whole file.
    pub bodies_cut: bool,
    /// Some body may declare items, so the items were parsed with the
    /// bodies (`split::bodies_may_have_items`).
    pub body_items: bool,
    /// The program's warnings (rustc's lints, `lints.rs`), in rustc's order;
    /// `render` prints them with the `N warnings emitted` line.
    pub warnings: Diagnostics,
}

/// Compile a crate whose root file is `source` to IR, or return its errors
/// (at least one), using all cores. `mod m;` files are read from the file
/// system, next to `file_name`.
pub fn compile(source: &str, file_name: &str) -> Result<FrontOutput, Diagnostics> {
    compile_with_threads(source, file_name, 0)
}

/// [`compile`] with at most `threads` body threads (0: all cores). The
/// module is the same for every thread count.
pub fn compile_with_threads(source: &str, file_name: &str, threads: usize) -> Result<FrontOutput, Diagnostics> {
    compile_with(source, file_name, threads, &|path| std::fs::read_to_string(path).ok())
}

/// [`compile_with_threads`] reading `mod m;` files through `loader` (given
/// paths built from `file_name`'s directory).
pub fn compile_with(source: &str, file_name: &str, threads: usize, loader: source::Loader<'_>) -> Result<FrontOutput, Diagnostics> {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let t = std::time::Instant::now();
        let mut files = if source::may_declare_mod_files(source) {
            source::load(source, file_name, loader)
                .map_err(|e| *e)
                .map_err(|(d, files)| Diagnostics(vec![d], (files.files.len() > 1).then(|| std::sync::Arc::new(files))))?
        } else {
            SourceFiles::single(source, file_name)
        };
        let load_time = t.elapsed();
        // before syn converts literals (quadratic in their length)
        if let Some(d) = literals::too_large_literal(&files.text, 0) {
            return Err(Diagnostics(vec![d], (files.files.len() > 1).then(|| std::sync::Arc::new(files))));
        }
        if let Err(d) = files.append_derives() {
            return Err(Diagnostics(vec![d], (files.files.len() > 1).then(|| std::sync::Arc::new(files))));
        }
        files.append_library();
        let files = std::sync::Arc::new(files);
        let shared = Some(std::sync::Arc::clone(&files));
        compile_inner(&files, threads, load_time)
            .map(|mut out| {
                out.warnings.1 = Some(std::sync::Arc::clone(&files));
                out
            })
            .map_err(|errors| match whole_file_syntax_error(&files) {
                Some(syntax) => Diagnostics::new(vec![syntax]),
                None => errors,
            })
            .map_err(|mut d| {
                if !files.derive_spans.is_empty() {
                    d.0.iter_mut().for_each(|e| e.map_ranges(&|r| files.shown_range(r)));
                }
                d
            })
            .map_err(|d| Diagnostics(d.0, shared))
    }));
    // free proc-macro2's span table for this thread (spans are not used after this)
    proc_macro2::extra::invalidate_current_thread_spans();
    match result {
        Ok(r) => r,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(Diagnostics::new(vec![Diagnostic::ice(format!("the front end panicked: {msg}"))]))
        }
    }
}

/// The first syntax error of the files, each parsed in one piece.
fn whole_file_syntax_error(files: &SourceFiles) -> Option<Diagnostic> {
    for f in &files.files {
        proc_macro2::extra::invalidate_current_thread_spans();
        let text = &files.text[f.range.clone()];
        let scope = ranges::SourceScope::new(text);
        scope.set_base(f.range.start);
        if let Err(e) = syn::parse_file(text) {
            return Some(syntax_error(&e));
        }
    }
    None
}

fn compile_inner(files: &SourceFiles, threads: usize, load_time: Duration) -> Result<FrontOutput, Diagnostics> {
    let source = files.text.as_str();
    let file_name = files.files[0].name.as_str();
    let mut timings = Vec::new();
    if files.files.len() > 1 + files.library.len() + usize::from(!files.derived.is_empty()) {
        timings.push(("load modules", load_time));
    }
    let lines = diag::LineIndex::with_files(source, files);
    let items_cell = std::sync::OnceLock::new();
    let mut module = hybrid_ir::Module::new(file_name);
    // (a scope for the prefetch thread: it parses bodies while this one parses the items)
    let (mut collected, lint_levels, bodies_cut, bodies_started) = std::thread::scope(|s| {
        let t = Instant::now();
        let text = without_shebang(source);
        let bodies = split::scan_fn_bodies(&text).filter(|b| !split::bodies_may_have_items(&text, b));
        // (the program's own plain bodies: macros rewrite the ones they expand)
        let ahead = bodies.as_ref().filter(|_| !source.contains("macro_rules")).map(|b| {
            let end = files.program_end();
            b.iter().filter(|r| r.end <= end).cloned().collect()
        });
        let prefetch = ahead.and_then(|ahead| bodies::start_prefetch(s, source, &items_cell, &lines, threads, ahead));
        let (parsed, scope, bodies_cut) = if files.files.len() == 1 {
            let (file, scope, cut) = parse_items(&text, bodies)?;
            (vec![file], scope, cut)
        } else {
            parse_items_files(files, &text, bodies)?
        };
        timings.push(("parse items", t.elapsed()));

        let t = Instant::now();
        // FIXME(per-file panic locations): the IR has one `source_name`, the
        // root file's; a panic in another file prints its line and column
        // with the root file's name.
        crate_attrs::check(&parsed[0]).map_err(|d| Diagnostics::new(vec![d]))?;
        let mut items = resolve::collect(source, &parsed, files, &mut module.types).map_err(Diagnostics::sorted)?;
        let lint_levels = lints::LintLevels::collect(&parsed);
        items.macros.crate_name = crate_name(file_name);
        drop(parsed);
        drop(scope);
        proc_macro2::extra::invalidate_current_thread_spans();
        timings.push(("cfg+resolve", t.elapsed()));

        let t = Instant::now();
        let items = items_cell.get_or_init(|| items);
        let collected = mono::lower_all(source, items, &mut module, &lines, threads, prefetch).map_err(Diagnostics::sorted)?;
        Ok::<_, Diagnostics>((collected, lint_levels, bodies_cut, t))
    })?;
    let mut items = items_cell.into_inner().expect("the items are set before the bodies are lowered");
    kernels::mark_offloaded(&mut items, &mut collected.units, &module.types).map_err(Diagnostics::sorted)?;
    // the program's own files come first; the derive expansions and the library never warn
    let generated = files.library.iter().map(|&(i, _)| i).chain(files.derived.first().map(|&(at, _)| files.file_of(at)));
    let user_end = generated.map(|i| files.files[i].range.start).min().unwrap_or(source.len());
    let warnings = lints::program_warnings(&items, &mut collected.units, source, &lint_levels, user_end);
    timings.push(("bodies (parallel)", bodies_started.elapsed()));
    timings.push(("  parse (all threads)", collected.parse_time));
    timings.push(("  typecheck+lower (all threads)", collected.lower_time));

    let t = Instant::now();
    let body_threads = collected.body_threads;
    let main = items.main.map(|id| items.fns[id].handle.index());
    let sides = sides::assign(&items, &collected.units, main).map_err(Diagnostics::sorted)?;
    for (unit, s) in collected.units.into_iter().zip(sides) {
        let mut func = unit.lowered.func;
        func.sides = s;
        module.functions.append(func);
    }
    module.entry = items.main.map(|id| items.fns[id].handle);
    if let Err(e) = hybrid_ir::valid::validate(&module) {
        return Err(Diagnostics::new(vec![Diagnostic::ice(format!("the lowered IR is invalid: {e}"))]));
    }
    timings.push(("merge+sides+validate", t.elapsed()));
    // (only asked when the bodies were not cut: the fast path has none)
    let body_items = !bodies_cut && split::scan_fn_bodies(source).is_some_and(|b| split::bodies_may_have_items(source, &b));
    Ok(FrontOutput { module, timings, body_threads, bodies_cut, body_items, warnings: Diagnostics::new(warnings) })
}

/// The crate's name as rustc derives it from the root file (`src/main.rs`
/// of a package gives `main`: FIXME(package crate names)).
fn crate_name(file_name: &str) -> String {
    std::path::Path::new(file_name).file_stem().map(|s| s.to_string_lossy().replace('-', "_")).unwrap_or_default()
}

/// Parse the file's items (`source` without its shebang line): with the
/// function bodies cut out when the scanner found them (`bodies`, none of
/// which declares items: the walk reads those) and syn confirms them, else
/// the whole file. The returned scope maps the tree's spans; the flag says
/// which way was taken.
fn parse_items(source: &str, bodies: Option<Vec<std::ops::Range<usize>>>) -> Result<(syn::File, ranges::SourceScope, bool), Diagnostics> {
    if let Some(bodies) = bodies {
        let cut = split::cut_bodies(source, &bodies);
        let scope = ranges::SourceScope::cut(&cut);
        if let Ok(file) = syn::parse_file(&cut.text) {
            if split::fn_body_ranges(&file) == bodies {
                return Ok((file, scope, true));
            }
        }
        drop(scope);
        proc_macro2::extra::invalidate_current_thread_spans();
    }
    let scope = ranges::SourceScope::new(source);
    match syn::parse_file(source) {
        Ok(file) => Ok((file, scope, false)),
        Err(e) => Err(Diagnostics::new(vec![syntax_error(&e)])),
    }
}

/// The items of a program of several files: the text (without its shebang
/// line; with `bodies` cut out when syn confirms them) lexed once, so that
/// spans are global, its top-level tokens split by file, each file's parsed.
fn parse_items_files(
    files: &SourceFiles,
    text: &str,
    bodies: Option<Vec<std::ops::Range<usize>>>,
) -> Result<(Vec<syn::File>, ranges::SourceScope, bool), Diagnostics> {
    if let Some(bodies) = bodies {
        let cut = split::cut_bodies(text, &bodies);
        let scope = ranges::SourceScope::cut(&cut);
        if let Some(parsed) = parse_split(&cut.text, files) {
            let found: Vec<_> = parsed.iter().flat_map(split::fn_body_ranges).collect();
            if found == bodies {
                return Ok((parsed, scope, true));
            }
        }
        drop(scope);
        proc_macro2::extra::invalidate_current_thread_spans();
    }
    let scope = ranges::SourceScope::new(text);
    match parse_split(text, files) {
        Some(parsed) => Ok((parsed, scope, false)),
        None => {
            drop(scope);
            let e = whole_file_syntax_error(files).unwrap_or_else(|| Diagnostic::ice("the files parse one by one but not together"));
            Err(Diagnostics::new(vec![e]))
        }
    }
}

/// Lex `text` (the program's text, or it with bodies cut out, under a scope
/// mapping its spans to global offsets) and parse each file's tokens.
fn parse_split(text: &str, files: &SourceFiles) -> Option<Vec<syn::File>> {
    let tokens: proc_macro2::TokenStream = text.parse().ok()?;
    let mut parts: Vec<proc_macro2::TokenStream> = vec![proc_macro2::TokenStream::new(); files.files.len()];
    for tt in tokens {
        let at = ranges::byte_range(tt.span()).start;
        parts[files.file_of(at)].extend([tt]);
    }
    parts.into_iter().map(|p| syn::parse2::<syn::File>(p).ok()).collect()
}

/// `text` with the shebang line it starts with (if it does; syn's rule: `#!` not followed,
/// after whitespace, by `[`) blanked: rustc skips it, and blanking keeps every offset (syn's
/// own skipping shifts them; with the library loaded, `#!{x]` was an internal error).
fn without_shebang(text: &str) -> std::borrow::Cow<'_, str> {
    let Some(rest) = text.strip_prefix("#!") else { return text.into() };
    if rest.trim_start().starts_with('[') {
        return text.into();
    }
    let n = text.find('\n').unwrap_or(text.len());
    (" ".repeat(n) + &text[n..]).into()
}

/// Inner attributes of a module's file: lint levels and docs.
fn check_module_attrs(attrs: &[syn::Attribute]) -> Result<(), Diagnostic> {
    for attr in attrs {
        let name = attr.path().get_ident().map(|i| i.to_string()).unwrap_or_default();
        if !matches!(name.as_str(), "allow" | "warn" | "deny" | "forbid" | "expect" | "doc") {
            return Err(Diagnostic::unsupported(&format!("the attribute `#![{name}]` in a module file"), diag::range_of(attr)));
        }
    }
    Ok(())
}

fn syntax_error(e: &syn::Error) -> Diagnostic {
    let range = ranges::byte_range(e.span());
    let msg = e.to_string();
    Diagnostic::at(None, msg.clone(), range, msg)
}
