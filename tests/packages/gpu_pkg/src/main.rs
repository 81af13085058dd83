#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//! A package with its kernels in `src/kernels.rs`, checked against a host
//! reference.
mod kernels;

use kernels::axpy;

fn main() {
    let n = 500usize;
    let mut x = vec![0.0f64; n];
    let mut y = vec![0.0f64; n];
    for i in 0..n {
        x[i] = i as f64 * 0.5;
        y[i] = 1.0;
    }
    core::intrinsics::offload(axpy, [4, 1, 1], [128, 1, 1], (n, 3.0f64, &x, &mut y));
    let mut errors = 0;
    for i in 0..n {
        if y[i] != kernels::reference(3.0, x[i], 1.0) {
            errors += 1;
        }
    }
    assert!(errors == 0);
    println!("gpu-pkg: n={} errors={} y[n-1]={}", n, errors, y[n - 1]);
}
