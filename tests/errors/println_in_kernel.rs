fn report(x: f32) {
    println!("value {}", x);
}
#[offload_kernel]
fn k(x: &mut [f32]) {
    report(x[0]);
}
fn main() {
    let mut v = vec![1.0f32; 4];
    core::intrinsics::offload(k, (&mut v,));
}
