//! `core::convert`: the traits `From` and `Into`, rustc's blanket `Into`
//! over `From` and reflexive `From`, and its lossless conversions between
//! the primitive types (`f64::from(x_f32)`, `i64::from(x_i32)`,
//! `u32::from(b'a')`, `let y: f64 = x.into();`); a lossy pair has no impl,
//! so it is E0277 as in rustc.

/// A value of `Self` made from a `T` (a conversion that cannot fail).
pub trait From<T> {
    fn from(value: T) -> Self;
}

/// `self` converted into a `T` (the other side of `From`).
pub trait Into<T> {
    fn into(self) -> T;
}

/// Every type converts into itself.
impl<T> From<T> for T {
    fn from(t: T) -> T {
        t
    }
}

/// `a.into()` is `B::from(a)`.
impl<T, U: From<T>> Into<U> for T {
    fn into(self) -> U {
        U::from(self)
    }
}

// @for $a $b in u8 u16 | u8 u32 | u8 u64 | u8 usize | u8 i16 | u8 i32 | u8 i64 | u8 isize | u8 f32 | u8 f64 | u16 u32 | u16 u64 | u16 usize | u16 i32 | u16 i64 | u16 f32 | u16 f64 | u32 u64 | u32 i64 | u32 f64 | i8 i16 | i8 i32 | i8 i64 | i8 isize | i8 f32 | i8 f64 | i16 i32 | i16 i64 | i16 isize | i16 f32 | i16 f64 | i32 i64 | i32 f64 | f32 f64 | bool u8 | bool u16 | bool u32 | bool u64 | bool usize | bool i8 | bool i16 | bool i32 | bool i64 | bool isize | char u32 | char u64
impl From<$a> for $b {
    fn from(value: $a) -> $b {
        value as $b
    }
}
// @end

impl From<u8> for char {
    fn from(value: u8) -> char {
        value as char
    }
}
