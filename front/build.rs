//! Expands the standard library's `// @for` blocks (`library/core`, see
//! `library/README.md`) into `$OUT_DIR/library`, the text the front end
//! embeds: one copy of the block per group of words, `$name`s replaced.

use std::path::Path;

#[path = "src/library_names.rs"]
mod library_names;

fn main() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../library/core");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("library");
    println!("cargo:rerun-if-changed={}", src.display());
    expand_dir(&src, &src, &out);
}

fn expand_dir(root: &Path, dir: &Path, out: &Path) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("library dir").map(|e| e.expect("dir entry").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            expand_dir(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = std::fs::read_to_string(&path).expect("library file");
            let expanded = expand(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let rel = path.strip_prefix(root).expect("below the root");
            let target = out.join(rel);
            std::fs::create_dir_all(target.parent().expect("a parent")).expect("out dir");
            std::fs::write(&target, &expanded).expect("write the expanded file");
            let names = library_names::index_names(&rel.to_string_lossy().replace('\\', "/"), &expanded).join(" ");
            std::fs::write(target.with_extension("rs.names"), names).expect("write the file's names");
        }
    }
}

/// `// @for $a $b in x1 y1 | x2 y2` .. `// @end`: the lines between, once
/// per group, with `$a`, `$b` replaced by the group's words.
fn expand(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len() * 4);
    let mut lines = text.lines().enumerate();
    while let Some((n, line)) = lines.next() {
        let Some(spec) = line.trim_start().strip_prefix("// @for ") else {
            if line.trim_start().starts_with("// @end") {
                return Err(format!("line {}: `// @end` without `// @for`", n + 1));
            }
            out.push_str(line);
            out.push('\n');
            continue;
        };
        let (vars, groups) = spec.split_once(" in ").ok_or(format!("line {}: `// @for $x in a b c` expected", n + 1))?;
        let vars: Vec<&str> = vars.split_whitespace().collect();
        if vars.iter().any(|v| !v.starts_with('$')) {
            return Err(format!("line {}: the names of a `// @for` start with `$`", n + 1));
        }
        let groups: Vec<Vec<&str>> = if vars.len() == 1 {
            groups.split_whitespace().map(|w| vec![w]).collect()
        } else {
            groups.split('|').map(|g| g.split_whitespace().collect()).collect()
        };
        if let Some(g) = groups.iter().find(|g| g.len() != vars.len()) {
            return Err(format!("line {}: the group `{}` does not have {} words", n + 1, g.join(" "), vars.len()));
        }
        let mut block = Vec::new();
        loop {
            match lines.next() {
                Some((_, l)) if l.trim_start().starts_with("// @end") => break,
                Some((m, l)) if l.trim_start().starts_with("// @for ") => return Err(format!("line {}: nested `// @for`", m + 1)),
                Some((_, l)) => block.push(l),
                None => return Err(format!("line {}: `// @for` without `// @end`", n + 1)),
            }
        }
        for group in &groups {
            for l in &block {
                let mut l = l.to_string();
                // longest names first, so `$tt` is not read as `$t` + `t`
                let mut order: Vec<usize> = (0..vars.len()).collect();
                order.sort_by_key(|&i| std::cmp::Reverse(vars[i].len()));
                for i in order {
                    l = l.replace(vars[i], group[i]);
                }
                out.push_str(&l);
                out.push('\n');
            }
        }
    }
    Ok(out)
}
