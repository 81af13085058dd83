//! hybridc's standard library (`library/`): Rust source built into the
//! compiler, mounted as the crate `core` (also named `std` and `alloc`) of
//! every program.
//!
//! - A file is loaded only when the program can use it: when the program's
//!   text mentions one of the names the file defines, plus the files it
//!   [`LibFile::needs`] and its parent module's; so a program that uses
//!   nothing of the library pays one scan of its words.
//! - Loaded files are appended to the program's text, so their spans are
//!   global offsets like the program's.
//! - Their functions are lowered only when a body uses them
//!   (`FnDecl::lazy`, `crate::mono`).
//! - The names in [`LibFile::prelude`] are in scope in every module, weaker
//!   than the module's own (rustc's prelude).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use hybrid_ir::{Type, TypeTable};

use crate::library_names::words;
use crate::modtree::{Def, Ns, PathRes, Vis};
use crate::resolve::{new_decl, Items, StructId, Syntax};

/// One file of the library.
pub struct LibFile {
    /// The module it is, as a path below the crate root (`""`: the root).
    pub module: &'static str,
    /// Its file name below `library/core/`.
    pub name: &'static str,
    pub text: &'static str,
    /// The names that load it, whitespace-separated (`build.rs` wrote them
    /// with `library_names::index_names`).
    pub names: &'static str,
    /// The modules (paths as in `module`) its items use.
    pub needs: &'static [&'static str],
    /// Its items that every module sees without a `use`.
    pub prelude: &'static [&'static str],
}

/// A library file's text, as `build.rs` expanded its `// @for` blocks.
macro_rules! lib_text {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/library/", $name))
    };
}

/// The names that load a library file, as `build.rs` listed them.
macro_rules! lib_names {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/library/", $name, ".names"))
    };
}

