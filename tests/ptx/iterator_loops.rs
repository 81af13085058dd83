// Kernels written with iterators and their hand-written while twins; the
// PTX test (tests/cli.rs: iterator_kernels_are_plain_loops) checks that
// the iterator versions are one loop with no calls left after O3 (also
// `dot_iter`, zip+map+sum over two slices).
#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
#[offload_kernel]
fn stride_iter(n: usize, x: &mut [f32]) {
    let start = (gpu::block_idx_x() * gpu::block_dim_x() + gpu::thread_idx_x()) as usize;
    let stride = (gpu::grid_dim_x() * gpu::block_dim_x()) as usize;
    for i in (start..n).step_by(stride) {
        x[i] = x[i] * 2.0 + 1.0;
    }
}
#[offload_kernel]
fn stride_while(n: usize, x: &mut [f32]) {
    let start = (gpu::block_idx_x() * gpu::block_dim_x() + gpu::thread_idx_x()) as usize;
    let stride = (gpu::grid_dim_x() * gpu::block_dim_x()) as usize;
    let mut i = start;
    while i < n {
        x[i] = x[i] * 2.0 + 1.0;
        i += stride;
    }
}
#[offload_kernel]
fn sum_iter(x: &[f32], out: &mut [f32]) {
    let t = gpu::thread_idx_x() as usize;
    out[t] = x.iter().map(|v| *v * 0.5).fold(0.0f32, |a, v| a + v);
}
#[offload_kernel]
fn sum_while(x: &[f32], out: &mut [f32]) {
    let t = gpu::thread_idx_x() as usize;
    let mut a = 0.0f32;
    let mut i = 0;
    while i < x.len() {
        a = a + x[i] * 0.5;
        i += 1;
    }
    out[t] = a;
}
#[offload_kernel]
fn dot_iter(n: usize, a: &[f32], b: &[f32], out: &mut [f32]) {
    let r = gpu::thread_idx_x() as usize;
    let row = &a[r * n..(r + 1) * n];
    out[r] = row.iter().zip(b.iter()).map(|(x, y)| x * y).sum();
}
fn main() {
    let mut x = vec![1.0f32; 1000];
    let mut out = vec![0.0f32; 32];
    core::intrinsics::offload(stride_iter, [2, 1, 1], [64, 1, 1], (1000usize, &mut x));
    core::intrinsics::offload(stride_while, [2, 1, 1], [64, 1, 1], (1000usize, &mut x));
    core::intrinsics::offload(sum_iter, [1, 1, 1], [32, 1, 1], (&x, &mut out));
    let a = out[0];
    core::intrinsics::offload(sum_while, [1, 1, 1], [32, 1, 1], (&x, &mut out));
    let b = vec![0.5f32; 10];
    core::intrinsics::offload(dot_iter, [1, 1, 1], [32, 1, 1], (10usize, &x, &b, &mut out));
    println!("{} {} {} {}", x[0], a, out[0], out[1]);
}
