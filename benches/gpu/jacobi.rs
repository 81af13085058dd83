#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// GPU benchmark: a 2-D Jacobi 5-point stencil on a 2048x2048 grid, 100
// iterations, one offload each (ping-ponging two grids); prints milliseconds
// end to end and a checksum.
// twin: jacobi.cu (grids resident on the device)
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
    // every element written, as the twin's (no first touch inside the timing)
    for i in 0..n * n {
        let v = if i < n { 100.0 } else { (i % 7) as f32 };
        a[i] = v;
        b[i] = v;
    }
    let grid = [(n / 16) as u32, (n / 16) as u32, 1];
    let block = [16, 16, 1];
    // warm-up, as the twin's: context, module (JIT of the PTX), first launch
    let (w, mut w2) = (vec![0.0f32; 1], vec![0.0f32; 1]);
    core::intrinsics::offload(step, [1, 1, 1], [1, 1, 1], (1, &w, &mut w2));
    let start = std::time::Instant::now();
    for it in 0..100 {
        if it % 2 == 0 {
            core::intrinsics::offload(step, grid, block, (n, &a, &mut b));
        } else {
            core::intrinsics::offload(step, grid, block, (n, &b, &mut a));
        }
    }
    let ms = start.elapsed().as_secs_f64() * 1e3;
    let mut sum = 0.0f64;
    for i in 0..n * n {
        sum += a[i] as f64 + b[i] as f64;
    }
    println!("jacobi_2048_100_ms {:.2}", ms);
    println!("jacobi checksum {:.3}", sum);
}
