//! `core::ops`: the range types `a..b` and `a..=b` build (their
//! `Iterator` impls are in `iter/range.rs`, loaded with `iter`, so that a
//! program whose ranges are all `for` loops and slicing does not load the
//! iterators). (The operator traits `Add`, `Mul`, .. are still the
//! compiler's: FIXME(builtins in the library).)

/// `start..end`: the integers from `start` up to, not including, `end`.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Range<Idx> {
    pub start: Idx,
    pub end: Idx,
}

/// `start..=end`: the integers from `start` up to and including `end`.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct RangeInclusive<Idx> {
    pub start: Idx,
    pub end: Idx,
    pub exhausted: bool,
}

/// The integer types a range iterates over: the next value up. (rustc's
/// `Step: Clone + PartialOrd`; without `PartialOrd` here a range does not
/// load `cmp`: the library's generic bodies are not checked against their
/// bounds, and every `Step` type has the primitive `<`.)
pub trait Step: Copy {
    fn forward(self) -> Self;
    fn backward(self) -> Self;
    /// `end - start` for `start <= end` (exact: it may not fit `Self`).
    fn distance(start: Self, end: Self) -> usize;
    /// `self + n` for an `n` that stays in range.
    fn forward_by(self, n: usize) -> Self;
}

// @for $t in u8 u16 u32 u64 usize i8 i16 i32 i64 isize
impl Step for $t {
    fn forward(self) -> $t {
        self + 1
    }

    fn backward(self) -> $t {
        self - 1
    }

    fn distance(start: $t, end: $t) -> usize {
        // both ends sign- or zero-extended: the difference is exact in `usize`
        // even when it overflows a signed `$t` (`-100i8..100`)
        (end as usize).wrapping_sub(start as usize)
    }

    fn forward_by(self, n: usize) -> $t {
        self.wrapping_add(n as $t)
    }
}
// @end

impl<A: Step> Range<A> {
    pub fn contains(&self, x: &A) -> bool {
        self.start <= *x && *x < self.end
    }

    pub fn is_empty(&self) -> bool {
        !(self.start < self.end)
    }

    pub fn len(&self) -> usize {
        if self.start < self.end {
            A::distance(self.start, self.end)
        } else {
            0
        }
    }
}

impl<A: Step> RangeInclusive<A> {
    pub fn contains(&self, x: &A) -> bool {
        self.start <= *x && *x <= self.end
    }
}

/// `Drop`: code that runs when a value goes out of scope. The compiler
/// calls `drop` from the drop glue (`ptr::drop_in_place`), before the
/// value's fields are dropped; calling it directly is rustc's E0040.
pub trait Drop {
    fn drop(&mut self);
}

/// `*x` of a type that is not a reference, and the auto-deref of method
/// calls, field accesses and `&x` arguments through it
/// (`front/src/lower/deref.rs`).
pub trait Deref {
    type Target;
    fn deref(&self) -> &Self::Target;
}

/// `*x = v`, `&mut *x` and `&mut` auto-deref through a `Deref` type.
pub trait DerefMut: Deref {
    fn deref_mut(&mut self) -> &mut Self::Target;
}
