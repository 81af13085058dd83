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
//!
//! With two threads, the first round has a [`Prefetch`]: a second thread
//! starts parsing the bodies at the end of the program while this one
//! parses and resolves the items; when the round's jobs come it splits them
//! where the two runs cost the same (its bodies parsed ahead cost only their
//! lowering) and lowers the second run. Each run is lowered in order, so
//! the types come out in the order of a static split.

use std::ops::Range;
use std::rc::Rc;
use std::sync::{mpsc, Arc, OnceLock};
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

/// A part with the time its thread spent parsing and lowering.
type TimedPart = (Part, Duration, Duration);

/// Parse and lower the body of every job (a function of `items`, or an
/// instance of a generic one) on `threads` threads (0: as many as the
/// program's size makes worthwhile, up to all cores); results in job order.
/// A `prefetch` (see [`start_prefetch`]) lowers the jobs from the back
/// when two threads are worthwhile.
pub fn parse_and_lower(
    source: &str,
    items: &Items,
    types: &TypeTable,
    lines: &LineIndex<'_>,
    threads: usize,
    jobs: &[Job],
    prefetch: Option<Prefetch>,
) -> Bodies {
    let count = thread_count(items, jobs, threads);
    let text = SourceLines::new(source);
    let outputs: Vec<TimedPart> = match prefetch {
        Some(prefetch) if count == 2 => prefetch.lower_with(source, text, items, types, lines, jobs),
        _ => {
            let runs = split_runs(items, jobs, count);
            if let [run] = &runs[..] {
                // One run: on this thread (a small program; a thread costs ~0.1 ms).
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
            }
        }
    };
    let mut bodies = Bodies { parts: Vec::new(), threads: outputs.len(), parse_time: Duration::ZERO, lower_time: Duration::ZERO };
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
    let bytes: usize = jobs.iter().map(|j| items.fns[j.fid].body.len()).sum();
    threads_for(bytes, threads).min(jobs.len()).max(1)
}

/// `threads` if given, else all cores for `bytes` of bodies big enough to
/// keep them busy.
fn threads_for(bytes: usize, threads: usize) -> usize {
    if threads == 0 {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        cores.min(bytes / MIN_BYTES_PER_THREAD + 1)
    } else {
        threads
    }
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
fn lower_run(source: &str, text: Arc<SourceLines>, items: &Items, types: &TypeTable, lines: &LineIndex<'_>, run: &[Job]) -> TimedPart {
    let mut worker = Worker::new(source, items, lines, SourceScope::shared(text), types.clone(), Preparsed::default());
    let results = run.iter().map(|job| worker.lower(job)).collect();
    worker.finish(results)
}

/// Bodies parsed ahead, by their byte range.
type Preparsed = FxHashMap<(usize, usize), syn::Result<syn::Block>>;

/// A thread's state while it lowers jobs.
struct Worker<'a> {
    source: &'a str,
    items: &'a Items,
    lines: &'a LineIndex<'a>,
    scope: SourceScope,
    /// The caller's type table plus the types these bodies added.
    types: TypeTable,
    /// The trees of the generic functions parsed on this thread: a
    /// function's check and its instances share one parse (their spans stay
    /// valid until the cache is dropped with proc-macro2's memory of their
    /// text).
    generic_trees: FxHashMap<FnId, Rc<syn::Result<syn::TraitItemFn>>>,
    /// Plain bodies this thread parsed before its jobs came.
    preparsed: Preparsed,
    parse_time: Duration,
    lower_time: Duration,
}

impl<'a> Worker<'a> {
    fn new(
        source: &'a str,
        items: &'a Items,
        lines: &'a LineIndex<'a>,
        scope: SourceScope,
        types: TypeTable,
        preparsed: Preparsed,
    ) -> Self {
        Worker {
            source,
            items,
            lines,
            scope,
            types,
            generic_trees: FxHashMap::default(),
            preparsed,
            parse_time: Duration::ZERO,
            lower_time: Duration::ZERO,
        }
    }

