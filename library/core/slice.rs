//! `core::slice`: iterators over slices (`s.iter()` on slices, arrays and
//! `Vec`s is `slice::iter(&s)`), and `IntoIterator` for references to
//! slices, arrays and `Vec`s (`for x in &v`) and for arrays by value.
//! `chunks`, `chunks_exact` and `windows` (their methods are in
//! `slice/methods.rs`) yield subslices.

// ---- iterators ----

/// The next chunk of `Chunks` and `RChunks` (`None` when `slice` is
/// empty), taken off the `front` of `slice` or its back: a `full` one
/// (`size` elements, or all that is left) or the short one (`len % size`,
/// a full one when that is 0).
fn split_chunk<'a, T>(slice: &mut &'a [T], size: usize, front: bool, full: bool) -> Option<&'a [T]> {
    let len = slice.len();
    if len == 0 {
        return None;
    }
    let short = if len % size == 0 { size } else { len % size };
    let n = if !full {
        short
    } else if len < size {
        len
    } else {
        size
    };
    let (chunk, rest) = if front { (&slice[..n], &slice[n..]) } else { (&slice[len - n..], &slice[..len - n]) };
    *slice = rest;
    Some(chunk)
}

/// `s.chunks(n)`: subslices of `n` elements (the last one shorter).
pub struct Chunks<'a, T> {
    slice: &'a [T],
    size: usize,
}

/// `s.chunks(size)` (panics on 0, as rustc's).
#[track_caller]
pub fn chunks<T>(slice: &[T], size: usize) -> Chunks<'_, T> {
    if size == 0 {
        panic!("chunk size must be non-zero");
    }
    Chunks { slice, size }
}

impl<'a, T> Iterator for Chunks<'a, T> {
    type Item = &'a [T];

    fn next(&mut self) -> Option<&'a [T]> {
        split_chunk(&mut self.slice, self.size, true, true)
    }
}

impl<'a, T> DoubleEndedIterator for Chunks<'a, T> {
    fn next_back(&mut self) -> Option<&'a [T]> {
        split_chunk(&mut self.slice, self.size, false, false)
    }
}

impl<'a, T> ExactSizeIterator for Chunks<'a, T> {
    fn len(&self) -> usize {
        (self.slice.len() + self.size - 1) / self.size
    }
}

/// `s.rchunks(n)`: subslices of `n` elements from the end (the last one,
/// at the front of the slice, shorter).
pub struct RChunks<'a, T> {
    slice: &'a [T],
    size: usize,
}

/// `s.rchunks(size)` (panics on 0, as rustc's).
#[track_caller]
pub fn rchunks<T>(slice: &[T], size: usize) -> RChunks<'_, T> {
    if size == 0 {
        panic!("chunk size must be non-zero");
    }
    RChunks { slice, size }
}

impl<'a, T> Iterator for RChunks<'a, T> {
    type Item = &'a [T];

    fn next(&mut self) -> Option<&'a [T]> {
        split_chunk(&mut self.slice, self.size, false, true)
    }
}

impl<'a, T> DoubleEndedIterator for RChunks<'a, T> {
    fn next_back(&mut self) -> Option<&'a [T]> {
        split_chunk(&mut self.slice, self.size, true, false)
    }
}

impl<'a, T> ExactSizeIterator for RChunks<'a, T> {
    fn len(&self) -> usize {
        (self.slice.len() + self.size - 1) / self.size
    }
}

/// `s.chunks_exact(n)`: subslices of exactly `n` elements; the rest is
/// `remainder()`.
pub struct ChunksExact<'a, T> {
    slice: &'a [T],
    rem: &'a [T],
    size: usize,
}

/// `s.chunks_exact(size)` (panics on 0, as rustc's).
#[track_caller]
pub fn chunks_exact<T>(slice: &[T], size: usize) -> ChunksExact<'_, T> {
    if size == 0 {
        panic!("chunk size must be non-zero");
    }
    let whole = slice.len() - slice.len() % size;
    ChunksExact { slice: &slice[..whole], rem: &slice[whole..], size }
}

impl<'a, T> ChunksExact<'a, T> {
    /// The elements left over after the last whole chunk.
    pub fn remainder(&self) -> &'a [T] {
        self.rem
    }
}

impl<'a, T> Iterator for ChunksExact<'a, T> {
    type Item = &'a [T];

    fn next(&mut self) -> Option<&'a [T]> {
        if self.slice.len() < self.size {
            return None;
        }
        let chunk = &self.slice[..self.size];
        self.slice = &self.slice[self.size..];
        Some(chunk)
    }
}

