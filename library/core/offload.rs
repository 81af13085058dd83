//! `core::offload`: data that stays on the GPU across offloads.
//!
//! While a preload holds a range of host memory, it stays mapped on the
//! default device: offloads that pass it find it present in the shim's
//! present table and copy nothing either way; the end of the outermost
//! preload of a mutable range copies it back once. In host fallback they
//! do nothing. Host code must not read data a mutable preload holds until
//! it ends (the device has the current values), as with OpenMP's
//! `target data` regions.
//!
//! FIXME(drop): rustc's `preload(&x)` / `preload_mut(&mut y)` return guards
//! that end the preload when dropped; hybridc does not run `Drop` yet, so
//! these scoped forms hold the preload for the duration of a closure, which
//! gets the data back to pass to its offloads.

/// Runs `f` with `data` preloaded read-only (copied to the device once,
/// never back); returns what `f` returns.
pub fn with_preload<T, R, F: FnOnce(&[T]) -> R>(data: &[T], f: F) -> R {
    let p = data.as_ptr() as *const u8;
    unsafe { core::intrinsics::offload_preload_range(p, data.len() * core::mem::size_of::<T>(), false) };
    let result = f(data);
    unsafe { core::intrinsics::offload_preload_range_end(p, false) };
    result
}

/// Runs `f` with `data` preloaded mutably: copied to the device once, and
/// back once when `f` returns; returns what `f` returns.
pub fn with_preload_mut<T, R, F: FnOnce(&mut [T]) -> R>(data: &mut [T], f: F) -> R {
    let p = data.as_ptr() as *const u8;
    unsafe { core::intrinsics::offload_preload_range(p, data.len() * core::mem::size_of::<T>(), true) };
    let result = f(data);
    unsafe { core::intrinsics::offload_preload_range_end(p, true) };
    result
}
