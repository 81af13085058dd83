//! Automatic minimization of a failing program: delete whole blocks (a line opening `{` with
//! its matching closing line; outer ones first), then lines and runs of lines (ddmin), then shrink integer
//! literals, keeping each change only while `still_fails` holds. Text-based, so it works for
//! generated programs and for mutants alike.

use std::time::{Duration, Instant};

/// Minimize `source` by lines while `still_fails(candidate)`; stops after `budget`.
pub fn minimize(source: &str, still_fails: &mut dyn FnMut(&str) -> bool, budget: Duration) -> String {
    let start = Instant::now();
    let out_of_time = || start.elapsed() > budget;
    let mut lines: Vec<String> = source.lines().map(str::to_string).collect();
    let join = |ls: &[String]| ls.join("\n") + "\n";
    // 1. Blocks: a line ending in `{` through the line that closes it; first the outer ones
    // (items and `main`'s sections, indented at most four spaces), then all.
    for max_indent in [4, usize::MAX] {
        let mut i = 0;
        while i < lines.len() && !out_of_time() {
            let indent = lines[i].len() - lines[i].trim_start().len();
            if indent <= max_indent {
                if let Some(end) = block_end(&lines, i) {
                    let mut cand = lines.clone();
                    cand.drain(i..=end);
                    if still_fails(&join(&cand)) {
                        lines = cand;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }
    // 2. ddmin over lines.
    let mut chunk = (lines.len() / 2).max(1);
    loop {
        let mut changed = false;
        let mut i = 0;
        while i < lines.len() && !out_of_time() {
            let end = (i + chunk).min(lines.len());
            let mut cand = lines.clone();
            cand.drain(i..end);
            if !cand.is_empty() && still_fails(&join(&cand)) {
                lines = cand;
                changed = true;
            } else {
                i += chunk;
            }
        }
        if out_of_time() || (chunk == 1 && !changed) {
            break;
        }
        if !changed {
            chunk = (chunk / 2).max(1);
        }
    }
    // 3. Integer literals: try 0, 1 and half of each.
    let mut text = join(&lines);
    let mut pos = 0;
    while let Some((a, b)) = next_int_literal(&text, pos) {
        if out_of_time() {
            break;
        }
        let digits = &text[a..b];
        let mut replaced = false;
        if let Ok(v) = digits.parse::<u128>() {
            for cand_v in [0u128, 1, v / 2] {
                if cand_v >= v {
                    continue;
                }
                let cand = format!("{}{}{}", &text[..a], cand_v, &text[b..]);
                if still_fails(&cand) {
                    text = cand;
                    replaced = true;
                    break;
                }
            }
        }
        pos = if replaced { a } else { b };
        if replaced && text[a..].starts_with('0') {
            pos = a + 1;
        }
    }
    text
}

/// The line that closes the block opened at the end of line `i`, if it opens one.
fn block_end(lines: &[String], i: usize) -> Option<usize> {
    if !lines[i].trim_end().ends_with('{') {
        return None;
    }
    let mut depth = 0i32;
    for (k, line) in lines.iter().enumerate().skip(i) {
        for c in line.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
        }
        if depth <= 0 {
            return Some(k);
        }
    }
    None
}

/// The next run of decimal digits at or after `from` that starts a number (not part of an
/// identifier or a float's fraction).
fn next_int_literal(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let prev = if i == 0 { b' ' } else { bytes[i - 1] };
            let mut j = i;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            let in_ident = prev.is_ascii_alphanumeric() || prev == b'_' || prev == b'.';
            let is_float = j < bytes.len() && (bytes[j] == b'.' || bytes[j] == b'e');
            let lone_zero = j - i == 1 && bytes[i] == b'0';
            if !(in_ident || is_float || lone_zero) {
                return Some((i, j));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    None
}
