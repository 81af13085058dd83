//! The differential tester (issue 16): random valid programs from a seeded generator
//! (`tests/diff/gen/`) compiled by hybridc with both host backends and, when they have no
//! kernels, by stock `rustc -A warnings`; stdout, panic messages and exit codes must agree
//! (kernel programs: both backends alike and the kernels equal to their in-program host
//! loop). Mismatches are minimized and written with their seed to `target/diff-findings/`
//! (or `$HYBRID_DIFF_FINDINGS`). A crash mutator checks that hybridc never panics, aborts or
//! hangs on mutated programs.
//!
//! Bounded by default (fixed seeds, part of `cargo test`); `just fuzz-diff N` and
//! `just fuzz-crash N` run N programs from a fresh seed. Environment: `HYBRID_DIFF_COUNT`,
//! `HYBRID_DIFF_SEED`, `HYBRID_CRASH_COUNT`, `HYBRID_CRASH_SEED`, `HYBRID_DIFF_JOBS`.

mod common;
#[path = "diff/gen/mod.rs"]
mod gen;
#[path = "diff/minimize.rs"]
mod minimize;
#[path = "diff/mutate.rs"]
mod mutate;
#[path = "diff/rng.rs"]
mod rng;
#[path = "diff/run.rs"]
mod run;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use gen::Flavor;
use run::{Tools, Verdict};

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok()).unwrap_or(default)
}

fn findings_dir() -> PathBuf {
    std::env::var_os("HYBRID_DIFF_FINDINGS").map(PathBuf::from).unwrap_or_else(|| common::repo_root().join("target/diff-findings"))
}

fn jobs() -> usize {
    env_u64("HYBRID_DIFF_JOBS", std::thread::available_parallelism().map_or(2, |n| n.get()).min(4) as u64) as usize
}

/// Run `work(worker_dir, index)` for `0..count` on `jobs()` threads, each with its own folder.
fn parallel(scratch: &str, count: usize, work: &(dyn Fn(&Tools, usize) + Sync)) {
    let base = common::scratch_dir(scratch);
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for w in 0..jobs() {
            let dir = base.join(format!("w{w}"));
            std::fs::create_dir_all(&dir).unwrap();
            let next = &next;
            s.spawn(move || {
                let tools = Tools { hybridc: common::hybridc(), dir };
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count {
                        break;
                    }
                    work(&tools, i);
                }
            });
        }
    });
}

/// Write a finding: the program, its minimized form and the report.
fn record(kind_dir: &str, seed: u64, original: &str, minimized: &str, report: &str) -> PathBuf {
    let dir = findings_dir().join(format!("{kind_dir}-{seed}"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("original.rs"), original).unwrap();
    std::fs::write(dir.join("minimized.rs"), minimized).unwrap();
    std::fs::write(dir.join("report.txt"), report).unwrap();
    dir
}

#[test]
fn differential_programs() {
    let count = env_u64("HYBRID_DIFF_COUNT", 160) as usize;
    let seed0 = env_u64("HYBRID_DIFF_SEED", 1);
    let failures = Mutex::new(Vec::new());
    let counts = Mutex::new([0usize; 2]);
    let minimized = AtomicUsize::new(0);
    parallel("diff", count, &|tools, i| {
        let seed = seed0.wrapping_add(i as u64);
        let prog = gen::program(seed);
        counts.lock().unwrap()[(prog.flavor == Flavor::Kernel) as usize] += 1;
        let name = format!("p{seed}");
        let verdict = tools.check(&name, &prog.source, prog.flavor);
        let (kind, detail) = match verdict {
            Verdict::Pass => return,
            Verdict::Invalid(e) => ("invalid".to_string(), format!("rustc rejects the generated program:\n{e}")),
            Verdict::Mismatch { kind, detail } => (kind, detail),
        };
        eprintln!("seed {seed}: {kind}");
        // Minimize (at most a few per run, each bounded in time).
        let small = if kind != "invalid" && minimized.fetch_add(1, Ordering::Relaxed) < 4 {
            let budget = Duration::from_secs(env_u64("HYBRID_DIFF_MIN_SECS", 90));
            let flavor = prog.flavor;
            minimize::minimize(&prog.source, &mut |cand| tools.check("min", cand, flavor).kind() == Some(kind.as_str()), budget)
        } else {
            prog.source.clone()
        };
        let tag = if kind == "invalid" { "invalid" } else { "mismatch" };
        let dir = record(tag, seed, &prog.source, &small, &format!("seed {seed}\n{kind}\n{detail}\n"));
        failures.lock().unwrap().push(format!("seed {seed}: {kind} (see {})\n--- minimized:\n{small}", dir.display()));
    });
    let failures = failures.into_inner().unwrap();
    let [host, kernel] = counts.into_inner().unwrap();
    eprintln!(
        "differential: {count} programs from seed {seed0} ({host} host-only vs rustc, {kernel} with kernels): {} failed",
        failures.len()
    );
    assert!(failures.is_empty(), "{} of {count} programs differ:\n{}", failures.len(), failures.join("\n\n"));
}

/// `hybridc check` (and `build` when the check passes) of `source`; a crash signature if it
/// crashed.
fn crash_of(tools: &Tools, name: &str, source: &str) -> Option<String> {
    let src = tools.dir.join(format!("{name}.rs"));
    std::fs::write(&src, source).unwrap();
    let mut sig = None;
    for sub in ["check", "build"] {
        let mut cmd = Command::new(&tools.hybridc);
        cmd.current_dir(&tools.dir).arg(sub).arg(src.file_name().unwrap());
        if sub == "build" {
            cmd.arg("-o").arg(tools.dir.join(format!("{name}.exe")));
        }
        match run::run_limited(cmd, Duration::from_secs(60)) {
            None => return Some("hang (60 s)".to_string()),
            Some((code, signal, _, stderr)) => {
                sig = mutate::crash_signature(code, signal, &stderr);
                if sig.is_some() || code != Some(0) {
                    break;
                }
            }
        }
    }
    sig
}

#[test]
fn crash_mutants() {
    let count = env_u64("HYBRID_CRASH_COUNT", 300) as usize;
    let seed0 = env_u64("HYBRID_CRASH_SEED", 1);
    let bases = mutate::bases(seed0, 20, &common::repo_root().join("tests/programs"));
    let failures = Mutex::new(Vec::new());
    parallel("crash", count, &|tools, i| {
        let seed = seed0.wrapping_add(i as u64);
        let mut r = rng::Rng::new(seed);
        let base = &bases[r.below(bases.len() as u64) as usize];
        let mutant = mutate::mutate(base, &mut r);
        let Some(sig) = crash_of(tools, &format!("m{seed}"), &mutant) else { return };
        eprintln!("mutant {seed}: {sig}");
        let small = minimize::minimize(
            &mutant,
            &mut |cand| crash_of(tools, "min", cand).as_deref() == Some(sig.as_str()),
            Duration::from_secs(env_u64("HYBRID_DIFF_MIN_SECS", 90)),
        );
        let dir = record("crash", seed, &mutant, &small, &format!("mutant seed {seed}\n{sig}\n"));
        failures.lock().unwrap().push(format!("mutant {seed}: {sig} (see {})\n--- minimized:\n{small}", dir.display()));
    });
    let failures = failures.into_inner().unwrap();
    eprintln!("crash mutants: {count} from seed {seed0}: {} crashed", failures.len());
    assert!(failures.is_empty(), "{} of {count} mutants crash hybridc:\n{}", failures.len(), failures.join("\n\n"));
}

/// Every program in `tests/diff/crashers/` (minimized mutants that once crashed hybridc) is
/// answered without a crash.
#[test]
fn former_crashers_do_not_crash() {
    let dir = common::repo_root().join("tests/diff/crashers");
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "rs")).collect();
    files.sort();
    let scratch = common::scratch_dir("crashers");
    let tools = Tools { hybridc: common::hybridc(), dir: scratch };
    let mut crashed = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        if let Some(sig) = crash_of(&tools, "c", &src) {
            crashed.push(format!("{}: {sig}", name_of(f)));
        }
    }
    assert!(crashed.is_empty(), "former crashers crash again:\n{}", crashed.join("\n"));
}

