//! Generic impls for builtin type shapes (`impl<A: Ord, B: Ord> Ord for (A, B)`,
//! `impl<T: Default, const N: usize> Default for [T; N]`, `impl<'a, T> IntoIterator
//! for &'a Vec<T>`): the impl's self type as a plain-data pattern, which a concrete
//! type matches when its shape fits and the types bound to the impl's parameters
//! satisfy their bounds. (The methods are generic over the impl's parameters, bound
//! by unifying the self type's text with the receiver, as for a generic struct's impl.)

use hybrid_ir::{Handle, Type, TypeTable};

use crate::diag::{range_of, DResult, Diagnostic};
use crate::generics::Bound;
use crate::modtree::{Def, ModId, Ns, PathRes};
use crate::resolve::{Items, StructId};

/// A generic impl's self type: what a type must look like for the impl to cover it.
#[derive(Clone, Debug, PartialEq)]
pub enum SelfPattern {
    /// The impl's `i`th type parameter.
    Param(usize),
    Tuple(Vec<SelfPattern>),
    /// `[T; N]`: `len` is `None` for a const parameter.
    Array {
        elem: Box<SelfPattern>,
        len: Option<u64>,
    },
    Ref {
        pointee: Box<SelfPattern>,
        mutable: bool,
    },
    /// `&[T]` / `&mut [T]`.
    SliceRef {
        elem: Box<SelfPattern>,
        mutable: bool,
    },
    Vec(Box<SelfPattern>),
    /// Any instance of a generic struct (`&'a Option<T>`; its arguments are
    /// bound where the impl's methods are instantiated).
    Instance(StructId),
    /// A type without parameters.
    Exact(Handle<Type>),
}

/// The pattern of a generic impl and the bounds of its type parameters.
#[derive(Clone, Debug)]
pub struct ShapePattern {
    pub shape: SelfPattern,
    pub bounds: Vec<Vec<Bound>>,
}

/// The pattern of `imp`'s self type, or why it has none.
pub(crate) fn shape_pattern(items: &Items, module: ModId, imp: &syn::ItemImpl, types: &mut TypeTable) -> DResult<ShapePattern> {
    let params: Vec<String> = imp.generics.type_params().map(|p| p.ident.to_string()).collect();
    let consts: Vec<String> = imp.generics.const_params().map(|p| p.ident.to_string()).collect();
    let names = Names { params: &params, consts: &consts };
    let shape = pattern_of(items, module, &imp.self_ty, &names, types)?;
    let mut bounds = vec![Vec::new(); params.len()];
    let mut eqs = Vec::new();
    for (i, tp) in imp.generics.type_params().enumerate() {
        items.bounds_of(module, tp.bounds.iter(), &mut bounds[i], &mut eqs)?;
    }
    for pred in imp.generics.where_clause.iter().flat_map(|w| w.predicates.iter()) {
        let syn::WherePredicate::Type(pt) = pred else { continue };
        let name = match &pt.bounded_ty {
            syn::Type::Path(p) if p.qself.is_none() => p.path.get_ident().map(|i| i.to_string()),
            _ => None,
        };
        if let Some(i) = name.and_then(|n| params.iter().position(|p| *p == n)) {
            items.bounds_of(module, pt.bounds.iter(), &mut bounds[i], &mut eqs)?;
        }
    }
    Ok(ShapePattern { shape, bounds })
}

/// The names of an impl's type and const parameters.
struct Names<'n> {
    params: &'n [String],
    consts: &'n [String],
}

impl Names<'_> {
    /// Does `ty` name one of the parameters?
    fn mentioned_in(&self, ty: &syn::Type) -> bool {
        fn walk(tokens: proc_macro2::TokenStream, names: &Names<'_>) -> bool {
            tokens.into_iter().any(|t| match t {
                proc_macro2::TokenTree::Ident(i) => {
                    let s = i.to_string();
                    names.params.contains(&s) || names.consts.contains(&s)
                }
                proc_macro2::TokenTree::Group(g) => walk(g.stream(), names),
                _ => false,
            })
        }
        walk(quote::ToTokens::to_token_stream(ty), self)
    }
}

