#![feature(gpu_offload)]
fn dummy() {
    #[core::offload::offload_kernel]
    let mut x = 5;
    x += 1;
}
fn main() { dummy(); }
