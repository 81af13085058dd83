//! A module in `a/mod.rs`, with a child module in `a/b.rs`.
pub mod b;

pub fn sum_to(n: i32) -> i32 {
    let mut s = 0;
    let mut i = 1;
    while i <= n {
        s += i;
        i += 1;
    }
    s
}
