//! `alloc::boxed`: `Box<T>`, a value on the heap (host only). The box is
//! the address of its value, in a buffer of one element that a `Vec`
//! allocated (the shim's `hybrid_vec_*`); dropping it drops the value and
//! frees the buffer. `*b`, `b.field` and `b.method()` reach the value
//! through the compiler (`front/src/lower/boxed.rs`), as rustc's built-in
//! `Box` deref does; moving the value out (`let x = *b;`) sets `box_moved`
//! (drop elaboration), so that the box only frees its buffer.

/// A pointer to a value of `T` it owns on the heap.
pub struct Box<T> {
    /// (a name no program's field can clash with: `b.field` of a box is
    /// the value's field)
    box_ptr: *mut T,
    /// Whether the value was moved out (`let x = *b;`): the box frees its
    /// buffer, but drops no value.
    box_moved: bool,
}

impl<T> Box<T> {
    /// `x` moved to the heap.
    pub fn new(x: T) -> Box<T> {
        let mut v: Vec<T> = Vec::with_capacity(1);
        let p = v.as_mut_ptr();
        unsafe {
            p.write(x);
            // the buffer is the box's now: a `Vec` of no capacity frees nothing
            (&mut v as *mut Vec<T> as *mut usize).add(2).write(0);
        }
        Box { box_ptr: p, box_moved: false }
    }

    /// The value (what `&*b` is).
    pub fn as_ref(&self) -> &T {
        unsafe { &*self.box_ptr }
    }

    /// The value, mutably (what `&mut *b` is).
    pub fn as_mut(&mut self) -> &mut T {
        unsafe { &mut *self.box_ptr }
    }

    /// The address of the value.
    pub fn as_ptr(b: &Box<T>) -> *const T {
        b.box_ptr
    }

    /// The value's address; the caller owns the value and its buffer now
    /// (a null `box_ptr` is a box that frees nothing).
    pub fn into_raw(b: Box<T>) -> *mut T {
        let mut b = b;
        let p = b.box_ptr;
        b.box_ptr = 0usize as *mut T;
        p
    }
}

impl<T: Clone> Clone for Box<T> {
    fn clone(&self) -> Box<T> {
        Box::new(self.as_ref().clone())
    }
}

impl<T> Drop for Box<T> {
    fn drop(&mut self) {
        if self.box_ptr as usize == 0 {
            return;
        }
        unsafe {
            if !self.box_moved {
                core::ptr::drop_in_place(self.box_ptr);
            }
            let size = core::mem::size_of::<T>();
            if size != 0 {
                core::intrinsics::vec_dealloc(self.box_ptr as *mut u8, size, core::mem::align_of::<T>());
            }
        }
    }
}
