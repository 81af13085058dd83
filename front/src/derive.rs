//! Built-in derives that are real impls (`#[derive(Clone, Default, PartialOrd, Ord)]`):
//! before the items are parsed, each is expanded into the source text of the
//! impl rustc's derive generates (fields in order, an enum's variants by
//! discriminant first, `T: Trait` bounds on the type parameters), appended
//! to the program as one more file (`<derive>`); the item walk reads each
//! generated impl as an item of its type's module (`Walk::item`), so it is
//! an ordinary impl of the library trait from then on.
//!
//! The other derives stay the compiler's: `Debug` (`lower/debug.rs`),
//! `PartialEq` (`lower/derive_eq.rs`), `Copy` and `Eq` (markers), and
//! `Clone` of a `Copy` type (a copy, as rustc's `*self`).
//! FIXME(derives in the library): the library's own derives are not
//! expanded (its `Clone` derives are copies, `adt::derived_clone`).

use std::ops::Range;

use quote::{quote, ToTokens};

use crate::diag::{range_of, Diagnostic};
use crate::source::SourceFiles;

/// The derives expanded here.
const EXPANDED: &[&str] = &["Clone", "Default", "PartialOrd", "Ord"];

/// The generated impls: their text, and for each the offset of its first
/// byte in that text and the offset (global) of its type's name.
pub struct Expansion {
    pub text: String,
    pub owners: Vec<(usize, usize)>,
    /// Where an error inside the text is shown (rustc shows a derive's
    /// errors at the field, else at the derive's trait name): ranges of the
    /// text and the program's ranges they stand for, innermost first.
    pub spans: Vec<(Range<usize>, Range<usize>)>,
}

/// The text of one impl being generated, with the program's ranges its
/// pieces stand for.
#[derive(Default)]
struct Gen {
    text: String,
    spans: Vec<(Range<usize>, Range<usize>)>,
}

impl Gen {
    fn push(&mut self, text: impl std::fmt::Display) {
        use std::fmt::Write;
        let _ = write!(self.text, "{text} ");
    }

    /// A piece that stands for the program's `source` range (a field).
    fn piece(&mut self, text: impl std::fmt::Display, source: Range<usize>) {
        let start = self.text.len();
        self.push(text);
        self.spans.push((start..self.text.len(), source));
    }
}

/// Expand the derives of the program's files (before the library is
/// appended); `None` when there are none.
pub fn expand(files: &SourceFiles) -> Result<Option<Expansion>, Diagnostic> {
    if !may_expand(&files.text) {
        return Ok(None);
    }
    let mut out = Expansion { text: String::new(), owners: Vec::new(), spans: Vec::new() };
    for f in &files.files {
        proc_macro2::extra::invalidate_current_thread_spans();
        let text = &files.text[f.range.clone()];
        let scope = crate::ranges::SourceScope::new(text);
        scope.set_base(f.range.start);
        // (a syntax error is reported by the item parse)
        let Ok(file) = syn::parse_file(text) else { continue };
        expand_items(&file.items, &mut out)?;
    }
    proc_macro2::extra::invalidate_current_thread_spans();
    Ok((!out.owners.is_empty()).then_some(out))
}

/// Whether some `derive(..)` list of the text asks for an expanded derive
/// (a scan of the text: the program is parsed again only then). `Clone`
/// with `Copy` is not expanded: its impl would be `*self`, which the
/// compiler's copy already is (`adt::derived_clone`).
fn may_expand(text: &str) -> bool {
    text.match_indices("derive(").any(|(at, _)| {
        let list = &text[at + 7..];
        let list = &list[..list.find(')').unwrap_or(list.len())];
        let names: Vec<&str> = list.split(',').map(|n| n.trim().rsplit("::").next().unwrap_or_default()).collect();
        names.iter().any(|n| matches!(*n, "Default" | "PartialOrd" | "Ord")) || (names.contains(&"Clone") && !names.contains(&"Copy"))
    })
}

/// The first derive of `attrs` that is expanded here (its name and the
/// range of its path), for the walk to tell a type whose derives were not
/// expanded (one a macro call produces).
pub fn first_expanded(attrs: &[syn::Attribute]) -> Option<(String, Range<usize>)> {
    let mut paths = Vec::new();
    for a in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let _ = a.parse_nested_meta(|meta| {
            paths.push(meta.path.clone());
            Ok(())
        });
    }
    let copy = paths.iter().any(|p| p.is_ident("Copy"));
    paths.iter().find_map(|p| {
        let name = p.segments.last()?.ident.to_string();
        (EXPANDED.contains(&name.as_str()) && !(name == "Clone" && copy)).then(|| (name, range_of(p)))
    })
}

