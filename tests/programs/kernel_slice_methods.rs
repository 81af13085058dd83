#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Slice methods in device code: each thread works on its own row of a
// matrix with swap, reverse, fill, split_at_mut, copy_from_slice, first,
// last, get, contains and rotate_left; the host runs the same function on
// its copy and compares.
fn transform(r: usize, row: &mut [f32]) {
    let n = row.len();
    row.swap(0, n - 1);
    if r % 2 == 0 {
        row.reverse();
    }
    let first = *row.first().unwrap();
    let last = *row.last().unwrap();
    let (left, right) = row.split_at_mut(n / 2);
    left[0] += right[0];
    if r % 3 == 0 {
        right.fill(first - last);
    }
    match row.get(r % (n + 2)) {
        Some(x) => row[1] = *x * 2.0,
        None => row[1] = -1.0,
    }
    if row.contains(&0.0) {
        row[2] = 100.0;
    }
    let mut tmp = [0.0f32; 4];
    tmp.copy_from_slice(&row[n - 4..]);
    row[..4].copy_from_slice(&tmp);
    row.rotate_left(r % n);
}

#[offload_kernel]
fn rows(n: usize, width: usize, m: &mut [f32]) {
    let r = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if r < n {
        transform(r, &mut m[r * width..(r + 1) * width]);
    }
}

fn main() {
    let (n, width) = (300usize, 12usize);
    let mut m = vec![0.0f32; n * width];
    for i in 0..n * width {
        m[i] = ((i * 13) % 17) as f32 - 3.0;
    }
    let mut want = m.clone();
    core::intrinsics::offload(rows, [3, 1, 1], [128, 1, 1], (n, width, &mut m));
    for r in 0..n {
        transform(r, &mut want[r * width..(r + 1) * width]);
    }
    let mut errors = 0;
    let mut sum = 0.0f64;
    for i in 0..n * width {
        if m[i] != want[i] {
            errors += 1;
        }
        sum += m[i] as f64;
    }
    println!("errors={} sum={:.3} row0={:?}", errors, sum, &m[..width]);
    println!("row7={:?}", &m[7 * width..8 * width]);
}
