//! `core::slice::methods`: the methods of slices (rustc's `impl<T> [T]` in
//! `core::slice`), which arrays and `Vec`s get too (`self` is the
//! `&[T]` / `&mut [T]` the receiver makes); on the host and in device code
//! (`to_vec` on the host only). `len` and `is_empty` are the compiler's.
//! The stable sorts (`sort`, `sort_by`, `sort_by_key`) are Go's
//! `sort.Stable` (insertion-sorted blocks merged in place by SymMerge:
//! O(n log² n), no allocation, so they work in kernels); the unstable ones
//! a heapsort (O(n log n)). FIXME(sort speed): rustc's driftsort/ipnsort
//! are faster; the results are the same (stable sorts agree on the order).

use crate::cmp::Ordering;

impl<T> [T] {
    /// Subslices of `size` elements, the last one shorter.
    #[track_caller]
    pub fn chunks(&self, size: usize) -> crate::slice::Chunks<'_, T> {
        crate::slice::chunks(self, size)
    }

    /// Subslices of `size` elements from the end, the last one shorter.
    #[track_caller]
    pub fn rchunks(&self, size: usize) -> crate::slice::RChunks<'_, T> {
        crate::slice::rchunks(self, size)
    }

    /// Subslices of exactly `size` elements (the rest: `remainder()`).
    #[track_caller]
    pub fn chunks_exact(&self, size: usize) -> crate::slice::ChunksExact<'_, T> {
        crate::slice::chunks_exact(self, size)
    }

    /// Mutable subslices of `size` elements, the last one shorter.
    #[track_caller]
    pub fn chunks_mut(&mut self, size: usize) -> crate::slice::ChunksMut<'_, T> {
        crate::slice::chunks_mut(self, size)
    }

    /// Mutable subslices of exactly `size` elements (the rest: `into_remainder()`).
    #[track_caller]
    pub fn chunks_exact_mut(&mut self, size: usize) -> crate::slice::ChunksExactMut<'_, T> {
        crate::slice::chunks_exact_mut(self, size)
    }

    /// Every run of `size` neighbouring elements.
    #[track_caller]
    pub fn windows(&self, size: usize) -> crate::slice::Windows<'_, T> {
        crate::slice::windows(self, size)
    }

    /// The first element and the rest, or `None` if the slice is empty.
    pub fn split_first(&self) -> Option<(&T, &[T])> {
        if self.len() == 0 {
            None
        } else {
            Some((&self[0], &self[1..]))
        }
    }

    /// The last element and the rest, or `None` if the slice is empty.
    pub fn split_last(&self) -> Option<(&T, &[T])> {
        let n = self.len();
        if n == 0 {
            None
        } else {
            Some((&self[n - 1], &self[..n - 1]))
        }
    }

    /// The first element, or `None` if the slice is empty.
    pub fn first(&self) -> Option<&T> {
        if self.len() == 0 {
            None
        } else {
            Some(&self[0])
        }
    }

    pub fn first_mut(&mut self) -> Option<&mut T> {
        if self.len() == 0 {
            None
        } else {
            Some(&mut self[0])
        }
    }

    /// The last element, or `None` if the slice is empty.
    pub fn last(&self) -> Option<&T> {
        let n = self.len();
        if n == 0 {
            None
        } else {
            Some(&self[n - 1])
        }
    }

    pub fn last_mut(&mut self) -> Option<&mut T> {
        let n = self.len();
        if n == 0 {
            None
        } else {
            Some(&mut self[n - 1])
        }
    }

    /// The element at `index`, or `None` past the end.
    pub fn get(&self, index: usize) -> Option<&T> {
        if index < self.len() {
            Some(&self[index])
        } else {
            None
        }
    }

    pub fn get_mut(&mut self, index: usize) -> Option<&mut T> {
        if index < self.len() {
            Some(&mut self[index])
        } else {
            None
        }
    }

    /// Exchanges the elements at `a` and `b` (panics when either is out of bounds).
    #[track_caller]
    pub fn swap(&mut self, a: usize, b: usize) {
        let p = &mut self[a] as *mut T;
        let q = &mut self[b] as *mut T;
        unsafe {
            let t = p.read();
            p.write(q.read());
            q.write(t);
        }
    }

    /// Reverses the order of the elements in place.
    pub fn reverse(&mut self) {
        let n = self.len();
        let mut i = 0;
        while i < n / 2 {
            self.swap(i, n - 1 - i);
            i += 1;
        }
    }

    /// Rotates left by `mid` places: `self[mid]` becomes the first element.
    #[track_caller]
    pub fn rotate_left(&mut self, mid: usize) {
        assert!(mid <= self.len(), "assertion failed: mid <= self.len()");
        (&mut self[..mid]).reverse();
        (&mut self[mid..]).reverse();
        self.reverse();
    }

    /// Rotates right by `k` places: the last `k` elements come first.
    #[track_caller]
    pub fn rotate_right(&mut self, k: usize) {
        assert!(k <= self.len(), "assertion failed: k <= self.len()");
        let n = self.len();
        self.rotate_left(n - k);
    }

    /// The two halves `[0, mid)` and `[mid, len)` (panics with `mid > len`).
    #[track_caller]
    pub fn split_at(&self, mid: usize) -> (&[T], &[T]) {
        if mid > self.len() {
            panic!("mid > len");
        }
        (&self[..mid], &self[mid..])
    }

    /// The two halves `[0, mid)` and `[mid, len)`, mutable.
    #[track_caller]
    pub fn split_at_mut(&mut self, mid: usize) -> (&mut [T], &mut [T]) {
        if mid > self.len() {
            panic!("mid > len");
        }
        // (hybridc does not check borrows: the halves do not overlap)
        (&mut self[..mid], &mut self[mid..])
    }

    /// Sorts with `compare`, keeping equal elements in their order.
    pub fn sort_by<F: FnMut(&T, &T) -> Ordering>(&mut self, mut compare: F) {
        stable_sort(self, &mut compare);
    }

    /// Sorts with `compare` (a heapsort: equal elements may be reordered).
    pub fn sort_unstable_by<F: FnMut(&T, &T) -> Ordering>(&mut self, mut compare: F) {
        let n = self.len();
        // build a max-heap, then move its top to the end, shrinking it
        let mut start = n / 2;
        while start > 0 {
            start -= 1;
            let mut root = start;
            loop {
                let mut child = 2 * root + 1;
                if child >= n {
                    break;
                }
                if child + 1 < n && compare(&self[child], &self[child + 1]).is_lt() {
                    child += 1;
                }
                if !compare(&self[root], &self[child]).is_lt() {
                    break;
                }
                self.swap(root, child);
                root = child;
            }
        }
        let mut end = n;
        while end > 1 {
            end -= 1;
            self.swap(0, end);
            let mut root = 0;
            loop {
                let mut child = 2 * root + 1;
                if child >= end {
                    break;
                }
                if child + 1 < end && compare(&self[child], &self[child + 1]).is_lt() {
                    child += 1;
                }
                if !compare(&self[root], &self[child]).is_lt() {
                    break;
                }
                self.swap(root, child);
                root = child;
            }
        }
    }

    /// Sorts by the key `f` gives each element, keeping equal keys in order.
    pub fn sort_by_key<K: Ord, F: FnMut(&T) -> K>(&mut self, mut f: F) {
        self.sort_by(|a, b| f(a).cmp(&f(b)));
    }

    pub fn sort_unstable_by_key<K: Ord, F: FnMut(&T) -> K>(&mut self, mut f: F) {
        self.sort_unstable_by(|a, b| f(a).cmp(&f(b)));
    }

    /// rustc's binary search: `Ok(i)` with `compare(&self[i])` `Equal`,
    /// else `Err(i)`, where an element ordered after it could be inserted.
    pub fn binary_search_by<F: FnMut(&T) -> Ordering>(&self, mut compare: F) -> Result<usize, usize> {
        let mut size = self.len();
        if size == 0 {
            return Err(0);
        }
        let mut base = 0;
        while size > 1 {
            let half = size / 2;
            let mid = base + half;
            if !compare(&self[mid]).is_gt() {
                base = mid;
            }
            size -= half;
        }
        let c = compare(&self[base]);
        if c.is_eq() {
            Ok(base)
        } else if c.is_lt() {
            Err(base + 1)
        } else {
            Err(base)
        }
    }

    pub fn binary_search_by_key<K: Ord, F: FnMut(&T) -> K>(&self, key: &K, mut f: F) -> Result<usize, usize> {
        self.binary_search_by(|x| f(x).cmp(key))
    }
}

