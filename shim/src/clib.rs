//! C library services for generated host code: `printf` (variadic, which
//! neither host backend can call directly) and the device count of
//! `core::intrinsics::offload_get_num_devices`.

use crate::device::gpus;
use crate::launch::{offload_mode, OffloadMode};
use std::ffi::{c_char, c_int, c_void};

/// glibc's x86-64 `va_list` element (`__va_list_tag`).
#[repr(C)]
struct VaListTag {
    gp_offset: u32,
    fp_offset: u32,
    overflow_arg_area: *mut c_void,
    reg_save_area: *mut c_void,
}

extern "C" {
    fn vprintf(format: *const c_char, ap: *mut VaListTag) -> c_int;
}

/// `hybrid_printf(format, args, n) -> i32`: C's `printf` with `n` variadic
/// arguments laid out in 8-byte slots. The `va_list` marks every register
/// as used (`gp_offset` 48, `fp_offset` 304), so `vprintf` reads all of them,
/// integers and doubles alike, from the slots in order, as it reads stack
/// arguments. As in a rustc program, C's stdout is its own buffer (flushed
/// at exit when stdout is not a terminal), apart from `println!`'s.
///
/// # Safety
/// `format` is a NUL-terminated C string whose conversions match the slots.
#[no_mangle]
pub unsafe extern "C" fn hybrid_printf(format: *const c_char, args: *const u64, n: u64) -> i32 {
    // a copy: vprintf advances through the area but must not write the caller's slots
    let mut slots: Vec<u64> = if n == 0 { Vec::new() } else { std::slice::from_raw_parts(args, n as usize).to_vec() };
    // va_arg reads past the last slot for a conversion without an argument: keep that in bounds
    slots.extend([0u64; 8]);
    let mut ap =
        VaListTag { gp_offset: 48, fp_offset: 304, overflow_arg_area: slots.as_mut_ptr().cast(), reg_save_area: std::ptr::null_mut() };
    vprintf(format, &mut ap)
}

/// `hybrid_num_devices() -> i32`: the number of usable GPUs; 0 without a
/// driver or a device, or under `HYBRID_OFFLOAD=disabled` (every offload then
/// runs in host fallback).
#[no_mangle]
pub extern "C" fn hybrid_num_devices() -> i32 {
    if offload_mode() == OffloadMode::Disabled {
        return 0;
    }
    match gpus() {
        Ok(g) => g.devices.len() as i32,
        Err(_) => 0,
    }
}
