#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// A kernel calling a helper that host code calls too: the helper is compiled
// for both sides and must agree bit for bit (no FMA contraction).
fn poly(x: f64) -> f64 {
    let mut acc = 0.0;
    let mut k = 0;
    while k < 5 {
        acc = acc * x + (k as f64 + 0.5);
        k += 1;
    }
    acc / (1.0 + x * x)
}

fn clamp_index(i: u32, n: u32) -> u32 {
    if i >= n { n - 1 } else { i }
}

#[offload_kernel]
fn eval(n: u32, xs: &[f64], out: &mut [f64]) {
    let i = gpu::global_idx_x();
    if i < n {
        let j = clamp_index(i, n) as usize;
        out[j] = poly(xs[j]);
    }
}

fn main() {
    let n = 777u32;
    let mut xs = vec![0.0; n as usize];
    for i in 0..n as usize {
        xs[i] = (i as f64) * 0.013 - 3.7;
    }
    let mut out = vec![0.0; n as usize];
    core::intrinsics::offload(eval, [7, 1, 1], [128, 1, 1], (n, &xs, &mut out));
    let mut same = 0;
    let mut total = 0.0;
    for i in 0..n as usize {
        if out[i] == poly(xs[i]) {
            same += 1;
        }
        total += out[i];
    }
    println!("{} of {} identical, total {:.6}", same, n, total);
}
