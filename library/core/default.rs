//! `core::default`: the `Default` trait (`T::default()`, `#[derive(Default)]`,
//! `..Default::default()`) and its impls for the primitive types.
//! FIXME(generic impls of tuples and arrays): `(A, B)` and `[T; N]` have no
//! `Default` yet.

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
