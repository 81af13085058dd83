//! Rust-style panics from generated host code (and from host-fallback
//! kernels): the message on stderr in Rust's format, exit code 101.

use crate::abi;
use crate::fmt::take_line;
use crate::rt::{flush_stdout, panic_thread_name};
use std::io::Write;

/// The panic message text of `hybrid_panic_msg`'s codes.
pub fn panic_code_message(code: i32) -> &'static str {
    match code {
        abi::PANIC_DIV_ZERO => "attempt to divide by zero",
        abi::PANIC_REM_ZERO => "attempt to calculate the remainder with a divisor of zero",
        abi::PANIC_DIV_OVERFLOW => "attempt to divide with overflow",
        abi::PANIC_REM_OVERFLOW => "attempt to calculate the remainder with overflow",
        abi::PANIC_TRAP => "explicit trap",
        _ => "explicit panic",
    }
}

/// The full text Rust prints for a panic with `message` at `file:line:col`.
/// Like Rust 1.95, a blank line, then the thread and its OS thread id:
/// `thread 'main' (4242) panicked at ...`.
pub fn panic_text(thread: &str, tid: i32, file: &str, line: u32, col: u32, message: &str) -> String {
    let mut text = format!("\nthread '{thread}' ({tid}) panicked at {file}:{line}:{col}:\n{message}\n");
    let backtrace = std::env::var("RUST_BACKTRACE").unwrap_or_default();
    if backtrace.is_empty() || backtrace == "0" {
        text.push_str("note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n");
    }
    text
}

/// A panic site (`abi::location` in the compiler: rustc's `core::panic::Location`).
#[repr(C)]
pub struct Location {
    file: *const u8,
    file_len: usize,
    line: u32,
    col: u32,
}

unsafe fn file_name<'a>(file: *const u8, file_len: usize) -> std::borrow::Cow<'a, str> {
    if file.is_null() || file_len == 0 {
        return "<unknown>".into();
    }
    String::from_utf8_lossy(std::slice::from_raw_parts(file, file_len))
}

unsafe fn panic_with(message: &str, loc: *const Location) -> ! {
    flush_stdout();
    extern "C" {
        fn gettid() -> i32;
    }
    let (file, line, col) = match loc.as_ref() {
        Some(l) => (file_name(l.file, l.file_len), l.line, l.col),
        None => ("<unknown>".into(), 0, 0),
    };
    let mut text = panic_text(panic_thread_name(), gettid(), &file, line, col, message);
    if let Some(kernel) = crate::fallback::running_kernel() {
        // (the GPU names the kernel that trapped: so does the fallback)
        text.push_str(&format!("note: the panic is in kernel `{kernel}`, run on the host (host fallback)\n"));
    }
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
    std::process::exit(101)
}

/// `hybrid_panic_flush(loc) -> !`: the calling thread's line buffer is the
/// panic message.
#[no_mangle]
pub unsafe extern "C" fn hybrid_panic_flush(loc: *const Location) -> ! {
    let message = take_line();
    panic_with(&String::from_utf8_lossy(&message), loc)
}

/// `hybrid_panic_bounds(index, len, loc) -> !`
#[no_mangle]
pub unsafe extern "C" fn hybrid_panic_bounds(index: u64, len: u64, loc: *const Location) -> ! {
    let message = format!("index out of bounds: the len is {len} but the index is {index}");
    panic_with(&message, loc)
}

/// `hybrid_panic_msg(code, loc) -> !`
#[no_mangle]
pub unsafe extern "C" fn hybrid_panic_msg(code: i32, loc: *const Location) -> ! {
    panic_with(panic_code_message(code), loc)
}

/// Rust's message for a bad slice range `start..end` of a slice of `len`.
pub fn slice_message(start: u64, end: u64, len: u64) -> String {
    if start > end {
        format!("slice index starts at {start} but ends at {end}")
    } else if end > len {
        format!("range end index {end} out of range for slice of length {len}")
    } else {
        format!("range start index {start} out of range for slice of length {len}")
    }
}

/// `hybrid_panic_slice(start, end, len, loc) -> !`
#[no_mangle]
pub unsafe extern "C" fn hybrid_panic_slice(start: u64, end: u64, len: u64, loc: *const Location) -> ! {
    panic_with(&slice_message(start, end, len), loc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_messages_match_rust() {
        assert_eq!(slice_message(2, 9, 4), "range end index 9 out of range for slice of length 4");
        assert_eq!(slice_message(3, 1, 4), "slice index starts at 3 but ends at 1");
    }

    #[test]
    fn panic_text_has_rusts_shape() {
        std::env::remove_var("RUST_BACKTRACE");
        assert_eq!(
            panic_text("main", 7, "a.rs", 3, 5, "boom"),
            "\nthread 'main' (7) panicked at a.rs:3:5:\nboom\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n"
        );
        assert_eq!(panic_code_message(abi::PANIC_DIV_ZERO), "attempt to divide by zero");
    }
}
