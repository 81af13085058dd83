#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// A 64-bin histogram: per-block shared bins, then global atomics.
const BINS: usize = 64;

#[offload_kernel]
fn histogram(n: usize, data: &[u8], bins: &mut [u32]) {
    let local = gpu::shared_array::<u32, 64>();
    let tid = gpu::thread_idx_x() as usize;
    if tid < BINS {
        unsafe { (*local)[tid] = 0 };
    }
    gpu::sync_threads();
    let stride = (gpu::grid_dim_x() * gpu::block_dim_x()) as usize;
    let mut i = gpu::global_idx_x() as usize;
    while i < n {
        let b = (data[i] as usize) % BINS;
        unsafe { gpu::atomic_add(&mut (*local)[b] as *mut u32, 1) };
        i += stride;
    }
    gpu::sync_threads();
    if tid < BINS {
        unsafe { gpu::atomic_add(&mut bins[tid] as *mut u32, (*local)[tid]) };
    }
}

fn main() {
    let n = 200_000;
    let mut data = vec![0u8; n];
    let mut seed = 12345u32;
    for i in 0..n {
        seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
        data[i] = (seed >> 16) as u8;
    }
    let mut bins = vec![0u32; BINS];
    core::intrinsics::offload(histogram, [32, 1, 1], [128, 1, 1], (n, &data, &mut bins));
    let mut expected = vec![0u32; BINS];
    for i in 0..n {
        expected[(data[i] as usize) % BINS] += 1;
    }
    let mut same = true;
    let mut total = 0;
    for b in 0..BINS {
        same = same && bins[b] == expected[b];
        total += bins[b];
    }
    println!("histogram total {} matches {} first bins {} {} {}", total, same, bins[0], bins[1], bins[63]);
}
