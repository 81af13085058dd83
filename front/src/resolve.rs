//! Item collection and name tables: functions, kernels and their extern
//! declarations, structs with their methods, consts and `use`s, per side;
//! signatures and struct fields converted to IR types, every const
//! evaluated.
//!
//! The items of every module are collected into one table; names are
//! bound in the module tree ([`crate::modtree`]), where every path is
//! resolved. The resulting [`Items`] refers to no syntax tree (bodies are
//! byte ranges of the source), so it is shared by the threads that lower
//! the bodies.

use std::collections::HashMap;
use std::ops::Range;

use hybrid_ir::{Function, Handle, StructDef, Type, TypeTable};
use syn::spanned::Spanned;

use crate::cfg::{self, Side};
use crate::consteval::{self, ConstEnv, ConstValue};
use crate::diag::{range_of, DResult, Diagnostic};
use crate::generics::{Generics, ImplInfo, TraitId, TraitInfo};
use crate::modtree::{Binding, Def, ModId, ModTree, Ns, PathRes, Vis, ROOT};
use crate::syntax::SelfParam;
use crate::types::is_plain_data;
use crate::walk::Walk;

pub type FnId = usize;
pub type StructId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelfKind {
    Value,
    Ref,
    RefMut,
}

pub struct ParamDecl {
    pub name: String,
    pub ty: Handle<Type>,
    pub mutable: bool,
    pub range: Range<usize>,
    /// A destructuring pattern (`(a, b): (i32, i32)`): its source range,
    /// parsed again with the body. The parameter itself is then unnamed.
    pub pattern: Option<Range<usize>>,
}

/// A function with a body: a free function, a kernel or a method.
pub struct FnDecl {
    /// The IR name: `saxpy`, `Vec3::dot`.
    pub name: String,
    /// The body `{ .. }` in the source, braces included.
    pub body: Range<usize>,
    /// The name's range, for diagnostics.
    pub range: Range<usize>,
    /// From `fn` to the parameter list's `)`, for arity errors.
    pub sig_range: Range<usize>,
    /// The return type (`-> T`, or where it would be), for type errors.
    pub output_range: Range<usize>,
    pub on_host: bool,
    pub on_device: bool,
    pub is_kernel: bool,
    /// A kernel declared on the host by an `extern "C"` block.
    pub host_declared: bool,
    pub is_unsafe: bool,
    pub owner: Option<StructId>,
    /// The module whose scope the body's paths are resolved in.
    pub module: ModId,
    pub vis: Vis,
    pub receiver: Option<SelfKind>,
    /// Non-generic functions only: a generic one's are those of its
    /// instances (`crate::generics`).
    pub params: Vec<ParamDecl>,
    pub ret: Handle<Type>,
    /// Non-generic functions only: the IR function (generic ones have one
    /// per instance, numbered after all others by the mono collector).
    pub handle: Handle<Function>,
    /// The type and const parameters of a generic function.
    pub generics: Option<Box<Generics>>,
    /// `Self` of a method (a struct or, in a trait impl, a primitive type);
    /// `None` for free functions and trait default methods (whose `Self`
    /// is their first type parameter).
    pub self_ty: Option<Handle<Type>>,
    /// The trait impl (index into `Items::impls`) of a trait method, or the
    /// trait of a default method.
    pub in_impl: Option<usize>,
    pub in_trait: Option<TraitId>,
    /// `-> impl Trait`: the return type is the body's (`Items::opaque_rets`).
    pub opaque_ret: bool,
    /// A non-generic function of the library: lowered only when a body
    /// uses it, its handle given then (uses are recorded like instances').
    pub lazy: bool,
    /// `#[track_caller]`: its panics report the location of its call; each
    /// call site gets its own instance (`crate::mono`).
    pub track_caller: bool,
}

impl FnDecl {
    pub fn is_generic(&self) -> bool {
        self.generics.is_some()
    }
    /// The name rustc shows in messages: the last path segment.
    pub fn short_name(&self) -> &str {
        self.name.rsplit("::").next().unwrap_or(&self.name)
    }
}

