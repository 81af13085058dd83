#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Tiled matrix product with block-shared memory and barriers, checked
// against a host reference (same summation order, so bit-identical).
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
    let n = 70;
    let mut a = vec![0.0f32; n * n];
    let mut b = vec![0.0f32; n * n];
    for i in 0..n * n {
        a[i] = ((i * 7) % 13) as f32 * 0.25 - 1.0;
        b[i] = ((i * 5) % 11) as f32 * 0.5 - 2.0;
    }
    let mut c = vec![0.0f32; n * n];
    let blocks = ((n + TILE - 1) / TILE) as u32;
    core::intrinsics::offload(matmul, [blocks, blocks, 1], [TILE as u32, TILE as u32, 1], (n, &a, &b, &mut c));
    let mut mismatches = 0;
    let mut trace = 0.0f64;
    for row in 0..n {
        for col in 0..n {
            let mut acc = 0.0f32;
            let tiles = (n + TILE - 1) / TILE;
            for t in 0..tiles {
                for k in 0..TILE {
                    let kk = t * TILE + k;
                    let av = if kk < n { a[row * n + kk] } else { 0.0 };
                    let bv = if kk < n { b[kk * n + col] } else { 0.0 };
                    acc += av * bv;
                }
            }
            if acc != c[row * n + col] {
                mismatches += 1;
            }
        }
        trace += c[row * n + row] as f64;
    }
    println!("matmul {}x{}: {} mismatches, trace {}", n, n, mismatches, trace);
}
