// Associated consts: required and defaulted, `Self::X` in impls and default
// methods, `T::X` / `<T as Tr>::X` in generic functions, `f32::X` and
// `<f64 as Tr>::X` on concrete types, inherent associated consts.
use std::ops::{Add, Mul};

trait Real: Copy + Add<Output = Self> + Mul<Output = Self> {
    const ZERO: Self;
    const ONE: Self;
    const NAME_LEN: usize = 4;
    fn sqrt(self) -> Self;
    fn two() -> Self {
        Self::ONE + Self::ONE
    }
}

impl Real for f32 {
    const ZERO: f32 = 0.0;
    const ONE: f32 = 1.0;
    fn sqrt(self) -> f32 {
        f32::sqrt(self)
    }
}

impl Real for f64 {
    const ZERO: Self = 0.0;
    const ONE: Self = 1.0;
    const NAME_LEN: usize = 6;
    fn sqrt(self) -> f64 {
        f64::sqrt(self)
    }
}

fn norm<T: Real>(v: &[T]) -> T {
    let mut s = T::ZERO;
    for i in 0..v.len() {
        s = s + v[i] * v[i];
    }
    s.sqrt()
}

fn scaled<T: Real>(x: T) -> T {
    x * <T as Real>::ONE * T::two()
}

fn name_len<T: Real>() -> usize {
    T::NAME_LEN * 10
}

struct Grid;
impl Grid {
    const N: usize = 4;
    const SCALE: f64 = 0.5;
    fn cells() -> usize {
        Self::N * Self::N
    }
}

trait Limits {
    const MAX_ITEMS: u32;
    const HALF: u32 = 7;
}
struct Small;
impl Limits for Small {
    const MAX_ITEMS: u32 = 16;
}

fn main() {
    println!("{} {}", norm(&[3.0f32, 4.0]), norm(&[1.0f64, 1.0]));
    println!("{} {}", scaled(1.5f32), scaled(2.25f64));
    println!("{} {}", name_len::<f32>(), name_len::<f64>());
    println!("{} {} {}", f32::ZERO, <f64 as Real>::ONE, f64::two());
    println!("{} {} {}", Grid::N, Grid::cells(), Grid::SCALE * 3.0);
    println!("{} {}", Small::MAX_ITEMS, Small::HALF + <Small as Limits>::MAX_ITEMS);
    let arr = [0u8; Grid::N];
    println!("{}", arr.len());
}
