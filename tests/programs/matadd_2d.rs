#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// A 2-D grid: rows x cols matrix add with the nvptx geometry functions.
use core::arch::nvptx::*;

#[offload_kernel]
fn matadd(rows: u32, cols: u32, a: &[i32], b: &[i32], c: &mut [i32]) {
    let col = (_block_idx_x() * _block_dim_x() + _thread_idx_x()) as u32;
    let row = (_block_idx_y() * _block_dim_y() + _thread_idx_y()) as u32;
    if row < rows && col < cols {
        let k = (row * cols + col) as usize;
        c[k] = a[k] + b[k] * 2;
    }
}

fn main() {
    let rows = 37u32;
    let cols = 53u32;
    let n = (rows * cols) as usize;
    let mut a = vec![0i32; n];
    let mut b = vec![0i32; n];
    for i in 0..n {
        a[i] = i as i32;
        b[i] = 1000 - i as i32;
    }
    let mut c = vec![-1i32; n];
    let bx = 16u32;
    let by = 8u32;
    core::intrinsics::offload(matadd, [(cols + bx - 1) / bx, (rows + by - 1) / by, 1], [bx, by, 1], (rows, cols, &a, &b, &mut c));
    let mut bad = 0;
    let mut sum = 0i64;
    for i in 0..n {
        if c[i] != a[i] + b[i] * 2 {
            bad += 1;
        }
        sum += c[i] as i64;
    }
    println!("bad={} sum={} c[0]={} c[last]={}", bad, sum, c[0], c[n - 1]);
}
