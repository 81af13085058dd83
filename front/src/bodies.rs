//! Function bodies, parsed and lowered on worker threads.
//!
//! The functions are split into contiguous runs of about equal source size,
//! one per thread. A worker parses each body from its own byte range of the
//! source (proc-macro2's spans and source map are per thread, so each
//! worker keeps its own, with [`SourceScope::set_origin`] mapping them back
//! to file offsets) and lowers it against the shared item table into its own
//! copy of the type table. Syntax trees never leave the thread that parsed
//! them; only IR, diagnostics and type tables come back, in function order,
//! for the caller to merge. A generic function's check and instances lowered
//! on one thread share one parse of it.

use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hybrid_ir::TypeTable;
use rustc_hash::FxHashMap;

use crate::diag::{DResult, Diagnostic, LineIndex};
use crate::lower::{lower_function, Job, Lowered};
use crate::ranges::{SourceLines, SourceScope};
use crate::resolve::{FnId, Items};

/// Below this much body source per thread, another thread costs more than
/// it saves.
const MIN_BYTES_PER_THREAD: usize = 32 * 1024;

/// At most this many generic functions' trees are kept per thread.
const MAX_CACHED_TREES: usize = 256;

/// What one worker produced: the results of its run of functions, in
/// order, and its type table (the caller's table plus the types these
/// bodies added).
pub struct Part {
    /// `None`: a check of a generic function's body (nothing to keep).
    pub results: Vec<Result<Option<Lowered>, Diagnostic>>,
    pub types: TypeTable,
}

pub struct Bodies {
    /// In function order: part `k` holds the functions after those of parts
    /// `0..k`.
    pub parts: Vec<Part>,
    pub threads: usize,
    /// Time spent parsing and lowering, summed over the threads.
    pub parse_time: Duration,
    pub lower_time: Duration,
}

/// Parse and lower the body of every job (a function of `items`, or an
/// instance of a generic one) on `threads` threads (0: as many as the
/// program's size makes worthwhile, up to all cores); results in job order.
pub fn parse_and_lower(source: &str, items: &Items, types: &TypeTable, lines: &LineIndex<'_>, threads: usize, jobs: &[Job]) -> Bodies {
    let runs = split_runs(items, jobs, thread_count(items, jobs, threads));
    let text = SourceLines::new(source);
    // One run: on this thread (a small program; a thread costs ~0.1 ms).
    let outputs: Vec<(Part, Duration, Duration)> = if let [run] = &runs[..] {
        vec![lower_run(source, text, items, types, lines, &jobs[run.clone()])]
    } else {
        std::thread::scope(|scope| {
            let workers: Vec<_> = runs
                .iter()
                .map(|run| {
                    let text = Arc::clone(&text);
                    let run = run.clone();
                    std::thread::Builder::new()
                        .stack_size(hybrid_ir::COMPILER_STACK_BYTES)
                        .spawn_scoped(scope, move || lower_run(source, text, items, types, lines, &jobs[run]))
                })
                .collect();
            workers
                .into_iter()
                .map(|w| match w {
                    Ok(w) => w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                    Err(e) => panic!("cannot start a front-end thread: {e}"),
                })
                .collect()
        })
    };
    let mut bodies = Bodies { parts: Vec::new(), threads: runs.len(), parse_time: Duration::ZERO, lower_time: Duration::ZERO };
    for (part, parse, lower) in outputs {
        bodies.parts.push(part);
        bodies.parse_time += parse;
        bodies.lower_time += lower;
    }
    bodies
}

/// `threads` if given (at most one per job), else all cores for a
/// program big enough to keep them busy.
fn thread_count(items: &Items, jobs: &[Job], threads: usize) -> usize {
    let wanted = if threads == 0 {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let bytes: usize = jobs.iter().map(|j| items.fns[j.fid].body.len()).sum();
        cores.min(bytes / MIN_BYTES_PER_THREAD + 1)
    } else {
        threads
    };
    wanted.min(jobs.len()).max(1)
}

/// Split the jobs into `count` contiguous runs of about equal body size.
fn split_runs(items: &Items, jobs: &[Job], count: usize) -> Vec<Range<usize>> {
    let total: usize = jobs.iter().map(|j| items.fns[j.fid].body.len()).sum();
    let mut runs = Vec::with_capacity(count);
    let mut start = 0;
    let mut seen = 0;
    for (id, job) in jobs.iter().enumerate() {
        seen += items.fns[job.fid].body.len();
        // close run k once the bytes so far reach (k+1)/count of the total
        if runs.len() + 1 < count && seen * count >= total * (runs.len() + 1) {
            runs.push(start..id + 1);
            start = id + 1;
        }
    }
    runs.push(start..jobs.len());
    runs
}