/// The library's files, parents before children.
pub const FILES: &[LibFile] = &[
    LibFile { module: "", name: "lib.rs", text: lib_text!("lib.rs"), names: lib_names!("lib.rs"), needs: &[], prelude: &[] },
    LibFile {
        module: "cmp",
        name: "cmp.rs",
        text: lib_text!("cmp.rs"),
        names: lib_names!("cmp.rs"),
        needs: &["option"],
        prelude: &["PartialOrd", "Ord"],
    },
    LibFile {
        module: "default",
        name: "default.rs",
        text: lib_text!("default.rs"),
        names: lib_names!("default.rs"),
        needs: &[],
        prelude: &["Default"],
    },
    LibFile {
        module: "convert",
        name: "convert.rs",
        text: lib_text!("convert.rs"),
        names: lib_names!("convert.rs"),
        needs: &[],
        prelude: &["From", "Into"],
    },
    LibFile {
        module: "iter",
        name: "iter.rs",
        text: lib_text!("iter.rs"),
        names: lib_names!("iter.rs"),
        needs: &["option", "cmp", "ops", "iter::adapters", "iter::range", "slice"],
        prelude: &["Iterator", "DoubleEndedIterator", "ExactSizeIterator", "IntoIterator", "FromIterator"],
    },
    LibFile {
        module: "iter::adapters",
        name: "iter/adapters.rs",
        text: lib_text!("iter/adapters.rs"),
        names: lib_names!("iter/adapters.rs"),
        needs: &["iter", "option"],
        prelude: &[],
    },
    LibFile {
        module: "iter::range",
        name: "iter/range.rs",
        text: lib_text!("iter/range.rs"),
        names: lib_names!("iter/range.rs"),
        needs: &["iter", "ops", "option"],
        prelude: &[],
    },
    LibFile { module: "ops", name: "ops.rs", text: lib_text!("ops.rs"), names: lib_names!("ops.rs"), needs: &[], prelude: &["Drop"] },
    LibFile { module: "ptr", name: "ptr.rs", text: lib_text!("ptr.rs"), names: lib_names!("ptr.rs"), needs: &["ops"], prelude: &[] },
    LibFile {
        module: "slice",
        name: "slice.rs",
        text: lib_text!("slice.rs"),
        names: lib_names!("slice.rs"),
        needs: &["iter", "option", "ptr"],
        prelude: &[],
    },
    LibFile {
        module: "slice::methods",
        name: "slice/methods.rs",
        text: lib_text!("slice/methods.rs"),
        names: lib_names!("slice/methods.rs"),
        needs: &["cmp", "option", "result"],
        prelude: &[],
    },
    LibFile {
        module: "vec",
        name: "vec.rs",
        text: lib_text!("vec.rs"),
        names: lib_names!("vec.rs"),
        needs: &["option", "slice", "slice::methods", "iter", "ptr"],
        prelude: &[],
    },
    LibFile {
        module: "str",
        name: "str.rs",
        text: lib_text!("str.rs"),
        names: lib_names!("str.rs"),
        needs: &["option", "result", "iter", "fmt", "string", "char", "num"],
        prelude: &[],
    },
    LibFile {
        module: "string",
        name: "string.rs",
        text: lib_text!("string.rs"),
        names: lib_names!("string.rs"),
        needs: &["str", "vec", "default", "fmt", "char", "convert"],
        prelude: &["String"],
    },
    LibFile {
        module: "fmt",
        name: "fmt.rs",
        text: lib_text!("fmt.rs"),
        names: lib_names!("fmt.rs"),
        needs: &["result", "str"],
        prelude: &[],
    },
    LibFile {
        module: "debug_derived",
        name: "debug_derived.rs",
        text: lib_text!("debug_derived.rs"),
        names: lib_names!("debug_derived.rs"),
        needs: &[],
        prelude: &[],
    },
    LibFile {
        module: "mem",
        name: "mem.rs",
        text: lib_text!("mem.rs"),
        names: lib_names!("mem.rs"),
        needs: &["default"],
        prelude: &["drop"],
    },
    LibFile {
        module: "offload",
        name: "offload.rs",
        text: lib_text!("offload.rs"),
        names: lib_names!("offload.rs"),
        needs: &["ops", "ptr"],
        prelude: &[],
    },
    LibFile { module: "fn_ptr", name: "fn_ptr.rs", text: lib_text!("fn_ptr.rs"), names: lib_names!("fn_ptr.rs"), needs: &[], prelude: &[] },
    LibFile {
        module: "option",
        name: "option.rs",
        text: lib_text!("option.rs"),
        names: lib_names!("option.rs"),
        needs: &["mem", "result", "default"],
        prelude: &["Option", "Some", "None"],
    },
    LibFile {
        module: "result",
        name: "result.rs",
        text: lib_text!("result.rs"),
        names: lib_names!("result.rs"),
        needs: &["option"],
        prelude: &["Result", "Ok", "Err"],
    },
    LibFile {
        module: "boxed",
        name: "boxed.rs",
        text: lib_text!("boxed.rs"),
        names: lib_names!("boxed.rs"),
        needs: &["ptr", "ops"],
        prelude: &["Box"],
    },
    LibFile {
        module: "dyn_object",
        name: "dyn_object.rs",
        text: lib_text!("dyn_object.rs"),
        names: lib_names!("dyn_object.rs"),
        needs: &["boxed", "ptr", "mem"],
        prelude: &[],
    },
    LibFile {
        module: "env",
        name: "env.rs",
        text: lib_text!("env.rs"),
        names: lib_names!("env.rs"),
        needs: &["string", "vec", "option", "iter"],
        prelude: &[],
    },
    LibFile { module: "char", name: "char.rs", text: lib_text!("char.rs"), names: lib_names!("char.rs"), needs: &["option"], prelude: &[] },
    LibFile { module: "num", name: "num/mod.rs", text: lib_text!("num/mod.rs"), names: lib_names!("num/mod.rs"), needs: &[], prelude: &[] },
    LibFile {
        module: "num::int",
        name: "num/int.rs",
        text: lib_text!("num/int.rs"),
        names: lib_names!("num/int.rs"),
        needs: &["num", "option", "cmp"],
        prelude: &[],
    },
    LibFile {
        module: "num::float",
        name: "num/float.rs",
        text: lib_text!("num/float.rs"),
        names: lib_names!("num/float.rs"),
        needs: &["num", "num::int", "cmp", "mem"],
        prelude: &[],
    },
];

