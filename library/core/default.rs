//! `core::default`: the `Default` trait (`T::default()`, `#[derive(Default)]`,
//! `..Default::default()`) and its impls for the primitive types, tuples
//! of up to four elements, arrays and `Vec`s.

/// A type's default value.
pub trait Default {
    fn default() -> Self;
}

// @for $t in u8 u16 u32 u64 usize i8 i16 i32 i64 isize
impl Default for $t {
    fn default() -> $t {
        0
    }
}
// @end

// @for $t in f32 f64
impl Default for $t {
    fn default() -> $t {
        0.0
    }
}
// @end

impl Default for bool {
    fn default() -> bool {
        false
    }
}

impl Default for char {
    fn default() -> char {
        '\0'
    }
}

impl<A: Default, B: Default> Default for (A, B) {
    fn default() -> (A, B) {
        (A::default(), B::default())
    }
}

impl<A: Default, B: Default, C: Default> Default for (A, B, C) {
    fn default() -> (A, B, C) {
        (A::default(), B::default(), C::default())
    }
}

impl<A: Default, B: Default, C: Default, D: Default> Default for (A, B, C, D) {
    fn default() -> (A, B, C, D) {
        (A::default(), B::default(), C::default(), D::default())
    }
}

/// Every element `T::default()`, each made by its own call (`T` need not
/// be `Copy`), in a `Vec` whose buffer is read as the array (host only).
/// (rustc's impl is for lengths up to 32.)
impl<T: Default, const N: usize> Default for [T; N] {
    fn default() -> [T; N] {
        let mut v: Vec<T> = Vec::with_capacity(N);
        let mut i = 0;
        while i < N {
            v.push(T::default());
            i += 1;
        }
        unsafe {
            let a = (v.as_ptr() as *const [T; N]).read();
            // the elements are moved out: the buffer is freed empty (its length word set to 0)
            (&mut v as *mut Vec<T> as *mut usize).add(1).write(0);
            a
        }
    }
}

/// An empty `Vec`.
impl<T> Default for Vec<T> {
    fn default() -> Vec<T> {
        Vec::new()
    }
}
