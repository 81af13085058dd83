#![feature(rustc_attrs)]
mod a {
    #[rustc_offload_kernel]
    pub fn k(_x: f32) {}
}
#[rustc_offload_kernel]
fn a__k(_x: f32) {}
fn main() {
    core::offload::offload! { kernel = a::k, args = (0.0f32,) }
    core::offload::offload! { kernel = a__k, args = (1.0f32,) }
}
