#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// A kernel calling the methods of generic impls of generic traits
// (`Scale<T> for Vec2<T>`, `From<T> for Wrapper<T>`), instantiated for
// f32, checked against the same computation in a host loop.
use std::ops::{Add, Mul};

#[derive(Clone, Copy, Debug, PartialEq)]
struct Vec2<T> {
    x: T,
    y: T,
}

trait Scale<K> {
    fn scale(&self, k: K) -> Self;
    fn dot(&self, o: &Self) -> K;
}

impl<T: Mul<Output = T> + Add<Output = T> + Copy> Scale<T> for Vec2<T> {
    fn scale(&self, k: T) -> Self {
        Vec2 { x: self.x * k, y: self.y * k }
    }
    fn dot(&self, o: &Self) -> T {
        self.x * o.x + self.y * o.y
    }
}

#[derive(Clone, Copy)]
struct Wrapper<T> {
    value: T,
}

impl<T: Copy> From<T> for Wrapper<T> {
    fn from(value: T) -> Self {
        Wrapper { value }
    }
}

fn step(v: Vec2<f32>, k: f32) -> f32 {
    let w = Wrapper::from(k);
    let s = v.scale(w.value);
    Scale::dot(&s, &v)
}

#[offload_kernel]
fn apply(n: usize, k: f32, vs: &[Vec2<f32>], out: &mut [f32]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        out[i] = step(vs[i], k);
    }
}

fn main() {
    let n = 200;
    let mut vs = Vec::new();
    for i in 0..n {
        vs.push(Vec2 { x: i as f32 * 0.5, y: 3.0 - i as f32 });
    }
    let mut out = vec![0.0f32; n];
    let blocks = (n as u32 + 63) / 64;
    core::intrinsics::offload(apply, [blocks, 1, 1], [64, 1, 1], (n, 1.5f32, &vs, &mut out));
    let mut same = 0;
    for i in 0..n {
        if out[i] == step(vs[i], 1.5) {
            same += 1;
        }
    }
    println!("{} of {} match", same, n);
    println!("{} {} {}", out[0], out[7], out[199]);
}