impl<'a, T> DoubleEndedIterator for ChunksExact<'a, T> {
    fn next_back(&mut self) -> Option<&'a [T]> {
        let len = self.slice.len();
        if len < self.size {
            return None;
        }
        let chunk = &self.slice[len - self.size..];
        self.slice = &self.slice[..len - self.size];
        Some(chunk)
    }
}

impl<'a, T> ExactSizeIterator for ChunksExact<'a, T> {
    fn len(&self) -> usize {
        self.slice.len() / self.size
    }
}

/// `s.windows(n)`: every run of `n` neighbouring elements.
pub struct Windows<'a, T> {
    slice: &'a [T],
    size: usize,
}

/// `s.windows(size)` (panics on 0, as rustc's).
#[track_caller]
pub fn windows<T>(slice: &[T], size: usize) -> Windows<'_, T> {
    if size == 0 {
        panic!("window size must be non-zero");
    }
    Windows { slice, size }
}

impl<'a, T> Iterator for Windows<'a, T> {
    type Item = &'a [T];

    fn next(&mut self) -> Option<&'a [T]> {
        if self.slice.len() < self.size {
            return None;
        }
        let w = &self.slice[..self.size];
        self.slice = &self.slice[1..];
        Some(w)
    }
}

impl<'a, T> DoubleEndedIterator for Windows<'a, T> {
    fn next_back(&mut self) -> Option<&'a [T]> {
        let len = self.slice.len();
        if len < self.size {
            return None;
        }
        let w = &self.slice[len - self.size..];
        self.slice = &self.slice[..len - 1];
        Some(w)
    }
}

impl<'a, T> ExactSizeIterator for Windows<'a, T> {
    fn len(&self) -> usize {
        if self.slice.len() < self.size {
            0
        } else {
            self.slice.len() + 1 - self.size
        }
    }
}

/// `s.iter()`: the elements of a slice, by reference.
pub struct Iter<'a, T> {
    slice: &'a [T],
    index: usize,
    end: usize,
}

/// The iterator over a slice's elements.
pub fn iter<T>(slice: &[T]) -> Iter<'_, T> {
    Iter { slice, index: 0, end: slice.len() }
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        if self.index < self.end {
            let r = &self.slice[self.index];
            self.index += 1;
            Some(r)
        } else {
            None
        }
    }
}

impl<'a, T> DoubleEndedIterator for Iter<'a, T> {
    fn next_back(&mut self) -> Option<&'a T> {
        if self.index < self.end {
            self.end -= 1;
            Some(&self.slice[self.end])
        } else {
            None
        }
    }
}

// @for $i in Iter IterMut ArrayIntoIter
impl<'a, T> ExactSizeIterator for $i<'a, T> {
    fn len(&self) -> usize {
        self.end - self.index
    }
}
// @end

impl<T> ExactSizeIterator for VecIntoIter<T> {
    fn len(&self) -> usize {
        self.end - self.index
    }
}

/// `s.iter_mut()`: the elements of a slice, by mutable reference.
pub struct IterMut<'a, T> {
    slice: &'a mut [T],
    index: usize,
    end: usize,
}

/// The iterator over a slice's elements, by mutable reference.
pub fn iter_mut<T>(slice: &mut [T]) -> IterMut<'_, T> {
    let end = slice.len();
    IterMut { slice, index: 0, end }
}

impl<'a, T> Iterator for IterMut<'a, T> {
    type Item = &'a mut T;

    fn next(&mut self) -> Option<&'a mut T> {
        if self.index < self.end {
            // (hybridc does not check borrows: each element is handed out once)
            let r = &mut self.slice[self.index];
            self.index += 1;
            Some(r)
        } else {
            None
        }
    }
}

impl<'a, T> DoubleEndedIterator for IterMut<'a, T> {
    fn next_back(&mut self) -> Option<&'a mut T> {
        if self.index < self.end {
            self.end -= 1;
            Some(&mut self.slice[self.end])
        } else {
            None
        }
    }
}

/// `for x in array` and `array.into_iter()`: an array's elements, by
/// value, read from the array the desugaring moved into a local of the
/// loop's function (`array_into_iter(&local)`).
/// FIXME(const generic structs): rustc's `array::IntoIter<T, N>` owns the
/// array, so it can be returned from the function that made it.
pub struct ArrayIntoIter<'a, T> {
    array: &'a [T],
    index: usize,
    end: usize,
}

