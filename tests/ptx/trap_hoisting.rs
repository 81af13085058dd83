#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//! Device bounds checks hoisted to one (llvm/src/ptx/trap_hoist.rs): `gathered` reads three slices and writes two after a branch, all at one index behind the usual `if i < n` guard: one trap before the first load; `arms` has a check in each arm of an `if`/`else`: a trap in each.
#[offload_kernel]
fn gathered(n: usize, a: &[f32], b: &[f32], c: &[f32], lo: &mut [f32], hi: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    if i < n {
        let (x, y, z) = (a[i], b[i], c[i]);
        let m = if x > y { (x - y).sqrt() } else { (y - x) * 0.5 };
        lo[i] = m * z;
        hi[i] = m + z;
    }
}

#[offload_kernel]
fn arms(n: usize, src: &[f32], dst: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    if i < n {
        if i == 0 || i == n - 1 {
            dst[i] = src[i];
        } else {
            dst[i] = src[i - 1] + src[i + 1];
        }
    }
}

fn main() {
    let n = 8;
    let a: Vec<f32> = (0..n).map(|k| k as f32).collect();
    let b: Vec<f32> = (0..n).map(|k| (n - k) as f32).collect();
    let c = vec![2.0f32; n];
    let (mut lo, mut hi) = (vec![0.0f32; n], vec![0.0f32; n]);
    core::intrinsics::offload(gathered, [1, 1, 1], [8, 1, 1], (n, &a, &b, &c, &mut lo, &mut hi));
    println!("{:?}\n{:?}", lo, hi);
    let mut d = vec![0.0f32; n];
    core::intrinsics::offload(arms, [1, 1, 1], [8, 1, 1], (n, &a, &mut d));
    println!("{:?}", d);
    // `hi` one short: the last thread's check fails (a trap on the GPU, a panic in host fallback)
    let mut short = vec![0.0f32; n - 1];
    core::intrinsics::offload(gathered, [1, 1, 1], [8, 1, 1], (n, &a, &b, &c, &mut lo, &mut short));
    println!("unreachable");
}
