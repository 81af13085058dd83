#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
//@ exit-code: 101
//@ stderr: index out of bounds: the len is 4 but the index is 4
//@ stderr: kernel `find_seven`
// A search that runs off the end of its slice inside a kernel loop: a panic in
// host fallback; on the GPU the deferred bounds check traps at the loop's back
// edge (llvm/src/lower/faults.rs) instead of reading element 0 forever.
#[offload_kernel]
fn find_seven(xs: &[i32], found: &mut [usize]) {
    let mut j = 0;
    while xs[j] != 7 {
        j += 1;
    }
    found[0] = j;
}

fn main() {
    let xs = vec![1i32, 2, 3, 4];
    let mut found = vec![0usize; 1];
    println!("searching");
    core::intrinsics::offload(find_seven, [1, 1, 1], [1, 1, 1], (&xs, &mut found));
    println!("found at {}", found[0]);
}
