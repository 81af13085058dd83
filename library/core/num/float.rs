//! The methods of `f32` and `f64` that are written in Rust (rustc's
//! `impl f32 { .. }` in `core::num`); the others (`sqrt`, `sin`, `mul_add`,
//! ..) are intrinsics of the compiler.

// @for $t in f32 f64
impl $t {
    /// Restricts `self` to `[min, max]` (panics unless `min <= max`).
    pub fn clamp(self, min: $t, max: $t) -> $t {
        assert!(min <= max, "min > max, or either was NaN. min = {min:?}, max = {max:?}");
        let mut x = self;
        if x < min {
            x = min;
        }
        if x > max {
            x = max;
        }
        x
    }

    /// `1.0` for `+0.0` and positive values, `-1.0` for `-0.0`
    /// and negative values, NaN for NaN.
    pub fn signum(self) -> $t {
        if self.is_nan() {
            self
        } else if self.is_sign_negative() {
            -1.0
        } else {
            1.0
        }
    }

    pub fn is_sign_negative(self) -> bool {
        self < 0.0 || (self == 0.0 && 1.0 / self < 0.0)
    }

    pub fn is_sign_positive(self) -> bool {
        !self.is_sign_negative()
    }

    pub fn is_infinite(self) -> bool {
        self == $t::INFINITY || self == $t::NEG_INFINITY
    }

    pub fn is_finite(self) -> bool {
        !self.is_nan() && !self.is_infinite()
    }

    pub fn fract(self) -> $t {
        self - self.trunc()
    }

    pub fn to_radians(self) -> $t {
        self * (3.14159265358979323846264338327950288 / 180.0)
    }

    pub fn copysign(self, sign: $t) -> $t {
        if self.is_sign_negative() == sign.is_sign_negative() {
            self
        } else {
            -self
        }
    }
}
// @end

impl f32 {
    pub fn to_degrees(self) -> f32 {
        // rustc's constant: 180 / pi, rounded once to f32
        self * 57.2957795130823208767981548141051703
    }
}

impl f64 {
    pub fn to_degrees(self) -> f64 {
        self * (180.0 / 3.14159265358979323846264338327950288)
    }
}

// @for $t $bits $sbits $shift in f32 u32 i32 31 | f64 u64 i64 63
impl $t {
    /// The IEEE 754 bits of `self`.
    pub fn to_bits(self) -> $bits {
        unsafe { crate::mem::transmute::<$t, $bits>(self) }
    }

    /// The float whose IEEE 754 bits are `v`.
    pub fn from_bits(v: $bits) -> $t {
        unsafe { crate::mem::transmute::<$bits, $t>(v) }
    }

    /// IEEE 754's total order: -NaN < -inf < .. < -0 < +0 < .. < +inf < +NaN.
    pub fn total_cmp(&self, other: &$t) -> crate::cmp::Ordering {
        let mut left = self.to_bits() as $sbits;
        let mut right = other.to_bits() as $sbits;
        left ^= (((left >> $shift) as $bits) >> 1) as $sbits;
        right ^= (((right >> $shift) as $bits) >> 1) as $sbits;
        left.cmp(&right)
    }
}
// @end