/// The derives of `items` and of the items nested in them (inline
/// modules, function bodies).
fn expand_items(items: &[syn::Item], out: &mut Expansion) -> Result<(), Diagnostic> {
    for item in items {
        match item {
            syn::Item::Struct(s) => expand_type(&TypeDef::Struct(s), &s.attrs, out)?,
            syn::Item::Enum(e) => expand_type(&TypeDef::Enum(e), &e.attrs, out)?,
            syn::Item::Mod(m) => {
                if let Some((_, inner)) = &m.content {
                    expand_items(inner, out)?;
                }
            }
            syn::Item::Fn(f) => expand_block(&f.block, out)?,
            syn::Item::Impl(i) => {
                for ii in &i.items {
                    if let syn::ImplItem::Fn(f) = ii {
                        expand_block(&f.block, out)?;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn expand_block(block: &syn::Block, out: &mut Expansion) -> Result<(), Diagnostic> {
    for stmt in &block.stmts {
        if let syn::Stmt::Item(item) = stmt {
            expand_items(std::slice::from_ref(item), out)?;
        }
    }
    Ok(())
}

/// A struct or an enum.
enum TypeDef<'a> {
    Struct(&'a syn::ItemStruct),
    Enum(&'a syn::ItemEnum),
}

impl TypeDef<'_> {
    fn ident(&self) -> &syn::Ident {
        match self {
            TypeDef::Struct(s) => &s.ident,
            TypeDef::Enum(e) => &e.ident,
        }
    }

    fn generics(&self) -> &syn::Generics {
        match self {
            TypeDef::Struct(s) => &s.generics,
            TypeDef::Enum(e) => &e.generics,
        }
    }
}

/// The derives of one type, in the order written.
fn expand_type(ty: &TypeDef<'_>, attrs: &[syn::Attribute], out: &mut Expansion) -> Result<(), Diagnostic> {
    for a in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let mut paths = Vec::new();
        let _ = a.parse_nested_meta(|meta| {
            paths.push(meta.path.clone());
            Ok(())
        });
        let copy = paths.iter().any(|p| p.is_ident("Copy"));
        for path in paths.iter() {
            let Some(last) = path.segments.last() else { continue };
            let name = last.ident.to_string();
            if !EXPANDED.contains(&name.as_str()) || (name == "Clone" && copy) {
                continue;
            }
            let mut gen = Gen::default();
            match name.as_str() {
                "Clone" => derive_clone(ty, &mut gen),
                "Default" => derive_default(ty, range_of(path), &mut gen)?,
                "PartialOrd" => derive_compare(ty, Compare::Partial, &mut gen),
                _ => derive_compare(ty, Compare::Total, &mut gen),
            }
            let base = out.text.len();
            out.owners.push((base, range_of(ty.ident()).start));
            out.spans.extend(gen.spans.into_iter().map(|(r, src)| (base + r.start..base + r.end, src)));
            out.spans.push((base..base + gen.text.len(), range_of(path)));
            out.text.push_str(&gen.text);
            out.text.push('\n');
        }
    }
    Ok(())
}

/// `impl<T: Trait, ..> Trait for Name<T, ..> where ..` (rustc's derive
/// bounds every type parameter by the trait); the self type a piece that
/// stands for the type's name.
fn impl_head(gen: &mut Gen, ty: &TypeDef<'_>, trait_path: &syn::Path) {
    let mut generics = ty.generics().clone();
    for p in generics.type_params_mut() {
        p.bounds.push(syn::TypeParamBound::Trait(syn::TraitBound {
            paren_token: None,
            lifetimes: None,
            modifiers: syn::TraitBoundModifiers::default(),
            maybe: None,
            path: trait_path.clone(),
        }));
    }
    let ident = ty.ident();
    let (ig, tg, wc) = generics.split_for_impl();
    gen.push(quote!(impl #ig #trait_path for));
    gen.piece(quote!(#ident #tg), range_of(ident));
    gen.push(quote!(#wc));
}

/// The members of a struct's or variant's fields (`a`, `0`), with the
/// fields' ranges.
fn members(fields: &syn::Fields) -> Vec<(syn::Member, Range<usize>)> {
    fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let m = match &f.ident {
                Some(id) => syn::Member::Named(id.clone()),
                None => syn::Member::Unnamed(syn::Index::from(i)),
            };
            (m, range_of(f))
        })
        .collect()
}

/// `Clone` (of a type that is not `Copy`): the fields' clones.
fn derive_clone(ty: &TypeDef<'_>, gen: &mut Gen) {
    impl_head(gen, ty, &syn::parse_quote!(Clone));
    gen.push("{ fn clone(&self) -> Self {");
    let ident = ty.ident();
    match ty {
        TypeDef::Struct(s) => {
            let fields = members(&s.fields);
            match &s.fields {
                syn::Fields::Named(_) => {
                    gen.push(quote!(#ident));
                    gen.push("{");
                    for ((m, at), f) in fields.into_iter().zip(&s.fields) {
                        let value = clone_of(&f.ty, &quote!(self.#m));
                        gen.piece(quote!(#m: #value,), at);
                    }
                    gen.push("}");
                }
                syn::Fields::Unnamed(_) => {
                    gen.push(quote!(#ident));
                    gen.push("(");
                    for ((m, at), f) in fields.into_iter().zip(&s.fields) {
                        let value = clone_of(&f.ty, &quote!(self.#m));
                        gen.piece(quote!(#value,), at);
                    }
                    gen.push(")");
                }
                syn::Fields::Unit => gen.push(quote!(#ident)),
            }
        }
        TypeDef::Enum(e) => {
            gen.push("match self {");
            for v in &e.variants {
                let (names, pattern) = variant_pattern(v, "a");
                let vi = &v.ident;
                gen.push(quote!(#pattern =>));
                match &v.fields {
                    syn::Fields::Named(named) => {
                        gen.push(quote!(Self::#vi));
                        gen.push("{");
                        for ((n, f), field) in names.iter().zip(named.named.iter().map(|f| f.ident.clone())).zip(&v.fields) {
                            let value = clone_of(&field.ty, &quote!(*#n));
                            gen.piece(quote!(#f: #value,), range_of(field));
                        }
                        gen.push("},");
                    }
                    syn::Fields::Unnamed(_) => {
                        gen.push(quote!(Self::#vi));
                        gen.push("(");
                        for (n, field) in names.iter().zip(&v.fields) {
                            let value = clone_of(&field.ty, &quote!(*#n));
                            gen.piece(quote!(#value,), range_of(field));
                        }
                        gen.push("),");
                    }
                    syn::Fields::Unit => gen.push(quote!(Self::#vi,)),
                }
            }
            gen.push("}");
        }
    }
    gen.push("} }");
}

/// The clone of place `place` of type `ty`: a tuple's element by element
/// (FIXME(generic impls of tuples and arrays): no library impls yet; an
/// array's clone is the compiler's copy), others by its `clone`.
fn clone_of(ty: &syn::Type, place: &proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    match ty {
        syn::Type::Tuple(t) => {
            let elems = t.elems.iter().enumerate().map(|(k, e)| {
                let k = syn::Index::from(k);
                clone_of(e, &quote!((#place).#k))
            });
            quote!((#(#elems,)*))
        }
        syn::Type::Paren(p) => clone_of(&p.elem, place),
        _ => quote!((#place).clone()),
    }
}

/// `Default`: the fields' defaults; an enum's `#[default]` unit variant.
fn derive_default(ty: &TypeDef<'_>, derive_at: Range<usize>, gen: &mut Gen) -> Result<(), Diagnostic> {
    let ident = ty.ident();
    let body_of = |gen: &mut Gen| {
        impl_head(gen, ty, &syn::parse_quote!(core::default::Default));
        gen.push("{ fn default() -> Self {");
    };
    match ty {
        TypeDef::Struct(s) => {
            body_of(gen);
            let fields = members(&s.fields);
            match &s.fields {
                syn::Fields::Named(_) => {
                    gen.push(quote!(#ident));
                    gen.push("{");
                    for ((m, at), f) in fields.into_iter().zip(&s.fields) {
                        let value = default_of(&f.ty);
                        gen.piece(quote!(#m: #value,), at);
                    }
                    gen.push("}");
                }
                syn::Fields::Unnamed(_) => {
                    gen.push(quote!(#ident));
                    gen.push("(");
                    for ((_, at), f) in fields.into_iter().zip(&s.fields) {
                        let value = default_of(&f.ty);
                        gen.piece(quote!(#value,), at);
                    }
                    gen.push(")");
                }
                syn::Fields::Unit => gen.push(quote!(#ident)),
            }
        }
        TypeDef::Enum(e) => {
            let Some(v) = e.variants.iter().find(|v| v.attrs.iter().any(|a| a.path().is_ident("default"))) else {
                return Err(Diagnostic::at(Some("E0665"), "`#[derive(Default)]` on enum with no `#[default]`", derive_at, "").secondary(
                    crate::ranges::byte_range(e.enum_token.span).start..crate::ranges::byte_range(e.brace_token.span.close()).end,
                    "this enum needs a unit variant marked with `#[default]`",
                ));
            };
            if !matches!(v.fields, syn::Fields::Unit) {
                return Err(Diagnostic::at(
                    None,
                    "the `#[default]` attribute may only be used on unit enum variants",
                    range_of(&v.ident),
                    "",
                )
                .help("consider a manual implementation of `Default`"));
            }
            body_of(gen);
            let vi = &v.ident;
            gen.push(quote!(Self::#vi));
        }
    }
    gen.push("} }");
    Ok(())
}

/// The default value of a field of type `ty`: arrays and tuples element
/// by element (FIXME(generic impls of tuples and arrays): the library has
/// no `Default` impls for them yet), others `Default::default()`.
fn default_of(ty: &syn::Type) -> proc_macro2::TokenStream {
    match ty {
        syn::Type::Array(a) => {
            let (elem, len) = (default_of(&a.elem), &a.len);
            quote!([#elem; #len])
        }
        syn::Type::Tuple(t) => {
            let elems = t.elems.iter().map(default_of);
            quote!((#(#elems,)*))
        }
        syn::Type::Paren(p) => default_of(&p.elem),
        _ => quote!(core::default::Default::default()),
    }
}

/// `PartialOrd` (`partial_cmp`, `Option<Ordering>`) or `Ord` (`cmp`).
#[derive(Clone, Copy, PartialEq)]
enum Compare {
    Partial,
    Total,
}

impl Compare {
    /// The comparison of two places (`&T` operands) and the value it
    /// gives when they are equal.
    fn call(self, a: &proc_macro2::TokenStream, b: &proc_macro2::TokenStream) -> proc_macro2::TokenStream {
        match self {
            Compare::Partial => quote!(core::cmp::PartialOrd::partial_cmp(#a, #b)),
            Compare::Total => quote!(core::cmp::Ord::cmp(#a, #b)),
        }
    }

    fn equal(self) -> proc_macro2::TokenStream {
        match self {
            Compare::Partial => quote!(core::option::Option::Some(core::cmp::Ordering::Equal)),
            Compare::Total => quote!(core::cmp::Ordering::Equal),
        }
    }

    /// `match cmp { Equal => {} c => return c }` for each pair of places
    /// of a field's type, in order (each a piece standing for its field).
    fn chain(self, pairs: &[(proc_macro2::TokenStream, proc_macro2::TokenStream, &syn::Type, Range<usize>)], gen: &mut Gen) {
        for (a, b, ty, at) in pairs {
            gen.piece(self.compare_places(a, b, ty, 0), at.clone());
        }
    }

    /// The statements that return the order of places `a` and `b` of type
    /// `ty` unless they are equal: arrays and tuples element by element
    /// (FIXME(generic impls of tuples and arrays): the library has no impls
    /// for them yet), others by the trait.
    fn compare_places(
        self,
        a: &proc_macro2::TokenStream,
        b: &proc_macro2::TokenStream,
        ty: &syn::Type,
        depth: usize,
    ) -> proc_macro2::TokenStream {
        match ty {
            syn::Type::Array(arr) => {
                let (i, len) = (quote::format_ident!("__i{depth}"), &arr.len);
                let inner = self.compare_places(&quote!((#a)[#i]), &quote!((#b)[#i]), &arr.elem, depth + 1);
                quote!({ let mut #i: usize = 0; while #i < (#len) { #inner #i += 1; } })
            }
            syn::Type::Tuple(t) => {
                let parts = t.elems.iter().enumerate().map(|(k, e)| {
                    let k = syn::Index::from(k);
                    self.compare_places(&quote!((#a).#k), &quote!((#b).#k), e, depth)
                });
                quote!(#(#parts)*)
            }
            syn::Type::Paren(p) => self.compare_places(a, b, &p.elem, depth),
            _ => {
                let (call, equal) = (self.call(&quote!(&(#a)), &quote!(&(#b))), self.equal());
                quote!(match #call { #equal => {} cmp => return cmp, })
            }
        }
    }
}

/// rustc's derived `partial_cmp` / `cmp`: lexicographic over the fields in
/// order; an enum's variants by discriminant first, then the fields.
fn derive_compare(ty: &TypeDef<'_>, kind: Compare, gen: &mut Gen) {
    let (trait_path, method, ret): (syn::Path, _, _) = match kind {
        Compare::Partial => {
            (syn::parse_quote!(core::cmp::PartialOrd), quote!(partial_cmp), quote!(core::option::Option<core::cmp::Ordering>))
        }
        Compare::Total => (syn::parse_quote!(core::cmp::Ord), quote!(cmp), quote!(core::cmp::Ordering)),
    };
    impl_head(gen, ty, &trait_path);
    gen.push(format!("{{ fn {method}(&self, other: &Self) -> {ret} {{"));
    let equal = kind.equal();
    match ty {
        TypeDef::Struct(s) => {
            let pairs: Vec<_> =
                members(&s.fields).into_iter().zip(&s.fields).map(|((m, at), f)| (quote!(self.#m), quote!(other.#m), &f.ty, at)).collect();
            kind.chain(&pairs, gen);
            gen.push(&equal);
        }
        TypeDef::Enum(e) => {
            let index = discriminants(e);
            let by_index = match kind {
                Compare::Partial => quote!(core::option::Option::Some(core::cmp::Ord::cmp(&l, &r))),
                Compare::Total => quote!(core::cmp::Ord::cmp(&l, &r)),
            };
            gen.push(quote!(
                let l: isize = match self { #index };
                let r: isize = match other { #index };
                if l != r {
                    return #by_index;
                }
                match (self, other)
            ));
            gen.push("{");
            for v in e.variants.iter().filter(|v| !v.fields.is_empty()) {
                let (a, pa) = variant_pattern(v, "a");
                let (b, pb) = variant_pattern(v, "b");
                let pairs: Vec<_> =
                    a.into_iter().zip(b).zip(&v.fields).map(|((x, y), f)| (quote!(*#x), quote!(*#y), &f.ty, range_of(f))).collect();
                gen.push(quote!((#pa, #pb) =>));
                gen.push("{");
                kind.chain(&pairs, gen);
                gen.push(&equal);
                gen.push("}");
            }
            gen.push(quote!(_ => #equal,));
            gen.push("}");
        }
    }
    gen.push("} }");
}

/// The arms `Self::V { .. } => discriminant,` of an enum (rustc's derive
/// orders variants by their discriminants).
fn discriminants(e: &syn::ItemEnum) -> proc_macro2::TokenStream {
    let mut arms = Vec::new();
    let mut last: Option<String> = None;
    for v in &e.variants {
        let value = match (&v.discriminant, &last) {
            (Some((_, d)), _) => format!("({}) as isize", d.to_token_stream()),
            (None, Some(prev)) => format!("{prev} + 1"),
            (None, None) => "0".to_string(),
        };
        let vi = &v.ident;
        let any = match v.fields {
            syn::Fields::Named(_) => quote!(Self::#vi { .. }),
            syn::Fields::Unnamed(_) => quote!(Self::#vi(..)),
            syn::Fields::Unit => quote!(Self::#vi),
        };
        let expr: proc_macro2::TokenStream = value.parse().unwrap_or_default();
        arms.push(quote!(#any => #expr,));
        last = Some(format!("({value})"));
    }
    quote!(#(#arms)*)
}

/// A pattern binding variant `v`'s fields to `{prefix}0`, `{prefix}1`, ..
/// (references, by the default binding mode) and those names.
fn variant_pattern(v: &syn::Variant, prefix: &str) -> (Vec<proc_macro2::TokenStream>, proc_macro2::TokenStream) {
    let names: Vec<syn::Ident> = (0..v.fields.len()).map(|i| quote::format_ident!("{prefix}{i}")).collect();
    let vi = &v.ident;
    let pattern = match &v.fields {
        syn::Fields::Named(named) => {
            let fields = named.named.iter().map(|f| f.ident.clone());
            quote!(Self::#vi { #(#fields: #names),* })
        }
        syn::Fields::Unnamed(_) => quote!(Self::#vi(#(#names),*)),
        syn::Fields::Unit => quote!(Self::#vi),
    };
    (names.iter().map(|n| quote!(#n)).collect(), pattern)
}
