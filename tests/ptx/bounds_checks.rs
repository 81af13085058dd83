#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//! Device bounds checks (llvm/src/lower/faults.rs): `guarded` reads behind an `if` in a loop (deferred: index selected, one trap per iteration), `stream` reads in a loop's straight-line body (immediate: pointer increments, no select).
#[offload_kernel]
fn guarded(n: usize, a: &[f32], out: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    let mut acc = 0.0f32;
    for t in 0..n {
        let k = t * 3 + i;
        let v = if k < n { a[k] } else { 0.0 };
        acc += v;
    }
    if i < out.len() {
        out[i] = acc;
    }
}

#[offload_kernel]
fn stream(n: usize, x: &[f32], y: &[f32], out: &mut [f32]) {
    let mut s = 0.0f32;
    for j in 0..n {
        s += x[j] * y[j];
    }
    out[0] = s;
}

fn main() {
    let a: Vec<f32> = (0..64).map(|k| k as f32).collect();
    let mut out = vec![0.0f32; 4];
    core::intrinsics::offload(guarded, [1, 1, 1], [4, 1, 1], (64, &a, &mut out));
    println!("{} {} {} {}", out[0], out[1], out[2], out[3]);
    core::intrinsics::offload(stream, [1, 1, 1], [1, 1, 1], (64, &a, &a, &mut out));
    println!("{}", out[0]);
    // a run past the end of `a` traps (GPU) or panics (host fallback)
    core::intrinsics::offload(stream, [1, 1, 1], [1, 1, 1], (65, &a, &a, &mut out));
    println!("unreachable");
}
