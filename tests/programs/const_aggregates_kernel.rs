#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//! Non-scalar consts in a kernel: a 3-tap stencil whose weights are a `const W: [f32; 3]`, a
//! `const ORIGIN: Vec2` and a trait's `const ZERO: Self` of a user type, read by a generic
//! kernel instance too, and the associated const of a generic impl (`Tile::<N>::LEN`) in a
//! const generic kernel; checked against the same loops on the host.
use std::ops::Add;

#[derive(Clone, Copy, Debug, PartialEq)]
struct Vec2 {
    x: f32,
    y: f32,
}

impl Add for Vec2 {
    type Output = Vec2;
    fn add(self, o: Vec2) -> Vec2 {
        Vec2 { x: self.x + o.x, y: self.y + o.y }
    }
}

trait Zero: Copy + Add<Output = Self> {
    const ZERO: Self;
}

impl Zero for Vec2 {
    const ZERO: Self = Vec2 { x: 0.0, y: 0.0 };
}

impl Zero for f32 {
    const ZERO: f32 = 0.0;
}

const W: [f32; 3] = [0.25, 0.5, 0.25];
const ORIGIN: Vec2 = Vec2 { x: 10.0, y: -1.0 };

fn tap(input: &[f32], i: usize) -> f32 {
    let n = input.len();
    let mut s = 0.0;
    for k in 0..3 {
        let j = i + k;
        if j >= 1 && j - 1 < n {
            s += W[k] * input[j - 1];
        }
    }
    s
}

#[offload_kernel]
fn blur(input: &[f32], out: &mut [f32]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x() + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < out.len() {
        out[i] = tap(input, i);
    }
}

#[offload_kernel]
fn place(xs: &[f32], out: &mut [Vec2]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x() + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < out.len() {
        let p = if xs[i] < 0.0 { Vec2::ZERO } else { ORIGIN };
        out[i] = p + Vec2 { x: xs[i], y: W[i % 3] };
    }
}

#[offload_kernel]
fn sum_pairs<T: Zero>(a: &[T], out: &mut [T]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x() + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < out.len() {
        let next = if i + 1 < a.len() { a[i + 1] } else { T::ZERO };
        out[i] = a[i] + next;
    }
}

struct Tile<const N: usize>;

impl<const N: usize> Tile<N> {
    const LEN: usize = N;
    const WEIGHTS: [f32; 2] = [N as f32, 0.5];
}

#[offload_kernel]
fn tile_sums<const N: usize>(xs: &[f32], out: &mut [f32]) {
    let t = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x() + core::arch::nvptx::_thread_idx_x()) as usize;
    if t < out.len() {
        let mut s = 0.0;
        for k in 0..Tile::<N>::LEN {
            s += xs[t * N + k];
        }
        out[t] = s * Tile::<N>::WEIGHTS[1] + Tile::<N>::WEIGHTS[0];
    }
}

fn main() {
    let n = 200;
    let input: Vec<f32> = (0..n).map(|i| ((i * 7) % 13) as f32 - 4.0).collect();
    let mut out = vec![0.0f32; n];
    let blocks = (n as u32 + 63) / 64;
    core::intrinsics::offload(blur, [blocks, 1, 1], [64, 1, 1], (&input, &mut out));
    let mut blur_ok = true;
    for i in 0..n {
        if out[i] != tap(&input, i) {
            blur_ok = false;
        }
    }
    println!("blur matches the host: {blur_ok}; out[0..4] = {:?}", &out[0..4]);

    let mut points = vec![Vec2::ZERO; n];
    core::intrinsics::offload(place, [blocks, 1, 1], [64, 1, 1], (&input, &mut points));
    let mut place_ok = true;
    for i in 0..n {
        let p = if input[i] < 0.0 { Vec2::ZERO } else { ORIGIN };
        if points[i] != (p + Vec2 { x: input[i], y: W[i % 3] }) {
            place_ok = false;
        }
    }
    println!("place matches the host: {place_ok}; {:?} {:?}", points[0], points[1]);

    let mut sums = vec![Vec2::ZERO; n];
    core::intrinsics::offload(sum_pairs::<Vec2>, [blocks, 1, 1], [64, 1, 1], (&points, &mut sums));
    let mut fsums = vec![0.0f32; n];
    core::intrinsics::offload(sum_pairs::<f32>, [blocks, 1, 1], [64, 1, 1], (&input, &mut fsums));
    let last = sums[n - 1] == points[n - 1] && fsums[n - 1] == input[n - 1];
    let first = sums[0] == points[0] + points[1] && fsums[0] == input[0] + input[1];
    println!("sum_pairs: first {first}, last {last}; {:?}", sums[0]);

    let mut tiles = vec![0.0f32; n / 4];
    core::intrinsics::offload(tile_sums::<4>, [1, 1, 1], [64, 1, 1], (&input, &mut tiles));
    let mut tiles_ok = true;
    for t in 0..n / 4 {
        let s: f32 = (&input[t * 4..t * 4 + 4]).iter().sum();
        if tiles[t] != s * 0.5 + 4.0 {
            tiles_ok = false;
        }
    }
    println!("tile_sums::<4> matches the host: {tiles_ok}; {:?}", &tiles[0..3]);
}
