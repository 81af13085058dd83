#![feature(gpu_offload)]
fn main() {
    core::offload::offload! { workgroup_dim = [4, 1, 1], args = () }
}
