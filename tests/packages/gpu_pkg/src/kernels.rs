//! The package's kernels.
pub fn reference(a: f64, x: f64, y: f64) -> f64 {
    a * x + y
}

#[offload_kernel]
pub fn axpy(n: usize, a: f64, x: &[f64], y: &mut [f64]) {
    let i = gpu::global_idx_x() as usize;
    if i < n {
        y[i] = reference(a, x[i], y[i]);
    }
}
