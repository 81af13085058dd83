//! `c::d`, in `c/d.rs`.
pub const LIMIT: i32 = 42;
