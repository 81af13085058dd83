#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//! Multi-GPU scaling (issue 15): a bandwidth-bound triad a = b + s*c over
//! 3 x 2^28 floats (3 GiB) split in two slabs, preloaded, then 20 rounds of
//! one kernel per slab queued before one offload_sync; once with both slabs
//! on GPU 0, once with slab k on GPU k % GPUs. Prints kernel time (ms) of
//! each and the speed-up; run with HYBRID_OFFLOAD=mandatory on a machine
//! with 2 GPUs (on one GPU both runs use it: speed-up ~1).
use core::offload::{offload_sync, preload_mut_on, preload_on};

#[offload_kernel]
fn triad(n: usize, s: f32, b: &[f32], c: &[f32], a: &mut [f32]) {
    let stride = (gpu::grid_dim_x() * gpu::block_dim_x()) as usize;
    let mut i = gpu::global_idx_x() as usize;
    while i < n {
        a[i] = b[i] + s * c[i];
        i += stride;
    }
}

/// Kernel time of 20 rounds with slab k on device `dev[k]`.
fn rounds(dev: [i32; 2], a: &mut [f32], b: &[f32], c: &[f32]) -> f64 {
    let half = a.len() / 2;
    let (a0, a1) = a.split_at_mut(half);
    let (b0, b1) = b.split_at(half);
    let (c0, c1) = c.split_at(half);
    let (gb0, gc0, gb1, gc1) = (preload_on(dev[0], b0), preload_on(dev[0], c0), preload_on(dev[1], b1), preload_on(dev[1], c1));
    let mut ga0 = preload_mut_on(dev[0], a0);
    let mut ga1 = preload_mut_on(dev[1], a1);
    let (grid, block) = ([132 * 16, 1, 1], [256, 1, 1]);
    // warm-up round (module load on each device)
    core::intrinsics::offload(triad, grid, block, 0, dev[0], (half, 2.0f32, &*gb0, &*gc0, &mut *ga0));
    core::intrinsics::offload(triad, grid, block, 0, dev[1], (half, 2.0f32, &*gb1, &*gc1, &mut *ga1));
    offload_sync();
    let start = std::time::Instant::now();
    for _ in 0..20 {
        core::intrinsics::offload(triad, grid, block, 0, dev[0], (half, 2.0f32, &*gb0, &*gc0, &mut *ga0));
        core::intrinsics::offload(triad, grid, block, 0, dev[1], (half, 2.0f32, &*gb1, &*gc1, &mut *ga1));
    }
    offload_sync();
    let ms = start.elapsed().as_secs_f64() * 1e3;
    drop(ga0);
    drop(ga1);
    drop(gb0);
    drop(gc0);
    drop(gb1);
    drop(gc1);
    ms
}

fn main() {
    let gpus = core::intrinsics::offload_get_num_devices().max(1);
    let n = 1usize << 28;
    let b = vec![1.0f32; n];
    let c = vec![0.5f32; n];
    let mut a = vec![0.0f32; n];
    let one = rounds([0, 0], &mut a, &b, &c);
    let ok_one = a[0] == 2.0 && a[n - 1] == 2.0;
    a[0] = 0.0;
    a[n - 1] = 0.0;
    let all = rounds([0, 1 % gpus], &mut a, &b, &c);
    let ok_all = a[0] == 2.0 && a[n - 1] == 2.0;
    let gbytes = 20.0 * 3.0 * 4.0 * n as f64 / 1e9;
    println!("GPUs: {}, results right: {}", gpus, ok_one && ok_all);
    println!("scaling_1gpu_ms {:.2} ({:.0} GB/s)", one, gbytes / one * 1e3);
    println!("scaling_all_ms {:.2} ({:.0} GB/s)", all, gbytes / all * 1e3);
    println!("speed-up {:.2}x", one / all);
}
