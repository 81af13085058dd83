//@ exit-code: 101
//@ stderr: thread 'main' (
//@ stderr: ) panicked at tests/programs/bounds_panic.rs:14:13:
//@ stderr: index out of bounds: the len is 4 but the index is 7
// Indexing out of bounds panics on the host with Rust's message and exit code 101.
fn pick(xs: &[u32], i: usize) -> u32 {
    xs[i]
}

fn main() {
    let a = [10u32, 20, 30, 40];
    println!("{}", pick(&a, 3));
    let i = a.len() + 3;
    let v = a[i];
    println!("unreachable {}", v);
}
