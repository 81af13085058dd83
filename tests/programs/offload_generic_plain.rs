// A plain generic function launched as a kernel (rustc finds kernels from the
// intrinsic), instantiated through a turbofish and through offload!'s arguments.
#![feature(core_intrinsics)]
fn fill<T: Copy>(x: *mut [T; 8], v: T) {
    unsafe {
        let i = core::arch::nvptx::_thread_idx_x() as usize;
        (*x)[i] = v;
    }
}
fn main() {
    let mut a = [0.0f32; 8];
    let mut b = [0i32; 8];
    core::intrinsics::offload::<_, _, ()>(fill::<f32>, [1, 1, 1], [8, 1, 1], 0, (&mut a as *mut [f32; 8], 1.5f32));
    core::offload::offload! { kernel = fill, thread_dim = [8, 1, 1], args = (&mut b as *mut [i32; 8], 7i32) }
    println!("{} {} {} {}", a[0], a[7], b[0], b[7]);
}
