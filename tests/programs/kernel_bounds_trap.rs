#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//@ exit-code: 101
//@ stderr: index out of bounds: the len is 8 but the index is 8
//@ stderr: kernel `shift_left`
// An out-of-bounds index inside a kernel: a panic in host fallback (exit 101),
// a trap on the GPU that the shim reports with the kernel's name (exit 101).
#[offload_kernel]
fn shift_left(xs: &mut [i32]) {
    let i = gpu::thread_idx_x() as usize;
    xs[i] = xs[i + 1];
}

fn main() {
    let mut xs = vec![1i32; 8];
    println!("before {}", xs[0]);
    core::intrinsics::offload(shift_left, [1, 1, 1], [8, 1, 1], (&mut xs,));
    println!("unreachable {}", xs[0]);
}
