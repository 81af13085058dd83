//! Associated consts of generic impls: `impl<const N: usize> Buf<N> { const CAP: usize = N; }` and `impl<T: Real> Foo<T> { const TWO: T = ..; }`, read for each instance (`Buf::<4>::CAP`, `Self::TWO` in a method). Expected output from rustc.
use std::ops::{Add, Mul};

trait Real: Copy + Add<Output = Self> + Mul<Output = Self> + std::fmt::Debug {
    const ONE: Self;
}

impl Real for f32 {
    const ONE: f32 = 1.0;
}

impl Real for f64 {
    const ONE: f64 = 1.0;
}

struct Buf<const N: usize> {
    data: [i32; N],
    len: usize,
}

impl<const N: usize> Buf<N> {
    const CAP: usize = N;
    const HALF_PLUS_ONE: usize = N / 2 + 1;

    fn new() -> Self {
        Buf { data: [0; N], len: 0 }
    }

    fn push(&mut self, x: i32) -> bool {
        if self.len == Self::CAP {
            return false;
        }
        self.data[self.len] = x;
        self.len += 1;
        true
    }
}

#[derive(Debug, Clone, Copy)]
struct Foo<T> {
    v: T,
}

impl<T: Real> Foo<T> {
    const TWO: T = T::ONE;
    const UNIT: Foo<T> = Foo { v: T::ONE };

    fn quadrupled(self) -> T {
        self.v * (Self::TWO + Self::TWO)
    }
}

fn main() {
    println!("{} {} {}", Buf::<4>::CAP, Buf::<7>::HALF_PLUS_ONE, Buf::<16>::CAP);
    let mut b: Buf<3> = Buf::new();
    let pushed: Vec<bool> = (0..5).map(|i| b.push(i * 10)).collect();
    println!("{:?} {:?} {}", pushed, b.data, b.len);
    println!("{:?} {:?}", Foo { v: 1.5f32 }.quadrupled(), Foo { v: 0.25f64 }.quadrupled());
    println!("{:?} {:?}", Foo::<f64>::TWO, Foo::<f32>::UNIT);
}
