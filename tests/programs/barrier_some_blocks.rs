#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Only odd blocks reach gpu::sync_threads() (through a helper function);
// even blocks take another path and never synchronize. Odd blocks reverse
// their slice of the input and sum it through a block-shared array with a
// tree reduction; results are checked against a host reference.
const THREADS: usize = 64;

fn block_barrier() {
    gpu::sync_threads();
}

#[offload_kernel]
fn odd_blocks_reverse_and_sum(input: &[u32], out: &mut [u32], sums: &mut [u32]) {
    let tile = gpu::shared_array::<u32, 64>();
    let t = gpu::thread_idx_x() as usize;
    let b = gpu::block_idx_x() as usize;
    let i = b * THREADS + t;
    if b % 2 == 0 {
        out[i] = input[i] * 2;
        if t == 0 {
            sums[b] = 0;
        }
        return;
    }
    unsafe {
        (*tile)[t] = input[i];
    }
    block_barrier();
    out[i] = unsafe { (*tile)[THREADS - 1 - t] };
    block_barrier();
    let mut stride = THREADS / 2;
    while stride > 0 {
        if t < stride {
            unsafe {
                (*tile)[t] += (*tile)[t + stride];
            }
        }
        block_barrier();
        stride /= 2;
    }
    if t == 0 {
        sums[b] = unsafe { (*tile)[0] };
    }
}

fn main() {
    let blocks = 9;
    let n = blocks * THREADS;
    let mut input = vec![0u32; n];
    for i in 0..n {
        input[i] = ((i * 37 + 11) % 1000) as u32;
    }
    let mut out = vec![0u32; n];
    let mut sums = vec![7u32; blocks];
    core::intrinsics::offload(
        odd_blocks_reverse_and_sum,
        [blocks as u32, 1, 1],
        [THREADS as u32, 1, 1],
        (&input, &mut out, &mut sums),
    );
    let mut mismatches = 0;
    let mut total = 0u32;
    for b in 0..blocks {
        let mut sum = 0u32;
        for t in 0..THREADS {
            let i = b * THREADS + t;
            let want = if b % 2 == 0 { input[i] * 2 } else { input[b * THREADS + THREADS - 1 - t] };
            if out[i] != want {
                mismatches += 1;
            }
            if b % 2 == 1 {
                sum += input[i];
            }
        }
        if sums[b] != sum {
            mismatches += 1;
        }
        total += sums[b];
    }
    println!("{} blocks of {} threads: {} mismatches", blocks, THREADS, mismatches);
    println!("odd-block sums: {} {} {} {}, total {}", sums[1], sums[3], sums[5], sums[7], total);
    println!("out[0] = {}, out[64] = {}, out[127] = {}", out[0], out[64], out[127]);
}
