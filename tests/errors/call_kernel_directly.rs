#[offload_kernel]
fn k(x: &mut [f32]) {
    x[0] = 1.0;
}
fn main() {
    let mut v = vec![0.0f32; 4];
    k(&mut v);
}
