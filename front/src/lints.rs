//! rustc's warnings that hybridc reports (`unused_variables`, `unused_mut`,
//! `dead_code` of functions, `unreachable_code` of statements), with rustc's text and order, and the
//! `#[allow(..)]` / `#![allow(..)]` attributes that silence them.
//!
//! Bodies gather their lints while they are lowered (`lower/lints.rs`);
//! dead functions are those no call path from `main` reaches (the mono
//! collector's units and the instances each uses). Warnings are reported
//! only for programs without errors (FIXME(warnings with errors): rustc
//! prints the liveness lints of bodies that type-check next to errors).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use syn::punctuated::Punctuated;

use crate::diag::{range_of, Diagnostic};
use crate::mono::Unit;
use crate::resolve::Items;

/// A lint hybridc reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lint {
    UnusedVariables,
    UnusedMut,
    DeadCode,
    UnreachableCode,
}

impl Lint {
    pub fn name(self) -> &'static str {
        match self {
            Lint::UnusedVariables => "unused_variables",
            Lint::UnusedMut => "unused_mut",
            Lint::DeadCode => "dead_code",
            Lint::UnreachableCode => "unreachable_code",
        }
    }
}

/// The source ranges (an item with its body, a file) where `#[allow(..)]`
/// silences lints, with the lint names it lists.
#[derive(Default)]
pub struct LintLevels {
    allows: Vec<(Range<usize>, Vec<String>)>,
}

impl LintLevels {
    /// The `allow` attributes of the files' items (inner ones cover their file).
    /// (`#[allow]` on a statement: `lower/lints.rs`.) FIXME(lint levels in
    /// bodies): `#[warn]` inside an allowed item is not read.
    pub fn collect(files: &[syn::File]) -> Self {
        let mut levels = LintLevels::default();
        for file in files {
            let names = allowed_names(&file.attrs);
            if !names.is_empty() {
                let start = file.items.first().map_or(0, |i| range_of(i).start);
                let end = file.items.last().map_or(0, |i| range_of(i).end);
                levels.allows.push((start..end, names));
            }
            levels.items(&file.items);
        }
        levels
    }

    fn items(&mut self, items: &[syn::Item]) {
        for item in items {
            let attrs = match item {
                syn::Item::Fn(f) => &f.attrs,
                syn::Item::Impl(i) => {
                    for it in &i.items {
                        if let syn::ImplItem::Fn(f) = it {
                            self.add(&f.attrs, || range_of(it));
                        }
                    }
                    &i.attrs
                }
                syn::Item::Trait(t) => {
                    for it in &t.items {
                        if let syn::TraitItem::Fn(f) = it {
                            self.add(&f.attrs, || range_of(it));
                        }
                    }
                    &t.attrs
                }
                syn::Item::Mod(m) => {
                    if let Some((_, inner)) = &m.content {
                        self.items(inner);
                    }
                    &m.attrs
                }
                _ => continue,
            };
            self.add(attrs, || range_of(item));
        }
    }

    /// (the range only asked for when there is an `allow`: it prints the item)
    fn add(&mut self, attrs: &[syn::Attribute], range: impl FnOnce() -> Range<usize>) {
        let names = allowed_names(attrs);
        if !names.is_empty() {
            self.allows.push((range(), names));
        }
    }

    pub fn allowed(&self, lint: Lint, at: usize) -> bool {
        self.allows.iter().any(|(r, names)| r.contains(&at) && allows(names, lint))
    }
}

/// Do the names of an `#[allow(..)]` silence `lint` (by its name or a group it is in)?
pub(crate) fn allows(names: &[String], lint: Lint) -> bool {
    names.iter().any(|n| n == lint.name() || n == "unused" || n == "warnings")
}

