//! The methods of the integer types that are written in Rust (rustc's
//! `impl u32 { .. }` blocks in `core::num`); the others (`pow`,
//! `count_ones`, `wrapping_add`, ..) are intrinsics of the compiler.
//! Integer overflow wraps, as in a `rustc -O` build.

// @for $t in u8 u16 u32 u64 usize i8 i16 i32 i64 isize
impl $t {
    /// Restricts `self` to `[min, max]` (panics when `min > max`).
    pub fn clamp(self, min: $t, max: $t) -> $t {
        assert!(min <= max);
        if self < min {
            min
        } else if self > max {
            max
        } else {
            self
        }
    }

    pub fn saturating_add(self, rhs: $t) -> $t {
        let r = self.wrapping_add(rhs);
        if rhs > 0 && r < self {
            $t::MAX
        } else if rhs < (0 as $t) && r > self {
            $t::MIN
        } else {
            r
        }
    }

    pub fn saturating_sub(self, rhs: $t) -> $t {
        let r = self.wrapping_sub(rhs);
        if rhs > 0 && r > self {
            $t::MIN
        } else if rhs < (0 as $t) && r < self {
            $t::MAX
        } else {
            r
        }
    }

    /// The base-2 logarithm, rounded down (panics unless `self > 0`).
    pub fn ilog2(self) -> u32 {
        assert!(self > 0, "argument of integer logarithm must be positive");
        ($t::BITS - 1) - self.leading_zeros()
    }

    /// The base-10 logarithm, rounded down (panics unless `self > 0`).
    pub fn ilog10(self) -> u32 {
        assert!(self > 0, "argument of integer logarithm must be positive");
        let mut n = 0;
        let mut v = self;
        while v >= 10 {
            v = v / 10;
            n += 1;
        }
        n
    }
}
// @end

// @for $t in u8 u16 u32 u64 usize
impl $t {
    /// `self / rhs` rounded up.
    pub fn div_ceil(self, rhs: $t) -> $t {
        let d = self / rhs;
        if self % rhs > 0 {
            d + 1
        } else {
            d
        }
    }

    /// The smallest multiple of `rhs` that is `>= self`.
    pub fn next_multiple_of(self, rhs: $t) -> $t {
        let r = self % rhs;
        if r == 0 {
            self
        } else {
            self + (rhs - r)
        }
    }

    pub fn is_multiple_of(self, rhs: $t) -> bool {
        if rhs == 0 {
            self == 0
        } else {
            self % rhs == 0
        }
    }

    pub fn is_power_of_two(self) -> bool {
        self.count_ones() == 1
    }

    /// The smallest power of two `>= self` (`1` for `0`; wraps
    /// to `0` past the type's range, as in a `-O` build).
    pub fn next_power_of_two(self) -> $t {
        if self <= 1 {
            return 1;
        }
        let shift = $t::BITS - (self - 1).leading_zeros();
        if shift >= $t::BITS {
            0
        } else {
            (1 as $t) << shift
        }
    }

    pub fn abs_diff(self, other: $t) -> $t {
        if self > other {
            self - other
        } else {
            other - self
        }
    }

    pub fn saturating_mul(self, rhs: $t) -> $t {
        if self != 0 && rhs > $t::MAX / self {
            $t::MAX
        } else {
            self * rhs
        }
    }

    pub fn rem_euclid(self, rhs: $t) -> $t {
        self % rhs
    }

    pub fn div_euclid(self, rhs: $t) -> $t {
        self / rhs
    }
}
// @end

// @for $t $u in i8 u8 | i16 u16 | i32 u32 | i64 u64 | isize usize
impl $t {
    /// `1`, `0` or `-1`, as the sign of `self`.
    pub fn signum(self) -> $t {
        if self > 0 {
            1
        } else if self < 0 {
            -1
        } else {
            0
        }
    }

    pub fn is_positive(self) -> bool {
        self > 0
    }

    pub fn is_negative(self) -> bool {
        self < 0
    }

