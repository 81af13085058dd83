//! `core::iter::adapters`: the iterator types `Iterator`'s adapter
//! methods return (`map`, `filter`, `zip`, `chain`, `rev`, ..), with their
//! `Iterator` impls and, where rustc has them and they are cheap,
//! `DoubleEndedIterator` impls.

use super::{DoubleEndedIterator, ExactSizeIterator, IntoIterator, Iterator};

/// `iter.map(f)`.
pub struct Map<I, F> {
    pub(crate) iter: I,
    pub(crate) f: F,
}

impl<B, I: Iterator, F: FnMut(I::Item) -> B> Iterator for Map<I, F> {
    type Item = B;

    fn next(&mut self) -> Option<B> {
        match self.iter.next() {
            Some(x) => Some((self.f)(x)),
            None => None,
        }
    }
}

/// `iter.filter(p)`.
pub struct Filter<I, P> {
    pub(crate) iter: I,
    pub(crate) predicate: P,
}

impl<I: Iterator, P: FnMut(&I::Item) -> bool> Iterator for Filter<I, P> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        while let Some(x) = self.iter.next() {
            if (self.predicate)(&x) {
                return Some(x);
            }
        }
        None
    }
}

/// `iter.enumerate()`.
pub struct Enumerate<I> {
    pub(crate) iter: I,
    pub(crate) count: usize,
}

impl<I: Iterator> Iterator for Enumerate<I> {
    type Item = (usize, I::Item);

    fn next(&mut self) -> Option<(usize, I::Item)> {
        match self.iter.next() {
            Some(x) => {
                let i = self.count;
                self.count += 1;
                Some((i, x))
            }
            None => None,
        }
    }
}

/// `iter.take(n)`.
pub struct Take<I> {
    pub(crate) iter: I,
    pub(crate) n: usize,
}

impl<I: Iterator> Iterator for Take<I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        if self.n == 0 {
            return None;
        }
        self.n -= 1;
        self.iter.next()
    }
}

/// `iter.skip(n)`.
pub struct Skip<I> {
    pub(crate) iter: I,
    pub(crate) n: usize,
}

impl<I: Iterator> Iterator for Skip<I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        while self.n > 0 {
            self.n -= 1;
            self.iter.next()?;
        }
        self.iter.next()
    }
}

impl<B, I: DoubleEndedIterator, F: FnMut(I::Item) -> B> DoubleEndedIterator for Map<I, F> {
    fn next_back(&mut self) -> Option<B> {
        match self.iter.next_back() {
            Some(x) => Some((self.f)(x)),
            None => None,
        }
    }
}

impl<B, I: ExactSizeIterator, F: FnMut(I::Item) -> B> ExactSizeIterator for Map<I, F> {
    fn len(&self) -> usize {
        self.iter.len()
    }
}

impl<I: ExactSizeIterator> ExactSizeIterator for Enumerate<I> {
    fn len(&self) -> usize {
        self.iter.len()
    }
}

/// (rustc's needs `ExactSizeIterator` too: the index of the last item)
impl<I: ExactSizeIterator + DoubleEndedIterator> DoubleEndedIterator for Enumerate<I> {
    fn next_back(&mut self) -> Option<(usize, I::Item)> {
        let len = self.iter.len();
        let x = self.iter.next_back()?;
        Some((self.count + len - 1, x))
    }
}

/// `a.zip(b)`: pairs of items, until either side ends.
pub struct Zip<A, B> {
    pub(crate) a: A,
    pub(crate) b: B,
}

impl<A: Iterator, B: Iterator> Iterator for Zip<A, B> {
    type Item = (A::Item, B::Item);

    fn next(&mut self) -> Option<(A::Item, B::Item)> {
        let x = self.a.next()?;
        let y = self.b.next()?;
        Some((x, y))
    }
}

impl<A: ExactSizeIterator, B: ExactSizeIterator> ExactSizeIterator for Zip<A, B> {
    fn len(&self) -> usize {
        let (a, b) = (self.a.len(), self.b.len());
        if a < b {
            a
        } else {
            b
        }
    }
}

/// (the longer side's extra items are dropped from its back first, as rustc's)
impl<A: ExactSizeIterator + DoubleEndedIterator, B: ExactSizeIterator + DoubleEndedIterator> DoubleEndedIterator for Zip<A, B> {
    fn next_back(&mut self) -> Option<(A::Item, B::Item)> {
        let (la, lb) = (self.a.len(), self.b.len());
        let mut i = lb;
        while i < la {
            self.a.next_back();
            i += 1;
        }
        let mut j = la;
        while j < lb {
            self.b.next_back();
            j += 1;
        }
        let x = self.a.next_back()?;
        let y = self.b.next_back()?;
        Some((x, y))
    }
}

