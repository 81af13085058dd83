//! Cargo-layout packages (`tests/packages/NAME/`: `Cargo.toml` + `src/main.rs`
//! and module files): `hybridc build DIR` and `hybridc build` in the
//! directory name the executable after the package and put it in
//! `DIR/target/hybrid/`; diagnostics name the module file.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{hybridc, repo_root, run_program, scratch_dir};

/// A copy of fixture package `name` in a scratch directory of its own per
/// test (builds write `target/` inside the package).
fn copy_package(name: &str, test: &str) -> PathBuf {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let dest = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                if entry.file_name() != "target" {
                    copy(&entry.path(), &dest);
                }
            } else {
                std::fs::copy(entry.path(), dest).unwrap();
            }
        }
    }
    let dir = scratch_dir(&format!("package-{test}")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    copy(&repo_root().join("tests/packages").join(name), &dir);
    dir
}

fn check_built(dir: &Path, exe_name: &str) {
    let exe = dir.join("target/hybrid").join(exe_name);
    assert!(exe.is_file(), "no executable {}", exe.display());
    let out = run_program(&exe, &[("HYBRID_OFFLOAD", "disabled")]).unwrap();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, std::fs::read_to_string(dir.join("expected.stdout")).unwrap());
}

#[test]
fn build_dir_names_the_executable_after_the_package() {
    let dir = copy_package("modtree", "build_dir_names_the_executable_after_the_package");
    let out = Command::new(hybridc()).arg("build").arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    check_built(&dir, "modtree-demo");
}

#[test]
fn build_without_a_file_builds_the_current_directory() {
    let dir = copy_package("gpu_pkg", "build_without_a_file_builds_the_current_directory");
    let out = Command::new(hybridc()).arg("build").current_dir(&dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    check_built(&dir, "gpu-pkg");
}

#[test]
fn run_dir_runs_the_package() {
    let dir = copy_package("modtree", "run_dir_runs_the_package");
    let out = Command::new(hybridc()).arg("run").arg(&dir).env("HYBRID_OFFLOAD", "disabled").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), std::fs::read_to_string(dir.join("expected.stdout")).unwrap());
}

#[test]
fn errors_in_module_files_name_the_file() {
    let dir = copy_package("modtree", "errors_in_module_files_name_the_file");
    std::fs::write(dir.join("src/m.rs"), "pub fn twice(x: i32) -> i32 {\n    x * undefined\n}\n").unwrap();
    let out = Command::new(hybridc()).arg("check").arg(&dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error[E0425]: cannot find value `undefined` in this scope"), "{stderr}");
    assert!(stderr.contains("--> src/m.rs:2:9"), "{stderr}");
}

#[test]
fn a_missing_module_file_is_e0583() {
    let dir = copy_package("modtree", "a_missing_module_file_is_e0583");
    std::fs::remove_file(dir.join("src/c/d.rs")).unwrap();
    let out = Command::new(hybridc()).arg("check").arg(&dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("error[E0583]: file not found for module `d`"), "{stderr}");
    assert!(stderr.contains("--> src/c.rs:2:1"), "{stderr}");
    assert!(stderr.contains("create file \"src/c/d.rs\" or \"src/c/d/mod.rs\""), "{stderr}");
}

#[test]
fn a_directory_without_cargo_toml_is_an_error() {
    let dir = scratch_dir("package-none");
    let out = Command::new(hybridc()).arg("build").arg(&dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("Cargo.toml"), "{stderr}");
}
