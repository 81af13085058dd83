#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//! GPU kernel benchmark: tiled f32 matrix product 2048x2048, 16x16 shared tiles; sampled entries checked against the host.
// twin: matmul.cu
const TILE: usize = 16;

#[offload_kernel]
fn matmul(n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    let ta = gpu::shared_array::<f32, 256>();
    let tb = gpu::shared_array::<f32, 256>();
    let tx = gpu::thread_idx_x() as usize;
    let ty = gpu::thread_idx_y() as usize;
    let col = gpu::block_idx_x() as usize * TILE + tx;
    let row = gpu::block_idx_y() as usize * TILE + ty;
    let mut acc = 0.0f32;
    let tiles = (n + TILE - 1) / TILE;
    for t in 0..tiles {
        let ac = t * TILE + tx;
        let br = t * TILE + ty;
        unsafe {
            (*ta)[ty * TILE + tx] = if row < n && ac < n { a[row * n + ac] } else { 0.0 };
            (*tb)[ty * TILE + tx] = if br < n && col < n { b[br * n + col] } else { 0.0 };
        }
        gpu::sync_threads();
        for k in 0..TILE {
            unsafe {
                acc += (*ta)[ty * TILE + k] * (*tb)[k * TILE + tx];
            }
        }
        gpu::sync_threads();
    }
    if row < n && col < n {
        c[row * n + col] = acc;
    }
}

fn main() {
    let n = 2048;
    let mut a = vec![0.0f32; n * n];
    let mut b = vec![0.0f32; n * n];
    for i in 0..n * n {
        a[i] = ((i * 7) % 13) as f32 * 0.25 - 1.0;
        b[i] = ((i * 5) % 11) as f32 * 0.5 - 2.0;
    }
    let mut c = vec![0.0f32; n * n];
    let blocks = (n / TILE) as u32;
    core::intrinsics::offload(matmul, [blocks, blocks, 1], [TILE as u32, TILE as u32, 1], (n, &a, &b, &mut c));
    let mut bad = 0;
    for s in 0..64 {
        let row = (s * 977) % n;
        let col = (s * 613 + 5) % n;
        let mut acc = 0.0f64;
        for k in 0..n {
            acc += a[row * n + k] as f64 * b[k * n + col] as f64;
        }
        let got = c[row * n + col] as f64;
        if (got - acc).abs() > 1e-3 * (1.0 + acc.abs()) {
            bad += 1;
        }
    }
    if bad != 0 {
        println!("matmul WRONG: {} of 64 samples", bad);
        std::process::exit(1);
    }
    println!("matmul ok");
}
