#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// A 1-D Jacobi smoother iterated over many offloads, ping-ponging two buffers.
#[offload_kernel]
fn smooth(n: usize, src: &[f32], dst: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    if i > 0 && i + 1 < n {
        dst[i] = (src[i - 1] + src[i] + src[i + 1]) / 3.0;
    } else if i < n {
        dst[i] = src[i];
    }
}

fn main() {
    let n = 4099;
    let mut a = vec![0.0f32; n];
    let mut b = vec![0.0f32; n];
    a[n / 2] = 3000.0;
    let mut ref_a = vec![0.0f32; n];
    let mut ref_b = vec![0.0f32; n];
    ref_a[n / 2] = 3000.0;
    let blocks = ((n + 127) / 128) as u32;
    for step in 0..50 {
        if step % 2 == 0 {
            core::intrinsics::offload(smooth, [blocks, 1, 1], [128, 1, 1], (n, &a, &mut b));
        } else {
            core::intrinsics::offload(smooth, [blocks, 1, 1], [128, 1, 1], (n, &b, &mut a));
        }
    }
    for step in 0..50 {
        for i in 0..n {
            let v = if i > 0 && i + 1 < n {
                if step % 2 == 0 { (ref_a[i - 1] + ref_a[i] + ref_a[i + 1]) / 3.0 } else { (ref_b[i - 1] + ref_b[i] + ref_b[i + 1]) / 3.0 }
            } else if step % 2 == 0 { ref_a[i] } else { ref_b[i] };
            if step % 2 == 0 { ref_b[i] = v; } else { ref_a[i] = v; }
        }
    }
    let mut diff = 0;
    let mut mass = 0.0f64;
    for i in 0..n {
        if a[i] != ref_a[i] { diff += 1; }
        mass += a[i] as f64;
    }
    println!("diff={} center={} mass={:.3}", diff, a[n / 2], mass);
}
