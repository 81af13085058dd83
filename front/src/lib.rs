//! hybrid-front: hybridc's front end. Parses one source file with `syn`,
//! evaluates `#[cfg]` per side, resolves names, infers and checks types and
//! lowers every function to `hybrid_ir`; the only place that reports user
//! errors, always with a source span.
//!
//! Phases (each timed in [`FrontOutput::timings`]):
//! - `parse items`: the file with the inside of every function body cut
//!   out ([`split`]), so syn reads only the items; when the scanner's bodies
//!   are not exactly the ones syn finds, the whole file is parsed instead.
//! - `cfg+resolve`: items per side, struct layouts, consts, signatures, into
//!   an item table that refers to no syntax tree.
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

mod bodies;
mod cfg;
mod consteval;
mod diag;
mod infer;
mod lower;
mod ranges;
mod resolve;
mod sides;
mod split;
mod types;

use std::time::{Duration, Instant};

pub use diag::{Diagnostic, Diagnostics, Label};

/// The lowered program and how long each phase took.
pub struct FrontOutput {
    pub module: hybrid_ir::Module,
    pub timings: Vec<(&'static str, Duration)>,
    /// Threads that parsed and lowered bodies.
    pub body_threads: usize,
    /// The items were parsed with the bodies cut out (the fast way), not
    /// from the whole file.
    pub bodies_cut: bool,
}

/// Compile one source file to IR, or return its errors (at least one),
/// using all cores.
pub fn compile(source: &str, file_name: &str) -> Result<FrontOutput, Diagnostics> {
    compile_with_threads(source, file_name, 0)
}

/// [`compile`] with at most `threads` body threads (0: all cores). The
/// module is the same for every thread count.
pub fn compile_with_threads(source: &str, file_name: &str, threads: usize) -> Result<FrontOutput, Diagnostics> {
    let result = std::panic::catch_unwind(|| {
        compile_inner(source, file_name, threads).map_err(|errors| match whole_file_syntax_error(source) {
            Some(syntax) => Diagnostics(vec![syntax]),
            None => errors,
        })
    });
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
            Err(Diagnostics(vec![Diagnostic::ice(format!("the front end panicked: {msg}"))]))
        }
    }
}

/// The syntax error of the whole file parsed in one piece, if it has one.
fn whole_file_syntax_error(source: &str) -> Option<Diagnostic> {
    proc_macro2::extra::invalidate_current_thread_spans();
    let _scope = ranges::SourceScope::new(source);
    syn::parse_file(source).err().map(|e| syntax_error(&e))
}

fn compile_inner(source: &str, file_name: &str, threads: usize) -> Result<FrontOutput, Diagnostics> {
    let mut timings = Vec::new();
    let lines = diag::LineIndex::new(source);
    let t = Instant::now();
    let (file, scope, bodies_cut) = parse_items(source)?;
    timings.push(("parse items", t.elapsed()));

    let t = Instant::now();
    let mut module = hybrid_ir::Module::new(file_name);
    check_crate_attrs(&file).map_err(|d| Diagnostics(vec![d]))?;
    let items = resolve::collect(&file, &mut module.types).map_err(Diagnostics::sorted)?;
    drop(file);
    drop(scope);
    proc_macro2::extra::invalidate_current_thread_spans();
    timings.push(("cfg+resolve", t.elapsed()));

    let t = Instant::now();
    let bodies = bodies::parse_and_lower(source, &items, &module.types, &lines, threads);
    timings.push(("bodies (parallel)", t.elapsed()));
    timings.push(("  parse (all threads)", bodies.parse_time));
    timings.push(("  typecheck+lower (all threads)", bodies.lower_time));

    let t = Instant::now();
    let body_threads = bodies.threads;
    let (base_types, base_structs) = (module.types.types.len(), module.types.structs.len());
    let mut errors = Vec::new();
    let mut lowered = Vec::with_capacity(items.fns.len());
    let mut shared_arrays = Vec::new();
    for part in bodies.parts {
        let map = module.types.merge_from(&part.types, base_types, base_structs);
        for result in part.results {
            match result {
                Ok(mut l) => {
                    l.func.remap_types(&map);
                    l.func.offset_shared_arrays(shared_arrays.len() as u32);
                    shared_arrays.extend(l.shared_arrays.iter().map(|t| map[t.index()]));
                    lowered.push(l);
                }
                Err(e) => errors.push(e),
            }
        }
    }
    if !errors.is_empty() {
        return Err(Diagnostics::sorted(errors));
    }
    for ty in shared_arrays {
        module.add_shared_array(ty);
    }
    let facts: Vec<lower::Facts> = lowered.iter_mut().map(|l| std::mem::take(&mut l.facts)).collect();
    let sides = sides::assign(&items, &facts).map_err(Diagnostics::sorted)?;
    for (l, s) in lowered.into_iter().zip(sides) {
        let mut func = l.func;
        func.sides = s;
        module.functions.append(func);
    }
    module.entry = items.main.map(|id| items.fns[id].handle);
    if let Err(e) = hybrid_ir::valid::validate(&module) {
        return Err(Diagnostics(vec![Diagnostic::ice(format!("the lowered IR is invalid: {e}"))]));
    }
    timings.push(("merge+sides+validate", t.elapsed()));
    Ok(FrontOutput { module, timings, body_threads, bodies_cut })
}

/// Parse the file's items: with the function bodies cut out when the
/// scanner finds them and syn confirms them, else the whole file. The
/// returned scope maps the tree's spans; the flag says which way was taken.
fn parse_items(source: &str) -> Result<(syn::File, ranges::SourceScope, bool), Diagnostics> {
    if let Some(bodies) = split::scan_fn_bodies(source) {
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
        Err(e) => Err(Diagnostics(vec![syntax_error(&e)])),
    }
}

fn syntax_error(e: &syn::Error) -> Diagnostic {
    let range = ranges::byte_range(e.span());
    let msg = e.to_string();
    Diagnostic::at(None, msg.clone(), range, msg)
}

/// `#![feature(..)]`, `#![allow(..)]` and friends are accepted and ignored.
fn check_crate_attrs(file: &syn::File) -> Result<(), Diagnostic> {
    for attr in &file.attrs {
        let name = attr.path().get_ident().map(|i| i.to_string()).unwrap_or_default();
        if !matches!(
            name.as_str(),
            "feature" | "allow" | "warn" | "deny" | "forbid" | "expect" | "doc" | "no_std" | "no_main" | "crate_type" | "crate_name"
        ) {
            return Err(Diagnostic::unsupported(&format!("the crate attribute `#![{name}]`"), diag::range_of(attr)));
        }
    }
    Ok(())
}
