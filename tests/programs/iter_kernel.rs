#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// The user iterator trait and its `map` adapter in device code: each
// thread sums a mapped range through the trait's default `fold`, with the
// closure capturing a kernel argument; a generic-trait impl and an
// associated const of the element type in the same kernel.
trait Iter {
    type Item;
    fn next(&mut self) -> (bool, Self::Item);
    fn fold<A, G: FnMut(A, Self::Item) -> A>(mut self, init: A, mut g: G) -> A
    where
        Self: Sized,
    {
        let mut acc = init;
        loop {
            let (ok, x) = self.next();
            if !ok {
                return acc;
            }
            acc = g(acc, x);
        }
    }
    fn map<B, F: FnMut(Self::Item) -> B>(self, f: F) -> MapIt<Self, F>
    where
        Self: Sized,
    {
        MapIt { it: self, f }
    }
}

struct Upto {
    n: u32,
    end: u32,
}

impl Iter for Upto {
    type Item = u32;
    fn next(&mut self) -> (bool, u32) {
        if self.n < self.end {
            self.n += 1;
            (true, self.n)
        } else {
            (false, 0)
        }
    }
}

struct MapIt<I, F> {
    it: I,
    f: F,
}

impl<I: Iter, B, F: FnMut(I::Item) -> B> Iter for MapIt<I, F> {
    type Item = B;
    fn next(&mut self) -> (bool, B) {
        let (ok, x) = self.it.next();
        (ok, (self.f)(x))
    }
}

trait Scale<K> {
    const UNIT: Self;
    fn scale(self, k: K) -> Self;
}

impl Scale<u32> for f32 {
    const UNIT: f32 = 0.5;
    fn scale(self, k: u32) -> f32 {
        self * k as f32
    }
}

#[offload_kernel]
fn sums(n: usize, k: f32, out: &mut [f32]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        let it = Upto { n: 0, end: i as u32 }.map(|x| x as f32 * k);
        out[i] = it.fold(f32::UNIT, |a, x| a + x).scale(2);
    }
}

fn main() {
    let n = 64;
    let mut out = vec![0.0f32; n];
    core::intrinsics::offload(sums, [2, 1, 1], [32, 1, 1], (n, 0.25f32, &mut out));
    let mut total = 0.0f32;
    for i in 0..n {
        total += out[i];
    }
    println!("{} {} {}", out[0], out[10], out[63]);
    println!("{}", total);
}
