//! `core::debug_derived` (hybridc's own, not rustc's API): the derived
//! `Debug` of recursive types (a `Tree` enum of `Leaf(i32)` and
//! `Node(Box<Tree>, Box<Tree>)`). The compiler expands `{:?}` of derived
//! types in place (`front/src/lower/debug.rs`); where it meets one it is
//! expanding already, it calls `debug::<T>` (`{:?}`) or `debug_pretty::<T>`
//! (`{:#?}`), whose bodies it makes per `T` (`front/src/lower/debug_fn.rs`):
//! the same expansion, appending to the thread's line buffer.

/// The spec of plain text: no width, no precision, Display.
const PLAIN: u64 = 0xFFFF | (0xFFFF << 16);

/// `{:?}` of `*value`. The body below is replaced by the compiler's for each `T`.
pub fn debug<T>(value: &T) {}

/// `{:#?}` of `*value`, each line after the first indented by `indent`
/// more spaces. The body below is replaced by the compiler's for each `T`.
pub fn debug_pretty<T>(value: &T, indent: usize) {}

/// `n` spaces into the line buffer (the run-time part of a pretty indent).
pub fn indent(n: usize) {
    let mut i = 0;
    while i < n {
        unsafe { core::intrinsics::hybrid_fmt_char(32, PLAIN) };
        i += 1;
    }
}