/// The crate name the library is mounted as; `std` and `alloc` are read as it.
pub const CRATE: &str = "core";

/// How a library file is named in diagnostics and panic locations.
pub fn display_name(file: &LibFile) -> String {
    format!("<hybridc>/library/core/{}", file.name)
}

/// The full path of a library module (`core::num`; `core` for the root).
pub fn module_path(module: &str) -> String {
    match module {
        "" => CRATE.to_string(),
        m => format!("{CRATE}::{m}"),
    }
}

/// The IR name of a struct at `path`: its path, except the library's
/// strings, named as rustc shows them (`&str`, `String`).
pub fn shown_struct_name(path: String) -> String {
    match path.as_str() {
        "core::str::Str" => "&str".into(),
        "core::string::String" => "String".into(),
        _ => path,
    }
}

/// The files a program whose text is `program` may use, in [`FILES`] order.
pub fn files_for(program: &str) -> Vec<&'static LibFile> {
    let index = names_index();
    let mut wanted: u64 = 0;
    // (one pass over the program's words, one lookup each: it is as long as the program)
    for word in words(program) {
        if let Some(files) = index.get(word) {
            wanted |= files;
        }
    }
    let (vec_words, string_words, collect_word) = (wanted & VEC_WORD != 0, wanted & STRING_WORD != 0, wanted & COLLECT_WORD != 0);
    wanted &= !(VEC_WORD | STRING_WORD | COLLECT_WORD);
    // (`vec![v; n]` of a `Vec` clones it: the library's `Vec::clone`)
    let vec_rows = vec_words || program.contains("vec![vec!") || program.contains("vec![Vec::");
    // (a string literal as a value, `format!`, `to_string` and `impl fmt::Display` are the library's strings)
    let strings = string_words || string_values(program);
    // (`collect()` is the compiler's desugaring into `slice::collect_vec`)
    let iterated = collect_word || for_over_iterator(program);
    for (i, f) in FILES.iter().enumerate() {
        // the root always; `ops` for a range value `a..b` (the library's
        // `ops::Range`); `iter` for a `for` over something else than a range
        let triggered = (f.module == "ops" && program.contains(".."))
                || (f.module == "vec" && vec_rows)
                || (f.module == "iter" && iterated)
                // the drop glue, for programs that may have values with destructors
                || (f.module == "ptr" && (iterated || ["vec", "Vec", "Drop", "String"].iter().any(|w| program.contains(w))))
                || (f.module == "str" && strings)
                // the thunks of closures and function items coerced to `fn` pointer types
                || (f.module == "fn_ptr" && program.contains("fn("))
                // `std::env::args()`, `env::args()` after `use std::env`
                || (f.module == "env" && program.contains("env::"))
                // trait objects: their vtables and `Box<dyn ..>`'s glue
                || (f.module == "dyn_object" && program.contains("dyn "))
                // widths and precisions from arguments (`{:w$}`, `{:>w$x}`, `{:.*}`):
                // `fmt::fmt_spec_count` (any `$` or `.*`: macro_rules' `$x` loads it too)
                || (f.module == "fmt" && (program.contains('$') || program.contains(".*")))
                // `dyn Display` / `dyn Debug`: the objects of `fmt::DisplayObject` / `DebugObject`
                || (f.module == "fmt" && ["dyn Display", "dyn Debug", "dyn fmt::", "dyn std::fmt::", "dyn core::fmt::"].iter().any(|w| program.contains(w)))
                // the derived `Debug` of a recursive type (its functions are made only when used)
                || (f.module == "debug_derived" && program.contains("Debug"));
        if f.module.is_empty() || triggered {
            wanted |= 1 << i;
        }
    }
    // what the wanted files need, to a fixed point (needs may be mutual:
    // `Option::ok_or` makes a `Result`, `Result::ok` an `Option`)
    let mut changed = true;
    while changed {
        changed = false;
        for (i, file) in FILES.iter().enumerate() {
            if wanted & (1 << i) == 0 {
                continue;
            }
            let parent = file.module.rsplit_once("::").map(|(p, _)| p);
            for need in file.needs.iter().copied().chain(parent) {
                if let Some(j) = FILES.iter().position(|f| f.module == need) {
                    changed |= wanted & (1 << j) == 0;
                    wanted |= 1 << j;
                }
            }
        }
    }
    FILES.iter().enumerate().filter(|(i, _)| wanted & (1 << i) != 0).map(|(_, f)| f).collect()
}

