//! `core::slice`: iterators over slices (`s.iter()` on slices, arrays and
//! `Vec`s is `slice::iter(&s)`).
//! FIXME(iterators): `chunks`, `windows`, `IntoIterator` for
//! `&[T]` (`for x in &v`).

/// `s.iter()`: the elements of a slice, by reference.
pub struct Iter<'a, T> {
    slice: &'a [T],
    index: usize,
}

/// The iterator over a slice's elements.
pub fn iter<T>(slice: &[T]) -> Iter<'_, T> {
    Iter { slice, index: 0 }
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        if self.index < self.slice.len() {
            let r = &self.slice[self.index];
            self.index += 1;
            Some(r)
        } else {
            None
        }
    }
}

/// `s.iter_mut()`: the elements of a slice, by mutable reference.
pub struct IterMut<'a, T> {
    slice: &'a mut [T],
    index: usize,
}

/// The iterator over a slice's elements, by mutable reference.
pub fn iter_mut<T>(slice: &mut [T]) -> IterMut<'_, T> {
    IterMut { slice, index: 0 }
}

impl<'a, T> Iterator for IterMut<'a, T> {
    type Item = &'a mut T;

    fn next(&mut self) -> Option<&'a mut T> {
        if self.index < self.slice.len() {
            // (hybridc does not check borrows: each element is handed out once)
            let r = &mut self.slice[self.index];
            self.index += 1;
            Some(r)
        } else {
            None
        }
    }
}
