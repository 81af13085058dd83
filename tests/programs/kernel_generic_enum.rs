#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Generic enums in kernels: `Opt<f32>` and `Either<u32, f32>` passed by
// value, built by a device helper, matched in the kernel; a generic kernel
// over `T` using `Opt<T>`; checked against the same code run on the host.

#[derive(Clone, Copy, Debug)]
enum Opt<T> {
    Some(T),
    None,
}

#[derive(Clone, Copy, Debug)]
enum Either<L, R> {
    Left(L),
    Right(R),
}

impl<T: Copy> Opt<T> {
    fn unwrap_or(self, d: T) -> T {
        match self {
            Opt::Some(x) => x,
            Opt::None => d,
        }
    }
}

trait Num: Copy {
    fn zero() -> Self;
    fn from_u32(v: u32) -> Self;
    fn add(self, o: Self) -> Self;
}
impl Num for f32 {
    fn zero() -> Self { 0.0 }
    fn from_u32(v: u32) -> Self { v as f32 }
    fn add(self, o: Self) -> Self { self + o }
}
impl Num for i64 {
    fn zero() -> Self { 0 }
    fn from_u32(v: u32) -> Self { v as i64 }
    fn add(self, o: Self) -> Self { self + o }
}

/// A device helper returning a generic enum.
fn checked_recip(v: f32) -> Opt<f32> {
    if v == 0.0 { Opt::None } else { Opt::Some(1.0 / v) }
}

fn pick(e: Either<u32, f32>, v: f32) -> f32 {
    match e {
        Either::Left(k) if k > 2 => v * k as f32,
        Either::Left(_) => v,
        Either::Right(s) => v + s,
    }
}

fn step(i: usize, input: &[f32], fallback: Opt<f32>, mode: Either<u32, f32>) -> f32 {
    let r = checked_recip(input[i]);
    let base = match r {
        Opt::Some(x) if x > 1.0 => x,
        Opt::Some(x) => -x,
        Opt::None => fallback.unwrap_or(-1.0),
    };
    pick(mode, base)
}

#[offload_kernel]
fn transform(n: usize, fallback: Opt<f32>, mode: Either<u32, f32>, input: &[f32], out: &mut [f32]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        out[i] = step(i, input, fallback, mode);
    }
}

fn every_third<T: Num>(i: usize) -> Opt<T> {
    if i % 3 == 0 { Opt::Some(T::from_u32(i as u32)) } else { Opt::None }
}

#[offload_kernel]
fn fill<T: Num>(n: usize, bias: Opt<T>, out: &mut [T]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        let v: Opt<T> = every_third(i);
        out[i] = v.unwrap_or(T::zero()).add(bias.unwrap_or(T::zero()));
    }
}

fn main() {
    let n = 1000;
    let mut input = vec![0.0f32; n];
    for i in 0..n {
        input[i] = ((i % 50) as f32 - 10.0) * 0.125;
    }
    let fallbacks = [Opt::Some(7.5f32), Opt::None];
    let modes = [Either::Left(4u32), Either::Right(0.5f32), Either::Left(1)];
    for k in 0..3 {
        let mut out = vec![0.0f32; n];
        let fb = fallbacks[k % 2];
        core::intrinsics::offload(transform, [(n as u32 + 127) / 128, 1, 1], [128, 1, 1], (n, fb, modes[k], &input[..], &mut out[..]));
        let mut errors = 0;
        let mut sum = 0.0f64;
        for i in 0..n {
            if out[i] != step(i, &input, fb, modes[k]) {
                errors += 1;
            }
            sum += out[i] as f64;
        }
        println!("{:?} {:?}: errors={} sum={:.3} out[10]={}", fb, modes[k], errors, sum, out[10]);
    }
    let mut a = vec![0.0f32; n];
    let mut b = vec![0i64; n];
    core::intrinsics::offload(fill::<f32>, [(n as u32 + 127) / 128, 1, 1], [128, 1, 1], (n, Opt::Some(0.5f32), &mut a[..]));
    core::intrinsics::offload(fill, [(n as u32 + 127) / 128, 1, 1], [128, 1, 1], (n, Opt::<i64>::None, &mut b[..]));
    let (mut sa, mut sb) = (0.0f64, 0i64);
    for i in 0..n {
        sa += a[i] as f64;
        sb += b[i];
    }
    println!("fill f32: {} {} {}  fill i64: {} {} {}", a[0], a[3], sa, b[0], b[3], sb);
}
