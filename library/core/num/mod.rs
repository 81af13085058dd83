//! `core::num`: the numeric types' methods written in Rust live in its
//! child modules (`int`, `float`), as inherent impls of the primitive types.
//! The errors of `str::parse` (`ParseIntError`, its `IntErrorKind`,
//! `ParseFloatError`) are here, as rustc's `core::num`; their `Display` is
//! in `str.rs`, which makes them (so `num` needs no `fmt`).

/// Why an integer did not parse (rustc's `core::num::IntErrorKind`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum IntErrorKind {
    Empty,
    InvalidDigit,
    PosOverflow,
    NegOverflow,
    Zero,
}

/// An integer that did not parse.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParseIntError {
    pub(crate) kind: IntErrorKind,
}

impl ParseIntError {
    pub fn kind(&self) -> &IntErrorKind {
        &self.kind
    }
}

/// Why a float did not parse (rustc's private `FloatErrorKind`;
/// FIXME(pub(crate) items in the library): public here, as `str.rs` makes it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FloatErrorKind {
    Empty,
    Invalid,
}

/// A float that did not parse.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParseFloatError {
    pub(crate) kind: FloatErrorKind,
}
