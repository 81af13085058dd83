#![feature(core_intrinsics)]
fn w(a: &mut [f32; 6]) { a[0] = 1.0; }
fn main() {
    let mut a = [0.0f32; 6];
    core::intrinsics::offload_args::<_, _, ()>(w, (&mut a,));
}
