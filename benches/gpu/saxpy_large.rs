#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//! GPU benchmark: one large offload end to end, saxpy of 2^26 floats
//! (`&[f32]` x to the device, `&mut [f32]` y to the device and back: 768 MiB
//! over the link), repeated; prints milliseconds per offload.
// twin: saxpy_large.cu (cudaMemcpy pageable x and y, launch, cudaMemcpy y back)
#[offload_kernel]
fn saxpy(n: usize, a: f32, x: &[f32], y: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    if i < n {
        y[i] = a * x[i] + y[i];
    }
}

fn main() {
    let n = 1usize << 26;
    let x = vec![1.0f32; n];
    let mut y = vec![0.0f32; n];
    for i in 0..n {
        y[i] = (i % 1024) as f32;
    }
    let grid = [(n / 256) as u32, 1, 1];
    let block = [256, 1, 1];
    // warm-up, as the twin's: context, module, the device buffers
    core::intrinsics::offload(saxpy, grid, block, (n, 0.0f32, &x[..], &mut y[..]));
    let reps = 5;
    let start = std::time::Instant::now();
    for _ in 0..reps {
        core::intrinsics::offload(saxpy, grid, block, (n, 2.0f32, &x[..], &mut y[..]));
    }
    let ms = start.elapsed().as_secs_f64() * 1e3 / reps as f64;
    let mut sum = 0.0f64;
    for i in 0..n {
        sum += y[i] as f64;
    }
    println!("saxpy_2p26_offload_ms {:.2}", ms);
    println!("saxpy checksum {:.1}", sum);
}
