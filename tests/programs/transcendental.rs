#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// The transcendental float methods on the device, within 2 ulp of the host.
fn bits64(x: f64) -> i64 {
    let p = &x as *const f64 as *const i64;
    unsafe { *p }
}

fn bits32(x: f32) -> i32 {
    let p = &x as *const f32 as *const i32;
    unsafe { *p }
}

// Distance in units in the last place; different signs count as far apart.
fn ulp_diff64(a: f64, b: f64) -> u64 {
    if a == b || (a.is_nan() && b.is_nan()) {
        return 0;
    }
    let ia = bits64(a);
    let ib = bits64(b);
    if (ia < 0) != (ib < 0) {
        return 1_000_000;
    }
    (ia - ib).abs() as u64
}

fn ulp_diff32(a: f32, b: f32) -> u64 {
    if a == b || (a.is_nan() && b.is_nan()) {
        return 0;
    }
    let ia = bits32(a);
    let ib = bits32(b);
    if (ia < 0) != (ib < 0) {
        return 1_000_000;
    }
    (ia as i64 - ib as i64).abs() as u64
}

fn funcs64(x: f64, k: usize) -> f64 {
    if k == 0 { x.exp() } else if k == 1 { x.exp2() } else if k == 2 { x.abs().ln() }
    else if k == 3 { x.abs().log2() } else if k == 4 { x.abs().log10() } else if k == 5 { x.sin() }
    else if k == 6 { x.cos() } else if k == 7 { x.tan() } else if k == 8 { x.tanh() }
    else { x.abs().powf(0.37 * x) }
}

fn funcs32(x: f32, k: usize) -> f32 {
    if k == 0 { x.exp() } else if k == 1 { x.exp2() } else if k == 2 { x.abs().ln() }
    else if k == 3 { x.abs().log2() } else if k == 4 { x.abs().log10() } else if k == 5 { x.sin() }
    else if k == 6 { x.cos() } else if k == 7 { x.tan() } else if k == 8 { x.tanh() }
    else { x.abs().powf(0.37 * x) }
}

#[offload_kernel]
fn eval(n: usize, xs: &[f64], out64: &mut [f64], out32: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    if i < n {
        for k in 0..10 {
            out64[i * 10 + k] = funcs64(xs[i], k);
            out32[i * 10 + k] = funcs32(xs[i] as f32, k);
        }
    }
}

fn main() {
    let n = 2000;
    let mut xs = vec![0.0f64; n];
    for i in 0..n {
        xs[i] = (i as f64 - 1000.0) * 0.0123 + 0.001;
    }
    let mut out64 = vec![0.0f64; n * 10];
    let mut out32 = vec![0.0f32; n * 10];
    core::intrinsics::offload(eval, [(n as u32 + 127) / 128, 1, 1], [128, 1, 1], (n, &xs, &mut out64, &mut out32));
    let mut worst64 = 0;
    let mut worst32 = 0;
    for i in 0..n {
        for k in 0..10 {
            worst64 = worst64.max(ulp_diff64(out64[i * 10 + k], funcs64(xs[i], k)));
            worst32 = worst32.max(ulp_diff32(out32[i * 10 + k], funcs32(xs[i] as f32, k)));
        }
    }
    println!("f64 within 2 ulp: {}", worst64 <= 2);
    println!("f32 within 2 ulp: {}", worst32 <= 2);
    eprintln!("worst ulp: f64 {} f32 {}", worst64, worst32);
    println!("sin(1)={:.12} exp(1)={:.12} ln(10)={:.12}", 1.0f64.sin(), 1.0f64.exp(), 10.0f64.ln());
}
