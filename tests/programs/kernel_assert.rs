#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//@ exit-code: 101
//@ stderr: assertion failed: x[i] < 5.0
// `assert!` in a kernel (it was an internal error: the panic's message is
// printing, which device code cannot do): a panic with rustc's message in
// host fallback, a trap on the GPU that the shim reports with the kernel's
// name; exit code 101 both ways.
#[offload_kernel]
fn check_small(x: &mut [f32]) {
    let i = gpu::thread_idx_x() as usize;
    assert!(x[i] < 5.0);
    x[i] = x[i] * 2.0;
}

fn main() {
    let mut x = vec![1.0f32; 8];
    core::intrinsics::offload(check_small, [1, 1, 1], [8, 1, 1], (&mut x,));
    println!("doubled {}", x[3]);
    x[5] = 7.5;
    core::intrinsics::offload(check_small, [1, 1, 1], [8, 1, 1], (&mut x,));
    println!("unreachable {}", x[0]);
}
