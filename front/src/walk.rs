//! The item tree: a walk over the items of every module (inline `mod m { .. }`
//! and `mod m;` files), binding each item's name in its module's namespace
//! with its visibility and recording `use` declarations, per side.

use std::collections::HashMap;
use std::ops::Range;

use syn::spanned::Spanned;

use crate::cfg;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::enums::StructKind;
use crate::modtree::{Binding, Def, GlobDecl, ModId, Ns, UseDecl, Vis};
use crate::resolve::{new_decl, sides, sig_range, ConstDecl, ForeignDecl, Items, StructInfo, Syntax};

/// A method found in an `impl` block, registered once all structs are known.
pub struct MethodDecl<'a> {
    pub module: ModId,
    pub self_ty: &'a syn::Type,
    pub f: &'a syn::ImplItemFn,
    pub on_host: bool,
    pub on_device: bool,
    /// The trait impl (index into `Items::impls`) it belongs to.
    pub impl_of: Option<usize>,
    /// Its `impl` block (for the parameters of a generic one).
    pub block: &'a syn::ItemImpl,
}

pub struct Walk<'a> {
    pub items: Items,
    pub syntax: Syntax<'a>,
    pub foreign: Vec<ForeignDecl<'a>>,
    pub methods: Vec<MethodDecl<'a>>,
    pub mod_files: &'a HashMap<usize, usize>,
    pub files: &'a [syn::File],
    /// What the item-position macro calls expand to.
    pub expansion: &'a crate::expand::ItemExpansion,
    /// The impls of expanded derives (`crate::derive`), by the offset of
    /// their type's name: walked as items of the type's module.
    pub derived: HashMap<usize, Vec<&'a syn::Item>>,
    pub errors: Vec<Diagnostic>,
}

/// The items of the derives' file (`SourceFiles::derived`), by the offset
/// of their type's name.
pub fn derived_items<'a>(files: &'a [syn::File], sources: &crate::source::SourceFiles) -> HashMap<usize, Vec<&'a syn::Item>> {
    let mut out: HashMap<usize, Vec<&syn::Item>> = HashMap::new();
    let Some(&(first, _)) = sources.derived.first() else { return out };
    let Some(file) = files.get(sources.file_of(first)) else { return out };
    for item in &file.items {
        let at = range_of(item).start;
        if let Some(&(_, owner)) = sources.derived.iter().find(|(start, _)| *start == at) {
            out.entry(owner).or_default().push(item);
        }
    }
    out
}

fn dup(name: &str, range: Range<usize>) -> Diagnostic {
    Diagnostic::at(Some("E0428"), format!("the name `{name}` is defined multiple times"), range, format!("`{name}` redefined here"))
}

/// The start of an item: its visibility if written, else `fallback`.
pub(crate) fn vis_start(vis: &syn::Visibility, fallback: usize) -> usize {
    match vis {
        syn::Visibility::Inherited => fallback,
        v => crate::ranges::byte_range(v.span()).start,
    }
}

/// The traits a `#[derive(..)]` names.
fn derives(attrs: &[syn::Attribute]) -> Vec<String> {
    let mut out = Vec::new();
    for a in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let _ = a.parse_nested_meta(|meta| {
            if let Some(last) = meta.path.segments.last() {
                out.push(last.ident.to_string());
            }
            Ok(())
        });
    }
    out
}

/// Where a trait method's signature ends: its body's `{` or its `;`.
fn sig_end(f: &syn::TraitItemFn) -> usize {
    match (&f.default, &f.semi_token) {
        (Some(b), _) => crate::ranges::block_range(b).start,
        (None, Some(semi)) => crate::ranges::byte_range(semi.span).start,
        (None, None) => range_of(&f.sig.ident).end,
    }
}

/// A function's head, as rustc's "defined here" notes show it.
pub fn fn_head(vis: &syn::Visibility, sig: &syn::Signature) -> Range<usize> {
    let r = sig_range(sig);
    let end = match &sig.output {
        syn::ReturnType::Default => r.end,
        syn::ReturnType::Type(_, t) => range_of(&**t).end,
    };
    vis_start(vis, r.start)..end
}

