//! `alloc::vec`: the methods of `Vec<T>` written in Rust (rustc's
//! `impl<T> Vec<T>`); host only. A `Vec` is the compiler's `{ ptr, len,
//! cap }` (`Vec::new`, `with_capacity`, `push`, `len` and `vec![..]` are
//! intrinsics backed by the runtime shim); these methods move elements with
//! raw pointers and set the length word. The slice methods
//! (`slice/methods.rs`) apply to `Vec`s too.

/// The address of `v`'s length word.
fn len_word<T>(v: &mut Vec<T>) -> *mut usize {
    unsafe { (v as *mut Vec<T> as *mut usize).add(1) }
}

impl<T> Vec<T> {
    /// The elements as a `Box<[T]>` (which is a `Vec<T>` to hybridc: one
    /// heap buffer and its length; FIXME(Box<[T]> type): its methods are
    /// a `Vec`'s, so `push` on one is accepted).
    pub fn into_boxed_slice(self) -> Vec<T> {
        self
    }

    /// A `Box<[T]>` as a `Vec<T>` again (the same value to hybridc).
    pub fn into_vec(self) -> Vec<T> {
        self
    }

    /// How many elements it can hold before it grows.
    pub fn capacity(&self) -> usize {
        unsafe { (self as *const Vec<T> as *const usize).add(2).read() }
    }

    /// Moves `other`'s elements to the end, leaving `other` empty.
    pub fn append(&mut self, other: &mut Vec<T>) {
        let n = other.len();
        unsafe {
            let p = other.as_mut_ptr();
            let mut i = 0;
            while i < n {
                self.push(p.add(i).read());
                i += 1;
            }
            len_word(other).write(0);
        }
    }

    /// Splits off the elements from `at` on into a new `Vec`.
    #[track_caller]
    pub fn split_off(&mut self, at: usize) -> Vec<T> {
        let n = self.len();
        if at > n {
            panic!("`at` split index (is {}) should be <= len (is {})", at, n);
        }
        let mut tail = Vec::with_capacity(n - at);
        unsafe {
            let p = self.as_mut_ptr();
            let mut i = at;
            while i < n {
                tail.push(p.add(i).read());
                i += 1;
            }
            len_word(self).write(at);
        }
        tail
    }

    /// Removes the last element and returns it, or `None` if it is empty.
    pub fn pop(&mut self) -> Option<T> {
        let n = self.len();
        if n == 0 {
            return None;
        }
        unsafe {
            len_word(self).write(n - 1);
            Some(self.as_mut_ptr().add(n - 1).read())
        }
    }

    /// Keeps the first `len` elements, dropping the others (nothing
    /// happens when it is longer).
    pub fn truncate(&mut self, len: usize) {
        let n = self.len();
        if len < n {
            unsafe {
                len_word(self).write(len);
                if core::mem::needs_drop::<T>() {
                    let p = self.as_mut_ptr();
                    let mut i = len;
                    while i < n {
                        core::ptr::drop_in_place(p.add(i));
                        i += 1;
                    }
                }
            }
        }
    }

    /// Removes (drops) every element; the capacity stays.
    pub fn clear(&mut self) {
        self.truncate(0);
    }

    /// Inserts `element` at `index`, shifting the later ones right.
    #[track_caller]
    pub fn insert(&mut self, index: usize, element: T) {
        let n = self.len();
        if index > n {
            panic!("insertion index (is {}) should be <= len (is {})", index, n);
        }
        self.push(element);
        unsafe {
            let p = self.as_mut_ptr();
            let v = p.add(n).read();
            let mut i = n;
            while i > index {
                p.add(i).write(p.add(i - 1).read());
                i -= 1;
            }
            p.add(index).write(v);
        }
    }

    /// Removes and returns the element at `index`, shifting the later ones left.
    #[track_caller]
    pub fn remove(&mut self, index: usize) -> T {
        let n = self.len();
        if index >= n {
            panic!("removal index (is {}) should be < len (is {})", index, n);
        }
        unsafe {
            let p = self.as_mut_ptr();
            let v = p.add(index).read();
            let mut i = index;
            while i + 1 < n {
                p.add(i).write(p.add(i + 1).read());
                i += 1;
            }
            len_word(self).write(n - 1);
            v
        }
    }

    /// Removes and returns the element at `index`; the last one takes its place.
    #[track_caller]
    pub fn swap_remove(&mut self, index: usize) -> T {
        let n = self.len();
        if index >= n {
            panic!("swap_remove index (is {}) should be < len (is {})", index, n);
        }
        unsafe {
            let p = self.as_mut_ptr();
            let v = p.add(index).read();
            p.add(index).write(p.add(n - 1).read());
            len_word(self).write(n - 1);
            v
        }
    }

    /// Keeps the elements `f` accepts, in order.
    pub fn retain<F: FnMut(&T) -> bool>(&mut self, mut f: F) {
        let n = self.len();
        let mut kept = 0;
        unsafe {
            let p = self.as_mut_ptr();
            let mut i = 0;
            while i < n {
                if f(&*p.add(i)) {
                    p.add(kept).write(p.add(i).read());
                    kept += 1;
                }
                i += 1;
            }
            len_word(self).write(kept);
        }
    }
}

impl<T: Clone> Vec<T> {
    /// Grows to `new_len` with clones of `value`, or truncates.
    pub fn resize(&mut self, new_len: usize, value: T) {
        while self.len() < new_len {
            self.push(value.clone());
        }
        self.truncate(new_len);
    }

    /// Appends clones of `other`'s elements.
    pub fn extend_from_slice(&mut self, other: &[T]) {
        let mut i = 0;
        while i < other.len() {
            self.push(other[i].clone());
            i += 1;
        }
    }

    /// A new `Vec` of clones of the elements.
    pub fn clone(&self) -> Vec<T> {
        let mut v = Vec::with_capacity(self.len());
        let mut i = 0;
        while i < self.len() {
            v.push(self[i].clone());
            i += 1;
        }
        v
    }
}

impl<T: PartialEq> Vec<T> {
    /// Removes consecutive equal elements, keeping the first of each run.
    pub fn dedup(&mut self) {
        let n = self.len();
        if n == 0 {
            return;
        }
        let mut kept = 1;
        let mut i = 1;
        while i < n {
            if self[i] != self[kept - 1] {
                self.swap(kept, i);
                kept += 1;
            }
            i += 1;
        }
        self.truncate(kept);
    }
}