pub struct StructInfo {
    pub name: String,
    /// The name's range.
    pub range: Range<usize>,
    pub def: Handle<StructDef>,
    pub ty: Handle<Type>,
    pub methods: HashMap<String, FnId>,
    /// Inherent associated consts (`impl S { const N: usize = 4; }`).
    pub consts: Vec<crate::generics::AssocConst>,
    pub module: ModId,
    /// Named, tuple or unit struct, or an enum with its variants.
    pub kind: crate::enums::StructKind,
    /// The traits of its `#[derive(..)]` (last path segments).
    pub derives: Vec<String>,
    /// Its fields' sites (one list; an enum's: one per variant), for `dead_types.rs`.
    pub field_sites: Vec<Vec<crate::dead_types::FieldSite>>,
    /// The names of its type parameters (a generic struct has no IR type of
    /// its own: each instance `S<args>` is one; see `Items::templates`).
    pub params: Vec<String>,
    /// Per parameter: the type of a const parameter (`const N: usize`),
    /// `None` for a type parameter.
    pub const_params: Vec<Option<hybrid_ir::Scalar>>,
}

pub struct ConstDecl {
    pub name: String,
    pub module: ModId,
    pub ty: Option<hybrid_ir::Scalar>,
    /// Set by the const pass of [`collect`] (`None` only for a const whose
    /// evaluation failed, and then `collect` fails; and for a const of a
    /// non-scalar type, which has none).
    pub value: Option<ConstValue>,
    /// The source ranges of the declared type and of the value: a const of
    /// a non-scalar type (`const ZERO: Vec3 = Vec3 { .. };`, `[f32; 3]`) is
    /// its expression, lowered again at each use (as rustc inlines it).
    pub text: (Range<usize>, Range<usize>),
}

pub struct Items {
    pub fns: Vec<FnDecl>,
    pub structs: Vec<StructInfo>,
    pub consts: Vec<ConstDecl>,
    pub traits: Vec<TraitInfo>,
    pub impls: Vec<ImplInfo>,
    /// The generic structs' field templates, by struct id.
    pub templates: std::sync::Arc<Vec<Option<crate::infer::StructTemplate>>>,
    /// Methods of `impl S<f32> { .. }` blocks: one instance's, by its type.
    pub instance_methods: HashMap<(Handle<Type>, String), FnId>,
    /// Methods of the library's `impl<T> [T] { .. }` and `impl<T> Vec<T> { .. }`,
    /// with whether they take `&mut self`.
    pub collection_methods: HashMap<(crate::library::Collection, String), (FnId, bool)>,
    /// The return types of `-> impl Trait` functions, known once their
    /// bodies are lowered (a first pass of the mono collector).
    pub opaque_rets: std::sync::RwLock<HashMap<FnId, Handle<Type>>>,
    /// The modules, their names and imports.
    pub tree: ModTree,
    pub main: Option<FnId>,
    /// The program's `macro_rules!`, for the bodies.
    pub macros: crate::expand::MacroTable,
    /// The library items the compiler names ([`crate::library::NAMED_BY_COMPILER`]),
    /// resolved once the module tree is complete.
    pub library_defs: rustc_hash::FxHashMap<(&'static str, Ns), Option<Def>>,
}

/// The syntax behind [`Items`], needed only while collecting: indexed like
/// `Items::fns`, `Items::structs` and `Items::consts`.
#[derive(Default)]
pub struct Syntax<'a> {
    pub sigs: Vec<&'a syn::Signature>,
    /// `None` for an enum (its syntax is in `enums`).
    pub structs: Vec<Option<&'a syn::ItemStruct>>,
    pub enums: Vec<(StructId, &'a syn::ItemEnum)>,
    pub consts: Vec<&'a syn::ItemConst>,
    pub traits: Vec<&'a syn::ItemTrait>,
    pub impls: Vec<&'a syn::ItemImpl>,
    /// The generic `impl` block of each method of one (by function id).
    pub generic_impls: HashMap<FnId, &'a syn::ItemImpl>,
    /// Associated consts of `impl` blocks (trait and inherent ones).
    pub impl_consts: Vec<crate::assoc::ImplConstDecl<'a>>,
}

pub struct ForeignDecl<'a> {
    pub name: String,
    pub module: ModId,
    pub vis: Vis,
    pub head: Range<usize>,
    pub sig: &'a syn::Signature,
    pub on_host: bool,
    pub range: Range<usize>,
}

