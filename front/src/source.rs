//! The program's source files and loading `mod m;` files (rustc's rules).
//!
//! All files are kept in one text, each starting at a line start, so that a
//! span anywhere in the program is one `Range<usize>` of global byte offsets;
//! [`SourceFiles::file_of`] maps an offset back to its file. A program of one
//! file is that file's text, unchanged.
//!
//! Loading: the root file is parsed on its own (only when it may declare
//! `mod m;`, see [`may_declare_mod_files`]) to find its `mod m;` items; each
//! is looked up next to it (`m.rs`, `m/mod.rs`; `dir/f/m.rs` for a `mod m;`
//! inside the non-`mod.rs` file `dir/f.rs`, and one directory level more per
//! enclosing inline `mod`), read, appended and parsed the same way.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::diag::{range_of, Diagnostic};
use crate::ranges::SourceScope;

/// One file of the program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// As diagnostics and panic messages show it (`src/m.rs`).
    pub name: String,
    /// Its global byte offsets.
    pub range: Range<usize>,
}

/// All the files of the program in one text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFiles {
    pub text: String,
    pub files: Vec<SourceFile>,
    /// The file loaded for each `mod m;` item, by the global offset of the
    /// item's name.
    pub mod_files: HashMap<usize, usize>,
    /// The files of the standard library (appended after the program's by
    /// [`SourceFiles::append_library`]): file index and module path.
    pub library: Vec<(usize, &'static str)>,
    /// The impls of derives expanded to source (`crate::derive`), in their
    /// own file after the program's: for each, its global offset and the
    /// global offset of its type's name.
    pub derived: Vec<(usize, usize)>,
    /// Ranges of the derives' file and the program's ranges an error there
    /// is shown at (`derive::Expansion::spans`, global offsets).
    pub derive_spans: Vec<(Range<usize>, Range<usize>)>,
}

/// Reads the file at a path (relative to the root file's directory as
/// given), `None` when it does not exist.
pub type Loader<'a> = &'a dyn Fn(&Path) -> Option<String>;

impl SourceFiles {
    /// A program of one file.
    pub fn single(source: &str, name: &str) -> Self {
        SourceFiles {
            text: source.to_string(),
            files: vec![SourceFile { name: name.to_string(), range: 0..source.len() }],
            mod_files: HashMap::new(),
            library: Vec::new(),
            derived: Vec::new(),
            derive_spans: Vec::new(),
        }
    }

    /// Append the impls of the program's expanded derives
    /// (`crate::derive`) as a file of their own.
    pub fn append_derives(&mut self) -> Result<(), Diagnostic> {
        let Some(expansion) = crate::derive::expand(self)? else { return Ok(()) };
        let idx = self.push("<derive>".to_string(), &expansion.text);
        let base = self.files[idx].range.start;
        self.derived = expansion.owners.iter().map(|&(at, owner)| (base + at, owner)).collect();
        self.derive_spans = expansion.spans.into_iter().map(|(r, src)| (base + r.start..base + r.end, src)).collect();
        Ok(())
    }

    /// Where a range inside a derive's generated impl is shown: the field
    /// (or derive) it was generated for; other ranges unchanged.
    pub fn shown_range(&self, range: &Range<usize>) -> Range<usize> {
        match self.derive_spans.iter().find(|(r, _)| r.contains(&range.start)) {
            Some((_, src)) => src.clone(),
            None => range.clone(),
        }
    }

    /// Append the standard library's files the program may use
    /// (`crate::library`).
    pub fn append_library(&mut self) {
        for f in crate::library::files_for(&self.text) {
            let idx = self.push(crate::library::display_name(f), f.text);
            self.library.push((idx, f.module));
        }
    }

    /// Where the program's own files end (the library's start).
    pub fn program_end(&self) -> usize {
        match self.library.first() {
            Some(&(idx, _)) => self.files[idx].range.start,
            None => self.text.len(),
        }
    }

    /// The file holding global offset `at`.
    pub fn file_of(&self, at: usize) -> usize {
        self.files.partition_point(|f| f.range.start <= at).saturating_sub(1)
    }

    fn push(&mut self, name: String, text: &str) -> usize {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        let start = self.text.len();
        self.text.push_str(text);
        self.files.push(SourceFile { name, range: start..self.text.len() });
        self.files.len() - 1
    }
}

