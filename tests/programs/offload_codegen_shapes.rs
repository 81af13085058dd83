#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
#![no_main]
// The host shapes of rustc's gpu_offload codegen tests: `#![no_main]` with
// `#[unsafe(no_mangle)] unsafe fn main`, launches in a loop, a pointer made
// by a cast, a slice made by `as &mut [f32]`, a `black_box`ed scalar next to
// `&mut` of a local, a wrapper passing its `&mut` parameter on, and the old
// shape where `kernel_1` is an ordinary `#[no_mangle]` function called directly.

#[unsafe(no_mangle)]
unsafe fn main() {
    let a = [1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0];
    let mut out = [0.0f32; 6];
    for _ in 0..100 {
        core::intrinsics::offload::<_, _, ()>(double, [256, 1, 1], [32, 1, 1], (a.as_ptr() as *const [f32; 6], &mut out as *mut [f32; 6]));
    }
    let mut x = [0.0f32, 0.0, 0.0, 0.0];
    core::intrinsics::offload::<_, _, ()>(set_last, [1, 1, 1], [1, 1, 1], 0, ((&mut x) as &mut [f32],));
    let mut y = 0.0;
    let k = core::hint::black_box(42.0);
    core::intrinsics::offload::<_, _, ()>(store, [1, 1, 1], [1, 1, 1], (&mut y, k));
    let mut z = [3.0; 256];
    kernel_1(&mut z);
    core::hint::black_box(&z);
    let mut w = [3.0; 256];
    wrapper(&mut w);
    println!("{:?} {:?} {:?} {:?} {} {} {}", out[0], out[5], x[3], y, z[255], w[0], w[1]);
}

fn double(a: *const [f32; 6], out: *mut [f32; 6]) {
    let i = unsafe { core::arch::nvptx::_block_idx_x() as usize * 32 + core::arch::nvptx::_thread_idx_x() as usize };
    if i < 6 {
        unsafe { (*out)[i] = (*a)[i] * 2.0 };
    }
}

fn set_last(x: &mut [f32]) {
    let n = x.len();
    x[n - 1] = 7.0;
}

fn store(x: *mut f32, k: f32) {
    unsafe { *x = k };
}

#[unsafe(no_mangle)]
#[inline(never)]
pub fn kernel_1(x: &mut [f32; 256]) {
    for i in 0..256 {
        x[i] = 21.0;
    }
}

fn wrapper(x: &mut [f32; 256]) {
    core::intrinsics::offload(_kernel_1, [1, 1, 1], [1, 1, 1], 0, (x,))
}

fn _kernel_1(x: &mut [f32; 256]) {
    x[0] = 5.0;
}
