#![no_main]
extern crate libc;
#[unsafe(no_mangle)]
fn main() {
    let x = 1.5f32;
    unsafe { libc::printf(c"%f\n".as_ptr(), x) };
}
