#![feature(gpu_offload, offload)]
use core::offload::Region;
fn main() {
    let mut x = [0.0f32; 4];
    let region = Region::new(&mut x[..]);
}