/// The by-value iterator over an array moved into a local.
pub fn array_into_iter<T>(array: &[T]) -> ArrayIntoIter<'_, T> {
    ArrayIntoIter { array, index: 0, end: array.len() }
}

impl<'a, T> Iterator for ArrayIntoIter<'a, T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if self.index < self.end {
            // (hybridc does not check moves: each element is moved out once)
            let x = self.array[self.index];
            self.index += 1;
            Some(x)
        } else {
            None
        }
    }
}

impl<'a, T> DoubleEndedIterator for ArrayIntoIter<'a, T> {
    fn next_back(&mut self) -> Option<T> {
        if self.index < self.end {
            self.end -= 1;
            Some(self.array[self.end])
        } else {
            None
        }
    }
}

/// `for x in v` of a `Vec`: its elements, by value.
pub struct VecIntoIter<T> {
    vec: Vec<T>,
    index: usize,
    end: usize,
}

/// `v.into_iter()` and `for x in v` of a `Vec` `v` (the compiler's
/// desugaring; `<Vec<T> as IntoIterator>::into_iter` below elsewhere);
/// `for x in &v` and `&mut v` of slices, arrays and `Vec`s are desugared to
/// `iter(&v)` / `iter_mut(&mut v)` by the compiler.
pub fn vec_into_iter<T>(vec: Vec<T>) -> VecIntoIter<T> {
    let end = vec.len();
    VecIntoIter { vec, index: 0, end }
}

impl<T> Iterator for VecIntoIter<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if self.index < self.end {
            // each element is moved out once (`Drop` below drops the others)
            let x = unsafe { self.vec.as_ptr().add(self.index).read() };
            self.index += 1;
            Some(x)
        } else {
            None
        }
    }
}

impl<T> Drop for VecIntoIter<T> {
    /// Drops the elements not taken; the `Vec`'s own glue then frees only the buffer.
    fn drop(&mut self) {
        unsafe {
            if core::mem::needs_drop::<T>() {
                let p = self.vec.as_mut_ptr();
                let mut i = self.index;
                while i < self.end {
                    core::ptr::drop_in_place(p.add(i));
                    i += 1;
                }
            }
            (&mut self.vec as *mut Vec<T> as *mut usize).add(1).write(0);
        }
    }
}

impl<T> DoubleEndedIterator for VecIntoIter<T> {
    fn next_back(&mut self) -> Option<T> {
        if self.index < self.end {
            self.end -= 1;
            Some(unsafe { self.vec.as_ptr().add(self.end).read() })
        } else {
            None
        }
    }
}

/// `collect()` into a `Vec` (the compiler's desugaring of `collect`).
/// FIXME(generic impls for builtin types): rustc's `impl<T>
/// FromIterator<T> for Vec<T>`.
pub fn collect_vec<I: Iterator>(mut iter: I) -> Vec<I::Item> {
    let mut v: Vec<I::Item> = Vec::new();
    while let Some(x) = iter.next() {
        v.push(x);
    }
    v
}

/// `Vec::from_iter(it)` / `FromIterator::from_iter(it)` into a `Vec`.
impl<T> core::iter::FromIterator<T> for Vec<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Vec<T> {
        collect_vec(iter.into_iter())
    }
}

/// `collect()` into a `Result<Vec<T>, E>`: the `Ok` values, or the first
/// `Err` (where it stops, as rustc's `impl FromIterator<Result<A, E>> for
/// Result<V, E>` does). FIXME(generic impls for builtin types): that impl.
pub fn collect_result_vec<T, E, I: Iterator<Item = Result<T, E>>>(mut iter: I) -> Result<Vec<T>, E> {
    let mut v: Vec<T> = Vec::new();
    while let Some(x) = iter.next() {
        match x {
            Ok(t) => v.push(t),
            Err(e) => return Err(e),
        }
    }
    Ok(v)
}

/// `collect()` into an `Option<Vec<T>>`: the `Some` values, or `None` at
/// the first `None` (where it stops, as rustc's).
pub fn collect_option_vec<T, I: Iterator<Item = Option<T>>>(mut iter: I) -> Option<Vec<T>> {
    let mut v: Vec<T> = Vec::new();
    while let Some(x) = iter.next() {
        match x {
            Some(t) => v.push(t),
            None => return None,
        }
    }
    Some(v)
}

// (FIXME(blanket impls with associated types): rustc's `impl<I: Iterator>
// IntoIterator for I` covers these)
impl<'a, T> IntoIterator for Iter<'a, T> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Iter<'a, T> {
        self
    }
}

