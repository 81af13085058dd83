#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//! GPU kernel benchmark: block reduction in shared memory plus one atomic add per block, 2^26 u32; the sum checked exactly.
// twin: reduce.cu
#[offload_kernel]
fn block_sum(n: usize, xs: &[u32], total: &mut u32) {
    let cache = gpu::shared_array::<u32, 256>();
    let tid = gpu::thread_idx_x() as usize;
    let i = gpu::global_idx_x() as usize;
    unsafe { (*cache)[tid] = if i < n { xs[i] } else { 0 } };
    gpu::sync_threads();
    let mut stride = 128;
    while stride > 0 {
        if tid < stride {
            unsafe { (*cache)[tid] += (*cache)[tid + stride] };
        }
        gpu::sync_threads();
        stride /= 2;
    }
    if tid == 0 {
        unsafe { gpu::atomic_add(total as *mut u32, (*cache)[0]) };
    }
}

fn main() {
    let n = 1usize << 26;
    let mut xs = vec![0u32; n];
    let mut expected = 0u32;
    for i in 0..n {
        xs[i] = ((i as u64 * 2654435761) % 100_003 % 32) as u32;
        expected += xs[i];
    }
    let mut total = 0u32;
    core::intrinsics::offload(block_sum, [(n / 256) as u32, 1, 1], [256, 1, 1], (n, &xs, &mut total));
    if total != expected {
        println!("reduce WRONG: {} expected {}", total, expected);
        std::process::exit(1);
    }
    println!("reduce ok");
}
