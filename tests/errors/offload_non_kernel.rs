fn not_a_kernel(y: &mut [f32]) {
    y[0] = 1.0;
}
fn main() {
    let mut y = vec![2.0f32; 8];
    core::intrinsics::offload(not_a_kernel, (&mut y,));
}
