//! `core::cmp`: `Ordering`, the traits `PartialOrd` and `Ord` (`a < b` on a
//! user type is `PartialOrd::lt`, whose default method asks `partial_cmp`)
//! and their impls for the primitive types and tuples of up to four
//! elements (FIXME(longer tuples): rustc's go to twelve). (`PartialEq` and `Eq` are still
//! the compiler's: FIXME(PartialEq in the library).)

use crate::option::Option::{self, None, Some};

/// The result of a comparison.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ordering {
    Less = -1,
    Equal = 0,
    Greater = 1,
}

impl Ordering {
    pub fn is_eq(self) -> bool {
        self as i8 == 0
    }

    pub fn is_ne(self) -> bool {
        self as i8 != 0
    }

    pub fn is_lt(self) -> bool {
        (self as i8) < 0
    }

    pub fn is_gt(self) -> bool {
        (self as i8) > 0
    }

    pub fn is_le(self) -> bool {
        (self as i8) <= 0
    }

    pub fn is_ge(self) -> bool {
        (self as i8) >= 0
    }

    /// `Less` for `Greater` and the other way round.
    pub fn reverse(self) -> Ordering {
        match self {
            Ordering::Less => Ordering::Greater,
            Ordering::Equal => Ordering::Equal,
            Ordering::Greater => Ordering::Less,
        }
    }

    /// `self`, or `other` when `self` is `Equal` (lexicographic order).
    pub fn then(self, other: Ordering) -> Ordering {
        match self {
            Ordering::Equal => other,
            _ => self,
        }
    }
}

/// A partial order: `partial_cmp`, and `<`, `<=`, `>`, `>=` (`lt` .. `ge`)
/// over it.
pub trait PartialOrd: PartialEq {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering>;

    fn lt(&self, other: &Self) -> bool {
        match self.partial_cmp(other) {
            Some(Ordering::Less) => true,
            _ => false,
        }
    }

    fn le(&self, other: &Self) -> bool {
        match self.partial_cmp(other) {
            Some(Ordering::Less) | Some(Ordering::Equal) => true,
            _ => false,
        }
    }

    fn gt(&self, other: &Self) -> bool {
        match self.partial_cmp(other) {
            Some(Ordering::Greater) => true,
            _ => false,
        }
    }

    fn ge(&self, other: &Self) -> bool {
        match self.partial_cmp(other) {
            Some(Ordering::Greater) | Some(Ordering::Equal) => true,
            _ => false,
        }
    }
}

/// A total order: `cmp`, and `max`, `min`, `clamp` over it.
pub trait Ord: Eq + PartialOrd {
    fn cmp(&self, other: &Self) -> Ordering;

    /// The greater of two values; `other` when they are equal.
    fn max(self, other: Self) -> Self {
        match self.cmp(&other) {
            Ordering::Greater => self,
            _ => other,
        }
    }

    /// The lesser of two values; `self` when they are equal.
    fn min(self, other: Self) -> Self {
        match self.cmp(&other) {
            Ordering::Greater => other,
            _ => self,
        }
    }

    /// `self` restricted to `min..=max`; panics when `min > max`.
    fn clamp(self, min: Self, max: Self) -> Self {
        assert!(min.cmp(&max) != Ordering::Greater);
        if self.cmp(&min) == Ordering::Less {
            min
        } else if self.cmp(&max) == Ordering::Greater {
            max
        } else {
            self
        }
    }
}