/// One worker: parse and lower the jobs of `run`, in order.
fn lower_run(
    source: &str,
    text: Arc<SourceLines>,
    items: &Items,
    types: &TypeTable,
    lines: &LineIndex<'_>,
    run: &[Job],
) -> (Part, Duration, Duration) {
    let scope = SourceScope::shared(text);
    let mut types = types.clone();
    let mut results = Vec::with_capacity(run.len());
    let (mut parse_time, mut lower_time) = (Duration::ZERO, Duration::ZERO);
    // The trees of the generic functions parsed on this thread: a function's
    // check and its instances share one parse (their spans stay valid until
    // the cache is dropped with proc-macro2's memory of their text).
    let mut generic_trees: FxHashMap<FnId, Rc<syn::Result<syn::TraitItemFn>>> = FxHashMap::default();
    for job in run {
        let decl = &items.fns[job.fid];
        let t = Instant::now();
        let parsed_before = parse_time;
        let whole_item = job.args.is_some() || job.check;
        let result = match (whole_item, decl.generics.as_deref()) {
            (true, Some(_)) if job.check && items.macros.fns.get(&job.fid).is_some_and(|t| t.expanded.is_some()) => Ok(None),
            (true, Some(_)) if items.macros.fns.get(&job.fid).is_some_and(|t| t.expanded.is_some()) => {
                // FIXME(generic functions from macros): an instance is parsed
                // from its signature's source text, which a macro call has not
                Err(Diagnostic::unsupported("generic functions produced by a macro call", decl.range.clone()))
            }
            (true, Some(g)) if items.macros.active => {
                // an instance (or a check): its signature and body parsed in
                // one piece (anew each time: the expansion rewrites the tree)
                scope.set_origin(g.sig.start);
                let parsed = syn::parse_str::<syn::TraitItemFn>(&source[g.sig.start..decl.body.end]);
                parse_time += t.elapsed();
                lower_parsed_instance(source, items, &mut types, lines, job, parsed)
            }
            (true, Some(g)) => {
                // (spans map to offsets from the origin their text was parsed at)
                scope.set_origin(g.sig.start);
                let parsed = Rc::clone(
                    generic_trees
                        .entry(job.fid)
                        .or_insert_with(|| Rc::new(syn::parse_str::<syn::TraitItemFn>(&source[g.sig.start..decl.body.end]))),
                );
                parse_time += t.elapsed();
                lower_instance_tree(items, &mut types, lines, job, &parsed)
            }
            _ if items.macros.active => {
                scope.set_origin(decl.body.start);
                let (parsed, notes) = crate::expand::body_for(source, items, job.fid);
                parse_time += t.elapsed();
                parsed
                    .and_then(|(block, patterns)| lower_function(items, &mut types, lines, job, None, &block, &patterns))
                    .map_err(|d| notes.annotate(d))
            }
            _ => {
                scope.set_origin(decl.body.start);
                let parsed = syn::parse_str::<syn::Block>(&source[decl.body.clone()]);
                let patterns = crate::lower::parse_param_patterns(source, &scope, decl);
                parse_time += t.elapsed();
                match (parsed, patterns) {
                    (Ok(block), Ok(patterns)) => lower_function(items, &mut types, lines, job, None, &block, &patterns),
                    (Err(e), _) | (_, Err(e)) => Err(crate::syntax_error(&e)),
                }
            }
        };
        results.push(result);
        lower_time += t.elapsed() - (parse_time - parsed_before);
        // The body's tree is gone: let proc-macro2 forget its text (kept
        // while generic trees are cached, up to a bound on their number).
        if generic_trees.len() >= MAX_CACHED_TREES {
            generic_trees.clear();
        }
        if generic_trees.is_empty() {
            proc_macro2::extra::invalidate_current_thread_spans();
        }
    }
    drop(generic_trees);
    proc_macro2::extra::invalidate_current_thread_spans();
    drop(scope);
    (Part { results, types }, parse_time, lower_time)
}

/// Lower an instance (or the check) of a generic function from its
/// signature and body parsed in one piece, as they are (no macro expansion).
fn lower_instance_tree(
    items: &Items,
    types: &mut TypeTable,
    lines: &LineIndex<'_>,
    job: &Job,
    parsed: &syn::Result<syn::TraitItemFn>,
) -> DResult<Option<Lowered>> {
    match parsed {
        Ok(syn::TraitItemFn { sig, default: Some(block), .. }) => lower_function(items, types, lines, job, Some(sig), block, &[]),
        Ok(_) => Err(Diagnostic::ice(format!("`{}` has no body", items.fns[job.fid].name))),
        Err(e) => Err(crate::syntax_error(e)),
    }
}

/// Lower an instance (or the check) of a generic function from its
/// signature and body parsed in one piece (`parsed`).
pub(crate) fn lower_parsed_instance(
    source: &str,
    items: &Items,
    types: &mut TypeTable,
    lines: &LineIndex<'_>,
    job: &Job,
    parsed: syn::Result<syn::TraitItemFn>,
) -> DResult<Option<Lowered>> {
    match parsed {
        Ok(syn::TraitItemFn { sig, default: Some(mut block), .. }) if items.macros.active => {
            let (expanded, notes) = crate::expand::expand_parsed(source, items, job.fid, &mut block);
            expanded.and_then(|()| lower_function(items, types, lines, job, Some(&sig), &block, &[])).map_err(|d| notes.annotate(d))
        }
        parsed => lower_instance_tree(items, types, lines, job, &parsed),
    }
}
