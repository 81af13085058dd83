#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Sorting in device code: each thread sorts its own row (sort_unstable,
// sort_unstable_by with a descending closure, or the stable sort_by_key),
// then looks values up with binary_search; the host sorts its copy the
// same way and compares.
fn sort_row(r: usize, row: &mut [i32]) -> i32 {
    match r % 3 {
        0 => row.sort_unstable(),
        1 => row.sort_unstable_by(|a, b| b.cmp(a)),
        _ => row.sort_by_key(|x| x.abs()),
    }
    let mut hits = 0;
    if r % 3 == 0 {
        for probe in -4..5 {
            match row.binary_search(&probe) {
                Ok(i) => hits += row[i],
                Err(i) => hits -= i as i32,
            }
        }
    }
    hits
}

#[offload_kernel]
fn sort_rows(n: usize, width: usize, m: &mut [i32], hits: &mut [i32]) {
    let r = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if r < n {
        hits[r] = sort_row(r, &mut m[r * width..(r + 1) * width]);
    }
}

fn main() {
    let (n, width) = (250usize, 24usize);
    let mut m = vec![0i32; n * width];
    let mut x: u32 = 7;
    for i in 0..n * width {
        x = x.wrapping_mul(1103515245).wrapping_add(12345);
        m[i] = ((x >> 16) % 19) as i32 - 9;
    }
    let mut want = m.clone();
    let mut hits = vec![0i32; n];
    let mut want_hits = vec![0i32; n];
    core::intrinsics::offload(sort_rows, [2, 1, 1], [128, 1, 1], (n, width, &mut m, &mut hits));
    for r in 0..n {
        want_hits[r] = sort_row(r, &mut want[r * width..(r + 1) * width]);
    }
    let mut errors = 0;
    for r in 0..n {
        let row = &m[r * width..(r + 1) * width];
        let ordered = match r % 3 {
            0 => (1..width).all(|i| row[i - 1] <= row[i]),
            1 => (1..width).all(|i| row[i - 1] >= row[i]),
            _ => (1..width).all(|i| row[i - 1].abs() <= row[i].abs()),
        };
        if !ordered || row != &want[r * width..(r + 1) * width] || hits[r] != want_hits[r] {
            errors += 1;
        }
    }
    let total: i32 = hits.iter().sum();
    println!("errors={} hits={}", errors, total);
    println!("{:?}", &m[..width]);
    println!("{:?}", &m[width..2 * width]);
    println!("{:?}", &m[2 * width..3 * width]);
}
