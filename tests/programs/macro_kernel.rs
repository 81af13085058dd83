#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Macros in device code: kernels and a device helper stamped out for f32
// and f64 by an item macro, expression macros inside the kernel bodies;
// each result is checked against a host reference.

macro_rules! clamp {
    ($v:expr, $lo:expr, $hi:expr) => {{
        let v = $v;
        if v < $lo {
            $lo
        } else if v > $hi {
            $hi
        } else {
            v
        }
    }};
}

macro_rules! axpy_kernels {
    ($($kernel:ident, $helper:ident: $t:ty;)+) => {
        $(
            fn $helper(a: $t, x: $t, y: $t) -> $t {
                clamp!(a * x + y, -(100.0 as $t), 100.0 as $t)
            }

            #[offload_kernel]
            fn $kernel(n: usize, a: $t, x: &[$t], y: &mut [$t]) {
                let i = gpu::global_idx_x() as usize;
                if i < n {
                    y[i] = $helper(a, x[i], y[i]);
                }
            }
        )+
    };
}

axpy_kernels! {
    axpy_f32, step_f32: f32;
    axpy_f64, step_f64: f64;
}

macro_rules! launch {
    ($kernel:ident, $n:expr, ($($arg:expr),*)) => {{
        let threads = 128u32;
        let blocks = ($n as u32 + threads - 1) / threads;
        core::intrinsics::offload($kernel, [blocks, 1, 1], [threads, 1, 1], ($($arg),*));
        blocks
    }};
}

macro_rules! check {
    ($t:ty, $kernel:ident, $helper:ident) => {{
        let n = 1000usize;
        let mut x: Vec<$t> = Vec::new();
        let mut y: Vec<$t> = Vec::new();
        let mut expected: Vec<$t> = Vec::new();
        for i in 0..n {
            x.push((i % 37) as $t * 1.5);
            y.push(3.0 - (i % 11) as $t);
            expected.push($helper(2.5, x[i], y[i]));
        }
        let blocks = launch!($kernel, n, (n, 2.5, &x, &mut y));
        let mut errors = 0;
        let mut sum = 0.0f64;
        for i in 0..n {
            if y[i] != expected[i] {
                errors += 1;
            }
            sum += y[i] as f64;
        }
        println!("{}: blocks={} errors={} sum={} y[5]={} y[999]={}", stringify!($t), blocks, errors, sum, y[5], y[999]);
        errors
    }};
}

fn main() {
    let e32 = check!(f32, axpy_f32, step_f32);
    let e64 = check!(f64, axpy_f64, step_f64);
    assert!(e32 + e64 == 0);
}
