//! `core::iter`: the `Iterator` trait with its consumers, and the traits
//! around it (`DoubleEndedIterator`, `IntoIterator`, `Sum`,
//! `Product`), written in Rust; the adapter types are in
//! `iter::adapters`. (`for` over a value calls `IntoIterator::into_iter`,
//! then `next` until it returns `None`.)

use crate::cmp::Ordering;
pub use crate::iter::adapters::{
    Chain, Cloned, Copied, Enumerate, Filter, FilterMap, FlatMap, Flatten, Inspect, Map, Peekable, Rev, Skip, SkipWhile, StepBy, Take,
    TakeWhile, Zip,
};

/// A sequence of values, produced one at a time by `next`.
pub trait Iterator {
    type Item;

    fn next(&mut self) -> Option<Self::Item>;

    fn count(mut self) -> usize
    where
        Self: Sized,
    {
        let mut n = 0;
        while let Some(_) = self.next() {
            n += 1;
        }
        n
    }

    fn last(mut self) -> Option<Self::Item>
    where
        Self: Sized,
    {
        let mut last = None;
        while let Some(x) = self.next() {
            last = Some(x);
        }
        last
    }

    fn nth(&mut self, n: usize) -> Option<Self::Item> {
        let mut i = 0;
        while let Some(x) = self.next() {
            if i == n {
                return Some(x);
            }
            i += 1;
        }
        None
    }

    fn fold<B, F: FnMut(B, Self::Item) -> B>(mut self, init: B, mut f: F) -> B
    where
        Self: Sized,
    {
        let mut acc = init;
        while let Some(x) = self.next() {
            acc = f(acc, x);
        }
        acc
    }

    fn any<F: FnMut(Self::Item) -> bool>(&mut self, mut f: F) -> bool {
        while let Some(x) = self.next() {
            if f(x) {
                return true;
            }
        }
        false
    }

    fn all<F: FnMut(Self::Item) -> bool>(&mut self, mut f: F) -> bool {
        while let Some(x) = self.next() {
            if !f(x) {
                return false;
            }
        }
        true
    }

    fn position<P: FnMut(Self::Item) -> bool>(&mut self, mut predicate: P) -> Option<usize> {
        let mut i = 0;
        while let Some(x) = self.next() {
            if predicate(x) {
                return Some(i);
            }
            i += 1;
        }
        None
    }

    /// The index from the front of the last item `predicate` accepts.
    fn rposition<P: FnMut(Self::Item) -> bool>(&mut self, mut predicate: P) -> Option<usize>
    where
        Self: Sized + ExactSizeIterator + DoubleEndedIterator,
    {
        let mut i = self.len();
        while let Some(x) = self.next_back() {
            i -= 1;
            if predicate(x) {
                return Some(i);
            }
        }
        None
    }

    fn find<P: FnMut(&Self::Item) -> bool>(&mut self, mut predicate: P) -> Option<Self::Item> {
        while let Some(x) = self.next() {
            if predicate(&x) {
                return Some(x);
            }
        }
        None
    }

    fn find_map<B, F: FnMut(Self::Item) -> Option<B>>(&mut self, mut f: F) -> Option<B> {
        while let Some(x) = self.next() {
            if let Some(y) = f(x) {
                return Some(y);
            }
        }
        None
    }

    fn for_each<F: FnMut(Self::Item)>(mut self, mut f: F)
    where
        Self: Sized,
    {
        while let Some(x) = self.next() {
            f(x);
        }
    }

    /// The last maximum, as rustc's.
    // FIXME(where clauses on projections): rustc bounds `Self::Item: Ord`
    fn max(mut self) -> Option<Self::Item>
    where
        Self: Sized,
    {
        let mut best = self.next()?;
        while let Some(x) = self.next() {
            if x >= best {
                best = x;
            }
        }
        Some(best)
    }

    /// The first minimum, as rustc's.
    // FIXME(where clauses on projections): rustc bounds `Self::Item: Ord`
    fn min(mut self) -> Option<Self::Item>
    where
        Self: Sized,
    {
        let mut best = self.next()?;
        while let Some(x) = self.next() {
            if x < best {
                best = x;
            }
        }
        Some(best)
    }

    fn max_by<F: FnMut(&Self::Item, &Self::Item) -> Ordering>(mut self, mut compare: F) -> Option<Self::Item>
    where
        Self: Sized,
    {
        let mut best = self.next()?;
        while let Some(x) = self.next() {
            if !compare(&best, &x).is_gt() {
                best = x;
            }
        }
        Some(best)
    }

