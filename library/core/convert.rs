//! `core::convert`: `From` and `Into`, the lossless number conversions
//! (`f64::from(x_i32)`, `u64::from(b_u8)`, `let y: i64 = x.into()`); the
//! `String` one (`From<&str>`) is in `string.rs`. FIXME(blanket Into): rustc's `impl<T, U:
//! From<T>> Into<U> for T` needs generic impls of generic traits: each
//! `From` impl here has its `Into` twin, a program's own does not. FIXME(reflexive From):
//! rustc's `impl<T> From<T> for T` is not here (it would overlap every
//! other impl in hybridc's impl selection).

/// A value made from a `T` (`U::from(t)`).
pub trait From<T>: Sized {
    fn from(value: T) -> Self;
}

/// A value turned into a `T` (`t.into()`); implement `From` instead.
pub trait Into<T>: Sized {
    fn into(self) -> T;
}

// @for $from $to in u8 u16 | u8 u32 | u8 u64 | u8 usize | u8 i16 | u8 i32 | u8 i64 | u16 u32 | u16 u64 | u16 usize | u16 i32 | u16 i64 | u32 u64 | u32 i64 | i8 i16 | i8 i32 | i8 i64 | i16 i32 | i16 i64 | i32 i64 | u8 f32 | u8 f64 | u16 f32 | u16 f64 | u32 f64 | i8 f32 | i8 f64 | i16 f32 | i16 f64 | i32 f64 | f32 f64 | bool u8 | bool u32 | bool i32 | bool u64 | bool usize | char u32 | char u64 | u8 char
impl From<$from> for $to {
    fn from(value: $from) -> $to {
        value as $to
    }
}

impl Into<$to> for $from {
    fn into(self) -> $to {
        self as $to
    }
}
// @end
