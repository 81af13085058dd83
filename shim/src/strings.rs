//! Strings for generated host code: `&str` formatted with a spec
//! (`hybrid_fmt_str_spec`, Display padding and Debug escapes by Rust's own
//! `format!`), `format!` into a `String` (`hybrid_fmt_begin` /
//! `hybrid_fmt_end`: a mark on the calling thread's line buffer, then the
//! bytes after it moved into a new `Vec<u8>`; marks nest, so a `format!`
//! inside a format argument or a `Display` impl takes only its own text),
//! `char` formatting, and `str::parse` of numbers (`hybrid_parse_int`,
//! `hybrid_parse_float`: Rust's own parsers, so results and error kinds are
//! rustc's).

use std::cell::RefCell;
use std::fmt::{Debug, Display, LowerExp, UpperExp};
use std::num::IntErrorKind;

use crate::fmt::{format_value, Spec};
use crate::vec::{hybrid_vec_with_capacity, RawVec};

thread_local! {
    static MARKS: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// A `&str` (or `char`) as a value `format_value` takes: `{:e}`/`{:E}` never
/// reaches here from the front end; it prints like Display.
struct Text<T>(T);
impl<T: Display> Display for Text<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Display::fmt(&self.0, f)
    }
}
impl<T: Debug> Debug for Text<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Debug::fmt(&self.0, f)
    }
}
impl<T> crate::fmt::DefaultAlign for Text<T> {
    const DEFAULT_ALIGN: u8 = 1;
}
impl<T: Display> LowerExp for Text<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Display::fmt(&self.0, f)
    }
}
impl<T: Display> UpperExp for Text<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Display::fmt(&self.0, f)
    }
}

unsafe fn text<'a>(ptr: *const u8, len: usize) -> &'a str {
    if len == 0 || ptr.is_null() {
        return "";
    }
    // (the front end makes `&str`s only from literals and UTF-8 it built)
    std::str::from_utf8_unchecked(std::slice::from_raw_parts(ptr, len))
}

/// `hybrid_fmt_str_spec(ptr, len, spec)`: append a `&str` formatted by `spec`.
#[no_mangle]
pub unsafe extern "C" fn hybrid_fmt_str_spec(ptr: *const u8, len: usize, spec: u64) {
    let s = format_value(Text(text(ptr, len)), Spec::decode(spec));
    crate::fmt::append(s.as_bytes());
}

/// `hybrid_fmt_char(c, spec)`: append a `char` (a Unicode scalar value;
/// anything else prints U+FFFD) formatted by `spec`.
#[no_mangle]
pub extern "C" fn hybrid_fmt_char(c: u32, spec: u64) {
    let c = char::from_u32(c).unwrap_or('\u{FFFD}');
    let s = format_value(Text(c), Spec::decode(spec));
    crate::fmt::append(s.as_bytes());
}

/// `hybrid_fmt_begin()`: start a `format!`: remember where its text begins.
#[no_mangle]
pub extern "C" fn hybrid_fmt_begin() {
    let len = crate::fmt::line_len();
    MARKS.with(|m| m.borrow_mut().push(len));
}

/// `hybrid_fmt_end(out: *mut Vec<u8>)`: end the innermost `format!`: its
/// text, moved out of the line buffer, becomes a new `Vec<u8>` at `out`.
#[no_mangle]
pub unsafe extern "C" fn hybrid_fmt_end(out: *mut RawVec) {
    let mark = MARKS.with(|m| m.borrow_mut().pop()).unwrap_or(0);
    let bytes = crate::fmt::take_from(mark);
    hybrid_vec_with_capacity(out, 1, 1, bytes.len() as u64);
    let v = &mut *out;
    std::ptr::copy_nonoverlapping(bytes.as_ptr(), v.ptr, bytes.len());
    v.len = bytes.len() as u64;
}

/// `hybrid_arg_count() -> n`: the number of the program's arguments, its
/// path included (Rust's std in the shim keeps C's `argc`/`argv`).
#[no_mangle]
pub extern "C" fn hybrid_arg_count() -> u64 {
    std::env::args_os().len() as u64
}

/// `hybrid_arg(index, out)`: the bytes of argument `index` in a new
/// `Vec<u8>` at `out` (empty past the last one).
#[no_mangle]
pub unsafe extern "C" fn hybrid_arg(index: u64, out: *mut RawVec) {
    use std::os::unix::ffi::OsStrExt;
    let arg = std::env::args_os().nth(index as usize).unwrap_or_default();
    let bytes = arg.as_bytes();
    hybrid_vec_with_capacity(out, 1, 1, bytes.len() as u64);
    let v = &mut *out;
    std::ptr::copy_nonoverlapping(bytes.as_ptr(), v.ptr, bytes.len());
    v.len = bytes.len() as u64;
}

fn int_error(kind: &IntErrorKind) -> i32 {
    match kind {
        IntErrorKind::Empty => 1,
        IntErrorKind::InvalidDigit => 2,
        IntErrorKind::PosOverflow => 3,
        IntErrorKind::NegOverflow => 4,
        _ => 5,
    }
}

