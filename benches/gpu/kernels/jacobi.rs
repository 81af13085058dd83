#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//! GPU kernel benchmark: one Jacobi 5-point step on a 2048x2048 f32 grid, 16x16 blocks; every element checked against the host.
// twin: jacobi.cu
#[offload_kernel]
fn step(n: usize, src: &[f32], dst: &mut [f32]) {
    let x = (gpu::block_idx_x() * gpu::block_dim_x() + gpu::thread_idx_x()) as usize;
    let y = (gpu::block_idx_y() * gpu::block_dim_y() + gpu::thread_idx_y()) as usize;
    if x < n && y < n {
        let i = y * n + x;
        if x == 0 || y == 0 || x == n - 1 || y == n - 1 {
            dst[i] = src[i];
        } else {
            dst[i] = 0.25 * (src[i - 1] + src[i + 1] + src[i - n] + src[i + n]);
        }
    }
}

fn main() {
    let n = 2048;
    let mut a = vec![0.0f32; n * n];
    let mut b = vec![0.0f32; n * n];
    for i in 0..n * n {
        a[i] = if i < n { 100.0 } else { (i % 7) as f32 };
    }
    core::intrinsics::offload(step, [(n / 16) as u32, (n / 16) as u32, 1], [16, 16, 1], (n, &a, &mut b));
    let mut bad = 0usize;
    for y in 0..n {
        for x in 0..n {
            let i = y * n + x;
            let want = if x == 0 || y == 0 || x == n - 1 || y == n - 1 {
                a[i]
            } else {
                0.25 * (a[i - 1] + a[i + 1] + a[i - n] + a[i + n])
            };
            if b[i] != want {
                bad += 1;
            }
        }
    }
    if bad != 0 {
        println!("jacobi WRONG: {} mismatches", bad);
        std::process::exit(1);
    }
    println!("jacobi ok");
}
