#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Work split across every GPU of the machine by device id: a saxpy in three
// slabs (slab s on GPU s % GPUs, all preloaded there at once with
// `preload_on`/`preload_mut_on`, the three kernels queued before one sync), and a Jacobi grid in three horizontal
// slabs, each offloaded with its halo rows to its GPU every iteration; both
// checked against a host loop. Without GPUs the ids 0..3 all run on the
// host (host fallback), so the split itself is exercised.
use core::offload::{preload_mut_on, preload_on};

#[offload_kernel]
fn saxpy(n: usize, a: f32, x: &[f32], y: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    if i < n {
        y[i] = a * x[i] + y[i];
    }
}

/// One Jacobi step of `rows` interior rows: `src` holds them plus one halo
/// row above and below; `dst` the rows themselves. Columns 0 and n-1 keep
/// their values.
#[offload_kernel]
fn jacobi_slab(n: usize, rows: usize, src: &[f32], dst: &mut [f32]) {
    let x = gpu::global_idx_x() as usize;
    let y = gpu::global_idx_y() as usize;
    if x < n && y < rows {
        let c = (y + 1) * n + x;
        if x == 0 || x == n - 1 {
            dst[y * n + x] = src[c];
        } else {
            dst[y * n + x] = 0.25 * (src[c - 1] + src[c + 1] + src[c - n] + src[c + n]);
        }
    }
}

fn host_jacobi(n: usize, src: &[f32], dst: &mut [f32]) {
    for y in 1..n - 1 {
        for x in 0..n {
            let c = y * n + x;
            dst[c] = if x == 0 || x == n - 1 { src[c] } else { 0.25 * (src[c - 1] + src[c + 1] + src[c - n] + src[c + n]) };
        }
    }
}

fn main() {
    let gpus = core::intrinsics::offload_get_num_devices();
    let devices = 3;
    let device = |slab: usize| if gpus == 0 { slab as i32 } else { (slab % gpus as usize) as i32 };

    // saxpy, one slab per device
    let n = 1000;
    let x: Vec<f32> = (0..n).map(|i| i as f32 * 0.5).collect();
    let mut y: Vec<f32> = (0..n).map(|i| (i % 7) as f32).collect();
    let mut want = y.clone();
    for i in 0..n {
        want[i] = 3.0 * x[i] + want[i];
    }
    // all three slabs preloaded at once, then the three kernels queued
    // before any copy back: on several GPUs they run at the same time
    let slab = n.div_ceil(devices);
    let (x0, x12) = x.split_at(slab);
    let (x1, x2) = x12.split_at(slab);
    let (y0, y12) = y.split_at_mut(slab);
    let (y1, y2) = y12.split_at_mut(slab);
    let (gx0, gx1, gx2) = (preload_on(device(0), x0), preload_on(device(1), x1), preload_on(device(2), x2));
    let mut gy0 = preload_mut_on(device(0), y0);
    let mut gy1 = preload_mut_on(device(1), y1);
    let mut gy2 = preload_mut_on(device(2), y2);
    let grid = |m: usize| [m.div_ceil(128) as u32, 1, 1];
    core::intrinsics::offload(saxpy, grid(slab), [128, 1, 1], 0, device(0), (slab, 3.0f32, &*gx0, &mut *gy0));
    core::intrinsics::offload(saxpy, grid(slab), [128, 1, 1], 0, device(1), (slab, 3.0f32, &*gx1, &mut *gy1));
    let last = n - 2 * slab;
    core::intrinsics::offload(saxpy, grid(last), [128, 1, 1], 0, device(2), (last, 3.0f32, &*gx2, &mut *gy2));
    core::offload::offload_sync();
    drop(gy0);
    drop(gy1);
    drop(gy2);
    drop(gx0);
    drop(gx1);
    drop(gx2);
    let saxpy_ok = y == want;

    // Jacobi, horizontal slabs of interior rows with halos
    let g = 64;
    let mut a = vec![0.0f32; g * g];
    for i in 0..g * g {
        a[i] = if i < g { 100.0 } else { ((i * 13) % 17) as f32 };
    }
    let mut b = a.clone();
    let (mut ha, mut hb) = (a.clone(), a.clone());
    let interior = g - 2;
    let rows_per = interior.div_ceil(devices);
    for it in 0..20 {
        for d in 0..devices {
            let first = 1 + d * rows_per;
            let last = (first + rows_per).min(g - 1);
            if first >= last {
                continue;
            }
            let rows = last - first;
            let grid = [(g as u32).div_ceil(16), (rows as u32).div_ceil(16), 1];
            if it % 2 == 0 {
                core::intrinsics::offload(jacobi_slab, grid, [16, 16, 1], 0, device(d), (g, rows, &a[(first - 1) * g..(last + 1) * g], &mut b[first * g..last * g]));
            } else {
                core::intrinsics::offload(jacobi_slab, grid, [16, 16, 1], 0, device(d), (g, rows, &b[(first - 1) * g..(last + 1) * g], &mut a[first * g..last * g]));
            }
        }
        if it % 2 == 0 {
            host_jacobi(g, &ha, &mut hb);
        } else {
            host_jacobi(g, &hb, &mut ha);
        }
    }
    let jacobi_ok = a == ha && b == hb;
    let sum: f64 = a.iter().map(|&v| v as f64).sum();
    // (the same output whatever the GPU count)
    println!("split in {} slabs", devices);
    println!("saxpy slabs match the host: {}", saxpy_ok);
    println!("jacobi slabs match the host: {} (checksum {:.3})", jacobi_ok, sum);
}
