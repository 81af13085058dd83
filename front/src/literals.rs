//! A scan for integer literals too large for any integer type, run before
//! syn sees the source: syn converts a literal's digits with a big integer
//! in quadratic time (a 200 000-digit literal took minutes), rustc rejects
//! such a literal anyway ("integer literal is too large").

use crate::diag::Diagnostic;

/// The fewest bytes of an integer literal beyond `u128::MAX`: `0x` and 33
/// hex digits (decimal needs 39 digits, octal 43, binary 129).
const SHORTEST_TOO_LARGE: usize = 35;

/// Whether `bytes` has a run of at least `n` word bytes (`[0-9A-Za-z_]`)
/// that starts with a digit: the quick test before [`too_large_literal`]'s
/// scan (a run may be inside a comment or string: the scan decides).
fn has_long_numeric_word(bytes: &[u8], n: usize) -> bool {
    let mut run = 0usize;
    let mut numeric = false;
    for &b in bytes {
        if b.is_ascii_alphanumeric() || b == b'_' {
            if run == 0 {
                numeric = b.is_ascii_digit();
            }
            run += 1;
            if numeric && run >= n {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// The first integer literal of `source` (at `base`, its offset among the
/// program's files) whose value exceeds `u128::MAX`, as rustc's error.
pub fn too_large_literal(source: &str, base: usize) -> Option<Diagnostic> {
    let bytes = source.as_bytes();
    if !has_long_numeric_word(bytes, SHORTEST_TOO_LARGE) {
        return None;
    }
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let mut depth = 0usize;
                while i < bytes.len() {
                    if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'"' => i = skip_string(bytes, i + 1),
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) && !ident_before(bytes, i) => i = skip_raw_string(bytes, i + 1),
            b'\'' => {
                // a char literal ('a', '\n', '\u{..}') or a lifetime ('a)
                if bytes.get(i + 1) == Some(&b'\\') {
                    i += 3;
                    while i < bytes.len() && bytes[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                } else if bytes.get(i + 2) == Some(&b'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            b'0'..=b'9' if !ident_before(bytes, i) => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                let is_float = bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if !is_float && exceeds_u128(&source[start..i]) {
                    return Some(
                        Diagnostic::at(None, "integer literal is too large", base + start..base + i, "")
                            .note(format!("value exceeds limit of `{}`", u128::MAX)),
                    );
                }
            }
            _ if c.is_ascii_alphabetic() || c == b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    None
}

fn ident_before(bytes: &[u8], i: usize) -> bool {
    i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')
}

fn skip_string(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

fn skip_raw_string(bytes: &[u8], mut i: usize) -> usize {
    let hashes = bytes[i..].iter().take_while(|&&b| b == b'#').count();
    i += hashes;
    if bytes.get(i) != Some(&b'"') {
        return i;
    }
    i += 1;
    while i < bytes.len() {
        if bytes[i] == b'"' && bytes[i + 1..].iter().take(hashes).filter(|&&b| b == b'#').count() == hashes {
            return i + 1 + hashes;
        }
        i += 1;
    }
    i
}

/// Whether an integer literal token (digits, prefix, underscores, suffix)
/// has more significant digits than `u128::MAX` in its base. Floats
/// (`1e5`, `2f32`) and tokens that are not numbers say no.
fn exceeds_u128(token: &str) -> bool {
    let (radix, digits, limit) = match token.get(..2) {
        Some("0x") => (16, &token[2..], 32),
        Some("0o") => (8, &token[2..], 43),
        Some("0b") => (2, &token[2..], 128),
        _ => (10, token, 39),
    };
    if radix == 10 && token.bytes().any(|b| matches!(b, b'e' | b'E' | b'f')) {
        return false;
    }
    let significant: Vec<u8> =
        digits.bytes().filter(|&b| b != b'_').take_while(|b| (*b as char).is_digit(radix)).skip_while(|&b| b == b'0').collect();
    if significant.len() != limit {
        return significant.len() > limit;
    }
    // exactly as many digits as the limit: compare the value
    let text = String::from_utf8_lossy(&significant).into_owned();
    u128::from_str_radix(&text, radix).is_err()
}

#[cfg(test)]
mod tests {
    use super::too_large_literal;

    #[test]
    fn only_integer_literals_in_code_are_flagged() {
        let long = "9".repeat(60);
        for ok in [
            format!("let s = \"{long}\";"),
            format!("// {long}"),
            format!("/* /* {long} */ */"),
            format!("let s = r#\"{long}\"#;"),
            format!("let x = {long}.5;"),
            format!("let x = {long}e3;"),
            format!("let x = x{long};"),
            "let a = 0xffffffffffffffffffffffffffffffff; let b = 0b1_0; let c = '\\''; let d = 000000000000000000000000000000000000000000001;".to_string(),
        ] {
            assert!(too_large_literal(&ok, 0).is_none(), "{ok}");
        }
        for bad in
            [format!("let x = {long};"), "let x = 0x1ffffffffffffffffffffffffffffffff;".to_string(), format!("let c = '\\''; {long}")]
        {
            assert!(too_large_literal(&bad, 0).is_some(), "{bad}");
        }
    }
}
