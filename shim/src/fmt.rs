//! `print!`-family helpers: `hybrid_fmt_*` append one formatted value to the
//! calling thread's line buffer, `hybrid_print_flush` writes it out. Values
//! are formatted by Rust's own `format!` with the spec rebuilt from the packed
//! `u64` (ir/src/abi.rs: `encode_fmt_spec`), so the output is Rust's by
//! construction.

use std::cell::RefCell;
use std::fmt::{Debug, Display, LowerExp, UpperExp};
use std::io::Write;

thread_local! {
    static LINE: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A decoded format spec. Mirrors `encode_fmt_spec` in ir/src/abi.rs:
/// bits 0..16 width, 16..32 precision, 32..34 align (0 default, 1 left,
/// 2 right, 3 center), 34..36 and 63 kind (the low two bits and the high
/// one of 0 Display, 1 Debug, 2 LowerExp, 3 UpperExp, 4 LowerHex, 5
/// UpperHex, 6 Octal, 7 Binary), bit 36 zero-pad, bit 37 plus, bit 38 a
/// width is given, bit 39 a precision is, bits 40..61 the fill character,
/// bit 61 a fill other than a space is given, bit 62 the `#` flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    /// 0 when absent (a width of 0 pads nothing, same as none).
    pub width: usize,
    pub precision: Option<usize>,
    pub align: u8,
    pub kind: u8,
    pub zero_pad: bool,
    pub plus: bool,
    /// A fill character other than a space.
    pub fill: Option<char>,
    /// The `#` flag (of `{:#x}`, `{:#b}`, ..).
    pub alternate: bool,
}

impl Spec {
    pub fn decode(bits: u64) -> Spec {
        let width = bits & 0xFFFF;
        let precision = (bits >> 16) & 0xFFFF;
        Spec {
            width: if (bits >> 38) & 1 == 1 { width as usize } else { 0 },
            precision: if (bits >> 39) & 1 == 1 { Some(precision as usize) } else { None },
            align: ((bits >> 32) & 3) as u8,
            kind: (((bits >> 34) & 3) | (bits >> 63) << 2) as u8,
            zero_pad: (bits >> 36) & 1 == 1,
            plus: (bits >> 37) & 1 == 1,
            fill: if (bits >> 61) & 1 == 1 { char::from_u32(((bits >> 40) & 0x1F_FFFF) as u32) } else { None },
            alternate: (bits >> 62) & 1 == 1,
        }
    }
}

// Builds `format!("{:<align><plus><zero>w$[.p$]<kind>}")` for every flag
// combination, so each value goes through Rust's formatting machinery.
macro_rules! fmt_by_spec {
    (@align $v:expr, $s:expr) => {
        match $s.align {
            1 => fmt_by_spec!(@plus $v, $s, "<"),
            2 => fmt_by_spec!(@plus $v, $s, ">"),
            3 => fmt_by_spec!(@plus $v, $s, "^"),
            _ => fmt_by_spec!(@plus $v, $s, ""),
        }
    };
    (@plus $v:expr, $s:expr, $a:literal) => {
        if $s.plus { fmt_by_spec!(@zero $v, $s, $a, "+") } else { fmt_by_spec!(@zero $v, $s, $a, "") }
    };
    (@zero $v:expr, $s:expr, $a:literal, $p:literal) => {
        if $s.zero_pad {
            fmt_by_spec!(@kind $v, $s, $a, $p, "0")
        } else {
            fmt_by_spec!(@kind $v, $s, $a, $p, "")
        }
    };
    (@kind $v:expr, $s:expr, $a:literal, $p:literal, $z:literal) => {
        match $s.kind {
            1 => fmt_by_spec!(@prec $v, $s, $a, $p, $z, "?"),
            2 => fmt_by_spec!(@prec $v, $s, $a, $p, $z, "e"),
            3 => fmt_by_spec!(@prec $v, $s, $a, $p, $z, "E"),
            _ => fmt_by_spec!(@prec $v, $s, $a, $p, $z, ""),
        }
    };
    (@prec $v:expr, $s:expr, $a:literal, $p:literal, $z:literal, $k:literal) => {
        match $s.precision {
            Some(prec) => format!(concat!("{:", $a, $p, $z, "w$.p$", $k, "}"), $v, w = $s.width, p = prec),
            None => format!(concat!("{:", $a, $p, $z, "w$", $k, "}"), $v, w = $s.width),
        }
    };
}

