#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// The library's Option and Result in device code: a device helper returning
// Option (with `?` inside), `unwrap_or`, `map`, `ok_or` and a Result
// matched in the kernel; checked against the same functions on the host.
fn inverse(x: f32) -> Option<f32> {
    if x == 0.0 {
        None
    } else {
        Some(1.0 / x)
    }
}

fn inverse_sqrt(x: f32) -> Option<f32> {
    let r = inverse(x)?;
    if r < 0.0 {
        return None;
    }
    Some(r.sqrt())
}

fn classify(x: f32) -> Result<u32, u32> {
    inverse_sqrt(x).map(|v| (v * 100.0) as u32).ok_or(7)
}

#[offload_kernel]
fn kernel(n: usize, x: &[f32], y: &mut [f32], code: &mut [u32]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        y[i] = inverse_sqrt(x[i]).unwrap_or(-1.0);
        code[i] = match classify(x[i]) {
            Ok(c) => c,
            Err(e) => 1000 + e,
        };
    }
}

fn main() {
    let n = 512usize;
    let mut x = vec![0.0f32; n];
    for i in 0..n {
        x[i] = (i as f32 - 100.0) * 0.25;
    }
    let mut y = vec![0.0f32; n];
    let mut code = vec![0u32; n];
    core::intrinsics::offload(kernel, [4, 1, 1], [128, 1, 1], (n, &x, &mut y, &mut code));
    let mut errors = 0;
    let mut none = 0;
    let mut sum = 0.0f64;
    for i in 0..n {
        let want = inverse_sqrt(x[i]).unwrap_or(-1.0);
        let c = match classify(x[i]) {
            Ok(c) => c,
            Err(e) => 1000 + e,
        };
        if y[i] != want || code[i] != c {
            errors += 1;
        }
        if y[i] < 0.0 {
            none += 1;
        }
        sum += y[i] as f64;
    }
    println!("errors={} none={} sum={:.3} code[101]={} code[400]={}", errors, none, sum, code[101], code[400]);
}
