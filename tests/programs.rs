//! Builds every `tests/programs/*.rs` with hybridc and runs it in host fallback,
//! comparing stdout with `NAME.stdout` and checking `//@` directives: once
//! with the Cranelift host backend, once with `--host-backend=llvm` (both
//! must give the same output, exit code and stderr lines).
//!
//! Directives at the top of a program: `//@ exit-code: N` (default 0) and
//! `//@ stderr: TEXT` (stderr must contain the line). Set `HYBRID_TEST_FILTER`
//! to run only programs whose name contains it.

mod common;

use std::path::{Path, PathBuf};

use common::{build_program, repo_root, run_program};

struct Expectation {
    exit_code: i32,
    stderr_lines: Vec<String>,
    stdout: String,
}

fn expectation(program: &Path) -> Result<Expectation, String> {
    let source = std::fs::read_to_string(program).map_err(|e| e.to_string())?;
    let mut exp = Expectation { exit_code: 0, stderr_lines: Vec::new(), stdout: String::new() };
    for line in source.lines() {
        if let Some(rest) = line.strip_prefix("//@ exit-code:") {
            exp.exit_code = rest.trim().parse().map_err(|_| format!("bad directive {line:?}"))?;
        } else if let Some(rest) = line.strip_prefix("//@ stderr: ") {
            exp.stderr_lines.push(rest.to_string());
        }
    }
    let stdout_file = program.with_extension("stdout");
    exp.stdout = std::fs::read_to_string(&stdout_file).map_err(|_| format!("missing expected output {}", stdout_file.display()))?;
    Ok(exp)
}

fn check_program(program: &Path, out_dir: &Path, build_flags: &[&str]) -> Result<(), String> {
    let exp = expectation(program)?;
    let exe = build_program(program, out_dir, build_flags)?;
    let out = run_program(&exe, &[("HYBRID_OFFLOAD", "disabled")])?;
    let mut problems = Vec::new();
    if out.code != exp.exit_code {
        problems.push(format!("exit code {} (expected {})", out.code, exp.exit_code));
    }
    if out.stdout != exp.stdout {
        problems.push(format!("stdout differs:\n--- expected\n{}--- got\n{}", exp.stdout, out.stdout));
    }
    for line in &exp.stderr_lines {
        if !out.stderr.contains(line.as_str()) {
            problems.push(format!("stderr lacks {line:?}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\nstderr:\n{}", problems.join("\n"), out.stderr))
    }
}

#[test]
fn programs_run_in_host_fallback() {
    run_corpus("programs", &[]);
}

#[test]
fn programs_run_with_llvm_host_backend() {
    run_corpus("programs-llvm-host", &["--host-backend=llvm"]);
}

/// Build and check every program (in parallel) with `build_flags`; outputs
/// go to `target/test-scratch/<scratch>`.
fn run_corpus(scratch: &str, build_flags: &[&str]) {
    let dir = repo_root().join("tests/programs");
    let filter = std::env::var("HYBRID_TEST_FILTER").unwrap_or_default();
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .filter(|p| p.file_stem().unwrap().to_string_lossy().contains(filter.as_str()))
        .collect();
    programs.sort();
    assert!(!programs.is_empty(), "no programs in {}", dir.display());
    let out_dir = common::scratch_dir(scratch);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failures = std::sync::Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(8);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(program) = programs.get(i) else { break };
                let name = program.file_stem().unwrap().to_string_lossy().to_string();
                match check_program(program, &out_dir, build_flags) {
                    Ok(()) => eprintln!("program {name} ... ok"),
                    Err(e) => {
                        eprintln!("program {name} ... FAILED");
                        failures.lock().unwrap().push(format!("== {name}: {e}"));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    let passed = programs.len() - failures.len();
    let flags = build_flags.join(" ");
    eprintln!("{} programs [{flags}]: {} passed, {} failed", programs.len(), passed, failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
