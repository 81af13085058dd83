#![feature(gpu_offload, rustc_attrs, core_intrinsics, abi_gpu_kernel)]
#![allow(internal_features)]
#![cfg_attr(device, no_std)]
// The kernel and launch shapes of rustc's offload tests: kernels found from
// the intrinsic (plain `fn`s), the attribute in its paths, `extern
// "gpu-kernel"` kernels, every intrinsic form, zero-argument kernels with
// `args = ()`, a launch inside a wrapper with control flow, and
// `offload_get_num_devices`. Each result is checked against a host loop.

use core::arch::nvptx::{_block_dim_x, _block_dim_y, _block_idx_x, _block_idx_y, _grid_dim_x, _thread_idx_x, _thread_idx_y};
use core::offload::offload_kernel;

#[cfg(device)]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

const N: usize = 64;

// a plain function, a kernel because `offload` names it (rustc's codegen tests)
pub fn add_one(x: &mut [f32; N]) {
    let i = unsafe { _thread_idx_x() } as usize;
    x[i] += 1.0;
}

// the attribute through its import; the body is an unsafe context
#[offload_kernel]
fn fill(x: *mut [f32; N], v: f32) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x() + core::arch::nvptx::_thread_idx_x()) as usize;
    (*x)[i] = v;
}

#[core::offload::offload_kernel]
fn nothing() {}

// each thread marks its own slot of a 2-D launch
#[std::offload::offload_kernel]
fn mark(marks: *mut [u32; 64]) {
    let block = (_block_idx_y() * _grid_dim_x() + _block_idx_x()) as usize;
    let thread = (_thread_idx_y() * _block_dim_x() + _thread_idx_x()) as usize;
    let per_block = (_block_dim_x() * _block_dim_y()) as usize;
    (*marks)[block * per_block + thread] += 1;
}

// rustc's device-test shape
#[unsafe(no_mangle)]
#[inline(never)]
#[rustc_offload_kernel]
pub unsafe extern "gpu-kernel" fn scale(x: *mut f32, k: f32) {
    unsafe { *x *= k };
}

#[rustc_offload_kernel]
fn sum_rows(m: &[[f64; 4]; 3], out: &mut [f64; 3]) {
    let r = unsafe { core::arch::nvptx::_thread_idx_x() } as usize;
    let mut s = 0.0;
    for c in 0..4 {
        s += m[r][c];
    }
    out[r] = s;
}

// an offload in a wrapper with control flow (rustc issue #150413's shape)
#[inline(never)]
fn add_repeatedly(x: &mut [f32; N], times: u32) -> u32 {
    let mut launches = 0;
    for i in 0..times {
        if i % 2 == 0 {
            core::intrinsics::offload::<_, _, ()>(add_one, [1, 1, 1], [N as u32, 1, 1], 0, (&mut *x,));
        } else {
            core::intrinsics::offload(add_one, [1, 1, 1], [N as u32, 1, 1], 0, -1, (&mut *x,));
        }
        launches += 1;
    }
    launches
}

#[cfg(not(device))]
fn main() {
    let mut x = [0.0f32; N];
    core::intrinsics::offload(fill, [4, 1, 1], [16, 1, 1], (&mut x as *mut [f32; N], 2.5f32));
    let launches = add_repeatedly(&mut x, 3);
    let mut expected = [2.5f32; N];
    for _ in 0..3 {
        for i in 0..N {
            expected[i] += 1.0;
        }
    }
    let mut same = true;
    for i in 0..N {
        same = same && x[i] == expected[i];
    }
    println!("fill + {} launches of add_one: x[0] = {}, x[63] = {}, matches host: {}", launches, x[0], x[N - 1], same);

    core::intrinsics::offload(nothing, [1, 1, 1], [1, 1, 1], 0, -1, ());
    core::offload::offload! { kernel = nothing, args = () }
    core::intrinsics::offload(nothing, ());

    let mut marks = [0u32; 64];
    core::offload::offload! { kernel = mark, workgroup_dim = [2, 1, 1], thread_dim = [8, 1, 1], args = (&mut marks as *mut [u32; 64],) }
    core::offload::offload! { kernel = mark, workgroup_dim = [3, 2, 1], thread_dim = [4, 2, 1], dyn_cache = 0, args = (&mut marks as *mut [u32; 64],) }
    let mut c = 0u32;
    for i in 0..64 {
        c += marks[i];
    }
    println!("count = {} (host: {}), marks[0] = {}, marks[47] = {}, marks[48] = {}", c, 2 * 8 + 3 * 2 * 4 * 2, marks[0], marks[47], marks[48]);

    let mut y = 3.0f32;
    core::intrinsics::offload(scale, [1, 1, 1], [1, 1, 1], (&mut y as *mut f32, 2.0f32));
    println!("scale: {} (host: {})", y, 3.0f32 * 2.0);

    let m = [[1.0, 2.0, 3.0, 4.0], [0.5, 0.25, 0.125, 0.0625], [-1.0, 1.0, -1.0, 1.0]];
    let mut out = [0.0; 3];
    core::intrinsics::offload(sum_rows, [1, 1, 1], [3, 1, 1], (&m, &mut out));
    let mut host = [0.0f64; 3];
    for r in 0..3 {
        for col in 0..4 {
            host[r] += m[r][col];
        }
    }
    println!("row sums: {:?} {:?} {:?} (host: {:?} {:?} {:?})", out[0], out[1], out[2], host[0], host[1], host[2]);

    let devices = core::intrinsics::offload_get_num_devices();
    println!("devices counted: {}", devices >= 0);
}
