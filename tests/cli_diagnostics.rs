//! The command line's diagnostics: warnings on stderr with exit code 0
//! (and the program still built and run), `-A`, `--color`, and several
//! errors of one program in rustc's order (an unresolved call is reported
//! with the type errors, in source order).

mod common;

use std::process::Command;

use common::{hybridc, scratch_dir};

const WARNS: &str = "fn unused_helper() {}\n\nfn main() {\n    let mut x = 2;\n    let y = 3;\n    println!(\"{}\", x);\n}\n";

fn check(dir: &std::path::Path, source: &str, args: &[&str]) -> (Option<i32>, String) {
    let file = dir.join("prog.rs");
    std::fs::write(&file, source).unwrap();
    let out = Command::new(hybridc()).arg("check").args(args).arg(&file).output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn warnings_do_not_fail_the_build() {
    let dir = scratch_dir("diag-warnings");
    let file = dir.join("prog.rs");
    std::fs::write(&file, WARNS).unwrap();
    let out = Command::new(hybridc()).arg("run").arg("--color=never").arg(&file).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "2\n");
    assert!(stderr.contains("warning: variable does not need to be mutable\n"), "{stderr}");
    assert!(stderr.contains("warning: unused variable: `y`\n"), "{stderr}");
    assert!(stderr.contains("warning: function `unused_helper` is never used\n"), "{stderr}");
    assert!(stderr.ends_with("warning: 3 warnings emitted\n\n"), "{stderr}");
}

#[test]
fn allow_flag_silences_lints() {
    let dir = scratch_dir("diag-allow");
    let (code, stderr) = check(&dir, WARNS, &["-A", "warnings"]);
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    let (code, stderr) = check(&dir, WARNS, &["-A", "dead_code", "-A", "unused_mut", "--color=never"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("never used") && !stderr.contains("mutable"), "{stderr}");
    assert!(stderr.contains("unused variable: `y`") && stderr.ends_with("warning: 1 warning emitted\n\n"), "{stderr}");
}

#[test]
fn color_always_and_never() {
    let dir = scratch_dir("diag-color");
    let (_, plain) = check(&dir, WARNS, &["--color=never"]);
    assert!(!plain.contains('\x1b'), "{plain}");
    let (code, styled) = check(&dir, WARNS, &["--color=always"]);
    assert_eq!(code, Some(0));
    // rustc's: a bold yellow `warning`, a bold bright blue gutter
    assert!(styled.starts_with("\x1b[1m\x1b[33mwarning"), "{styled:?}");
    assert!(styled.contains("\x1b[1m\x1b[94m"), "{styled:?}");
    // (not a terminal: auto is plain)
    let (_, auto) = check(&dir, WARNS, &[]);
    assert_eq!(auto, plain);
}

#[test]
fn errors_of_every_body_in_rustcs_order() {
    let dir = scratch_dir("diag-errors");
    let source = "fn a() -> u32 {\n    true\n}\n\nfn b() {\n    let v = 1;\n    v = 2;\n}\n\nfn main() {\n    missing();\n}\n";
    let (code, stderr) = check(&dir, source, &["--color=never"]);
    assert_eq!(code, Some(1), "{stderr}");
    let heads: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error")).collect();
    assert_eq!(
        heads,
        [
            "error[E0308]: mismatched types",
            "error[E0425]: cannot find function `missing` in this scope",
            "error[E0384]: cannot assign twice to immutable variable `v`",
            "error: aborting due to 3 previous errors",
        ],
        "{stderr}"
    );
    assert!(
        stderr.ends_with(
            "Some errors have detailed explanations: E0308, E0384, E0425.\nFor more information about an error, try `rustc --explain E0308`.\n"
        ),
        "{stderr}"
    );
}
