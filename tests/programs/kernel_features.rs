#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// kernel-side probes: structs by reference, methods on device, atomics of every
// type, early return, loops with break value, casts, int methods on device.
#[derive(Clone, Copy)]
#[repr(C)]
struct Cfg { n: u32, scale: f64, bias: i64 }
impl Cfg {
    fn apply(&self, x: f64) -> f64 { x * self.scale + self.bias as f64 }
}
fn collatz(mut n: u64) -> u32 {
    let steps = loop { if n == 1 { break 0; } break 1; };
    let mut s = steps;
    while n != 1 { n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 }; s += 1; }
    s
}
#[offload_kernel]
unsafe extern "gpu-kernel" fn k(cfg: &Cfg, out: &mut [f64], cnt: *mut i64, fsum: *mut f32, mn: *mut i32, mx: *mut u64, ex: *mut u32, cas: *mut u64) {
    let i = gpu::global_idx_x();
    if i >= cfg.n { return; }
    let v = cfg.apply(i as f64);
    out[i as usize] = v + collatz(i as u64 + 1) as f64 + (i as i32).pow(2) as f64 + (i.leading_zeros() as f64) + (-(i as i64)).abs() as f64;
    gpu::atomic_add(cnt, 1i64);
    gpu::atomic_add(fsum, 0.5f32);
    gpu::atomic_min(mn, -(i as i32));
    gpu::atomic_max(mx, i as u64 * 3);
    gpu::atomic_exch(ex, 7);
    let mut old = *cas;
    loop {
        let got = gpu::atomic_cas(cas, old, old + 2);
        if got == old { break; }
        old = got;
    }
}
fn main() {
    let cfg = Cfg { n: 1000, scale: 0.25, bias: -3 };
    let mut out = vec![0.0; 1000];
    let mut cnt = 0i64; let mut fsum = 0.0f32; let mut mn = 0i32; let mut mx = 0u64; let mut ex = 0u32; let mut cas = 0u64;
    unsafe {
        core::intrinsics::offload(k, [8, 1, 1], [128, 1, 1], (&cfg, &mut out, &mut cnt as *mut i64, &mut fsum as *mut f32, &mut mn as *mut i32, &mut mx as *mut u64, &mut ex as *mut u32, &mut cas as *mut u64));
    }
    let mut total = 0.0;
    for i in 0..1000 { total += out[i]; }
    println!("{} {} {} {} {} {} {}", total, cnt, fsum, mn, mx, ex, cas);
}
