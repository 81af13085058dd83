//! Process-level runtime: fatal errors, `HYBRID_INFO` logging, stdout
//! flushing, `hybrid_exit` / `hybrid_rt_finish`, the worker-thread marker used
//! for panic messages, and the guard that keeps shim panics from unwinding
//! into generated code.

use std::cell::Cell;
use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

thread_local! {
    /// Set on threads the shim spawns (host-fallback workers); Rust names
    /// such threads `<unnamed>` in panic messages.
    static IS_WORKER: Cell<bool> = const { Cell::new(false) };
}

pub fn mark_worker_thread() {
    IS_WORKER.with(|w| w.set(true));
}

/// The thread name Rust would print in a panic message.
pub fn panic_thread_name() -> &'static str {
    if IS_WORKER.with(|w| w.get()) {
        "<unnamed>"
    } else {
        "main"
    }
}

/// Flush Rust's stdout; errors (a closed pipe) are ignored like Rust's
/// runtime does at exit.
pub fn flush_stdout() {
    let _ = std::io::stdout().lock().flush();
}

/// Print `hybrid: error: MSG` to stderr and exit with code 1.
pub fn fatal(msg: impl std::fmt::Display) -> ! {
    fatal_with_code(1, msg)
}

/// Like `fatal`, with the given exit code: 101 for a kernel that trapped on
/// the GPU (a failed bounds check or division: a panic in Rust terms, so the
/// same code as the host-fallback panic).
pub fn fatal_with_code(code: i32, msg: impl std::fmt::Display) -> ! {
    flush_stdout();
    let line = format!("hybrid: error: {msg}\n");
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
    std::process::exit(code)
}

/// Whether `HYBRID_INFO` asks for logging (any value but empty and `0`).
pub fn info_enabled() -> bool {
    static ENABLED: OnceLock<bool> = OnceLock::new();
    *ENABLED.get_or_init(|| std::env::var("HYBRID_INFO").map(|v| !v.is_empty() && v != "0").unwrap_or(false))
}

/// Log one `hybrid: info: ` line to stderr (only with `HYBRID_INFO=1`).
pub fn info(msg: impl FnOnce() -> String) {
    if info_enabled() {
        let line = format!("hybrid: info: {}\n", msg());
        let _ = std::io::stderr().lock().write_all(line.as_bytes());
    }
}

/// Milliseconds since `start`, for info logs.
pub fn ms_since(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1e3
}

/// Run `f`; a panic inside the shim becomes a fatal error instead of
/// unwinding into generated code.
pub fn ffi_guard<R>(what: &str, f: impl FnOnce() -> R) -> R {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("unknown panic");
            fatal(format_args!("internal error in the shim ({what}): {msg}"))
        }
    }
}

/// `hybrid_exit(code: i32) -> !`: `std::process::exit`, stdout flushed first.
#[no_mangle]
pub extern "C" fn hybrid_exit(code: i32) -> ! {
    flush_stdout();
    if let Err(e) = crate::device::synchronize_all() {
        fatal(e);
    }
    std::process::exit(code)
}

/// `hybrid_offload_sync()`: `core::offload::offload_sync()`, waits for
/// the queued kernels (nothing in host fallback, where launches finish).
#[no_mangle]
pub extern "C" fn hybrid_offload_sync() {
    if let Err(e) = crate::device::synchronize_queued() {
        flush_stdout();
        fatal(e);
    }
}

/// `hybrid_rt_finish() -> i32`: called at the end of `main`; flushes stdout
/// and waits for kernels still queued on a GPU (reporting their faults).
#[no_mangle]
pub extern "C" fn hybrid_rt_finish() -> i32 {
    flush_stdout();
    if let Err(e) = crate::device::synchronize_all() {
        fatal(e);
    }
    0
}

/// `hybrid_now_ns() -> u64`: nanoseconds since the first call (monotonic),
/// the representation of `std::time::Instant` in generated code.
#[no_mangle]
pub extern "C" fn hybrid_now_ns() -> u64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed().as_nanos() as u64
}

pub fn unmark_worker_thread() {
    IS_WORKER.with(|w| w.set(false));
}
