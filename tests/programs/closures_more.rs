// Closures: FnMut state passed to generic functions, FnOnce called once,
// closures capturing closures, a closure returned from a closure, and
// closures stored in the fields of generic structs.

fn repeat<F: FnMut()>(n: u32, mut f: F) {
    for _ in 0..n {
        f();
    }
}

fn fold<F: FnMut(i64, i64) -> i64>(xs: &[i64], init: i64, mut f: F) -> i64 {
    let mut acc = init;
    for i in 0..xs.len() {
        acc = f(acc, xs[i]);
    }
    acc
}

fn consume<F: FnOnce() -> i32>(f: F) -> i32 {
    f()
}

fn apply_twice<F>(f: F, x: f32) -> f32
where
    F: Fn(f32) -> f32,
{
    f(f(x))
}

struct Map<F: Fn(f32) -> f32> {
    f: F,
    k: f32,
}

impl<F: Fn(f32) -> f32> Map<F> {
    fn run(&self, x: f32) -> f32 {
        (self.f)(x) * self.k
    }
}

struct Pair<F, G> {
    first: F,
    second: G,
}

impl<F: Fn(i32) -> i32, G: Fn(i32) -> i32> Pair<F, G> {
    fn both(&self, x: i32) -> i32 {
        (self.second)((self.first)(x))
    }
}

fn main() {
    let mut count = 0;
    repeat(4, || count += 3);
    println!("{}", count);
    let mut log = [0u32; 5];
    let mut n = 0usize;
    repeat(5, || {
        log[n] = (n * n) as u32;
        n += 1;
    });
    println!("{:?} {}", log, n);
    let mut calls = 0;
    let total = fold(&[1, 2, 3, 4], 10, |a, b| {
        calls += 1;
        a + b * b
    });
    println!("{} {}", total, calls);
    let base = 40;
    println!("{}", consume(move || base + 2));
    let double = |x: f32| x * 2.0;
    let inc_then_double = |x: f32| double(x + 1.0);
    println!("{}", apply_twice(inc_then_double, 1.0));
    let make_adder = |n: i32| move |x: i32| x + n;
    let add5 = make_adder(5);
    println!("{}", add5(10));
    let m = Map { f: |x| x + 1.0, k: 2.0 };
    println!("{}", m.run(3.0));
    let offset = 0.5f32;
    let m2 = Map { f: move |x| x * x - offset, k: 3.0 };
    println!("{}", m2.run(2.0));
    let p = Pair { first: |x| x * 10, second: add5 };
    println!("{}", p.both(4));
}