pub fn sides(attrs: &[syn::Attribute]) -> DResult<(bool, bool)> {
    Ok((cfg::active(attrs, Side::Host)?, cfg::active(attrs, Side::Device)?))
}

/// Normalize a path's segments: `std` and `alloc` read as `core`.
pub fn normalize_path(segs: &mut [String]) {
    if let Some(first) = segs.first_mut() {
        if first == "std" || first == "alloc" {
            *first = "core".into();
        }
    }
}

/// The segments of a path with their ranges.
pub fn path_segs(path: &syn::Path) -> Vec<(String, Range<usize>)> {
    path.segments.iter().map(|s| (s.ident.to_string(), range_of(&s.ident))).collect()
}

impl Items {
    /// Resolve a path written in module `module` (see [`ModTree::resolve_path`]);
    /// `::a::b` names an extern crate's item.
    pub fn resolve(&self, module: ModId, path: &syn::Path, ns: Ns) -> DResult<Option<PathRes>> {
        let segs = path_segs(path);
        if path.leading_colon.is_some() {
            // `::core::a::b`: in the library when it has the item
            if let (Some(lib), Some((first, _))) = (self.tree.library, segs.first()) {
                if matches!(first.as_str(), "core" | "std" | "alloc") && segs.len() > 1 {
                    if let Ok(Some(found)) = self.tree.resolve_path(lib, &segs[1..], ns) {
                        return Ok(Some(found));
                    }
                }
            }
            let mut v: Vec<String> = segs.into_iter().map(|(s, _)| s).collect();
            normalize_path(&mut v);
            return Ok(Some(PathRes::Def(Def::Extern(v))));
        }
        self.tree.resolve_path(module, &segs, ns)
    }

    /// The const a path names, if it names one.
    pub fn const_at(&self, module: ModId, path: &syn::Path) -> DResult<Option<usize>> {
        match self.resolve(module, path, Ns::Value)? {
            Some(PathRes::Def(Def::Const(i))) => Ok(Some(i)),
            _ => Ok(None),
        }
    }

    pub fn evaluated(&self, idx: usize) -> DResult<ConstValue> {
        let c = &self.consts[idx];
        match c.ty {
            None => Err(Diagnostic::unsupported("a non-scalar `const` inside a const expression", c.text.0.clone())),
            Some(_) => c.value.ok_or_else(|| Diagnostic::ice(format!("the constant `{}` was not evaluated", c.name))),
        }
    }
}

/// The item table seen from one module, for const evaluation, with the
/// const generic parameters in scope.
pub struct InModule<'a> {
    pub items: &'a Items,
    pub module: ModId,
    pub params: &'a [(String, ConstValue)],
}

impl ConstEnv for InModule<'_> {
    fn const_index(&self, path: &syn::Path) -> DResult<Option<usize>> {
        self.items.const_at(self.module, path)
    }

    fn const_value(&self, idx: usize) -> DResult<ConstValue> {
        self.items.evaluated(idx)
    }

    fn const_type(&self, idx: usize) -> Option<hybrid_ir::Scalar> {
        self.items.consts[idx].ty
    }

    fn param_value(&self, name: &str) -> Option<ConstValue> {
        self.params.iter().rev().find(|(n, _)| n == name).map(|(_, v)| *v)
    }

    fn assoc_value(&self, path: &syn::Path) -> Option<(ConstValue, hybrid_ir::Scalar)> {
        match self.items.resolve(self.module, path, Ns::Value) {
            Ok(Some(PathRes::Assoc(sid, name))) => self.items.structs[sid].consts.iter().find(|c| c.name == name).map(|c| (c.value, c.ty)),
            _ => None,
        }
    }
}

