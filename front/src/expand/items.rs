//! Item-position macros, expanded before items are collected: a pass over
//! every module in source order that follows the textual scope of the
//! definitions, expands each item-position call into items (recursively:
//! calls in an expansion are expanded in place) and records them as an
//! overlay that the item walk reads instead of the call, so the items a
//! macro produces (functions, structs, consts, impl blocks, kernels) go
//! through the normal pipeline.

use std::collections::HashMap;
use std::ops::Range;

use super::{expansion_error, parse_items, Env, ExpandedFn, FnTag, MacroTable, ScopeId};
use crate::diag::{range_of, DResult, Diagnostic};

/// What the item walk reads: the items each call expands to, and the
/// macro scope of every function (by its block's address).
pub struct ItemExpansion {
    pub overlay: HashMap<*const syn::Item, Vec<syn::Item>>,
    pub fn_tags: HashMap<*const syn::Signature, FnTag>,
    pub errors: Vec<Diagnostic>,
    pub table: MacroTable,
    /// The calls expanded (see [`Env::annotate`]).
    expanded: Vec<(usize, Range<usize>)>,
}

impl ItemExpansion {
    /// The tag of the function with signature `sig`.
    /// rustc's macro notes on the errors of collecting the items.
    pub fn annotate(&self, errors: Vec<Diagnostic>) -> Vec<Diagnostic> {
        if self.expanded.is_empty() {
            return errors;
        }
        // (annotating parses no definition: no source needed)
        let mut env = Env::new("", Some(&self.table));
        env.expanded = self.expanded.clone();
        errors.into_iter().map(|d| env.annotate(d)).collect()
    }

    pub fn tag(&self, sig: &syn::Signature) -> Option<&FnTag> {
        if self.fn_tags.is_empty() {
            return None;
        }
        self.fn_tags.get(&(sig as *const syn::Signature))
    }
}

pub fn is_definition(mc: &syn::ItemMacro) -> bool {
    mc.mac.path.is_ident("macro_rules")
}

/// The functions of expanded items with their bodies, in order (methods of
/// `impl` blocks, default methods of traits and functions of inline
/// modules included).
pub fn fn_bodies(items: &[syn::Item]) -> Vec<(&syn::Signature, &syn::Block)> {
    let mut out = Vec::new();
    collect_bodies(items, &mut out);
    out
}

fn collect_bodies<'a>(items: &'a [syn::Item], out: &mut Vec<(&'a syn::Signature, &'a syn::Block)>) {
    for item in items {
        match item {
            syn::Item::Fn(f) => out.push((&f.sig, &f.block)),
            syn::Item::Impl(i) => {
                for ii in &i.items {
                    if let syn::ImplItem::Fn(f) = ii {
                        out.push((&f.sig, &f.block));
                    }
                }
            }
            syn::Item::Trait(t) => {
                for ti in &t.items {
                    if let syn::TraitItem::Fn(syn::TraitItemFn { sig, default: Some(block), .. }) = ti {
                        out.push((sig, block));
                    }
                }
            }
            syn::Item::Mod(m) => {
                if let Some((_, inner)) = &m.content {
                    collect_bodies(inner, out);
                }
            }
            _ => {}
        }
    }
}

/// The imports of a `use` tree: (path, name bound); `false` for a glob.
fn use_leaves(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<(Vec<String>, String)>) -> bool {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            let ok = use_leaves(&p.tree, prefix, out);
            prefix.pop();
            ok
        }
        syn::UseTree::Name(n) => {
            let mut path = prefix.clone();
            path.push(n.ident.to_string());
            out.push((path, n.ident.to_string()));
            true
        }
        syn::UseTree::Rename(r) => {
            let mut path = prefix.clone();
            path.push(r.ident.to_string());
            out.push((path, r.rename.to_string()));
            true
        }
        syn::UseTree::Group(g) => g.items.iter().all(|t| use_leaves(t, prefix, out)),
        syn::UseTree::Glob(_) => false,
    }
}

/// The path of module `name` inside the module of path `parent`.
fn child_path(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}::{name}")
    }
}

/// The call an item of an `impl` block came from, and its place among
/// that call's functions.
type CallOrigin = (Range<usize>, usize);

