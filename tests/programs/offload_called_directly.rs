#![feature(core_intrinsics, rustc_attrs)]
// rustc's shape: an ordinary function launched as a kernel and called directly
#[unsafe(no_mangle)]
#[inline(never)]
pub fn kernel_1(x: &mut [f32; 8]) {
    for i in 0..8 {
        x[i] += 21.0;
    }
}
#[rustc_offload_kernel]
fn twice(x: &mut [f32; 8]) {
    kernel_1(x);
    kernel_1(x);
}
fn main() {
    let mut x = [0.0f32; 8];
    kernel_1(&mut x);
    core::intrinsics::offload(kernel_1, [1, 1, 1], [1, 1, 1], (&mut x,));
    core::intrinsics::offload(twice, [1, 1, 1], [1, 1, 1], (&mut x,));
    println!("{} {}", x[0], x[7]);
}