// `{:x}`, `{:X}`, `{:o}`, `{:b}` of an integer's bits (`u64`), with and
// without `#`, the same way (rustc ignores a precision there).
macro_rules! radix_by_spec {
    (@align $v:expr, $s:expr) => {
        match $s.align {
            1 => radix_by_spec!(@plus $v, $s, "<"),
            2 => radix_by_spec!(@plus $v, $s, ">"),
            3 => radix_by_spec!(@plus $v, $s, "^"),
            _ => radix_by_spec!(@plus $v, $s, ""),
        }
    };
    (@plus $v:expr, $s:expr, $a:literal) => {
        if $s.plus { radix_by_spec!(@alt $v, $s, $a, "+") } else { radix_by_spec!(@alt $v, $s, $a, "") }
    };
    (@alt $v:expr, $s:expr, $a:literal, $p:literal) => {
        if $s.alternate { radix_by_spec!(@zero $v, $s, $a, $p, "#") } else { radix_by_spec!(@zero $v, $s, $a, $p, "") }
    };
    (@zero $v:expr, $s:expr, $a:literal, $p:literal, $h:literal) => {
        if $s.zero_pad {
            radix_by_spec!(@kind $v, $s, $a, $p, $h, "0")
        } else {
            radix_by_spec!(@kind $v, $s, $a, $p, $h, "")
        }
    };
    (@kind $v:expr, $s:expr, $a:literal, $p:literal, $h:literal, $z:literal) => {
        match $s.kind {
            5 => format!(concat!("{:", $a, $p, $h, $z, "w$X}"), $v, w = $s.width),
            6 => format!(concat!("{:", $a, $p, $h, $z, "w$o}"), $v, w = $s.width),
            7 => format!(concat!("{:", $a, $p, $h, $z, "w$b}"), $v, w = $s.width),
            _ => format!(concat!("{:", $a, $p, $h, $z, "w$x}"), $v, w = $s.width),
        }
    };
}

/// Format `v` exactly as Rust's `format!` does for `spec`.
pub fn format_value<T: Display + Debug + LowerExp + UpperExp + DefaultAlign>(v: T, spec: Spec) -> String {
    with_fill(spec, T::DEFAULT_ALIGN, |s| fmt_by_spec!(@align &v, s))
}

/// The bits of an integer (zero-extended to `u64` by the caller) as
/// `{:x}`, `{:X}`, `{:o}` or `{:b}` (`spec.kind` 4..=7) say.
pub fn format_radix(v: u64, spec: Spec) -> String {
    with_fill(spec, 2, |s| radix_by_spec!(@align v, s))
}

/// `render(spec)`, padded with `spec`'s fill character (Rust's `format!`
/// takes only literal fills: the padding is done here by hand, the same way).
fn with_fill(spec: Spec, default_align: u8, render: impl Fn(Spec) -> String) -> String {
    match spec.fill {
        // (sign-aware zero padding ignores the fill)
        Some(fill) if spec.width > 0 && !spec.zero_pad => {
            let s = render(Spec { width: 0, fill: None, ..spec });
            let n = s.chars().count();
            // (`{:?}` of a `char` pads nothing: Rust's own padding says whether it pads)
            if n >= spec.width || render(Spec { fill: None, ..spec }).len() == s.len() {
                return s;
            }
            let pad = spec.width - n;
            let align = if spec.align == 0 { default_align } else { spec.align };
            let (before, after) = match align {
                1 => (0, pad),
                3 => (pad / 2, pad - pad / 2),
                _ => (pad, 0),
            };
            let mut out = String::with_capacity(s.len() + pad * fill.len_utf8());
            out.extend(std::iter::repeat_n(fill, before));
            out.push_str(&s);
            out.extend(std::iter::repeat_n(fill, after));
            out
        }
        _ => render(spec),
    }
}

