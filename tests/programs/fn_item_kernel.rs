#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Function items passed to a generic device function inside a kernel
// (static calls: each item is its own zero-sized type, as in rustc).

fn twice(x: f32) -> f32 {
    x * 2.0
}

fn apply<F: Fn(f32) -> f32>(f: F, x: f32) -> f32 {
    f(x)
}

#[offload_kernel]
fn k(n: usize, out: &mut [f32]) {
    let i = core::arch::nvptx::_block_idx_x() as usize * 64 + core::arch::nvptx::_thread_idx_x() as usize;
    if i < n {
        let x = i as f32 - 100.0;
        out[i] = apply(twice, x) + apply(f32::abs, x) + apply(f32::sqrt, i as f32);
    }
}

fn main() {
    let n = 300;
    let mut out = vec![0.0f32; n];
    core::intrinsics::offload(k, [(n as u32 + 63) / 64, 1, 1], [64, 1, 1], (n, &mut out));
    let mut sum = 0.0f64;
    for v in &out {
        sum += *v as f64;
    }
    println!("{} {} {} {}", out[0], out[1], out[299], sum);
}
