#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Dynamic shared memory sized at launch (dyn_cache) and the 6-argument form.
#[offload_kernel]
fn reverse_blocks(n: usize, xs: &mut [i32]) {
    let buf = core::intrinsics::gpu_dynamic_groupshared_mem::<i32>();
    let t = gpu::thread_idx_x() as usize;
    let bd = gpu::block_dim_x() as usize;
    let i = gpu::block_idx_x() as usize * bd + t;
    if i < n {
        unsafe { buf.add(t).write(xs[i]) };
    }
    gpu::sync_threads();
    let j = bd - 1 - t;
    let src = gpu::block_idx_x() as usize * bd + j;
    if i < n && src < n {
        unsafe { xs[i] = buf.add(j).read() };
    }
}

fn main() {
    let n = 1024;
    let mut xs = vec![0i32; n];
    for i in 0..n {
        xs[i] = i as i32 * 3;
    }
    let threads = 64u32;
    core::intrinsics::offload(reverse_blocks, [n as u32 / threads, 1, 1], [threads, 1, 1], threads * 4, -1, (n, &mut xs));
    let mut ok = true;
    for i in 0..n {
        let b = i / 64;
        let j = 63 - i % 64;
        ok = ok && xs[i] == ((b * 64 + j) * 3) as i32;
    }
    println!("reversed {} ok {} first {} last {}", n, ok, xs[0], xs[n - 1]);
}
