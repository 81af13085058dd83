//! The type and const parameters of every generic function, with their bounds (inline, `where`, `impl Trait` arguments), read from the signatures after methods are registered.

use std::ops::Range;

use crate::diag::{range_of, DResult, Diagnostic};
use crate::generics::{Bound, ConstParam, TypeParam};
use crate::modtree::ModId;
use crate::resolve::{FnId, Items, Syntax};

/// The parameters of every generic function (after methods are registered).
pub fn define_all_generics(items: &mut Items, syntax: &Syntax<'_>) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for id in 0..items.fns.len() {
        if items.fns[id].generics.is_some() {
            if let Err(e) = define_generics(items, id, syntax.sigs[id], syntax.generic_impls.get(&id).copied()) {
                errors.push(e);
            }
        }
    }
    errors
}

/// The type and const parameters of generic function `id`, with their
/// bounds (inline, `where`, and `impl Trait` arguments).
fn define_generics(items: &mut Items, id: FnId, sig: &syn::Signature, block: Option<&syn::ItemImpl>) -> DResult<()> {
    let module = items.fns[id].module;
    let mut tparams = Vec::new();
    if let Some(t) = items.fns[id].in_trait {
        // a default method: generic over `Self: Trait`
        tparams.push(TypeParam {
            name: "Self".into(),
            bounds: vec![Bound::Trait(t)],
            range: items.traits[t].range.clone(),
            assoc_eqs: Vec::new(),
            trait_args: Vec::new(),
            fn_sig: None,
        });
        // and the trait's parameters (`Rhs` of `trait Mix<Rhs>`)
        for name in items.traits[t].params.clone() {
            let range = items.traits[t].range.clone();
            let (assoc_eqs, trait_args) = (Vec::new(), Vec::new());
            tparams.push(TypeParam { name, bounds: Vec::new(), range, assoc_eqs, trait_args, fn_sig: None });
        }
    }
    let mut consts = Vec::new();
    let impl_params = block.map(|b| b.generics.params.iter()).into_iter().flatten();
    let impl_preds = block.and_then(|b| b.generics.where_clause.as_ref()).map(|w| w.predicates.iter()).into_iter().flatten();
    for p in impl_params {
        match p {
            syn::GenericParam::Type(tp) => tparams.push(type_param(items, module, tp.ident.to_string(), range_of(&tp.ident), &tp.bounds)?),
            syn::GenericParam::Const(cp) => consts.push(const_param(cp)?),
            syn::GenericParam::Lifetime(_) => {}
        }
    }
    let (outer, outer_consts) = (tparams.len(), consts.len());
    for pred in impl_preds {
        add_where_bounds(items, module, &mut tparams, pred, "the impl's")?;
    }
    for p in &sig.generics.params {
        match p {
            syn::GenericParam::Type(tp) => {
                let param = type_param(items, module, tp.ident.to_string(), range_of(&tp.ident), &tp.bounds)?;
                if let Some((_, d)) = &tp.default {
                    return Err(Diagnostic::unsupported("defaults of type parameters", range_of(d)));
                }
                tparams.push(param);
            }
            syn::GenericParam::Const(cp) => consts.push(const_param(cp)?),
            syn::GenericParam::Lifetime(_) => {}
        }
    }
    let mut preds = Vec::new();
    for pred in sig.generics.where_clause.iter().flat_map(|w| w.predicates.iter()) {
        match crate::impl_pattern::other_type_pred(items, module, &tparams, pred)? {
            Some(p) => preds.extend(p),
            None => add_where_bounds(items, module, &mut tparams, pred, "the function's")?,
        }
    }
    // `x: impl Trait`: an anonymous parameter, named by the type's offset
    for arg in &sig.inputs {
        if let syn::FnArg::Typed(t) = arg {
            let mut found = Vec::new();
            impl_traits_in(&t.ty, &mut found);
            for it in found {
                let range = range_of(&syn::Type::ImplTrait(it.clone()));
                tparams.push(type_param(items, module, impl_trait_param(range.start), range, &it.bounds)?);
            }
        }
    }
    let generics = items.fns[id].generics.as_mut().expect("a generic function");
    generics.types = tparams;
    generics.consts = consts;
    generics.preds = preds;
    if block.is_some() {
        generics.outer_types = outer;
        generics.outer_consts = outer_consts;
    }
    Ok(())
}