impl<T: Ord> [T] {
    /// Sorts in ascending order, keeping equal elements in their order.
    pub fn sort(&mut self) {
        self.sort_by(|a, b| a.cmp(b));
    }

    pub fn sort_unstable(&mut self) {
        self.sort_unstable_by(|a, b| a.cmp(b));
    }

    /// Searches a sorted slice for `x` (see `binary_search_by`).
    pub fn binary_search(&self, x: &T) -> Result<usize, usize> {
        self.binary_search_by(|e| e.cmp(x))
    }
}

impl<T: PartialEq> [T] {
    /// `a.eq(b)` of two slices (rustc's `PartialEq for [T]`; the `==`
    /// operator is the compiler's loop): the same length and equal elements.
    pub fn eq(&self, other: &[T]) -> bool {
        if self.len() != other.len() {
            return false;
        }
        let mut i = 0;
        while i < self.len() {
            if self[i] != other[i] {
                return false;
            }
            i += 1;
        }
        true
    }

    pub fn ne(&self, other: &[T]) -> bool {
        !self.eq(other)
    }

    /// Whether an element equals `x`.
    pub fn contains(&self, x: &T) -> bool {
        let mut i = 0;
        while i < self.len() {
            if self[i] == *x {
                return true;
            }
            i += 1;
        }
        false
    }