/// `a.chain(b)`: the items of `a`, then those of `b`.
pub struct Chain<A, B> {
    pub(crate) a: A,
    pub(crate) b: B,
    /// `a` has ended (rustc's is an `Option<A>`; hybridc's enums cannot
    /// hold slices yet)
    pub(crate) a_done: bool,
}

impl<A: Iterator, B: Iterator<Item = A::Item>> Iterator for Chain<A, B> {
    type Item = A::Item;

    fn next(&mut self) -> Option<A::Item> {
        if !self.a_done {
            match self.a.next() {
                Some(x) => return Some(x),
                None => self.a_done = true,
            }
        }
        self.b.next()
    }
}

/// `iter.rev()`: the items from the back.
pub struct Rev<I> {
    pub(crate) iter: I,
}

impl<I: DoubleEndedIterator> Iterator for Rev<I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        self.iter.next_back()
    }
}

impl<I: DoubleEndedIterator> DoubleEndedIterator for Rev<I> {
    fn next_back(&mut self) -> Option<I::Item> {
        self.iter.next()
    }
}

impl<I: ExactSizeIterator + DoubleEndedIterator> ExactSizeIterator for Rev<I> {
    fn len(&self) -> usize {
        self.iter.len()
    }
}

/// `iter.step_by(n)`: the first item, then every `n`th.
pub struct StepBy<I> {
    pub(crate) iter: I,
    /// `n - 1`: the items skipped between two yielded
    pub(crate) step: usize,
    pub(crate) first: bool,
}

impl<I: Iterator> Iterator for StepBy<I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        if self.first {
            self.first = false;
            self.iter.next()
        } else {
            self.iter.nth(self.step)
        }
    }
}

/// `iter.take_while(p)`: the items until `p` is first false.
pub struct TakeWhile<I, P> {
    pub(crate) iter: I,
    pub(crate) predicate: P,
    pub(crate) done: bool,
}

impl<I: Iterator, P: FnMut(&I::Item) -> bool> Iterator for TakeWhile<I, P> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        if self.done {
            return None;
        }
        let x = self.iter.next()?;
        if (self.predicate)(&x) {
            Some(x)
        } else {
            self.done = true;
            None
        }
    }
}

/// `iter.skip_while(p)`: the items from the first for which `p` is false.
pub struct SkipWhile<I, P> {
    pub(crate) iter: I,
    pub(crate) predicate: P,
    pub(crate) started: bool,
}

impl<I: Iterator, P: FnMut(&I::Item) -> bool> Iterator for SkipWhile<I, P> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        if self.started {
            return self.iter.next();
        }
        while let Some(x) = self.iter.next() {
            if !(self.predicate)(&x) {
                self.started = true;
                return Some(x);
            }
        }
        None
    }
}

/// `iter.filter_map(f)`: the `Some` results of `f`.
pub struct FilterMap<I, F> {
    pub(crate) iter: I,
    pub(crate) f: F,
}

impl<B, I: Iterator, F: FnMut(I::Item) -> Option<B>> Iterator for FilterMap<I, F> {
    type Item = B;

    fn next(&mut self) -> Option<B> {
        while let Some(x) = self.iter.next() {
            if let Some(y) = (self.f)(x) {
                return Some(y);
            }
        }
        None
    }
}

/// The next item of `FlatMap` and `Flatten`: the front inner iterator's,
/// else the one `open` makes of `iter`'s next item.
fn next_flattened<I: Iterator, J: Iterator, G: FnMut(I::Item) -> J>(iter: &mut I, front: &mut Option<J>, mut open: G) -> Option<J::Item> {
    loop {
        if let Some(inner) = front {
            if let Some(x) = inner.next() {
                return Some(x);
            }
        }
        match iter.next() {
            Some(x) => *front = Some(open(x)),
            None => return None,
        }
    }
}

/// `iter.flat_map(f)`: the items of each `f(item)` in turn.
/// FIXME(projections in struct fields): rustc's is `FlatMap<I, U, F>`; `J`
/// is `U::IntoIter` (`U` is in no field).
pub struct FlatMap<I, U, F, J> {
    pub(crate) iter: I,
    pub(crate) f: F,
    pub(crate) front: Option<J>,
}

impl<I: Iterator, U: IntoIterator, F: FnMut(I::Item) -> U> Iterator for FlatMap<I, U, F, U::IntoIter> {
    type Item = U::Item;

    fn next(&mut self) -> Option<U::Item> {
        let f = &mut self.f;
        next_flattened(&mut self.iter, &mut self.front, |x| f(x).into_iter())
    }
}

