//! Error snapshots: every `tests/errors/NAME.rs` must fail to compile with
//! exactly the diagnostics in `tests/errors/NAME.stderr`. `BLESS=1` rewrites
//! the `.stderr` files.

use std::path::{Path, PathBuf};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("front/ has a parent").to_path_buf()
}

#[test]
fn error_snapshots() {
    let root = repo_root();
    let dir = root.join("tests/errors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "expected at least 20 error programs in {}", dir.display());
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let rel = format!("tests/errors/{name}.rs");
        let source = std::fs::read_to_string(path).unwrap();
        let loader = |p: &Path| std::fs::read_to_string(root.join(p)).ok();
        let rendered = match hybrid_front::compile_with(&source, &rel, 0, &loader) {
            Ok(_) => {
                failures.push(format!("{rel}: compiled without errors"));
                continue;
            }
            Err(d) => d.render(&source, &rel),
        };
        let expected_path = path.with_extension("stderr");
        if bless {
            std::fs::write(&expected_path, &rendered).unwrap();
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == rendered => {}
            Ok(expected) => failures.push(format!("{rel}: diagnostics differ\n--- expected\n{expected}\n--- actual\n{rendered}")),
            Err(_) => failures.push(format!("{rel}: missing {} (run with BLESS=1)\n--- actual\n{rendered}", expected_path.display())),
        }
    }
    assert!(failures.is_empty(), "{} of {} error snapshots failed:\n\n{}", failures.len(), files.len(), failures.join("\n\n"));
}