fn pattern_of(items: &Items, module: ModId, ty: &syn::Type, names: &Names<'_>, types: &mut TypeTable) -> DResult<SelfPattern> {
    let unsupported = || Diagnostic::unsupported("generic impls for this type", range_of(ty));
    if !names.mentioned_in(ty) {
        return Ok(SelfPattern::Exact(items.ir_type(ty, types, None, module)?));
    }
    let sub = |t: &syn::Type, types: &mut TypeTable| pattern_of(items, module, t, names, types).map(Box::new);
    match ty {
        syn::Type::Paren(p) => pattern_of(items, module, &p.elem, names, types),
        syn::Type::Tuple(t) if t.elems.len() >= 2 => {
            let elems = t.elems.iter().map(|e| pattern_of(items, module, e, names, types)).collect::<DResult<Vec<_>>>()?;
            Ok(SelfPattern::Tuple(elems))
        }
        syn::Type::Array(a) => {
            let len = match &a.len {
                syn::Expr::Path(p) if p.path.get_ident().is_some_and(|i| names.consts.contains(&i.to_string())) => None,
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(n), .. }) => Some(n.base10_parse::<u64>().map_err(|_| unsupported())?),
                _ => return Err(unsupported()),
            };
            Ok(SelfPattern::Array { elem: sub(&a.elem, types)?, len })
        }
        syn::Type::Reference(r) => {
            let mutable = r.mutability.is_some();
            match &*r.elem {
                syn::Type::Slice(s) => Ok(SelfPattern::SliceRef { elem: sub(&s.elem, types)?, mutable }),
                other => Ok(SelfPattern::Ref { pointee: sub(other, types)?, mutable }),
            }
        }
        syn::Type::Path(p) if p.qself.is_none() => {
            if let Some(i) = p.path.get_ident().and_then(|i| names.params.iter().position(|n| i == n)) {
                return Ok(SelfPattern::Param(i));
            }
            let last = p.path.segments.last().ok_or_else(unsupported)?;
            if last.ident == "Vec" && p.path.segments.len() == 1 {
                let syn::PathArguments::AngleBracketed(a) = &last.arguments else { return Err(unsupported()) };
                if let Some(syn::GenericArgument::Type(elem)) = a.args.first().filter(|_| a.args.len() == 1) {
                    return Ok(SelfPattern::Vec(sub(elem, types)?));
                }
                return Err(unsupported());
            }
            match items.resolve(module, &p.path, Ns::Type)? {
                Some(PathRes::Def(Def::Struct(sid))) if !items.structs[sid].params.is_empty() => Ok(SelfPattern::Instance(sid)),
                _ => Err(unsupported()),
            }
        }
        _ => Err(unsupported()),
    }
}

impl Items {
    /// Does `ty` have the shape of `pattern` (with `bound` the types its
    /// parameters stand for), and do those types satisfy their bounds?
    pub(crate) fn shape_covers(&self, types: &TypeTable, pattern: &ShapePattern, ty: Handle<Type>) -> bool {
        let mut bound = vec![None; pattern.bounds.len()];
        if !self.shape_matches(types, &pattern.shape, ty, &mut bound) {
            return false;
        }
        crate::traits::within_depth(|| {
            bound.iter().zip(&pattern.bounds).all(|(t, bs)| t.is_none_or(|t| bs.iter().all(|b| self.satisfies(types, t, b))))
        })
    }

    fn shape_matches(&self, types: &TypeTable, p: &SelfPattern, ty: Handle<Type>, bound: &mut [Option<Handle<Type>>]) -> bool {
        match (p, types.get(ty)) {
            (SelfPattern::Param(i), _) => match bound[*i] {
                Some(prev) => prev == ty,
                None => {
                    bound[*i] = Some(ty);
                    true
                }
            },
            (SelfPattern::Exact(t), _) => *t == ty,
            (SelfPattern::Tuple(ps), Type::Tuple(es)) => {
                ps.len() == es.len() && ps.iter().zip(es.clone()).all(|(p, e)| self.shape_matches(types, p, e, bound))
            }
            (SelfPattern::Array { elem, len }, Type::Array { elem: e, len: n }) => {
                len.is_none_or(|l| l == *n) && self.shape_matches(types, elem, *e, bound)
            }
            (SelfPattern::Ref { pointee, mutable }, Type::Pointer { pointee: t, mutable: m, reference: true }) => {
                mutable == m && self.shape_matches(types, pointee, *t, bound)
            }
            (SelfPattern::SliceRef { elem, mutable }, Type::SliceRef { elem: e, mutable: m }) => {
                mutable == m && self.shape_matches(types, elem, *e, bound)
            }
            (SelfPattern::Vec(elem), Type::Vec(e)) => self.shape_matches(types, elem, *e, bound),
            (SelfPattern::Instance(sid), _) => self.instance_sid(types, ty) == Some(*sid),
            _ => false,
        }
    }

    /// Is `fid` a method of an impl for references (`&'a Vec<T>`)?
    pub(crate) fn self_is_reference(&self, fid: crate::resolve::FnId) -> bool {
        let imp = self.fns[fid].in_impl.and_then(|i| self.impls[i].shape.as_ref());
        imp.is_some_and(|p| matches!(p.shape, SelfPattern::Ref { .. } | SelfPattern::SliceRef { .. }))
    }

    /// The impls for builtin shapes that have a method `name` and whose
    /// pattern is a tuple of `arity` parameters (a receiver whose element
    /// types may still be variables: `(2, 0).cmp(&(1, 9))`).
    pub(crate) fn tuple_shape_method(&self, arity: usize, name: &str) -> Option<crate::resolve::FnId> {
        self.impls.iter().enumerate().find_map(|(index, imp)| {
            let p = imp.shape.as_ref()?;
            let SelfPattern::Tuple(ps) = &p.shape else { return None };
            (ps.len() == arity && ps.iter().all(|p| matches!(p, SelfPattern::Param(_)))).then_some(())?;
            self.impl_method(index, name)
        })
    }
}

/// `type Item = B;` of a generic impl: each associated type's text.
pub(crate) fn generic_assoc_texts(imp: &syn::ItemImpl) -> Vec<(String, std::ops::Range<usize>)> {
    let texts = imp.items.iter().filter_map(|ii| if let syn::ImplItem::Type(t) = ii { Some(t) } else { None });
    texts.map(|t| (t.ident.to_string(), range_of(&t.ty))).collect()
}