    fn lower(&mut self, job: &Job) -> DResult<Option<Lowered>> {
        let (source, items, lines) = (self.source, self.items, self.lines);
        let decl = &items.fns[job.fid];
        let t = Instant::now();
        let parsed_before = self.parse_time;
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
                self.scope.set_origin(g.sig.start);
                let parsed = syn::parse_str::<syn::TraitItemFn>(&source[g.sig.start..decl.body.end]);
                self.parse_time += t.elapsed();
                lower_parsed_instance(source, items, &mut self.types, lines, job, parsed)
            }
            (true, Some(g)) => {
                // (spans map to offsets from the origin their text was parsed at)
                self.scope.set_origin(g.sig.start);
                let parsed = Rc::clone(
                    self.generic_trees
                        .entry(job.fid)
                        .or_insert_with(|| Rc::new(syn::parse_str::<syn::TraitItemFn>(&source[g.sig.start..decl.body.end]))),
                );
                self.parse_time += t.elapsed();
                lower_instance_tree(items, &mut self.types, lines, job, &parsed)
            }
            _ if items.macros.active => {
                self.scope.set_origin(decl.body.start);
                let (parsed, notes) = crate::expand::body_for(source, items, job.fid);
                self.parse_time += t.elapsed();
                parsed
                    .and_then(|(block, patterns)| lower_function(items, &mut self.types, lines, job, None, &block, &patterns))
                    .map_err(|d| notes.annotate(d))
            }
            _ => {
                self.scope.set_origin(decl.body.start);
                let parsed = match self.preparsed.remove(&(decl.body.start, decl.body.end)) {
                    Some(parsed) => parsed,
                    None => syn::parse_str::<syn::Block>(&source[decl.body.clone()]),
                };
                let patterns = crate::lower::parse_param_patterns(source, decl);
                self.parse_time += t.elapsed();
                match (parsed, patterns) {
                    (Ok(block), Ok(patterns)) => lower_function(items, &mut self.types, lines, job, None, &block, &patterns),
                    (Err(e), _) | (_, Err(e)) => Err(crate::syntax_error(&e)),
                }
            }
        };
        self.lower_time += t.elapsed() - (self.parse_time - parsed_before);
        // The body's tree is gone: let proc-macro2 forget its text (kept
        // while generic trees are cached, up to a bound on their number,
        // and while bodies parsed ahead wait).
        if self.generic_trees.len() >= MAX_CACHED_TREES {
            self.generic_trees.clear();
        }
        if self.generic_trees.is_empty() && self.preparsed.is_empty() {
            proc_macro2::extra::invalidate_current_thread_spans();
        }
        result
    }

    fn finish(self, results: Vec<DResult<Option<Lowered>>>) -> TimedPart {
        let Worker { types, generic_trees, preparsed, scope, parse_time, lower_time, .. } = self;
        drop((generic_trees, preparsed));
        proc_macro2::extra::invalidate_current_thread_spans();
        drop(scope);
        (Part { results, types }, parse_time, lower_time)
    }
}

/// The second thread of a two-thread front end, started before the items
/// are parsed (see the module's documentation).
pub struct Prefetch {
    work: mpsc::Sender<Work>,
    done: mpsc::Receiver<TimedPart>,
}

/// The first round, for the prefetch thread, and where to say where it
/// splits the jobs.
struct Work {
    jobs: Vec<Job>,
    types: TypeTable,
    split: mpsc::Sender<usize>,
}

/// Where to split `jobs` so that both runs cost about the same: a body
/// costs its size twice (parsing and lowering take about as long), once if
/// it was parsed ahead (`preparsed`, all in the second run).
fn balanced_split(items: &Items, jobs: &[Job], preparsed: &Preparsed) -> usize {
    let cost = |j: &Job| {
        let body = &items.fns[j.fid].body;
        let ahead = j.args.is_none() && !j.check && preparsed.contains_key(&(body.start, body.end));
        if ahead {
            body.len()
        } else {
            2 * body.len()
        }
    };
    let total: usize = jobs.iter().map(cost).sum();
    let mut front = 0;
    for (i, job) in jobs.iter().enumerate() {
        if 2 * front >= total {
            return i;
        }
        front += 2 * items.fns[job.fid].body.len();
    }
    jobs.len()
}

