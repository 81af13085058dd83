#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Iterator adapters in device code: per-thread row dot products with
// zip+map+sum, a weighted sum with enumerate over `&row`, the row's last
// maximum (max_by_key) and a reversed, filtered count; checked against the
// same functions run on the host.
fn row_dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b.iter()).map(|(x, y)| x * y).sum()
}

fn row_weighted(a: &[f32]) -> f32 {
    let mut s = 0.0f32;
    for (i, v) in a.iter().enumerate() {
        s += v * (i as f32 + 1.0);
    }
    s
}

fn row_argmax(a: &[f32]) -> usize {
    // the last maximum, as rustc's max_by_key
    match a.iter().enumerate().max_by_key(|&(_, v)| (*v * 4.0) as i32) {
        Some((i, _)) => i,
        None => 0,
    }
}

fn tail_positives(a: &[f32]) -> u32 {
    let mut n = 0u32;
    for v in a.iter().rev().take_while(|v| **v > -2.0).filter(|&&v| v > 0.0) {
        n += 1 + (*v as u32) % 3;
    }
    n
}

#[offload_kernel]
fn rows(n: usize, width: usize, a: &[f32], b: &[f32], dots: &mut [f32], weighted: &mut [f32], argmax: &mut [u32], tails: &mut [u32]) {
    let r = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if r < n {
        let row = &a[r * width..(r + 1) * width];
        dots[r] = row_dot(row, b);
        weighted[r] = row_weighted(row);
        argmax[r] = row_argmax(row) as u32;
        tails[r] = tail_positives(row);
    }
}

fn main() {
    let (n, width) = (200usize, 24usize);
    let mut a = vec![0.0f32; n * width];
    let mut b = vec![0.0f32; width];
    for i in 0..n * width {
        a[i] = ((i * 17) % 23) as f32 * 0.5 - 4.0;
    }
    for (j, x) in b.iter_mut().enumerate() {
        *x = 1.0 / (j as f32 + 2.0);
    }
    let mut dots = vec![0.0f32; n];
    let mut weighted = vec![0.0f32; n];
    let mut argmax = vec![0u32; n];
    let mut tails = vec![0u32; n];
    core::intrinsics::offload(rows, [2, 1, 1], [128, 1, 1], (n, width, &a, &b, &mut dots, &mut weighted, &mut argmax, &mut tails));
    let mut errors = 0;
    for r in 0..n {
        let row = &a[r * width..(r + 1) * width];
        if dots[r] != row_dot(row, &b) || weighted[r] != row_weighted(row) {
            errors += 1;
        }
        if argmax[r] != row_argmax(row) as u32 || tails[r] != tail_positives(row) {
            errors += 1;
        }
    }
    let dot_sum: f32 = dots.iter().sum();
    let weighted_sum: f64 = weighted.iter().map(|&w| w as f64).sum();
    let argmax_sum: u32 = argmax.iter().sum();
    let tail_sum: u32 = tails.iter().copied().sum();
    println!("errors={} dots={:.3} weighted={:.2} argmax={} tails={}", errors, dot_sum, weighted_sum, argmax_sum, tail_sum);
    println!("row 7: dot={} argmax={} tail={}", dots[7], argmax[7], tails[7]);
}
