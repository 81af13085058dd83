//! Unbounded recursion ends as a Rust program's does: `thread 'main' (tid)
//! has overflowed its stack` (`'<unnamed>'` in a host-fallback worker) and
//! `fatal runtime error: stack overflow, aborting` on stderr, then SIGABRT
//! (exit status 134), instead of a bare SIGSEGV. A constructor installs a
//! SIGSEGV/SIGBUS handler and gives the main thread an alternate signal
//! stack; each host-fallback thread that runs kernel code gets its own
//! ([`ThreadStackGuard`]). The handler reports an overflow when the fault
//! address lies in the guard area below the faulting thread's stack, and
//! otherwise restores the default action so that the fault repeats as the
//! plain signal.

use std::ffi::c_void;
use std::sync::atomic::{AtomicUsize, Ordering};

const SIGBUS: i32 = 7;
const SIGSEGV: i32 = 11;
const SA_SIGINFO: i32 = 4;
const SA_ONSTACK: i32 = 0x0800_0000;
const SIG_DFL: usize = 0;
/// The alternate signal stack (the handler formats a short message only).
const ALT_STACK_BYTES: usize = 64 << 10;
/// How far below the lowest address of the main thread's stack a fault
/// still counts as an overflow (the kernel's guard gap, a large frame).
const GUARD_BYTES: usize = 1 << 20;

/// glibc's `struct sigaction` on x86_64 Linux.
#[repr(C)]
struct SigAction {
    sa_sigaction: usize,
    sa_mask: [u64; 16],
    sa_flags: i32,
    sa_restorer: usize,
}

/// The start of `siginfo_t`: `si_addr` is at offset 16 for SIGSEGV/SIGBUS.
#[repr(C)]
struct SigInfo {
    si_signo: i32,
    si_errno: i32,
    si_code: i32,
    _pad: i32,
    si_addr: usize,
}

#[repr(C)]
struct StackT {
    ss_sp: *mut c_void,
    ss_flags: i32,
    ss_size: usize,
}

extern "C" {
    fn sigaction(sig: i32, act: *const SigAction, old: *mut SigAction) -> i32;
    fn sigaltstack(ss: *const StackT, old: *mut StackT) -> i32;
    fn pthread_self() -> usize;
    fn pthread_getattr_np(thread: usize, attr: *mut [u64; 8]) -> i32;
    fn pthread_attr_getstack(attr: *const [u64; 8], addr: *mut *mut c_void, size: *mut usize) -> i32;
    fn pthread_attr_destroy(attr: *mut [u64; 8]) -> i32;
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
    fn gettid() -> i32;
    fn abort() -> !;
}

/// Whether the handler is installed.
static INSTALLED: AtomicUsize = AtomicUsize::new(0);

std::thread_local! {
    /// The lowest address of this thread's stack (0: unknown, no handling).
    static STACK_LOW: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The lowest address of the calling thread's stack (0: unknown).
unsafe fn this_stack_low() -> usize {
    let mut attr = [0u64; 8];
    let mut low = 0;
    if pthread_getattr_np(pthread_self(), &mut attr) == 0 {
        let (mut addr, mut size) = (std::ptr::null_mut(), 0usize);
        if pthread_attr_getstack(&attr, &mut addr, &mut size) == 0 {
            low = addr as usize;
        }
        pthread_attr_destroy(&mut attr);
    }
    low
}

/// An alternate signal stack for the calling thread (null if none).
unsafe fn alternate_stack() -> *mut u8 {
    let stack = std::alloc::alloc(std::alloc::Layout::from_size_align_unchecked(ALT_STACK_BYTES, 16));
    if stack.is_null() {
        return stack;
    }
    let ss = StackT { ss_sp: stack.cast(), ss_flags: 0, ss_size: ALT_STACK_BYTES };
    if sigaltstack(&ss, std::ptr::null_mut()) != 0 {
        std::alloc::dealloc(stack, std::alloc::Layout::from_size_align_unchecked(ALT_STACK_BYTES, 16));
        return std::ptr::null_mut();
    }
    stack
}

/// While alive, an overflow of the calling (host-fallback) thread's stack
/// is reported as Rust reports it; dropped before the thread ends.
pub struct ThreadStackGuard {
    alt: *mut u8,
}

impl ThreadStackGuard {
    pub fn enter() -> Option<ThreadStackGuard> {
        if INSTALLED.load(Ordering::Relaxed) == 0 {
            return None;
        }
        unsafe {
            let low = this_stack_low();
            if low == 0 {
                return None;
            }
            let alt = alternate_stack();
            if alt.is_null() {
                return None;
            }
            STACK_LOW.with(|l| l.set(low));
            Some(ThreadStackGuard { alt })
        }
    }
}

impl Drop for ThreadStackGuard {
    fn drop(&mut self) {
        const SS_DISABLE: i32 = 2;
        unsafe {
            STACK_LOW.with(|l| l.set(0));
            let ss = StackT { ss_sp: std::ptr::null_mut(), ss_flags: SS_DISABLE, ss_size: 0 };
            sigaltstack(&ss, std::ptr::null_mut());
            std::alloc::dealloc(self.alt, std::alloc::Layout::from_size_align_unchecked(ALT_STACK_BYTES, 16));
        }
    }
}

#[used]
#[link_section = ".init_array"]
static INSTALL: extern "C" fn() = install;

extern "C" fn install() {
    unsafe {
        let low = this_stack_low();
        if low == 0 || alternate_stack().is_null() {
            return;
        }
        STACK_LOW.with(|l| l.set(low));
        let act = SigAction {
            sa_sigaction: handler as extern "C" fn(i32, *mut SigInfo, *mut c_void) as usize,
            sa_mask: [0; 16],
            sa_flags: SA_SIGINFO | SA_ONSTACK,
            sa_restorer: 0,
        };
        sigaction(SIGSEGV, &act, std::ptr::null_mut());
        sigaction(SIGBUS, &act, std::ptr::null_mut());
        INSTALLED.store(1, Ordering::Relaxed);
    }
}

/// A fixed buffer that formats without allocating (in a signal handler).
struct Buf {
    bytes: [u8; 160],
    len: usize,
}

impl std::fmt::Write for Buf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let n = s.len().min(self.bytes.len() - self.len);
        self.bytes[self.len..self.len + n].copy_from_slice(&s.as_bytes()[..n]);
        self.len += n;
        Ok(())
    }
}

extern "C" fn handler(sig: i32, info: *mut SigInfo, _context: *mut c_void) {
    unsafe {
        let addr = info.as_ref().map_or(0, |i| i.si_addr);
        let low = STACK_LOW.with(|l| l.get());
        if low != 0 && addr < low + 4096 && addr + GUARD_BYTES >= low {
            let mut buf = Buf { bytes: [0; 160], len: 0 };
            let _ = std::fmt::Write::write_fmt(
                &mut buf,
                format_args!(
                    "\nthread '{}' ({}) has overflowed its stack\nfatal runtime error: stack overflow, aborting\n",
                    crate::rt::panic_thread_name(),
                    gettid()
                ),
            );
            write(2, buf.bytes.as_ptr(), buf.len);
            abort();
        }
        // not a stack overflow: the default action, taken when the fault repeats
        let act = SigAction { sa_sigaction: SIG_DFL, sa_mask: [0; 16], sa_flags: 0, sa_restorer: 0 };
        sigaction(sig, &act, std::ptr::null_mut());
    }
}
