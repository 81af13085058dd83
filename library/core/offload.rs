//! `core::offload`: data that stays on the GPU across offloads.
//!
//! While a preload holds a range of host memory, it stays mapped on its
//! device (the default one, or the one `preload_on`/`preload_mut_on` name): offloads that pass it find it present in the shim's
//! present table and copy nothing either way; the end of the outermost
//! preload of a mutable range copies it back once. In host fallback they
//! do nothing. Host code must not read data a mutable preload holds until
//! it ends (the device has the current values), as with OpenMP's
//! `target data` regions.
//!
//! The guards `preload(&x)` / `preload_mut(&mut y)` hold a preload until
//! they are dropped (`&*g` / `&mut *g` is the data, through `deref` /
//! `deref_mut`); `with_preload{,_mut}` hold one for the duration of a
//! closure.

/// A read-only preload of a slice (copied to the device once, never back),
/// ended when dropped. `&*guard` is the slice.
pub struct Preload<'a, T> {
    data: &'a [T],
    device: i32,
}

/// A mutable preload of a slice: copied to the device once, and back once
/// when dropped. `&mut *guard` is the slice.
pub struct PreloadMut<'a, T> {
    data: &'a mut [T],
    device: i32,
}

/// Preloads `data` read-only on the default device until the guard is dropped.
pub fn preload<T>(data: &[T]) -> Preload<'_, T> {
    preload_on(-1, data)
}

/// Preloads `data` mutably on the default device until the guard is
/// dropped (then copied back once).
pub fn preload_mut<T>(data: &mut [T]) -> PreloadMut<'_, T> {
    preload_mut_on(-1, data)
}

/// Preloads `data` read-only on GPU `device` (-1: the default device)
/// until the guard is dropped; offloads to that device find it present.
pub fn preload_on<T>(device: i32, data: &[T]) -> Preload<'_, T> {
    unsafe { core::intrinsics::offload_preload_range(data.as_ptr() as *const u8, data.len() * core::mem::size_of::<T>(), false, device) };
    Preload { data, device }
}

/// Preloads `data` mutably on GPU `device` (-1: the default device) until
/// the guard is dropped (then copied back once).
pub fn preload_mut_on<T>(device: i32, data: &mut [T]) -> PreloadMut<'_, T> {
    unsafe { core::intrinsics::offload_preload_range(data.as_ptr() as *const u8, data.len() * core::mem::size_of::<T>(), true, device) };
    PreloadMut { data, device }
}

/// Waits for the kernels launched so far (launches do not wait).
pub fn offload_sync() {
    core::intrinsics::offload_sync();
}

impl<'a, T> Preload<'a, T> {
    /// The preloaded data (what `*guard` is).
    pub fn deref(&self) -> &[T] {
        self.data
    }
}

impl<'a, T> PreloadMut<'a, T> {
    /// The preloaded data (what `*guard` is).
    pub fn deref(&self) -> &[T] {
        self.data
    }

    /// The preloaded data, mutably (what `&mut *guard` is).
    pub fn deref_mut(&mut self) -> &mut [T] {
        self.data
    }
}

impl<'a, T> Drop for Preload<'a, T> {
    fn drop(&mut self) {
        unsafe { core::intrinsics::offload_preload_range_end(self.data.as_ptr() as *const u8, false, self.device) };
    }
}

impl<'a, T> Drop for PreloadMut<'a, T> {
    fn drop(&mut self) {
        unsafe { core::intrinsics::offload_preload_range_end(self.data.as_ptr() as *const u8, true, self.device) };
    }
}

/// Runs `f` with `data` preloaded read-only (copied to the device once,
/// never back); returns what `f` returns.
pub fn with_preload<T, R, F: FnOnce(&[T]) -> R>(data: &[T], f: F) -> R {
    let p = data.as_ptr() as *const u8;
    unsafe { core::intrinsics::offload_preload_range(p, data.len() * core::mem::size_of::<T>(), false, -1) };
    let result = f(data);
    unsafe { core::intrinsics::offload_preload_range_end(p, false, -1) };
    result
}

/// Runs `f` with `data` preloaded mutably: copied to the device once, and
/// back once when `f` returns; returns what `f` returns.
pub fn with_preload_mut<T, R, F: FnOnce(&mut [T]) -> R>(data: &mut [T], f: F) -> R {
    let p = data.as_ptr() as *const u8;
    unsafe { core::intrinsics::offload_preload_range(p, data.len() * core::mem::size_of::<T>(), true, -1) };
    let result = f(data);
    unsafe { core::intrinsics::offload_preload_range_end(p, true, -1) };
    result
}
