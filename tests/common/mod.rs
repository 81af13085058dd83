//! Shared helpers for the integration tests: locating the repo, building a
//! program with the hybridc binary under test, running executables.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn hybridc() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_hybridc"))
}

/// A fresh directory under target/ for one test's outputs.
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = repo_root().join("target/test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `hybridc build PROGRAM -o OUT_DIR/STEM EXTRA..`, run from the repo root so
/// that the program's path (and so panic locations) is `tests/programs/..`.
pub fn build_program(program: &Path, out_dir: &Path, extra: &[&str]) -> Result<PathBuf, String> {
    let stem = program.file_stem().unwrap().to_string_lossy().to_string();
    let exe = out_dir.join(&stem);
    let rel = program.strip_prefix(repo_root()).unwrap_or(program);
    let out = Command::new(hybridc())
        .current_dir(repo_root())
        .arg("build")
        .arg(rel)
        .arg("-o")
        .arg(&exe)
        .arg("--verify")
        .args(extra)
        // Every corpus program must link by placement into the runtime
        // image: no silent fallback to the ordinary link.
        .env("HYBRID_LINKER", "image")
        .output()
        .map_err(|e| format!("cannot run hybridc: {e}"))?;
    if !out.status.success() {
        return Err(format!("hybridc build failed ({}):\n{}", out.status, String::from_utf8_lossy(&out.stderr)));
    }
    Ok(exe)
}

pub struct RunOutput {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run_program(exe: &Path, env: &[(&str, &str)]) -> Result<RunOutput, String> {
    let mut cmd = Command::new(exe);
    cmd.current_dir(repo_root()).env_remove("HYBRID_INFO");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
    use std::os::unix::process::ExitStatusExt;
    let code = out.status.code().unwrap_or_else(|| 128 + out.status.signal().unwrap_or(0));
    Ok(RunOutput {
        code,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    })
}
