#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// The offload! macro with its optional keys, and a struct passed by reference.
#[derive(Clone, Copy)]
#[repr(C)]
struct Params {
    scale: f32,
    shift: f32,
}

#[offload_kernel]
fn affine(p: &Params, xs: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    if i < xs.len() {
        xs[i] = xs[i] * p.scale + p.shift;
    }
}

#[offload_kernel]
fn count(counter: *mut u32) {
    unsafe { gpu::atomic_add(counter, 1) };
}

fn main() {
    let mut xs = vec![1.0f32; 300];
    let p = Params { scale: 3.0, shift: -0.5 };
    core::offload::offload! { kernel = affine, workgroup_dim = [3, 1, 1], thread_dim = [128, 1, 1], args = (&p, &mut xs) }
    core::offload::offload! { kernel = affine, workgroup_dim = [2, 1, 1], thread_dim = [256, 1, 1], dyn_cache = 0, device = 0, args = (&p, &mut xs) }
    let mut c = 0u32;
    core::offload::offload! { kernel = count, workgroup_dim = [4, 2, 1], thread_dim = [8, 2, 2], args = (&mut c as *mut u32,) }
    core::offload::offload! { kernel = count, args = (&mut c as *mut u32,) }
    println!("{} {} {}", xs[0], xs[299], c);
}
