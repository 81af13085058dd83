#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// std::cmp::Ordering from hybridc's library (a C-like enum written in Rust),
// `cmp` of integers, `to_bits`/`from_bits`/`total_cmp` of floats (a bit
// cast, `core::mem::transmute` of scalars) on the host and in a kernel.
use std::cmp::Ordering;

fn rank(a: f32, b: f32) -> i32 {
    match a.total_cmp(&b) {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    }
}

#[offload_kernel]
fn bits_kernel(n: usize, x: &[f32], bits: &mut [u32], order: &mut [i32]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i + 1 < n {
        bits[i] = x[i].to_bits() ^ f32::from_bits(0x3f80_0000).to_bits();
        order[i] = rank(x[i], x[i + 1]);
    }
}

fn main() {
    let a = 3i32;
    let b = 7i32;
    println!("{:?} {:?} {:?}", a.cmp(&b), b.cmp(&a), a.cmp(&a));
    let o = a.cmp(&b);
    println!("{} {} {:?} {:?}", o.is_lt(), o.is_ge(), o.reverse(), Ordering::Equal.then(Ordering::Greater));
    println!("{} {} {}", 1.5f32.to_bits(), f64::from_bits(0x4000_0000_0000_0000), (-0.0f32).to_bits());
    println!("{:?} {:?} {:?}", (-0.0f64).total_cmp(&0.0), f32::NAN.total_cmp(&f32::INFINITY), 2.0f32.total_cmp(&2.0));
    let one = unsafe { std::mem::transmute::<u32, f32>(0x3f80_0000) };
    println!("{} {:?}", one, true.cmp(&false));

    let n = 300usize;
    let mut x = vec![0.0f32; n];
    for i in 0..n {
        x[i] = ((i * 7919) % 61) as f32 - 30.0;
    }
    x[10] = -0.0;
    x[11] = 0.0;
    let mut bits = vec![0u32; n];
    let mut order = vec![0i32; n];
    core::intrinsics::offload(bits_kernel, [3, 1, 1], [128, 1, 1], (n, &x, &mut bits, &mut order));
    let mut errors = 0;
    let mut sum = 0i64;
    for i in 0..n - 1 {
        if bits[i] != x[i].to_bits() ^ 0x3f80_0000 || order[i] != rank(x[i], x[i + 1]) {
            errors += 1;
        }
        sum += order[i] as i64;
    }
    println!("errors={} order_sum={} order[10]={} bits[11]={}", errors, sum, order[10], bits[11]);
}
