#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Library methods (written in Rust in library/core/num) called in a kernel
// and its device helper: the grid size from `div_ceil`, a clamped stencil
// index, a Euclidean wrap-around, a float clamp and signum; checked against
// the same computation on the host.

fn shade(v: f32) -> f32 {
    v.clamp(-1.0, 1.0) * v.signum()
}

#[offload_kernel]
fn kernel(n: usize, x: &[f32], y: &mut [f32], wrap: &mut [i32]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        let left = (i as i64 - 3).clamp(0, n as i64 - 1) as usize;
        y[i] = shade(x[i] - x[left]);
        wrap[i] = (i as i32 - 5).rem_euclid(7) + (i as u32).div_ceil(3) as i32;
    }
}

fn main() {
    let n = 1000usize;
    let mut x = vec![0.0f32; n];
    for i in 0..n {
        x[i] = ((i * 37) % 101) as f32 * 0.03 - 1.2;
    }
    let mut y = vec![0.0f32; n];
    let mut wrap = vec![0i32; n];
    let threads = 128u32;
    let blocks = (n as u32).div_ceil(threads);
    core::intrinsics::offload(kernel, [blocks, 1, 1], [threads, 1, 1], (n, &x, &mut y, &mut wrap));
    let mut errors = 0;
    let mut sum = 0.0f64;
    let mut wsum = 0i64;
    for i in 0..n {
        let left = (i as i64 - 3).clamp(0, n as i64 - 1) as usize;
        let want = shade(x[i] - x[left]);
        let w = (i as i32 - 5).rem_euclid(7) + (i as u32).div_ceil(3) as i32;
        if y[i] != want || wrap[i] != w {
            errors += 1;
        }
        sum += y[i] as f64;
        wsum += wrap[i] as i64;
    }
    println!("blocks={} errors={} sum={:.4} wsum={}", blocks, errors, sum, wsum);
    println!("y[0]={} y[5]={} wrap[0]={} wrap[999]={}", y[0], y[5], wrap[0], wrap[999]);
}