/// Words that make a program use the library's strings (`str.rs`,
/// `string.rs`, `fmt.rs`) although it names none of their items: their
/// methods are not in the index (`len` of a slice would load them).
const STRING_WORDS: &[&str] = &["str", "format", "to_string", "to_owned", "fmt", "write", "writeln", "expect", "parse"];

/// Bits of [`names_index`]'s values above the files' bits: the word is one
/// of [`STRING_WORDS`]; `extend` or `drain` (the compiler's desugarings into
/// `Vec::extend_values`, `drain_range`, ..); `collect` (into
/// `slice::collect_vec`).
const STRING_WORD: u64 = 1 << 63;
const VEC_WORD: u64 = 1 << 62;
const COLLECT_WORD: u64 = 1 << 61;

/// Whether the program has a string literal used as a value (not the
/// format string of a macro: `"` right after `name!(`), so `&str`.
fn string_values(program: &str) -> bool {
    let bytes = program.as_bytes();
    let mut i = 0;
    let prev_non_space = |mut j: usize| {
        while j > 0 && bytes[j - 1].is_ascii_whitespace() {
            j -= 1;
        }
        (j > 0).then(|| (j - 1, bytes[j - 1]))
    };
    while i < bytes.len() {
        match bytes[i] {
            b'\'' if i + 2 < bytes.len() && bytes[i + 2] == b'\'' => i += 3,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' => {
                let prefixed = i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'#');
                // (a macro's format string, or a later argument of a macro: `assert!(c, "msg")`)
                let format_string = match prev_non_space(i) {
                    Some((j, b'(')) => matches!(prev_non_space(j), Some((_, b'!'))),
                    Some((j, b',')) => enclosing_paren(bytes, j).is_some_and(|o| matches!(prev_non_space(o), Some((_, b'!')))),
                    _ => false,
                };
                // (`extern "C"`, attributes: `#[cfg(target_os = "linux")]`)
                let line_start = bytes[..i].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
                let line = program[line_start..i].trim_start();
                let not_a_value = line.starts_with('#') || program[..i].trim_end().ends_with("extern");
                if !prefixed && !format_string && !not_a_value {
                    return true;
                }
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    false
}

/// The offset of the `(` that encloses offset `at` (within 2000 bytes back).
fn enclosing_paren(bytes: &[u8], at: usize) -> Option<usize> {
    let mut depth = 0usize;
    let stop = at.saturating_sub(2000);
    let mut j = at;
    while j > stop {
        j -= 1;
        match bytes[j] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth > 0 => depth -= 1,
            b'(' => return Some(j),
            b'[' | b'{' | b';' => return None,
            _ => {}
        }
    }
    None
}

