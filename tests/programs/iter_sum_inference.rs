// Integer literals typed through a trait bound, as rustc infers them:
// `(1..=10).sum::<u32>()`, `let s: u64 = (0..n).map(|i| i * i).sum()`
// (the range's `{integer}` is u64 because `u64: Sum<u64>` is the one impl
// that fits), products, and sums of references.
fn sum_squares(n: u64) -> u64 {
    (0..n).map(|i| i * i).sum()
}

fn main() {
    let a = (1..=10).sum::<u32>();
    let n = 100000;
    let s: u64 = (0..n).map(|i| i * 3).sum();
    let p: u64 = (1..=20).product();
    let q = (1..=5).map(|x| x * 2).product::<i64>();
    let v = [1, 2, 3];
    let t: i64 = v.iter().sum();
    let w = [100, 20, 3];
    let u = w.iter().map(|x| x * 2).sum::<u16>();
    let evens: u64 = (0..50).filter(|x| x % 2 == 0).sum();
    let mut check = 0u64;
    let mut i = 0u64;
    while i < 50 {
        check += i;
        i += 2;
    }
    println!("{} {} {} {} {} {}", a, s, p, q, t, u);
    println!("{} {} {}", evens, evens == check, sum_squares(1000));
}
