//! The module tree and name resolution over it, as rustc resolves names.
//!
//! Every module has two namespaces (types: modules and structs; values:
//! functions, kernels, consts, `extern` declarations) of items it defines,
//! named imports (`use a::b as c;`, resolved on demand) and glob imports
//! (`use a::*;`, weaker than items and named imports). A path is resolved
//! from a module: `crate::`, `self::`, `super::`, or a first segment found
//! in the module's own scope (Rust 2018: no lookup in enclosing modules),
//! else an extern crate (`core`, `std`, `alloc`, `gpu`) or a primitive type
//! (`f32::MAX`), whose paths stay [`Def::Extern`] for the builtins to read.
//! Each segment after the first must be visible from the module the path
//! is written in (E0603).

use std::collections::HashMap;
use std::ops::Range;

use crate::diag::Diagnostic;
use crate::generics::TraitId;
use crate::resolve::{normalize_path, FnId, StructId};

pub type ModId = usize;

/// The crate root.
pub const ROOT: ModId = 0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ns {
    Type,
    Value,
}

/// What a name refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Def {
    Mod(ModId),
    Struct(StructId),
    Trait(TraitId),
    Fn(FnId),
    Const(usize),
    /// Variant `index` of the enum `StructId` (in both namespaces).
    Variant(StructId, usize),
    /// An `extern "C"` declaration that is not a kernel's.
    Foreign(Range<usize>),
    /// A path outside the program (`core::intrinsics::offload`, `f32::MAX`),
    /// `std` and `alloc` spelled `core`.
    Extern(Vec<String>),
}

impl Def {
    /// rustc's word for the item in "function `f` is private".
    pub fn kind(&self) -> &'static str {
        match self {
            Def::Mod(_) => "module",
            Def::Struct(_) => "struct",
            Def::Trait(_) => "trait",
            Def::Variant(..) => "variant",
            Def::Fn(_) | Def::Foreign(_) => "function",
            Def::Const(_) => "constant",
            Def::Extern(_) => "item",
        }
    }
}

/// Where an item may be named from: everywhere, or in a module and its
/// descendants (private items: their own module).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vis {
    Public,
    In(ModId),
}

#[derive(Clone, Debug)]
pub struct Binding {
    pub def: Def,
    pub vis: Vis,
    /// The item's head (`fn f(x: i32) -> i32`, `struct S`) or the import,
    /// for "defined here" notes.
    pub head: Range<usize>,
}

/// `use a::b::c as d;` (or a `self` in a group: `use a::b::{self}`, which
/// imports the module only).
#[derive(Clone, Debug)]
pub struct UseDecl {
    pub module: ModId,
    pub path: Vec<(String, Range<usize>)>,
    pub name: String,
    pub vis: Vis,
    /// The path as written, for errors.
    pub range: Range<usize>,
    pub types_only: bool,
}

/// `use a::b::*;`
#[derive(Clone, Debug)]
pub struct GlobDecl {
    pub module: ModId,
    pub path: Vec<(String, Range<usize>)>,
    pub vis: Vis,
    /// `a::b::*`, for errors and ambiguity notes.
    pub range: Range<usize>,
}

#[derive(Default)]
pub struct ModuleData {
    pub name: String,
    pub parent: Option<ModId>,
    /// `a::b` (empty for the root), the prefix of its items' IR names.
    pub path: String,
    pub types: HashMap<String, Binding>,
    pub values: HashMap<String, Binding>,
    /// Named imports by the name they bind.
    pub imports: HashMap<String, Vec<usize>>,
    pub globs: Vec<usize>,
    /// The items declared in a function's body (an anonymous module, as
    /// rustc's block scopes): names not found here are looked up in the
    /// enclosing module, and `self`/`super` are the enclosing module's.
    pub block: bool,
}