/// Collect the items of all modules for both sides: `files[0]` is the
/// crate root, `mod_files` maps each `mod m;` item (by the offset of its
/// name) to its file.
pub fn collect(
    source: &str,
    files: &[syn::File],
    sources: &crate::source::SourceFiles,
    types: &mut TypeTable,
) -> Result<Items, Vec<Diagnostic>> {
    let (mod_files, library) = (&sources.mod_files, &sources.library[..]);
    let mut tree = ModTree::default();
    tree.new_module(String::new(), None);
    let expansion = crate::expand::expand_crate(source, files, mod_files, library);
    let macros = crate::expand::MacroTable { fns: HashMap::new(), ..expansion.table.clone() };
    let items = Items {
        fns: Vec::new(),
        structs: Vec::new(),
        consts: Vec::new(),
        traits: Vec::new(),
        impls: Vec::new(),
        templates: Default::default(),
        instance_methods: HashMap::new(),
        collection_methods: HashMap::new(),
        opaque_rets: Default::default(),
        tree,
        main: None,
        macros,
        library_defs: Default::default(),
    };
    let mut walk = Walk {
        items,
        syntax: Syntax::default(),
        foreign: Vec::new(),
        methods: Vec::new(),
        mod_files,
        files,
        expansion: &expansion,
        derived: crate::walk::derived_items(files, sources),
        errors: expansion.errors.clone(),
    };
    if let Some(root) = files.first() {
        walk.module(&root.items, ROOT, (true, true));
    }
    walk.library(library);
    let Walk { mut items, mut syntax, foreign, methods, mut errors, .. } = walk;
    if !errors.is_empty() {
        // the tables are incomplete (an item that failed is missing)
        return Err(expansion.annotate(errors));
    }
    errors.extend(check_imports(&items.tree));
    // consts' types, then values (struct fields and signatures may use them)
    for (c, item) in items.consts.iter_mut().zip(&syntax.consts) {
        c.ty = match &*item.ty {
            syn::Type::Path(p) => p.path.get_ident().and_then(|i| hybrid_ir::Scalar::from_name(&i.to_string())),
            _ => None,
        };
    }
    let const_errors = consteval::evaluate_consts(&mut items, &syntax.consts);
    if !const_errors.is_empty() {
        errors.extend(const_errors);
        return Err(expansion.annotate(errors));
    }
    // struct fields
    // generic enums' templates before the fields that name their instances
    errors.extend(crate::structs::allocate_structs(&mut items, &syntax.structs, types));
    errors.extend(crate::enums::define_enums(&mut items, &syntax.enums, types, true));
    errors.extend(crate::structs::define_struct_fields(&mut items, &syntax.structs, types));
    errors.extend(crate::enums::define_enums(&mut items, &syntax.enums, types, false));
    if let Err(e) = crate::structs::check_struct_cycles(&items, types) {
        errors.push(e);
    }
    errors.extend(crate::traits::define_impls(&mut items, &syntax, types));
    errors.extend(crate::impl_checks::check_derived_copy(&items, &syntax.structs, types));
    errors.extend(crate::impl_checks::check_supertraits(&items, &syntax, types));
    if !errors.is_empty() {
        // an impl that failed has no trait or type: its methods cannot be registered
        return Err(expansion.annotate(errors));
    }
    // methods
    for m in methods {
        if let Some(index) = m.impl_of {
            if let Err(e) = crate::traits::add_trait_impl_method(&mut items, &mut syntax, index, &m, types) {
                errors.push(e);
            }
            continue;
        }
        if let Some(s) = crate::library::primitive_self(&items, &m) {
            crate::library::add_primitive_method(&mut items, &mut syntax, &m, s, types);
            continue;
        }
        if let Some(c) = crate::library::collection_self(&items, &m) {
            crate::library::add_collection_method(&mut items, &mut syntax, &m, c);
            continue;
        }
        let owner_range = range_of(m.self_ty);
        let sid = match m.self_ty {
            syn::Type::Path(p) if p.qself.is_none() => match items.resolve(m.module, &p.path, Ns::Type) {
                Ok(Some(PathRes::Def(Def::Struct(sid)))) => sid,
                Ok(_) => {
                    let shown = path_segs(&p.path).into_iter().map(|(s, _)| s).collect::<Vec<_>>().join("::");
                    errors.push(Diagnostic::at(
                        Some("E0425"),
                        format!("cannot find type `{shown}` in this scope"),
                        owner_range,
                        "not found in this scope",
                    ));
                    continue;
                }
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            },
            other => {
                errors.push(Diagnostic::unsupported("an `impl` for this type", range_of(other)));
                continue;
            }
        };
        let f = m.f;
        let name = f.sig.ident.to_string();
        if items.structs[sid].methods.contains_key(&name) {
            errors.push(Diagnostic::at(
                Some("E0592"),
                format!("duplicate definitions with name `{name}`"),
                range_of(&f.sig.ident),
                format!("duplicate definitions for `{name}`"),
            ));
            continue;
        }
        let id = items.fns.len();
        let owner = items.structs[sid].name.clone();
        let mut decl = new_decl(format!("{owner}::{name}"), &f.sig, &f.block, m.on_host, m.on_device, false, Some(sid));
        decl.track_caller = cfg::has_attr(&f.attrs, "track_caller");
        decl.module = m.module;
        decl.vis = match &f.vis {
            syn::Visibility::Public(_) => Vis::Public,
            // FIXME(pub(in path) on methods): read as private to the impl's module
            _ => Vis::In(m.module),
        };
        set_method_generics(&mut decl, f);
        if items.structs[sid].params.is_empty() {
            decl.self_ty = Some(items.structs[sid].ty);
        } else if m.block.generics.params.is_empty() {
            // `impl Vec2<f32> { .. }`: methods of that instance only
            let t = match items.ir_type(m.self_ty, types, None, m.module) {
                Ok(t) => t,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            decl.name = format!("{}::{name}", types.display(t));
            decl.self_ty = Some(t);
            items.instance_methods.insert((t, name), id);
            items.fns.push(decl);
            syntax.sigs.push(&f.sig);
            continue;
        } else {
            // `impl<T: B> S<T>`: generic over the impl's parameters, `Self` = `S<T>`
            set_impl_generics(&mut decl, id, &m, &mut syntax);
        }
        items.fns.push(decl);
        syntax.sigs.push(&f.sig);
        items.structs[sid].methods.insert(name, id);
    }
    errors.extend(crate::fn_generics::define_all_generics(&mut items, &syntax));
    errors.extend(crate::assoc::define_assoc_consts(&mut items, &syntax, types));
    if errors.is_empty() {
        errors.extend(crate::traits::check_impls_complete(&items, types));
        errors.extend(crate::traits::check_blanket_overlaps(&items, types));
    }
    // what each function's body needs to expand its macros
    for (id, sig) in syntax.sigs.iter().enumerate() {
        if let Some(tag) = expansion.tag(sig) {
            items.macros.fns.insert(id, tag.clone());
        }
    }
    // signatures of the non-generic functions, which get the first IR
    // function handles in item order (instances follow: `crate::mono`)
    let mut next_handle = 0;
    for id in 0..items.fns.len() {
        if items.fns[id].is_generic() {
            continue;
        }
        if let Err(e) = convert_signature(&mut items, id, syntax.sigs[id], types) {
            errors.push(e);
            // its types are unknown: `ret` must not be read
            items.fns[id].ret = types.unit();
        }
        // the library's functions get theirs when first used (`crate::mono`)
        if items.tree.in_library(items.fns[id].module) {
            items.fns[id].lazy = true;
            continue;
        }
        items.fns[id].handle = Handle::from_index(next_handle);
        next_handle += 1;
    }
    // extern declarations of kernels
    for decl in foreign {
        if let Err(e) = link_foreign(&mut items, &decl, types) {
            errors.push(e);
        }
    }
    if let Err(e) = crate::kernels::check_kernel_symbols(&items) {
        errors.push(e);
    }
    match items.tree.modules[ROOT].values.get("main").map(|b| b.def.clone()) {
        Some(Def::Fn(id)) if items.fns[id].on_host && !items.fns[id].is_generic() => {
            let f = &items.fns[id];
            let plain = f.params.is_empty() && (matches!(types.get(f.ret), Type::Unit) || is_result_main(types, f.ret));
            if !plain && !crate::libc::is_c_main(f, types) {
                errors.push(Diagnostic::at(Some("E0580"), "`main` function has wrong type", f.range.clone(), "expected `fn()`"));
            }
            items.main = Some(id);
        }
        _ => errors.push(
            Diagnostic::error(Some("E0601"), "`main` function not found in crate")
                .note("the program needs a `fn main() { .. }` on the host side"),
        ),
    }
    if errors.is_empty() {
        items.library_defs = items.resolve_named_library_items();
        Ok(items)
    } else {
        Err(expansion.annotate(errors))
    }
}

/// Whether `ret` is `Result<(), E>` (the library's): `fn main() -> Result<(), E>`,
/// whose body the lowering wraps (`lower::lower_function`).
pub(crate) fn is_result_main(types: &TypeTable, ret: Handle<Type>) -> bool {
    types.display(ret).starts_with("core::result::Result<(), ")
}

/// A method of the methods of generic functions: its signature's text.
pub(crate) fn set_method_generics(decl: &mut FnDecl, f: &syn::ImplItemFn) {
    if has_generics(&f.sig) {
        decl.generics =
            Some(Box::new(Generics { sig: sig_start(&f.sig)..crate::ranges::block_range(&f.block).start, ..Default::default() }));
    }
}

/// Method `id` of a generic impl (`impl<T> S<T>`, `impl<T> Tr for S<T>`,
/// `impl<T: B> Tr for T`): generic over the impl's parameters, its `Self`
/// the impl's self type converted with them bound.
pub(crate) fn set_impl_generics<'a>(decl: &mut FnDecl, id: FnId, m: &crate::walk::MethodDecl<'a>, syntax: &mut Syntax<'a>) {
    let f = m.f;
    let sig = sig_start(&f.sig)..crate::ranges::block_range(&f.block).start;
    let g = decl.generics.get_or_insert_with(|| Box::new(Generics { sig, ..Default::default() }));
    g.impl_self = Some(range_of(m.self_ty));
    syntax.generic_impls.insert(id, m.block);
}

