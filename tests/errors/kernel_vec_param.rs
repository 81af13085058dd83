#[offload_kernel]
fn k(v: Vec<f32>) {
}
fn main() {}
