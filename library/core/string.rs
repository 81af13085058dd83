//! `alloc::string`: `String`, a growable UTF-8 string over a `Vec<u8>`
//! (its memory is the `Vec`'s: freed once drop glue frees `Vec`s;
//! FIXME(drop): until then it leaks like a `Vec`). Methods of `&str` are
//! reached through `as_str` (the compiler derefs a `String` receiver to
//! its `&str` for the methods `String` has not), `format!` builds one
//! from the line buffer (`from_format`), and `to_string` of the
//! primitive types formats them. Host only.

use crate::str::Str;

/// An owned, growable UTF-8 string.
pub struct String {
    vec: Vec<u8>,
}

/// Ends a `format!`: its text (the line buffer after the mark
/// `hybrid_fmt_begin` set) as a `String`.
pub fn string_from_format() -> String {
    let mut vec: Vec<u8> = Vec::new();
    unsafe { core::intrinsics::hybrid_fmt_end(&mut vec as *mut Vec<u8>) };
    String { vec }
}

impl String {
    pub fn new() -> String {
        String { vec: Vec::new() }
    }

    pub fn with_capacity(n: usize) -> String {
        String { vec: Vec::with_capacity(n) }
    }

    /// A `String` with the text of `s`.
    pub fn from(s: &str) -> String {
        let mut vec = Vec::with_capacity(s.len());
        vec.extend_from_slice(s.as_bytes());
        String { vec }
    }

    /// The `String` of UTF-8 bytes (rustc's `String::from_utf8_unchecked`).
    pub unsafe fn from_utf8_unchecked(vec: Vec<u8>) -> String {
        String { vec }
    }

    pub fn as_str(&self) -> &str {
        unsafe { crate::str::str_from_raw_parts(self.vec.as_ptr(), self.vec.len()) }
    }

    pub fn as_bytes(&self) -> &[u8] {
        self.as_str().as_bytes()
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.vec
    }

    pub fn len(&self) -> usize {
        self.vec.len()
    }

    pub fn is_empty(&self) -> bool {
        self.vec.len() == 0
    }

    pub fn capacity(&self) -> usize {
        self.vec.capacity()
    }

    pub fn clear(&mut self) {
        self.vec.clear();
    }

    pub fn push_str(&mut self, s: &str) {
        self.vec.extend_from_slice(s.as_bytes());
    }

    /// Appends a byte of ASCII text.
    pub fn push_byte(&mut self, b: u8) {
        self.vec.push(b);
    }

    /// Appends `c`, UTF-8 encoded.
    pub fn push(&mut self, c: char) {
        let mut buf = [0u8; 4];
        let n = crate::char::encode_utf8_raw(c as u32, &mut buf);
        let mut i = 0;
        while i < n {
            self.vec.push(buf[i]);
            i += 1;
        }
    }

    /// Removes its last `char` (`None` when empty).
    pub fn pop(&mut self) -> Option<char> {
        let c = self.as_str().chars().next_back()?;
        self.vec.truncate(self.vec.len() - c.len_utf8());
        Some(c)
    }

    /// Inserts `c` at byte index `idx` (panics unless on a char boundary).
    #[track_caller]
    pub fn insert(&mut self, idx: usize, c: char) {
        let rest = String::from(self.as_str().slice(idx, self.len()));
        self.vec.truncate(idx);
        self.push(c);
        self.push_str(rest.as_str());
    }

    /// Removes and returns the `char` at byte index `idx`.
    #[track_caller]
    pub fn remove(&mut self, idx: usize) -> char {
        let tail = self.as_str().slice(idx, self.len());
        let c = match tail.chars().next() {
            Some(c) => c,
            None => panic!("cannot remove a char from the end of a string"),
        };
        let rest = String::from(tail.slice(c.len_utf8(), tail.len()));
        self.vec.truncate(idx);
        self.push_str(rest.as_str());
        c
    }

    pub fn truncate(&mut self, n: usize) {
        self.vec.truncate(n);
    }

    pub fn to_string(&self) -> String {
        self.clone()
    }

    pub fn to_owned(&self) -> String {
        self.clone()
    }
}

impl Str {
    /// `s.to_string()`: an owned copy.
    pub fn to_string(&self) -> String {
        String::from(*self)
    }

