#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//@ exit-code: 1
//@ stderr: kernel `touch`: workgroup_dim [1, 65536, 1] has 65536 blocks along y, more than the 65535 a GPU allows
// A launch beyond the GPU's limits is refused before it starts, with the
// same message on the GPU and in host fallback (which would otherwise run
// 65 536 blocks on the CPU); launches within the limits run.
#[offload_kernel]
fn touch(out: &mut [u32]) {
    let i = gpu::block_idx_y() as usize;
    if gpu::thread_idx_x() == 0 && gpu::thread_idx_z() == 0 && i < out.len() {
        out[i] += 1;
    }
}

fn main() {
    let mut out = vec![0u32; 4];
    core::intrinsics::offload(touch, [1, 4, 1], [32, 1, 1], (&mut out[..],));
    core::intrinsics::offload(touch, [1, 65535, 1], [1, 1, 64], (&mut out[..],));
    println!("within the limits: {:?}", out);
    core::intrinsics::offload(touch, [1, 65536, 1], [32, 1, 1], (&mut out[..],));
    println!("not reached");
}
