#[cfg(target_os = "linux")]
fn scale(x: f32) -> f32 {
    x * 2.0
}
#[offload_kernel]
fn k(x: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    x[i] = scale(x[i]);
}
fn main() {
    let mut v = vec![1.0f32; 4];
    core::intrinsics::offload(k, [1, 1, 1], [4, 1, 1], (&mut v,));
    println!("{}", v[0]);
}