/// Start the prefetch thread in `scope` when two threads will lower the
/// bodies: it parses `bodies` (byte ranges of plain function bodies, in
/// source order) from the last one back, up to half of their bytes, until
/// [`parse_and_lower`] hands it the first round. `items` is set before then.
pub fn start_prefetch<'scope, 'env>(
    scope: &'scope std::thread::Scope<'scope, 'env>,
    source: &'env str,
    items: &'env OnceLock<Items>,
    lines: &'env LineIndex<'env>,
    threads: usize,
    mut bodies: Vec<Range<usize>>,
) -> Option<Prefetch> {
    let bytes: usize = bodies.iter().map(|r| r.len()).sum();
    // FIXME(prefetch with more threads): with three or more threads the
    // runs are static and nothing is parsed ahead
    if threads_for(bytes, threads) != 2 {
        return None;
    }
    let (work_tx, work_rx) = mpsc::channel::<Work>();
    let (done_tx, done_rx) = mpsc::channel();
    let text = SourceLines::new(source);
    let thread = move || {
        let scope = SourceScope::shared(text);
        let mut preparsed = Preparsed::default();
        let (mut parsed_bytes, mut parse_time) = (0, Duration::ZERO);
        let work = loop {
            match work_rx.try_recv() {
                Ok(work) => break Some(work),
                Err(mpsc::TryRecvError::Disconnected) => break None,
                Err(mpsc::TryRecvError::Empty) => {}
            }
            let Some(r) = bodies.pop().filter(|_| 2 * parsed_bytes < bytes) else { break work_rx.recv().ok() };
            let t = Instant::now();
            scope.set_origin(r.start);
            preparsed.insert((r.start, r.end), syn::parse_str::<syn::Block>(&source[r.clone()]));
            parsed_bytes += r.len();
            parse_time += t.elapsed();
        };
        let (Some(work), Some(items)) = (work, items.get()) else { return };
        let split = balanced_split(items, &work.jobs, &preparsed);
        if work.split.send(split).is_err() {
            return;
        }
        let mut worker = Worker::new(source, items, lines, scope, work.types, preparsed);
        worker.parse_time = parse_time;
        let results = work.jobs[split..].iter().map(|job| worker.lower(job)).collect();
        let _ = done_tx.send(worker.finish(results));
    };
    let started = std::thread::Builder::new().stack_size(hybrid_ir::COMPILER_STACK_BYTES).spawn_scoped(scope, thread);
    started.is_ok().then_some(Prefetch { work: work_tx, done: done_rx })
}

impl Prefetch {
    /// Lower `jobs` in two runs, the first on this thread, the second on
    /// the prefetch thread, which chooses the split: two parts, in job order.
    fn lower_with(
        self,
        source: &str,
        text: Arc<SourceLines>,
        items: &Items,
        types: &TypeTable,
        lines: &LineIndex<'_>,
        jobs: &[Job],
    ) -> Vec<TimedPart> {
        let (split_tx, split_rx) = mpsc::channel();
        let sent = self.work.send(Work { jobs: jobs.to_vec(), types: types.clone(), split: split_tx });
        let Some(split) = sent.ok().and_then(|()| split_rx.recv().ok()) else {
            // (the thread is gone: this one lowers everything)
            return vec![lower_run(source, text, items, types, lines, jobs)];
        };
        let front = lower_run(source, text, items, types, lines, &jobs[..split]);
        match self.done.recv() {
            Ok(back) => vec![front, back],
            Err(_) => panic!("the front end's prefetch thread stopped"),
        }
    }
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
