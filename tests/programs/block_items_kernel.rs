#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Block-scoped items in a kernel, in a generic function and in two blocks
// that each declare a struct of the same name.

#[offload_kernel]
fn k(out: &mut [f32; 32]) {
    let i = gpu::global_idx_x() as usize;
    if i % 2 == 0 {
        fn w(i: usize) -> f32 {
            i as f32 * 0.5
        }
        out[i] = w(i);
    } else {
        fn w(i: usize) -> f32 {
            -(i as f32)
        }
        out[i] = w(i);
    }
}

fn pick<T: Copy>(a: T, b: T, first: bool) -> T {
    if first {
        fn which() -> i32 {
            1
        }
        println!("first {}", which());
        a
    } else {
        fn which() -> i32 {
            2
        }
        println!("second {}", which());
        b
    }
}

fn main() {
    let mut out = [0.0f32; 32];
    core::intrinsics::offload(k, [1, 1, 1], [32, 1, 1], (&mut out,));
    println!("{} {} {} {}", out[0], out[1], out[30], out[31]);
    println!("{} {}", pick(1.5f32, 2.5, true), pick(3i64, 4, false));
    let a = {
        struct S {
            v: i32,
        }
        let s = S { v: 5 };
        s.v
    };
    let b = {
        struct S {
            v: f64,
            w: f64,
        }
        let s = S { v: 0.25, w: 2.0 };
        s.v * s.w
    };
    println!("{} {}", a, b);
}
