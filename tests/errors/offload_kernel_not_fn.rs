#![feature(core_intrinsics)]
fn main() {
    let not_fn = 42;
    core::intrinsics::offload::<_, _, ()>(not_fn, [1, 1, 1], [1, 1, 1], 0, ());
}
