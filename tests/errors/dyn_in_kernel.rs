#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]

trait Scale {
    fn scale(&self, x: f32) -> f32;
}

struct Twice;

impl Scale for Twice {
    fn scale(&self, x: f32) -> f32 {
        x * 2.0
    }
}

#[offload_kernel]
fn k(n: usize, out: &mut [f32]) {
    let i = core::arch::nvptx::_thread_idx_x() as usize;
    let t = Twice;
    let s: &dyn Scale = &t;
    if i < n {
        out[i] = s.scale(i as f32);
    }
}

fn main() {
    let mut out = vec![0.0f32; 32];
    core::intrinsics::offload(k, [1, 1, 1], [32, 1, 1], (32, &mut out));
    println!("{}", out[3]);
}