impl<'a> Walk<'a> {
    /// The visibility of an item of module `m`.
    fn vis(&self, vis: &syn::Visibility, m: ModId) -> DResult<Vis> {
        let tree = &self.items.tree;
        Ok(match vis {
            syn::Visibility::Public(_) => Vis::Public,
            syn::Visibility::Inherited => Vis::In(m),
            syn::Visibility::Restricted(r) => {
                let mut cur = m;
                for (i, seg) in r.path.segments.iter().enumerate() {
                    let name = seg.ident.to_string();
                    cur = match name.as_str() {
                        "crate" if i == 0 => crate::modtree::ROOT,
                        "self" if i == 0 => m,
                        "super" => match tree.modules[cur].parent {
                            Some(p) => p,
                            None => {
                                return Err(Diagnostic::at(
                                    Some("E0433"),
                                    "too many leading `super` keywords",
                                    range_of(&seg.ident),
                                    "there are too many leading `super` keywords",
                                ))
                            }
                        },
                        _ => match tree.modules[cur].types.get(&name).map(|b| &b.def) {
                            Some(Def::Mod(c)) => *c,
                            _ => {
                                return Err(Diagnostic::at(
                                    Some("E0433"),
                                    format!("cannot find module `{name}` in `{}`", tree.shown(cur)),
                                    range_of(&seg.ident),
                                    format!("could not find `{name}` in `{}`", tree.shown(cur)),
                                ))
                            }
                        },
                    };
                }
                if !tree.is_within(m, cur) {
                    return Err(Diagnostic::at(
                        Some("E0742"),
                        "visibilities can only be restricted to ancestor modules",
                        range_of(&r.path),
                        "",
                    ));
                }
                Vis::In(cur)
            }
        })
    }

    fn bind(&mut self, m: ModId, ns: Ns, name: String, binding: Binding, range: Range<usize>) -> DResult<()> {
        let module = &mut self.items.tree.modules[m];
        let map = match ns {
            Ns::Type => &mut module.types,
            Ns::Value => &mut module.values,
        };
        if map.contains_key(&name) {
            return Err(dup(&name, range));
        }
        map.insert(name, binding);
        Ok(())
    }

