#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// GPU benchmark: one 1 KB offload round trip (`&mut [f32; 256]` to a trivial
// kernel and back), repeated; prints microseconds per round trip.
// twin: roundtrip.cu (cudaMemcpy + launch + cudaMemcpy, buffer allocated once)
#[offload_kernel]
fn bump(x: &mut [f32; 256]) {
    let i = gpu::thread_idx_x() as usize;
    x[i] = x[i] + 1.0;
}

fn main() {
    let mut x = [0.0f32; 256];
    // warm-up: context, module, first allocation
    for _ in 0..100 {
        core::intrinsics::offload(bump, [1, 1, 1], [256, 1, 1], (&mut x,));
    }
    let reps = 10000;
    let start = std::time::Instant::now();
    for _ in 0..reps {
        core::intrinsics::offload(bump, [1, 1, 1], [256, 1, 1], (&mut x,));
    }
    let us = start.elapsed().as_secs_f64() * 1e6 / reps as f64;
    let want = (reps + 100) as f32;
    if x[0] != want || x[255] != want {
        println!("roundtrip WRONG: x[0] = {}", x[0]);
        std::process::exit(1);
    }
    println!("roundtrip_1kb_us {:.2}", us);
}