/// Whether the text may contain a `mod m;` item: a `mod` word followed by a
/// `;` before any `{`. Conservative (comments and strings count too).
pub fn may_declare_mod_files(text: &str) -> bool {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(pos) = text[from..].find("mod") {
        let at = from + pos;
        from = at + 3;
        let before_ok = at == 0 || !(b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'_');
        let after_ok = b.get(at + 3).is_some_and(|c| !(c.is_ascii_alphanumeric() || *c == b'_'));
        if before_ok && after_ok {
            let rest = &b[at + 3..];
            let semi = rest.iter().position(|&c| c == b';');
            let brace = rest.iter().position(|&c| c == b'{');
            if let Some(s) = semi {
                if brace.is_none_or(|br| s < br) {
                    return true;
                }
            }
        }
    }
    false
}

/// Load the root file and every file its `mod m;` items name, recursively;
/// on an error, also the files loaded so far (to render it against).
pub fn load(source: &str, name: &str, loader: Loader<'_>) -> Result<SourceFiles, Box<(Diagnostic, SourceFiles)>> {
    let mut files = SourceFiles {
        text: String::new(),
        files: Vec::new(),
        mod_files: HashMap::new(),
        library: Vec::new(),
        derived: Vec::new(),
        derive_spans: Vec::new(),
    };
    match load_into(&mut files, source, name, loader) {
        Ok(()) => Ok(files),
        Err(d) => Err(Box::new((d, files))),
    }
}

fn load_into(files: &mut SourceFiles, source: &str, name: &str, loader: Loader<'_>) -> Result<(), Diagnostic> {
    files.push(name.to_string(), source);
    // (file index, directory for its `mod m;` items, whether it is a mod-rs file)
    let root_dir = Path::new(name).parent().map(Path::to_path_buf).unwrap_or_default();
    let mut work = vec![(0usize, root_dir)];
    while let Some((idx, dir)) = work.pop() {
        let range = files.files[idx].range.clone();
        let text = files.text[range.clone()].to_string();
        proc_macro2::extra::invalidate_current_thread_spans();
        let scope = SourceScope::new(&text);
        scope.set_base(range.start);
        let file = match syn::parse_file(&text) {
            Ok(f) => f,
            Err(e) => return Err(crate::syntax_error(&e)),
        };
        let mut decls = Vec::new();
        mod_decls(&file.items, &dir, &mut decls);
        drop(file);
        drop(scope);
        proc_macro2::extra::invalidate_current_thread_spans();
        for (mname, item_range, ident_start, child_dir) in decls {
            let file_rs = child_dir.join(format!("{mname}.rs"));
            let mod_rs = child_dir.join(&mname).join("mod.rs");
            let (a, b) = (loader(&file_rs), loader(&mod_rs));
            let (path, text, sub_dir) = match (a, b) {
                (Some(_), Some(_)) => {
                    return Err(Diagnostic::at(
                        Some("E0761"),
                        format!("file for module `{mname}` found at both \"{}\" and \"{}\"", file_rs.display(), mod_rs.display()),
                        item_range,
                        "",
                    )
                    .help("delete or rename one of them to remove the ambiguity"))
                }
                (Some(t), None) => (file_rs, t, child_dir.join(&mname)),
                (None, Some(t)) => (mod_rs, t, child_dir.join(&mname)),
                (None, None) => {
                    let d = Diagnostic::at(Some("E0583"), format!("file not found for module `{mname}`"), item_range, "")
                        .help(format!("to create the module `{mname}`, create file \"{}\" or \"{}\"", file_rs.display(), mod_rs.display()))
                        .note(format!(
                            "if there is a `mod {mname}` elsewhere in the crate already, import it with `use crate::...` instead"
                        ));
                    let mut d = d;
                    d.helps_first = true;
                    return Err(d);
                }
            };
            if files.files.len() > 4096 {
                return Err(Diagnostic::at(None, "too many module files (more than 4096)", item_range, "while loading this module"));
            }
            let child = files.push(display(&path), &text);
            files.mod_files.insert(ident_start, child);
            work.push((child, sub_dir));
        }
    }
    Ok(())
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

/// The `mod m;` items of a list of items (inline modules included): name,
/// item range, name offset, directory of the module's file.
fn mod_decls(items: &[syn::Item], dir: &Path, out: &mut Vec<(String, Range<usize>, usize, PathBuf)>) {
    for item in items {
        if let syn::Item::Mod(m) = item {
            let name = m.ident.to_string();
            match &m.content {
                None => out.push((name, range_of(item), range_of(&m.ident).start, dir.to_path_buf())),
                Some((_, inner)) => mod_decls(inner, &dir.join(&name), out),
            }
        }
    }
}
