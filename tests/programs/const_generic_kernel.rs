#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// A const generic kernel: the block size is a const parameter, launched as
// `scale::<64>` and `scale::<128>` (one PTX entry each); the kernel takes a
// const generic struct by value.

#[derive(Clone, Copy)]
struct Coeffs<const K: usize> {
    c: [f32; K],
}

#[offload_kernel]
fn scale<const B: usize, const K: usize>(n: usize, w: Coeffs<K>, out: &mut [f32]) {
    let i = core::arch::nvptx::_block_idx_x() as usize * B + core::arch::nvptx::_thread_idx_x() as usize;
    if i < n {
        let mut s = 0.0;
        for k in 0..K {
            s += w.c[k] * (i + k) as f32;
        }
        out[i] = s;
    }
}

fn main() {
    let n = 1000;
    let mut a = vec![0.0f32; n];
    let mut b = vec![0.0f32; n];
    let w = Coeffs { c: [0.5, 0.25, 2.0] };
    core::intrinsics::offload(scale::<64, 3>, [(n as u32 + 63) / 64, 1, 1], [64, 1, 1], (n, w, &mut a));
    core::intrinsics::offload(scale::<128, 3>, [(n as u32 + 127) / 128, 1, 1], [128, 1, 1], (n, w, &mut b));
    let mut bad = 0;
    for i in 0..n {
        let want = 0.5 * i as f32 + 0.25 * (i + 1) as f32 + 2.0 * (i + 2) as f32;
        if a[i] != want || b[i] != want {
            bad += 1;
        }
    }
    println!("bad={} a[7]={} b[999]={}", bad, a[7], b[999]);
}
