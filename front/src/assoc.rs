//! Associated items of traits and impls: associated consts evaluated per impl (the trait's defaults filled in), inherent associated consts, the bounds of traits' associated types, and the lookups lowering uses (`T::ZERO` of a concrete type, an impl's associated type).

use hybrid_ir::{Handle, Scalar, Type, TypeTable};

use crate::consteval::{self, ConstValue};
use crate::diag::{range_of, DResult, Diagnostic};
use crate::generics::{AssocConst, Bound, InlineConst, TraitId};
use crate::modtree::ModId;
use crate::modtree::{Def, Ns, PathRes};
use crate::resolve::{InModule, Items, Syntax};

/// `const N: T = e;` in an `impl` block.
pub struct ImplConstDecl<'a> {
    pub module: ModId,
    pub self_ty: &'a syn::Type,
    /// The trait impl (index into `Items::impls`), `None` in an inherent impl.
    pub impl_of: Option<usize>,
    pub c: &'a syn::ImplItemConst,
}

impl Items {
    /// The associated const `name` of type `ty`: an inherent one first,
    /// then one of the trait impls covering `ty`.
    pub fn assoc_const_of(&self, types: &TypeTable, ty: Handle<Type>, name: &str) -> Option<AssocConst> {
        if let Type::Struct(def) = types.get(ty) {
            if let Some(sid) = self.struct_of(types, *def) {
                if let Some(c) = self.structs[sid].consts.iter().find(|c| c.name == name) {
                    return Some(c.clone());
                }
            }
        }
        let imp = self.impls.iter().filter(|i| self.impl_covers(types, i, ty)).find_map(|i| i.consts.iter().find(|c| c.name == name));
        imp.cloned()
    }

    /// The associated type `name` an impl covering concrete `ty` gives (of
    /// trait `tr`, or of any trait when `None`).
    pub fn impl_assoc_type(&self, _types: &TypeTable, ty: Handle<Type>, tr: Option<TraitId>, name: &str) -> Option<Handle<Type>> {
        self.impls
            .iter()
            .filter(|i| tr.is_none_or(|t| i.trait_id == Bound::Trait(t)) && i.concrete_self() == Some(ty))
            .find_map(|i| i.assoc_types.iter().find(|(n, _)| n == name).map(|(_, t)| *t))
    }

    /// The associated type `name` of the impl of generic trait `tr` with
    /// arguments `args` for concrete `ty` (`<S as Conv<i32>>::Out`).
    pub fn impl_assoc_type_args(&self, ty: Handle<Type>, tr: TraitId, args: &[Handle<Type>], name: &str) -> Option<Handle<Type>> {
        self.impls
            .iter()
            .filter(|i| i.trait_id == Bound::Trait(tr) && i.concrete_self() == Some(ty) && i.trait_args == args)
            .find_map(|i| i.assoc_types.iter().find(|(n, _)| n == name).map(|(_, t)| *t))
    }

    /// The trait among `bounds` (with their supertraits) that declares
    /// associated type `name`.
    pub fn trait_with_assoc_type(&self, bounds: &[Bound], name: &str) -> Option<TraitId> {
        let mut seen: Vec<Bound> = bounds.to_vec();
        let mut k = 0;
        while k < seen.len() {
            if let Bound::Trait(t) = seen[k] {
                if self.traits[t].assoc_type(name).is_some() {
                    return Some(t);
                }
                for s in &self.traits[t].supertraits {
                    if !seen.contains(s) {
                        seen.push(s.clone());
                    }
                }
            }
            k += 1;
        }
        None
    }
}

/// The bounds of every trait's associated types (`type Item: Copy;`).
pub fn define_assoc_type_bounds(items: &mut Items, syntax: &Syntax<'_>) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (tid, t) in syntax.traits.iter().enumerate() {
        let module = items.traits[tid].module;
        for ti in &t.items {
            let syn::TraitItem::Type(ty) = ti else { continue };
            let mut bounds = Vec::new();
            let mut eqs = Vec::new();
            if let Err(e) = items.bounds_of(module, ty.bounds.iter(), &mut bounds, &mut eqs) {
                errors.push(e);
                continue;
            }
            if let Some((_, _, r)) = eqs.first() {
                errors.push(Diagnostic::unsupported("equality bounds on associated types", r.clone()));
            }
            let name = ty.ident.to_string();
            if let Some(a) = items.traits[tid].assoc_types.iter_mut().find(|a| a.name == name) {
                a.bounds = bounds;
            }
        }
    }
    errors
}

/// Evaluate the associated consts of every impl (after the impls' types
/// are known): the impl's own (E0438 for one the trait lacks), then the
/// trait's defaults it does not override.
pub fn define_assoc_consts(items: &mut Items, syntax: &Syntax<'_>, types: &mut TypeTable) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for decl in &syntax.impl_consts {
        if let Err(e) = impl_const(items, decl, types) {
            errors.push(e);
        }
    }
    for index in 0..items.impls.len() {
        let Bound::Trait(t) = items.impls[index].trait_id else { continue };
        let Some(trait_syntax) = syntax.traits.get(t) else { continue };
        for ti in &trait_syntax.items {
            let syn::TraitItem::Const(c) = ti else { continue };
            let Some((_, default)) = &c.default else { continue };
            let name = c.ident.to_string();
            if items.impls[index].consts.iter().any(|x| x.name == name) {
                continue;
            }
            let imp = &items.impls[index];
            let self_ty = imp.concrete_self();
            let module = items.traits[t].module;
            match evaluate(items, &c.ty, default, self_ty, module, Some(index), types) {
                Ok((value, ty, inline)) => items.impls[index].consts.push(AssocConst { name, value, ty, inline }),
                Err(e) => errors.push(e),
            }
        }
    }
    errors
}