/// Whether a `for` loop of the program may iterate over something else
/// than a range (the compiler's own loop): `for x in &v`, `for x in it`
/// (the text between ` in ` and the loop's `{` has no `..`).
fn for_over_iterator(program: &str) -> bool {
    let bytes = program.as_bytes();
    let mut at = 0;
    while let Some(i) = program[at..].find("for ") {
        let start = at + i;
        at = start + 4;
        if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
            continue;
        }
        let rest = &program[at..];
        let Some(brace) = rest.find('{') else { break };
        let head = &rest[..brace];
        if let Some(j) = head.find(" in ") {
            if !head[j..].contains("..") {
                return true;
            }
        }
    }
    false
}

/// Each name a library file defines (not its module's name: words like
/// `int` and `num` are common, and a path into a module names one of its
/// items), with the set of [`FILES`] (bit `i`: file `i`) that define it,
/// and the words `files_for` looks for ([`STRING_WORD`] ..); built once per process from the lists `build.rs` made
/// (`library_names::index_names`).
fn names_index() -> &'static FxHashMap<&'static str, u64> {
    static INDEX: OnceLock<FxHashMap<&'static str, u64>> = OnceLock::new();
    const { assert!(FILES.len() <= 61, "files_for keeps the wanted files in a u64, with three word bits") };
    INDEX.get_or_init(|| {
        let mut index = FxHashMap::default();
        for (i, file) in FILES.iter().enumerate() {
            for name in file.names.split_ascii_whitespace() {
                *index.entry(name).or_insert(0) |= 1u64 << i;
            }
        }
        let words =
            STRING_WORDS.iter().map(|&w| (w, STRING_WORD)).chain([("extend", VEC_WORD), ("drain", VEC_WORD), ("collect", COLLECT_WORD)]);
        for (word, bit) in words {
            *index.entry(word).or_insert(0) |= bit;
        }
        index
    })
}

/// Modules of Rust's standard library that hybridc's does not have yet
/// (a path into one is an error naming the item).
const MISSING_MODULES: &[&str] = &[
    "collections",
    "string",
    "boxed",
    "rc",
    "sync",
    "cell",
    "thread",
    "io",
    "fs",
    "env::var",
    "env::vars",
    "env::var_os",
    "env::vars_os",
    "env::args_os",
    "env::set_var",
    "env::remove_var",
    "env::current_dir",
    "env::current_exe",
    "env::temp_dir",
    "iter",
    "option",
    "result",
    "borrow",
    "net",
    "path",
    "ffi::CString",
    "ffi::CStr",
    "any",
    "error",
    "hash",
];

/// Names of Rust's prelude that hybridc's does not have yet.
const MISSING_PRELUDE: &[&str] = &["ToString", "ToOwned", "Extend"];

/// The error for a path of Rust's standard library (`std::collections::HashMap`,
/// already read as `core::..`) or a prelude name (`String`) that hybridc's
/// library does not define yet; `None` for any other path.
pub fn missing(path: &[String]) -> Option<String> {
    let shown = |p: &[String]| {
        let mut p = p.to_vec();
        if p.first().is_some_and(|s| s == CRATE) {
            p[0] = "std".into();
        }
        p.join("::")
    };
    match path {
        [name] if MISSING_PRELUDE.contains(&name.as_str()) => Some(format!("`{name}` is not available in hybridc yet")),
        [krate, rest @ ..] if krate == CRATE && !rest.is_empty() => {
            let inner = rest.join("::");
            let hit = MISSING_MODULES.iter().any(|m| inner == *m || inner.starts_with(&format!("{m}::")));
            hit.then(|| format!("`{}` is not available in hybridc yet", shown(path)))
        }
        _ => None,
    }
}

/// `impl u32 { .. }` in the library (rustc's inherent impls of primitive
/// types in `core`): the primitive type, when `m` is a method of one.
pub(crate) fn primitive_self(items: &Items, m: &crate::walk::MethodDecl<'_>) -> Option<hybrid_ir::Scalar> {
    if !items.tree.in_library(m.module) {
        return None;
    }
    match m.self_ty {
        syn::Type::Path(p) if p.qself.is_none() => hybrid_ir::Scalar::from_name(&p.path.get_ident()?.to_string()),
        _ => None,
    }
}

