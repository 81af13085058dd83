//! `dead_code` of the program's own structs, enums, fields and variants, as rustc: "struct `S`
//! is never constructed", "enum `E` is never used", "variants `B` and `C` are never
//! constructed", "fields `a` and `b` are never read" (with the "field in this struct" label and
//! the note on derived `Debug` / `Clone` impls, whose reads rustc ignores).
//!
//! Bodies record what they construct and which fields they read while they are lowered
//! ([`AdtUses`]); only the bodies a call path from `main` reaches count (`lints.rs`'s live
//! units), as rustc's reachability. A field is read by `x.f` (an assignment to it too, as
//! rustc 1.95) and by a struct or tuple-struct pattern whose sub-pattern is not `_`; a derived
//! `PartialEq`, `PartialOrd`, `Ord` or `Hash` reads every field. `pub` items are not judged
//! (FIXME(dead code): `pub` items of private modules, which rustc judges after the root
//! module's items); nor `pub` fields. FIXME(dead code): unread fields of a tuple struct or
//! variant before a read one, and of a tuple variant (rustc suggests `()` for them), are not reported; an enum is
//! "never used" when its name appears nowhere else in the program's text.

use std::collections::HashSet;
use std::ops::Range;

use crate::diag::Diagnostic;
use crate::enums::StructKind;
use crate::lints::{Lint, LintLevels};
use crate::lower::adt::Ctor;
use crate::resolve::Items;

/// A field's site in its struct or variant: the name (a tuple field's type) and whether it is `pub`.
#[derive(Clone, Debug)]
pub struct FieldSite {
    pub range: Range<usize>,
    pub public: bool,
}

/// The sites of a struct's or variant's fields.
pub fn field_sites(fields: &syn::Fields) -> Vec<FieldSite> {
    fields
        .iter()
        .map(|f| FieldSite {
            range: match &f.ident {
                Some(name) => crate::diag::range_of(name),
                None => crate::diag::range_of(&f.ty),
            },
            public: !matches!(f.vis, syn::Visibility::Inherited),
        })
        .collect()
}

/// What one body constructs and which fields it reads (`Ctor`, field position in it).
#[derive(Default)]
pub struct AdtUses {
    pub built: Vec<Ctor>,
    pub reads: Vec<(Ctor, usize)>,
}

impl AdtUses {
    pub fn build(&mut self, c: Ctor) {
        self.built.push(c);
    }
    pub fn read(&mut self, c: Ctor, field: usize) {
        self.reads.push((c, field));
    }
}

/// "`a`", "`a` and `b`", "`a`, `b`, and `c`".
pub fn name_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
        [] => String::new(),
    }
}

/// The derives whose field reads rustc ignores (`#[rustc_trivial_field_reads]`).
const TRIVIAL_READS: &[&str] = &["Clone", "Debug"];
/// The derives that read every field.
const READS_ALL: &[&str] = &["PartialEq", "PartialOrd", "Ord", "Hash"];

/// The dead structs, enums, variants and fields of the program, each with the offset of its
/// item's name (rustc reports dead code in item order). `uses`: the live bodies', each with
/// whether its field reads count and whether its constructions do.
pub fn dead_types<'u>(
    items: &Items,
    uses: impl Iterator<Item = (bool, bool, &'u AdtUses)>,
    source: &str,
    levels: &LintLevels,
    user_end: usize,
) -> Vec<(usize, Diagnostic)> {
    let mut built: HashSet<Ctor> = HashSet::new();
    let mut read: HashSet<(Ctor, usize)> = HashSet::new();
    for (reads_count, builds_count, u) in uses {
        if builds_count {
            built.extend(u.built.iter().copied());
        }
        if reads_count {
            read.extend(u.reads.iter().copied());
        }
    }
    let mut out = Vec::new();
    for (sid, info) in items.structs.iter().enumerate() {
        let at = info.range.start;
        if at >= user_end || items.tree.in_library(info.module) || levels.allowed(Lint::DeadCode, at) {
            continue;
        }
        // (a `pub` type is not judged, its private fields are)
        let public = declared_pub(source, at);
        let Some(name) = source.get(info.range.clone()) else { continue };
        let reads_all = info.derives.iter().any(|d| READS_ALL.contains(&d.as_str()));
        let note = derive_note(name, &info.derives);
        match &info.kind {
            StructKind::Enum(_) => {
                let Some(variants) = items.variants(sid) else { continue };
                if public {
                    continue;
                }
                if !named_elsewhere(source, user_end, name, &info.range) {
                    out.push((at, Diagnostic::warning(format!("enum `{name}` is never used"), info.range.clone(), "")));
                    continue;
                }
                let dead: Vec<usize> = (0..variants.len()).filter(|&v| !built.contains(&Ctor::Variant(sid, v))).collect();
                if !dead.is_empty() {
                    let names: Vec<String> = dead.iter().map(|&v| variants[v].name.clone()).collect();
                    let (what, verb) = if dead.len() == 1 { ("variant", "is") } else { ("variants", "are") };
                    let mut d = Diagnostic::warning(
                        format!("{what} {} {verb} never constructed", name_list(&names)),
                        variants[dead[0]].range.clone(),
                        "",
                    )
                    .secondary(info.range.clone(), format!("{what} in this enum"));
                    d.more_primaries = dead[1..].iter().map(|&v| variants[v].range.clone()).collect();
                    out.push((at, with_note(d, &note)));
                }
                for (v, variant) in variants.iter().enumerate() {
                    let c = Ctor::Variant(sid, v);
                    if dead.contains(&v) || reads_all {
                        continue;
                    }
                    let sites = info.field_sites.get(v).map_or(&[][..], Vec::as_slice);
                    let tuple = variant.form == crate::enums::FieldsForm::Tuple;
                    if let Some(d) = unread_fields(c, &variant.fields, sites, tuple, &read, variant.range.clone(), "variant") {
                        out.push((at, with_note(d, &note)));
                    }
                }
            }
            kind => {
                let c = Ctor::Struct(sid);
                let unit_path = *kind == StructKind::Unit && named_in_path(source, user_end, name);
                if !public && !built.contains(&c) && !unit_path && !constructed_in_const(items, source, name) {
                    out.push((at, Diagnostic::warning(format!("struct `{name}` is never constructed"), info.range.clone(), "")));
                    continue;
                }
                if reads_all || *kind == StructKind::Unit {
                    continue;
                }
                let sites = info.field_sites.first().map_or(&[][..], Vec::as_slice);
                let names: Vec<String> = match kind {
                    StructKind::Tuple => (0..sites.len()).map(|i| i.to_string()).collect(),
                    _ => sites.iter().map(|s| source.get(s.range.clone()).unwrap_or("").to_string()).collect(),
                };
                if let Some(d) = unread_fields(c, &names, sites, *kind == StructKind::Tuple, &read, info.range.clone(), "struct") {
                    out.push((at, with_note(d, &note)));
                }
            }
        }
    }
    out
}

