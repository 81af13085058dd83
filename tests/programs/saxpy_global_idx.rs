#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// The portable geometry functions and the simple kernel form.
use core::intrinsics::offload;

#[offload_kernel]
fn saxpy(n: usize, a: f64, x: &[f64], y: &mut [f64]) {
    let i = gpu::global_idx_x() as usize;
    if i < n {
        y[i] = a * x[i] + y[i];
    }
}

fn main() {
    let n = 1000;
    let x = vec![1.5f64; n];
    let mut y = vec![0.25; n];
    offload(saxpy, [8, 1, 1], [128, 1, 1], (n, 2.0, &x, &mut y));
    let mut ok = true;
    for i in 0..n {
        ok = ok && y[i] == 3.25;
    }
    assert!(ok);
    println!("{} {} {}", y[0], y[999], ok);
}
