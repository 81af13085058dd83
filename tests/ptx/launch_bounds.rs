#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//! Launch bounds: `fixed` is launched twice with the same constant block, `two_sizes` with two, `runtime` with a block size read at run time.
#[offload_kernel]
fn fixed(xs: &mut [u32]) {
    let tile = gpu::shared_array::<u32, 64>();
    let t = (gpu::thread_idx_y() * gpu::block_dim_x() + gpu::thread_idx_x()) as usize;
    // t < 8 * 8: the tile's bounds check folds away
    unsafe { (*tile)[t] = t as u32 };
    gpu::sync_threads();
    let i = gpu::block_idx_x() as usize * 64 + t;
    if i < xs.len() {
        xs[i] = unsafe { (*tile)[63 - t] };
    }
}

#[offload_kernel]
fn two_sizes(xs: &mut [u32]) {
    let i = gpu::global_idx_x() as usize;
    if i < xs.len() {
        xs[i] = gpu::block_dim_x();
    }
}

#[offload_kernel]
fn runtime(xs: &mut [u32]) {
    let i = gpu::global_idx_x() as usize;
    if i < xs.len() {
        xs[i] += 1;
    }
}

fn main() {
    let mut xs = vec![0u32; 128];
    core::intrinsics::offload(fixed, [2, 1, 1], [8, 8, 1], (&mut xs,));
    core::intrinsics::offload(fixed, [1, 1, 1], [8u8 as u32, 8, 1], (&mut xs,));
    core::intrinsics::offload(two_sizes, [1, 1, 1], [128, 1, 1], (&mut xs,));
    core::intrinsics::offload(two_sizes, [2, 1, 1], [64, 1, 1], (&mut xs,));
    let n = xs.len() as u32 / 2;
    core::intrinsics::offload(runtime, [2, 1, 1], [n, 1, 1], (&mut xs,));
    println!("{} {} {}", xs[0], xs[64], xs[127]);
}
