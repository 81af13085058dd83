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
                } else {
                    core::ptr::drop_in_place(p.add(i));
                }
                i += 1;
            }
            len_word(self).write(kept);
        }
    }

    /// Keeps the elements `f` accepts, in order; `f` may change them.
    pub fn retain_mut<F: FnMut(&mut T) -> bool>(&mut self, mut f: F) {
        let n = self.len();
        let mut kept = 0;
        unsafe {
            let p = self.as_mut_ptr();
            let mut i = 0;
            while i < n {
                if f(&mut *p.add(i)) {
                    p.add(kept).write(p.add(i).read());
                    kept += 1;
                } else {
                    core::ptr::drop_in_place(p.add(i));
                }
                i += 1;
            }
            len_word(self).write(kept);
        }
    }

    /// Removes each element `same_bucket(&mut it, &mut kept)` calls equal to
    /// the last one kept (the first of each run stays).
    pub fn dedup_by<F: FnMut(&mut T, &mut T) -> bool>(&mut self, mut same_bucket: F) {
        let n = self.len();
        if n == 0 {
            return;
        }
        let mut kept = 1;
        let mut i = 1;
        unsafe {
            let p = self.as_mut_ptr();
            while i < n {
                // (a duplicate is dropped at once, in order, as rustc's)
                if same_bucket(&mut *p.add(i), &mut *p.add(kept - 1)) {
                    core::ptr::drop_in_place(p.add(i));
                } else {
                    p.add(kept).write(p.add(i).read());
                    kept += 1;
                }
                i += 1;
            }
            len_word(self).write(kept);
        }
    }

    /// Removes consecutive elements whose `key` equals the last kept one's.
    pub fn dedup_by_key<K: PartialEq, F: FnMut(&mut T) -> K>(&mut self, mut key: F) {
        self.dedup_by(|a, b| key(a) == key(b));
    }

    /// `v.extend(iter)` of values (the compiler's name for it; `vec.rs` is
    /// loaded by the words `extend` and `drain`): the compiler passes a collection
    /// argument (`&s`, a `Vec`) as its iterator, and iterators of
    /// references to `extend_copied`. FIXME(generic impls for builtin
    /// types): rustc's `Extend<T>` and `Extend<&T>` impls for `Vec<T>`.
    pub fn extend_values<I: Iterator<Item = T>>(&mut self, mut iter: I) {
        while let Some(x) = iter.next() {
            self.push(x);
        }
    }

    /// `v.drain(start..end)` (the compiler reads the range's ends: `..` is
    /// `0` to `len`): moves the elements out at once and closes the gap; the
    /// iterator drops those it does not hand out. Panics as rustc's.
    #[track_caller]
    pub fn drain_range(&mut self, start: usize, end: usize) -> crate::slice::VecIntoIter<T> {
        let n = self.len();
        if start > end {
            panic!("slice index starts at {} but ends at {}", start, end);
        }
        if end > n {
            panic!("range end index {} out of range for slice of length {}", end, n);
        }
        let mut taken = Vec::with_capacity(end - start);
        unsafe {
            let p = self.as_mut_ptr();
            let mut i = start;
            while i < end {
                taken.push(p.add(i).read());
                i += 1;
            }
            let mut j = end;
            while j < n {
                p.add(start + (j - end)).write(p.add(j).read());
                j += 1;
            }
            len_word(self).write(n - (end - start));
        }
        crate::slice::vec_into_iter(taken)
    }
}

impl<T> Vec<T> {
    /// `v.drain(start..=end)`: rustc's checks of an inclusive range (its
    /// end first, so `..=usize::MAX` is an index panic, not an overflow).
    #[track_caller]
    pub fn drain_inclusive(&mut self, start: usize, end: usize) -> crate::slice::VecIntoIter<T> {
        let n = self.len();
        if end >= n {
            panic!("range end index {} out of range for slice of length {}", end, n);
        }
        self.drain_range(start, end + 1)
    }

    /// `v.drain(r)` of a `Range<usize>` value.
    #[track_caller]
    pub fn drain_range_value(&mut self, r: crate::ops::Range<usize>) -> crate::slice::VecIntoIter<T> {
        self.drain_range(r.start, r.end)
    }

    /// `v.drain(r)` of a `RangeInclusive<usize>` value.
    #[track_caller]
    pub fn drain_inclusive_value(&mut self, r: crate::ops::RangeInclusive<usize>) -> crate::slice::VecIntoIter<T> {
        self.drain_inclusive(r.start, r.end)
    }

    /// `v.drain(start..)`.
    #[track_caller]
    pub fn drain_from(&mut self, start: usize) -> crate::slice::VecIntoIter<T> {
        let n = self.len();
        if start > n {
            panic!("range start index {} out of range for slice of length {}", start, n);
        }
        self.drain_range(start, n)
    }
}

impl<T: Copy> Vec<T> {
    /// `v.extend(iter)` of references (rustc's `Extend<&T>`: copies them).
    pub fn extend_copied<'a, I: Iterator<Item = &'a T>>(&mut self, mut iter: I)
    where
        T: 'a,
    {
        while let Some(x) = iter.next() {
            self.push(*x);
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
        unsafe {
            let p = self.as_mut_ptr();
            while i < n {
                if *p.add(i) == *p.add(kept - 1) {
                    core::ptr::drop_in_place(p.add(i));
                } else {
                    p.add(kept).write(p.add(i).read());
                    kept += 1;
                }
                i += 1;
            }
            len_word(self).write(kept);
        }
    }
}
