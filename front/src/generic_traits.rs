//! Generic traits (`trait Mix<Rhs = Self>`): the arguments of an impl's trait (`impl Mix<i32> for f64`, defaults filled in), the impl chosen by a type and the trait's arguments, and the arguments of bounds (`T: Mix<f32>`).

use std::ops::Range;

use hybrid_ir::{Handle, Type, TypeTable};

use crate::diag::{range_of, DResult, Diagnostic};
use crate::generics::{Bound, TraitId};
use crate::modtree::ModId;
use crate::resolve::Items;

impl Items {
    /// The impl of generic trait `t` with arguments `args` for `ty`.
    pub fn impl_of_args(&self, types: &TypeTable, t: TraitId, ty: Handle<Type>, args: &[Handle<Type>]) -> Option<usize> {
        self.impls.iter().position(|i| {
            i.trait_id == Bound::Trait(t)
                && match &i.pattern {
                    Some(p) => self.match_pattern(types, p, ty, Some(args)).is_some(),
                    None => i.trait_args == args && self.impl_covers(types, i, ty),
                }
        })
    }

    /// rustc's spelling of trait `t` with arguments (`Mix<u8>`).
    pub fn trait_with_args(&self, types: &TypeTable, t: TraitId, args: &[Handle<Type>]) -> String {
        with_args(&self.traits[t].shown, types, args)
    }

    /// Trait `t` with arguments by its path, as impl functions are named
    /// (`<f64 as Mix<i32>>::mix`, `<u8 as core::cmp::Ord>::cmp`).
    pub fn trait_symbol_name(&self, types: &TypeTable, t: TraitId, args: &[Handle<Type>]) -> String {
        with_args(&self.traits[t].name, types, args)
    }

    /// The type arguments of the generic-trait bounds among `list`
    /// (`T: Mix<f32>`), as source ranges (already checked by `bounds_of`).
    pub fn trait_args_of<'b>(
        &self,
        module: ModId,
        list: impl IntoIterator<Item = &'b syn::TypeParamBound>,
    ) -> Vec<(TraitId, Vec<Range<usize>>)> {
        let mut out = Vec::new();
        for b in list {
            let syn::TypeParamBound::Trait(t) = b else { continue };
            let Ok(Bound::Trait(tid)) = self.resolve_bound(module, &t.path) else { continue };
            if self.traits[tid].params.is_empty() {
                continue;
            }
            let Some(syn::PathArguments::AngleBracketed(a)) = t.path.segments.last().map(|s| &s.arguments) else { continue };
            let args: Vec<Range<usize>> =
                a.args.iter().filter_map(|g| if let syn::GenericArgument::Type(ty) = g { Some(range_of(ty)) } else { None }).collect();
            out.push((tid, args));
        }
        out
    }

    /// The trait arguments of `impl Tr<A> for T` (`self_ty`): the written
    /// ones, then the trait's defaults (`Rhs = Self`); E0107 otherwise.
    pub fn impl_trait_args(
        &self,
        t: TraitId,
        trait_syntax: &syn::ItemTrait,
        seg: &syn::PathSegment,
        self_ty: Handle<Type>,
        module: ModId,
        types: &mut TypeTable,
    ) -> DResult<Vec<Handle<Type>>> {
        let params: Vec<&syn::TypeParam> = trait_syntax.generics.type_params().collect();
        let given: Vec<&syn::Type> = match &seg.arguments {
            syn::PathArguments::AngleBracketed(a) => {
                a.args.iter().filter_map(|g| if let syn::GenericArgument::Type(ty) = g { Some(ty) } else { None }).collect()
            }
            _ => Vec::new(),
        };
        let required = params.iter().filter(|p| p.default.is_none()).count();
        if given.len() > params.len() || given.len() < required {
            let name = self.traits[t].shown.clone();
            let (n, m) = (params.len(), given.len());
            let s = |k: usize| if k == 1 { "" } else { "s" };
            let (msg, label) = if m == 0 {
                (format!("missing generics for trait `{name}`"), format!("expected {n} generic argument{}", s(n)))
            } else {
                (
                    format!(
                        "trait takes {n} generic argument{} but {m} generic argument{} supplied",
                        s(n),
                        if m == 1 { " was" } else { "s were" }
                    ),
                    format!("expected {n} generic argument{}", s(n)),
                )
            };
            return Err(Diagnostic::at(Some("E0107"), msg, range_of(&seg.ident), label));
        }
        let mut args = Vec::with_capacity(params.len());
        for (i, p) in params.iter().enumerate() {
            let ty = match (given.get(i), &p.default) {
                (Some(g), _) => self.ir_type_in_impl(g, types, Some(self_ty), module, None)?,
                (None, Some((_, d))) => self.ir_type_in_impl(d, types, Some(self_ty), self.traits[t].module, None)?,
                (None, None) => return Err(Diagnostic::ice("a missing trait argument")),
            };
            args.push(ty);
        }
        Ok(args)
    }
}

/// `name<A, B>` (`name` without arguments).
fn with_args(name: &str, types: &TypeTable, args: &[Handle<Type>]) -> String {
    if args.is_empty() {
        return name.to_string();
    }
    let shown: Vec<String> = args.iter().map(|&a| types.display(a).to_string()).collect();
    format!("{name}<{}>", shown.join(", "))
}
