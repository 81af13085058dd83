#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// `-> impl Fn` of a generic device helper, made and called inside a
// generic kernel (one instance per element type), and a closure whose
// parameter is annotated with the type parameter.
use std::ops::{Add, Mul};

fn affine<T: Copy + Add<Output = T> + Mul<Output = T>>(a: T, b: T) -> impl Fn(T) -> T {
    move |x: T| a * x + b
}

fn pick<T: Copy + PartialOrd>(lo: T) -> impl Fn(T) -> T {
    move |x| if x < lo { lo } else { x }
}

#[offload_kernel]
fn apply_affine<T: Copy + Add<Output = T> + Mul<Output = T> + PartialOrd>(v: &mut [T; 16], a: T, b: T) {
    let i = gpu::thread_idx_x() as usize;
    let f = affine(a, b);
    let g = pick(b);
    v[i] = g(f(v[i]));
}

fn main() {
    let mut xs = [0.0f32; 16];
    let mut ns = [0i32; 16];
    for i in 0..16 {
        xs[i] = i as f32 - 8.0;
        ns[i] = i as i32 - 5;
    }
    core::intrinsics::offload(apply_affine::<f32>, [1, 1, 1], [16, 1, 1], (&mut xs, 0.5f32, 1.0f32));
    core::intrinsics::offload(apply_affine::<i32>, [1, 1, 1], [16, 1, 1], (&mut ns, 3, -2));
    println!("{:?}", xs);
    println!("{:?}", ns);
    let h = affine(2u64, 7);
    println!("{}", h(h(1)));
}