/// One `const N: T = e;` of an impl block.
fn impl_const(items: &mut Items, decl: &ImplConstDecl<'_>, types: &mut TypeTable) -> DResult<()> {
    let c = decl.c;
    let name = c.ident.to_string();
    match decl.impl_of {
        Some(index) => {
            if let Bound::Trait(t) = items.impls[index].trait_id {
                if items.traits[t].assoc_const(&name).is_none() {
                    let tname = items.traits[t].shown.clone();
                    return Err(Diagnostic::at(
                        Some("E0438"),
                        format!("const `{name}` is not a member of trait `{tname}`"),
                        range_of(c),
                        format!("not a member of trait `{tname}`"),
                    ));
                }
            }
            if items.impls[index].consts.iter().any(|x| x.name == name) {
                return Err(duplicate(&name, range_of(&c.ident)));
            }
            let imp = &items.impls[index];
            let self_ty = imp.concrete_self();
            let (value, ty, inline) = evaluate(items, &c.ty, &c.expr, self_ty, decl.module, Some(index), types)?;
            items.impls[index].consts.push(AssocConst { name, value, ty, inline });
        }
        None => {
            let sid = match decl.self_ty {
                syn::Type::Path(p) if p.qself.is_none() => match items.resolve(decl.module, &p.path, Ns::Type)? {
                    Some(PathRes::Def(Def::Struct(sid))) if items.structs[sid].params.is_empty() => sid,
                    Some(PathRes::Def(Def::Struct(sid))) => return generic_impl_const(items, decl, sid, &p.path),
                    _ => return Err(Diagnostic::unsupported("associated consts of this type", range_of(decl.self_ty))),
                },
                other => return Err(Diagnostic::unsupported("associated consts of this type", range_of(other))),
            };
            if items.structs[sid].consts.iter().any(|x| x.name == name) || items.structs[sid].methods.contains_key(&name) {
                return Err(duplicate(&name, range_of(&c.ident)));
            }
            let self_ty = Some(items.structs[sid].ty);
            let (value, ty, inline) = evaluate(items, &c.ty, &c.expr, self_ty, decl.module, None, types)?;
            items.structs[sid].consts.push(AssocConst { name, value, ty, inline });
        }
    }
    Ok(())
}

/// `const CAP: usize = N;` in `impl<const N: usize> Buf<N>`: an expression of the impl's
/// parameters, lowered for each instance at its uses (`Buf::<4>::CAP`, `Self::CAP`).
fn generic_impl_const(items: &mut Items, decl: &ImplConstDecl<'_>, sid: usize, path: &syn::Path) -> DResult<()> {
    let c = decl.c;
    let name = c.ident.to_string();
    let args = match path.segments.last().map(|s| &s.arguments) {
        Some(syn::PathArguments::AngleBracketed(a)) => a.args.iter().collect::<Vec<_>>(),
        _ => Vec::new(),
    };
    let mut params = Vec::with_capacity(args.len());
    for a in &args {
        let ident = match a {
            syn::GenericArgument::Type(syn::Type::Path(tp)) if tp.qself.is_none() => tp.path.get_ident(),
            syn::GenericArgument::Const(syn::Expr::Path(ep)) => ep.path.get_ident(),
            _ => None,
        };
        let Some(ident) = ident else {
            // FIXME(impls of some instances): `impl Buf<4> { const .. }`
            return Err(Diagnostic::unsupported("associated consts of impls for some instances of a generic type", range_of(*a)));
        };
        params.push(ident.to_string());
    }
    if params.len() != items.structs[sid].params.len() {
        return Err(Diagnostic::unsupported("associated consts of this type", range_of(decl.self_ty)));
    }
    if items.structs[sid].consts.iter().any(|x| x.name == name) {
        return Err(duplicate(&name, range_of(&c.ident)));
    }
    let inline = InlineConst { module: decl.module, ty: None, ty_text: range_of(&c.ty), expr: range_of(&c.expr), self_ty: None, params };
    items.structs[sid].consts.push(AssocConst { name, value: ConstValue::Int(0), ty: Scalar::I32, inline: Some(inline) });
    Ok(())
}

fn duplicate(name: &str, range: std::ops::Range<usize>) -> Diagnostic {
    Diagnostic::at(Some("E0201"), format!("duplicate definitions with name `{name}`:"), range, "duplicate definition")
}

/// The value of `expr` as a const of type `ty` (written with `Self` =
/// `self_ty`), evaluated in `module`; a non-scalar one is its expression
/// (lowered at each use).
fn evaluate(
    items: &Items,
    ty_syntax: &syn::Type,
    expr: &syn::Expr,
    self_ty: Option<Handle<Type>>,
    module: ModId,
    impl_of: Option<usize>,
    types: &mut TypeTable,
) -> DResult<(ConstValue, Scalar, Option<InlineConst>)> {
    let ty = items.ir_type_in_impl(ty_syntax, types, self_ty, module, impl_of)?;
    let Type::Scalar(s) = *types.get(ty) else {
        return Ok((
            ConstValue::Int(0),
            Scalar::I32,
            Some(InlineConst { module, ty: Some(ty), ty_text: range_of(ty_syntax), expr: range_of(expr), self_ty, params: Vec::new() }),
        ));
    };
    let value = consteval::eval_as(expr, s, &InModule { items, module, params: &[] })?;
    Ok((value.normalize(s), s, None))
}
