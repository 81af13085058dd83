#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Closures: passed to generic functions with Fn / FnMut / FnOnce bounds,
// called directly, capturing by reference (reading and mutating) and by
// `move`, parameter types inferred from the call, `return` inside a
// closure, closures calling closures, and a closure used inside a kernel.

fn apply<F: Fn(f32) -> f32>(f: F, x: f32) -> f32 {
    f(x)
}

fn twice<F>(f: F, x: i32) -> i32
where
    F: Fn(i32) -> i32,
{
    f(f(x))
}

fn repeat<F: FnMut()>(mut f: F, n: usize) {
    for _ in 0..n {
        f();
    }
}

fn consume<F: FnOnce() -> i64>(f: F) -> i64 {
    f()
}

fn compose(a: i32) -> i32 {
    let add = |x: i32| x + a;
    let mul = |x| x * 3;
    mul(add(1))
}

fn map_all(v: &mut [f32], f: impl Fn(f32) -> f32) {
    for i in 0..v.len() {
        v[i] = f(v[i]);
    }
}

#[offload_kernel]
fn scale_all(n: usize, k: f32, out: &mut [f32]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        out[i] = apply(|x| x * k + 1.0, out[i]);
    }
}

fn main() {
    let k = 2.5f32;
    println!("{}", apply(|x| x * k, 4.0));
    println!("{}", twice(|x| x + 10, 1));
    let mut count = 0;
    repeat(|| count += 2, 5);
    println!("count {}", count);
    let big = 40i64;
    println!("{}", consume(move || big + 2));
    println!("{}", compose(4));
    let clamp = |x: i32| {
        if x > 10 {
            return 10;
        }
        x
    };
    println!("{} {}", clamp(3), clamp(42));
    let mut v = [1.0f32, 2.0, 3.0];
    map_all(&mut v, |x| x * x);
    println!("{} {} {}", v[0], v[1], v[2]);

    let n = 500;
    let mut out = vec![0.0f32; n];
    for i in 0..n {
        out[i] = i as f32;
    }
    core::intrinsics::offload(scale_all, [4, 1, 1], [128, 1, 1], (n, 0.5f32, &mut out));
    let mut bad = 0;
    for i in 0..n {
        if out[i] != i as f32 * 0.5 + 1.0 {
            bad += 1;
        }
    }
    println!("kernel bad={} out[7]={}", bad, out[7]);
}
