//! Trait objects in the item table: the types `&dyn Tr`, `&mut dyn Tr` and
//! `Box<dyn Tr>` (IR structs `{ dyn_data: *mut u8, dyn_vtable.N: fn(usize)
//! -> *const u8 }`, `N` the trait's id, so two traits of one name stay two
//! types through the merge), rustc's dyn-compatibility rules (E0038), and
//! the vtable's slots (`library/core/dyn_object.rs` has the layout).

use std::ops::Range;

use hybrid_ir::{Field, Handle, Scalar, StructDef, Type, TypeTable};

use crate::diag::{range_of, DResult, Diagnostic};
use crate::generics::{Bound, TraitId};
use crate::resolve::Items;

/// The vtable slots before the methods: drop glue, size, alignment.
pub const FIRST_METHOD_SLOT: u64 = 3;

/// Which pointer a trait object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DynKind {
    Ref,
    RefMut,
    Box,
}

/// How a trait method takes part in the trait's objects (rustc's
/// dyn-compatibility), read from its signature when the trait is walked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MethodDyn {
    /// A `&self` / `&mut self` method: a vtable slot, callable through the object.
    Dispatch,
    /// `where Self: Sized`: not in the vtable, not callable through the object.
    SizedOnly,
    /// A method the trait's objects cannot have: the name's range and
    /// rustc's reason (`associated function `new` has no `self` parameter`).
    Violation(Range<usize>, String),
    /// A method the trait's objects could call but hybridc cannot yet
    /// (`self` by value, `self: Box<Self>`): not in the vtable.
    NotYet,
}

/// The dyn-compatibility of a trait method with signature `sig`.
pub fn method_dyn(sig: &syn::Signature) -> MethodDyn {
    let name = sig.ident.to_string();
    let at = range_of(&sig.ident);
    let sized_only = sig.generics.where_clause.as_ref().is_some_and(|w| {
        w.predicates.iter().any(|p| match p {
            syn::WherePredicate::Type(t) => {
                is_self(&t.bounded_ty) && t.bounds.iter().any(|b| matches!(b, syn::TypeParamBound::Trait(tb) if tb.path.is_ident("Sized")))
            }
            _ => false,
        })
    });
    if sized_only {
        return MethodDyn::SizedOnly;
    }
    let Some(syn::FnArg::Receiver(r)) = sig.inputs.first() else {
        return MethodDyn::Violation(at, format!("associated function `{name}` has no `self` parameter"));
    };
    if sig.generics.params.iter().any(|p| matches!(p, syn::GenericParam::Type(_))) {
        return MethodDyn::Violation(at, format!("method `{name}` has generic type parameters"));
    }
    let self_elsewhere = sig.inputs.iter().skip(1).any(|a| matches!(a, syn::FnArg::Typed(pt) if mentions_self(&pt.ty)))
        || matches!(&sig.output, syn::ReturnType::Type(_, t) if mentions_self(t));
    if self_elsewhere {
        return MethodDyn::Violation(at, format!("method `{name}` references the `Self` type in this parameter or return type"));
    }
    if !matches!(crate::syntax::self_param(r), crate::syntax::SelfParam::Ref { .. }) {
        return MethodDyn::NotYet;
    }
    MethodDyn::Dispatch
}

fn is_self(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.qself.is_none() && p.path.is_ident("Self"))
}

/// Does type `ty` name `Self` (not `Self::Item`, which rustc allows)?
fn mentions_self(ty: &syn::Type) -> bool {
    use quote::ToTokens;
    let mut found = false;
    let tokens: Vec<proc_macro2::TokenTree> = ty.to_token_stream().into_iter().collect();
    fn walk(tokens: &[proc_macro2::TokenTree], found: &mut bool) {
        for (i, t) in tokens.iter().enumerate() {
            match t {
                proc_macro2::TokenTree::Ident(id) if id == "Self" => {
                    let projected = matches!(tokens.get(i + 1), Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == ':');
                    if !projected {
                        *found = true;
                    }
                }
                proc_macro2::TokenTree::Group(g) => {
                    let inner: Vec<proc_macro2::TokenTree> = g.stream().into_iter().collect();
                    walk(&inner, found);
                }
                _ => {}
            }
        }
    }
    walk(&tokens, &mut found);
    found
}

