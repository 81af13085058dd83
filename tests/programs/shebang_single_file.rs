#!/bin/sh -c "a shebang line {"
//@ exit-code: 101
//@ stderr: panicked at tests/programs/shebang_single_file.rs:8:20:
// A shebang line in a program that loads no library file: skipped as rustc skips it, and
// the panic location still right.
fn main() {
    let a = [1u8; 3];
    println!("{}", a[std::hint::black_box(5usize)]);
}