/// An item of a macro's expansion as an item of an `impl` block.
fn impl_item(item: syn::Item) -> DResult<syn::ImplItem> {
    Ok(match item {
        syn::Item::Fn(f) => {
            syn::ImplItem::Fn(syn::ImplItemFn { attrs: f.attrs, vis: f.vis, modifiers: Default::default(), sig: f.sig, block: *f.block })
        }
        syn::Item::Const(c) => syn::ImplItem::Const(syn::ImplItemConst {
            attrs: c.attrs,
            vis: c.vis,
            modifiers: Default::default(),
            const_token: c.const_token,
            ident: c.ident,
            generics: c.generics,
            colon_token: c.colon_token,
            ty: *c.ty,
            eq_token: c.eq_token,
            expr: *c.expr,
            semi_token: c.semi_token,
        }),
        syn::Item::Type(t) => syn::ImplItem::Type(syn::ImplItemType {
            attrs: t.attrs,
            vis: t.vis,
            modifiers: Default::default(),
            type_token: t.type_token,
            ident: t.ident,
            generics: t.generics,
            eq_token: t.eq_token,
            ty: *t.ty,
            semi_token: t.semi_token,
        }),
        other => return Err(Diagnostic::unsupported("this item inside an `impl` block", range_of(&other))),
    })
}

