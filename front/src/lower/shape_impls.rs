//! Impls for builtin shapes in a body (`impl<A: Ord, B: Ord> Ord for (A, B)`, `impl<'a, T> IntoIterator for &'a Vec<T>`, `crate::shape_pattern`): their parameters bound from `Self`, their methods on receivers whose types have variables left, their associated types.

use hybrid_ir::Handle;

use super::FnLower;
use crate::consteval::ConstValue;
use crate::diag::DResult;
use crate::generics::{Bound, GenericEnv, InstanceArgs, TraitId};
use crate::infer::{Shape, TyId, VarKind};
use crate::resolve::FnId;
use crate::shape_pattern::SelfPattern as P;

impl FnLower<'_> {
    /// The parameters of the impl that method `fid` is in (its outer ones),
    /// each a fresh variable (a const one a length variable).
    pub(crate) fn impl_param_env(&mut self, fid: FnId) -> Option<GenericEnv> {
        let g = self.items.fns[fid].generics.as_deref()?;
        let names: Vec<String> = g.types[..g.outer_types].iter().map(|p| p.name.clone()).collect();
        let consts: Vec<String> = g.consts[..g.outer_consts].iter().map(|p| p.name.clone()).collect();
        let mut env = GenericEnv::default();
        for n in names {
            let v = self.infer.var(VarKind::General);
            env.types.push((n, v));
        }
        for n in consts {
            env.consts.push((n, ConstValue::Int(self.infer.length_var() as i128)));
        }
        Some(env)
    }

    /// The type arguments of method `fid` of an impl for a builtin shape
    /// (the impl's parameters; the method's own are the caller's) for `Self` = `ty`: the
    /// impl's self type with its parameters as variables, unified with `ty`.
    pub(crate) fn shape_impl_args(&mut self, fid: FnId, ty: Handle<hybrid_ir::Type>) -> DResult<Option<InstanceArgs>> {
        let Some(g) = self.items.fns[fid].generics.as_deref() else { return Ok(None) };
        if g.consts.len() != g.outer_consts {
            return Ok(None);
        }
        let Some(env) = self.impl_param_env(fid) else { return Ok(None) };
        let Some(self_t) = self.impl_self_type(fid, &env)? else { return Ok(None) };
        let it = self.infer.import(ty, self.types);
        if self.infer.unify(self_t, it).is_err() {
            return Ok(None);
        }
        let mut args = InstanceArgs::default();
        for (_, v) in &env.types {
            match self.infer.resolve(*v, self.types) {
                Ok(t) => args.types.push(t),
                Err(_) => return Ok(None),
            }
        }
        for (_, c) in &env.consts {
            let ConstValue::Int(len) = c else { return Ok(None) };
            match self.infer.length(*len as u64) {
                Some(n) => args.consts.push(n as i128),
                None => return Ok(None),
            }
        }
        Ok(Some(args))
    }

    /// [`Self::generic_impl_assoc`] of a type with variables left whose
    /// shape an impl for a builtin shape fits (`&Option<{integer}>`).
    pub(crate) fn open_pattern_impl_assoc(&mut self, base: TyId, trait_id: Option<TraitId>, name: &str) -> DResult<Option<TyId>> {
        if !matches!(
            self.shape(base),
            Some(Shape::Ptr { .. } | Shape::Slice { .. } | Shape::Array { .. } | Shape::Tuple(_) | Shape::Vec(_))
        ) {
            return Ok(None);
        }
        let mut found = None;
        for i in 0..self.items.impls.len() {
            let imp = &self.items.impls[i];
            let Some(pattern) = imp.shape.clone().filter(|_| trait_id.is_none_or(|t| imp.trait_id == Bound::Trait(t))) else { continue };
            let text = super::assoc::generic_assoc_text(&self.items.impls[i], name);
            if text.is_some() && self.fits_pattern(&pattern.shape, base, 0) {
                found = text;
                break;
            }
        }
        self.assoc_through_impl(found, base)
    }

    /// Could type `t` (variables left) have the shape of `p`?
    pub(crate) fn fits_pattern(&mut self, p: &P, t: TyId, depth: u32) -> bool {
        if depth > 32 {
            return false;
        }
        match (p, self.shape(t)) {
            (P::Param(_), _) => true,
            (P::Exact(h), _) => {
                let e = self.infer.import(*h, self.types);
                self.infer.can_unify(e, t)
            }
            (P::Tuple(ps), Some(Shape::Tuple(es))) => {
                ps.len() == es.len() && ps.iter().zip(es).all(|(p, e)| self.fits_pattern(p, e, depth + 1))
            }
            (P::Array { elem, len }, Some(Shape::Array { elem: e, len: n })) => {
                len.is_none_or(|l| self.infer.length(n).is_none_or(|n| n == l)) && self.fits_pattern(elem, e, depth + 1)
            }
            (P::Ref { pointee, mutable }, Some(Shape::Ptr { pointee: e, mutable: m, reference: true })) => {
                *mutable == m && self.fits_pattern(pointee, e, depth + 1)
            }
            (P::SliceRef { elem, mutable }, Some(Shape::Slice { elem: e, mutable: m })) => {
                *mutable == m && self.fits_pattern(elem, e, depth + 1)
            }
            (P::Vec(elem), Some(Shape::Vec(e))) => self.fits_pattern(elem, e, depth + 1),
            (P::Instance(sid), Some(Shape::Adt { sid: s, .. })) => *sid == s,
            (P::Instance(sid), Some(Shape::Struct(def))) => self.items.struct_of(self.types, def) == Some(*sid),
            _ => false,
        }
    }

    /// Method `name` of an impl for a reference shape that type `t` (a
    /// reference, variables left) could have.
    pub(crate) fn reference_pattern_method(&mut self, t: TyId, name: &str) -> Option<FnId> {
        if !matches!(self.shape(t), Some(Shape::Ptr { reference: true, .. } | Shape::Slice { .. })) {
            return None;
        }
        self.pattern_method(t, name, |p| matches!(p, P::Ref { .. } | P::SliceRef { .. })).map(|(_, fid)| fid)
    }

    /// Method `name` (and its impl) of an impl for a `Vec` or array shape
    /// that type `t` (variables left) could have (`impl<T> Tr<T> for Vec<T>`):
    /// asked after the inherent methods, which rustc's probe takes first.
    pub(crate) fn collection_pattern_method(&mut self, t: TyId, name: &str) -> Option<(usize, FnId)> {
        self.pattern_method(t, name, |p| matches!(p, P::Vec(_) | P::Array { .. }))
    }

    /// The first impl for a builtin shape that `kind` accepts, whose
    /// pattern `t` could have, with a method `name`.
    fn pattern_method(&mut self, t: TyId, name: &str, kind: impl Fn(&P) -> bool) -> Option<(usize, FnId)> {
        for i in 0..self.items.impls.len() {
            let Some(pattern) = self.items.impls[i].shape.clone().filter(|p| kind(&p.shape)) else { continue };
            if let Some(fid) = self.items.impl_method(i, name).filter(|_| self.fits_pattern(&pattern.shape, t, 0)) {
                return Some((i, fid));
            }
        }
        None
    }
}
