//! `core::char`: the methods of `char` (a Unicode scalar value, 4 bytes;
//! the compiler's `Scalar::Char`), `char::from_u32`/`from_digit`, and the
//! UTF-8 encoding `String::push` and `str::chars` use. The classification
//! methods beyond ASCII (`is_alphabetic`, `is_whitespace`, `is_uppercase`,
//! ..) know ASCII and Latin-1 exactly and treat other letters by a few
//! ranges (FIXME(unicode): rustc's tables). Works in device code too (no
//! strings involved).

/// The `char` of `i`, if `i` is a Unicode scalar value.
pub fn from_u32(i: u32) -> Option<char> {
    if i > 0x10FFFF || (i >= 0xD800 && i <= 0xDFFF) {
        None
    } else {
        Some(unsafe { core::mem::transmute::<u32, char>(i) })
    }
}

/// The `char` of `i` (which must be a Unicode scalar value).
pub unsafe fn from_u32_unchecked(i: u32) -> char {
    unsafe { core::mem::transmute::<u32, char>(i) }
}

/// The digit `num` in base `radix` (`0-9a-z`), if `num < radix`; panics if
/// `radix > 36`.
pub fn from_digit(num: u32, radix: u32) -> Option<char> {
    if radix > 36 {
        panic!("from_digit: radix is too high (maximum 36)");
    }
    if num < radix {
        let b = if num < 10 { b'0' + num as u8 } else { b'a' + (num - 10) as u8 };
        Some(b as char)
    } else {
        None
    }
}

/// The UTF-8 length of the scalar value `c`.
pub fn len_utf8_of(c: u32) -> usize {
    if c < 0x80 {
        1
    } else if c < 0x800 {
        2
    } else if c < 0x10000 {
        3
    } else {
        4
    }
}

/// Writes the UTF-8 encoding of `c` to `out` (which has room for 4 bytes);
/// its length.
pub fn encode_utf8_raw(c: u32, out: &mut [u8; 4]) -> usize {
    let n = len_utf8_of(c);
    if n == 1 {
        out[0] = c as u8;
    } else if n == 2 {
        out[0] = (0xC0 | (c >> 6)) as u8;
        out[1] = (0x80 | (c & 0x3F)) as u8;
    } else if n == 3 {
        out[0] = (0xE0 | (c >> 12)) as u8;
        out[1] = (0x80 | ((c >> 6) & 0x3F)) as u8;
        out[2] = (0x80 | (c & 0x3F)) as u8;
    } else {
        out[0] = (0xF0 | (c >> 18)) as u8;
        out[1] = (0x80 | ((c >> 12) & 0x3F)) as u8;
        out[2] = (0x80 | ((c >> 6) & 0x3F)) as u8;
        out[3] = (0x80 | (c & 0x3F)) as u8;
    }
    n
}

impl char {
    /// `char::from_u32(i)`.
    pub fn from_u32(i: u32) -> Option<char> {
        from_u32(i)
    }

    /// `char::from_digit(num, radix)`.
    pub fn from_digit(num: u32, radix: u32) -> Option<char> {
        from_digit(num, radix)
    }

    /// Its value in base `radix` (2..=36), if it is a digit of it.
    pub fn to_digit(self, radix: u32) -> Option<u32> {
        assert!(radix >= 2 && radix <= 36, "to_digit: invalid radix -- radix must be in the range 2 to 36 inclusive");
        let c = self as u32;
        let d = if c >= 48 && c <= 57 {
            c - 48
        } else if c >= 97 && c <= 122 {
            c - 87
        } else if c >= 65 && c <= 90 {
            c - 55
        } else {
            return None;
        };
        if d < radix {
            Some(d)
        } else {
            None
        }
    }

    pub fn is_digit(self, radix: u32) -> bool {
        self.to_digit(radix).is_some()
    }

    pub fn len_utf8(self) -> usize {
        len_utf8_of(self as u32)
    }

    pub fn len_utf16(self) -> usize {
        if (self as u32) < 0x10000 {
            1
        } else {
            2
        }
    }

    pub fn is_ascii(&self) -> bool {
        (*self as u32) < 128
    }

    pub fn is_ascii_digit(&self) -> bool {
        *self >= '0' && *self <= '9'
    }

    pub fn is_ascii_hexdigit(&self) -> bool {
        (*self >= '0' && *self <= '9') || (*self >= 'a' && *self <= 'f') || (*self >= 'A' && *self <= 'F')
    }

    pub fn is_ascii_uppercase(&self) -> bool {
        *self >= 'A' && *self <= 'Z'
    }

