#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Block reduction in shared memory, then one atomic add per block.
#[offload_kernel]
fn block_sum(n: usize, xs: &[u32], total: &mut u64, maxv: &mut u32) {
    let cache = gpu::shared_array::<u64, 256>();
    let tid = gpu::thread_idx_x() as usize;
    let i = gpu::global_idx_x() as usize;
    let v = if i < n { xs[i] } else { 0 };
    unsafe { (*cache)[tid] = v as u64 };
    gpu::atomic_max(maxv as *mut u32, v);
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
        unsafe { gpu::atomic_add(total as *mut u64, (*cache)[0]) };
    }
}

fn main() {
    let n = 100_000;
    let mut xs = vec![0u32; n];
    let mut expected = 0u64;
    let mut expected_max = 0u32;
    for i in 0..n {
        xs[i] = ((i as u64 * 2654435761) % 100_003) as u32;
        expected += xs[i] as u64;
        expected_max = expected_max.max(xs[i]);
    }
    let mut total = 0u64;
    let mut maxv = 0u32;
    let blocks = ((n + 255) / 256) as u32;
    core::intrinsics::offload(block_sum, [blocks, 1, 1], [256, 1, 1], (n, &xs, &mut total, &mut maxv));
    println!("sum {} expected {} max {} expected {}", total, expected, maxv, expected_max);
    assert_eq!(total, expected);
    assert_eq!(maxv, expected_max);
}
