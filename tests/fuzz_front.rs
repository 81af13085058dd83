//! In-process crash fuzzing of the front end (issue 16): token mutants of the corpus
//! (`tests/programs`) and of generated programs (`tests/diff/gen`) checked by
//! `hybrid_front::compile_with` as a library, on all cores, each under `catch_unwind`, with a
//! watchdog thread for hangs (a mutant running past `HYBRID_FUZZ_LIMIT_SECS`) and a memory
//! bound on the live heap (`HYBRID_FUZZ_MEM_MIB`). A panic, an internal compiler error, a
//! hang or a blow-up is a finding; mutant `i` of seed `s` is always the same program, so a
//! run is reproducible. Findings (the mutant, its minimized form for panics and ICEs, the
//! signature) go to `target/fuzz-findings/` (or `$HYBRID_FUZZ_FINDINGS`).
//!
//! Bounded by default (`HYBRID_FUZZ_COUNT` mutants, fixed seed, part of `cargo test`);
//! `just fuzz-front N` runs N from a fresh seed. `HYBRID_FUZZ_FIRST=i HYBRID_FUZZ_COUNT=1` checks
//! mutant `i` alone; `HYBRID_FUZZ_LOG=1` prints each mutant's index before it runs (for a
//! finding that kills the process, such as a stack overflow).

mod common;
// (shared with tests/diff.rs, which uses the parts this file does not)
#[allow(dead_code)]
#[path = "diff/gen/mod.rs"]
mod gen;
#[path = "diff/minimize.rs"]
mod minimize;
#[allow(dead_code)]
#[path = "diff/mutate.rs"]
mod mutate;
#[path = "diff/rng.rs"]
mod rng;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The system allocator, counting the live heap bytes of the whole process.
struct CountingAlloc;

static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            LIVE_BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
            LIVE_BYTES.fetch_add(new_size, Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok()).unwrap_or(default)
}

fn findings_dir() -> PathBuf {
    std::env::var_os("HYBRID_FUZZ_FINDINGS").map(PathBuf::from).unwrap_or_else(|| common::repo_root().join("target/fuzz-findings"))
}

thread_local! {
    /// Where the last panic on this thread happened (set by the panic hook).
    static PANIC_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A panic hook that prints nothing and keeps the panic's location for [`crash_of`].
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let at = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        PANIC_AT.with(|p| *p.borrow_mut() = Some(at));
    }));
}

const FILE_NAME: &str = "mutant.rs";

/// Why checking `source` (as `hybridc check` does: compile, then render the errors or the
/// warnings) is a crash, if it is: a short stable signature.
fn crash_of(source: &str) -> Option<String> {
    PANIC_AT.with(|p| p.borrow_mut().take());
    let result = std::panic::catch_unwind(|| match hybrid_front::compile_with(source, FILE_NAME, 1, &|_| None) {
        Ok(out) => {
            out.warnings.render(source, FILE_NAME);
            None
        }
        Err(errors) => {
            errors.render(source, FILE_NAME);
            errors.0.iter().find(|e| e.message.starts_with("internal compiler error")).map(|e| e.message.clone())
        }
    });
    let at = PANIC_AT.with(|p| p.borrow_mut().take());
    match (result, at) {
        (Ok(None), _) => None,
        (_, Some(at)) => Some(format!("panic at {at}")),
        (Ok(Some(ice)), None) => Some(ice.lines().next().unwrap_or("").to_string()),
        (Err(_), None) => Some("panic".to_string()),
    }
}

/// Mutant `index` of the run from `seed`.
fn mutant(bases: &[String], seed: u64, index: u64) -> String {
    let mut r = rng::Rng::new(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15).wrapping_add(index));
    let base = &bases[r.below(bases.len() as u64) as usize];
    mutate::mutate(base, &mut r)
}

