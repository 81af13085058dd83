//! `core::num`: the numeric types' methods written in Rust live in its
//! child modules (`int`, `float`), as inherent impls of the primitive types.
