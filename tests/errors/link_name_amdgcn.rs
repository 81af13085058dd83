#![feature(link_llvm_intrinsics)]
#[allow(improper_ctypes)]
unsafe extern "C" {
    #[link_name = "llvm.amdgcn.workitem.id.x"]
    fn thread_idx_x() -> i32;
}
#[rustc_offload_kernel]
fn k(out: *mut i32) {
    *out = thread_idx_x();
}
fn main() {
    let mut v = 0;
    core::intrinsics::offload(k, (&mut v as *mut i32,));
}