    /// Whether `needle` is a prefix of the slice.
    pub fn starts_with(&self, needle: &[T]) -> bool {
        let n = needle.len();
        n <= self.len() && (&self[..n]).eq(needle)
    }

    /// Whether `needle` is a suffix of the slice.
    pub fn ends_with(&self, needle: &[T]) -> bool {
        let (m, n) = (self.len(), needle.len());
        n <= m && (&self[m - n..]).eq(needle)
    }
}

impl<T: Clone> [T] {
    /// Sets every element to `value`.
    pub fn fill(&mut self, value: T) {
        let mut i = 0;
        while i < self.len() {
            self[i] = value.clone();
            i += 1;
        }
    }

    /// Copies `src` into the slice (panics when the lengths differ).
    #[track_caller]
    pub fn clone_from_slice(&mut self, src: &[T]) {
        if self.len() != src.len() {
            panic!("destination and source slices have different lengths");
        }
        let mut i = 0;
        while i < self.len() {
            self[i] = src[i].clone();
            i += 1;
        }
    }

    /// A `Vec` of the elements (host only).
    pub fn to_vec(&self) -> Vec<T> {
        let mut v = Vec::with_capacity(self.len());
        let mut i = 0;
        while i < self.len() {
            v.push(self[i].clone());
            i += 1;
        }
        v
    }
}

impl<T: Copy> [T] {
    /// Copies `src` into the slice (panics when the lengths differ).
    #[track_caller]
    pub fn copy_from_slice(&mut self, src: &[T]) {
        if self.len() != src.len() {
            panic!("copy_from_slice: source slice length ({}) does not match destination slice length ({})", src.len(), self.len());
        }
        let mut i = 0;
        while i < self.len() {
            self[i] = src[i];
            i += 1;
        }
    }
}

/// Go's `sort.Stable`: insertion sorts of 20-element blocks, then rounds of
/// in-place merges of neighbouring runs.
fn stable_sort<T, F: FnMut(&T, &T) -> Ordering>(s: &mut [T], compare: &mut F) {
    let n = s.len();
    let block = 20;
    let (mut a, mut b) = (0, block);
    while b <= n {
        insertion_sort(s, a, b, compare);
        a = b;
        b += block;
    }
    insertion_sort(s, a, n, compare);
    let mut size = block;
    while size < n {
        let (mut a, mut b) = (0, 2 * size);
        while b <= n {
            sym_merge(s, a, a + size, b, compare);
            a = b;
            b += 2 * size;
        }
        if a + size < n {
            sym_merge(s, a, a + size, n, compare);
        }
        size *= 2;
    }
}

/// Stable insertion sort of `s[a..b]`.
fn insertion_sort<T, F: FnMut(&T, &T) -> Ordering>(s: &mut [T], a: usize, b: usize, compare: &mut F) {
    let mut i = a + 1;
    while i < b {
        let mut j = i;
        while j > a && compare(&s[j], &s[j - 1]).is_lt() {
            s.swap(j, j - 1);
            j -= 1;
        }
        i += 1;
    }
}

/// Merges the sorted runs `s[a..m]` and `s[m..b]` in place, stably
/// (SymMerge, Kim and Kutzner 2004; `a < m < b`).
fn sym_merge<T, F: FnMut(&T, &T) -> Ordering>(s: &mut [T], a: usize, m: usize, b: usize, compare: &mut F) {
    if m - a == 1 {
        // one element on the left: insert it by binary search
        let (mut i, mut j) = (m, b);
        while i < j {
            let h = (i + j) / 2;
            if compare(&s[h], &s[a]).is_lt() {
                i = h + 1;
            } else {
                j = h;
            }
        }
        let mut k = a;
        while k + 1 < i {
            s.swap(k, k + 1);
            k += 1;
        }
        return;
    }
    if b - m == 1 {
        let (mut i, mut j) = (a, m);
        while i < j {
            let h = (i + j) / 2;
            if !compare(&s[m], &s[h]).is_lt() {
                i = h + 1;
            } else {
                j = h;
            }
        }
        let mut k = m;
        while k > i {
            s.swap(k, k - 1);
            k -= 1;
        }
        return;
    }
    let mid = (a + b) / 2;
    let n = mid + m;
    let (mut start, mut r) = if m > mid { (n - b, mid) } else { (a, m) };
    let p = n - 1;
    while start < r {
        let c = (start + r) / 2;
        if !compare(&s[p - c], &s[c]).is_lt() {
            start = c + 1;
        } else {
            r = c;
        }
    }
    let end = n - start;
    if start < m && m < end {
        (&mut s[start..end]).rotate_left(m - start);
    }
    if a < start && start < mid {
        sym_merge(s, a, start, mid, compare);
    }
    if mid < end && end < b {
        sym_merge(s, mid, end, b, compare);
    }
}
