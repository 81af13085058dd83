#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// A 5-point 2-D heat stencil iterated over 40 offloads, compared bit for bit
// with the same computation on the host.
const W: usize = 48;
const H: usize = 40;

fn step_cell(src: &[f64], x: usize, y: usize) -> f64 {
    if x == 0 || y == 0 || x == W - 1 || y == H - 1 {
        src[y * W + x]
    } else {
        let c = src[y * W + x];
        let s = src[(y - 1) * W + x] + src[(y + 1) * W + x] + src[y * W + x - 1] + src[y * W + x + 1];
        c + 0.2 * (s - 4.0 * c)
    }
}

#[offload_kernel]
fn heat(src: &[f64], dst: &mut [f64]) {
    let x = gpu::global_idx_x() as usize;
    let y = gpu::global_idx_y() as usize;
    if x < W && y < H {
        dst[y * W + x] = step_cell(src, x, y);
    }
}

fn main() {
    let mut a = vec![0.0f64; W * H];
    let mut b = vec![0.0f64; W * H];
    for x in 0..W {
        a[x] = 100.0;
        b[x] = 100.0;
    }
    a[(H / 2) * W + W / 2] = 500.0;
    let mut ra = vec![0.0f64; W * H];
    let mut rb = vec![0.0f64; W * H];
    for i in 0..W * H {
        ra[i] = a[i];
        rb[i] = b[i];
    }
    let grid = [(W as u32 + 15) / 16, (H as u32 + 7) / 8, 1];
    for it in 0..40 {
        if it % 2 == 0 {
            core::intrinsics::offload(heat, grid, [16, 8, 1], (&a, &mut b));
        } else {
            core::intrinsics::offload(heat, grid, [16, 8, 1], (&b, &mut a));
        }
    }
    for it in 0..40 {
        for y in 0..H {
            for x in 0..W {
                if it % 2 == 0 {
                    rb[y * W + x] = step_cell(&ra, x, y);
                } else {
                    ra[y * W + x] = step_cell(&rb, x, y);
                }
            }
        }
    }
    let mut diff = 0;
    let mut heat_sum = 0.0;
    for i in 0..W * H {
        if a[i] != ra[i] {
            diff += 1;
        }
        heat_sum += a[i];
    }
    println!("stencil diff {} sum {:.6} center {:.6}", diff, heat_sum, a[(H / 2) * W + W / 2]);
}
