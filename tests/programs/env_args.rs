//! `std::env::args()`: the corpus runs it without arguments; `tests/cli.rs` runs it with some (expected outputs from rustc).
use std::env;

fn main() {
    let n: usize = env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(10);
    let rest: Vec<String> = env::args().skip(2).collect();
    println!("n = {n}, {} more: {:?}", rest.len(), rest);
    println!("count {} len {}", env::args().count(), env::args().len());
    let total: usize = (0..n).sum();
    println!("sum {total}");
}