impl<'a, T> IntoIterator for IterMut<'a, T> {
    type Item = &'a mut T;
    type IntoIter = IterMut<'a, T>;

    fn into_iter(self) -> IterMut<'a, T> {
        self
    }
}

impl<'a, T> IntoIterator for ArrayIntoIter<'a, T> {
    type Item = T;
    type IntoIter = ArrayIntoIter<'a, T>;

    fn into_iter(self) -> ArrayIntoIter<'a, T> {
        self
    }
}

impl<T> IntoIterator for VecIntoIter<T> {
    type Item = T;
    type IntoIter = VecIntoIter<T>;

    fn into_iter(self) -> VecIntoIter<T> {
        self
    }
}

// rustc's `IntoIterator` impls of the collections (what `flatten`, `flat_map`,
// `zip` and `chain` take; the compiler desugars `for x in &v` directly)

impl<'a, T> IntoIterator for &'a [T] {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Iter<'a, T> {
        iter(self)
    }
}

impl<'a, T, const N: usize> IntoIterator for &'a [T; N] {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Iter<'a, T> {
        iter(self)
    }
}

impl<'a, T> IntoIterator for &'a Vec<T> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Iter<'a, T> {
        iter(self)
    }
}

impl<'a, T> IntoIterator for &'a mut Vec<T> {
    type Item = &'a mut T;
    type IntoIter = IterMut<'a, T>;

    fn into_iter(self) -> IterMut<'a, T> {
        iter_mut(self)
    }
}

impl<T> IntoIterator for Vec<T> {
    type Item = T;
    type IntoIter = VecIntoIter<T>;

    fn into_iter(self) -> VecIntoIter<T> {
        vec_into_iter(self)
    }
}

// ---- end of iterators ----

/// `s.chunks_mut(n)`: mutable subslices of `n` elements (the last one
/// shorter). (hybridc does not check borrows: the chunks do not overlap,
/// and `slice` is the part not handed out yet.)
pub struct ChunksMut<'a, T> {
    slice: &'a mut [T],
    size: usize,
}

/// `s.chunks_mut(size)` (panics on 0, as rustc's).
#[track_caller]
pub fn chunks_mut<T>(slice: &mut [T], size: usize) -> ChunksMut<'_, T> {
    if size == 0 {
        panic!("chunk size must be non-zero");
    }
    ChunksMut { slice, size }
}

impl<'a, T> Iterator for ChunksMut<'a, T> {
    type Item = &'a mut [T];

    fn next(&mut self) -> Option<&'a mut [T]> {
        let len = self.slice.len();
        if len == 0 {
            return None;
        }
        let n = if len < self.size { len } else { self.size };
        let chunk = &mut self.slice[..n];
        self.slice = &mut self.slice[n..];
        Some(chunk)
    }
}

impl<'a, T> ExactSizeIterator for ChunksMut<'a, T> {
    fn len(&self) -> usize {
        (self.slice.len() + self.size - 1) / self.size
    }
}

/// `s.chunks_exact_mut(n)`: mutable subslices of exactly `n` elements;
/// the rest is `into_remainder()`.
pub struct ChunksExactMut<'a, T> {
    slice: &'a mut [T],
    rem: &'a mut [T],
    size: usize,
}

/// `s.chunks_exact_mut(size)` (panics on 0, as rustc's).
#[track_caller]
pub fn chunks_exact_mut<T>(slice: &mut [T], size: usize) -> ChunksExactMut<'_, T> {
    if size == 0 {
        panic!("chunk size must be non-zero");
    }
    let whole = slice.len() - slice.len() % size;
    let (slice, rem) = slice.split_at_mut(whole);
    ChunksExactMut { slice, rem, size }
}

impl<'a, T> ChunksExactMut<'a, T> {
    /// The elements left over after the last whole chunk.
    pub fn into_remainder(self) -> &'a mut [T] {
        self.rem
    }
}

impl<'a, T> Iterator for ChunksExactMut<'a, T> {
    type Item = &'a mut [T];

    fn next(&mut self) -> Option<&'a mut [T]> {
        if self.slice.len() < self.size {
            return None;
        }
        let chunk = &mut self.slice[..self.size];
        self.slice = &mut self.slice[self.size..];
        Some(chunk)
    }
}

impl<'a, T> ExactSizeIterator for ChunksExactMut<'a, T> {
    fn len(&self) -> usize {
        self.slice.len() / self.size
    }
}