/// Every import must name something (E0432) that it may name (E0603).
fn check_imports(tree: &ModTree) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (u, decl) in tree.uses.iter().enumerate() {
        let t = tree.resolve_use(u, Ns::Type, 0);
        let v = tree.resolve_use(u, Ns::Value, 0);
        match (t, v) {
            // (an import that names something in one namespace is fine)
            (Ok(Some(_)), _) | (_, Ok(Some(_))) => {}
            (Err(e), _) | (_, Err(e)) => errors.push(e),
            (Ok(None), Ok(None)) => {
                let shown = decl.path.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>().join("::");
                let name = decl.path.last().map(|(s, _)| s.clone()).unwrap_or_default();
                let prefix = &decl.path[..decl.path.len().saturating_sub(1)];
                let label = match tree.resolve_path(decl.module, prefix, Ns::Type) {
                    _ if prefix.is_empty() => format!("no external crate `{name}`"),
                    Ok(Some(PathRes::Def(Def::Mod(crate::modtree::ROOT)))) => format!("no `{name}` in the root"),
                    Ok(Some(PathRes::Def(Def::Mod(m)))) => format!("no `{name}` in `{}`", tree.modules[m].path),
                    _ => format!("no `{name}` found"),
                };
                errors.push(Diagnostic::at(Some("E0432"), format!("unresolved import `{shown}`"), decl.range.clone(), label));
            }
        }
    }
    for decl in &tree.globs {
        let ok = decl.path.is_empty()
            || matches!(tree.resolve_path(decl.module, &decl.path, Ns::Type), Ok(Some(PathRes::Def(Def::Mod(_) | Def::Extern(_)))))
            || matches!(tree.resolve_path(decl.module, &decl.path, Ns::Type), Ok(Some(PathRes::Def(Def::Struct(e)))) if tree.variants.contains_key(&e));
        if let Err(e) = tree.resolve_path(decl.module, &decl.path, Ns::Type) {
            errors.push(e);
        } else if !ok {
            let shown = decl.path.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>().join("::");
            errors.push(Diagnostic::at(Some("E0432"), format!("unresolved import `{shown}`"), decl.range.clone(), "not a module"));
        }
    }
    errors
}

