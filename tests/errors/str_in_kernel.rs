#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
#[offload_kernel]
fn k(x: &mut [f32]) {
    let name = "kernel";
    x[0] = name.len() as f32;
}
fn main() {
    let mut v = [0.0f32; 4];
    core::intrinsics::offload(k, (&mut v[..],));
    println!("{}", v[0]);
}
