#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Generic enums inside structs and arrays passed to a kernel by value
// (`Particle { target: Opt<f32> }`, `[Opt<u32>; 4]`), a generic device
// helper over `Opt<T>`, a `Res<u32, i32>` returned from a device function
// and compared with derived `==` in the kernel; checked against the host.

#[derive(Clone, Copy, Debug, PartialEq)]
enum Opt<T> {
    Some(T),
    None,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Res<T, E> {
    Ok(T),
    Err(E),
}

#[derive(Clone, Copy, Debug)]
struct Particle {
    pos: f32,
    target: Opt<f32>,
}

#[derive(Clone, Copy, Debug)]
struct Wrap<T> {
    inner: Opt<T>,
    scale: T,
}

fn get_or<T: Copy>(o: Opt<T>, d: T) -> T {
    match o {
        Opt::Some(v) => v,
        Opt::None => d,
    }
}

fn checked_div(a: u32, b: u32) -> Res<u32, i32> {
    if b == 0 { Res::Err(-1) } else { Res::Ok(a / b) }
}

fn cell(i: usize, p: Particle, steps: [Opt<u32>; 4], w: Wrap<f32>, input: &[u32]) -> f32 {
    let step = get_or(steps[i % 4], 1);
    let base = match checked_div(input[i], step) {
        Res::Ok(q) => q as f32,
        Res::Err(e) => e as f32,
    };
    let bonus = if checked_div(input[i], 0) == Res::Err(-1) { 0.5 } else { 0.0 };
    let pull = match p.target {
        Opt::Some(t) if t > p.pos => (t - p.pos) * 0.5,
        Opt::Some(t) => t - p.pos,
        Opt::None => 0.0,
    };
    let w_part = match w.inner {
        Opt::Some(x) => x * w.scale,
        Opt::None => w.scale,
    };
    base + bonus + pull + w_part
}

#[offload_kernel]
fn simulate(n: usize, p: Particle, steps: [Opt<u32>; 4], w: Wrap<f32>, input: &[u32], out: &mut [f32]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        out[i] = cell(i, p, steps, w, input);
    }
}

fn main() {
    let n = 777;
    let mut input = vec![0u32; n];
    for i in 0..n {
        input[i] = (i * 7 % 101) as u32;
    }
    let particles = [Particle { pos: 1.0, target: Opt::Some(4.0) }, Particle { pos: 2.0, target: Opt::None }];
    let steps = [Opt::Some(2u32), Opt::None, Opt::Some(0), Opt::Some(5)];
    let wraps = [Wrap { inner: Opt::Some(2.0f32), scale: 0.25 }, Wrap { inner: Opt::None, scale: 3.0 }];
    for k in 0..2 {
        let mut out = vec![0.0f32; n];
        let (p, w) = (particles[k], wraps[k]);
        core::intrinsics::offload(simulate, [(n as u32 + 63) / 64, 1, 1], [64, 1, 1], (n, p, steps, w, &input[..], &mut out[..]));
        let mut errors = 0;
        let mut sum = 0.0f64;
        for i in 0..n {
            if out[i] != cell(i, p, steps, w, &input) {
                errors += 1;
            }
            sum += out[i] as f64;
        }
        println!("{:?} {:?}: errors={} sum={:.2} out[5]={}", p, w, errors, sum, out[5]);
    }
    println!("{:?}", steps);
}
