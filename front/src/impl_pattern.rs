//! Generic impls of generic traits (`impl<T: Copy> From<T> for W<T>`, `impl<T, U: From<T>> Into<U> for T`): the impl's self type and trait arguments as a pattern over its type parameters, matched against concrete types to find the impl and its parameters' values.

use hybrid_ir::{Handle, Type, TypeTable};

use crate::diag::{range_of, DResult, Diagnostic};
use crate::generics::TypeParam;
use crate::generics::{Bound, GenericEnv, TraitId};
use crate::infer::{Infer, Shape, TyId};
use crate::modtree::ModId;
use crate::modtree::{Def, Ns, PathRes};
use crate::resolve::{Items, Syntax};
use crate::types::TypeScope;

/// The types of a generic impl of a generic trait, written over its type
/// parameters: `Param(i)` of `table` is the impl's `i`-th one.
#[derive(Clone, Debug)]
pub struct ImplPattern {
    pub table: Infer,
    pub self_ty: TyId,
    /// The trait's arguments (`[Param(0)]` of `From<T>`).
    pub trait_args: Vec<TyId>,
    /// Per type parameter: its bounds (the traits, without arguments).
    pub bounds: Vec<Vec<Bound>>,
    /// The bounds on generic traits (`U: From<T>`): the parameter, the
    /// trait and its arguments (in `table`).
    pub trait_bounds: Vec<(usize, TraitId, Vec<TyId>)>,
    /// The impl's head as rustc's notes show it (`impl<T> From<T> for T`).
    pub head: String,
}

/// What matching a pattern found: each parameter's value, `None` where
/// nothing given determines it (`U` of `Into<U> for T` without the arguments).
pub type ParamValues = Vec<Option<Handle<Type>>>;

