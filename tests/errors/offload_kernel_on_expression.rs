#![feature(gpu_offload)]
fn dummy() {
    let mut x = 5;
    #[core::offload::offload_kernel]
    x = x + 3;
    println!("{}", x);
}
fn main() { dummy(); }
