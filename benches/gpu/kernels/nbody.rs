#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//! GPU kernel benchmark: all-pairs n-body accelerations, 16384 bodies in f32 arrays, blocks of 256; sampled bodies checked against the host.
// twin: nbody.cu
#[offload_kernel]
fn accel(n: usize, px: &[f32], py: &[f32], pz: &[f32], m: &[f32], ax: &mut [f32], ay: &mut [f32], az: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    if i < n {
        let (xi, yi, zi) = (px[i], py[i], pz[i]);
        let (mut sx, mut sy, mut sz) = (0.0f32, 0.0f32, 0.0f32);
        for j in 0..n {
            let dx = px[j] - xi;
            let dy = py[j] - yi;
            let dz = pz[j] - zi;
            let d2 = dx * dx + dy * dy + dz * dz + 0.01;
            let s = m[j] / (d2 * d2.sqrt());
            sx += dx * s;
            sy += dy * s;
            sz += dz * s;
        }
        ax[i] = sx;
        ay[i] = sy;
        az[i] = sz;
    }
}

fn main() {
    let n = 16384;
    let (mut px, mut py, mut pz, mut m) = (vec![0.0f32; n], vec![0.0f32; n], vec![0.0f32; n], vec![0.0f32; n]);
    for i in 0..n {
        let t = i as f32;
        px[i] = (t * 0.37) % 5.0;
        py[i] = (t * 0.71) % 3.0 - 1.5;
        pz[i] = (t * 0.13) % 2.0;
        m[i] = 1.0 + (i % 3) as f32;
    }
    let (mut ax, mut ay, mut az) = (vec![0.0f32; n], vec![0.0f32; n], vec![0.0f32; n]);
    core::intrinsics::offload(accel, [(n / 256) as u32, 1, 1], [256, 1, 1], (n, &px, &py, &pz, &m, &mut ax, &mut ay, &mut az));
    let mut bad = 0;
    for s in 0..32 {
        let i = (s * 509) % n;
        let (mut sx, mut sy, mut sz) = (0.0f64, 0.0f64, 0.0f64);
        for j in 0..n {
            let dx = (px[j] - px[i]) as f64;
            let dy = (py[j] - py[i]) as f64;
            let dz = (pz[j] - pz[i]) as f64;
            let d2 = dx * dx + dy * dy + dz * dz + 0.01;
            let s = m[j] as f64 / (d2 * d2.sqrt());
            sx += dx * s;
            sy += dy * s;
            sz += dz * s;
        }
        let err = (ax[i] as f64 - sx).abs() + (ay[i] as f64 - sy).abs() + (az[i] as f64 - sz).abs();
        if err > 1e-3 * (1.0 + sx.abs() + sy.abs() + sz.abs()) {
            bad += 1;
        }
    }
    if bad != 0 {
        println!("nbody WRONG: {} of 32 samples", bad);
        std::process::exit(1);
    }
    println!("nbody ok");
}