    fn min_by<F: FnMut(&Self::Item, &Self::Item) -> Ordering>(mut self, mut compare: F) -> Option<Self::Item>
    where
        Self: Sized,
    {
        let mut best = self.next()?;
        while let Some(x) = self.next() {
            if compare(&best, &x).is_gt() {
                best = x;
            }
        }
        Some(best)
    }

    fn max_by_key<B: Ord, F: FnMut(&Self::Item) -> B>(mut self, mut f: F) -> Option<Self::Item>
    where
        Self: Sized,
    {
        let mut best = self.next()?;
        let mut best_key = f(&best);
        while let Some(x) = self.next() {
            let k = f(&x);
            if !best_key.cmp(&k).is_gt() {
                best = x;
                best_key = k;
            }
        }
        Some(best)
    }

    fn min_by_key<B: Ord, F: FnMut(&Self::Item) -> B>(mut self, mut f: F) -> Option<Self::Item>
    where
        Self: Sized,
    {
        let mut best = self.next()?;
        let mut best_key = f(&best);
        while let Some(x) = self.next() {
            let k = f(&x);
            if best_key.cmp(&k).is_gt() {
                best = x;
                best_key = k;
            }
        }
        Some(best)
    }

    fn by_ref(&mut self) -> &mut Self
    where
        Self: Sized,
    {
        self
    }

    /// The sum of the items (`S::sum`; integers start at 0, floats at
    /// -0.0 as rustc's, so an empty float sum is -0.0).
    fn sum<S: Sum<Self::Item>>(self) -> S
    where
        Self: Sized,
    {
        S::sum(self)
    }

    fn product<P: Product<Self::Item>>(self) -> P
    where
        Self: Sized,
    {
        P::product(self)
    }

    fn map<B, F: FnMut(Self::Item) -> B>(self, f: F) -> Map<Self, F>
    where
        Self: Sized,
    {
        Map { iter: self, f }
    }

    fn filter<P: FnMut(&Self::Item) -> bool>(self, predicate: P) -> Filter<Self, P>
    where
        Self: Sized,
    {
        Filter { iter: self, predicate }
    }

    fn enumerate(self) -> Enumerate<Self>
    where
        Self: Sized,
    {
        Enumerate { iter: self, count: 0 }
    }

    fn take(self, n: usize) -> Take<Self>
    where
        Self: Sized,
    {
        Take { iter: self, n }
    }

    fn skip(self, n: usize) -> Skip<Self>
    where
        Self: Sized,
    {
        Skip { iter: self, n }
    }
    fn zip<U: IntoIterator>(self, other: U) -> Zip<Self, U::IntoIter>
    where
        Self: Sized,
    {
        Zip { a: self, b: other.into_iter() }
    }

    fn chain<U: IntoIterator<Item = Self::Item>>(self, other: U) -> Chain<Self, U::IntoIter>
    where
        Self: Sized,
    {
        Chain { a: self, b: other.into_iter(), a_done: false }
    }

    fn rev(self) -> Rev<Self>
    where
        Self: Sized + DoubleEndedIterator,
    {
        Rev { iter: self }
    }

    fn step_by(self, step: usize) -> StepBy<Self>
    where
        Self: Sized,
    {
        assert!(step != 0);
        StepBy { iter: self, step: step - 1, first: true }
    }

    fn take_while<P: FnMut(&Self::Item) -> bool>(self, predicate: P) -> TakeWhile<Self, P>
    where
        Self: Sized,
    {
        TakeWhile { iter: self, predicate, done: false }
    }

    fn skip_while<P: FnMut(&Self::Item) -> bool>(self, predicate: P) -> SkipWhile<Self, P>
    where
        Self: Sized,
    {
        SkipWhile { iter: self, predicate, started: false }
    }

    fn filter_map<B, F: FnMut(Self::Item) -> Option<B>>(self, f: F) -> FilterMap<Self, F>
    where
        Self: Sized,
    {
        FilterMap { iter: self, f }
    }

    fn flat_map<U: IntoIterator, F: FnMut(Self::Item) -> U>(self, f: F) -> FlatMap<Self, U, F, U::IntoIter>
    where
        Self: Sized,
    {
        FlatMap { iter: self, f, front: None }
    }