/// `hybrid_parse_int(ptr, len, kind, out) -> error`: parse a `&str` as the
/// integer type `kind` (0 i8, 1 i16, 2 i32, 3 i64, 4 isize, 5 u8, 6 u16,
/// 7 u32, 8 u64, 9 usize) into `*out` (as a `u64`, sign-extended); returns
/// 0, or the `IntErrorKind`: 1 Empty, 2 InvalidDigit, 3 PosOverflow,
/// 4 NegOverflow.
#[no_mangle]
pub unsafe extern "C" fn hybrid_parse_int(ptr: *const u8, len: usize, kind: i32, out: *mut u64) -> i32 {
    let s = text(ptr, len);
    macro_rules! parse {
        ($t:ty) => {
            match s.parse::<$t>() {
                Ok(v) => {
                    out.write(v as i64 as u64);
                    0
                }
                Err(e) => int_error(e.kind()),
            }
        };
    }
    match kind {
        0 => parse!(i8),
        1 => parse!(i16),
        2 => parse!(i32),
        3 => parse!(i64),
        4 => parse!(isize),
        5 => parse!(u8),
        6 => parse!(u16),
        7 => parse!(u32),
        8 => match s.parse::<u64>() {
            Ok(v) => {
                out.write(v);
                0
            }
            Err(e) => int_error(e.kind()),
        },
        _ => match s.parse::<usize>() {
            Ok(v) => {
                out.write(v as u64);
                0
            }
            Err(e) => int_error(e.kind()),
        },
    }
}

/// `hybrid_parse_float(ptr, len, is_f32, out) -> error`: parse a `&str` as
/// an `f64` (or an `f32`, `is_f32 != 0`) into `*out` (an `f64`, or the `f32`
/// widened); returns 0, or 1 for an empty string, 2 for an invalid one.
#[no_mangle]
pub unsafe extern "C" fn hybrid_parse_float(ptr: *const u8, len: usize, is_f32: i32, out: *mut f64) -> i32 {
    let s = text(ptr, len);
    if s.is_empty() {
        return 1;
    }
    let v = if is_f32 != 0 { s.parse::<f32>().map(|v| v as f64) } else { s.parse::<f64>() };
    match v {
        Ok(v) => {
            out.write(v);
            0
        }
        Err(_) => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_spec_matches_rust() {
        let s = "a\"b\n\u{e9}";
        // (the packed spec of `fmt::Spec::decode`: a width is present when bit 38 is set)
        let spec = |width: Option<u64>, align: u64, kind: u64| width.map_or(0, |w| w | 1 << 38) | align << 32 | kind << 34;
        unsafe { hybrid_fmt_str_spec(s.as_ptr(), s.len(), spec(None, 0, 1)) };
        unsafe { hybrid_fmt_str_spec("ab".as_ptr(), 2, spec(Some(5), 2, 0)) };
        hybrid_fmt_char('x' as u32, spec(None, 0, 1));
        assert_eq!(crate::fmt::take_line(), format!("{s:?}{:>5}{:?}", "ab", 'x').as_bytes());
    }

    #[test]
    fn format_marks_nest() {
        let mut outer = RawVec { ptr: std::ptr::null_mut(), len: 0, cap: 0 };
        let mut inner = RawVec { ptr: std::ptr::null_mut(), len: 0, cap: 0 };
        unsafe {
            hybrid_fmt_begin();
            crate::fmt::hybrid_fmt_str("ab".as_ptr(), 2);
            hybrid_fmt_begin();
            crate::fmt::hybrid_fmt_str("cd".as_ptr(), 2);
            hybrid_fmt_end(&mut inner);
            crate::fmt::hybrid_fmt_str("e".as_ptr(), 1);
            hybrid_fmt_end(&mut outer);
            assert_eq!(std::slice::from_raw_parts(inner.ptr, inner.len as usize), b"cd");
            assert_eq!(std::slice::from_raw_parts(outer.ptr, outer.len as usize), b"abe");
        }
    }

    #[test]
    fn parse_kinds() {
        let mut out = 0u64;
        let p = |s: &str, k: i32, out: &mut u64| unsafe { hybrid_parse_int(s.as_ptr(), s.len(), k, out) };
        assert_eq!(p("-12", 2, &mut out), 0);
        assert_eq!(out as i64, -12);
        assert_eq!(p("", 2, &mut out), 1);
        assert_eq!(p("1x", 2, &mut out), 2);
        assert_eq!(p("300", 5, &mut out), 3);
        assert_eq!(p("-1", 7, &mut out), 2);
        assert_eq!(p("-200", 0, &mut out), 4);
        let mut f = 0f64;
        assert_eq!(unsafe { hybrid_parse_float("2.5".as_ptr(), 3, 0, &mut f) }, 0);
        assert_eq!(f, 2.5);
        assert_eq!(unsafe { hybrid_parse_float("x".as_ptr(), 1, 1, &mut f) }, 2);
    }
}