    pub fn is_ascii_lowercase(&self) -> bool {
        *self >= 'a' && *self <= 'z'
    }

    pub fn is_ascii_alphabetic(&self) -> bool {
        self.is_ascii_uppercase() || self.is_ascii_lowercase()
    }

    pub fn is_ascii_alphanumeric(&self) -> bool {
        self.is_ascii_alphabetic() || self.is_ascii_digit()
    }

    pub fn is_ascii_whitespace(&self) -> bool {
        *self == ' ' || *self == '\t' || *self == '\n' || *self == '\u{c}' || *self == '\r'
    }

    pub fn is_ascii_punctuation(&self) -> bool {
        let c = *self as u32;
        (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)
    }

    pub fn is_ascii_graphic(&self) -> bool {
        let c = *self as u32;
        c >= 33 && c <= 126
    }

    pub fn is_ascii_control(&self) -> bool {
        let c = *self as u32;
        c < 32 || c == 127
    }

    pub fn to_ascii_uppercase(&self) -> char {
        if self.is_ascii_lowercase() {
            ((*self as u8) - 32) as char
        } else {
            *self
        }
    }

    pub fn to_ascii_lowercase(&self) -> char {
        if self.is_ascii_uppercase() {
            ((*self as u8) + 32) as char
        } else {
            *self
        }
    }

    pub fn make_ascii_uppercase(&mut self) {
        *self = self.to_ascii_uppercase();
    }

    pub fn make_ascii_lowercase(&mut self) {
        *self = self.to_ascii_lowercase();
    }

    pub fn eq_ignore_ascii_case(&self, other: &char) -> bool {
        self.to_ascii_lowercase() == other.to_ascii_lowercase()
    }

    /// Unicode `White_Space` (exact: the property has 25 code points).
    pub fn is_whitespace(self) -> bool {
        let c = self as u32;
        (c >= 9 && c <= 13)
            || c == 32
            || c == 0x85
            || c == 0xA0
            || c == 0x1680
            || (c >= 0x2000 && c <= 0x200A)
            || c == 0x2028
            || c == 0x2029
            || c == 0x202F
            || c == 0x205F
            || c == 0x3000
    }

    /// Unicode `Lowercase` (FIXME(unicode): exact for ASCII and Latin-1,
    /// Greek and Cyrillic by ranges).
    pub fn is_lowercase(self) -> bool {
        let c = self as u32;
        (c >= 97 && c <= 122)
            || c == 0xAA
            || c == 0xB5
            || c == 0xBA
            || (c >= 0xDF && c <= 0xFF && c != 0xF7)
            || (c >= 0x3B1 && c <= 0x3C9)
            || (c >= 0x430 && c <= 0x45F)
    }

    /// Unicode `Uppercase` (FIXME(unicode): as `is_lowercase`).
    pub fn is_uppercase(self) -> bool {
        let c = self as u32;
        (c >= 65 && c <= 90)
            || (c >= 0xC0 && c <= 0xDE && c != 0xD7)
            || (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
            || (c >= 0x400 && c <= 0x42F)
    }

    /// Unicode `Alphabetic` (FIXME(unicode): ASCII and Latin-1 exact; other
    /// scripts by the ranges of letters of the common alphabets and CJK).
    pub fn is_alphabetic(self) -> bool {
        let c = self as u32;
        if c < 0x80 {
            return self.is_ascii_alphabetic();
        }
        c == 0xAA
            || c == 0xB5
            || c == 0xBA
            || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)
            || (c >= 0x370 && c <= 0x3FF && c != 0x375 && c != 0x37E && c != 0x384 && c != 0x385 && c != 0x387)
            || (c >= 0x400 && c <= 0x481)
            || (c >= 0x48A && c <= 0x52F)
            || (c >= 0x5D0 && c <= 0x5EA)
            || (c >= 0x620 && c <= 0x64A)
            || (c >= 0x3041 && c <= 0x3096)
            || (c >= 0x30A1 && c <= 0x30FA)
            || (c >= 0x4E00 && c <= 0x9FFF)
            || (c >= 0xAC00 && c <= 0xD7A3)
    }

    /// Unicode `Numeric` (FIXME(unicode): ASCII digits, the Latin-1
    /// fractions and superscripts only).
    pub fn is_numeric(self) -> bool {
        let c = self as u32;
        (c >= 48 && c <= 57) || c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0xBC && c <= 0xBE)
    }

    pub fn is_alphanumeric(self) -> bool {
        self.is_alphabetic() || self.is_numeric()
    }

    /// Unicode `Cc`.
    pub fn is_control(self) -> bool {
        let c = self as u32;
        c < 32 || (c >= 127 && c < 160)
    }
}
