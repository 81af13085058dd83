//! Finding function bodies without parsing: a light scanner over the source
//! text that skips comments, string, char and raw-string literals and
//! tracks bracket nesting, and reports the `{ .. }` body of every function
//! at file level and in file-level `impl` blocks.
//!
//! The front end cuts the inside of those bodies out (keeping a table to
//! map offsets back), parses the rest, the items, with syn on one thread,
//! and parses and lowers the bodies themselves on worker threads. The scanner only proposes: the caller
//! checks its answer against the parsed items (see [`fn_body_ranges`]) and
//! parses the whole file instead when they disagree, so a scanner mistake
//! costs time, never a wrong program.

use std::ops::Range;

/// The byte ranges (braces included) of the bodies of file-level functions
/// and of methods in file-level `impl` blocks, in source order; `None` when
/// the brackets do not balance.
pub fn scan_fn_bodies(src: &str) -> Option<Vec<Range<usize>>> {
    let b = src.as_bytes();
    let mut bodies = Vec::new();
    // Open brackets; for `{`, whether it is an `impl` block's body.
    let mut stack: Vec<(u8, bool)> = Vec::new();
    // A `fn` keyword seen at item level and its body not yet found.
    let mut fn_pending = false;
    // An `impl` keyword seen in the current file-level item.
    let mut impl_pending = false;
    // Start of the body being skipped, with the stack depth at its `{`.
    let mut body: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        // Item level: the file, or directly inside an `impl` block.
        let item_level = body.is_none() && (stack.is_empty() || (stack.len() == 1 && stack[0] == (b'{', true)));
        match c {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = memchr(b'\n', b, i).unwrap_or(b.len());
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = skip_block_comment(b, i)?;
                continue;
            }
            b'"' => {
                i = skip_string(b, i + 1)?;
                continue;
            }
            b'\'' => {
                i = skip_quote(src, i);
                continue;
            }
            b'(' | b'[' => stack.push((c, false)),
            b'{' => {
                if item_level && fn_pending {
                    fn_pending = false;
                    body = Some((i, stack.len()));
                    stack.push((c, false));
                } else {
                    let is_impl = stack.is_empty() && impl_pending && body.is_none();
                    stack.push((c, is_impl));
                }
            }
            b')' | b']' | b'}' => {
                let open = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                let (top, _) = stack.pop()?;
                if top != open {
                    return None;
                }
                if let Some((start, depth)) = body {
                    if stack.len() == depth {
                        bodies.push(start..i + 1);
                        body = None;
                    }
                }
                if stack.is_empty() && c == b'}' {
                    impl_pending = false;
                }
            }
            b';' if item_level => {
                fn_pending = false;
                if stack.is_empty() {
                    impl_pending = false;
                }
            }
            c if is_ident_start(c) => {
                let start = i;
                while i < b.len() && is_ident_continue(b[i]) {
                    i += 1;
                }
                let word = &src[start..i];
                // String prefixes: b"..", c"..", r"..", r#".."#, br, cr.
                if let Some(&next) = b.get(i) {
                    if matches!(word, "r" | "br" | "cr") && (next == b'"' || next == b'#') {
                        if let Some(end) = skip_raw_string(b, i) {
                            i = end;
                            continue;
                        }
                        // `r#ident`: a raw identifier, not a keyword.
                        i += 1;
                        while i < b.len() && is_ident_continue(b[i]) {
                            i += 1;
                        }
                        continue;
                    }
                    if matches!(word, "b" | "c") && next == b'"' {
                        i = skip_string(b, i + 1)?;
                        continue;
                    }
                }
                if item_level {
                    match word {
                        "fn" => fn_pending = true,
                        "impl" if stack.is_empty() => impl_pending = true,
                        _ => {}
                    }
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    (stack.is_empty() && body.is_none()).then_some(bodies)
}

/// The source with the insides of function bodies cut out, and how to map
/// its offsets back to the source's.
pub struct ItemsText {
    pub text: String,
    pub cuts: Cuts,
}

/// Where text was cut out: for each cut, its position in the cut text and
/// the bytes cut so far (this cut included), in order.
#[derive(Clone, Debug, Default)]
pub struct Cuts(Vec<(usize, usize)>);

impl Cuts {
    /// The source offset of offset `at` of the cut text.
    pub fn source_offset(&self, at: usize) -> usize {
        let done = self.0.partition_point(|&(pos, _)| pos <= at);
        at + done.checked_sub(1).map_or(0, |i| self.0[i].1)
    }
}

/// `src` with the inside of each of `ranges` (function bodies, braces
/// included, in order) cut out, leaving `{}`.
pub fn cut_bodies(src: &str, ranges: &[Range<usize>]) -> ItemsText {
    let mut text = String::with_capacity(src.len() / 4);
    let mut cuts = Vec::with_capacity(ranges.len());
    let mut copied = 0;
    let mut removed = 0;
    for r in ranges {
        // keep up to and including the `{`, drop the inside, keep the `}` on
        text.push_str(&src[copied..r.start + 1]);
        removed += r.end - 1 - (r.start + 1);
        cuts.push((text.len(), removed));
        copied = r.end - 1;
    }
    text.push_str(&src[copied..]);
    ItemsText { text, cuts: Cuts(cuts) }
}

/// The byte ranges of the function bodies syn found in `file` (file-level
/// functions and methods of file-level `impl` blocks), in source order, to
/// check [`scan_fn_bodies`] against.
pub fn fn_body_ranges(file: &syn::File) -> Vec<Range<usize>> {
    use crate::ranges::block_range;
    let mut ranges = Vec::new();
    for item in &file.items {
        match item {
            syn::Item::Fn(f) => ranges.push(block_range(&f.block)),
            syn::Item::Impl(imp) => {
                for ii in &imp.items {
                    if let syn::ImplItem::Fn(f) = ii {
                        ranges.push(block_range(&f.block));
                    }
                }
            }
            _ => {}
        }
    }
    ranges
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

fn is_ident_continue(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

fn memchr(needle: u8, b: &[u8], from: usize) -> Option<usize> {
    b[from..].iter().position(|&x| x == needle).map(|p| from + p)
}

/// Past a (nested) block comment starting at `i`.
fn skip_block_comment(b: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return Some(i);
            }
        } else {
            i += 1;
        }
    }
    None
}

/// Past the closing `"` of a string whose contents start at `i`.
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// Past a raw string whose `#`s or `"` start at `i`; `None` if it is not one.
fn skip_raw_string(b: &[u8], mut i: usize) -> Option<usize> {
    let mut hashes = 0;
    while b.get(i) == Some(&b'#') {
        hashes += 1;
        i += 1;
    }
    if b.get(i) != Some(&b'"') {
        return None;
    }
    i += 1;
    while i < b.len() {
        if b[i] == b'"' && b[i + 1..].iter().take(hashes).filter(|&&h| h == b'#').count() == hashes {
            return Some(i + 1 + hashes);
        }
        i += 1;
    }
    None
}

/// Past a char literal (`'x'`, `'\n'`, `'\u{..}'`) or a lifetime's quote
/// (`'a`) starting at `i`.
fn skip_quote(src: &str, i: usize) -> usize {
    let b = src.as_bytes();
    if b.get(i + 1) == Some(&b'\\') {
        // An escaped char: skip the escape's first char, then up to the `'`.
        let mut j = i + 3;
        while j < b.len() && b[j] != b'\'' && b[j] != b'\n' {
            j += 1;
        }
        return (j + 1).min(b.len());
    }
    let Some(ch) = src[i + 1..].chars().next() else { return i + 1 };
    let after = i + 1 + ch.len_utf8();
    if b.get(after) == Some(&b'\'') {
        after + 1
    } else {
        // A lifetime or label: the identifier is scanned as a word next.
        i + 1
    }
}

/// Whether any of the bodies may declare items (`fn`, `struct`, `use`, ..
/// as a statement): then the items must be parsed with the bodies, not cut
/// out. A guess on the text, erring towards yes (a yes only costs speed).
pub fn bodies_may_have_items(src: &str, bodies: &[Range<usize>]) -> bool {
    const KEYWORDS: &[&str] = &["fn", "struct", "enum", "impl", "trait", "use", "mod", "static", "type", "const", "union"];
    bodies.iter().any(|r| {
        let text = &src.as_bytes()[r.start..r.end];
        // one pass over the words: a keyword after a statement boundary, before a space or `<`
        let mut i = 1;
        while i < text.len() {
            if text[i].is_ascii_lowercase() && matches!(text[i - 1], b' ' | b'\n' | b'\t' | b'{' | b'}' | b';') {
                let start = i;
                while i < text.len() && (text[i].is_ascii_alphanumeric() || text[i] == b'_') {
                    i += 1;
                }
                let word = &text[start..i];
                if KEYWORDS.iter().any(|k| k.as_bytes() == word) && text.get(i).is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'<')) {
                    return true;
                }
            } else {
                i += 1;
            }
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bodies(src: &str) -> Vec<&str> {
        scan_fn_bodies(src).unwrap().into_iter().map(|r| &src[r]).collect()
    }

    #[test]
    fn finds_fn_and_method_bodies() {
        let src = "struct S { f: fn(i32) -> i32 }\nimpl S { fn a(&self) -> i32 { 1 } pub fn b() {} }\nfn main() { let x = S { f: g }; }\n";
        assert_eq!(bodies(src), ["{ 1 }", "{}", "{ let x = S { f: g }; }"]);
    }

    #[test]
    fn skips_literals_comments_and_declarations() {
        let src = r##"
const F: fn() = g; // fn h() { }
extern "C" { fn k(x: u32); }
/* fn a() { /* nested */ } */
fn g() -> char { let s = "}{"; let r = r#"fn x() {"#; let c = '}'; let e = '\''; let l: &'static str = "x"; '{' }
fn t<'a>(x: &'a u8) -> &'a u8 { x }
"##;
        assert_eq!(
            bodies(src),
            [r##"{ let s = "}{"; let r = r#"fn x() {"#; let c = '}'; let e = '\''; let l: &'static str = "x"; '{' }"##, "{ x }"]
        );
    }

    #[test]
    fn unbalanced_gives_none() {
        assert_eq!(scan_fn_bodies("fn main() { ( }"), None);
        assert_eq!(scan_fn_bodies("fn main() {"), None);
    }

    #[test]
    fn cutting_maps_offsets_back() {
        let src = "fn main() {\n    let é = 1;\n}\nfn x() { 2 }\nstruct S;\n";
        let ranges = scan_fn_bodies(src).unwrap();
        let cut = cut_bodies(src, &ranges);
        assert_eq!(cut.text, "fn main() {}\nfn x() {}\nstruct S;\n");
        for (i, _) in cut.text.char_indices() {
            let at = cut.cuts.source_offset(i);
            assert_eq!(src.as_bytes()[at], cut.text.as_bytes()[i], "offset {i} maps to {at}");
        }
        // the braces map to the bodies' ends
        assert_eq!(cut.cuts.source_offset(10)..cut.cuts.source_offset(11) + 1, ranges[0]);
    }
}
