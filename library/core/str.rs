//! `core::str`: string slices. `&str` is the struct `Str` (the compiler
//! reads `&str` as it and names it `&str`): the address and
//! length of UTF-8 bytes, laid out like `&[u8]`. A string literal is a
//! `Str` of bytes in the program's read-only data. Its methods are written
//! here in Rust; formatting and number parsing are the shim's
//! (`core::intrinsics::hybrid_*`). Host only.

/// `&str`: `len` bytes of UTF-8 at `ptr`.
#[derive(Clone, Copy)]
pub struct Str {
    ptr: *const u8,
    len: usize,
}

/// The `&str` of `len` bytes at `ptr` (which must be UTF-8).
pub unsafe fn str_from_raw_parts(ptr: *const u8, len: usize) -> &str {
    Str { ptr, len }
}

/// The `&str` of UTF-8 bytes (rustc's `str::from_utf8_unchecked`).
pub unsafe fn from_utf8_unchecked(bytes: &[u8]) -> &str {
    Str { ptr: bytes.as_ptr(), len: bytes.len() }
}

/// The bytes a `&str` is made of.
fn str_bytes(s: &str) -> &[u8] {
    let pair = (s.ptr, s.len);
    unsafe { *(&pair as *const (*const u8, usize) as *const &[u8]) }
}

