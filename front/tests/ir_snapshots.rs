//! IR snapshots: every `tests/programs/NAME.rs` lowers, validates, and prints
//! as `tests/ir/NAME.ir`. `BLESS=1` rewrites the `.ir` files. A program the
//! front end rejects is a failure.

use std::path::{Path, PathBuf};

#[test]
fn ir_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("front/ has a parent").to_path_buf();
    let programs = root.join("tests/programs");
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&programs) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "rs")).collect(),
        Err(_) => Vec::new(),
    };
    assert!(!files.is_empty(), "no programs in {}", programs.display());
    files.sort();
    let out_dir = root.join("tests/ir");
    let bless = std::env::var_os("BLESS").is_some();
    if bless {
        std::fs::create_dir_all(&out_dir).unwrap();
    }
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let rel = format!("tests/programs/{name}.rs");
        let source = std::fs::read_to_string(path).unwrap();
        let printed = match hybrid_front::compile(&source, &rel) {
            Ok(out) => hybrid_ir::print::print_module(&out.module),
            Err(d) => {
                failures.push(format!("{rel}: does not compile\n{}", d.render(&source, &rel)));
                continue;
            }
        };
        let snap = out_dir.join(format!("{name}.ir"));
        if bless {
            std::fs::write(&snap, &printed).unwrap();
            continue;
        }
        match std::fs::read_to_string(&snap) {
            Ok(expected) if expected == printed => {}
            Ok(_) => failures.push(format!("{rel}: IR differs from {} (run with BLESS=1 to accept)", snap.display())),
            Err(_) => failures.push(format!("{rel}: missing {} (run with BLESS=1)", snap.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
