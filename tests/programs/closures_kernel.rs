#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Closures in device code: passed to generic device helpers (Fn and FnMut),
// capturing another closure, and a closure stored in a generic struct, all
// inside a kernel; plus one closure type stored in an array and a Vec.

fn apply<F: Fn(f32) -> f32>(f: F, v: f32) -> f32 {
    f(v)
}

fn accumulate<F: FnMut(u32)>(n: u32, mut f: F) {
    for i in 0..n {
        f(i);
    }
}

struct Scaled<F: Fn(f32) -> f32> {
    f: F,
    k: f32,
}

impl<F: Fn(f32) -> f32> Scaled<F> {
    fn at(&self, x: f32) -> f32 {
        (self.f)(x) * self.k
    }
}

#[offload_kernel]
fn k(out: &mut [f32; 32], bias: f32) {
    let i = gpu::thread_idx_x() as usize;
    let x = i as f32;
    let shift = move |v: f32| v + bias;
    let twice_shift = |v: f32| shift(shift(v));
    let mut sum = 0.0f32;
    accumulate(4, |j| sum += j as f32);
    let s = Scaled { f: twice_shift, k: 0.5 };
    out[i] = apply(|x| x * 2.0, x) + s.at(x) + sum;
}

fn main() {
    let mut out = [0.0f32; 32];
    core::intrinsics::offload(k, [1, 1, 1], [32, 1, 1], (&mut out, 1.5f32));
    println!("{} {} {}", out[0], out[1], out[31]);
    let k = 3;
    let table = [move |x: i32| x * k; 4];
    let v = vec![move |x: i32| x - k; 3];
    let mut t = 0;
    for i in 0..4 {
        t += table[i](i as i32);
    }
    println!("{} {} {}", t, v.len(), v[2](10));
}
