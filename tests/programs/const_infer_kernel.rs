#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// A generic kernel and a device helper whose const arguments are inferred
// from the lengths of the arrays passed to them.

fn add_all<const N: usize>(a: &[f32; N]) -> f32 {
    let mut s = 0.0;
    for i in 0..N {
        s += a[i];
    }
    s
}

#[offload_kernel]
fn fill<const N: usize>(out: &mut [f32; N], w: [f32; 4]) {
    let i = gpu::global_idx_x() as usize;
    if i < N {
        out[i] = add_all(&w) * i as f32;
    }
}

struct Acc {
    base: f32,
}

impl Acc {
    fn total<const N: usize>(&self, a: [f32; N]) -> f32 {
        self.base + add_all(&a)
    }
}

fn main() {
    let mut out = [0.0f32; 64];
    core::intrinsics::offload(fill, [1, 1, 1], [64, 1, 1], (&mut out, [1.0f32, 2.0, 3.0, 4.0]));
    println!("{} {} {}", out[0], out[1], out[63]);
    let acc = Acc { base: 0.5 };
    println!("{} {}", acc.total([1.0, 2.0]), acc.total([1.0; 9]));
}