#[derive(Default)]
pub struct ModTree {
    pub modules: Vec<ModuleData>,
    pub uses: Vec<UseDecl>,
    pub globs: Vec<GlobDecl>,
    /// The block module of each block of a function body that declares
    /// items, by the offset of its `{`, with the offset of its `}` (the
    /// body's own block: its function's module).
    pub block_scopes: HashMap<usize, (usize, ModId)>,
    /// The variant names of each enum (enums are `Def::Struct`s).
    pub variants: HashMap<StructId, Vec<String>>,
    /// The root module of the standard library (the crate `core`), when
    /// mounted (`crate::library`).
    pub library: Option<ModId>,
    /// Its `prelude` module, whose names every module sees.
    pub prelude: Option<ModId>,
}

/// Deeper than this, a chain of imports is taken to be a cycle.
const MAX_DEPTH: u32 = 64;

const EXTERN_CRATES: &[&str] = &["core", "std", "alloc", "gpu", "libc"];

fn is_primitive(name: &str) -> bool {
    hybrid_ir::Scalar::from_name(name).is_some() || name == "Vec"
}

/// A path resolved up to its last segment's namespace lookup.
#[derive(Clone, Debug)]
pub enum PathRes {
    Def(Def),
    /// `S::name`: an associated item of a struct.
    Assoc(StructId, String),
    /// `Tr::name`: an item of a trait (`Default::default`, `Real::sqrt`).
    TraitItem(TraitId, String),
}

impl ModTree {
    pub fn new_module(&mut self, name: String, parent: Option<ModId>) -> ModId {
        let path = match parent {
            Some(p) if !self.modules[p].path.is_empty() => format!("{}::{name}", self.modules[p].path),
            _ => name.clone(),
        };
        self.modules.push(ModuleData { name, parent, path, ..ModuleData::default() });
        self.modules.len() - 1
    }

    /// The module at `path` (`a::b`, `""` for `root` itself) below `root`,
    /// following module items only.
    pub fn library_module(&self, root: ModId, path: &str) -> Option<ModId> {
        let mut cur = root;
        for seg in path.split("::").filter(|s| !s.is_empty()) {
            match self.modules[cur].types.get(seg).map(|b| &b.def) {
                Some(Def::Mod(m)) => cur = *m,
                _ => return None,
            }
        }
        Some(cur)
    }

