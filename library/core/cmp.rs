//! `core::cmp`: `Ordering`, the traits `PartialOrd` and `Ord` (`a < b` on a
//! user type is `PartialOrd::lt`, whose default method asks `partial_cmp`)
//! and their impls for the primitive types. (`PartialEq` and `Eq` are still
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

/// The greater of two values; `b` when they are equal (`std::cmp::max`).
pub fn max<T: Ord>(a: T, b: T) -> T {
    a.max(b)
}

/// The lesser of two values; `a` when they are equal (`std::cmp::min`).
pub fn min<T: Ord>(a: T, b: T) -> T {
    a.min(b)
}