    /// Walk the items of module `m`, whose sides are `outer` (host, device).
    /// The standard library's files, each the module its path names,
    /// under the root module of the crate `core` (`crate::library`).
    pub fn library(&mut self, library: &[(usize, &'static str)]) {
        let files = self.files;
        for &(file, path) in library {
            let tree = &mut self.items.tree;
            let m = match path.rsplit_once("::").map_or(("", path), |(parent, name)| (parent, name)) {
                ("", "") => {
                    let root = tree.new_module(crate::library::CRATE.to_string(), None);
                    tree.library = Some(root);
                    root
                }
                (parent, name) => {
                    let Some(p) = tree.library.and_then(|root| tree.library_module(root, parent)) else {
                        self.errors.push(Diagnostic::ice(format!("library module `{path}` comes before its parent")));
                        continue;
                    };
                    let child = tree.new_module(name.to_string(), Some(p));
                    let head = files[file].items.first().map_or(0..0, range_of);
                    tree.modules[p].types.insert(name.to_string(), Binding { def: Def::Mod(child), vis: Vis::Public, head });
                    child
                }
            };
            self.module(&files[file].items, m, (true, true));
            let Some(lib_file) = crate::library::FILES.iter().find(|f| f.module == path) else { continue };
            for name in lib_file.prelude {
                self.add_to_prelude(m, name);
            }
        }
    }

    /// Bind item `name` of library module `m` in the prelude module (made
    /// on first use), in each namespace it has there.
    fn add_to_prelude(&mut self, m: ModId, name: &str) {
        let tree = &mut self.items.tree;
        let prelude = match tree.prelude {
            Some(p) => p,
            None => {
                let p = tree.new_module("prelude".into(), tree.library);
                tree.prelude = Some(p);
                p
            }
        };
        for ns in [Ns::Type, Ns::Value] {
            // an item of the module, or what one of its imports names (`Some`)
            let seg = [(name.to_string(), 0..0)];
            let Ok(Some(crate::modtree::PathRes::Def(def))) = tree.resolve_path(m, &seg, ns) else { continue };
            let b = Binding { def, vis: Vis::Public, head: 0..0 };
            match ns {
                Ns::Type => tree.modules[prelude].types.insert(name.to_string(), b),
                Ns::Value => tree.modules[prelude].values.insert(name.to_string(), b),
            };
        }
    }

    /// The impls derived for the type named at offset `name_at`, walked in
    /// its module `m`.
    fn derived_impls(&mut self, name_at: usize, attrs: &[syn::Attribute], m: ModId, outer: (bool, bool)) {
        let Some(list) = self.derived.get(&name_at).cloned() else {
            if let Some((name, at)) = crate::derive::first_expanded(attrs) {
                // FIXME(derives in macro output): `crate::derive` expands what the program's text holds
                let what = format!("`#[derive({name})]` on an item a macro call produces (or in a nested block of a body)");
                self.errors.push(Diagnostic::unsupported(&what, at));
            }
            return;
        };
        for item in list {
            if let Err(e) = self.item(item, m, outer) {
                self.errors.push(e);
            }
        }
    }

    pub fn module(&mut self, list: &'a [syn::Item], m: ModId, outer: (bool, bool)) {
        for item in list {
            if let Err(e) = self.item(item, m, outer) {
                self.errors.push(e);
            }
        }
    }

    fn item(&mut self, item: &'a syn::Item, m: ModId, outer: (bool, bool)) -> DResult<()> {
        use syn::Item;
        // a macro call is replaced by its items, an item with macro calls in
        // its types or consts by its expanded copy (errors are reported by
        // the expansion); definitions are in the expansion's table
        let expansion = self.expansion;
        if let Some(list) = expansion.overlay.get(&(item as *const syn::Item)) {
            self.module(list, m, outer);
            return Ok(());
        }
        if let Item::Macro(_) = item {
            return Ok(());
        }
        let attrs: &[syn::Attribute] = match item {
            Item::Fn(f) => &f.attrs,
            Item::ForeignMod(f) => &f.attrs,
            Item::Struct(s) => &s.attrs,
            Item::Impl(i) => &i.attrs,
            Item::Const(c) => &c.attrs,
            Item::Use(u) => &u.attrs,
            Item::Mod(md) => &md.attrs,
            Item::Enum(e) => &e.attrs,
            Item::Trait(t) => &t.attrs,
            Item::TraitAlias(t) => return Err(Diagnostic::not_in_language("traits", range_of(&t.ident))),
            Item::Union(u) => return Err(Diagnostic::not_in_language("unions", range_of(&u.ident))),
            Item::Static(s) => return Err(Diagnostic::unsupported("`static` items", range_of(&s.ident))),
            Item::Type(t) => return Err(Diagnostic::unsupported("type aliases", range_of(&t.ident))),
            Item::ExternCrate(e) => return crate::libc::extern_crate(e),
            other => return Err(Diagnostic::unsupported("this item", range_of(other))),
        };
        cfg::check_item_attrs(attrs)?;
        let (h, d) = sides(attrs)?;
        let (on_host, on_device) = (h && outer.0, d && outer.1);
        if !on_host && !on_device || cfg::is_panic_handler(attrs) {
            return Ok(());
        }
        match item {
            Item::Fn(f) => self.function(f, m, on_host, on_device),
            Item::ForeignMod(fm) => {
                let abi = fm.abi.name.as_ref().map(|n| n.value()).unwrap_or_else(|| "C".into());
                if abi != "C" {
                    return Err(Diagnostic::unsupported(&format!("`extern \"{abi}\"` blocks"), range_of(&fm.abi)));
                }
                for fi in &fm.items {
                    match fi {
                        syn::ForeignItem::Fn(f) => {
                            cfg::check_item_attrs(&f.attrs)?;
                            let (h, _) = sides(&f.attrs)?;
                            crate::resolve::check_sig_shape(&f.sig, false)?;
                            if let Some((link_name, at)) = cfg::link_name(&f.attrs) {
                                // an LLVM intrinsic (`llvm.nvvm.*`): the name refers to the builtin it is
                                let target = crate::libc::llvm_intrinsic(&link_name, at)?;
                                let binding =
                                    Binding { def: Def::Extern(target), vis: self.vis(&f.vis, m)?, head: fn_head(&f.vis, &f.sig) };
                                self.bind(m, Ns::Value, f.sig.ident.to_string(), binding, range_of(&f.sig.ident))?;
                                continue;
                            }
                            self.foreign.push(ForeignDecl {
                                name: f.sig.ident.to_string(),
                                module: m,
                                vis: self.vis(&f.vis, m)?,
                                head: fn_head(&f.vis, &f.sig),
                                sig: &f.sig,
                                on_host: on_host && h,
                                range: range_of(&f.sig.ident),
                            });
                        }
                        other => return Err(Diagnostic::unsupported("this item in an `extern` block", range_of(other))),
                    }
                }
                Ok(())
            }
            Item::Struct(s) => {
                let (params, const_params) = type_params(&s.generics, "structs")?;
                let kind = match s.fields {
                    syn::Fields::Named(_) => StructKind::Named,
                    syn::Fields::Unnamed(_) => StructKind::Tuple,
                    syn::Fields::Unit => StructKind::Unit,
                };
                let name = s.ident.to_string();
                let sid = self.items.structs.len();
                let head = vis_start(&s.vis, crate::ranges::byte_range(s.struct_token.span).start)..range_of(&s.ident).end;
                let vis = self.vis(&s.vis, m)?;
                if kind != StructKind::Named {
                    // tuple and unit structs are values too (constructor, constant)
                    let binding = Binding { def: Def::Struct(sid), vis, head: head.clone() };
                    self.bind(m, Ns::Value, name.clone(), binding, range_of(&s.ident))?;
                }
                self.bind(m, Ns::Type, name.clone(), Binding { def: Def::Struct(sid), vis, head }, range_of(&s.ident))?;
                // handles are assigned in `define_structs`; placeholders here
                self.syntax.structs.push(Some(s));
                self.items.structs.push(StructInfo {
                    name: crate::library::shown_struct_name(self.items.tree.item_path(m, &name)),
                    range: range_of(&s.ident),
                    def: hybrid_ir::Handle::from_index(usize::MAX >> 33),
                    ty: hybrid_ir::Handle::from_index(usize::MAX >> 33),
                    methods: HashMap::new(),
                    consts: Vec::new(),
                    module: m,
                    kind,
                    derives: derives(&s.attrs),
                    field_sites: vec![crate::dead_types::field_sites(&s.fields)],
                    params,
                    const_params,
                });
                self.derived_impls(range_of(&s.ident).start, &s.attrs, m, outer);
                Ok(())
            }
            Item::Trait(t) => self.trait_item(t, m, on_host, on_device),
            Item::Enum(e) => {
                self.enum_item(e, m)?;
                self.derived_impls(range_of(&e.ident).start, &e.attrs, m, outer);
                Ok(())
            }
            Item::Impl(imp) => {
                let impl_of = match &imp.trait_ {
                    Some(_) => {
                        if let Some(b) = &imp.modifiers.polarity {
                            return Err(Diagnostic::unsupported("negative impls", crate::ranges::byte_range(b.span)));
                        }
                        let index = self.items.impls.len();
                        self.items.impls.push(crate::generics::ImplInfo {
                            trait_id: crate::generics::Bound::Lang(String::new()),
                            self_ty: hybrid_ir::Handle::from_index(0),
                            methods: HashMap::new(),
                            assoc_types: Vec::new(),
                            consts: Vec::new(),
                            generic_assoc: Vec::new(),
                            trait_args: Vec::new(),
                            generic_struct: None,
                            blanket: None,
                            pattern: None,
                            shape: None,
                            module: m,
                            range: crate::ranges::byte_range(imp.impl_token.span).start..range_of(&*imp.self_ty).end,
                        });
                        self.syntax.impls.push(imp);
                        Some(index)
                    }
                    None => None,
                };
                for ii in &imp.items {
                    match ii {
                        syn::ImplItem::Fn(f) => {
                            cfg::check_item_attrs(&f.attrs)?;
                            let (h, d) = sides(&f.attrs)?;
                            if !(h && on_host || d && on_device) {
                                continue;
                            }
                            crate::resolve::check_sig_shape(&f.sig, true)?;
                            if cfg::is_kernel(&f.attrs) {
                                return Err(Diagnostic::unsupported("kernels as methods", range_of(&f.sig.ident)));
                            }
                            let (on_host, on_device) = (h && on_host, d && on_device);
                            self.methods.push(MethodDecl { module: m, self_ty: &imp.self_ty, f, on_host, on_device, impl_of, block: imp });
                        }
                        // evaluated once the impl's type is known (`assoc::define_assoc_consts`)
                        syn::ImplItem::Const(c) => {
                            cfg::check_item_attrs(&c.attrs)?;
                            if !c.generics.params.is_empty() {
                                return Err(Diagnostic::unsupported("generic associated constants", range_of(&c.ident)));
                            }
                            self.syntax.impl_consts.push(crate::assoc::ImplConstDecl { module: m, self_ty: &imp.self_ty, impl_of, c });
                        }
                        // converted with the impl (`traits::define_impls`)
                        syn::ImplItem::Type(t) if impl_of.is_some() => {
                            if !t.generics.params.is_empty() {
                                return Err(Diagnostic::unsupported("generic associated types", range_of(&t.ident)));
                            }
                        }
                        other => return Err(Diagnostic::unsupported("this item in an `impl` block", range_of(other))),
                    }
                }
                Ok(())
            }
            Item::Const(c) => {
                let name = c.ident.to_string();
                let idx = self.items.consts.len();
                let vis = self.vis(&c.vis, m)?;
                self.bind(m, Ns::Value, name.clone(), Binding { def: Def::Const(idx), vis, head: range_of(item) }, range_of(&c.ident))?;
                self.items.consts.push(ConstDecl { name, module: m, ty: None, value: None, text: (range_of(&*c.ty), range_of(&*c.expr)) });
                self.syntax.consts.push(c);
                Ok(())
            }
            Item::Use(u) => {
                let vis = self.vis(&u.vis, m)?;
                self.use_tree(&u.tree, &mut Vec::new(), None, m, vis);
                Ok(())
            }
            Item::Mod(md) => {
                if let Some(a) = md.attrs.iter().find(|a| a.path().is_ident("path")) {
                    return Err(Diagnostic::unsupported("`#[path]` on modules", range_of(a)));
                }
                let name = md.ident.to_string();
                let vis = self.vis(&md.vis, m)?;
                let child = self.items.tree.new_module(name.clone(), Some(m));
                self.bind(m, Ns::Type, name, Binding { def: Def::Mod(child), vis, head: range_of(&md.ident) }, range_of(&md.ident))?;
                match &md.content {
                    Some((_, list)) => self.module(list, child, (on_host, on_device)),
                    None => {
                        let Some(&file) = self.mod_files.get(&range_of(&md.ident).start) else {
                            return Err(Diagnostic::ice(format!("the file of module `{}` was not loaded", md.ident)));
                        };
                        let files = self.files;
                        let parsed = &files[file];
                        crate::check_module_attrs(&parsed.attrs)?;
                        self.module(&parsed.items, child, (on_host, on_device));
                    }
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// `trait Tr: Super { fn required(&self); fn provided(&self) { .. } }`:
    /// each provided method becomes a generic function over `Self`.
    fn trait_item(&mut self, t: &'a syn::ItemTrait, m: ModId, on_host: bool, on_device: bool) -> DResult<()> {
        let mut params = Vec::new();
        for p in &t.generics.params {
            match p {
                syn::GenericParam::Type(tp) => params.push(tp.ident.to_string()),
                syn::GenericParam::Lifetime(_) => {}
                syn::GenericParam::Const(c) => return Err(Diagnostic::unsupported("const parameters of traits", range_of(&c.ident))),
            }
        }
        if let Some(u) = &t.unsafety {
            return Err(Diagnostic::unsupported("`unsafe trait`", crate::ranges::byte_range(u.span)));
        }
        let name = t.ident.to_string();
        let tid = self.items.traits.len();
        let vis = self.vis(&t.vis, m)?;
        let head = vis_start(&t.vis, crate::ranges::byte_range(t.trait_token.span).start)..range_of(&t.ident).end;
        self.bind(m, Ns::Type, name.clone(), Binding { def: Def::Trait(tid), vis, head }, range_of(&t.ident))?;
        let path = self.items.tree.item_path(m, &name);
        let mut methods = Vec::new();
        let mut consts = Vec::new();
        let mut assoc_types = Vec::new();
        for ti in &t.items {
            match ti {
                syn::TraitItem::Fn(f) => {
                    cfg::check_item_attrs(&f.attrs)?;
                    crate::resolve::check_sig_shape(&f.sig, true)?;
                    let method = f.sig.ident.to_string();
                    if methods.iter().any(|x: &crate::generics::TraitMethod| x.name == method) {
                        return Err(Diagnostic::at(
                            Some("E0428"),
                            format!("the name `{method}` is defined multiple times"),
                            range_of(&f.sig.ident),
                            format!("`{method}` redefined here"),
                        ));
                    }
                    let default = match &f.default {
                        Some(block) => {
                            let id = self.items.fns.len();
                            let mut decl = new_decl(format!("{path}::{method}"), &f.sig, block, on_host, on_device, false, None);
                            decl.module = m;
                            decl.vis = Vis::Public;
                            decl.in_trait = Some(tid);
                            decl.generics = Some(Box::new(crate::generics::Generics {
                                sig: crate::resolve::sig_start(&f.sig)..crate::ranges::block_range(block).start,
                                outer_types: 1 + params.len(),
                                ..Default::default()
                            }));
                            self.items.fns.push(decl);
                            self.syntax.sigs.push(&f.sig);
                            Some(id)
                        }
                        None => None,
                    };
                    let mut head = fn_head(&syn::Visibility::Inherited, &f.sig);
                    if let (None, Some(semi)) = (&f.default, &f.semi_token) {
                        head.end = crate::ranges::byte_range(semi.span).end;
                    }
                    let sig = crate::resolve::sig_start(&f.sig)..sig_end(f);
                    let dyn_compat = crate::dyn_object::method_dyn(&f.sig);
                    methods.push(crate::generics::TraitMethod { name: method, default, range: head, sig, dyn_compat });
                }
                syn::TraitItem::Const(c) => {
                    if !c.generics.params.is_empty() {
                        return Err(Diagnostic::unsupported("generic associated constants", range_of(&c.ident)));
                    }
                    let name = c.ident.to_string();
                    if consts.iter().any(|x: &crate::generics::TraitConst| x.name == name) {
                        return Err(dup(&name, range_of(&c.ident)));
                    }
                    let end = crate::ranges::byte_range(c.semi_token.span).start;
                    consts.push(crate::generics::TraitConst {
                        name,
                        range: range_of(ti).start..end,
                        ty: range_of(&c.ty),
                        has_default: c.default.is_some(),
                    });
                }
                // bounds resolved with the supertraits (`traits::define_impls`)
                syn::TraitItem::Type(ty) => {
                    if !ty.generics.params.is_empty() {
                        return Err(Diagnostic::unsupported("generic associated types", range_of(&ty.generics)));
                    }
                    if let Some((_, d)) = &ty.default {
                        // rustc: unstable (`associated_type_defaults`)
                        return Err(Diagnostic::at(Some("E0658"), "associated type defaults are unstable", range_of(ti), "")
                            .secondary(range_of(d), "the default"));
                    }
                    let name = ty.ident.to_string();
                    if assoc_types.iter().any(|x: &crate::generics::TraitAssocType| x.name == name) {
                        return Err(dup(&name, range_of(&ty.ident)));
                    }
                    let range = range_of(ti).start..crate::ranges::byte_range(ty.semi_token.span).start;
                    assoc_types.push(crate::generics::TraitAssocType { name, range, bounds: Vec::new() });
                }
                _ => return Err(Diagnostic::unsupported("this item in a trait", range_of(&t.ident))),
            }
        }
        // (rustc names the library's traits by their own names in diagnostics: `Default`, `Iterator`)
        let shown = if self.items.tree.in_library(m) { name } else { path.clone() };
        self.items.traits.push(crate::generics::TraitInfo {
            name: path,
            shown,
            range: range_of(&t.ident),
            module: m,
            methods,
            consts,
            assoc_types,
            params,
            supertraits: Vec::new(),
        });
        self.syntax.traits.push(t);
        Ok(())
    }

    /// An enum: a type whose variants are bound in the module tree's
    /// `variants` (for `E::V` and `use E::*`); defined in `enums::define_enums`.
    fn enum_item(&mut self, e: &'a syn::ItemEnum, m: ModId) -> DResult<()> {
        let (params, const_params) = type_params(&e.generics, "enums")?;
        let name = e.ident.to_string();
        let sid = self.items.structs.len();
        let head = vis_start(&e.vis, crate::ranges::byte_range(e.enum_token.span).start)..range_of(&e.ident).end;
        let vis = self.vis(&e.vis, m)?;
        self.bind(m, Ns::Type, name.clone(), Binding { def: Def::Struct(sid), vis, head }, range_of(&e.ident))?;
        self.syntax.structs.push(None);
        self.syntax.enums.push((sid, e));
        self.items.tree.variants.insert(sid, e.variants.iter().map(|v| v.ident.to_string()).collect());
        self.items.structs.push(StructInfo {
            name: self.items.tree.item_path(m, &name),
            range: range_of(&e.ident),
            def: hybrid_ir::Handle::from_index(usize::MAX >> 33),
            ty: hybrid_ir::Handle::from_index(usize::MAX >> 33),
            methods: HashMap::new(),
            consts: Vec::new(),
            module: m,
            kind: StructKind::Enum(Vec::new()),
            params,
            const_params,
            derives: derives(&e.attrs),
            field_sites: e.variants.iter().map(|v| crate::dead_types::field_sites(&v.fields)).collect(),
        });
        Ok(())
    }

    fn function(&mut self, f: &'a syn::ItemFn, m: ModId, on_host: bool, on_device: bool) -> DResult<()> {
        crate::resolve::check_sig_shape(&f.sig, true)?;
        let name = f.sig.ident.to_string();
        // `extern "gpu-kernel"` alone also makes a kernel, as rustc's device pass reads it
        let gpu_abi = f.sig.abi.as_ref().is_some_and(|a| a.name.as_ref().is_some_and(|n| n.value() == "gpu-kernel"));
        let is_kernel = cfg::is_kernel(&f.attrs) || gpu_abi;
        if let Some(abi) = &f.sig.abi {
            let abi_name = abi.name.as_ref().map(|n| n.value()).unwrap_or_else(|| "C".into());
            match abi_name.as_str() {
                "gpu-kernel" => {}
                "C" | "Rust" => {}
                other => return Err(Diagnostic::unsupported(&format!("the ABI `\"{other}\"`"), range_of(abi))),
            }
        }
        let id = self.items.fns.len();
        let path = self.items.tree.item_path(m, &name);
        let vis = self.vis(&f.vis, m)?;
        let mut decl = new_decl(path, &f.sig, &f.block, on_host, on_device, is_kernel, None);
        decl.track_caller = cfg::has_attr(&f.attrs, "track_caller");
        decl.module = m;
        decl.vis = vis;
        if crate::resolve::has_generics(&f.sig) {
            decl.generics = Some(Box::new(crate::generics::Generics {
                sig: crate::resolve::sig_start(&f.sig)..crate::ranges::block_range(&f.block).start,
                ..Default::default()
            }));
        }
        match self.items.tree.modules[m].values.get(&name).map(|b| b.def.clone()) {
            Some(Def::Fn(prev)) => {
                let p = &self.items.fns[prev];
                let clash = (p.on_host && on_host) || (p.on_device && on_device);
                return Err(if clash {
                    dup(&name, range_of(&f.sig.ident)).secondary(p.range.clone(), format!("previous definition of `{name}` here"))
                } else {
                    Diagnostic::unsupported(&format!("defining `{name}` differently for the host and the device"), range_of(&f.sig.ident))
                });
            }
            Some(_) => return Err(dup(&name, range_of(&f.sig.ident))),
            None => {}
        }
        let head = fn_head(&f.vis, &f.sig);
        self.bind(m, Ns::Value, name.clone(), Binding { def: Def::Fn(id), vis, head }, range_of(&f.sig.ident))?;
        self.items.fns.push(decl);
        self.syntax.sigs.push(&f.sig);
        self.body_items(&f.block, &name, id, m, (on_host, on_device));
        Ok(())
    }

    /// The items declared in function `id`'s body (not in nested
    /// functions): each block that declares items gets an anonymous block
    /// module (the body's own block: the function's module), whose parent is
    /// the enclosing block's, from which the paths inside that block are
    /// then resolved (`ModTree::block_scopes`).
    fn body_items(&mut self, body: &'a syn::Block, name: &str, id: usize, m: ModId, outer: (bool, bool)) {
        /// Every block of a body in pre-order: its `{` offset, the enclosing
        /// block, and the items it declares itself.
        #[derive(Default)]
        struct Blocks<'a> {
            blocks: Vec<(std::ops::Range<usize>, Option<usize>, Vec<&'a syn::Item>)>,
            stack: Vec<usize>,
        }
        impl<'a> syn::visit::Visit<'a> for Blocks<'a> {
            fn visit_block(&mut self, b: &'a syn::Block) {
                let index = self.blocks.len();
                self.blocks.push((crate::ranges::block_range(b), self.stack.last().copied(), Vec::new()));
                self.stack.push(index);
                syn::visit::visit_block(self, b);
                self.stack.pop();
            }
            fn visit_stmt(&mut self, s: &'a syn::Stmt) {
                match s {
                    // `macro_rules!` in a body is the expander's
                    syn::Stmt::Item(syn::Item::Macro(_)) => {}
                    syn::Stmt::Item(item) => {
                        if let Some(&top) = self.stack.last() {
                            self.blocks[top].2.push(item);
                        }
                    }
                    other => syn::visit::visit_stmt(self, other),
                }
            }
        }
        let mut found = Blocks::default();
        syn::visit::Visit::visit_block(&mut found, body);
        if found.blocks.iter().all(|b| b.2.is_empty()) {
            return;
        }
        // the block's items are named like the function's (`main::helper`), as rustc does;
        // those of inner blocks `main::{block 1}::helper`, so that two blocks' `f`s differ
        let path = self.items.tree.item_path(m, name);
        let mut modules: Vec<Option<ModId>> = Vec::with_capacity(found.blocks.len());
        let mut nested = 0;
        for (i, (range, parent, items)) in found.blocks.into_iter().enumerate() {
            if items.is_empty() {
                modules.push(parent.and_then(|p| modules[p]));
                continue;
            }
            let enclosing = parent.and_then(|p| modules[p]).unwrap_or(m);
            let block = self.items.tree.new_module(name.to_string(), Some(enclosing));
            self.items.tree.modules[block].block = true;
            self.items.tree.modules[block].path = match i {
                0 => path.clone(),
                _ => {
                    nested += 1;
                    format!("{path}::{{block {nested}}}")
                }
            };
            self.items.tree.block_scopes.entry(range.start).or_insert((range.end, block));
            if i == 0 {
                self.items.fns[id].module = block;
            }
            modules.push(Some(block));
            for item in items {
                if let Err(e) = self.item(item, block, outer) {
                    self.errors.push(e);
                }
            }
        }
    }

    /// Record the imports of a `use` tree. `start`: where the path of the
    /// current import starts (reset inside groups, as rustc's spans are).
    fn use_tree(&mut self, tree: &syn::UseTree, prefix: &mut Vec<(String, Range<usize>)>, start: Option<usize>, m: ModId, vis: Vis) {
        let span_from = |end: usize, own: Range<usize>| start.map_or(own.clone(), |s| s..end.max(s));
        match tree {
            syn::UseTree::Path(p) => {
                let r = range_of(&p.ident);
                let start = start.or(Some(r.start));
                prefix.push((p.ident.to_string(), r));
                self.use_tree(&p.tree, prefix, start, m, vis);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let own = range_of(&n.ident);
                let name = n.ident.to_string();
                let range = span_from(own.end, own.clone());
                let (path, name, types_only) = if name == "self" {
                    match prefix.last() {
                        Some((last, _)) => (prefix.clone(), last.clone(), true),
                        None => {
                            self.errors.push(Diagnostic::at(Some("E0429"), "`self` imports are only allowed within a { } list", own, ""));
                            return;
                        }
                    }
                } else {
                    let mut path = prefix.clone();
                    path.push((name.clone(), own));
                    (path, name, false)
                };
                self.push_use(UseDecl { module: m, path, name, vis, range, types_only });
            }
            syn::UseTree::Rename(r) => {
                let own = range_of(&r.ident);
                let range = span_from(range_of(&r.rename).end, own.start..range_of(&r.rename).end);
                let mut path = prefix.clone();
                path.push((r.ident.to_string(), own));
                let name = r.rename.to_string();
                if name == "_" {
                    return;
                }
                self.push_use(UseDecl { module: m, path, name, vis, range, types_only: false });
            }
            syn::UseTree::Glob(g) => {
                let own = crate::ranges::byte_range(g.star_token.span);
                let range = span_from(own.end, own);
                let idx = self.items.tree.globs.len();
                self.items.tree.globs.push(GlobDecl { module: m, path: prefix.clone(), vis, range });
                self.items.tree.modules[m].globs.push(idx);
            }
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(t, prefix, None, m, vis);
                }
            }
        }
    }

    fn push_use(&mut self, decl: UseDecl) {
        let idx = self.items.tree.uses.len();
        self.items.tree.modules[decl.module].imports.entry(decl.name.clone()).or_default().push(idx);
        self.items.tree.uses.push(decl);
    }
}

/// The type and const parameters of a generic struct or enum (`what`:
/// "structs", "enums"), with each one's const type (`None`: a type
/// parameter).
fn type_params(generics: &syn::Generics, what: &str) -> DResult<(Vec<String>, Vec<Option<hybrid_ir::Scalar>>)> {
    let (mut params, mut consts) = (Vec::new(), Vec::new());
    for p in &generics.params {
        match p {
            syn::GenericParam::Type(t) => {
                params.push(t.ident.to_string());
                consts.push(None);
            }
            syn::GenericParam::Lifetime(_) => {}
            syn::GenericParam::Const(c) if what == "structs" => {
                params.push(c.ident.to_string());
                consts.push(Some(crate::fn_generics::const_param_type(c)?));
            }
            // FIXME(const generic enums)
            syn::GenericParam::Const(c) => return Err(Diagnostic::unsupported(&format!("const parameters of {what}"), range_of(&c.ident))),
        }
    }
    Ok((params, consts))
}
