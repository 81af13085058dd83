#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Slice iterators in device code: a row's dot product and maximum written
// with .iter().enumerate() and for, checked against the host.
fn row_dot(a: &[f32], b: &[f32]) -> f32 {
    let mut s = 0.0f32;
    for (i, x) in a.iter().enumerate() {
        s += *x * b[i];
    }
    s
}

fn row_max(a: &[f32]) -> f32 {
    a.iter().fold(f32::NEG_INFINITY, |m: f32, x: &f32| if *x > m { *x } else { m })
}

#[offload_kernel]
fn rows(n: usize, width: usize, a: &[f32], b: &[f32], dots: &mut [f32], maxes: &mut [f32]) {
    let r = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if r < n {
        let row = &a[r * width..(r + 1) * width];
        dots[r] = row_dot(row, b);
        maxes[r] = row_max(row);
    }
}

fn main() {
    let (n, width) = (300usize, 32usize);
    let mut a = vec![0.0f32; n * width];
    let mut b = vec![0.0f32; width];
    for i in 0..n * width {
        a[i] = ((i * 13) % 29) as f32 * 0.25 - 3.0;
    }
    for j in 0..width {
        b[j] = 1.0 / (j as f32 + 1.0);
    }
    let mut dots = vec![0.0f32; n];
    let mut maxes = vec![0.0f32; n];
    core::intrinsics::offload(rows, [3, 1, 1], [128, 1, 1], (n, width, &a, &b, &mut dots, &mut maxes));
    let mut errors = 0;
    let mut sum = 0.0f64;
    for r in 0..n {
        let row = &a[r * width..(r + 1) * width];
        if dots[r] != row_dot(row, &b) || maxes[r] != row_max(row) {
            errors += 1;
        }
        sum += (dots[r] + maxes[r]) as f64;
    }
    println!("errors={} sum={:.3} dots[0]={} maxes[299]={}", errors, sum, dots[0], maxes[299]);
}