pub(crate) fn new_decl(
    name: String,
    sig: &syn::Signature,
    body: &syn::Block,
    on_host: bool,
    on_device: bool,
    is_kernel: bool,
    owner: Option<StructId>,
) -> FnDecl {
    FnDecl {
        name,
        body: crate::ranges::block_range(body),
        range: range_of(&sig.ident),
        sig_range: sig_range(sig),
        output_range: range_of(&sig.output),
        on_host,
        on_device,
        is_kernel,
        host_declared: false,
        is_unsafe: matches!(sig.safety, syn::Safety::Unsafe(_)),
        owner,
        module: ROOT,
        vis: Vis::Public,
        receiver: None,
        params: Vec::new(),
        ret: Handle::from_index(0),
        handle: Handle::from_index(0),
        generics: None,
        self_ty: None,
        in_impl: None,
        in_trait: None,
        opaque_ret: false,
        lazy: false,
        track_caller: false,
    }
}

/// Whether a signature has type or const parameters (lifetimes do not count).
pub(crate) fn has_generics(sig: &syn::Signature) -> bool {
    sig.generics.params.iter().any(|p| !matches!(p, syn::GenericParam::Lifetime(_)))
        || sig.inputs.iter().any(|a| {
            let mut found = Vec::new();
            if let syn::FnArg::Typed(t) = a {
                crate::fn_generics::impl_traits_in(&t.ty, &mut found);
            }
            !found.is_empty()
        })
}

