//! `core::fn_ptr` (hybridc's own, not rustc's API): the functions a closure
//! that captures nothing, or a function item, becomes when it is coerced
//! to a `fn` pointer. `F` is the closure's (zero-sized) type; each thunk
//! makes its value and calls it, so the pointer points to a real function
//! with the pointer type's signature.

pub fn thunk0<F: Fn() -> R, R>() -> R {
    let f: F = core::intrinsics::hybrid_closure_value::<F>();
    f()
}

pub fn thunk1<F: Fn(A) -> R, A, R>(a: A) -> R {
    let f: F = core::intrinsics::hybrid_closure_value::<F>();
    f(a)
}

pub fn thunk2<F: Fn(A, B) -> R, A, B, R>(a: A, b: B) -> R {
    let f: F = core::intrinsics::hybrid_closure_value::<F>();
    f(a, b)
}

pub fn thunk3<F: Fn(A, B, C) -> R, A, B, C, R>(a: A, b: B, c: C) -> R {
    let f: F = core::intrinsics::hybrid_closure_value::<F>();
    f(a, b, c)
}

pub fn thunk4<F: Fn(A, B, C, D) -> R, A, B, C, D, R>(a: A, b: B, c: C, d: D) -> R {
    let f: F = core::intrinsics::hybrid_closure_value::<F>();
    f(a, b, c, d)
}
