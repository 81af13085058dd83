#[offload_kernel]
fn k(x: &mut [f32]) -> f32 {
    x[0]
}
fn main() {
    let mut v = vec![0.0f32; 4];
    core::intrinsics::offload(k, (&mut v,));
}
