//! rustc's warnings that hybridc reports (`unused_variables`, `unused_mut`, `unused_assignments`,
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
    UnusedAssignments,
    DeadCode,
    UnreachableCode,
}

impl Lint {
    pub fn name(self) -> &'static str {
        match self {
            Lint::UnusedVariables => "unused_variables",
            Lint::UnusedMut => "unused_mut",
            Lint::UnusedAssignments => "unused_assignments",
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
    let (dead_fns, live_units) = dead_functions(items, units, source, levels);
    let mut dead: Vec<(usize, Diagnostic)> = dead_fns.into_iter().map(|d| (d.primary.as_ref().map_or(0, |p| p.range.start), d)).collect();
    if items.main.is_some() {
        // (the derive expansions' field reads do not count, nor what a derived `clone` builds)
        let live = units.iter().zip(&live_units).filter(|(_, live)| **live);
        let uses = live.map(|(u, _)| {
            let f = &items.fns[u.fid];
            let own = f.range.start < user_end;
            (own, own || f.short_name() != "clone", &u.lowered.adt_uses)
        });
        dead.extend(crate::dead_types::dead_types(items, uses, source, levels, user_end));
    }
    dead.sort_by_key(|(at, _)| *at);
    warnings.extend(dead.into_iter().map(|(_, d)| (Lint::DeadCode, d)));
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
/// program no call path from `main` reaches, and `method `m` is never used`
/// for an inherent impl's methods (together per impl, as rustc; a `pub` one
/// only of a type not declared `pub`). Trait items, kernels, `pub` and `const`
/// functions are not judged (FIXME(dead code): `pub` items of private
/// modules; structs, fields and variants).
fn dead_functions(items: &Items, units: &[Unit], source: &str, levels: &LintLevels) -> (Vec<Diagnostic>, Vec<bool>) {
    let Some(main) = items.main else { return (Vec::new(), vec![false; units.len()]) };
    let judged = |fid: usize| {
        let f = &items.fns[fid];
        let head = source.get(f.range.start.saturating_sub(40)..f.range.start).unwrap_or("");
        let head = head.rsplit(['}', ';', '{']).next().unwrap_or(head);
        f.in_impl.is_none()
            && f.in_trait.is_none()
            && !f.is_kernel
            && !f.host_declared
            && (!matches!(f.vis, crate::modtree::Vis::Public)
                || f.owner.is_some_and(|s| !crate::dead_types::declared_pub(source, items.structs[s].range.start)))
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
    let (methods, functions): (Vec<usize>, Vec<usize>) = dead.into_iter().partition(|&f| items.fns[f].owner.is_some());
    let mut out: Vec<Diagnostic> = functions
        .into_iter()
        .map(|f| Diagnostic::warning(format!("function `{}` is never used", items.fns[f].short_name()), items.fns[f].range.clone(), ""))
        .collect();
    // an impl's dead methods together, under its header (an allowed one is left out)
    let mut by_impl: Vec<(Range<usize>, Vec<usize>)> = Vec::new();
    for f in methods {
        let at = items.fns[f].range.start;
        let Some(header) = impl_header(source, at) else { continue };
        if levels.allowed(Lint::DeadCode, at) {
            continue;
        }
        match by_impl.iter_mut().find(|(h, _)| *h == header) {
            Some((_, fs)) => fs.push(f),
            None => by_impl.push((header, vec![f])),
        }
    }
    for (header, fs) in by_impl {
        let names: Vec<String> = fs.iter().map(|&f| items.fns[f].short_name().to_string()).collect();
        let what = if names.len() == 1 { "method" } else { "methods" };
        let list = crate::dead_types::name_list(&names);
        let verb = if fs.len() == 1 { "is" } else { "are" };
        let mut d = Diagnostic::warning(format!("{what} {list} {verb} never used"), items.fns[fs[0]].range.clone(), "")
            .secondary(header, format!("{what} in this implementation"));
        d.more_primaries = fs[1..].iter().map(|&f| items.fns[f].range.clone()).collect();
        out.push(d);
    }
    (out, live_units)
}

/// The header `impl S` (up to its `{`) of the inherent impl whose body holds
/// the method named at `at`; `None` when it is not found.
fn impl_header(source: &str, at: usize) -> Option<Range<usize>> {
    let before = source.get(..at)?;
    let mut depth = 0i32;
    let mut open = None;
    for (i, c) in before.char_indices().rev() {
        match c {
            '}' => depth += 1,
            '{' if depth == 0 => {
                open = Some(i);
                break;
            }
            '{' => depth -= 1,
            _ => {}
        }
    }
    let open = open?;
    let head = &before[..open];
    let start = head.rfind("impl")?;
    let text = head[start..].trim_end();
    // (a trait impl's methods are not judged; a generic impl's header is `impl<T> S<T>`)
    if text.contains(" for ") || text.contains('}') || text.contains(';') {
        return None;
    }
    Some(start..start + text.len())
}
