//! Which names a library file defines, read off its text: shared by
//! `build.rs` (which writes each file's list next to the expanded file, so
//! a build does not scan the library) and the front end (which scans the
//! program's words the same way).
// (`index_names` runs in `build.rs`; the front end itself uses `words`, its tests the rest)
#![cfg_attr(not(test), allow(dead_code))]

/// The names of a library file that load it when a program names one
/// ([`crate::library::files_for`]): its items' names, the iterator
/// traits' methods too (`iter.rs`: `(0..n).map(..)` names only the method), the
/// string files' methods not (`str.rs`, `string.rs`, `fmt.rs`: `len` is
/// everywhere; the front end's `STRING_WORDS` load them), and none of
/// `env.rs` (`args` is a common word, `offload!`'s key among others: a
/// path through `env::` loads it, see `library::files_for`).
pub fn index_names<'t>(file_name: &str, text: &'t str) -> Vec<&'t str> {
    if file_name == "env.rs" {
        return Vec::new();
    }
    let strings = matches!(file_name, "str.rs" | "string.rs" | "fmt.rs");
    let impls = if strings { blocks(text, &["impl"]) } else { Vec::new() };
    let outside = |n: &&str| {
        let at = n.as_ptr() as usize - text.as_ptr() as usize;
        !impls.iter().any(|r| r.contains(&at))
    };
    defined_names(text, file_name == "iter.rs").filter(outside).collect()
}

/// The names a library file's items define: the word after each `fn`,
/// `struct`, `enum`, `trait`, `type`, `const`, `static` and `mod`, except
/// inside a `trait` block (a trait's methods are used only by a type that
/// implements it: the program names the trait, or an impl in the file
/// defines the method again; `max` of `Ord` would load `cmp` for every
/// `f32::max`) unless `trait_methods` (`iter`'s: `(0..n).map(..)` names
/// only the method).
pub fn defined_names(text: &str, trait_methods: bool) -> impl Iterator<Item = &str> {
    let traits = if trait_methods { Vec::new() } else { trait_blocks(text) };
    let comments = line_comments(text);
    let offset = |w: &str| w.as_ptr() as usize - text.as_ptr() as usize;
    let mut prev = "";
    words(text).filter(move |w| {
        let at = offset(w);
        if comments.iter().any(|r| r.contains(&at)) {
            return false;
        }
        // (the name follows its keyword after blanks only: not `fn(*mut u8)`, a
        // pointer type; a const's or static's name is upper case: not `*const
        // Vec<T>`, `&'static T`)
        let adjacent = !prev.is_empty() && text[offset(prev) + prev.len()..at].bytes().all(|b| b.is_ascii_whitespace());
        let item = adjacent
            && (matches!(prev, "fn" | "struct" | "enum" | "trait" | "type" | "mod")
                || (matches!(prev, "const" | "static") && !w.bytes().any(|b| b.is_ascii_lowercase())));
        prev = w;
        item && !traits.iter().any(|r| r.contains(&at))
    })
}

/// The byte ranges of the `//` comments of a library file (to the end of
/// their lines; the library has no `//` inside string literals).
fn line_comments(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) = text[from..].find("//").map(|o| from + o) {
        let end = text[start..].find('\n').map_or(text.len(), |o| start + o);
        out.push(start..end);
        from = end;
    }
    out
}

/// The byte ranges of the bodies (`{ .. }`) of the `trait` items of a
/// library file (lines starting `pub trait` or `trait`; the library has no
/// braces in strings or comments inside a trait).
fn trait_blocks(text: &str) -> Vec<std::ops::Range<usize>> {
    blocks(text, &["pub trait ", "trait "])
}

/// The byte ranges of the bodies of the items on lines starting with one of `starts`.
fn blocks(text: &str, starts: &[&str]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        if !starts.iter().any(|s| line.starts_with(s)) {
            continue;
        }
        let Some(open) = text[start..].find('{').map(|o| start + o) else { break };
        let mut depth = 0usize;
        for (i, c) in text[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        out.push(open..open + i);
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// The identifier-like words of a text (comments and strings included:
/// more words only load more files).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    // (bytes, not chars: a non-ASCII byte only ends a word, and words are ASCII)
    const WORD: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
            b += 1;
        }
        table
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && !WORD[bytes[at] as usize] {
            at += 1;
        }
        let start = at;
        while at < bytes.len() && WORD[bytes[at] as usize] {
            at += 1;
        }
        // (`get` is `None` only at the end: words start and end at ASCII bytes)
        (start < at).then(|| text.get(start..at)).flatten()
    })
}