fn name_of(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// `HYBRID_DIFF_ONE=seed cargo test --release --test diff -- one_seed --nocapture`: check and
/// minimize the program of one seed (prints it; for working on a finding).
#[test]
fn one_seed() {
    let Some(seed) = std::env::var("HYBRID_DIFF_ONE").ok().and_then(|s| s.parse::<u64>().ok()) else { return };
    let prog = gen::program(seed);
    let dir = common::scratch_dir(&format!("one-{seed}"));
    let tools = Tools { hybridc: common::hybridc(), dir };
    let verdict = tools.check("p", &prog.source, prog.flavor);
    eprintln!("seed {seed}: {verdict:?}");
    if let Some(kind) = verdict.kind().map(str::to_string) {
        let budget = Duration::from_secs(env_u64("HYBRID_DIFF_MIN_SECS", 300));
        let small = minimize::minimize(&prog.source, &mut |c| tools.check("min", c, prog.flavor).kind() == Some(kind.as_str()), budget);
        eprintln!("--- minimized:\n{small}");
        record("mismatch", seed, &prog.source, &small, &format!("seed {seed}\n{kind}\n"));
    }
}

/// `HYBRID_DIFF_DUMP=DIR HYBRID_DIFF_COUNT=N cargo test --release --test diff -- dump_kernel_programs`:
/// build the first N generated kernel programs into DIR with their host-fallback stdout and exit
/// code as `NAME.stdout` / `NAME.exit`, the layout `tests/gpu/run.sh DIR` runs on the GPU.
#[test]
fn dump_kernel_programs() {
    let Some(dir) = std::env::var_os("HYBRID_DIFF_DUMP").map(PathBuf::from) else { return };
    std::fs::create_dir_all(&dir).unwrap();
    let count = env_u64("HYBRID_DIFF_COUNT", 100) as usize;
    let (mut seed, mut made) = (env_u64("HYBRID_DIFF_SEED", 1), 0);
    while made < count {
        let prog = gen::program(seed);
        seed += 1;
        if prog.flavor != gen::Flavor::Kernel {
            continue;
        }
        let name = format!("diff_kernel_{}", seed - 1);
        let src = dir.join(format!("{name}.rs"));
        std::fs::write(&src, &prog.source).unwrap();
        let exe = common::build_program(&src, &dir, &[]).unwrap();
        let out = common::run_program(&exe, &[]).unwrap();
        std::fs::write(dir.join(format!("{name}.stdout")), out.stdout.trim_end_matches('\n')).unwrap();
        std::fs::write(dir.join(format!("{name}.exit")), out.code.to_string()).unwrap();
        std::fs::remove_file(&src).unwrap();
        made += 1;
    }
}