impl Items {
    /// The pattern of `impl<..> Tr<args> for self_ty` (`seg` is the trait's
    /// last path segment, `trait_params` the trait's parameters with their defaults).
    pub(crate) fn impl_pattern(
        &self,
        imp: &syn::ItemImpl,
        seg: &syn::PathSegment,
        trait_params: &[&syn::TypeParam],
        module: ModId,
        types: &mut TypeTable,
    ) -> DResult<ImplPattern> {
        if let Some(c) = imp.generics.const_params().next() {
            return Err(Diagnostic::unsupported("const parameters on generic impls of generic traits", range_of(&c.ident)));
        }
        let mut table = Infer::with_templates(self.templates.clone());
        let mut env = GenericEnv::default();
        let names: Vec<String> = imp.generics.type_params().map(|p| p.ident.to_string()).collect();
        for (i, n) in names.iter().enumerate() {
            let t = table.known(Shape::Param(i as u32));
            env.types.push((n.clone(), t));
        }
        let convert = |table: &mut Infer, env: &GenericEnv, ty: &syn::Type, module: ModId, types: &mut TypeTable| {
            let scope = TypeScope { self_ty: None, allow_infer: false, module, env, impl_of: None };
            self.convert_in(ty, types, table, &scope)
        };
        let self_ty = convert(&mut table, &env, &imp.self_ty, module, types)?;
        env.types.push(("Self".to_string(), self_ty));
        let given: Vec<&syn::Type> = match &seg.arguments {
            syn::PathArguments::AngleBracketed(a) => {
                a.args.iter().filter_map(|g| if let syn::GenericArgument::Type(ty) = g { Some(ty) } else { None }).collect()
            }
            _ => Vec::new(),
        };
        let mut trait_args = Vec::with_capacity(trait_params.len());
        for (i, p) in trait_params.iter().enumerate() {
            let t = match (given.get(i), &p.default) {
                (Some(g), _) => convert(&mut table, &env, g, module, types)?,
                (None, Some((_, d))) => convert(&mut table, &env, d, module, types)?,
                (None, None) => return Err(Diagnostic::unsupported("this trait's arguments", range_of(&seg.ident))),
            };
            trait_args.push(t);
        }
        let mut bounds = vec![Vec::new(); names.len()];
        let mut trait_bounds = Vec::new();
        let mut add = |i: usize, list: &syn::punctuated::Punctuated<syn::TypeParamBound, syn::Token![+]>, table: &mut Infer| {
            let mut eqs = Vec::new();
            self.bounds_of(module, list.iter(), &mut bounds[i], &mut eqs)?;
            if let Some((_, _, r)) = eqs.first() {
                return Err(Diagnostic::unsupported("equality bounds on generic impls of generic traits", r.clone()));
            }
            for (t, written) in generic_trait_bounds(list, self, module) {
                let args = written.into_iter().map(|a| convert(table, &env, a, module, types)).collect::<DResult<Vec<_>>>()?;
                trait_bounds.push((i, t, args));
            }
            Ok(())
        };
        for (i, p) in imp.generics.type_params().enumerate() {
            add(i, &p.bounds, &mut table)?;
        }
        for pred in imp.generics.where_clause.iter().flat_map(|w| w.predicates.iter()) {
            let syn::WherePredicate::Type(pt) = pred else { continue };
            let i = match &pt.bounded_ty {
                syn::Type::Path(p) if p.qself.is_none() => p.path.get_ident().and_then(|id| names.iter().position(|n| id == n)),
                _ => None,
            };
            let Some(i) = i else {
                return Err(Diagnostic::unsupported("`where` clauses on types other than the impl's parameters", range_of(&pt.bounded_ty)));
            };
            add(i, &pt.bounds, &mut table)?;
        }
        let (trait_path, self_ty_syn) = (imp.trait_.as_ref().map(|(p, _)| p), &imp.self_ty);
        let head = format!(
            "impl<{}> {} for {}",
            names.join(", "),
            tokens_text(quote::quote!(#trait_path)),
            tokens_text(quote::quote!(#self_ty_syn))
        );
        Ok(ImplPattern { table, self_ty, trait_args, bounds, trait_bounds, head })
    }

    /// Does pattern `p` cover `ty` (with the trait's arguments `args`, when
    /// given)? The parameters' values, their bounds satisfied as far as known.
    pub(crate) fn match_pattern(
        &self,
        types: &TypeTable,
        p: &ImplPattern,
        ty: Handle<Type>,
        args: Option<&[Handle<Type>]>,
    ) -> Option<ParamValues> {
        let (mut infer, vars, values) = self.unify_pattern(types, p, ty, args)?;
        let ok = crate::traits::within_depth(|| {
            let plain = p.bounds.iter().zip(&values).all(|(bs, v)| v.is_none_or(|t| bs.iter().all(|b| self.satisfies(types, t, b))));
            plain && self.failed_trait_bound(types, p, &mut infer, &vars, &values).is_none()
        });
        ok.then_some(values)
    }

    /// The pattern's types unified with `ty` and `args`: the table, the
    /// parameters' variables and their values (no bounds checked).
    fn unify_pattern(
        &self,
        types: &TypeTable,
        p: &ImplPattern,
        ty: Handle<Type>,
        args: Option<&[Handle<Type>]>,
    ) -> Option<(Infer, Vec<TyId>, ParamValues)> {
        let mut infer = Infer::with_templates(self.templates.clone());
        let vars: Vec<TyId> = p.bounds.iter().map(|_| infer.var(crate::infer::VarKind::General)).collect();
        let self_t = infer.instantiate_from(&p.table, p.self_ty, &vars);
        let it = infer.import(ty, types);
        infer.unify(self_t, it).ok()?;
        if let Some(args) = args {
            if args.len() != p.trait_args.len() {
                return None;
            }
            for (&pa, &a) in p.trait_args.iter().zip(args) {
                let pt = infer.instantiate_from(&p.table, pa, &vars);
                let at = infer.import(a, types);
                infer.unify(pt, at).ok()?;
            }
        }
        let values: ParamValues = vars.iter().map(|&v| infer.existing(v)).collect();
        Some((infer, vars, values))
    }

    /// The first of the pattern's bounds on generic traits that the values
    /// do not satisfy (`Fahrenheit: From<i32>`): the type, trait and arguments.
    fn failed_trait_bound(
        &self,
        types: &TypeTable,
        p: &ImplPattern,
        infer: &mut Infer,
        vars: &[TyId],
        values: &ParamValues,
    ) -> Option<(Handle<Type>, TraitId, Vec<Handle<Type>>)> {
        p.trait_bounds.iter().find_map(|(i, t, targs)| {
            let on = values[*i]?;
            let targs: Vec<Handle<Type>> = targs
                .iter()
                .map(|&a| {
                    let x = infer.instantiate_from(&p.table, a, vars);
                    infer.existing(x)
                })
                .collect::<Option<_>>()?;
            self.impl_of_args(types, *t, on, &targs).is_none().then_some((on, *t, targs))
        })
    }

    /// Why no impl of generic trait `t` gives `ty: t<args>` when a generic
    /// impl's types fit but its bound on another generic trait fails (`i32:
    /// Into<F>` for want of `F: From<i32>`): that bound.
    pub(crate) fn unmet_pattern_bound(
        &self,
        types: &TypeTable,
        t: TraitId,
        ty: Handle<Type>,
        args: &[Handle<Type>],
    ) -> Option<(Handle<Type>, TraitId, Vec<Handle<Type>>)> {
        self.impls.iter().filter(|i| i.trait_id == Bound::Trait(t)).find_map(|i| {
            let p = i.pattern.as_deref()?;
            let (mut infer, vars, values) = self.unify_pattern(types, p, ty, Some(args))?;
            self.failed_trait_bound(types, p, &mut infer, &vars, &values)
        })
    }

    /// The trait arguments pattern impl `index` has for `ty`, when its
    /// parameters' values determine them (`From<T> for T` of `i64`: `[i64]`).
    pub(crate) fn pattern_trait_args(&self, types: &TypeTable, index: usize, ty: Handle<Type>) -> Option<Option<Vec<Handle<Type>>>> {
        let p = self.impls[index].pattern.as_deref()?;
        let values = self.match_pattern(types, p, ty, None)?;
        let mut infer = Infer::with_templates(self.templates.clone());
        let vars: Option<Vec<TyId>> = values.iter().map(|v| v.map(|t| infer.import(t, types))).collect();
        let Some(vars) = vars else { return Some(None) };
        let args = p
            .trait_args
            .iter()
            .map(|&a| {
                let x = infer.instantiate_from(&p.table, a, &vars);
                infer.existing(x)
            })
            .collect();
        Some(args)
    }
}

/// The bounds on generic traits among `list` and their written type
/// arguments (`From<T>`: `From`, `[T]`).
fn generic_trait_bounds<'l>(
    list: &'l syn::punctuated::Punctuated<syn::TypeParamBound, syn::Token![+]>,
    items: &Items,
    module: ModId,
) -> Vec<(TraitId, Vec<&'l syn::Type>)> {
    let mut out = Vec::new();
    for b in list {
        let syn::TypeParamBound::Trait(tb) = b else { continue };
        let Ok(Bound::Trait(t)) = items.resolve_bound(module, &tb.path) else { continue };
        if items.traits[t].params.is_empty() {
            continue;
        }
        let Some(syn::PathArguments::AngleBracketed(a)) = tb.path.segments.last().map(|s| &s.arguments) else { continue };
        out.push((t, a.args.iter().filter_map(|g| if let syn::GenericArgument::Type(ty) = g { Some(ty) } else { None }).collect()));
    }
    out
}

/// Tokens as rustc prints a path or type (`From<T>`, not `From < T >`).
pub(crate) fn tokens_text(t: proc_macro2::TokenStream) -> String {
    t.to_string().replace(" < ", "<").replace("< ", "<").replace(" >", ">").replace(" ,", ",").replace(" :: ", "::").replace("& ", "&")
}

/// A generic impl of a generic trait: over a generic struct (`impl<T: Copy> From<T> for W<T>`) or blanket
/// (`impl<T, U: From<T>> Into<U> for T`), matched by its pattern (`crate::impl_pattern`).
pub(crate) fn define_pattern_impl(
    items: &mut Items,
    index: usize,
    imp: &syn::ItemImpl,
    t: crate::generics::TraitId,
    syntax: &Syntax<'_>,
    types: &mut TypeTable,
) -> DResult<()> {
    let module = items.impls[index].module;
    let Some((path, _)) = &imp.trait_ else { return Err(Diagnostic::ice("an inherent impl in the trait impl table")) };
    let seg = path.segments.last().ok_or_else(|| Diagnostic::ice("an empty trait path"))?;
    let params: Vec<&syn::TypeParam> = syntax.traits[t].generics.type_params().collect();
    let pattern = items.impl_pattern(imp, seg, &params, module, types)?;
    let sid = match &*imp.self_ty {
        syn::Type::Path(p) if p.qself.is_none() => match items.resolve(module, &p.path, Ns::Type) {
            Ok(Some(PathRes::Def(Def::Struct(sid)))) if !items.structs[sid].params.is_empty() => Some(sid),
            _ => None,
        },
        _ => None,
    };
    let blanket = crate::traits::blanket_param(imp);
    // `impl<T> Tr<T> for Vec<T>`, `(A, B)`, `&'a [T]`: the pattern chooses the impl by the
    // trait's arguments too; the shape finds its methods on receivers (`crate::shape_pattern`)
    let shape = match sid.is_none() && blanket.is_none() {
        true => Some(crate::shape_pattern::shape_pattern(items, module, imp, types)?),
        false => None,
    };
    crate::traits::check_impl_types(items, &Bound::Trait(t), imp)?;
    for ii in &imp.items {
        if let syn::ImplItem::Type(ty) = ii {
            items.impls[index].generic_assoc.push((ty.ident.to_string(), range_of(&ty.ty)));
        }
    }
    if blanket.is_none() {
        check_generic_overlap(items, index, &Bound::Trait(t), syntax, types, &pattern)?;
    }
    let info = &mut items.impls[index];
    info.trait_id = Bound::Trait(t);
    info.generic_struct = sid;
    let blanket_at = blanket.and_then(|name| imp.generics.type_params().position(|p| p.ident == name));
    info.blanket = blanket_at.map(|i| pattern.bounds[i].clone());
    info.pattern = Some(Box::new(pattern));
    info.shape = shape;
    Ok(())
}

/// A `where W<T>: Tr<A> + Ur<B>` predicate on a type other than a
/// parameter, whose bounds are program traits with their arguments: one
/// [`WherePred`](crate::generics::WherePred) for each (`None` for a
/// predicate on a parameter, or with another bound).
pub(crate) fn other_type_pred(
    items: &Items,
    module: ModId,
    tparams: &[TypeParam],
    pred: &syn::WherePredicate,
) -> DResult<Option<Vec<crate::generics::WherePred>>> {
    let syn::WherePredicate::Type(pt) = pred else { return Ok(None) };
    if let syn::Type::Path(p) = &pt.bounded_ty {
        if p.qself.is_none() && p.path.get_ident().is_some_and(|i| tparams.iter().any(|t| i == &t.name)) {
            return Ok(None);
        }
    }
    let mut preds = Vec::new();
    for b in &pt.bounds {
        let tb = match b {
            syn::TypeParamBound::Trait(t) => t,
            syn::TypeParamBound::Lifetime(_) => continue,
            _ => return Ok(None),
        };
        let Bound::Trait(t) = items.resolve_bound(module, &tb.path)? else { return Ok(None) };
        let args = match tb.path.segments.last().map(|s| &s.arguments) {
            Some(syn::PathArguments::AngleBracketed(a)) => a
                .args
                .iter()
                .map(|g| match g {
                    syn::GenericArgument::Type(ty) => Ok(range_of(ty)),
                    other => Err(Diagnostic::unsupported("this argument in a `where` bound", range_of(other))),
                })
                .collect::<DResult<Vec<_>>>()?,
            _ => Vec::new(),
        };
        if args.len() != items.traits[t].params.len() {
            return Ok(None);
        }
        preds.push(crate::generics::WherePred { ty: range_of(&pt.bounded_ty), trait_id: t, args, range: range_of(&tb.path) });
    }
    Ok((!preds.is_empty()).then_some(preds))
}

/// The pattern of impl `index` (generic, not blanket) over its parameters,
/// built again from its syntax where it kept none; `None` where it has none
/// (const parameters, equality bounds: FIXME(overlap of generic impls): not compared).
fn overlap_pattern(items: &Items, index: usize, syntax: &Syntax<'_>, types: &mut TypeTable) -> Option<ImplPattern> {
    let info = &items.impls[index];
    if info.blanket.is_some() || info.concrete_self().is_some() {
        return None;
    }
    if let Some(p) = info.pattern.as_deref() {
        return Some(p.clone());
    }
    let imp = syntax.impls[index];
    let seg = imp.trait_.as_ref()?.0.segments.last()?;
    let params: Vec<&syn::TypeParam> = match info.trait_id {
        Bound::Trait(t) => syntax.traits[t].generics.type_params().collect(),
        Bound::Lang(_) => Vec::new(),
    };
    items.impl_pattern(imp, seg, &params, info.module, types).ok()
}

/// rustc's E0119 between generic impl `index` (its `pattern`) and an
/// earlier generic impl of its trait whose types unify with its own
/// (`impl<T> Tr<T> for S<T>` and `impl<U: Copy> Tr<U> for S<U>`; the
/// bounds are not asked, as rustc's coherence asks none that both could meet).
pub(crate) fn check_generic_overlap(
    items: &Items,
    index: usize,
    tr: &Bound,
    syntax: &Syntax<'_>,
    types: &mut TypeTable,
    pattern: &ImplPattern,
) -> DResult<()> {
    for prev in 0..index {
        if items.impls[prev].trait_id != *tr {
            continue;
        }
        let Some(other) = overlap_pattern(items, prev, syntax, types) else { continue };
        let mut infer = Infer::with_templates(items.templates.clone());
        let mine: Vec<TyId> = pattern.bounds.iter().map(|_| infer.var(crate::infer::VarKind::General)).collect();
        let theirs: Vec<TyId> = other.bounds.iter().map(|_| infer.var(crate::infer::VarKind::General)).collect();
        let self_t = infer.instantiate_from(&pattern.table, pattern.self_ty, &mine);
        let other_t = infer.instantiate_from(&other.table, other.self_ty, &theirs);
        if infer.unify(self_t, other_t).is_err() || pattern.trait_args.len() != other.trait_args.len() {
            continue;
        }
        let mut args = Vec::new();
        let mut unified = true;
        for (&a, &b) in pattern.trait_args.iter().zip(&other.trait_args) {
            let (x, y) = (infer.instantiate_from(&pattern.table, a, &mine), infer.instantiate_from(&other.table, b, &theirs));
            unified &= infer.unify(x, y).is_ok();
            args.push(x);
        }
        if !unified {
            continue;
        }
        let shown_args: Vec<String> = args.iter().map(|&a| infer.display(a)).collect();
        let mut shown = items.bound_name(tr);
        if !shown_args.is_empty() {
            shown = format!("{shown}<{}>", shown_args.join(", "));
        }
        let on = infer.display(self_t);
        return Err(Diagnostic::at(
            Some("E0119"),
            format!("conflicting implementations of trait `{shown}` for type `{on}`"),
            items.impls[index].range.clone(),
            format!("conflicting implementation for `{on}`"),
        )
        .secondary(items.impls[prev].range.clone(), "first implementation here"));
    }
    Ok(())
}
