#![feature(gpu_offload)]
fn k() {}
fn main() {
    core::offload::offload! { kernel = k, thread_dim = [32, 1, 1] }
}
