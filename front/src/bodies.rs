//! Function bodies, parsed and lowered on worker threads.
//!
//! The functions are split into contiguous runs of about equal source size,
//! one per thread. A worker parses each body from its own byte range of the
//! source (proc-macro2's spans and source map are per thread, so each
//! worker keeps its own, with [`SourceScope::set_origin`] mapping them back
//! to file offsets) and lowers it against the shared item table into its own
//! copy of the type table. Syntax trees never leave the thread that parsed
//! them; only IR, diagnostics and type tables come back, in function order,
//! for the caller to merge.

use std::ops::Range;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hybrid_ir::TypeTable;

use crate::diag::{Diagnostic, LineIndex};
use crate::lower::{lower_function, Lowered};
use crate::ranges::{SourceLines, SourceScope};
use crate::resolve::Items;

/// Below this much body source per thread, another thread costs more than
/// it saves.
const MIN_BYTES_PER_THREAD: usize = 32 * 1024;

/// What one worker produced: the results of its run of functions, in
/// order, and its type table (the caller's table plus the types these
/// bodies added).
pub struct Part {
    pub results: Vec<Result<Lowered, Diagnostic>>,
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

/// Parse and lower the body of every function of `items` on `threads`
/// threads (0: as many as the program's size makes worthwhile, up to all
/// cores).
pub fn parse_and_lower(source: &str, items: &Items, types: &TypeTable, lines: &LineIndex<'_>, threads: usize) -> Bodies {
    let runs = split_runs(items, thread_count(items, threads));
    let text = SourceLines::new(source);
    // One run: on this thread (a small program; a thread costs ~0.1 ms).
    let outputs: Vec<(Part, Duration, Duration)> = if let [run] = &runs[..] {
        vec![lower_run(source, text, items, types, lines, run.clone())]
    } else {
        std::thread::scope(|scope| {
            let workers: Vec<_> = runs
                .iter()
                .map(|run| {
                    let text = Arc::clone(&text);
                    let run = run.clone();
                    scope.spawn(move || lower_run(source, text, items, types, lines, run))
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
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

/// `threads` if given (at most one per function), else all cores for a
/// program big enough to keep them busy.
fn thread_count(items: &Items, threads: usize) -> usize {
    let wanted = if threads == 0 {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let bytes: usize = items.fns.iter().map(|f| f.body.len()).sum();
        cores.min(bytes / MIN_BYTES_PER_THREAD + 1)
    } else {
        threads
    };
    wanted.min(items.fns.len()).max(1)
}

/// Split the functions into `count` contiguous runs of about equal body size.
fn split_runs(items: &Items, count: usize) -> Vec<Range<usize>> {
    let total: usize = items.fns.iter().map(|f| f.body.len()).sum();
    let mut runs = Vec::with_capacity(count);
    let mut start = 0;
    let mut seen = 0;
    for (id, f) in items.fns.iter().enumerate() {
        seen += f.body.len();
        // close run k once the bytes so far reach (k+1)/count of the total
        if runs.len() + 1 < count && seen * count >= total * (runs.len() + 1) {
            runs.push(start..id + 1);
            start = id + 1;
        }
    }
    runs.push(start..items.fns.len());
    runs
}

/// One worker: parse and lower the functions `run`, in order.
fn lower_run(
    source: &str,
    text: Arc<SourceLines>,
    items: &Items,
    types: &TypeTable,
    lines: &LineIndex<'_>,
    run: Range<usize>,
) -> (Part, Duration, Duration) {
    let scope = SourceScope::shared(text);
    let mut types = types.clone();
    let mut results = Vec::with_capacity(run.len());
    let (mut parse_time, mut lower_time) = (Duration::ZERO, Duration::ZERO);
    for fid in run {
        let range = items.fns[fid].body.clone();
        scope.set_origin(range.start);
        let t = Instant::now();
        let parsed = syn::parse_str::<syn::Block>(&source[range]);
        let t2 = Instant::now();
        parse_time += t2 - t;
        results.push(match parsed {
            Ok(block) => lower_function(items, &mut types, lines, fid, &block),
            Err(e) => Err(crate::syntax_error(&e)),
        });
        lower_time += t2.elapsed();
        // The body's tree is gone: let proc-macro2 forget its text.
        proc_macro2::extra::invalidate_current_thread_spans();
    }
    drop(scope);
    (Part { results, types }, parse_time, lower_time)
}
