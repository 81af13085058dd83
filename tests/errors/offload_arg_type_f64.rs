#![feature(core_intrinsics)]
fn takes_f32(_x: f32) {}
fn main() {
    core::intrinsics::offload::<_, _, ()>(takes_f32, [1, 1, 1], [1, 1, 1], 0, (42.0f64,));
}
