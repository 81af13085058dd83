//! `core::slice`: iterators over slices (`s.iter()` on slices, arrays and
//! `Vec`s is `slice::iter(&s)`).
//! FIXME(iterators): `iter_mut`, `chunks`, `windows`, `IntoIterator` for
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
