#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Data that stays on the device through guards: core::offload::preload_mut
// and preload hold a present-table reference until they are dropped, so the
// offloads in between pass the grids through the guards (`&*g`, `&mut *g`)
// without copying them; a mutable guard copies its data back once when it is
// dropped. offload_sync waits for the queued kernels. (The same computation
// as preload_scoped.rs, whose closures are these guards' scopes.)
use core::offload::{offload_sync, preload, preload_mut};

#[offload_kernel]
fn smooth(n: usize, src: &[f32], dst: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    if i > 0 && i + 1 < n {
        dst[i] = (src[i - 1] + src[i] + src[i + 1]) / 3.0;
    } else if i < n {
        dst[i] = src[i];
    }
}

#[offload_kernel]
fn scale_by(n: usize, k: &[f32], x: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    if i < n {
        x[i] = x[i] * k[0];
    }
}

fn reference_steps(a: &mut [f32], b: &mut [f32], steps: usize) {
    let n = a.len();
    for step in 0..steps {
        for i in 0..n {
            let (src, dst) = if step % 2 == 0 { (&*a, &mut *b) } else { (&*b, &mut *a) };
            dst[i] = if i > 0 && i + 1 < n { (src[i - 1] + src[i] + src[i + 1]) / 3.0 } else { src[i] };
        }
    }
}

fn main() {
    let n = 1000;
    let blocks = ((n + 127) / 128) as u32;
    let mut a = vec![0.0f32; n];
    let mut b = vec![0.0f32; n];
    a[n / 2] = 300.0;
    let mut ra = vec![0.0f32; n];
    let mut rb = vec![0.0f32; n];
    ra[n / 2] = 300.0;
    {
        let mut ga = preload_mut(&mut a);
        let mut gb = preload_mut(&mut b);
        for step in 0..20 {
            if step % 2 == 0 {
                core::intrinsics::offload(smooth, [blocks, 1, 1], [128, 1, 1], (n, &*ga, &mut *gb));
            } else {
                core::intrinsics::offload(smooth, [blocks, 1, 1], [128, 1, 1], (n, &*gb, &mut *ga));
            }
        }
        offload_sync();
    }
    reference_steps(&mut ra, &mut rb, 20);
    let mut same = true;
    for i in 0..n {
        same = same && a[i] == ra[i] && b[i] == rb[i];
    }
    let mass: f32 = a.iter().sum();
    println!("smoothed: same as the host {} center {} mass {}", same, a[n / 2], mass);

    // a read-only guard (never copied back) used by offloads that write
    // another array passed directly
    let k = vec![2.0f32; 1];
    let mut x = vec![1.5f32; n];
    {
        let gk = preload(&k);
        for _ in 0..3 {
            core::intrinsics::offload(scale_by, [blocks, 1, 1], [128, 1, 1], (n, &*gk, &mut x[..]));
        }
    }
    println!("scaled: x[0] {} x[{}] {} k {}", x[0], n - 1, x[n - 1], k[0]);
}
