//! Checks of impls once all impls are known: a derived `Copy` needs `Copy`
//! fields (E0204), an impl needs its trait's supertraits (E0277).

use hybrid_ir::TypeTable;

use crate::diag::{range_of, Diagnostic};
use crate::generics::Bound;
use crate::resolve::{Items, Syntax};

/// rustc's E0204: a struct that derives `Copy` needs fields that are
/// `Copy` (after impls are defined: a field's type may `impl Copy`).
/// FIXME(E0204 of generic structs and enums): only non-generic structs
/// are checked here.
pub(crate) fn check_derived_copy(items: &Items, syntax: &[Option<&syn::ItemStruct>], types: &TypeTable) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let copy = Bound::Lang("Copy".into());
    for (sid, item) in syntax.iter().enumerate().take(items.structs.len()) {
        let (Some(item), info) = (*item, &items.structs[sid]) else { continue };
        if !info.params.is_empty() || !info.derives.iter().any(|d| d == "Copy") {
            continue;
        }
        let fields = &types.structs[info.def].fields;
        let bad: Vec<_> =
            item.fields.iter().zip(fields).filter(|(_, f)| !items.satisfies(types, f.ty, &copy)).map(|(s, _)| range_of(s)).collect();
        if let Some(first) = bad.first() {
            let mut d = Diagnostic::at(Some("E0204"), "the trait `Copy` cannot be implemented for this type", range_of(&item.ident), "")
                .secondary(first.clone(), "this field does not implement `Copy`");
            for more in &bad[1..] {
                d = d.secondary(more.clone(), "this field does not implement `Copy`");
            }
            errors.push(d);
        }
    }
    errors
}

/// rustc's E0277 for an impl of a trait whose supertraits the type lacks
/// (`impl Ord for A` without `Eq`; a derived impl's error is shown at the
/// type). FIXME(supertraits of generic impls): impls for one concrete type
/// only.
pub(crate) fn check_supertraits(items: &Items, syntax: &Syntax<'_>, types: &TypeTable) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (index, imp) in items.impls.iter().enumerate() {
        let Bound::Trait(t) = imp.trait_id else { continue };
        if imp.concrete_self().is_none() {
            continue;
        }
        let Some(item) = syntax.impls.get(index) else { continue };
        let (ty, tname) = (types.display(imp.self_ty).to_string(), &items.traits[t].shown);
        for sup in &items.traits[t].supertraits {
            if items.satisfies(types, imp.self_ty, sup) {
                continue;
            }
            let sname = items.bound_name(sup);
            let at = range_of(&*item.self_ty);
            let d = if sname == "PartialEq" {
                Diagnostic::at(
                    Some("E0277"),
                    format!("can't compare `{ty}` with `{ty}`"),
                    at,
                    format!("no implementation for `{ty} == {ty}`"),
                )
                .help(format!("the trait `PartialEq` is not implemented for `{ty}`"))
            } else {
                Diagnostic::at(
                    Some("E0277"),
                    format!("the trait bound `{ty}: {sname}` is not satisfied"),
                    at,
                    format!("the trait `{sname}` is not implemented for `{ty}`"),
                )
            };
            let mut d = d.note(format!("required by a bound in `{tname}`"));
            d.helps_first = true;
            errors.push(d);
            break;
        }
    }
    errors
}
