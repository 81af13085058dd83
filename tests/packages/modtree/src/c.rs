//! A non-`mod.rs` file whose child module lives in `c/d.rs`.
pub mod d;

pub fn clamp(x: i32) -> i32 {
    if x > d::LIMIT {
        d::LIMIT
    } else {
        x
    }
}
