#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//! GPU kernel benchmark: saxpy over 2^26 f32, blocks of 256; every element checked.
// twin: saxpy.cu
#[offload_kernel]
fn saxpy(n: usize, a: f32, x: &[f32], y: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    if i < n {
        y[i] = a * x[i] + y[i];
    }
}

fn main() {
    let n = 1usize << 26;
    let mut x = vec![0.0f32; n];
    let mut y = vec![0.0f32; n];
    for i in 0..n {
        x[i] = (i % 1000) as f32 * 0.5;
        y[i] = (i % 7) as f32;
    }
    core::intrinsics::offload(saxpy, [(n / 256) as u32, 1, 1], [256, 1, 1], (n, 2.0f32, &x, &mut y));
    let mut bad = 0usize;
    for i in 0..n {
        // 2 * x is exact, so a fused multiply-add gives the same sum
        if y[i] != 2.0 * x[i] + (i % 7) as f32 {
            bad += 1;
        }
    }
    if bad != 0 {
        println!("saxpy WRONG: {} mismatches", bad);
        std::process::exit(1);
    }
    println!("saxpy ok");
}
