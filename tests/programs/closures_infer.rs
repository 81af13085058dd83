// Closures passed to generic functions: the types their bodies need of the
// captured locals (an index, a u64 sum) are inferred in the maker's body.
fn repeat<F: FnMut()>(n: u32, mut f: F) {
    for _ in 0..n {
        f();
    }
}
fn each<F: FnMut(usize)>(n: usize, mut f: F) {
    for i in 0..n {
        f(i);
    }
}
fn main() {
    let mut log = [0u32; 5];
    let mut n = 0;
    repeat(5, || {
        log[n] = (n * n) as u32;
        n += 1;
    });
    println!("{:?} {}", log, n);
    let mut big = 0;
    each(3, |i| big += i as u64 * 5_000_000_000);
    let expect: u64 = big;
    println!("{}", expect);
}