/// "field `b` is never read" for the private fields of `c` no live body reads; `None` when
/// every one is read (or when a tuple form's unread fields are not all at its end: FIXME above).
fn unread_fields(
    c: Ctor,
    names: &[String],
    sites: &[FieldSite],
    tuple: bool,
    read: &HashSet<(Ctor, usize)>,
    owner: Range<usize>,
    owner_kind: &str,
) -> Option<Diagnostic> {
    let dead: Vec<usize> =
        (0..names.len().min(sites.len())).filter(|&i| !sites[i].public && !read.contains(&(c, i)) && !names[i].starts_with('_')).collect();
    let first = *dead.first()?;
    let trailing = dead.iter().enumerate().all(|(k, &i)| i == names.len() - dead.len() + k);
    if tuple && (!trailing || owner_kind == "variant") {
        return None;
    }
    let shown: Vec<String> = dead.iter().map(|&i| names[i].clone()).collect();
    let (what, verb) = if dead.len() == 1 { ("field", "is") } else { ("fields", "are") };
    let mut d = Diagnostic::warning(format!("{what} {} {verb} never read", name_list(&shown)), sites[first].range.clone(), "")
        .secondary(owner, format!("{what} in this {owner_kind}"));
    d.more_primaries = dead[1..].iter().map(|&i| sites[i].range.clone()).collect();
    if tuple {
        d = d.help(if dead.len() == 1 { "consider removing this field" } else { "consider removing these fields" });
        d.helps_first = true;
    }
    Some(d)
}

/// rustc's note on the derived impls it ignores (`Clone`, `Debug`), if the type has any.
fn derive_note(name: &str, derives: &[String]) -> Option<String> {
    // (rustc lists them last derive first)
    let mut traits: Vec<String> = derives.iter().rev().filter(|d| TRIVIAL_READS.contains(&d.as_str())).map(|d| format!("`{d}`")).collect();
    traits.dedup();
    match traits.as_slice() {
        [] => None,
        [one] => {
            Some(format!("`{name}` has a derived impl for the trait {one}, but this is intentionally ignored during dead code analysis"))
        }
        [a, b] => Some(format!(
            "`{name}` has derived impls for the traits {a} and {b}, but these are intentionally ignored during dead code analysis"
        )),
        _ => None,
    }
}

fn with_note(d: Diagnostic, note: &Option<String>) -> Diagnostic {
    match note {
        Some(n) => d.note(n.clone()),
        None => d,
    }
}

/// Is the item whose name starts at `at` declared `pub` (`pub struct S`)?
pub fn declared_pub(source: &str, at: usize) -> bool {
    let head = source.get(at.saturating_sub(40)..at).unwrap_or("");
    let head = head.rsplit(['}', ';', '{', ']']).next().unwrap_or(head);
    head.split_whitespace().next().is_some_and(|w| w.starts_with("pub"))
}

/// Does the word `name` appear in the program's text other than at `decl`?
fn named_elsewhere(source: &str, user_end: usize, name: &str, decl: &Range<usize>) -> bool {
    let text = source.get(..user_end).unwrap_or(source);
    let word = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(name).any(|(i, _)| {
        i != decl.start && !text[..i].chars().next_back().is_some_and(word) && !text[i + name.len()..].chars().next().is_some_and(word)
    })
}

/// Is `name` the first segment of a path (`Grid::N`, `<Grid as T>::X`) in the program's
/// text? (rustc counts such a use of a unit struct as its construction.)
fn named_in_path(source: &str, user_end: usize, name: &str) -> bool {
    let text = source.get(..user_end).unwrap_or(source);
    let word = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(name).any(|(i, _)| {
        let after = &text[i + name.len()..];
        !text[..i].chars().next_back().is_some_and(word) && (after.starts_with("::") || after.starts_with(" as "))
    })
}

/// A struct named in a `const` or `static` initializer counts as constructed (consts are
/// evaluated with the items, not by a body).
fn constructed_in_const(items: &Items, source: &str, name: &str) -> bool {
    items.consts.iter().any(|c| source.get(c.text.1.clone()).is_some_and(|t| named_elsewhere(t, t.len(), name, &(usize::MAX..usize::MAX))))
}