    /// The full path of `rest` inside module `m` (`["core", "mem", "size_of"]`).
    fn path_in<'n>(&self, m: ModId, rest: impl IntoIterator<Item = &'n str>) -> Vec<String> {
        let mut full: Vec<String> = self.modules[m].path.split("::").map(str::to_string).collect();
        full.extend(rest.into_iter().map(str::to_string));
        full
    }

    /// Whether module `m` is part of the standard library.
    pub fn in_library(&self, m: ModId) -> bool {
        self.library.is_some_and(|lib| self.is_within(m, lib))
    }

    /// The root of the crate module `m` belongs to (the program's, or the
    /// library's).
    pub fn crate_root(&self, mut m: ModId) -> ModId {
        while let Some(p) = self.modules[m].parent {
            m = p;
        }
        m
    }

    /// The IR name of item `name` of module `m`: `a::b::name`.
    pub fn item_path(&self, m: ModId, name: &str) -> String {
        match self.modules[m].path.as_str() {
            "" => name.to_string(),
            p => format!("{p}::{name}"),
        }
    }

    /// Whether `m` is `ancestor` or inside it.
    pub fn is_within(&self, mut m: ModId, ancestor: ModId) -> bool {
        loop {
            if m == ancestor {
                return true;
            }
            match self.modules[m].parent {
                Some(p) => m = p,
                None => return false,
            }
        }
    }

    pub fn visible(&self, vis: Vis, from: ModId) -> bool {
        match vis {
            Vis::Public => true,
            Vis::In(m) => self.is_within(from, m),
        }
    }

    fn ns_map(&self, m: ModId, ns: Ns) -> &HashMap<String, Binding> {
        match ns {
            Ns::Type => &self.modules[m].types,
            Ns::Value => &self.modules[m].values,
        }
    }

    /// The binding of `name` in module `m`: its items, then its named
    /// imports, then its glob imports (two different globs: E0659 at `at`).
    fn lookup_depth(&self, m: ModId, name: &str, ns: Ns, at: &Range<usize>, depth: u32) -> Result<Option<Binding>, Diagnostic> {
        if depth > MAX_DEPTH {
            return Ok(None);
        }
        if let Some(b) = self.ns_map(m, ns).get(name) {
            return Ok(Some(b.clone()));
        }
        if let Some(list) = self.modules[m].imports.get(name) {
            for &u in list {
                if let Some(def) = self.resolve_use(u, ns, depth + 1)? {
                    let decl = &self.uses[u];
                    return Ok(Some(Binding { def, vis: decl.vis, head: decl.range.clone() }));
                }
            }
        }
        let mut found: Vec<(Binding, usize)> = Vec::new();
        for &g in &self.modules[m].globs {
            let decl = &self.globs[g];
            let Some(target) = self.resolve_module_path(decl.module, &decl.path, depth + 1)? else { continue };
            let candidate = match target {
                Def::Mod(t) => match self.lookup_depth(t, name, ns, at, depth + 1)? {
                    Some(b) if self.visible(b.vis, m) => Some(b.def),
                    // a builtin of a library module (`use std::mem::*; size_of::<T>()`)
                    None if ns == Ns::Value && self.in_library(t) => {
                        let full = self.path_in(t, [name]);
                        crate::lower::is_builtin_fn(&full.join("::")).then_some(Def::Extern(full))
                    }
                    _ => None,
                },
                Def::Struct(e) => self.variant(e, name).map(|v| Def::Variant(e, v)),
                Def::Extern(mut prefix) => {
                    prefix.push(name.to_string());
                    let joined = prefix.join("::");
                    let known = crate::lower::is_builtin_fn(&joined) || crate::consteval::assoc_const_path(&prefix).is_some();
                    (known && ns == Ns::Value).then_some(Def::Extern(prefix))
                }
                _ => None,
            };
            if let Some(def) = candidate {
                if !found.iter().any(|(b, _)| b.def == def) {
                    found.push((Binding { def, vis: decl.vis, head: decl.range.clone() }, g));
                }
            }
        }
        match found.len() {
            0 => match (self.modules[m].block, self.modules[m].parent) {
                (true, Some(p)) => self.lookup_depth(p, name, ns, at, depth + 1),
                _ => Ok(None),
            },
            1 => Ok(found.pop().map(|(b, _)| b)),
            _ => {
                let kind = found[0].0.def.kind();
                let mut d = Diagnostic::at(Some("E0659"), format!("`{name}` is ambiguous"), at.clone(), "ambiguous name")
                    .note("ambiguous because of multiple glob imports of a name in the same module");
                for (i, (_, g)) in found.iter().enumerate() {
                    let also = if i == 0 { "" } else { "also " };
                    d = d.span_note(self.globs[*g].range.clone(), format!("`{name}` could {also}refer to the {kind} imported here"));
                }
                Err(d.help(format!("consider adding an explicit import of `{name}` to disambiguate")))
            }
        }
    }

    /// A name of the library's prelude (weaker than every name in scope).
    fn lookup_prelude(&self, name: &str, ns: Ns, at: &Range<usize>, depth: u32) -> Result<Option<Binding>, Diagnostic> {
        match self.prelude {
            Some(p) => self.lookup_depth(p, name, ns, at, depth + 1),
            None => Ok(None),
        }
    }

    /// What a named import binds in namespace `ns`, if anything.
    pub fn resolve_use(&self, u: usize, ns: Ns, depth: u32) -> Result<Option<Def>, Diagnostic> {
        let decl = &self.uses[u];
        if decl.types_only && ns == Ns::Value {
            return Ok(None);
        }
        match self.resolve_path_depth(decl.module, &decl.path, ns, depth)? {
            Some(PathRes::Def(d)) => Ok(Some(d)),
            _ => Ok(None),
        }
    }

    /// A path naming a module (or an extern crate's module), for globs.
    fn resolve_module_path(&self, from: ModId, path: &[(String, Range<usize>)], depth: u32) -> Result<Option<Def>, Diagnostic> {
        if path.is_empty() {
            return Ok(Some(Def::Mod(from)));
        }
        match self.resolve_path_depth(from, path, Ns::Type, depth)? {
            Some(PathRes::Def(d @ (Def::Mod(_) | Def::Extern(_)))) => Ok(Some(d)),
            Some(PathRes::Def(Def::Struct(e))) if self.variants.contains_key(&e) => Ok(Some(Def::Struct(e))),
            _ => Ok(None),
        }
    }

    /// Resolve a path from module `from`, its last segment in `ns`. `Ok(None)`:
    /// the last segment is not found (the caller reports it as fits the
    /// context); errors in earlier segments are reported here.
    pub fn resolve_path(&self, from: ModId, path: &[(String, Range<usize>)], ns: Ns) -> Result<Option<PathRes>, Diagnostic> {
        self.resolve_path_depth(from, path, ns, 0)
    }

    fn resolve_path_depth(&self, from: ModId, path: &[(String, Range<usize>)], ns: Ns, depth: u32) -> Result<Option<PathRes>, Diagnostic> {
        if depth > MAX_DEPTH || path.is_empty() {
            return Ok(None);
        }
        let extern_path = |segs: &[(String, Range<usize>)]| {
            let mut v: Vec<String> = segs.iter().map(|(s, _)| s.clone()).collect();
            normalize_path(&mut v);
            Ok(Some(PathRes::Def(Def::Extern(v))))
        };
        let mut cur = from;
        let mut i = 0;
        // `self` and `super` of a function body's items are those of the enclosing module
        while self.modules[cur].block && matches!(path[0].0.as_str(), "self" | "super") {
            match self.modules[cur].parent {
                Some(p) => cur = p,
                None => break,
            }
        }
        // leading `crate`, `self`, `super`s
        match path[0].0.as_str() {
            "crate" => {
                cur = self.crate_root(cur);
                i = 1;
            }
            "self" => i = 1,
            "super" => {
                while i < path.len() && path[i].0 == "super" {
                    match self.modules[cur].parent {
                        Some(p) => cur = p,
                        None => {
                            return Err(Diagnostic::at(
                                Some("E0433"),
                                "too many leading `super` keywords",
                                path[i].1.clone(),
                                "there are too many leading `super` keywords",
                            ))
                        }
                    }
                    i += 1;
                }
            }
            first => {
                if path.len() == 1 {
                    let found = match self.lookup_depth(from, first, ns, &path[0].1, depth)? {
                        Some(b) => Some(b),
                        None => self.lookup_prelude(first, ns, &path[0].1, depth)?,
                    };
                    if found.is_none() {
                        missing_in_library(&[first.to_string()], &path[0].1)?;
                    }
                    return Ok(found.map(|b| PathRes::Def(b.def)));
                }
                let found = match self.lookup_depth(from, first, Ns::Type, &path[0].1, depth)? {
                    Some(b) => Some(b),
                    None => match self.library {
                        Some(lib) if matches!(first, "core" | "std" | "alloc") => {
                            Some(Binding { def: Def::Mod(lib), vis: Vis::Public, head: path[0].1.clone() })
                        }
                        _ if EXTERN_CRATES.contains(&first) => None,
                        _ => self.lookup_prelude(first, Ns::Type, &path[0].1, depth)?,
                    },
                };
                match found {
                    Some(b) => match b.def {
                        Def::Mod(m) => {
                            cur = m;
                            i = 1;
                        }
                        Def::Struct(s) if path.len() == 2 => return Ok(Some(self.assoc_or_variant(s, &path[1].0))),
                        Def::Trait(t) if path.len() == 2 => return Ok(Some(PathRes::TraitItem(t, path[1].0.clone()))),
                        Def::Extern(mut prefix) => {
                            prefix.extend(path[1..].iter().map(|(s, _)| s.clone()));
                            return Ok(Some(PathRes::Def(Def::Extern(prefix))));
                        }
                        _ => return Err(not_a_module(&path[0])),
                    },
                    None if EXTERN_CRATES.contains(&first) || is_primitive(first) => return extern_path(path),
                    None => {
                        missing_in_library(&[first.to_string()], &path[0].1)?;
                        return Err(Diagnostic::at(
                            Some("E0433"),
                            format!("cannot find module or crate `{first}` in this scope"),
                            path[0].1.clone(),
                            format!("use of unresolved module or unlinked crate `{first}`"),
                        )
                        .help(format!("you might be missing a crate named `{first}`")));
                    }
                }
            }
        }
        if i >= path.len() {
            // `crate`, `self`, `super` alone name a module
            return Ok((ns == Ns::Type).then_some(PathRes::Def(Def::Mod(cur))));
        }
        while i < path.len() {
            let (name, range) = &path[i];
            let last = i + 1 == path.len();
            let want = if last { ns } else { Ns::Type };
            let Some(b) = self.lookup_depth(cur, name, want, range, depth + 1)? else {
                if self.in_library(cur) {
                    // FIXME(builtins in the library): what the library does
                    // not define yet is a builtin of the compiler
                    let full = self.path_in(cur, path[i..].iter().map(|(s, _)| s.as_str()));
                    missing_in_library(&full, &(path[i].1.start..path[path.len() - 1].1.end))?;
                    return Ok(Some(PathRes::Def(Def::Extern(full))));
                }
                if last {
                    return Ok(None);
                }
                return Err(Diagnostic::at(
                    Some("E0433"),
                    format!("cannot find `{name}` in `{}`", self.shown(cur)),
                    range.clone(),
                    format!("could not find `{name}` in `{}`", self.shown(cur)),
                ));
            };
            if !self.visible(b.vis, from) {
                return Err(self.private(name, &b, range));
            }
            if last {
                return Ok(Some(PathRes::Def(b.def)));
            }
            match b.def {
                Def::Mod(m) => cur = m,
                Def::Struct(s) if i + 2 == path.len() => return Ok(Some(self.assoc_or_variant(s, &path[i + 1].0))),
                Def::Trait(t) if i + 2 == path.len() => return Ok(Some(PathRes::TraitItem(t, path[i + 1].0.clone()))),
                Def::Extern(mut prefix) => {
                    prefix.extend(path[i + 1..].iter().map(|(s, _)| s.clone()));
                    return Ok(Some(PathRes::Def(Def::Extern(prefix))));
                }
                _ => return Err(not_a_module(&path[i])),
            }
            i += 1;
        }
        Ok(None)
    }

    /// The index of variant `name` of enum `e`.
    pub fn variant(&self, e: StructId, name: &str) -> Option<usize> {
        self.variants.get(&e)?.iter().position(|v| v == name)
    }

    /// `S::name`: a variant of enum `S`, else an associated item.
    fn assoc_or_variant(&self, s: StructId, name: &str) -> PathRes {
        match self.variant(s, name) {
            Some(v) => PathRes::Def(Def::Variant(s, v)),
            None => PathRes::Assoc(s, name.to_string()),
        }
    }

    /// How rustc names a module in messages: `crate` for the root.
    pub fn shown(&self, m: ModId) -> String {
        if m == ROOT {
            "crate".into()
        } else {
            self.modules[m].name.clone()
        }
    }

    /// E0603 for a binding not visible where it is named.
    pub fn private(&self, name: &str, b: &Binding, at: &Range<usize>) -> Diagnostic {
        let kind = b.def.kind();
        Diagnostic::at(Some("E0603"), format!("{kind} `{name}` is private"), at.clone(), format!("private {kind}"))
            .span_note(b.head.clone(), format!("the {kind} `{name}` is defined here"))
    }
}

/// An error for a name of Rust's standard library that hybridc's does
/// not have yet (`crate::library::missing`).
fn missing_in_library(path: &[String], at: &Range<usize>) -> Result<(), Diagnostic> {
    match crate::library::missing(path) {
        Some(msg) => Err(Diagnostic::at(None, msg, at.clone(), "not in hybridc's standard library yet")
            .note("docs/language.md lists what the library has")),
        None => Ok(()),
    }
}

fn not_a_module((name, range): &(String, Range<usize>)) -> Diagnostic {
    Diagnostic::at(Some("E0433"), format!("`{name}` is not a module"), range.clone(), format!("`{name}` is not a module"))
}