/// The type of const parameter `cp` (an integer or `bool`).
pub(crate) fn const_param_type(cp: &syn::ConstParam) -> DResult<hybrid_ir::Scalar> {
    let ty = match &cp.ty {
        syn::Type::Path(p) => p.path.get_ident().and_then(|i| hybrid_ir::Scalar::from_name(&i.to_string())),
        _ => None,
    };
    ty.filter(|s| s.is_int() || *s == hybrid_ir::Scalar::Bool)
        .ok_or_else(|| Diagnostic::unsupported("const parameters of this type", range_of(&cp.ty)))
}

fn const_param(cp: &syn::ConstParam) -> DResult<ConstParam> {
    let ty = const_param_type(cp)?;
    Ok(ConstParam { name: cp.ident.to_string(), ty, range: range_of(&cp.const_token).start..range_of(&cp.ty).end })
}

/// The argument and result types of a `Fn(A) -> R` bound among `list`.
/// Type parameter `name` with the bounds of `list` (trait bounds, their
/// associated-type equalities and arguments, an `Fn(A) -> R` signature).
fn type_param(
    items: &Items,
    module: ModId,
    name: String,
    range: Range<usize>,
    list: &syn::punctuated::Punctuated<syn::TypeParamBound, syn::Token![+]>,
) -> DResult<TypeParam> {
    let (mut bounds, mut assoc_eqs) = (Vec::new(), Vec::new());
    items.bounds_of(module, list.iter(), &mut bounds, &mut assoc_eqs)?;
    Ok(TypeParam { name, bounds, range, assoc_eqs, trait_args: items.trait_args_of(module, list.iter()), fn_sig: fn_sig_of(list.iter()) })
}

/// A `where T: ..` predicate: its bounds added to parameter `T` of
/// `tparams` (`whose` names the parameters for the error on other types).
fn add_where_bounds(items: &Items, module: ModId, tparams: &mut [TypeParam], pred: &syn::WherePredicate, whose: &str) -> DResult<()> {
    let syn::WherePredicate::Type(pt) = pred else { return Ok(()) };
    let name = match &pt.bounded_ty {
        syn::Type::Path(p) if p.qself.is_none() => p.path.get_ident().map(|i| i.to_string()),
        _ => None,
    };
    let Some(i) = name.and_then(|n| tparams.iter().position(|p| p.name == n)) else {
        return Err(Diagnostic::unsupported(&format!("`where` clauses on types other than {whose} parameters"), range_of(&pt.bounded_ty)));
    };
    let (mut bounds, mut eqs) = (Vec::new(), Vec::new());
    items.bounds_of(module, pt.bounds.iter(), &mut bounds, &mut eqs)?;
    tparams[i].bounds.extend(bounds);
    tparams[i].assoc_eqs.extend(eqs);
    if let Some(f) = fn_sig_of(pt.bounds.iter()) {
        tparams[i].fn_sig = Some(f);
    }
    let args = items.trait_args_of(module, pt.bounds.iter());
    tparams[i].trait_args.extend(args);
    Ok(())
}

fn fn_sig_of<'b>(list: impl IntoIterator<Item = &'b syn::TypeParamBound>) -> Option<crate::generics::FnBoundSig> {
    list.into_iter().find_map(|b| {
        let syn::TypeParamBound::Trait(t) = b else { return None };
        let last = t.path.segments.last()?;
        let syn::PathArguments::Parenthesized(p) = &last.arguments else { return None };
        let output = match &p.output {
            syn::ReturnType::Default => None,
            syn::ReturnType::Type(_, ty) => Some(range_of(&**ty)),
        };
        Some(crate::generics::FnBoundSig { inputs: p.inputs.iter().map(|a| range_of(&a.ty)).collect(), output })
    })
}

/// The `impl Trait` types inside a parameter's type (`&impl Tr`, `[impl Tr; 2]`).
pub fn impl_traits_in<'t>(ty: &'t syn::Type, out: &mut Vec<&'t syn::TypeImplTrait>) {
    match ty {
        syn::Type::ImplTrait(it) => out.push(it),
        syn::Type::Reference(r) => impl_traits_in(&r.elem, out),
        syn::Type::Ptr(p) => impl_traits_in(&p.elem, out),
        syn::Type::Slice(s) => impl_traits_in(&s.elem, out),
        syn::Type::Array(a) => impl_traits_in(&a.elem, out),
        syn::Type::Paren(p) => impl_traits_in(&p.elem, out),
        syn::Type::Group(g) => impl_traits_in(&g.elem, out),
        syn::Type::Tuple(t) => t.elems.iter().for_each(|e| impl_traits_in(e, out)),
        _ => {}
    }
}

/// The name of the anonymous type parameter of an `impl Trait` argument
/// whose type starts at byte `at` (no user name can look like it).
pub fn impl_trait_param(at: usize) -> String {
    format!("impl#{at}")
}
