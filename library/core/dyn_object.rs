//! `core::dyn_object` (hybridc's own, not rustc's API): trait objects.
//! `&dyn Tr`, `&mut dyn Tr` and `Box<dyn Tr>` are fat pointers made by the
//! compiler (`front/src/dyn_object.rs`): the data pointer, then the vtable
//! pointer. The vtable of `T` as a `dyn Tr` is the address of
//! `vtable::<T, D>` (`D`: the `&dyn Tr` type), a function whose body the
//! compiler makes per instance (`front/src/lower/dyn_call.rs`): slot 0 is
//! the address of `drop_in_place::<T>`, 1 the size of `T`, 2 its
//! alignment, then one method address per object-safe method of `Tr` and
//! of its supertraits, in declaration order. (The IR has no static data
//! with function addresses in it; a table made of code answers the same
//! questions.)

/// Slot `slot` of `T`'s vtable as a `D` (see the module's text). The body
/// below is replaced by the compiler's for each instance.
pub fn vtable<T, D>(slot: usize) -> *const u8 {
    slot as *const u8
}

/// The data pointer of a `Box<T>` coerced to a `Box<dyn Tr>`: the box's
/// value and buffer are the trait object's now.
pub fn box_data<T>(b: Box<T>) -> *mut u8 {
    Box::into_raw(b) as *mut u8
}

/// The drop glue of a `Box<dyn Tr>` at `p` (the words `{ data, vtable }`):
/// the value's own drop glue through the vtable, then its buffer.
pub unsafe fn drop_box(p: *mut u8) {
    let words = p as *const usize;
    let data = words.read() as *mut u8;
    let vtable = words.add(1).read() as fn(usize) -> *const u8;
    let drop_value = vtable(0) as fn(*mut u8);
    drop_value(data);
    let size = vtable(1) as usize;
    if size != 0 {
        core::intrinsics::vec_dealloc(data, size, vtable(2) as usize);
    }
}
