//! hybridc's standard library: the crate `core` of every program (also
//! named `std` and `alloc`), written in Rust and compiled by hybridc's own
//! front end. Its modules are the files listed in `front/src/library.rs`;
//! only what a program uses is instantiated. What cannot be written in Rust
//! (memory, printing, math, atomics, thread geometry) stays an intrinsic of
//! the compiler.