/// A method of a library `impl u32 { .. }`: named `u32::name`, found by
/// method calls and `u32::name(..)` paths through `Items::instance_methods`.
pub(crate) fn add_primitive_method<'a>(
    items: &mut Items,
    syntax: &mut Syntax<'a>,
    m: &crate::walk::MethodDecl<'a>,
    s: hybrid_ir::Scalar,
    types: &mut TypeTable,
) {
    let f = m.f;
    let name = f.sig.ident.to_string();
    let t = types.insert(Type::Scalar(s));
    let mut decl = new_decl(format!("{}::{name}", types.display(t)), &f.sig, &f.block, m.on_host, m.on_device, false, None);
    decl.track_caller = crate::cfg::has_attr(&f.attrs, "track_caller");
    decl.module = m.module;
    decl.vis = Vis::Public;
    decl.self_ty = Some(t);
    items.instance_methods.insert((t, name), items.fns.len());
    items.fns.push(decl);
    syntax.sigs.push(&f.sig);
}

/// The collection of a library `impl<T> [T] { .. }` or `impl<T> Vec<T> { .. }`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Collection {
    /// `[T]`: its methods take `&self` / `&mut self` as `&[T]` / `&mut [T]`,
    /// and arrays and `Vec`s get them too (rustc's auto-deref).
    Slice,
    /// `Vec<T>` (host only).
    Vec,
}

/// The collection a library method's `impl` is for (`impl<T> [T]`,
/// `impl<T> Vec<T>`), when it is one.
pub(crate) fn collection_self(items: &Items, m: &crate::walk::MethodDecl<'_>) -> Option<Collection> {
    if !items.tree.in_library(m.module) || m.impl_of.is_some() {
        return None;
    }
    match m.self_ty {
        syn::Type::Slice(_) => Some(Collection::Slice),
        syn::Type::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 && p.path.segments[0].ident == "Vec" => Some(Collection::Vec),
        _ => None,
    }
}

/// A method of a library `impl<T> [T]` or `impl<T> Vec<T>`: generic over
/// the impl's parameters (`Self` its self type), found by method calls on
/// slices, arrays and `Vec`s through `Items::collection_methods`.
pub(crate) fn add_collection_method<'a>(items: &mut Items, syntax: &mut Syntax<'a>, m: &crate::walk::MethodDecl<'a>, c: Collection) {
    let f = m.f;
    let name = f.sig.ident.to_string();
    let owner = match c {
        Collection::Slice => "<[T]>",
        Collection::Vec => "Vec",
    };
    let id = items.fns.len();
    let mut decl = new_decl(format!("{owner}::{name}"), &f.sig, &f.block, m.on_host, m.on_device, false, None);
    decl.track_caller = crate::cfg::has_attr(&f.attrs, "track_caller");
    decl.module = m.module;
    decl.vis = Vis::Public;
    crate::resolve::set_method_generics(&mut decl, f);
    crate::resolve::set_impl_generics(&mut decl, id, m, syntax);
    let mut_self = f.sig.receiver().is_some_and(|r| crate::syntax::self_param(r) == crate::syntax::SelfParam::Ref { mutable: true });
    items.collection_methods.insert((c, name), (id, mut_self));
    items.fns.push(decl);
    syntax.sigs.push(&f.sig);
}