/// The lint names of `#[allow(a, b)]` attributes.
pub(crate) fn allowed_names(attrs: &[syn::Attribute]) -> Vec<String> {
    let mut names = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("allow")) {
        if let Ok(paths) = attr.parse_args_with(Punctuated::<syn::Path, syn::Token![,]>::parse_terminated) {
            names.extend(paths.iter().filter_map(|p| p.get_ident().map(|i| i.to_string())));
        }
    }
    names
}

/// The program's warnings in rustc's order: each body's (in source
/// order of the functions), then the dead functions. `user_end`: where the program's
/// own files end (the derive expansions and the library never warn).
pub fn program_warnings(items: &Items, units: &mut [Unit], source: &str, levels: &LintLevels, user_end: usize) -> Vec<Diagnostic> {
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by_key(|&u| items.fns[units[u].fid].range.start);
    let mut warnings: Vec<(Lint, Diagnostic)> = Vec::new();
    let mut seen = HashSet::new();
    for u in order {
        for (lint, d) in std::mem::take(&mut units[u].lowered.warnings) {
            let at = d.primary.as_ref().map_or(0, |p| p.range.start);
            if seen.insert((lint, at)) {
                warnings.push((lint, d));
            }
        }
    }
    // rustc's type checker reports unreachable code, before the liveness lints of any body
    warnings.sort_by_key(|(lint, _)| *lint != Lint::UnreachableCode);
    warnings.extend(dead_functions(items, units, source).into_iter().map(|d| (Lint::DeadCode, d)));
    warnings
        .into_iter()
        .filter(|(lint, d)| {
            let at = d.primary.as_ref().map_or(0, |p| p.range.start);
            at < user_end && !levels.allowed(*lint, at)
        })
        .map(|(lint, mut d)| {
            d.lint = Some(lint.name());
            d
        })
        .collect()
}

/// `function `f` is never used` for each private free function of the
/// program no call path from `main` reaches. Methods, trait items, kernels,
/// `pub` and `const` functions are not judged (FIXME(dead methods): rustc
/// reports an impl's unused methods together; `pub` items of private
/// modules).
fn dead_functions(items: &Items, units: &[Unit], source: &str) -> Vec<Diagnostic> {
    let Some(main) = items.main else { return Vec::new() };
    let judged = |fid: usize| {
        let f = &items.fns[fid];
        let head = source.get(f.range.start.saturating_sub(40)..f.range.start).unwrap_or("");
        let head = head.rsplit(['}', ';', '{']).next().unwrap_or(head);
        f.owner.is_none()
            && f.in_impl.is_none()
            && f.in_trait.is_none()
            && !f.is_kernel
            && !f.host_declared
            && !matches!(f.vis, crate::modtree::Vis::Public)
            && !items.tree.in_library(f.module)
            && !head.contains("const")
            && !head.contains("extern")
            && fid != main
    };
    // unit (= function handle) -> units it uses
    let mut roots: Vec<usize> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if u.fid == main || !judged(u.fid) && !items.fns[u.fid].lazy {
            roots.push(i);
        }
    }
    let mut live_units = vec![false; units.len()];
    while let Some(i) = roots.pop() {
        if i >= units.len() || live_units[i] {
            continue;
        }
        live_units[i] = true;
        let u = &units[i];
        roots.extend(u.calls.iter().map(|c| c.0).chain(u.kernel_refs.iter().map(|c| c.0)).chain(u.uses.iter().copied()));
    }
    let mut live: HashMap<usize, bool> = HashMap::new();
    for (i, u) in units.iter().enumerate() {
        *live.entry(u.fid).or_default() |= live_units[i];
    }
    let mut dead: Vec<usize> = (0..items.fns.len()).filter(|&f| judged(f) && !live.get(&f).copied().unwrap_or(false)).collect();
    dead.sort_by_key(|&f| items.fns[f].range.start);
    dead.into_iter()
        .map(|f| Diagnostic::warning(format!("function `{}` is never used", items.fns[f].short_name()), items.fns[f].range.clone(), ""))
        .collect()
}
