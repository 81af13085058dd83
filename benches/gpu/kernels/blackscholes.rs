#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//! GPU kernel benchmark: Black-Scholes call and put prices of 2^24 options in f32 (exp, ln, sqrt), blocks of 256; sampled options checked against the host in f64.
// twin: blackscholes.cu
const RISKFREE: f32 = 0.02;
const VOLATILITY: f32 = 0.30;

/// The cumulative normal distribution (the polynomial of CUDA's sample).
fn cnd(d: f32) -> f32 {
    let k = 1.0 / (1.0 + 0.2316419 * d.abs());
    let poly = k * (0.31938153 + k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978 + k * 1.330274429))));
    let c = 0.3989422804 * (-0.5 * d * d).exp() * poly;
    if d > 0.0 { 1.0 - c } else { c }
}

#[offload_kernel]
fn black_scholes(n: usize, price: &[f32], strike: &[f32], years: &[f32], call: &mut [f32], put: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    if i < n {
        let (s, x, t) = (price[i], strike[i], years[i]);
        let sqrt_t = t.sqrt();
        let d1 = ((s / x).ln() + (RISKFREE + 0.5 * VOLATILITY * VOLATILITY) * t) / (VOLATILITY * sqrt_t);
        let d2 = d1 - VOLATILITY * sqrt_t;
        let (c1, c2) = (cnd(d1), cnd(d2));
        let discount = (-RISKFREE * t).exp();
        call[i] = s * c1 - x * discount * c2;
        put[i] = x * discount * (1.0 - c2) - s * (1.0 - c1);
    }
}

fn cnd64(d: f64) -> f64 {
    let k = 1.0 / (1.0 + 0.2316419 * d.abs());
    let poly = k * (0.31938153 + k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978 + k * 1.330274429))));
    let c = 0.3989422804 * (-0.5 * d * d).exp() * poly;
    if d > 0.0 { 1.0 - c } else { c }
}

fn main() {
    let n = 1usize << 24;
    let (mut price, mut strike, mut years) = (vec![0.0f32; n], vec![0.0f32; n], vec![0.0f32; n]);
    for i in 0..n {
        price[i] = 5.0 + (i % 1000) as f32 * 0.03;
        strike[i] = 1.0 + (i % 777) as f32 * 0.05;
        years[i] = 0.25 + (i % 10) as f32 * 0.2;
    }
    let (mut call, mut put) = (vec![0.0f32; n], vec![0.0f32; n]);
    core::intrinsics::offload(black_scholes, [(n / 256) as u32, 1, 1], [256, 1, 1], (n, &price, &strike, &years, &mut call, &mut put));
    let mut bad = 0;
    for s in 0..4096 {
        let i = (s * 4093) % n;
        let (p, x, t) = (price[i] as f64, strike[i] as f64, years[i] as f64);
        let (r, v) = (RISKFREE as f64, VOLATILITY as f64);
        let d1 = ((p / x).ln() + (r + 0.5 * v * v) * t) / (v * t.sqrt());
        let d2 = d1 - v * t.sqrt();
        let discount = (-r * t).exp();
        let want_call = p * cnd64(d1) - x * discount * cnd64(d2);
        let want_put = x * discount * (1.0 - cnd64(d2)) - p * (1.0 - cnd64(d1));
        if (call[i] as f64 - want_call).abs() > 1e-3 * (1.0 + want_call.abs()) || (put[i] as f64 - want_put).abs() > 1e-3 * (1.0 + want_put.abs()) {
            bad += 1;
        }
    }
    if bad != 0 {
        println!("blackscholes WRONG: {} of 4096 samples", bad);
        std::process::exit(1);
    }
    println!("blackscholes ok");
}
