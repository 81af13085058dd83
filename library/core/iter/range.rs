//! `core::iter::range`: the ranges `a..b` and `a..=b` as iterators over
//! the integers, from the front and the back (the types are `core::ops`').

use crate::iter::{DoubleEndedIterator, ExactSizeIterator, IntoIterator, Iterator};
use crate::ops::{Range, RangeInclusive, Step};

impl<A: Step> Iterator for Range<A> {
    type Item = A;

    fn next(&mut self) -> Option<A> {
        if self.start < self.end {
            let v = self.start;
            self.start = v.forward();
            Some(v)
        } else {
            None
        }
    }

    fn nth(&mut self, n: usize) -> Option<A> {
        if self.start < self.end && n < A::distance(self.start, self.end) {
            let v = self.start.forward_by(n);
            self.start = v.forward();
            Some(v)
        } else {
            self.start = self.end;
            None
        }
    }
}

impl<A: Step> Iterator for RangeInclusive<A> {
    type Item = A;

    fn next(&mut self) -> Option<A> {
        if self.exhausted || self.start > self.end {
            return None;
        }
        let v = self.start;
        if v == self.end {
            self.exhausted = true;
        } else {
            self.start = v.forward();
        }
        Some(v)
    }

    fn nth(&mut self, n: usize) -> Option<A> {
        if self.exhausted || self.start > self.end {
            return None;
        }
        let distance = A::distance(self.start, self.end);
        if n < distance {
            let v = self.start.forward_by(n);
            self.start = v.forward();
            Some(v)
        } else {
            self.exhausted = true;
            self.start = self.end;
            if n == distance {
                Some(self.end)
            } else {
                None
            }
        }
    }
}

impl<A: Step> ExactSizeIterator for Range<A> {
    fn len(&self) -> usize {
        // (the inherent `Range::len`)
        Range::len(self)
    }
}

impl<A: Step> DoubleEndedIterator for Range<A> {
    fn next_back(&mut self) -> Option<A> {
        if self.start < self.end {
            self.end = self.end.backward();
            Some(self.end)
        } else {
            None
        }
    }
}

impl<A: Step> DoubleEndedIterator for RangeInclusive<A> {
    fn next_back(&mut self) -> Option<A> {
        if self.exhausted || self.start > self.end {
            return None;
        }
        let v = self.end;
        if v == self.start {
            self.exhausted = true;
        } else {
            self.end = v.backward();
        }
        Some(v)
    }
}

// @for $r in Range RangeInclusive
impl<A: Step> IntoIterator for $r<A> {
    type Item = A;
    type IntoIter = $r<A>;

    fn into_iter(self) -> $r<A> {
        self
    }
}
// @end

