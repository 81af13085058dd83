#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// A generic kernel using its bound's associated consts, launched for f32
// and f64: each instance reads its own type's `ZERO`, `ONE` and `SCALE`.
use std::ops::{Add, Mul};

trait Real: Copy + Add<Output = Self> + Mul<Output = Self> + PartialOrd {
    const ZERO: Self;
    const ONE: Self;
    const SCALE: Self;
    fn from_index(i: usize) -> Self;
}

impl Real for f32 {
    const ZERO: f32 = 0.0;
    const ONE: f32 = 1.0;
    const SCALE: f32 = 0.5;
    fn from_index(i: usize) -> f32 {
        i as f32
    }
}

impl Real for f64 {
    const ZERO: f64 = 0.0;
    const ONE: f64 = 1.0;
    const SCALE: f64 = 0.25;
    fn from_index(i: usize) -> f64 {
        i as f64
    }
}

#[offload_kernel]
fn ramp<T: Real>(n: usize, out: &mut [T]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        let x = T::from_index(i) * T::SCALE + <T as Real>::ONE;
        out[i] = if x > T::from_index(20) { T::ZERO } else { x };
    }
}

fn main() {
    let n = 100;
    let mut a = vec![7.0f32; n];
    let mut b = vec![7.0f64; n];
    let blocks = (n as u32 + 31) / 32;
    core::intrinsics::offload(ramp::<f32>, [blocks, 1, 1], [32, 1, 1], (n, &mut a));
    core::intrinsics::offload(ramp::<f64>, [blocks, 1, 1], [32, 1, 1], (n, &mut b));
    let mut sa = 0.0f32;
    let mut sb = 0.0f64;
    for i in 0..n {
        sa += a[i];
        sb += b[i];
    }
    println!("{} {} {} {}", a[3], a[99], b[3], b[99]);
    println!("{} {}", sa, sb);
}