/// The alignment of a value whose spec names none (as `Spec::align`):
/// numbers right, text left.
pub trait DefaultAlign {
    const DEFAULT_ALIGN: u8;
}
impl DefaultAlign for i64 {
    const DEFAULT_ALIGN: u8 = 2;
}
impl DefaultAlign for u64 {
    const DEFAULT_ALIGN: u8 = 2;
}
impl DefaultAlign for f64 {
    const DEFAULT_ALIGN: u8 = 2;
}
impl DefaultAlign for f32 {
    const DEFAULT_ALIGN: u8 = 2;
}
impl DefaultAlign for BoolValue {
    const DEFAULT_ALIGN: u8 = 1;
}

/// `bool` has no `LowerExp`; `{:e}` never reaches here for it from the
/// front end, but if it does, it prints like Display.
struct BoolValue(bool);
impl Display for BoolValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Display::fmt(&self.0, f)
    }
}
impl Debug for BoolValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Debug::fmt(&self.0, f)
    }
}
impl LowerExp for BoolValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Display::fmt(&self.0, f)
    }
}
impl UpperExp for BoolValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Display::fmt(&self.0, f)
    }
}

pub fn format_bool(v: bool, spec: Spec) -> String {
    format_value(BoolValue(v), spec)
}

pub(crate) fn append(bytes: &[u8]) {
    LINE.with(|l| l.borrow_mut().extend_from_slice(bytes));
}

/// The length of the calling thread's line buffer.
pub(crate) fn line_len() -> usize {
    LINE.with(|l| l.borrow().len())
}

/// Take the bytes of the line buffer from `mark` on (all if `mark` is past its end: none).
pub(crate) fn take_from(mark: usize) -> Vec<u8> {
    LINE.with(|l| {
        let mut l = l.borrow_mut();
        let mark = mark.min(l.len());
        l.split_off(mark)
    })
}