/// What each worker is running: the mutant's index (`u64::MAX`: none), since when (ms after
/// the run's start) and the worker's CPU time then (clock ticks; a loaded machine slows a
/// check, so a hang is judged by the worker's CPU time, wall time only as a backstop).
struct Slot {
    index: AtomicU64,
    since_ms: AtomicU64,
    since_ticks: AtomicU64,
    /// The worker's thread id (0: unknown, no CPU times).
    tid: AtomicU64,
}

/// User + system CPU time of a thread, in clock ticks, from `/proc/<pid>/task/<tid>/stat`.
fn cpu_ticks(stat: &str) -> Option<u64> {
    let text = std::fs::read_to_string(stat).ok()?;
    // (fields after the `(comm)`, which may hold spaces: state is field 3, utime 14, stime 15)
    let rest = &text[text.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

fn write_finding(kind: &str, seed: u64, index: u64, mutant: &str, minimized: &str, signature: &str) -> PathBuf {
    let dir = findings_dir().join(format!("{kind}-{seed}-{index}"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("mutant.rs"), mutant).unwrap();
    std::fs::write(dir.join("minimized.rs"), minimized).unwrap();
    std::fs::write(dir.join("report.txt"), format!("seed {seed} mutant {index}\n{signature}\n")).unwrap();
    dir
}

/// Fuzz `count` mutants from `seed` on `jobs` threads; the findings (panics and ICEs; a hang
/// or a blow-up ends the process after writing its mutant).
fn fuzz(seed: u64, count: u64, jobs: usize) -> Vec<String> {
    quiet_panics();
    let bases = mutate::bases(seed, 40, &common::repo_root().join("tests/programs"));
    let limit = Duration::from_secs(env_u64("HYBRID_FUZZ_LIMIT_SECS", 20));
    let mem_bound = env_u64("HYBRID_FUZZ_MEM_MIB", 4096) as usize * (1 << 20);
    let log = std::env::var_os("HYBRID_FUZZ_LOG").is_some();
    let new_slot =
        || Slot { index: AtomicU64::new(u64::MAX), since_ms: AtomicU64::new(0), since_ticks: AtomicU64::new(0), tid: AtomicU64::new(0) };
    let slots: Vec<Slot> = (0..jobs).map(|_| new_slot()).collect();
    let first = env_u64("HYBRID_FUZZ_FIRST", 0);
    let next = AtomicU64::new(first);
    let count = first + count;
    let done = AtomicU64::new(0);
    let findings = Mutex::new(Vec::new());
    let seen = Mutex::new(std::collections::HashSet::new());
    let start = Instant::now();
    let ms = || start.elapsed().as_millis() as u64;
    std::thread::scope(|s| {
        for slot in &slots {
            let (bases, next, done, findings, seen) = (&bases, &next, &done, &findings, &seen);
            std::thread::Builder::new()
                .stack_size(hybrid_ir::COMPILER_STACK_BYTES)
                .spawn_scoped(s, move || loop {
                    if slot.tid.load(Ordering::Relaxed) == 0 {
                        let link = std::fs::read_link("/proc/thread-self").unwrap_or_default();
                        let tid = link.file_name().and_then(|t| t.to_str()?.parse().ok()).unwrap_or(0);
                        slot.tid.store(tid, Ordering::Relaxed);
                    }
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= count {
                        break;
                    }
                    let source = mutant(bases, seed, index);
                    if log {
                        eprintln!("mutant {index}");
                    }
                    slot.since_ms.store(ms(), Ordering::Relaxed);
                    slot.since_ticks.store(cpu_ticks("/proc/thread-self/stat").unwrap_or(0), Ordering::Relaxed);
                    slot.index.store(index, Ordering::Release);
                    let crash = crash_of(&source);
                    slot.index.store(u64::MAX, Ordering::Release);
                    done.fetch_add(1, Ordering::Relaxed);
                    let Some(sig) = crash else { continue };
                    // (one finding per signature: the same bug found again is not minimized again)
                    if !seen.lock().unwrap().insert(sig.clone()) {
                        continue;
                    }
                    eprintln!("mutant {index}: {sig}");
                    let small = minimize::minimize(&source, &mut |c| crash_of(c).as_deref() == Some(sig.as_str()), Duration::from_secs(60));
                    let dir = write_finding("crash", seed, index, &source, &small, &sig);
                    findings.lock().unwrap().push(format!("mutant {index}: {sig} (see {})\n--- minimized:\n{small}", dir.display()));
                })
                .unwrap();
        }
        // the watchdog: hangs, memory, progress
        let (bases, done, slots) = (&bases, &done, &slots);
        s.spawn(move || {
            let mut last_report = Instant::now();
            while done.load(Ordering::Relaxed) + first < count {
                std::thread::sleep(Duration::from_millis(50));
                let live = LIVE_BYTES.load(Ordering::Relaxed);
                for slot in slots {
                    let index = slot.index.load(Ordering::Acquire);
                    if index == u64::MAX {
                        continue;
                    }
                    let wall = Duration::from_millis(ms().saturating_sub(slot.since_ms.load(Ordering::Relaxed)));
                    let tid = slot.tid.load(Ordering::Relaxed);
                    let cpu = cpu_ticks(&format!("/proc/self/task/{tid}/stat"))
                        .filter(|_| tid != 0)
                        .map(|t| Duration::from_millis(t.saturating_sub(slot.since_ticks.load(Ordering::Relaxed)) * 10)); // (100 clock ticks a second on Linux)
                    let kind = if cpu.is_some_and(|c| c > limit) || wall > limit * 10 {
                        format!("hang (over {} s of CPU time, or {} s)", limit.as_secs(), limit.as_secs() * 10)
                    } else if live > mem_bound {
                        format!("memory blow-up ({} MiB live)", live >> 20)
                    } else {
                        continue;
                    };
                    let source = mutant(bases, seed, index);
                    let dir = write_finding("stuck", seed, index, &source, &source, &kind);
                    eprintln!("mutant {index}: {kind} (see {}); stopping", dir.display());
                    std::process::exit(3);
                }
                if last_report.elapsed() > Duration::from_secs(30) {
                    last_report = Instant::now();
                    let n = done.load(Ordering::Relaxed);
                    let count = count - first;
                    eprintln!("fuzz-front: {n} / {count} mutants, {:.0} per second", n as f64 / start.elapsed().as_secs_f64());
                }
            }
        });
    });
    let count = count - first;
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "fuzz-front: {count} mutants from seed {seed} on {jobs} threads in {secs:.1} s ({:.0} per second), {} findings",
        count as f64 / secs,
        findings.lock().unwrap().len()
    );
    findings.into_inner().unwrap()
}

#[test]
fn front_end_survives_mutants() {
    // (mutant 704 of seed 1 hung until session 14: tests/diff/crashers/chain_vec_by_value_hang.rs)
    let count = env_u64("HYBRID_FUZZ_COUNT", 3000);
    let seed = env_u64("HYBRID_FUZZ_SEED", 1);
    let jobs = env_u64("HYBRID_FUZZ_JOBS", std::thread::available_parallelism().map_or(2, |n| n.get()) as u64) as usize;
    let findings = fuzz(seed, count, jobs.max(1));
    assert!(findings.is_empty(), "{} mutants crash the front end:\n{}", findings.len(), findings.join("\n\n"));
}

/// Every program in `tests/diff/crashers/` (minimized mutants that once crashed hybridc) is
/// checked in-process without a crash.
#[test]
fn former_crashers_check_in_process() {
    quiet_panics();
    let dir = common::repo_root().join("tests/diff/crashers");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "rs")).collect();
    files.sort();
    assert!(!files.is_empty());
    let crashed: Vec<String> =
        files.iter().filter_map(|f| crash_of(&std::fs::read_to_string(f).unwrap()).map(|sig| format!("{}: {sig}", f.display()))).collect();
    assert!(crashed.is_empty(), "former crashers crash again:\n{}", crashed.join("\n"));
}
