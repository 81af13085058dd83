#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Two kernels named `scale` (and two helpers named `factor`) in different
// modules: each is its own entry, launched by its path.
mod double {
    fn factor() -> i32 {
        2
    }

    #[offload_kernel]
    pub fn scale(n: u32, v: &mut [i32]) {
        let i = gpu::global_idx_x();
        if i < n {
            v[i as usize] = v[i as usize] * factor();
        }
    }
}

mod triple {
    fn factor() -> i32 {
        3
    }

    #[offload_kernel]
    pub fn scale(n: u32, v: &mut [i32]) {
        let i = gpu::global_idx_x();
        if i < n {
            v[i as usize] = v[i as usize] * factor() + 1;
        }
    }
}

fn main() {
    let n = 300u32;
    let mut a = vec![0i32; n as usize];
    let mut b = vec![0i32; n as usize];
    for i in 0..n as usize {
        a[i] = i as i32;
        b[i] = i as i32;
    }
    core::intrinsics::offload(double::scale, [3, 1, 1], [128, 1, 1], (n, &mut a));
    core::intrinsics::offload(triple::scale, [3, 1, 1], [128, 1, 1], (n, &mut b));
    let mut errors = 0;
    let mut sa = 0i64;
    let mut sb = 0i64;
    for i in 0..n as usize {
        if a[i] != 2 * i as i32 || b[i] != 3 * i as i32 + 1 {
            errors += 1;
        }
        sa += a[i] as i64;
        sb += b[i] as i64;
    }
    assert!(errors == 0);
    println!("double::scale sum={} triple::scale sum={} errors={}", sa, sb, errors);
}
