#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// One generic kernel launched for f32 and f64 (and i32), each instance a
// separate PTX entry; the kernel calls a generic device function through a
// user trait implemented for the three types.

trait Num: Copy {
    fn twice(self) -> Self;
    fn from_index(i: usize) -> Self;
}

impl Num for f32 {
    fn twice(self) -> f32 {
        self * 2.0
    }
    fn from_index(i: usize) -> f32 {
        i as f32 * 0.5
    }
}

impl Num for f64 {
    fn twice(self) -> f64 {
        self * 2.0
    }
    fn from_index(i: usize) -> f64 {
        i as f64 * 0.25
    }
}

impl Num for i32 {
    fn twice(self) -> i32 {
        self * 2
    }
    fn from_index(i: usize) -> i32 {
        i as i32 - 7
    }
}

fn axpy<T: Num + std::ops::Add<Output = T>>(x: T, y: T) -> T {
    x.twice() + y
}

#[offload_kernel]
fn fill<T: Num + std::ops::Add<Output = T>>(n: usize, out: &mut [T]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        out[i] = axpy(T::from_index(i), out[i]);
    }
}

fn check<T: Num + std::ops::Add<Output = T> + PartialEq>(out: &[T], n: usize) -> usize {
    let mut bad = 0;
    for i in 0..n {
        let start = T::from_index(n - i);
        if out[i] != axpy(T::from_index(i), start) {
            bad += 1;
        }
    }
    bad
}

fn main() {
    let n = 777;
    let mut a = vec![0.0f32; n];
    let mut b = vec![0.0f64; n];
    let mut c = vec![0i32; n];
    for i in 0..n {
        a[i] = f32::from_index(n - i);
        b[i] = f64::from_index(n - i);
        c[i] = i32::from_index(n - i);
    }
    let blocks = (n as u32 + 63) / 64;
    core::intrinsics::offload(fill::<f32>, [blocks, 1, 1], [64, 1, 1], (n, &mut a));
    core::intrinsics::offload(fill::<f64>, [blocks, 1, 1], [64, 1, 1], (n, &mut b));
    core::intrinsics::offload(fill, [blocks, 1, 1], [64, 1, 1], (n, &mut c));
    println!("f32: bad={} a[5]={}", check(&a, n), a[5]);
    println!("f64: bad={} b[5]={}", check(&b, n), b[5]);
    println!("i32: bad={} c[5]={}", check(&c, n), c[5]);
}