/// `iter.flatten()`: the items of each item in turn.
/// FIXME(projections in struct fields): rustc's is `Flatten<I>`; `U` is
/// `I::Item` (in no field), `J` its `IntoIter`.
pub struct Flatten<I, U, J> {
    pub(crate) iter: I,
    pub(crate) front: Option<J>,
}

impl<I: Iterator<Item = U>, U: IntoIterator> Iterator for Flatten<I, U, U::IntoIter> {
    type Item = U::Item;

    fn next(&mut self) -> Option<U::Item> {
        next_flattened(&mut self.iter, &mut self.front, |x: U| x.into_iter())
    }
}

/// `o.into_iter()` of an `Option`: its value, if any (rustc's `option::IntoIter`).
pub struct OptionIntoIter<T> {
    pub(crate) inner: Option<T>,
}

impl<T> Iterator for OptionIntoIter<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        self.inner.take()
    }
}

/// `(&o).into_iter()` of an `Option`: a reference to its value, if any
/// (rustc's `option::Iter`).
pub struct OptionIter<'a, T> {
    pub(crate) inner: Option<&'a T>,
}

impl<'a, T> Iterator for OptionIter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        self.inner.take()
    }
}

impl<T> IntoIterator for Option<T> {
    type Item = T;
    type IntoIter = OptionIntoIter<T>;

    fn into_iter(self) -> OptionIntoIter<T> {
        OptionIntoIter { inner: self }
    }
}

impl<'a, T> IntoIterator for &'a Option<T> {
    type Item = &'a T;
    type IntoIter = OptionIter<'a, T>;

    fn into_iter(self) -> OptionIter<'a, T> {
        OptionIter { inner: self.as_ref() }
    }
}

/// `iter.inspect(f)`: the items, each shown to `f` first.
pub struct Inspect<I, F> {
    pub(crate) iter: I,
    pub(crate) f: F,
}

impl<I: Iterator, F: FnMut(&I::Item)> Iterator for Inspect<I, F> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        let x = self.iter.next()?;
        (self.f)(&x);
        Some(x)
    }
}

/// `iter.peekable()`: an iterator whose next item can be looked at.
/// FIXME(projections in struct fields): rustc's is `Peekable<I>`; `T` is
/// `I::Item`.
pub struct Peekable<I, T> {
    pub(crate) iter: I,
    /// `Some(next)` once peeked (`Some(None)`: the end was peeked)
    pub(crate) peeked: Option<Option<T>>,
}

impl<I: Iterator> Iterator for Peekable<I, I::Item> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        match self.peeked.take() {
            Some(v) => v,
            None => self.iter.next(),
        }
    }
}

impl<I: Iterator> Peekable<I, I::Item> {
    /// The next item, without advancing.
    pub fn peek(&mut self) -> Option<&I::Item> {
        if self.peeked.is_none() {
            self.peeked = Some(self.iter.next());
        }
        match &self.peeked {
            Some(Some(x)) => Some(x),
            _ => None,
        }
    }

    /// The next item if `f` accepts it.
    pub fn next_if<F: FnOnce(&I::Item) -> bool>(&mut self, f: F) -> Option<I::Item> {
        match self.next() {
            Some(x) => {
                if f(&x) {
                    Some(x)
                } else {
                    self.peeked = Some(Some(x));
                    None
                }
            }
            None => None,
        }
    }
}

/// `iter.cloned()`: clones of the referenced items.
pub struct Cloned<I> {
    pub(crate) iter: I,
}

impl<'a, T: 'a + Clone, I: Iterator<Item = &'a T>> Iterator for Cloned<I> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match self.iter.next() {
            Some(x) => Some(x.clone()),
            None => None,
        }
    }
}

/// `iter.copied()`: copies of the referenced items.
pub struct Copied<I> {
    pub(crate) iter: I,
}

impl<'a, T: 'a + Copy, I: Iterator<Item = &'a T>> Iterator for Copied<I> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match self.iter.next() {
            Some(x) => Some(*x),
            None => None,
        }
    }
}

impl<'a, T: 'a + Copy, I: ExactSizeIterator<Item = &'a T>> ExactSizeIterator for Copied<I> {
    fn len(&self) -> usize {
        self.iter.len()
    }
}

impl<'a, T: 'a + Copy, I: DoubleEndedIterator<Item = &'a T>> DoubleEndedIterator for Copied<I> {
    fn next_back(&mut self) -> Option<T> {
        match self.iter.next_back() {
            Some(x) => Some(*x),
            None => None,
        }
    }
}

// ---- from the back ----

impl<I: DoubleEndedIterator, P: FnMut(&I::Item) -> bool> DoubleEndedIterator for Filter<I, P> {
    fn next_back(&mut self) -> Option<I::Item> {
        while let Some(x) = self.iter.next_back() {
            if (self.predicate)(&x) {
                return Some(x);
            }
        }
        None
    }
}

