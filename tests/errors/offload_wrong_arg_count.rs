#[offload_kernel]
fn axpy(a: f32, x: &[f32], y: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    y[i] = a * x[i] + y[i];
}
fn main() {
    let x = vec![1.0f32; 8];
    let mut y = vec![2.0f32; 8];
    core::intrinsics::offload(axpy, [1, 1, 1], [8, 1, 1], (&x, &mut y));
}
