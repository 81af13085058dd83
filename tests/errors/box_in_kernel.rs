#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]

#[offload_kernel]
fn k(out: &mut [i32]) {
    let b = Box::new(3);
    out[0] = *b;
}

fn main() {
    let mut v = vec![0; 4];
    core::intrinsics::offload(k, [1, 1, 1], [4, 1, 1], (&mut v,));
    println!("{:?}", v);
}
