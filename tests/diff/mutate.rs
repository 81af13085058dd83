//! The crash mutator of the front end: a valid program cut into tokens, then one to four
//! token edits (delete, duplicate, swap two, insert a token from the program or a keyword);
//! hybridc must answer every mutant with success or an error (exit 1), never a panic, an
//! internal compiler error, a signal or a hang.

use std::path::{Path, PathBuf};

use crate::rng::Rng;

/// Programs the mutator starts from: `generated` programs of the generator from `seed`, then
/// every `.rs` file of `corpus` (sorted, so a seed always gives the same bases).
pub fn bases(seed: u64, generated: u64, corpus: &Path) -> Vec<String> {
    let mut bases: Vec<String> = (0..generated).map(|k| crate::gen::program(seed.wrapping_mul(31).wrapping_add(k)).source).collect();
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(corpus).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "rs")).collect();
    files.sort();
    bases.extend(files.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    bases
}

/// Tokens of Rust-ish source: identifiers and numbers, string literals, single punctuation
/// characters, and the whitespace between them (kept so the text reassembles exactly).
pub fn tokens(source: &str) -> Vec<String> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_alphanumeric() || c == '_' {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
        } else if c.is_whitespace() {
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i = (i + 1).min(chars.len());
        } else {
            i += 1;
        }
        out.push(chars[start..i].iter().collect());
    }
    out
}

const EXTRA: &[&str] = &[
    "fn",
    "let",
    "mut",
    "if",
    "else",
    "match",
    "loop",
    "while",
    "for",
    "in",
    "impl",
    "trait",
    "struct",
    "enum",
    "return",
    "break",
    "continue",
    "as",
    "&",
    "*",
    "::",
    "<",
    ">",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ";",
    ",",
    "..",
    "=>",
    "'a",
    "?",
    "|",
    "#",
    "!",
    "0",
    "1u8",
    "-",
    "Self",
    "self",
    "where",
    "dyn",
    "move",
    "const",
    "static",
    "use",
    "mod",
    "unsafe",
    "\"s\"",
    "'c'",
    "i128",
    "Box",
    "String",
    "1e400",
    "0x",
    "9999999999999999999999999999999999999999",
];

/// A mutant of `source`: one to four random token edits.
pub fn mutate(source: &str, rng: &mut Rng) -> String {
    let mut toks = tokens(source);
    let significant = |toks: &[String], rng: &mut Rng| -> Option<usize> {
        for _ in 0..20 {
            let i = rng.below(toks.len() as u64) as usize;
            if !toks[i].trim().is_empty() {
                return Some(i);
            }
        }
        None
    };
    for _ in 0..rng.range(1, 4) {
        if toks.is_empty() {
            break;
        }
        let Some(i) = significant(&toks, rng) else { break };
        match rng.below(5) {
            0 => {
                toks.remove(i);
            }
            1 => {
                let t = toks[i].clone();
                toks.insert(i, t);
            }
            2 => {
                if let Some(j) = significant(&toks, rng) {
                    toks.swap(i, j);
                }
            }
            3 => {
                let t = if rng.chance(1, 2) { rng.pick(EXTRA).to_string() } else { toks[significant(&toks, rng).unwrap_or(i)].clone() };
                toks.insert(i, format!(" {t} "));
            }
            _ => {
                let t = rng.pick(EXTRA).to_string();
                toks[i] = t;
            }
        }
    }
    toks.concat()
}

/// Why a `hybridc` run counts as a crash, if it does: a signal, an exit code other than 0 and
/// 1, a Rust panic or an internal compiler error. The result is a short stable signature
/// (used to minimize while the same crash stays).
pub fn crash_signature(code: Option<i32>, signal: Option<i32>, stderr: &str) -> Option<String> {
    if let Some(sig) = signal {
        return Some(format!("signal {sig}"));
    }
    // (only hybridc's own lines: a diagnostic quotes source lines, which may say anything)
    if let Some(line) = stderr.lines().find(|l| l.starts_with("thread '") && l.contains("panicked at")) {
        let at = line.split("panicked at").nth(1).unwrap_or("").trim();
        return Some(format!("panic at {at}"));
    }
    if let Some(line) = stderr.lines().find(|l| l.starts_with("error") && l.contains(": internal compiler error")) {
        return Some(format!("ICE: {}", line.trim()));
    }
    match code {
        Some(0) | Some(1) => None,
        c => Some(format!("exit code {c:?}")),
    }
}
