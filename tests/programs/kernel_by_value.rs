#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Kernels taking a struct, a tuple and an array by value (mapped TO, as
// rustc maps aggregates): each thread reads its parameters' copies, and a
// kernel that changes its own copy changes nothing the host sees.

#[derive(Clone, Copy)]
struct Affine {
    scale: f32,
    shift: f32,
    flags: u8,
    weights: [f64; 3],
}

#[offload_kernel]
fn apply(n: usize, t: Affine, range: (i32, i64), table: [u16; 5], out: &mut [f64]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        let mut t = t;
        t.shift += 1.0;
        let w = t.weights[i % 3];
        let v = (i as f32 * t.scale + t.shift) as f64 * w + table[i % 5] as f64;
        let clamped = if (i as i64) < range.1 { v } else { range.0 as f64 };
        out[i] = if t.flags & 1 == 1 { clamped } else { -clamped };
    }
}

fn main() {
    let n = 1000;
    let t = Affine { scale: 0.5, shift: 2.0, flags: 1, weights: [1.0, 0.25, -2.0] };
    let range = (-7, 900i64);
    let table = [3u16, 1, 4, 1, 5];
    let mut out = vec![0.0f64; n];
    core::intrinsics::offload(apply, [(n as u32 + 127) / 128, 1, 1], [128, 1, 1], (n, t, range, table, &mut out));
    let mut errors = 0;
    let mut sum = 0.0f64;
    for i in 0..n {
        let v = (i as f32 * t.scale + (t.shift + 1.0)) as f64 * t.weights[i % 3] + table[i % 5] as f64;
        let expected = if (i as i64) < range.1 { v } else { range.0 as f64 };
        if out[i] != expected {
            errors += 1;
        }
        sum += out[i];
    }
    println!("by value: errors={} sum={} host shift still {}", errors, sum, t.shift);
    println!("out[1]={} out[2]={} out[950]={}", out[1], out[2], out[950]);
}