    /// `s.to_owned()`: an owned copy.
    pub fn to_owned(&self) -> String {
        String::from(*self)
    }

    /// `s.to_uppercase()` (FIXME(unicode): ASCII letters only).
    pub fn to_uppercase(&self) -> String {
        let mut out = String::from(*self);
        let mut i = 0;
        while i < out.vec.len() {
            let b = out.vec[i];
            if b >= b'a' && b <= b'z' {
                out.vec[i] = b - 32;
            }
            i += 1;
        }
        out
    }

    /// `s.to_lowercase()` (FIXME(unicode): ASCII letters only).
    pub fn to_lowercase(&self) -> String {
        let mut out = String::from(*self);
        let mut i = 0;
        while i < out.vec.len() {
            let b = out.vec[i];
            if b >= b'A' && b <= b'Z' {
                out.vec[i] = b + 32;
            }
            i += 1;
        }
        out
    }

    /// `s.repeat(n)`.
    pub fn repeat(&self, n: usize) -> String {
        let mut out = String::with_capacity(self.len() * n);
        let mut i = 0;
        while i < n {
            out.push_str(*self);
            i += 1;
        }
        out
    }
}

/// What `collect::<String>()` takes: `char`s, `&str`s and `String`s
/// (FIXME(generic impls for builtin types): rustc's `FromIterator` impls
/// of `String`).
pub trait StringPiece {
    fn push_to(self, s: &mut String);
}

impl StringPiece for char {
    fn push_to(self, s: &mut String) {
        s.push(self);
    }
}

impl StringPiece for &str {
    fn push_to(self, s: &mut String) {
        s.push_str(self);
    }
}

impl StringPiece for String {
    fn push_to(self, s: &mut String) {
        s.push_str(self.as_str());
    }
}

/// The elements of `concat` and `join`: `&str`s and `String`s (rustc's
/// `Borrow<str>`).
pub trait AsStrPiece {
    fn as_str_piece(&self) -> &str;
}

impl AsStrPiece for &str {
    fn as_str_piece(&self) -> &str {
        *self
    }
}

impl AsStrPiece for String {
    fn as_str_piece(&self) -> &str {
        self.as_str()
    }
}

impl<S: AsStrPiece> [S] {
    /// The strings one after the other.
    pub fn concat(&self) -> String {
        let mut out = String::new();
        let mut i = 0;
        while i < self.len() {
            out.push_str(self[i].as_str_piece());
            i += 1;
        }
        out
    }

    /// The strings with `sep` between them.
    pub fn join(&self, sep: &str) -> String {
        let mut out = String::new();
        let mut i = 0;
        while i < self.len() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(self[i].as_str_piece());
            i += 1;
        }
        out
    }
}

/// `collect::<String>()` (the compiler's desugaring of it).
pub fn collect_string<I: Iterator>(mut iter: I) -> String {
    let mut s = String::new();
    while let Some(x) = iter.next() {
        x.push_to(&mut s);
    }
    s
}

// `String::from_iter(it)` of `char`s, `&str`s and `String`s
// @for $t in char &str String
impl core::iter::FromIterator<$t> for String {
    fn from_iter<I: IntoIterator<Item = $t>>(iter: I) -> String {
        collect_string(iter.into_iter())
    }
}
// @end

impl core::ops::Add<&str> for String {
    type Output = String;
    fn add(self, s: &str) -> String {
        let mut out = self;
        out.push_str(s);
        out
    }
}

impl core::ops::AddAssign<&str> for String {
    fn add_assign(&mut self, s: &str) {
        self.push_str(s);
    }
}

impl From<&str> for String {
    fn from(s: &str) -> String {
        String::from(s)
    }
}

impl Clone for String {
    fn clone(&self) -> String {
        String::from(self.as_str())
    }
}

impl Default for String {
    fn default() -> String {
        String::new()
    }
}

// @for $t in i8 i16 i32 i64 isize u8 u16 u32 u64 usize f32 f64 bool char
impl $t {
    /// `x.to_string()`: as `{}` formats it.
    pub fn to_string(&self) -> String {
        format!("{}", *self)
    }
}
// @end