impl Items {
    /// The IR type of `&dyn Tr` / `&mut dyn Tr` / `Box<dyn Tr>` of the trait
    /// object type `obj` (written at `range`), after the checks.
    pub fn dyn_type(
        &self,
        obj: &syn::TypeTraitObject,
        kind: DynKind,
        module: crate::modtree::ModId,
        types: &mut TypeTable,
    ) -> DResult<Handle<Type>> {
        let r = match obj.bounds.first() {
            Some(syn::TypeParamBound::Trait(t)) => range_of(&t.path),
            _ => 0..0,
        };
        let mut traits = Vec::new();
        for b in &obj.bounds {
            if let syn::TypeParamBound::Trait(t) = b {
                let path_range = range_of(&t.path);
                match self.resolve_bound(module, &t.path)? {
                    Bound::Trait(tid) => traits.push((tid, path_range)),
                    Bound::Lang(n) if matches!(n.as_str(), "Send" | "Sync") => {}
                    // `dyn Display` / `dyn Debug`: objects of the library's `fmt::DisplayObject` /
                    // `DebugObject` (blanket impls over the compiler's traits)
                    Bound::Lang(n)
                        if matches!(n.as_str(), "Display" | "Debug") && self.library_trait(&format!("fmt::{n}Object")).is_some() =>
                    {
                        traits.push((self.library_trait(&format!("fmt::{n}Object")).expect("checked"), path_range))
                    }
                    Bound::Lang(n) => {
                        return Err(Diagnostic::unsupported(&format!("trait objects of the standard trait `{n}`"), path_range))
                    }
                }
            }
        }
        let [(tid, at)] = traits.as_slice() else {
            return Err(Diagnostic::unsupported("a trait object of more than one trait", r));
        };
        self.check_dyn_compatible(*tid, at.clone())?;
        Ok(self.dyn_type_of(*tid, kind, types))
    }

    /// The IR struct of a trait object of `tid` (made once per table).
    pub fn dyn_type_of(&self, tid: TraitId, kind: DynKind, types: &mut TypeTable) -> Handle<Type> {
        // (`dyn Display` is shown as rustc shows it, not as the library's `DisplayObject`)
        let shown = match self.traits[tid].name.as_str() {
            "core::fmt::DisplayObject" => "Display",
            "core::fmt::DebugObject" => "Debug",
            _ => &self.traits[tid].shown,
        };
        let name = match kind {
            DynKind::Ref => format!("&dyn {shown}"),
            DynKind::RefMut => format!("&mut dyn {shown}"),
            DynKind::Box => format!("Box<dyn {shown}>"),
        };
        let u8_ty = types.scalar(Scalar::U8);
        let data = types.insert(Type::Pointer { pointee: u8_ty, mutable: true, reference: false });
        let usize_ty = types.scalar(Scalar::Usize);
        let slot = types.insert(Type::Pointer { pointee: u8_ty, mutable: false, reference: false });
        let vtable = types.insert(Type::FnPtr { params: vec![usize_ty], ret: slot });
        let def = StructDef {
            name,
            fields: vec![Field { name: "dyn_data".into(), ty: data }, Field { name: format!("dyn_vtable.{tid}"), ty: vtable }],
        };
        let existing = types.structs.iter().find(|(_, d)| **d == def).map(|(h, _)| h);
        let sid = existing.unwrap_or_else(|| types.structs.append(def));
        types.insert(Type::Struct(sid))
    }

    /// Is `ty` a trait object type: which trait, which pointer?
    pub fn dyn_of(&self, types: &TypeTable, ty: Handle<Type>) -> Option<(TraitId, DynKind)> {
        let Type::Struct(def) = types.get(ty) else { return None };
        let def = &types.structs[*def];
        let tid: TraitId = def.fields.get(1)?.name.strip_prefix("dyn_vtable.")?.parse().ok()?;
        let kind = match def.name.as_bytes() {
            [b'&', b'm', ..] => DynKind::RefMut,
            [b'&', ..] => DynKind::Ref,
            _ => DynKind::Box,
        };
        Some((tid, kind))
    }

