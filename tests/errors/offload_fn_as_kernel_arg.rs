#![feature(core_intrinsics)]
fn helper(x: f32) -> f32 {
    x * 2.0
}
fn apply(_f: f32) {}
fn main() {
    core::intrinsics::offload(apply, [1, 1, 1], [1, 1, 1], (helper,));
}
