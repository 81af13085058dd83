#![feature(gpu_offload, rustc_attrs)]
#![allow(internal_features)]
#![cfg_attr(device, no_std)]
#![cfg_attr(device, no_main)]
// rustc's host-std/device-nostd shape: the device pass is `#[cfg(device)]`,
// the host keeps std; a zero-argument kernel launched with `args = ()`.

#[cfg(device)]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

#[rustc_offload_kernel]
fn empty() {}

#[rustc_offload_kernel]
fn write21(out: *mut u32) {
    unsafe { *out = 21 };
}

#[cfg(not(device))]
fn main() {
    core::offload::offload! {
        kernel = empty,
        args = (),
    }
    let mut v = 0u32;
    core::offload::offload! { kernel = write21, args = (&mut v as *mut u32,) }
    println!("Hello from the host with std: the kernel wrote {}", v);
}