/// The library items the compiler itself names, by path below the library's
/// root and namespace: resolved once per compile into `Items::library_defs`
/// (`str_kind` asks for `str::Str` at every operator and method call; a path
/// resolution allocates).
pub const NAMED_BY_COMPILER: &[(&str, Ns)] = &[
    ("str::Str", Ns::Type),
    ("string::String", Ns::Type),
    ("option::Option", Ns::Type),
    ("result::Result", Ns::Type),
    ("boxed::Box", Ns::Type),
    ("slice::Iter", Ns::Type),
    ("slice::VecIntoIter", Ns::Type),
    ("ops::Range", Ns::Type),
    ("ops::RangeInclusive", Ns::Type),
    ("ops::Drop", Ns::Type),
    ("ops::Deref", Ns::Type),
    ("ops::DerefMut", Ns::Type),
    ("cmp::PartialOrd", Ns::Type),
    ("iter::Iterator", Ns::Type),
    ("iter::IntoIterator", Ns::Type),
    ("ptr::drop_in_place", Ns::Value),
    ("ptr::drop_vec", Ns::Value),
    ("dyn_object::vtable", Ns::Value),
    ("debug_derived::debug", Ns::Value),
    ("debug_derived::debug_pretty", Ns::Value),
];

impl Items {
    /// [`NAMED_BY_COMPILER`]'s items, resolved (`None`: not loaded).
    pub(crate) fn resolve_named_library_items(&self) -> FxHashMap<(&'static str, Ns), Option<Def>> {
        NAMED_BY_COMPILER.iter().map(|&(path, ns)| ((path, ns), self.resolve_library_path(path, ns))).collect()
    }

    fn resolve_library_path(&self, path: &str, ns: Ns) -> Option<Def> {
        let lib = self.tree.library?;
        let segs: Vec<(String, std::ops::Range<usize>)> = path.split("::").map(|s| (s.to_string(), 0..0)).collect();
        match self.tree.resolve_path(lib, &segs, ns) {
            Ok(Some(PathRes::Def(d))) => Some(d),
            _ => None,
        }
    }

    /// What namespace `ns` binds at `path` below the library's root
    /// (`option::Option`), when the library has it loaded.
    fn library_item(&self, path: &str, ns: Ns) -> Option<Def> {
        match self.library_defs.get(&(path, ns)) {
            Some(def) => def.clone(),
            None => self.resolve_library_path(path, ns),
        }
    }

    /// What the type namespace binds at `path` below the library's root.
    fn library_def(&self, path: &str) -> Option<Def> {
        self.library_item(path, Ns::Type)
    }

    /// The library's struct or enum at `path` (`option::Option`).
    pub fn library_type(&self, path: &str) -> Option<StructId> {
        match self.library_def(path)? {
            Def::Struct(sid) => Some(sid),
            _ => None,
        }
    }

    /// The library's function at `path` (`ptr::drop_in_place`).
    pub fn library_fn(&self, path: &str) -> Option<crate::resolve::FnId> {
        match self.library_item(path, Ns::Value)? {
            Def::Fn(f) => Some(f),
            _ => None,
        }
    }

