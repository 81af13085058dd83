#![feature(gpu_offload)]
fn k() {}
fn main() {
    core::offload::offload! { kernel = k, args = (), device = -1 }
}
