//! The front end's output does not depend on how many threads lower the
//! bodies: every program of `tests/programs/` prints the same IR, and every
//! program of `tests/errors/` the same diagnostics, with 1, 2, 3 and 7 body
//! threads; and every program that compiles was parsed the fast way (bodies
//! found by the scanner and cut out).

use std::path::{Path, PathBuf};

fn sources(dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no programs in {}", root.display());
    files
        .into_iter()
        .map(|p| (format!("{dir}/{}", p.file_name().unwrap().to_string_lossy()), std::fs::read_to_string(&p).unwrap()))
        .collect()
}

/// The printed IR (or the diagnostics) and how many threads lowered bodies.
fn outcome(source: &str, name: &str, threads: usize) -> (String, usize) {
    match hybrid_front::compile_with_threads(source, name, threads) {
        Ok(out) => {
            // bodies that may declare items are parsed whole (`split::bodies_may_have_items`)
            assert!(out.bodies_cut || out.body_items, "{name}: the body scanner's answer was not confirmed by syn");
            assert!((1..=threads).contains(&out.body_threads), "{name}: {} body threads", out.body_threads);
            (hybrid_ir::print::print_module(&out.module), out.body_threads)
        }
        Err(d) => (format!("ERROR\n{}", d.render(source, name)), 0),
    }
}

#[test]
fn ir_and_errors_do_not_depend_on_the_thread_count() {
    let mut checked = 0;
    let mut most_threads = 0;
    for dir in ["tests/programs", "tests/errors"] {
        for (name, source) in sources(dir) {
            let (one, _) = outcome(&source, &name, 1);
            if dir == "tests/programs" {
                assert!(!one.starts_with("ERROR"), "{name} does not compile:\n{one}");
            }
            for threads in [2, 3, 7] {
                let (many, used) = outcome(&source, &name, threads);
                most_threads = most_threads.max(used);
                assert!(one == many, "{name}: 1 thread and {threads} threads differ:\n--- 1 ---\n{one}\n--- {threads} ---\n{many}");
            }
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} files checked");
    assert!(most_threads >= 5, "no program was lowered on 5 or more threads ({most_threads} at most)");
}
