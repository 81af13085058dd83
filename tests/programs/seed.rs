#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
fn main() {
    let mut x = [0.0f64; 128];
    kernel(&mut x);
    println!("{}", x[0]);
}
fn kernel(x: *mut [f64; 128]) {
    core::intrinsics::offload(kernel_1, (x,))
}
#[cfg(target_os = "linux")]
extern "C" {
    pub fn kernel_1(array_b: *mut [f64; 128]);
}
#[cfg(not(target_os = "linux"))]
#[rustc_offload_kernel]
extern "gpu-kernel" fn kernel_1(x: *mut [f64; 128]) {
    unsafe { (*x)[0] = 21.0 };
}