/// Take the calling thread's line buffer, leaving it empty.
pub fn take_line() -> Vec<u8> {
    LINE.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

/// `hybrid_fmt_str(ptr, len)`: append raw UTF-8 bytes.
#[no_mangle]
pub unsafe extern "C" fn hybrid_fmt_str(ptr: *const u8, len: usize) {
    if len > 0 && !ptr.is_null() {
        append(std::slice::from_raw_parts(ptr, len));
    }
}

#[no_mangle]
pub extern "C" fn hybrid_fmt_i64(v: i64, spec: u64) {
    let spec = Spec::decode(spec);
    // (the backends send `{:x}` of signed integers to `hybrid_fmt_u64`, zero-extended from their own width)
    if spec.kind >= 4 {
        return append(format_radix(v as u64, spec).as_bytes());
    }
    append(format_value(v, spec).as_bytes());
}

#[no_mangle]
pub extern "C" fn hybrid_fmt_u64(v: u64, spec: u64) {
    let spec = Spec::decode(spec);
    if spec.kind >= 4 {
        return append(format_radix(v, spec).as_bytes());
    }
    append(format_value(v, spec).as_bytes());
}

#[no_mangle]
pub extern "C" fn hybrid_fmt_f64(v: f64, spec: u64) {
    append(format_value(v, Spec::decode(spec)).as_bytes());
}

#[no_mangle]
pub extern "C" fn hybrid_fmt_f32(v: f32, spec: u64) {
    append(format_value(v, Spec::decode(spec)).as_bytes());
}

#[no_mangle]
pub extern "C" fn hybrid_fmt_bool(v: i8, spec: u64) {
    append(format_bool(v != 0, Spec::decode(spec)).as_bytes());
}

/// `hybrid_print_flush(target, newline)`: write the line buffer (plus `\n`
/// if `newline != 0`) to stdout (0) or stderr (1) in one write, then clear it.
#[no_mangle]
pub extern "C" fn hybrid_print_flush(target: i32, newline: i32) {
    let mut line = take_line();
    if newline != 0 {
        line.push(b'\n');
    }
    // Like Rust's `println!`, a failed write to stdout (closed pipe) is fatal.
    let result = if target == 1 { std::io::stderr().lock().write_all(&line) } else { std::io::stdout().lock().write_all(&line) };
    if let Err(e) = result {
        if target == 1 {
            std::process::exit(101);
        }
        crate::rt::fatal(format_args!("failed printing to stdout: {e}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pack a spec the way ir/src/abi.rs `encode_fmt_spec` does.
    fn enc(width: Option<u16>, precision: Option<u16>, align: u64, kind: u64, zero: bool, plus: bool) -> u64 {
        width.map_or(0, |w| w as u64 | 1 << 38)
            | precision.map_or(0, |p| (p as u64) << 16 | 1 << 39)
            | align << 32
            | kind << 34
            | (zero as u64) << 36
            | (plus as u64) << 37
    }

    fn f(v: f64, width: Option<u16>, prec: Option<u16>, align: u64, kind: u64, zero: bool, plus: bool) -> String {
        format_value(v, Spec::decode(enc(width, prec, align, kind, zero, plus)))
    }

    #[test]
    fn decode_default_spec() {
        let s = Spec::decode(enc(None, None, 0, 0, false, false));
        assert_eq!(s, Spec { width: 0, precision: None, align: 0, kind: 0, zero_pad: false, plus: false, fill: None, alternate: false });
    }

    #[test]
    fn fill_characters_match_rust() {
        let fill = |c: char| (c as u64) << 40 | 1 << 61;
        let f = |v: i64, width: u16, align: u64, c: char| {
            format_value(v, Spec::decode(enc(Some(width), None, align, 0, false, false) | fill(c)))
        };
        assert_eq!(f(42, 6, 0, '*'), format!("{:*>6}", 42));
        assert_eq!(f(-42, 7, 1, '*'), format!("{:*<7}", -42));
        assert_eq!(f(42, 7, 3, 'é'), format!("{:é^7}", 42));
        assert_eq!(f(42, 5, 2, '0'), format!("{:0>5}", 42));
        assert_eq!(f(123456, 3, 3, '-'), format!("{:-^3}", 123456));
        let t = format_bool(true, Spec::decode(enc(Some(8), None, 0, 0, false, false) | fill('.')));
        assert_eq!(t, format!("{:.<8}", true));
    }

    #[test]
    fn floats_match_rust() {
        let vals = [
            0.1 + 0.2,
            1e21,
            1e-7,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -0.0,
            0.0,
            21.0,
            1.0 / 3.0,
            -2.5,
            1e15,
            1e16,
            123456789.125,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
        ];
        for &v in &vals {
            let d = Spec::decode(enc(None, None, 0, 0, false, false));
            assert_eq!(format_value(v, d), format!("{}", v));
            assert_eq!(f(v, None, None, 0, 1, false, false), format!("{:?}", v));
            assert_eq!(f(v, None, None, 0, 2, false, false), format!("{:e}", v));
            assert_eq!(f(v, None, Some(3), 0, 0, false, false), format!("{:.3}", v));
            assert_eq!(f(v, None, Some(0), 0, 0, false, false), format!("{:.0}", v));
            assert_eq!(f(v, Some(12), None, 0, 0, false, false), format!("{:12}", v));
            assert_eq!(f(v, Some(12), Some(2), 1, 0, false, false), format!("{:<12.2}", v));
            assert_eq!(f(v, Some(12), Some(2), 3, 0, false, false), format!("{:^12.2}", v));
            assert_eq!(f(v, Some(12), Some(2), 2, 0, false, true), format!("{:>+12.2}", v));
            assert_eq!(f(v, Some(10), Some(1), 0, 0, true, false), format!("{:010.1}", v));
            assert_eq!(f(v, Some(10), Some(1), 0, 0, true, true), format!("{:+010.1}", v));
            assert_eq!(f(v, Some(14), Some(4), 0, 2, false, false), format!("{:14.4e}", v));
            assert_eq!(f(v, Some(14), None, 0, 1, true, false), format!("{:014?}", v));
            let v32 = v as f32;
            let s = |w, p, a, k, z, pl| format_value(v32, Spec::decode(enc(w, p, a, k, z, pl)));
            assert_eq!(s(None, None, 0, 0, false, false), format!("{}", v32));
            assert_eq!(s(None, None, 0, 1, false, false), format!("{:?}", v32));
            assert_eq!(s(None, None, 0, 2, false, false), format!("{:e}", v32));
            assert_eq!(s(Some(9), Some(3), 0, 0, true, false), format!("{:09.3}", v32));
        }
        // Literal expectations, independent of the macro.
        assert_eq!(f(0.1 + 0.2, None, None, 0, 0, false, false), "0.30000000000000004");
        assert_eq!(f(1e21, None, None, 0, 0, false, false), "1000000000000000000000");
        assert_eq!(f(1e21, None, None, 0, 1, false, false), "1e21");
        assert_eq!(f(1e-7, None, None, 0, 0, false, false), "0.0000001");
        assert_eq!(f(1e-7, None, None, 0, 1, false, false), "1e-7");
        assert_eq!(f(f64::NAN, Some(5), None, 0, 0, true, true), "00NaN");
        assert_eq!(f(-0.0, None, None, 0, 0, false, false), "-0");
        assert_eq!(f(-0.0, None, None, 0, 1, false, false), "-0.0");
        assert_eq!(f(f64::INFINITY, None, None, 0, 0, false, true), "+inf");
        assert_eq!(f(21.0, None, None, 0, 0, false, false), "21");
        assert_eq!(f(-1.5, Some(8), Some(2), 0, 0, true, false), "-0001.50");
        assert_eq!(format_value(0.1f32 + 0.2f32, Spec::decode(enc(None, None, 0, 0, false, false))), "0.3");
    }

    #[test]
    fn integers_match_rust() {
        let vals: [i64; 9] = [0, 1, -1, 42, -42, 1234567, i64::MAX, i64::MIN, 1000];
        for &v in &vals {
            let s = |w, p, a, k, z, pl| format_value(v, Spec::decode(enc(w, p, a, k, z, pl)));
            assert_eq!(s(None, None, 0, 0, false, false), format!("{}", v));
            assert_eq!(s(Some(6), None, 0, 0, false, false), format!("{:6}", v));
            assert_eq!(s(Some(6), None, 1, 0, false, false), format!("{:<6}", v));
            assert_eq!(s(Some(6), None, 3, 0, false, false), format!("{:^6}", v));
            assert_eq!(s(Some(6), None, 0, 0, true, false), format!("{:06}", v));
            assert_eq!(s(Some(6), None, 1, 0, true, true), format!("{:<+06}", v));
            assert_eq!(s(None, None, 0, 0, false, true), format!("{:+}", v));
            assert_eq!(s(None, None, 0, 1, false, false), format!("{:?}", v));
            assert_eq!(s(None, None, 0, 2, false, false), format!("{:e}", v));
            assert_eq!(s(None, Some(2), 0, 2, false, false), format!("{:.2e}", v));
            let u = v as u64;
            let su = |w, p, a, k, z, pl| format_value(u, Spec::decode(enc(w, p, a, k, z, pl)));
            assert_eq!(su(None, None, 0, 0, false, false), format!("{}", u));
            assert_eq!(su(Some(25), None, 0, 0, true, true), format!("{:+025}", u));
        }
        assert_eq!(format_value(-5i64, Spec::decode(enc(Some(4), None, 0, 0, true, false))), "-005");
        assert_eq!(format_value(7i64, Spec::decode(enc(Some(4), None, 0, 0, false, false))), "   7");
        assert_eq!(format_value(7i64, Spec::decode(enc(Some(4), None, 1, 0, false, false))), "7   ");
    }

    #[test]
    fn bools_match_rust() {
        let s = |v, w, p, a, k| format_bool(v, Spec::decode(enc(w, p, a, k, false, false)));
        assert_eq!(s(true, None, None, 0, 0), "true");
        assert_eq!(s(false, None, None, 0, 1), "false");
        assert_eq!(s(true, Some(6), None, 0, 0), format!("{:6}", true));
        assert_eq!(s(true, Some(6), None, 2, 0), format!("{:>6}", true));
        assert_eq!(s(true, None, Some(2), 0, 0), format!("{:.2}", true));
    }

    #[test]
    fn line_buffer_collects_pieces() {
        let hello = b"x = ";
        unsafe { hybrid_fmt_str(hello.as_ptr(), hello.len()) };
        hybrid_fmt_i64(-3, enc(None, None, 0, 0, false, false));
        unsafe { hybrid_fmt_str(std::ptr::null(), 0) };
        hybrid_fmt_f64(0.5, enc(None, None, 0, 0, false, false));
        hybrid_fmt_bool(1, enc(None, None, 0, 0, false, false));
        assert_eq!(take_line(), b"x = -30.5true");
        assert!(take_line().is_empty());
    }
}
