//! `core::cmp`: `Ordering`, and `cmp` of the integer types (rustc's `Ord`
//! impls; hybridc has them as inherent methods until the library has `Ord`).

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

// @for $t in u8 u16 u32 u64 usize i8 i16 i32 i64 isize bool
impl $t {
    pub fn cmp(&self, other: &$t) -> Ordering {
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
