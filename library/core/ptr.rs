//! `core::ptr`: the drop glue. `drop_in_place::<T>` is what the compiler
//! calls where a value of a type with a destructor goes out of scope (drop
//! elaboration, `front/src/lower/drops.rs`); its body is the compiler's,
//! made per type: `<T as Drop>::drop` if `T` has an impl, then the glue of
//! each field, element, or (for a `Vec`) `drop_vec`.

/// Runs the destructor of `*p` (its `Drop` impl, then its fields').
/// The body below is replaced by the compiler's glue for each `T`.
pub unsafe fn drop_in_place<T>(p: *mut T) {}

/// The glue of a `Vec<T>`: drops its elements in order, then frees its
/// buffer. (A `Vec` is the words `{ ptr, len, cap }`; read directly, so
/// the glue needs nothing of `vec.rs`.)
pub unsafe fn drop_vec<T>(v: *mut Vec<T>) {
    let words = v as *const usize;
    let base = words.read() as *mut T;
    let n = words.add(1).read();
    let cap = words.add(2).read();
    if core::mem::needs_drop::<T>() {
        let mut i = 0;
        while i < n {
            drop_in_place(base.add(i));
            i += 1;
        }
    }
    let size = core::mem::size_of::<T>();
    if cap != 0 && size != 0 {
        core::intrinsics::vec_dealloc(base as *mut u8, cap * size, core::mem::align_of::<T>());
    }
}