/// Qualifiers and shapes of a signature hybridc does not take; generic
/// parameters only where `generics_ok`.
pub(crate) fn check_sig_shape(sig: &syn::Signature, generics_ok: bool) -> DResult<()> {
    if !generics_ok && has_generics(sig) {
        return Err(Diagnostic::unsupported("generic parameters here", range_of(&sig.generics)));
    }
    if let Some(w) = sig.generics.where_clause.as_ref().filter(|_| !generics_ok) {
        return Err(Diagnostic::unsupported("`where` clauses here", range_of(w)));
    }
    if let Some(c) = &sig.constness {
        return Err(Diagnostic::unsupported("`const fn`", range_of(c)));
    }
    if let Some(a) = &sig.asyncness {
        return Err(Diagnostic::unsupported("`async fn`", range_of(a)));
    }
    if let Some(v) = &sig.variadic {
        return Err(Diagnostic::unsupported("variadic functions", range_of(v)));
    }
    Ok(())
}

fn convert_signature(items: &mut Items, id: FnId, sig: &syn::Signature, types: &mut TypeTable) -> DResult<()> {
    let self_ty = items.fns[id].self_ty;
    let mut params = Vec::new();
    let mut receiver = None;
    for arg in &sig.inputs {
        match arg {
            syn::FnArg::Receiver(r) => {
                let Some(st) = self_ty else {
                    return Err(Diagnostic::at(
                        None,
                        "`self` parameter is only allowed in associated functions",
                        range_of(r),
                        "not semantically valid as function parameter",
                    ));
                };
                let self_param = crate::syntax::self_param(r);
                let (kind, ty) = match self_param {
                    SelfParam::Typed => return Err(Diagnostic::unsupported("`self` with an explicit type", range_of(r))),
                    SelfParam::Value { .. } => (SelfKind::Value, st),
                    SelfParam::Ref { mutable } => {
                        let ty = types.insert(Type::Pointer { pointee: st, mutable, reference: true });
                        (if mutable { SelfKind::RefMut } else { SelfKind::Ref }, ty)
                    }
                };
                receiver = Some(kind);
                params.push(ParamDecl {
                    name: "self".into(),
                    ty,
                    mutable: self_param == SelfParam::Value { mutable: true },
                    range: range_of(r),
                    pattern: None,
                });
            }
            syn::FnArg::Typed(pt) => {
                let (name, mutable, pattern) = match &*pt.pat {
                    syn::Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                        (pi.ident.to_string(), pi.mutability.is_some(), None)
                    }
                    syn::Pat::Wild(_) => ("_".to_string(), false, None),
                    other => ("_".to_string(), false, Some(range_of(other))),
                };
                let ty = items.ir_type_in_impl(&pt.ty, types, self_ty, items.fns[id].module, items.fns[id].in_impl)?;
                params.push(ParamDecl { name, ty, mutable, range: range_of(&pt.pat), pattern });
            }
        }
    }
    let ret = match &sig.output {
        syn::ReturnType::Default => types.unit(),
        // `-> impl Trait`: the type the body returns (`Items::opaque_rets`, found by the mono collector)
        syn::ReturnType::Type(_, t) if matches!(**t, syn::Type::ImplTrait(_)) => {
            items.fns[id].opaque_ret = true;
            types.unit()
        }
        syn::ReturnType::Type(_, t) => items.ir_type_in_impl(t, types, self_ty, items.fns[id].module, items.fns[id].in_impl)?,
    };
    let decl = &mut items.fns[id];
    decl.params = params;
    decl.receiver = receiver;
    decl.ret = ret;
    if decl.is_kernel {
        check_kernel_decl(decl, types)?;
    }
    Ok(())
}