    /// rustc's E0038 for a trait whose objects cannot exist; `at` is the
    /// trait's path in `dyn Tr`.
    pub fn check_dyn_compatible(&self, tid: TraitId, at: Range<usize>) -> DResult<()> {
        let mut seen = Vec::new();
        self.check_dyn_compatible_in(tid, tid, &at, &mut seen)
    }

    fn check_dyn_compatible_in(&self, shown: TraitId, tid: TraitId, at: &Range<usize>, seen: &mut Vec<TraitId>) -> DResult<()> {
        if seen.contains(&tid) {
            return Ok(());
        }
        seen.push(tid);
        let tr = &self.traits[tid];
        let name = &self.traits[shown].shown;
        let e0038 = |why_at: Range<usize>, why: String| {
            Diagnostic::at(Some("E0038"), format!("the trait `{name}` is not dyn compatible"), at.clone(), format!("`{name}` is not dyn compatible"))
                .span_note(
                    why_at,
                    format!(
                        "for a trait to be dyn compatible it needs to allow building a vtable\n      for more information, visit <https://doc.rust-lang.org/reference/items/traits.html#dyn-compatibility>\n...because {why}"
                    ),
                )
        };
        for m in &tr.methods {
            if let MethodDyn::Violation(r, why) = &m.dyn_compat {
                return Err(e0038(r.clone(), why.clone()));
            }
        }
        if let Some(c) = tr.consts.first() {
            return Err(e0038(c.range.clone(), format!("it contains this associated `const` (`{}`)", c.name)));
        }
        if !tr.params.is_empty() {
            return Err(Diagnostic::unsupported("trait objects of generic traits", at.clone()));
        }
        if !tr.assoc_types.is_empty() {
            return Err(Diagnostic::unsupported("trait objects of traits with associated types", at.clone()));
        }
        for s in tr.supertraits.clone() {
            if let Bound::Trait(s) = s {
                self.check_dyn_compatible_in(shown, s, at, seen)?;
            }
        }
        Ok(())
    }

    /// The methods in `tid`'s vtable, in slot order from
    /// [`FIRST_METHOD_SLOT`]: its own dispatchable methods, then each
    /// supertrait's (depth first, each trait once), with the trait that
    /// declares each.
    pub fn dyn_methods(&self, tid: TraitId) -> Vec<(TraitId, String)> {
        let mut out = Vec::new();
        let mut seen = Vec::new();
        self.dyn_methods_in(tid, &mut out, &mut seen);
        out
    }

    fn dyn_methods_in(&self, tid: TraitId, out: &mut Vec<(TraitId, String)>, seen: &mut Vec<TraitId>) {
        if seen.contains(&tid) {
            return;
        }
        seen.push(tid);
        for m in &self.traits[tid].methods {
            if m.dyn_compat == MethodDyn::Dispatch {
                out.push((tid, m.name.clone()));
            }
        }
        for s in self.traits[tid].supertraits.clone() {
            if let Bound::Trait(s) = s {
                self.dyn_methods_in(s, out, seen);
            }
        }
    }

    /// A method `name` of `tid` or its supertraits that a trait object
    /// cannot call (`where Self: Sized`, or not supported yet).
    pub fn dyn_uncallable(&self, tid: TraitId, name: &str) -> Option<MethodDyn> {
        let mut all = vec![tid];
        let mut i = 0;
        while i < all.len() {
            let t = all[i];
            if let Some(m) = self.traits[t].method(name) {
                return Some(m.dyn_compat.clone());
            }
            for s in &self.traits[t].supertraits {
                if let Bound::Trait(s) = s {
                    if !all.contains(s) {
                        all.push(*s);
                    }
                }
            }
            i += 1;
        }
        None
    }
}