    fn flatten<U: IntoIterator>(self) -> Flatten<Self, U, U::IntoIter>
    where
        Self: Sized + Iterator<Item = U>,
    {
        Flatten { iter: self, front: None }
    }

    fn inspect<F: FnMut(&Self::Item)>(self, f: F) -> Inspect<Self, F>
    where
        Self: Sized,
    {
        Inspect { iter: self, f }
    }

    fn peekable(self) -> Peekable<Self, Self::Item>
    where
        Self: Sized,
    {
        Peekable { iter: self, peeked: None }
    }

    fn cloned<'a, T: 'a + Clone>(self) -> Cloned<Self>
    where
        Self: Sized + Iterator<Item = &'a T>,
    {
        Cloned { iter: self }
    }

    fn copied<'a, T: 'a + Copy>(self) -> Copied<Self>
    where
        Self: Sized + Iterator<Item = &'a T>,
    {
        Copied { iter: self }
    }
}

/// An iterator that also yields its items from the back.
pub trait DoubleEndedIterator: Iterator {
    fn next_back(&mut self) -> Option<Self::Item>;

    fn rfind<P: FnMut(&Self::Item) -> bool>(&mut self, mut predicate: P) -> Option<Self::Item> {
        while let Some(x) = self.next_back() {
            if predicate(&x) {
                return Some(x);
            }
        }
        None
    }

    fn rfold<B, F: FnMut(B, Self::Item) -> B>(mut self, init: B, mut f: F) -> B
    where
        Self: Sized,
    {
        let mut acc = init;
        while let Some(x) = self.next_back() {
            acc = f(acc, x);
        }
        acc
    }
}

/// An iterator that knows how many items it has left.
pub trait ExactSizeIterator: Iterator {
    fn len(&self) -> usize;

    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What `for`, `zip`, `chain` and `flat_map` iterate over: the library's
/// iterators themselves, `&v` and `&mut v` of slices, arrays and `Vec`s,
/// `Vec`s by value.
/// FIXME(blanket impls with associated types): rustc has `impl<I:
/// Iterator> IntoIterator for I`; hybridc's library implements it for each
/// of its iterator types (`for` over any `Iterator` works without it, but a
/// program's own iterator cannot be passed to `zip` yet). (Nor does it
/// bound `IntoIter: Iterator<Item = Self::Item>` yet.)
pub trait IntoIterator {
    type Item;
    type IntoIter: Iterator;

    fn into_iter(self) -> Self::IntoIter;
}

/// Types made from the items of an iterator (`String::from_iter(chars)`,
/// `Vec::from_iter(it)`; the impls are in `string.rs` and `slice.rs`).
/// FIXME(collect through FromIterator): `collect()` is the compiler's
/// (`slice::collect_vec`, `string::collect_string`).
pub trait FromIterator<A> {
    fn from_iter<I: IntoIterator<Item = A>>(iter: I) -> Self;
}

/// Types an iterator of `A`s can be summed into.
pub trait Sum<A> {
    fn sum<I: Iterator<Item = A>>(iter: I) -> Self;
}

/// Types an iterator of `A`s can be multiplied into.
pub trait Product<A> {
    fn product<I: Iterator<Item = A>>(iter: I) -> Self;
}

// @for $t $zero in u8 0 | u16 0 | u32 0 | u64 0 | usize 0 | i8 0 | i16 0 | i32 0 | i64 0 | isize 0 | f32 -0.0 | f64 -0.0
impl Sum<$t> for $t {
    fn sum<I: Iterator<Item = $t>>(mut iter: I) -> $t {
        let mut s: $t = $zero;
        while let Some(x) = iter.next() {
            s = s + x;
        }
        s
    }
}

impl Product<$t> for $t {
    fn product<I: Iterator<Item = $t>>(mut iter: I) -> $t {
        let mut p: $t = 1 as $t;
        while let Some(x) = iter.next() {
            p = p * x;
        }
        p
    }
}
impl<'a> Sum<&'a $t> for $t {
    fn sum<I: Iterator<Item = &'a $t>>(mut iter: I) -> $t {
        let mut s: $t = $zero;
        while let Some(x) = iter.next() {
            s = s + *x;
        }
        s
    }
}

impl<'a> Product<&'a $t> for $t {
    fn product<I: Iterator<Item = &'a $t>>(mut iter: I) -> $t {
        let mut p: $t = 1 as $t;
        while let Some(x) = iter.next() {
            p = p * *x;
        }
        p
    }
}
// @end