    pub fn wrapping_abs(self) -> $t {
        if self < 0 {
            (0 as $t).wrapping_sub(self)
        } else {
            self
        }
    }

    pub fn unsigned_abs(self) -> $u {
        self.wrapping_abs() as $u
    }

    pub fn abs_diff(self, other: $t) -> $u {
        if self > other {
            (self as $u).wrapping_sub(other as $u)
        } else {
            (other as $u).wrapping_sub(self as $u)
        }
    }

    /// The remainder of the Euclidean division: never negative.
    pub fn rem_euclid(self, rhs: $t) -> $t {
        let r = self % rhs;
        if r < 0 {
            if rhs < 0 {
                r - rhs
            } else {
                r + rhs
            }
        } else {
            r
        }
    }

    pub fn div_euclid(self, rhs: $t) -> $t {
        let q = self / rhs;
        if self % rhs < 0 {
            if rhs > 0 {
                q - 1
            } else {
                q + 1
            }
        } else {
            q
        }
    }

    pub fn saturating_mul(self, rhs: $t) -> $t {
        // `overflowing_mul` never divides `MIN` by `-1` (`-1 * MIN` must saturate, not panic).
        let (r, overflowed) = self.overflowing_mul(rhs);
        if !overflowed {
            r
        } else if (self < 0) == (rhs < 0) {
            $t::MAX
        } else {
            $t::MIN
        }
    }
}
// @end

// @for $t in u8 u16 u32 u64 usize i8 i16 i32 i64 isize
impl $t {
    /// `self + rhs`, or `None` on overflow.
    pub fn checked_add(self, rhs: $t) -> Option<$t> {
        let (r, o) = self.overflowing_add(rhs);
        if o {
            None
        } else {
            Some(r)
        }
    }

    pub fn checked_sub(self, rhs: $t) -> Option<$t> {
        let (r, o) = self.overflowing_sub(rhs);
        if o {
            None
        } else {
            Some(r)
        }
    }

    pub fn checked_mul(self, rhs: $t) -> Option<$t> {
        let (r, o) = self.overflowing_mul(rhs);
        if o {
            None
        } else {
            Some(r)
        }
    }

    /// `self / rhs`, or `None` for a zero divisor or an overflow (`MIN / -1`).
    pub fn checked_div(self, rhs: $t) -> Option<$t> {
        if rhs == 0 || (self == $t::MIN && rhs == (0 as $t).wrapping_sub(1) && $t::MIN != 0) {
            None
        } else {
            Some(self / rhs)
        }
    }

    pub fn checked_rem(self, rhs: $t) -> Option<$t> {
        if rhs == 0 || (self == $t::MIN && rhs == (0 as $t).wrapping_sub(1) && $t::MIN != 0) {
            None
        } else {
            Some(self % rhs)
        }
    }

    /// `self + rhs` wrapped, and whether it overflowed.
    pub fn overflowing_add(self, rhs: $t) -> ($t, bool) {
        let r = self.wrapping_add(rhs);
        let overflow = if $t::MIN == 0 { r < self } else { (rhs < (0 as $t)) != (r < self) };
        (r, overflow)
    }

    pub fn overflowing_sub(self, rhs: $t) -> ($t, bool) {
        let r = self.wrapping_sub(rhs);
        let overflow = if $t::MIN == 0 { r > self } else { (rhs < (0 as $t)) != (r > self) };
        (r, overflow)
    }

    pub fn overflowing_mul(self, rhs: $t) -> ($t, bool) {
        let r = self.wrapping_mul(rhs);
        let overflow = if self == 0 || rhs == 0 {
            false
        } else if $t::MIN == 0 {
            r / rhs != self
        } else if self == (0 as $t).wrapping_sub(1) {
            rhs == $t::MIN
        } else if rhs == (0 as $t).wrapping_sub(1) {
            self == $t::MIN
        } else {
            r / rhs != self
        };
        (r, overflow)
    }
}
// @end

