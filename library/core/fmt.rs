//! `core::fmt`: what `impl fmt::Display for X` / `impl fmt::Debug for X`
//! need: the `Formatter` a `fmt` method writes into, `fmt::Error` and
//! `fmt::Result` (the compiler reads the path `fmt::Result` as
//! `Result<(), fmt::Error>`: hybridc has no aliases yet). The traits
//! `Display` and `Debug` themselves are the compiler's: `{}` of a value
//! whose impl exists calls its `fmt` with a `Formatter` of the
//! placeholder's spec; `write!(f, ..)` appends to the calling thread's
//! line buffer, as `println!` does, and ignores the spec (as rustc's
//! `write!` does); `f.pad(s)` applies it. Host only.

/// Where a `fmt` method writes: the line buffer, with the spec of the
/// `{..}` being formatted (the shim's packing, `ir::abi::encode_fmt_spec`).
pub struct Formatter {
    spec: u64,
}

/// The error of a formatting operation (never produced by hybridc's writes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Error;

/// The default spec: no width, no precision, Display.
const PLAIN: u64 = 0xFFFF | (0xFFFF << 16);

/// The Formatter for a placeholder whose packed spec is `spec` (the
/// compiler's `{}` of a value with a `Display` / `Debug` impl).
pub fn fmt_formatter(spec: u64) -> Formatter {
    Formatter { spec }
}

/// The packed spec `f` formats with (`fmt` forwarded to a primitive's or a
/// string's: `self.0.fmt(f)`, `lower/fmt_forward.rs`).
pub fn formatter_spec(f: &Formatter) -> u64 {
    f.spec
}

/// `Ok(())` (what `write!` into a `Formatter` returns).
pub fn fmt_ok() -> Result<(), Error> {
    Ok(())
}

impl Formatter {
    /// Writes `s` with the placeholder's width, alignment and precision.
    pub fn pad(&mut self, s: &str) -> Result<(), Error> {
        // (as Display: `{:?}` of a value whose `Debug` impl pads a string does not quote it)
        let spec = self.spec & !(3u64 << 34);
        unsafe { core::intrinsics::hybrid_fmt_str_spec(s.as_ptr(), s.len(), spec) };
        Ok(())
    }

    /// Writes `s` as it is.
    pub fn write_str(&mut self, s: &str) -> Result<(), Error> {
        unsafe { core::intrinsics::hybrid_fmt_str_spec(s.as_ptr(), s.len(), PLAIN) };
        Ok(())
    }

    /// The placeholder's width (`{:8}`), if any.
    pub fn width(&self) -> Option<usize> {
        let w = self.spec & 0xFFFF;
        if w == 0xFFFF {
            None
        } else {
            Some(w as usize)
        }
    }

    /// The placeholder's precision (`{:.3}`), if any.
    pub fn precision(&self) -> Option<usize> {
        let p = (self.spec >> 16) & 0xFFFF;
        if p == 0xFFFF {
            None
        } else {
            Some(p as usize)
        }
    }
}

/// The packed spec `spec` with a width or precision from an argument
/// (`{:w$}`, `{:.p$}`, `{:.*}`) put in at bit `shift` (0: width, 16:
/// precision; the presence bit is already in `spec`); rustc's panic when
/// the count does not fit the spec's `u16`.
#[track_caller]
pub fn fmt_spec_count(spec: u64, count: usize, shift: u64) -> u64 {
    if count > 0xFFFF {
        panic!("Formatting argument out of range");
    }
    spec | (count as u64) << shift
}

/// `{}` of a signed integer (widened to `i64`) with a spec computed at run time.
pub fn fmt_i64_spec(v: i64, spec: u64) {
    unsafe { core::intrinsics::hybrid_fmt_i64(v, spec) };
}

/// `{}` of an unsigned integer (widened to `u64`) with a spec computed at run time.
pub fn fmt_u64_spec(v: u64, spec: u64) {
    unsafe { core::intrinsics::hybrid_fmt_u64(v, spec) };
}

/// `{}` of an `f64` with a spec computed at run time.
pub fn fmt_f64_spec(v: f64, spec: u64) {
    unsafe { core::intrinsics::hybrid_fmt_f64(v, spec) };
}

/// `{}` of an `f32` with a spec computed at run time.
pub fn fmt_f32_spec(v: f32, spec: u64) {
    unsafe { core::intrinsics::hybrid_fmt_f32(v, spec) };
}

/// `{}` of a `bool` with a spec computed at run time.
pub fn fmt_bool_spec(v: bool, spec: u64) {
    unsafe { core::intrinsics::hybrid_fmt_bool(v, spec) };
}

/// `{}` of a `char` with a spec computed at run time.
pub fn fmt_char_spec(v: char, spec: u64) {
    unsafe { core::intrinsics::hybrid_fmt_char(v as u32, spec) };
}

/// `{}` of a `&str` with a spec computed at run time.
pub fn fmt_str_rt_spec(s: &str, spec: u64) {
    unsafe { core::intrinsics::hybrid_fmt_str_spec(s.as_ptr(), s.len(), spec) };
}

/// `dyn Display`: the compiler's `Display` has no vtable of its own, so an
/// object of it is an object of `DisplayObject`; the compiler calls its
/// method for `{}` of the object (`lower/strings.rs`), with the
/// placeholder's spec in `f`.
pub trait DisplayObject {
    fn fmt_object(&self, f: &mut Formatter) -> Result<(), Error>;
}

impl<T: core::fmt::Display + ?Sized> DisplayObject for T {
    fn fmt_object(&self, f: &mut Formatter) -> Result<(), Error> {
        core::fmt::Display::fmt(self, f)
    }
}

/// `dyn Debug`: as [`DisplayObject`], for `{:?}`.
pub trait DebugObject {
    fn fmt_object(&self, f: &mut Formatter) -> Result<(), Error>;
}

impl<T: core::fmt::Debug + ?Sized> DebugObject for T {
    fn fmt_object(&self, f: &mut Formatter) -> Result<(), Error> {
        core::fmt::Debug::fmt(self, f)
    }
}
