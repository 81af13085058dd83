#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Kernels inside `mod kernels`, with a device helper in a sibling module:
// launched by path (`kernels::saxpy`) and through `use`; the results are
// checked against a host reference.
mod helpers {
    pub fn clamp01(x: f32) -> f32 {
        if x < 0.0 {
            0.0
        } else if x > 1.0 {
            1.0
        } else {
            x
        }
    }
}

mod kernels {
    use core::arch::nvptx::*;

    #[offload_kernel]
    pub fn saxpy(n: usize, a: f32, x: &[f32], y: &mut [f32]) {
        let i = (_block_idx_x() * _block_dim_x() + _thread_idx_x()) as usize;
        if i < n {
            y[i] = a * x[i] + y[i];
        }
    }

    #[offload_kernel]
    pub fn clamp_all(n: usize, y: &mut [f32]) {
        let i = gpu::global_idx_x() as usize;
        if i < n {
            y[i] = crate::helpers::clamp01(y[i]);
        }
    }
}

use kernels::clamp_all;

fn main() {
    let n = 1000;
    let mut x = vec![0.0f32; n];
    let mut y = vec![0.0f32; n];
    let mut expected = vec![0.0f32; n];
    for i in 0..n {
        x[i] = (i % 10) as f32 * 0.1;
        y[i] = (i % 3) as f32 * 0.25 - 0.4;
        expected[i] = helpers::clamp01(0.5 * x[i] + y[i]);
    }
    let threads = 128u32;
    let blocks = (n as u32 + threads - 1) / threads;
    core::intrinsics::offload(kernels::saxpy, [blocks, 1, 1], [threads, 1, 1], (n, 0.5f32, &x, &mut y));
    core::intrinsics::offload(clamp_all, [blocks, 1, 1], [threads, 1, 1], (n, &mut y));
    let mut errors = 0;
    let mut sum = 0.0f64;
    for i in 0..n {
        if y[i] != expected[i] {
            errors += 1;
        }
        sum += y[i] as f64;
    }
    assert!(errors == 0);
    println!("kernels::saxpy + clamp_all: n={} errors={} sum={:.3}", n, errors, sum);
}
