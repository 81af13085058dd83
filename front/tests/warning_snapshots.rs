//! Warning snapshots: every `tests/warnings/NAME.rs` compiles, and its
//! warnings render exactly as `tests/warnings/NAME.stderr`, which is stock
//! rustc's output (`rustc --emit=metadata tests/warnings/NAME.rs`), never
//! blessed from hybridc.

use std::path::{Path, PathBuf};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("front/ has a parent").to_path_buf()
}

#[test]
fn warning_snapshots() {
    let root = repo_root();
    let dir = root.join("tests/warnings");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "expected at least 5 warning programs in {}", dir.display());
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let rel = format!("tests/warnings/{name}.rs");
        let source = std::fs::read_to_string(path).unwrap();
        let rendered = match hybrid_front::compile(&source, &rel) {
            Ok(out) => out.warnings.render(&source, &rel),
            Err(d) => {
                failures.push(format!("{rel}: does not compile\n{}", d.render(&source, &rel)));
                continue;
            }
        };
        let expected = std::fs::read_to_string(path.with_extension("stderr")).unwrap_or_default();
        if expected != rendered {
            failures.push(format!("{rel}: warnings differ from rustc's\n--- rustc\n{expected}\n--- hybridc\n{rendered}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} warning snapshots failed:\n\n{}", failures.len(), files.len(), failures.join("\n\n"));
}

/// Library code never warns, and a program without warnings prints nothing.
#[test]
fn clean_program_has_no_warnings() {
    let source =
        "fn main() {\n    let v: Vec<u32> = (0..4).map(|x| x * 2).collect();\n    println!(\"{:?} {}\", v, v.iter().sum::<u32>());\n}\n";
    let out = hybrid_front::compile(source, "clean.rs").unwrap_or_else(|d| panic!("{}", d.render(source, "clean.rs")));
    assert_eq!(out.warnings.render(source, "clean.rs"), "");
}
