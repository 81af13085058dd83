#[offload_kernel]
fn k(out: &mut [f32]) {
    let tmp = vec![0.0f32; 16];
    out[0] = tmp[0];
}
fn main() {
    let mut v = vec![1.0f32; 4];
    core::intrinsics::offload(k, (&mut v,));
}