impl<B, I: DoubleEndedIterator, F: FnMut(I::Item) -> Option<B>> DoubleEndedIterator for FilterMap<I, F> {
    fn next_back(&mut self) -> Option<B> {
        while let Some(x) = self.iter.next_back() {
            if let Some(y) = (self.f)(x) {
                return Some(y);
            }
        }
        None
    }
}

impl<A: DoubleEndedIterator, B: DoubleEndedIterator<Item = A::Item>> DoubleEndedIterator for Chain<A, B> {
    fn next_back(&mut self) -> Option<A::Item> {
        match self.b.next_back() {
            Some(x) => Some(x),
            None if self.a_done => None,
            None => self.a.next_back(),
        }
    }
}

impl<I: DoubleEndedIterator, F: FnMut(&I::Item)> DoubleEndedIterator for Inspect<I, F> {
    fn next_back(&mut self) -> Option<I::Item> {
        let x = self.iter.next_back()?;
        (self.f)(&x);
        Some(x)
    }
}

impl<'a, T: 'a + Clone, I: DoubleEndedIterator<Item = &'a T>> DoubleEndedIterator for Cloned<I> {
    fn next_back(&mut self) -> Option<T> {
        match self.iter.next_back() {
            Some(x) => Some(x.clone()),
            None => None,
        }
    }
}

impl<'a, T: 'a + Clone, I: ExactSizeIterator<Item = &'a T>> ExactSizeIterator for Cloned<I> {
    fn len(&self) -> usize {
        self.iter.len()
    }
}

impl<I: ExactSizeIterator> ExactSizeIterator for Take<I> {
    fn len(&self) -> usize {
        let n = self.iter.len();
        if n < self.n {
            n
        } else {
            self.n
        }
    }
}

impl<I: ExactSizeIterator> ExactSizeIterator for Skip<I> {
    fn len(&self) -> usize {
        let n = self.iter.len();
        if n > self.n {
            n - self.n
        } else {
            0
        }
    }
}

// ---- the adapters are `IntoIterator`s of themselves ----
// (FIXME(blanket impls with associated types): rustc's `impl<I: Iterator>
// IntoIterator for I` covers them all)

impl<B, I: Iterator, F: FnMut(I::Item) -> B> IntoIterator for Map<I, F> {
    type Item = B;
    type IntoIter = Map<I, F>;

    fn into_iter(self) -> Map<I, F> {
        self
    }
}

impl<I: Iterator, P: FnMut(&I::Item) -> bool> IntoIterator for Filter<I, P> {
    type Item = I::Item;
    type IntoIter = Filter<I, P>;

    fn into_iter(self) -> Filter<I, P> {
        self
    }
}

impl<B, I: Iterator, F: FnMut(I::Item) -> Option<B>> IntoIterator for FilterMap<I, F> {
    type Item = B;
    type IntoIter = FilterMap<I, F>;

    fn into_iter(self) -> FilterMap<I, F> {
        self
    }
}

impl<I: Iterator> IntoIterator for Enumerate<I> {
    type Item = (usize, I::Item);
    type IntoIter = Enumerate<I>;

    fn into_iter(self) -> Enumerate<I> {
        self
    }
}

impl<A: Iterator, B: Iterator> IntoIterator for Zip<A, B> {
    type Item = (A::Item, B::Item);
    type IntoIter = Zip<A, B>;

    fn into_iter(self) -> Zip<A, B> {
        self
    }
}

impl<A: Iterator, B: Iterator<Item = A::Item>> IntoIterator for Chain<A, B> {
    type Item = A::Item;
    type IntoIter = Chain<A, B>;

    fn into_iter(self) -> Chain<A, B> {
        self
    }
}

impl<I: DoubleEndedIterator> IntoIterator for Rev<I> {
    type Item = I::Item;
    type IntoIter = Rev<I>;

    fn into_iter(self) -> Rev<I> {
        self
    }
}

// @for $t in Take Skip StepBy
impl<I: Iterator> IntoIterator for $t<I> {
    type Item = I::Item;
    type IntoIter = $t<I>;

    fn into_iter(self) -> $t<I> {
        self
    }
}
// @end

impl<'a, T: 'a + Copy, I: Iterator<Item = &'a T>> IntoIterator for Copied<I> {
    type Item = T;
    type IntoIter = Copied<I>;

    fn into_iter(self) -> Copied<I> {
        self
    }
}

impl<'a, T: 'a + Clone, I: Iterator<Item = &'a T>> IntoIterator for Cloned<I> {
    type Item = T;
    type IntoIter = Cloned<I>;

    fn into_iter(self) -> Cloned<I> {
        self
    }
}