impl PartialOrd for Ordering {
    fn partial_cmp(&self, other: &Ordering) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ordering {
    fn cmp(&self, other: &Ordering) -> Ordering {
        (*self as i8).cmp(&(*other as i8))
    }
}

/// `None` before every `Some`, `Some`s by their values (the derived order).
impl<T: PartialOrd> PartialOrd for Option<T> {
    fn partial_cmp(&self, other: &Option<T>) -> Option<Ordering> {
        match (self, other) {
            (Some(a), Some(b)) => a.partial_cmp(b),
            (None, None) => Some(Ordering::Equal),
            (None, Some(_)) => Some(Ordering::Less),
            (Some(_), None) => Some(Ordering::Greater),
        }
    }
}

impl<T: Ord> Ord for Option<T> {
    fn cmp(&self, other: &Option<T>) -> Ordering {
        match (self, other) {
            (Some(a), Some(b)) => a.cmp(b),
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
        }
    }
}

// @for $t in u8 u16 u32 u64 usize i8 i16 i32 i64 isize bool char
impl PartialOrd for $t {
    fn partial_cmp(&self, other: &$t) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for $t {
    fn cmp(&self, other: &$t) -> Ordering {
        if *self < *other {
            Ordering::Less
        } else if *self == *other {
            Ordering::Equal
        } else {
            Ordering::Greater
        }
    }
}
// @end

// @for $t in f32 f64
impl PartialOrd for $t {
    /// The order of two floats, `None` when either is NaN.
    fn partial_cmp(&self, other: &$t) -> Option<Ordering> {
        if *self < *other {
            Some(Ordering::Less)
        } else if *self == *other {
            Some(Ordering::Equal)
        } else if *self > *other {
            Some(Ordering::Greater)
        } else {
            None
        }
    }
}
// @end

/// `first`, or `rest` when `first` says equal (the order of tuples).
fn lexicographic(first: Option<Ordering>, rest: Option<Ordering>) -> Option<Ordering> {
    match first {
        Some(Ordering::Equal) => rest,
        _ => first,
    }
}

// Tuples are ordered by their elements in turn. (Both sides of a comparison
// are computed: comparisons have no effects.)

impl<A: PartialOrd, B: PartialOrd> PartialOrd for (A, B) {
    fn partial_cmp(&self, other: &(A, B)) -> Option<Ordering> {
        lexicographic(self.0.partial_cmp(&other.0), self.1.partial_cmp(&other.1))
    }
}

impl<A: Ord, B: Ord> Ord for (A, B) {
    fn cmp(&self, other: &(A, B)) -> Ordering {
        self.0.cmp(&other.0).then(self.1.cmp(&other.1))
    }
}

impl<A: PartialOrd, B: PartialOrd, C: PartialOrd> PartialOrd for (A, B, C) {
    fn partial_cmp(&self, other: &(A, B, C)) -> Option<Ordering> {
        let rest = lexicographic(self.1.partial_cmp(&other.1), self.2.partial_cmp(&other.2));
        lexicographic(self.0.partial_cmp(&other.0), rest)
    }
}

impl<A: Ord, B: Ord, C: Ord> Ord for (A, B, C) {
    fn cmp(&self, other: &(A, B, C)) -> Ordering {
        self.0.cmp(&other.0).then(self.1.cmp(&other.1)).then(self.2.cmp(&other.2))
    }
}

impl<A: PartialOrd, B: PartialOrd, C: PartialOrd, D: PartialOrd> PartialOrd for (A, B, C, D) {
    fn partial_cmp(&self, other: &(A, B, C, D)) -> Option<Ordering> {
        let rest = lexicographic(self.2.partial_cmp(&other.2), self.3.partial_cmp(&other.3));
        let rest = lexicographic(self.1.partial_cmp(&other.1), rest);
        lexicographic(self.0.partial_cmp(&other.0), rest)
    }
}

impl<A: Ord, B: Ord, C: Ord, D: Ord> Ord for (A, B, C, D) {
    fn cmp(&self, other: &(A, B, C, D)) -> Ordering {
        self.0.cmp(&other.0).then(self.1.cmp(&other.1)).then(self.2.cmp(&other.2)).then(self.3.cmp(&other.3))
    }
}

/// The greater of two values; `b` when they are equal (`std::cmp::max`).
pub fn max<T: Ord>(a: T, b: T) -> T {
    a.max(b)
}

/// The lesser of two values; `a` when they are equal (`std::cmp::min`).
pub fn min<T: Ord>(a: T, b: T) -> T {
    a.min(b)
}
