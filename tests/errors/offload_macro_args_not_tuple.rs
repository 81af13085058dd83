#![feature(gpu_offload)]
fn no_args() {}
fn main() {
    let args = ();
    core::offload::offload! { kernel = no_args, args = args }
}
