#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// iter_mut in device code: each thread normalizes its row of a matrix in
// place through row.iter_mut(); checked against the host.
fn normalize(row: &mut [f32]) {
    let mut sum = 0.0f32;
    for x in row.iter() {
        sum += *x;
    }
    for (j, x) in row.iter_mut().enumerate() {
        *x = *x / sum + j as f32 * 0.001;
    }
}

#[offload_kernel]
fn rows(n: usize, width: usize, m: &mut [f32]) {
    let r = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if r < n {
        normalize(&mut m[r * width..(r + 1) * width]);
    }
}

fn main() {
    let (n, width) = (200usize, 16usize);
    let mut m = vec![0.0f32; n * width];
    let mut want = vec![0.0f32; n * width];
    for i in 0..n * width {
        m[i] = ((i * 7) % 23) as f32 + 1.0;
        want[i] = m[i];
    }
    core::intrinsics::offload(rows, [2, 1, 1], [128, 1, 1], (n, width, &mut m));
    for r in 0..n {
        normalize(&mut want[r * width..(r + 1) * width]);
    }
    let mut errors = 0;
    let mut sum = 0.0f64;
    for i in 0..n * width {
        if m[i] != want[i] {
            errors += 1;
        }
        sum += m[i] as f64;
    }
    println!("errors={} sum={:.4} m[0]={} m[3199]={}", errors, sum, m[0], m[3199]);
}
