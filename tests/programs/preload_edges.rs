#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//@ exit-code: 1
//@ stderr: partially overlaps the mapped range
// Edges of preload guards: a guard dropped early with `drop` (its data is
// back on the host right there), two guards of the same data (the inner
// one's drop leaves it mapped), a read-only guard never copied back, and
// last an offload of a range that partly overlaps a preloaded one: a clear
// error on the GPU and in host fallback alike (exit code 1).
use core::offload::{preload, preload_mut};

#[offload_kernel]
fn inc(x: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    if i < x.len() {
        x[i] += 1.0;
    }
}

#[offload_kernel]
fn sum_into(x: &[f32], out: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    if i < out.len() {
        out[i] += x[i] + x[x.len() - 1 - i];
    }
}

fn main() {
    let mut v = vec![0.0f32; 64];
    let mut g = preload_mut(&mut v[..32]);
    core::intrinsics::offload(inc, [1, 1, 1], [32, 1, 1], (&mut *g,));
    drop(g);
    println!("dropped early: v[0] = {}, v[31] = {}, v[32] = {}", v[0], v[31], v[32]);

    let a: Vec<f32> = (0..64).map(|i| i as f32).collect();
    let mut out = vec![0.0f32; 64];
    {
        let outer = preload(&a);
        {
            let inner = preload(&a);
            core::intrinsics::offload(sum_into, [1, 1, 1], [64, 1, 1], (&*inner, &mut out[..]));
        }
        // still mapped by `outer`
        core::intrinsics::offload(sum_into, [1, 1, 1], [64, 1, 1], (&*outer, &mut out[..]));
    }
    println!("two guards of the same data: out[0] = {}, out[63] = {}, a unchanged: {}", out[0], out[63], a[5] == 5.0);

    let part = preload(&a[16..48]);
    println!("now an offload of all of `a` while a[16..48] is preloaded");
    core::intrinsics::offload(sum_into, [1, 1, 1], [64, 1, 1], (&a[..], &mut out[..]));
    drop(part);
    println!("not reached");
}
