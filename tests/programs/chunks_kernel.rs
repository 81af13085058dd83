#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Slice `chunks`, `windows` and `split_first` in device code: each thread
// sums one chunk of the input and the largest step inside it; checked
// against the same code run on the host.

fn chunk_stats(xs: &[i32], i: usize) -> (i32, i32) {
    let Some(c) = xs.chunks(4).nth(i) else { return (0, 0) };
    let total: i32 = c.iter().sum();
    let mut step = 0;
    for w in c.windows(2) {
        let d = w[1] - w[0];
        if d > step {
            step = d;
        }
    }
    match c.split_first() {
        Some((first, _)) => (total, step + *first * 0),
        None => (0, 0),
    }
}

#[offload_kernel]
fn stats(n: usize, xs: &[i32], totals: &mut [i32], steps: &mut [i32]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        let (t, s) = chunk_stats(xs, i);
        totals[i] = t;
        steps[i] = s;
    }
}

fn main() {
    let xs: Vec<i32> = (0..50).map(|i| (i * 7) % 13).collect();
    let n = (xs.len() + 3) / 4;
    let mut totals = vec![0; n];
    let mut steps = vec![0; n];
    core::intrinsics::offload(stats, [1, 1, 1], [32, 1, 1], (n, &xs, &mut totals, &mut steps));
    let mut ok = true;
    for i in 0..n {
        let (t, s) = chunk_stats(&xs, i);
        if totals[i] != t || steps[i] != s {
            ok = false;
        }
    }
    println!("{:?}", totals);
    println!("{:?}", steps);
    assert!(ok);
    println!("device matches host");
}
