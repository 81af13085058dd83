#[offload_kernel]
fn fill(n: usize, y: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    if i < n { y[i] = 1.0; }
}
fn main() {
    let mut y = vec![2.0f32; 8];
    core::intrinsics::offload(fill, [1, 1, 1], [8, 1, 1], (8usize, &y));
}
