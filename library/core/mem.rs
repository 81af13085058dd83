//! `core::mem`: moving values in and out of places. (`size_of` is an
//! intrinsic of the compiler.)

/// Swaps the values of two places.
pub fn swap<T>(a: &mut T, b: &mut T) {
    let pa: *mut T = a;
    let pb: *mut T = b;
    unsafe {
        let t = pa.read();
        pa.write(pb.read());
        pb.write(t);
    }
}

/// Moves `src` into `dest`, returning the value `dest` held.
pub fn replace<T>(dest: &mut T, src: T) -> T {
    let p: *mut T = dest;
    unsafe {
        let old = p.read();
        p.write(src);
        old
    }
}

/// Takes the value of `dest`, leaving `T::default()` in its place.
pub fn take<T: Default>(dest: &mut T) -> T {
    replace(dest, T::default())
}

/// Drops `x` now (its destructor runs at the end of this call): the
/// prelude's `drop`.
pub fn drop<T>(_x: T) {}