/// A kernel returns `()` and takes parameters that map to kernel slots.
pub(crate) fn check_kernel_decl(decl: &FnDecl, types: &TypeTable) -> DResult<()> {
    if !matches!(types.get(decl.ret), Type::Unit) {
        return Err(Diagnostic::at(
            None,
            format!("kernel `{}` must return `()`", decl.name),
            decl.output_range.clone(),
            format!("kernels cannot return a value; this one returns `{}`", types.display(decl.ret)),
        )
        .help("write results through a `&mut` or `*mut` parameter instead"));
    }
    for p in &decl.params {
        if hybrid_ir::abi::kernel_param_slots(types, p.ty).is_none() {
            return Err(Diagnostic::at(
                None,
                format!("kernel parameter `{}` has a type that cannot be passed to a kernel", p.name),
                p.range.clone(),
                format!(
                    "`{}` is not a scalar, a thin pointer, a reference, a slice reference or a struct, tuple or array of plain data",
                    types.display(p.ty)
                ),
            ));
        }
        if let Type::Pointer { pointee, .. } | Type::SliceRef { elem: pointee, .. } = types.get(p.ty) {
            if !is_plain_data(types, *pointee) {
                return Err(Diagnostic::at(
                    None,
                    format!("kernel parameter `{}` points to data that cannot be copied to the device", p.name),
                    p.range.clone(),
                    format!("`{}` contains pointers or a `Vec`", types.display(p.ty)),
                ));
            }
        }
    }
    Ok(())
}

fn link_foreign(items: &mut Items, decl: &ForeignDecl<'_>, types: &mut TypeTable) -> DResult<()> {
    if !decl.on_host {
        return Ok(());
    }
    match items.tree.modules[decl.module].values.get(&decl.name).map(|b| b.def.clone()) {
        Some(Def::Fn(id)) if items.fns[id].is_kernel => {
            // The host-side declaration of a kernel: its signature must match.
            let kernel = &items.fns[id];
            let mut ok = kernel.params.len() == decl.sig.inputs.len();
            if ok {
                for (p, arg) in kernel.params.iter().zip(decl.sig.inputs.iter()) {
                    let syn::FnArg::Typed(pt) = arg else {
                        ok = false;
                        break;
                    };
                    let ty = items.ir_type(&pt.ty, types, None, decl.module)?;
                    ok &= ty == p.ty;
                }
            }
            let ret_ok = matches!(decl.sig.output, syn::ReturnType::Default);
            if !ok || !ret_ok {
                return Err(Diagnostic::at(
                    None,
                    format!("the declaration of kernel `{}` does not match its definition", decl.name),
                    decl.range.clone(),
                    "this declaration's parameters differ from the kernel's",
                )
                .secondary(kernel.range.clone(), "the kernel is defined here"));
            }
            items.fns[id].host_declared = true;
            Ok(())
        }
        Some(_) => Err(Diagnostic::at(
            Some("E0428"),
            format!("the name `{}` is defined multiple times", decl.name),
            decl.range.clone(),
            format!("`{}` redefined here", decl.name),
        )),
        None => {
            let binding = Binding { def: Def::Foreign(decl.range.clone()), vis: decl.vis, head: decl.head.clone() };
            items.tree.modules[decl.module].values.insert(decl.name.clone(), binding);
            Ok(())
        }
    }
}

/// Where a signature starts: its first qualifier or `fn`.
pub fn sig_start(sig: &syn::Signature) -> usize {
    use crate::ranges::byte_range;
    let first = sig
        .constness
        .map(|t| t.span)
        .or(sig.asyncness.map(|t| t.span))
        .or(match sig.safety {
            syn::Safety::Unsafe(t) => Some(t.span),
            syn::Safety::Safe(t) => Some(t.span),
            _ => None,
        })
        .or(sig.abi.as_ref().map(|a| a.extern_token.span))
        .unwrap_or(sig.fn_token.span);
    byte_range(first).start
}

/// The span of a signature's parameter list, for arity errors.
pub fn sig_range(sig: &syn::Signature) -> Range<usize> {
    // (through the scope's map: the items may have been parsed with the bodies cut out)
    let lo = crate::ranges::byte_range(sig.fn_token.span()).start;
    let hi = crate::ranges::byte_range(sig.paren_token.span.close()).end;
    lo..hi
}