/// Items a macro may produce today: generic ones are parsed again from
/// their source text (by the generics collection and for each instance),
/// which a macro's output has not.
fn check_generated(items: &[syn::Item]) -> DResult<()> {
    // FIXME(generic items from macros): keep their syntax instead
    let generic = |at: std::ops::Range<usize>| Err(Diagnostic::unsupported("generic items and traits produced by a macro call", at));
    for item in items {
        match item {
            syn::Item::Fn(f) if crate::resolve::has_generics(&f.sig) => return generic(range_of(&f.sig.ident)),
            syn::Item::Trait(t) => return generic(range_of(&t.ident)),
            syn::Item::Impl(i) => {
                if !i.generics.params.is_empty() {
                    return generic(range_of(&*i.self_ty));
                }
                for ii in &i.items {
                    if let syn::ImplItem::Fn(f) = ii {
                        if crate::resolve::has_generics(&f.sig) {
                            return generic(range_of(&f.sig.ident));
                        }
                    }
                }
            }
            syn::Item::Struct(st) if !st.generics.params.is_empty() => return generic(range_of(&st.ident)),
            syn::Item::Mod(m) => {
                if let Some((_, inner)) = &m.content {
                    check_generated(inner)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

struct Pass<'a, 's> {
    env: Env<'s>,
    files: &'a [syn::File],
    mod_files: &'a HashMap<usize, usize>,
    overlay: HashMap<*const syn::Item, Vec<syn::Item>>,
    fn_tags: HashMap<*const syn::Signature, FnTag>,
    errors: Vec<Diagnostic>,
}

/// Expand the item-position macro calls of the crate whose files are
/// `files` (the root first).
pub fn expand_crate(
    source: &str,
    files: &[syn::File],
    mod_files: &HashMap<usize, usize>,
    library: &[(usize, &'static str)],
) -> ItemExpansion {
    let active = source.contains("macro_rules");
    let mut env = Env::new(source, None);
    env.active = active;
    let mut pass = Pass { env, files, mod_files, overlay: HashMap::new(), fn_tags: HashMap::new(), errors: Vec::new() };
    if let Some(root) = files.first() {
        pass.module(&root.items, None, "");
    }
    // each library file in its own textual scope, under its module's path
    for &(file, module) in library {
        let path = crate::library::module_path(module);
        pass.module(&files[file].items, None, &path);
    }
    let Pass { mut env, overlay, fn_tags, errors, .. } = pass;
    let expanded = std::mem::take(&mut env.expanded);
    let mut table = env.into_table();
    table.active = active;
    ItemExpansion { overlay, fn_tags, errors, table, expanded }
}

impl Pass<'_, '_> {
    fn tag(&mut self, sig: &syn::Signature, scope: Option<ScopeId>) {
        if scope.is_some() {
            self.fn_tags.insert(sig as *const syn::Signature, FnTag { scope, expanded: None });
        }
    }

    fn trait_items(&mut self, tr: &syn::ItemTrait, scope: Option<ScopeId>) {
        for ti in &tr.items {
            match ti {
                syn::TraitItem::Fn(f) => self.tag(&f.sig, scope),
                syn::TraitItem::Macro(m) => {
                    // FIXME(trait-item macros): calls inside `trait` blocks
                    self.errors.push(Diagnostic::unsupported("macro calls inside `trait` blocks", range_of(&m.mac)));
                }
                _ => {}
            }
        }
    }

    fn impl_items(&mut self, imp: &syn::ItemImpl, scope: Option<ScopeId>) {
        for ii in &imp.items {
            if let syn::ImplItem::Fn(f) = ii {
                self.tag(&f.sig, scope);
            }
        }
    }

    /// An `impl` block with macro calls among its items: replaced by a copy
    /// with the calls expanded, its functions tagged with their calls.
    fn impl_with_calls(&mut self, item: &syn::Item, imp: &syn::ItemImpl, scope: Option<ScopeId>, module: &str) -> DResult<()> {
        let mut clone = imp.clone();
        let origins = self.env.expand_impl_items(&mut clone, scope, module)?;
        let mut item_clone = syn::Item::Impl(clone);
        if self.env.active && super::body::outline_has_macros(&item_clone) {
            super::body::expand_item_outline(&mut self.env, scope, module, &mut item_clone)?;
        }
        let list = vec![item_clone];
        if let syn::Item::Impl(done) = &list[0] {
            for (ii, origin) in done.items.iter().zip(&origins) {
                if let syn::ImplItem::Fn(f) = ii {
                    let expanded = origin.as_ref().map(|(call, fn_index)| ExpandedFn {
                        invocation: call.clone(),
                        module: module.to_string(),
                        fn_index: *fn_index,
                    });
                    self.fn_tags.insert(&f.sig as *const syn::Signature, FnTag { scope, expanded });
                }
            }
        }
        self.overlay.insert(item as *const syn::Item, list);
        Ok(())
    }

    /// Walk a module's items in scope `scope`; the scope at its end.
    fn module(&mut self, list: &[syn::Item], mut scope: Option<ScopeId>, module: &str) -> Option<ScopeId> {
        for item in list {
            match item {
                syn::Item::Macro(mc) if is_definition(mc) => match self.env.define_item(mc, true, scope) {
                    Ok(s) => scope = Some(s),
                    Err(e) => self.errors.push(e),
                },
                syn::Item::Macro(mc) => {
                    let call = range_of(item);
                    // hygiene marks count from 0 in each call, as when a body
                    // thread expands it again
                    self.env.mark = 0;
                    match self.env.expand_item_call(mc, scope, module).and_then(|r| check_generated(&r.0).map(|()| r)) {
                        Ok((expanded, after)) => {
                            for (fn_index, (sig, _)) in fn_bodies(&expanded).into_iter().enumerate() {
                                let expanded = Some(ExpandedFn { invocation: call.clone(), module: module.to_string(), fn_index });
                                self.fn_tags.insert(sig as *const syn::Signature, FnTag { scope, expanded });
                            }
                            scope = after;
                            self.overlay.insert(item as *const syn::Item, expanded);
                        }
                        Err(e) => self.errors.push(e),
                    }
                }
                syn::Item::Impl(imp) if imp.items.iter().any(|ii| matches!(ii, syn::ImplItem::Macro(_))) => {
                    if let Err(e) = self.impl_with_calls(item, imp, scope, module) {
                        self.errors.push(e);
                    }
                }
                _ if self.env.active && super::body::outline_has_macros(item) => {
                    let mut clone = item.clone();
                    match super::body::expand_item_outline(&mut self.env, scope, module, &mut clone) {
                        Ok(()) => {
                            match &clone {
                                syn::Item::Fn(f) => self.tag(&f.sig, scope),
                                syn::Item::Impl(imp) => self.impl_items(imp, scope),
                                syn::Item::Trait(tr) => self.trait_items(tr, scope),
                                _ => {}
                            }
                            self.overlay.insert(item as *const syn::Item, vec![clone]);
                        }
                        Err(e) => self.errors.push(e),
                    }
                }
                syn::Item::Use(u) if self.env.active => {
                    // `use m;` / `pub(crate) use crate::a::m;` of macros: bound in
                    // the module's path scope, the item taken out of the walk.
                    // FIXME(use of macros): a `use` naming a macro and another
                    // item of the same name imports only the macro
                    let mut leaves = Vec::new();
                    if use_leaves(&u.tree, &mut Vec::new(), &mut leaves) {
                        let found: Option<Vec<(String, usize)>> = leaves
                            .iter()
                            .map(|(path, alias)| self.env.resolve_use(path, scope, module).map(|d| (alias.clone(), d)))
                            .collect();
                        if let Some(found) = found {
                            for (alias, def) in found {
                                self.env.bind_path(module, &alias, def);
                            }
                            self.overlay.insert(item as *const syn::Item, Vec::new());
                        }
                    }
                }
                syn::Item::Fn(f) => self.tag(&f.sig, scope),
                syn::Item::Impl(imp) => self.impl_items(imp, scope),
                syn::Item::Trait(tr) => self.trait_items(tr, scope),
                syn::Item::Mod(m) => {
                    let inner = match &m.content {
                        Some((_, inner)) => Some(inner.as_slice()),
                        None => self.mod_files.get(&range_of(&m.ident).start).map(|&f| self.files[f].items.as_slice()),
                    };
                    if let Some(inner) = inner {
                        let end = self.module(inner, scope, &child_path(module, &m.ident.to_string()));
                        if m.attrs.iter().any(|a| a.path().is_ident("macro_use")) {
                            scope = end;
                        }
                    }
                }
                _ => {}
            }
        }
        scope
    }
}

impl Env<'_> {
    /// Expand an item-position call into items, calls in them expanded
    /// too; also the scope after it (an expansion may define macros).
    pub fn expand_item_call(
        &mut self,
        mc: &syn::ItemMacro,
        scope: Option<ScopeId>,
        module: &str,
    ) -> DResult<(Vec<syn::Item>, Option<ScopeId>)> {
        let path_range = range_of(&mc.mac.path);
        let name = mc.mac.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
        let Some((id, rules)) = self.resolve(&mc.mac.path, scope, module)? else {
            return Err(super::unknown_macro(&name, path_range));
        };
        let call = range_of(&mc.mac);
        let tokens = self.expand_call(id, &rules, &mc.mac)?;
        let items = parse_items(tokens).map_err(|e| expansion_error(&e, &call))?;
        let top = self.stack.is_empty().then(|| (call.clone(), module.to_string(), scope));
        self.nested(call, &name, |env| {
            let mut out = Vec::with_capacity(items.len());
            let scope = env.flatten(items, scope, module, top, &mut out)?;
            Ok((out, scope))
        })
    }

    /// Items of an expansion with their calls expanded in place.
    /// Replace the macro calls among an `impl` block's items by the items
    /// they expand to; for each resulting item, the call it came from and
    /// its place among that call's functions.
    pub fn expand_impl_items(&mut self, imp: &mut syn::ItemImpl, scope: Option<ScopeId>, module: &str) -> DResult<Vec<Option<CallOrigin>>> {
        let mut items = Vec::with_capacity(imp.items.len());
        let mut origins = Vec::with_capacity(imp.items.len());
        for ii in std::mem::take(&mut imp.items) {
            let syn::ImplItem::Macro(m) = ii else {
                items.push(ii);
                origins.push(None);
                continue;
            };
            let mac_range = range_of(&m.mac);
            let call = mac_range.start..m.semi_token.map_or(mac_range.end, |s| crate::ranges::byte_range(s.span).end);
            let as_item = syn::ItemMacro { attrs: m.attrs, ident: None, mac: m.mac, semi_token: m.semi_token };
            // hygiene marks count from 0 in each call, as when a body thread
            // expands this call again on its own
            self.mark = 0;
            let (expanded, _) = self.expand_item_call(&as_item, scope, module)?;
            check_generated(&expanded)?;
            let mut fn_index = 0;
            for item in expanded {
                let origin = matches!(item, syn::Item::Fn(_)).then(|| (call.clone(), fn_index));
                fn_index += origin.is_some() as usize;
                items.push(impl_item(item)?);
                origins.push(origin);
            }
        }
        imp.items = items;
        Ok(origins)
    }

    /// `top`: the call in the source these items are the expansion of.
    fn flatten(
        &mut self,
        items: Vec<syn::Item>,
        mut scope: Option<ScopeId>,
        module: &str,
        top: Option<(Range<usize>, String, Option<ScopeId>)>,
        out: &mut Vec<syn::Item>,
    ) -> DResult<Option<ScopeId>> {
        let mut defs = 0;
        for item in items {
            match item {
                syn::Item::Macro(mc) if is_definition(&mc) => {
                    let s = self.define_item(&mc, false, scope)?;
                    if let Some((call, root, at)) = &top {
                        let def = self.defs.last_mut().expect("just defined");
                        def.from_call = Some((call.clone(), root.clone(), *at, defs));
                    }
                    defs += 1;
                    scope = Some(s);
                }
                syn::Item::Macro(mc) => {
                    let (more, after) = self.expand_item_call(&mc, scope, module)?;
                    out.extend(more);
                    scope = after;
                }
                syn::Item::Mod(mut m) => {
                    let Some((brace, inner)) = m.content.take() else {
                        return Err(Diagnostic::unsupported("`mod m;` produced by a macro", range_of(&m.ident)));
                    };
                    let mut flat = Vec::with_capacity(inner.len());
                    self.flatten(inner, scope, &child_path(module, &m.ident.to_string()), None, &mut flat)?;
                    m.content = Some((brace, flat));
                    out.push(syn::Item::Mod(m));
                }
                mut other => {
                    if let syn::Item::Impl(imp) = &mut other {
                        self.expand_impl_items(imp, scope, module)?;
                    }
                    super::body::expand_item_outline(self, scope, module, &mut other)?;
                    out.push(other);
                }
            }
        }
        Ok(scope)
    }
}
