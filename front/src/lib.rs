//! hybrid-front: hybridc's front end. Parses one source file with `syn`,
//! evaluates `#[cfg]` per side, resolves names, infers and checks types and
//! lowers every function to `hybrid_ir`; the only place that reports user
//! errors, always with a source span.
//!
//! Phases (each timed in [`FrontOutput::timings`]): `parse`, `cfg+resolve`
//! (items per side, struct layouts, signatures), `typecheck+lower` (fused by
//! design, so not timed apart: each body is lowered with inference variables
//! in one walk, then its types are resolved and checked), `sides+validate`,
//! `free syntax tree`. Every phase is linear in the program's size.

mod cfg;
mod consteval;
mod diag;
mod infer;
mod lower;
mod ranges;
mod resolve;
mod sides;
mod types;

use std::time::{Duration, Instant};

pub use diag::{Diagnostic, Diagnostics, Label};

/// The lowered program and how long each phase took.
pub struct FrontOutput {
    pub module: hybrid_ir::Module,
    pub timings: Vec<(&'static str, Duration)>,
}

/// Compile one source file to IR, or return its errors (at least one).
pub fn compile(source: &str, file_name: &str) -> Result<FrontOutput, Diagnostics> {
    let scope = ranges::SourceScope::new(source);
    let result = std::panic::catch_unwind(|| compile_inner(source, file_name));
    drop(scope);
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

fn compile_inner(source: &str, file_name: &str) -> Result<FrontOutput, Diagnostics> {
    let mut timings = Vec::new();
    // (built before parsing, while the heap is still compact)
    let lines = diag::LineIndex::new(source);
    let t = Instant::now();
    let file = syn::parse_file(source).map_err(|e| Diagnostics(vec![syntax_error(&e)]))?;
    timings.push(("parse", t.elapsed()));

    let t = Instant::now();
    let mut module = hybrid_ir::Module::new(file_name);
    check_crate_attrs(&file).map_err(|d| Diagnostics(vec![d]))?;
    let items = resolve::collect(&file, &mut module.types).map_err(Diagnostics::sorted)?;
    timings.push(("cfg+resolve", t.elapsed()));

    let t = Instant::now();
    let mut errors = Vec::new();
    let mut lowered = Vec::with_capacity(items.fns.len());
    let mut shared_arrays = Vec::new();
    for id in 0..items.fns.len() {
        match lower::lower_function(&items, &mut module.types, &lines, id, shared_arrays.len() as u32) {
            Ok(l) => {
                shared_arrays.extend(l.shared_arrays.iter().copied());
                lowered.push(l)
            }
            Err(e) => errors.push(e),
        }
    }
    for ty in shared_arrays {
        module.add_shared_array(ty);
    }
    if !errors.is_empty() {
        return Err(Diagnostics::sorted(errors));
    }
    timings.push(("typecheck+lower", t.elapsed()));

    let t = Instant::now();
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
    timings.push(("sides+validate", t.elapsed()));
    let t = Instant::now();
    drop(items);
    drop(file);
    // the first large free after the tree's many small ones is where glibc
    // consolidates them: counted here rather than wherever it falls
    drop(facts);
    timings.push(("free syntax tree", t.elapsed()));
    Ok(FrontOutput { module, timings })
}

fn syntax_error(e: &syn::Error) -> Diagnostic {
    let range = e.span().byte_range();
    let msg = e.to_string();
    Diagnostic::at(None, msg.clone(), range, msg)
}

/// `#![feature(..)]`, `#![allow(..)]` and friends are accepted and ignored.
fn check_crate_attrs(file: &syn::File) -> Result<(), Diagnostic> {
    for attr in &file.attrs {
        let name = attr.path().get_ident().map(|i| i.to_string()).unwrap_or_default();
        if !matches!(name.as_str(), "feature" | "allow" | "warn" | "deny" | "forbid" | "expect" | "doc" | "no_std" | "no_main" | "crate_type" | "crate_name") {
            return Err(Diagnostic::unsupported(&format!("the crate attribute `#![{name}]`"), diag::range_of(attr)));
        }
    }
    Ok(())
}