/// `a == b` of two `&str`s (the compiler's `==` on strings).
pub fn str_eq(a: &str, b: &str) -> bool {
    if a.len != b.len {
        return false;
    }
    let (x, y) = (str_bytes(a), str_bytes(b));
    let mut i = 0;
    while i < x.len() {
        if x[i] != y[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `a < b` of two `&str`s: their bytes in lexicographic order (rustc's
/// `impl PartialOrd for str`; `<`, `<=`, `>`, `>=` and `partial_cmp`).
impl PartialOrd for Str {
    fn partial_cmp(&self, other: &Str) -> Option<crate::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The byte order of UTF-8, which is the order of the chars.
impl Ord for Str {
    fn cmp(&self, other: &Str) -> crate::cmp::Ordering {
        let (x, y) = (str_bytes(self), str_bytes(other));
        let n = if x.len() < y.len() { x.len() } else { y.len() };
        let mut i = 0;
        while i < n {
            if x[i] != y[i] {
                return if x[i] < y[i] { crate::cmp::Ordering::Less } else { crate::cmp::Ordering::Greater };
            }
            i += 1;
        }
        x.len().cmp(&y.len())
    }
}

/// `&s[start..end]` (the compiler's slicing of strings).
#[track_caller]
pub fn str_index(s: &str, start: usize, end: usize) -> &str {
    s.slice(start, end)
}

/// `&s[start..]`.
#[track_caller]
pub fn str_index_from(s: &str, start: usize) -> &str {
    s.slice(start, s.len)
}

/// Whether `b` is a UTF-8 continuation byte.
fn str_is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Whether `b` is ASCII whitespace or starts a Unicode space that rustc's
/// `trim` removes (FIXME(unicode): only U+0085 and U+00A0 of the non-ASCII ones).
fn str_is_space(b: u8) -> bool {
    b == b' ' || b == b'\t' || b == b'\n' || b == b'\r' || b == 0x0B || b == 0x0C
}

impl Str {
    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn as_bytes(&self) -> &[u8] {
        str_bytes(*self)
    }

    pub fn as_ptr(&self) -> *const u8 {
        self.ptr
    }

    /// Itself (rustc's `str::as_str`, also what `String::as_str` gives).
    pub fn as_str(&self) -> &str {
        *self
    }

    /// The bytes `start..end` as a `&str` (the caller checks the bounds).
    fn sub(&self, start: usize, end: usize) -> &str {
        Str { ptr: unsafe { self.ptr.add(start) }, len: end - start }
    }

    pub fn starts_with<P: Pattern>(&self, p: P) -> bool {
        p.matches_at(*self, 0).is_some()
    }

    pub fn ends_with<P: Pattern>(&self, p: P) -> bool {
        p.matches_before(*self, self.len).is_some()
    }

    /// The byte index of the first match of `p` (a `char` or a `&str`).
    pub fn find<P: Pattern>(&self, p: P) -> Option<usize> {
        let mut i = 0;
        while i <= self.len {
            if p.matches_at(*self, i).is_some() {
                return Some(i);
            }
            i = self.next_boundary(i);
        }
        None
    }

    /// The byte index of the last match of `p`.
    pub fn rfind<P: Pattern>(&self, p: P) -> Option<usize> {
        let mut i = self.len + 1;
        while i > 0 {
            i -= 1;
            if !self.is_char_boundary(i) {
                continue;
            }
            if p.matches_at(*self, i).is_some() {
                return Some(i);
            }
        }
        None
    }

    pub fn contains<P: Pattern>(&self, p: P) -> bool {
        self.find(p).is_some()
    }

    /// Whether byte index `i` is the start of a `char` (or the end).
    pub fn is_char_boundary(&self, i: usize) -> bool {
        if i == 0 || i == self.len {
            return true;
        }
        i < self.len && !str_is_continuation(str_bytes(*self)[i])
    }

    /// The char boundary after `i` (`len + 1` after the end).
    fn next_boundary(&self, i: usize) -> usize {
        let b = str_bytes(*self);
        let mut j = i + 1;
        while j < self.len && str_is_continuation(b[j]) {
            j += 1;
        }
        j
    }

    /// `s.chars()`: its `char`s, decoded from UTF-8.
    pub fn chars(&self) -> Chars {
        Chars { s: *self, pos: 0, end: self.len }
    }

    /// `s.char_indices()`: its `char`s with their byte indices.
    pub fn char_indices(&self) -> CharIndices {
        CharIndices { s: *self, pos: 0, end: self.len }
    }

    /// `s.split(p)`: the pieces between the matches of `p` (a `char` or a
    /// `&str`; FIXME(closure patterns): not a closure).
    pub fn split<P: Pattern>(&self, p: P) -> Split<P> {
        Split { s: *self, start: 0, search: 0, pat: p, done: false }
    }

    /// Without the matches of `p` repeated at its start and end.
    pub fn trim_matches<P: Pattern>(&self, p: P) -> &str {
        let mut i = 0;
        while let Some(n) = p.matches_at(*self, i) {
            if n == 0 {
                break;
            }
            i += n;
        }
        let mut j = self.len;
        while j > i {
            match p.matches_before(*self, j) {
                Some(n) if n > 0 => j -= n,
                _ => break,
            }
        }
        self.sub(i, j)
    }

    pub fn trim_start_matches<P: Pattern>(&self, p: P) -> &str {
        let mut i = 0;
        while let Some(n) = p.matches_at(*self, i) {
            if n == 0 {
                break;
            }
            i += n;
        }
        self.sub(i, self.len)
    }

    pub fn trim_end_matches<P: Pattern>(&self, p: P) -> &str {
        let mut j = self.len;
        while let Some(n) = p.matches_before(*self, j) {
            if n == 0 {
                break;
            }
            j -= n;
        }
        self.sub(0, j)
    }

    /// Without the prefix `p`, if it starts with it.
    pub fn strip_prefix<P: Pattern>(&self, p: P) -> Option<&str> {
        match p.matches_at(*self, 0) {
            Some(n) => Some(self.sub(n, self.len)),
            None => None,
        }
    }

    /// Without the suffix `p`, if it ends with it.
    pub fn strip_suffix<P: Pattern>(&self, p: P) -> Option<&str> {
        match p.matches_before(*self, self.len) {
            Some(n) => Some(self.sub(0, self.len - n)),
            None => None,
        }
    }

    pub fn trim_start(&self) -> &str {
        let b = str_bytes(*self);
        let mut i = 0;
        while i < b.len() && str_is_space(b[i]) {
            i += 1;
        }
        self.sub(i, self.len)
    }

    pub fn trim_end(&self) -> &str {
        let b = str_bytes(*self);
        let mut j = b.len();
        while j > 0 && str_is_space(b[j - 1]) {
            j -= 1;
        }
        self.sub(0, j)
    }

    /// Without leading and trailing whitespace (FIXME(unicode): ASCII
    /// whitespace only; rustc also trims Unicode spaces).
    pub fn trim(&self) -> &str {
        self.trim_start().trim_end()
    }

    /// The bytes `start..end`, as `&s[start..end]` (panics as rustc's
    /// when out of bounds or not on a character boundary).
    #[track_caller]
    pub fn slice(&self, start: usize, end: usize) -> &str {
        if start > end || end > self.len {
            panic!("byte index {} is out of bounds of `{}`", if end > self.len { end } else { start }, *self);
        }
        let b = str_bytes(*self);
        if (start < self.len && str_is_continuation(b[start])) || (end < self.len && str_is_continuation(b[end])) {
            panic!("byte index {} is not a char boundary", if start < self.len && str_is_continuation(b[start]) { start } else { end });
        }
        self.sub(start, end)
    }

    /// `s.bytes()`: its bytes, by value.
    pub fn bytes(&self) -> Bytes {
        Bytes { s: *self, index: 0 }
    }

    /// `s.split_whitespace()`: the non-empty pieces between runs of whitespace.
    pub fn split_whitespace(&self) -> SplitWhitespace {
        SplitWhitespace { s: *self, pos: 0 }
    }

    /// `s.lines()`: the pieces between `\n` (a `\r` before it dropped).
    pub fn lines(&self) -> Lines {
        Lines { s: *self, pos: 0 }
    }

    /// `s.parse::<T>()`: `T::from_str(s)` (integers and floats).
    pub fn parse<F: FromStr>(&self) -> Result<F, F::Err> {
        F::from_str(*self)
    }
}

/// `s.bytes()`.
pub struct Bytes {
    s: &'static str,
    index: usize,
}

impl Iterator for Bytes {
    type Item = u8;
    fn next(&mut self) -> Option<u8> {
        if self.index < self.s.len {
            let b = str_bytes(self.s)[self.index];
            self.index += 1;
            Some(b)
        } else {
            None
        }
    }
}

/// `s.split_whitespace()`.
pub struct SplitWhitespace {
    s: &'static str,
    pos: usize,
}

impl Iterator for SplitWhitespace {
    type Item = &'static str;
    fn next(&mut self) -> Option<&'static str> {
        let b = str_bytes(self.s);
        while self.pos < b.len() && str_is_space(b[self.pos]) {
            self.pos += 1;
        }
        if self.pos == b.len() {
            return None;
        }
        let start = self.pos;
        while self.pos < b.len() && !str_is_space(b[self.pos]) {
            self.pos += 1;
        }
        Some(self.s.sub(start, self.pos))
    }
}

/// `s.lines()`.
pub struct Lines {
    s: &'static str,
    pos: usize,
}

impl Iterator for Lines {
    type Item = &'static str;
    fn next(&mut self) -> Option<&'static str> {
        let b = str_bytes(self.s);
        if self.pos >= b.len() {
            return None;
        }
        let start = self.pos;
        while self.pos < b.len() && b[self.pos] != b'\n' {
            self.pos += 1;
        }
        let mut end = self.pos;
        if self.pos < b.len() {
            self.pos += 1;
        }
        if end > start && b[end - 1] == b'\r' {
            end -= 1;
        }
        Some(self.s.sub(start, end))
    }
}

/// What `split`, `find`, `trim_matches`, .. look for: a `char` or a `&str`
/// (rustc's `core::str::pattern::Pattern`, simplified).
pub trait Pattern {
    /// The byte length of a match starting at byte `i` of `s`, if one.
    fn matches_at(&self, s: &str, i: usize) -> Option<usize>;
    /// The byte length of a match ending at byte `end` of `s`, if one.
    fn matches_before(&self, s: &str, end: usize) -> Option<usize>;
}

/// Whether the bytes of `s` at `i` are `p`.
fn str_bytes_at(s: &str, i: usize, p: &[u8]) -> bool {
    if i + p.len() > s.len {
        return false;
    }
    let b = str_bytes(s);
    let mut k = 0;
    while k < p.len() {
        if b[i + k] != p[k] {
            return false;
        }
        k += 1;
    }
    true
}

impl Pattern for char {
    fn matches_at(&self, s: &str, i: usize) -> Option<usize> {
        let mut buf = [0u8; 4];
        let n = crate::char::encode_utf8_raw(*self as u32, &mut buf);
        if str_bytes_at(s, i, &buf[0..n]) {
            Some(n)
        } else {
            None
        }
    }
    fn matches_before(&self, s: &str, end: usize) -> Option<usize> {
        let n = crate::char::len_utf8_of(*self as u32);
        if end >= n {
            self.matches_at(s, end - n)
        } else {
            None
        }
    }
}

impl Pattern for &str {
    fn matches_at(&self, s: &str, i: usize) -> Option<usize> {
        let p: &str = *self;
        if str_bytes_at(s, i, str_bytes(p)) {
            Some(p.len)
        } else {
            None
        }
    }
    fn matches_before(&self, s: &str, end: usize) -> Option<usize> {
        let p: &str = *self;
        if end >= p.len && str_bytes_at(s, end - p.len, str_bytes(p)) {
            Some(p.len)
        } else {
            None
        }
    }
}

/// The `char` whose UTF-8 encoding starts at byte `i` of `b`, and its length.
fn str_decode_at(b: &[u8], i: usize) -> (char, usize) {
    let x = b[i] as u32;
    let (c, n) = if x < 0x80 {
        (x, 1)
    } else if x < 0xE0 {
        (((x & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F), 2)
    } else if x < 0xF0 {
        (((x & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F), 3)
    } else {
        (((x & 0x07) << 18) | ((b[i + 1] as u32 & 0x3F) << 12) | ((b[i + 2] as u32 & 0x3F) << 6) | (b[i + 3] as u32 & 0x3F), 4)
    };
    (unsafe { crate::char::from_u32_unchecked(c) }, n)
}

/// The start of the `char` that ends at byte `end` of `b`.
fn str_char_start_before(b: &[u8], end: usize) -> usize {
    let mut i = end - 1;
    while i > 0 && str_is_continuation(b[i]) {
        i -= 1;
    }
    i
}

/// `s.chars()`.
pub struct Chars {
    s: &'static str,
    pos: usize,
    end: usize,
}

impl Chars {
    /// The rest of the string (rustc's `Chars::as_str`).
    pub fn as_str(&self) -> &'static str {
        self.s.sub(self.pos, self.end)
    }
}

impl Iterator for Chars {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        if self.pos >= self.end {
            return None;
        }
        let (c, n) = str_decode_at(str_bytes(self.s), self.pos);
        self.pos += n;
        Some(c)
    }
}

impl DoubleEndedIterator for Chars {
    fn next_back(&mut self) -> Option<char> {
        if self.pos >= self.end {
            return None;
        }
        let b = str_bytes(self.s);
        let i = str_char_start_before(b, self.end);
        let (c, _) = str_decode_at(b, i);
        self.end = i;
        Some(c)
    }
}

/// `s.char_indices()`.
pub struct CharIndices {
    s: &'static str,
    pos: usize,
    end: usize,
}

impl Iterator for CharIndices {
    type Item = (usize, char);
    fn next(&mut self) -> Option<(usize, char)> {
        if self.pos >= self.end {
            return None;
        }
        let at = self.pos;
        let (c, n) = str_decode_at(str_bytes(self.s), at);
        self.pos += n;
        Some((at, c))
    }
}

impl DoubleEndedIterator for CharIndices {
    fn next_back(&mut self) -> Option<(usize, char)> {
        if self.pos >= self.end {
            return None;
        }
        let b = str_bytes(self.s);
        let i = str_char_start_before(b, self.end);
        let (c, _) = str_decode_at(b, i);
        self.end = i;
        Some((i, c))
    }
}

/// `s.split(p)`.
pub struct Split<P> {
    s: &'static str,
    /// Where the next piece starts.
    start: usize,
    /// Where the search for the next match starts.
    search: usize,
    pat: P,
    done: bool,
}

impl<P: Pattern> Iterator for Split<P> {
    type Item = &'static str;
    fn next(&mut self) -> Option<&'static str> {
        if self.done {
            return None;
        }
        let len = self.s.len;
        let mut i = self.search;
        while i <= len {
            if let Some(n) = self.pat.matches_at(self.s, i) {
                let piece = self.s.sub(self.start, i);
                self.start = i + n;
                // an empty match: the next one is at the next char boundary
                self.search = if n == 0 { self.s.next_boundary(i) } else { i + n };
                return Some(piece);
            }
            i = self.s.next_boundary(i);
        }
        self.done = true;
        Some(self.s.sub(self.start, len))
    }
}

/// Parsing a value from a `&str` (`s.parse::<T>()`).
pub trait FromStr {
    type Err;
    fn from_str(s: &str) -> Result<Self, Self::Err>;
}

// (the error types live in `num`, which needs no `fmt`; their `Display` is here, where they are made)
use crate::num::{FloatErrorKind, IntErrorKind, ParseFloatError, ParseIntError};

impl crate::fmt::Display for ParseIntError {
    fn fmt(&self, f: &mut crate::fmt::Formatter) -> crate::fmt::Result {
        let msg = match self.kind {
            IntErrorKind::Empty => "cannot parse integer from empty string",
            IntErrorKind::InvalidDigit => "invalid digit found in string",
            IntErrorKind::PosOverflow => "number too large to fit in target type",
            IntErrorKind::NegOverflow => "number too small to fit in target type",
            IntErrorKind::Zero => "number would be zero for non-zero type",
        };
        f.pad(msg)
    }
}

impl crate::fmt::Display for ParseFloatError {
    fn fmt(&self, f: &mut crate::fmt::Formatter) -> crate::fmt::Result {
        let msg = match self.kind {
            FloatErrorKind::Empty => "cannot parse float from empty string",
            FloatErrorKind::Invalid => "invalid float literal",
        };
        f.pad(msg)
    }
}

// @for $t $k in i8 0 | i16 1 | i32 2 | i64 3 | isize 4 | u8 5 | u16 6 | u32 7 | u64 8 | usize 9
impl FromStr for $t {
    type Err = ParseIntError;
    fn from_str(s: &str) -> Result<$t, ParseIntError> {
        let mut out: u64 = 0;
        let e = unsafe { core::intrinsics::hybrid_parse_int(s.ptr, s.len, $k, &mut out as *mut u64) };
        let kind = match e {
            0 => return Ok(out as $t),
            1 => IntErrorKind::Empty,
            2 => IntErrorKind::InvalidDigit,
            3 => IntErrorKind::PosOverflow,
            4 => IntErrorKind::NegOverflow,
            _ => IntErrorKind::Zero,
        };
        Err(ParseIntError { kind })
    }
}
// @end

// @for $t $k in f32 1 | f64 0
impl FromStr for $t {
    type Err = ParseFloatError;
    fn from_str(s: &str) -> Result<$t, ParseFloatError> {
        let mut out: f64 = 0.0;
        let e = unsafe { core::intrinsics::hybrid_parse_float(s.ptr, s.len, $k, &mut out as *mut f64) };
        match e {
            0 => Ok(out as $t),
            1 => Err(ParseFloatError { kind: FloatErrorKind::Empty }),
            _ => Err(ParseFloatError { kind: FloatErrorKind::Invalid }),
        }
    }
}
// @end
