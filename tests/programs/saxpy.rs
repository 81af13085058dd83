#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// saxpy over Vec<f32> slices: &[f32] in, &mut [f32] in and out, a scalar by
// value; n is not a multiple of the block size, so the bounds `if` matters.

#[offload_kernel]
fn saxpy(n: usize, a: f32, x: &[f32], y: &mut [f32]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        y[i] = a * x[i] + y[i];
    }
}

fn main() {
    let n = 100_003;
    let mut x = vec![0.0f32; n];
    let mut y = vec![0.0f32; n];
    for i in 0..n {
        x[i] = (i % 1000) as f32 * 0.5;
        y[i] = 1.0 - (i % 7) as f32;
    }
    let a = 2.5f32;
    let threads = 256u32;
    let blocks = (n as u32 + threads - 1) / threads;
    core::intrinsics::offload(saxpy, [blocks, 1, 1], [threads, 1, 1], (n, a, &x, &mut y));
    let mut errors = 0;
    let mut checksum = 0.0f64;
    for i in 0..n {
        let expected = a * ((i % 1000) as f32 * 0.5) + (1.0 - (i % 7) as f32);
        if y[i] != expected {
            errors += 1;
        }
        checksum += y[i] as f64;
    }
    assert!(errors == 0);
    println!("saxpy n={} blocks={} errors={} checksum={}", n, blocks, errors, checksum);
    println!("y[0]={} y[1]={} y[n-1]={}", y[0], y[1], y[n - 1]);
}
