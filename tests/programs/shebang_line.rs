#!/usr/bin/env run-cargo-script {]
// A shebang line is skipped as rustc skips it (also when the library is loaded: found by
// the crash mutator of tests/diff as an internal compiler error).
fn main() {
    let v = vec![1u8, 2];
    println!("{:?} {}", v, v.iter().map(|x| *x as u32).sum::<u32>());
}
