#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Mandelbrot escape counts, compared bit for bit with the host.
fn escape(cx: f64, cy: f64, limit: u32) -> u32 {
    let mut x = 0.0;
    let mut y = 0.0;
    let mut i = 0;
    while i < limit && x * x + y * y <= 4.0 {
        let t = x * x - y * y + cx;
        y = 2.0 * x * y + cy;
        x = t;
        i += 1;
    }
    i
}

#[offload_kernel]
fn mandel(w: u32, h: u32, limit: u32, counts: &mut [u32]) {
    let px = gpu::global_idx_x();
    let py = gpu::global_idx_y();
    if px < w && py < h {
        let cx = -2.0 + 3.0 * px as f64 / w as f64;
        let cy = -1.25 + 2.5 * py as f64 / h as f64;
        counts[(py * w + px) as usize] = escape(cx, cy, limit);
    }
}

fn main() {
    let w = 160u32;
    let h = 96u32;
    let limit = 500;
    let mut counts = vec![0u32; (w * h) as usize];
    core::intrinsics::offload(mandel, [w / 16, h / 16, 1], [16, 16, 1], (w, h, limit, &mut counts));
    let mut diff = 0;
    let mut total = 0u64;
    let mut inside = 0;
    for py in 0..h {
        for px in 0..w {
            let cx = -2.0 + 3.0 * px as f64 / w as f64;
            let cy = -1.25 + 2.5 * py as f64 / h as f64;
            let c = counts[(py * w + px) as usize];
            if c != escape(cx, cy, limit) {
                diff += 1;
            }
            if c == limit {
                inside += 1;
            }
            total += c as u64;
        }
    }
    println!("mandelbrot {}x{}: {} differ, {} inside, total {}", w, h, diff, inside, total);
    for py in (0..h).step_by(12) {
        let mut line = 0u64;
        for px in (0..w).step_by(20) {
            line = line * 3 + (counts[(py * w + px) as usize] % 3) as u64;
        }
        print!("{} ", line);
    }
    println!();
}
