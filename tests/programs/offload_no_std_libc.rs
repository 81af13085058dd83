#![feature(core_intrinsics, rustc_attrs, abi_gpu_kernel, link_llvm_intrinsics)]
#![no_std]
#![no_main]
// A `#![no_std]`, `#![no_main]` host program in the style of rustc's offload
// tests: `extern crate libc` (calloc, malloc, realloc, free, printf, puts),
// C-string literals, C's `main` (`#[unsafe(no_mangle)] pub extern "C" fn
// main(argc, argv) -> c_int`), and
// GPU intrinsics declared with `#[link_name = "llvm.nvvm.*"]`.

extern crate libc;
use core::mem;
use libc::{c_char, c_double, c_int, size_t};

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

#[allow(improper_ctypes)]
unsafe extern "C" {
    #[link_name = "llvm.nvvm.read.ptx.sreg.tid.x"]
    fn thread_idx_x() -> i32;
    #[link_name = "llvm.nvvm.read.ptx.sreg.ctaid.x"]
    fn block_idx_x() -> i32;
    #[link_name = "llvm.nvvm.read.ptx.sreg.ntid.x"]
    fn block_dim_x() -> i32;
    #[link_name = "llvm.nvvm.barrier0"]
    fn syncthreads() -> ();
}

const N: usize = 256;

#[rustc_offload_kernel]
fn square(x: *mut [f64; N]) {
    unsafe {
        let i = (block_idx_x() * block_dim_x() + thread_idx_x()) as usize;
        (*x)[i] = (*x)[i] * (*x)[i];
    }
}

// each block reverses its 32 elements through its own copy
#[rustc_offload_kernel]
fn reverse_blocks(x: *mut [i32; N]) {
    unsafe {
        let t = thread_idx_x() as usize;
        let base = (block_idx_x() * block_dim_x()) as usize;
        let v = (*x)[base + 31 - t];
        syncthreads();
        (*x)[base + t] = v;
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: c_int, argv: *const *const c_char) -> c_int {
    if argv.is_null() {
        return 1;
    }
    unsafe {
        let n: size_t = N;
        let x = libc::calloc(n, mem::size_of::<f64>()) as *mut [f64; N];
        let fresh: *const c_char = if (*x)[0] < 0.1 { c"calloc gave zeros: %f\n".as_ptr() } else { c"calloc gave garbage: %f\n".as_ptr() };
        libc::printf(fresh, (*x)[0]);
        for i in 0..N {
            (*x)[i] = i as f64 * 0.5;
        }
        core::intrinsics::offload(square, [8, 1, 1], [32, 1, 1], (x,));
        let mut ok = 0;
        for i in 0..N {
            let h = i as f64 * 0.5;
            if (*x)[i] == h * h {
                ok += 1;
            }
        }
        let last: c_double = (*x)[N - 1];
        libc::printf(c"square: %d of %zu match, x[255] = %.2f, x[3] = %e\n".as_ptr(), ok, n, last, (*x)[3]);
        libc::free(x as *mut libc::c_void);

        let y = libc::malloc(N * mem::size_of::<i32>()) as *mut [i32; N];
        for i in 0..N {
            (*y)[i] = i as c_int;
        }
        core::intrinsics::offload(reverse_blocks, [8, 1, 1], [32, 1, 1], (y,));
        libc::printf(c"reversed: %d %d %d %d\n".as_ptr(), (*y)[0], (*y)[31], (*y)[32], (*y)[255]);
        let y = libc::realloc(y as *mut libc::c_void, 2 * N * mem::size_of::<i32>()) as *mut [i32; 2 * N];
        (*y)[2 * N - 1] = -7;
        let big: i64 = -1 << 40;
        libc::printf(c"realloc kept %d, new %d; %ld %lu %s %c\n".as_ptr(), (*y)[0], (*y)[2 * N - 1], big, 1u64 << 63, c"text".as_ptr(), 65);
        libc::free(y as *mut libc::c_void);
        libc::puts(c"done".as_ptr());
    }
    0
}