    /// The library's trait at `path` (`iter::Iterator`).
    pub fn library_trait(&self, path: &str) -> Option<crate::generics::TraitId> {
        match self.library_def(path)? {
            Def::Trait(t) => Some(t),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_without_library_names_loads_only_the_root() {
        let files = files_for("fn main() { let x = 1u32 + 2; println!(\"{x}\"); }");
        assert_eq!(files.iter().map(|f| f.module).collect::<Vec<_>>(), [""]);
    }

    #[test]
    fn a_method_name_loads_its_file_and_what_it_needs() {
        let files = files_for("fn main() { let n = 10u32.div_ceil(3); }");
        // (int.rs's checked_* return Options, Option::ok_or a Result)
        assert_eq!(
            files.iter().map(|f| f.module).collect::<Vec<_>>(),
            ["", "cmp", "default", "mem", "option", "result", "num", "num::int"]
        );
    }

    #[test]
    fn range_loops_load_the_ranges_only_and_other_loops_the_iterators() {
        let modules = |p: &str| files_for(p).iter().map(|f| f.module).collect::<Vec<_>>();
        let ranges = modules("fn main() { for i in 0..3 { let s = &[1, 2][1..]; } }");
        assert!(ranges.contains(&"ops") && !ranges.contains(&"iter"), "{ranges:?}");
        let by_ref = modules("fn main() { let v = [1, 2]; for x in &v {} }");
        assert!(["iter", "iter::adapters", "iter::range", "ops", "slice"].iter().all(|m| by_ref.contains(m)), "{by_ref:?}");
        assert!(modules("fn main() { let v: Vec<u8> = (0..3).collect(); }").contains(&"iter"));
    }

    #[test]
    fn strings_load_for_string_values_and_words_not_for_format_strings() {
        let has_str = |p: &str| files_for(p).iter().any(|f| f.module == "str");
        assert!(!has_str("fn main() { let n = [1].len(); println!(\"{}\", n); }"));
        assert!(has_str("fn main() { let s = \"hi\"; }"));
        assert!(has_str("fn main() { let s = format!(\"{}\", 1); }"));
        assert!(has_str("fn f(s: &str) {}"));
        assert!(!has_str("fn main() { let c = c\"x\"; let b = b\"y\"; }"));
        assert!(!has_str("fn main() { assert!(1 < 2, \"msg {}\", 3); assert_eq!(f(1), 2, \"eq\"); }"));
        assert!(has_str("fn main() { g(1, \"x\"); }"));
        assert!(!has_str("#[cfg(target_os = \"linux\")]\nextern \"C\" { fn k(); }\nfn main() {}"));
    }

    #[test]
    fn missing_items_are_named() {
        let p = |s: &str| s.split("::").map(str::to_string).collect::<Vec<_>>();
        assert_eq!(
            missing(&p("core::collections::HashMap")).as_deref(),
            Some("`std::collections::HashMap` is not available in hybridc yet")
        );
        assert_eq!(missing(&p("Extend")).as_deref(), Some("`Extend` is not available in hybridc yet"));
        assert_eq!(missing(&p("core::mem::size_of")), None);
        assert_eq!(missing(&p("core::iterator")), None);
    }

    /// The name lists `build.rs` wrote are the ones of the embedded text.
    #[test]
    fn name_lists_match_the_text() {
        for f in FILES {
            let names: Vec<&str> = f.names.split_ascii_whitespace().collect();
            assert_eq!(names, crate::library_names::index_names(f.name, f.text), "{}", f.name);
        }
        let file_of = |name: &str| {
            names_index()
                .get(name)
                .map(|bits| FILES.iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, f)| f.name).collect::<Vec<_>>())
        };
        assert_eq!(file_of("extend_from_slice"), Some(vec!["vec.rs"]));
        // (a method of the iterator traits loads `iter`; a string method does not load the strings)
        assert!(file_of("map").is_some_and(|files| files.contains(&"iter.rs")));
        assert!(file_of("push_str").is_none_or(|files| !files.contains(&"string.rs")));
    }

    /// Each file, loaded with only what it needs, resolves: a missing
    /// `needs` entry shows up here as an unresolved path.
    #[test]
    fn every_file_resolves_with_its_needs() {
        for f in FILES.iter().filter(|f| !f.module.is_empty()) {
            let word = crate::library_names::defined_names(f.text, false).next().unwrap_or_default();
            let program = format!("fn main() {{}}\n// {word}\n");
            if let Err(e) = crate::compile(&program, "main.rs") {
                panic!("library module `{}` alone: {}", f.module, e.0[0].message);
            }
        }
    }

    #[test]
    fn every_need_names_a_listed_file_and_parents_come_first() {
        for (i, f) in FILES.iter().enumerate() {
            for need in f.needs {
                assert!(FILES.iter().any(|g| g.module == *need), "`{}` needs `{need}`, which is not listed", f.module);
            }
            if let Some((parent, _)) = f.module.rsplit_once("::") {
                let j = FILES.iter().position(|g| g.module == parent);
                assert!(j.is_some_and(|j| j < i), "`{}` comes before its parent", f.module);
            }
        }
    }
}
