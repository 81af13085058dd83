//! Associated items in bodies: `T::ZERO` / `<T as Tr>::ZERO` / `f32::ZERO` values, the projections `T::Item` of a checked body's type parameters (opaque types with the associated type's bounds, or the type of an equality bound), and deferred projections solved once their base type is inferred (rustc's E0271 on a mismatch).

use std::ops::Range;

use hybrid_ir::{Expr, Handle, Literal, Scalar};

use super::FnLower;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::generics::{Bound, GenericEnv, TraitId};
use crate::infer::{Shape, TyId};
use crate::modtree::{Def, ModId, Ns, PathRes};
use crate::types::TypeScope;

/// A `F: Fn(A) -> R` bound of a generic use whose `R` is still unknown.
pub(crate) struct ClosureBound {
    pub callee: TyId,
    pub inputs: Vec<TyId>,
    pub output: TyId,
    pub range: Range<usize>,
}

/// `Shape::Param` indices from here on are projections of a checked body's
/// parameters (`FnLower::projections`), not parameters.
pub(crate) const PROJECTION_PARAMS: u32 = 1 << 20;

impl FnLower<'_> {
    /// `T::NAME`, `Self::NAME`, `f32::NAME`, `S::NAME`, `<T as Tr>::NAME`
    /// naming an associated const (`None`: the path is something else).
    pub(crate) fn assoc_const_value(&mut self, p: &syn::ExprPath) -> DResult<Option<Handle<Expr>>> {
        let range = range_of(p);
        let segs = &p.path.segments;
        let (base, name, tr, qualified) = if let Some(q) = &p.qself {
            if q.position == 0 || q.position + 1 != segs.len() {
                return Ok(None);
            }
            let mut trait_path = p.path.clone();
            while trait_path.segments.len() > q.position {
                trait_path.segments.pop();
            }
            let _ = trait_path.segments.pop_punct();
            let tr = match self.items.resolve_bound(self.module(), &trait_path)? {
                Bound::Trait(t) => Some(t),
                Bound::Lang(_) => None,
            };
            let base = self.convert_type(&q.ty)?;
            (base, segs[segs.len() - 1].ident.to_string(), tr, true)
        } else {
            if segs.len() != 2 || !segs[1].arguments.is_empty() {
                return Ok(None);
            }
            let (first, name) = (segs[0].ident.to_string(), segs[1].ident.to_string());
            // not found below: a variant or function, reported by the caller
            let base = if let Some(t) = self.env.ty(&first) {
                (t, false)
            } else if first == "Self" {
                let Some(st) = self.items.fns[self.fid].self_ty else { return Ok(None) };
                (self.infer.import(st, self.types), false)
            } else if let Some(s) = Scalar::from_name(&first) {
                if crate::consteval::assoc_const(&first, &name).is_some() {
                    return Ok(None);
                }
                (self.infer.scalar(s), false)
            } else {
                let mut ty_path = p.path.clone();
                ty_path.segments.pop();
                let _ = ty_path.segments.pop_punct();
                match self.resolve_path(&ty_path, Ns::Type) {
                    Ok(Some(PathRes::Def(Def::Struct(sid)))) if self.items.structs[sid].params.is_empty() => {
                        (self.infer.import(self.items.structs[sid].ty, self.types), false)
                    }
                    // `Buf::<4>::CAP`: a const of a generic impl, for the instance
                    Ok(Some(PathRes::Def(Def::Struct(sid))))
                        if self.items.structs[sid]
                            .consts
                            .iter()
                            .any(|c| c.name == name && c.inline.as_ref().is_some_and(|i| !i.params.is_empty())) =>
                    {
                        let ty = syn::Type::Path(syn::TypePath { attrs: Vec::new(), qself: None, path: ty_path });
                        (self.convert_type(&ty)?, false)
                    }
                    _ => return Ok(None),
                }
            };
            (base.0, name, None, base.1)
        };
        if let Some(i) = self.param_of(base) {
            let at = segs.last().map_or(range.clone(), |s| range_of(&s.ident));
            return self.param_assoc_const(i, base, &name, &at).map(Some);
        }
        let Some(ty) = self.infer.concrete(base, self.types) else { return Ok(None) };
        if let Some(c) = self.items.assoc_const_of(self.types, ty, &name) {
            if let Some(t) = tr {
                if self.items.impl_of(self.types, &Bound::Trait(t), ty).is_none() {
                    return Err(self.missing_impl(ty, t, &range));
                }
            }
            if let Some(inline) = &c.inline {
                return self.inline_assoc_const(&name, inline, ty, &range).map(Some);
            }
            return Ok(Some(self.const_literal(c.value, c.ty, &range)));
        }
        if !qualified {
            return Ok(None);
        }
        let t = self.types.display(ty).to_string();
        Err(Diagnostic::at(
            Some("E0599"),
            format!("no associated item named `{name}` found for type `{t}` in the current scope"),
            range,
            format!("associated item not found in `{t}`"),
        ))
    }

    fn missing_impl(&self, ty: hybrid_ir::Handle<hybrid_ir::Type>, t: TraitId, range: &Range<usize>) -> Diagnostic {
        let (ty, tname) = (self.types.display(ty).to_string(), self.items.traits[t].shown.clone());
        Diagnostic::at(
            Some("E0277"),
            format!("the trait bound `{ty}: {tname}` is not satisfied"),
            range.clone(),
            format!("the trait `{tname}` is not implemented for `{ty}`"),
        )
    }

    /// `T::NAME` in a check: a const of one of `T`'s bounds (its value is
    /// never used: the checked body is dropped), else E0599.
    fn param_assoc_const(&mut self, i: u32, base: TyId, name: &str, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let found = self.param_bounds(i).into_iter().find_map(|b| match b {
            Bound::Trait(t) => self.items.traits[t].assoc_const(name).map(|c| (t, c.ty.clone())),
            Bound::Lang(_) => None,
        });
        let Some((t, ty_text)) = found else {
            let p = self.param_name(i);
            let mut d = Diagnostic::at(
                Some("E0599"),
                format!("no associated item named `{name}` found for type parameter `{p}` in the current scope"),
                range.clone(),
                format!("associated item not found in `{p}`"),
            );
            let param = self.items.fns[self.fid].generics.as_deref().and_then(|g| g.types.get(i as usize));
            if let Some(tp) = param.filter(|tp| tp.name != "Self") {
                d = d.secondary(tp.range.clone(), format!("associated item `{name}` not found for this type parameter"));
            }
            let d = d.help("items from traits can only be used if the type parameter is bounded by the trait");
            return Err(self.bound_error(d));
        };
        let env = GenericEnv { types: vec![("Self".to_string(), base)], consts: Vec::new() };
        let module = self.items.traits[t].module;
        let ty = self.convert_text(&ty_text, module, &env)?;
        Ok(self.lit(Literal::Int(0), ty, range))
    }

    /// The type whose text is `range`, converted in `module` under `env`.
    pub(crate) fn convert_text(&mut self, range: &Range<usize>, module: ModId, env: &GenericEnv) -> DResult<TyId> {
        let text = self.lines.text(range).to_string();
        let scope = TypeScope { self_ty: None, allow_infer: false, module, env, impl_of: None };
        crate::ranges::with_origin(range.start, || -> DResult<TyId> {
            let ty: syn::Type = syn::parse_str(&text).map_err(|e| crate::syntax_error(&e))?;
            self.items.convert_in(&ty, self.types, &mut self.infer, &scope)
        })
    }

    /// In a check: bind `P::Name` for every associated type of parameter
    /// `P`'s bounds, to its equality bound's type or to an opaque projection.
    pub(crate) fn bind_check_projections(&mut self) {
        let Some(g) = self.items.fns[self.fid].generics.as_deref() else { return };
        let module = self.module();
        for (i, p) in g.types.iter().enumerate() {
            for b in self.param_bounds(i as u32) {
                let Bound::Trait(t) = b else { continue };
                for a in &self.items.traits[t].assoc_types {
                    let key = format!("{}::{}", p.name, a.name);
                    if self.env.ty(&key).is_some() {
                        continue;
                    }
                    let eq = p
                        .assoc_eqs
                        .iter()
                        .find(|(et, n, _)| self.items.trait_with_assoc_type(&[Bound::Trait(*et)], n) == Some(t) && *n == a.name);
                    let ty = match eq {
                        Some((_, _, text)) => {
                            let env = self.env.clone();
                            match self.convert_text(text, module, &env) {
                                Ok(ty) => ty,
                                Err(_) => continue,
                            }
                        }
                        None => {
                            let k = self.projections.len() as u32;
                            self.projections.push((i as u32, t, a.name.clone()));
                            self.infer.known(Shape::Param(PROJECTION_PARAMS + k))
                        }
                    };
                    self.env.types.push((key, ty));
                }
            }
        }
        // a blanket impl's own associated types (`type Out = I::Item;`): `Self::Out`
        let Some(index) = self.items.fns[self.fid].in_impl.filter(|&i| self.items.impls[i].blanket.is_some()) else { return };
        for (name, text) in self.items.impls[index].generic_assoc.clone() {
            let env = self.env.clone();
            if let Ok(ty) = self.convert_text(&text, module, &env) {
                self.env.types.push((format!("Self::{name}"), ty));
            }
        }
    }

    /// The projection `Param(i)` stands for, if it is one: its parameter,
    /// trait and associated type.
    pub(crate) fn projection(&self, i: u32) -> Option<&(u32, TraitId, String)> {
        i.checked_sub(PROJECTION_PARAMS).and_then(|k| self.projections.get(k as usize))
    }

    /// A use of generic function `fid` with type arguments `args`: each
    /// equality bound `P: Tr<Name = U>` becomes a deferred projection
    /// `<P as Tr>::Name == U`.
    pub(crate) fn defer_assoc_eqs(&mut self, fid: crate::resolve::FnId, env: &GenericEnv, range: &Range<usize>) -> DResult<()> {
        let Some(g) = self.items.fns[fid].generics.as_deref() else { return Ok(()) };
        let module = self.items.fns[fid].module;
        // `S: Sum<Self::Item>`: infers `{integer}` items from `S` (`(1..=10).sum::<u32>()`)
        for p in &g.types {
            let Some(base) = env.ty(&p.name) else { continue };
            for (t, texts) in &p.trait_args {
                let mut tys = vec![base];
                for text in texts {
                    tys.push(self.convert_text(text, module, env)?);
                }
                self.trait_arg_bounds.push((*t, tys));
            }
        }
        for p in &g.types {
            for (t, name, text) in &p.assoc_eqs {
                let Some(base) = env.ty(&p.name) else { continue };
                let result = self.convert_text(text, module, env)?;
                let trait_id = self.items.trait_with_assoc_type(&[Bound::Trait(*t)], name);
                self.infer.deferred.push(crate::infer::Projection {
                    base,
                    trait_id,
                    name: name.clone(),
                    result,
                    range: range.clone(),
                    trait_args: Vec::new(),
                });
            }
        }
        Ok(())
    }

    /// A use of generic function `fid` (or its instance): for each bound
    /// `P: Tr<A>` on a generic trait with associated types, `P::Name` bound
    /// in `env` to the associated type of the impl with those arguments
    /// (`T::Out` of `T: Conv<f32>` is `<T as Conv<f32>>::Out`, not any `Conv` impl's).
    pub(crate) fn bind_trait_arg_projections(
        &mut self,
        fid: crate::resolve::FnId,
        env: &mut GenericEnv,
        range: &Range<usize>,
    ) -> DResult<()> {
        let Some(g) = self.items.fns[fid].generics.as_deref() else { return Ok(()) };
        let module = self.items.fns[fid].module;
        let mut bounds = Vec::new();
        for p in &g.types {
            for (t, texts) in &p.trait_args {
                let names: Vec<String> = self.items.traits[*t].assoc_types.iter().map(|a| a.name.clone()).collect();
                if !names.is_empty() {
                    bounds.push((p.name.clone(), *t, texts.clone(), names));
                }
            }
        }
        for (param, t, texts, names) in bounds {
            let Some(base) = env.ty(&param) else { continue };
            let mut args = Vec::with_capacity(texts.len());
            for text in &texts {
                args.push(self.convert_text(text, module, env)?);
            }
            for name in names {
                let key = format!("{param}::{name}");
                if env.ty(&key).is_some() {
                    continue;
                }
                let result = self.infer.var(crate::infer::VarKind::General);
                let trait_args = args.clone();
                self.infer.deferred.push(crate::infer::Projection {
                    base,
                    trait_id: Some(t),
                    name,
                    result,
                    range: range.clone(),
                    trait_args,
                });
                env.types.push((key, result));
            }
        }
        Ok(())
    }

    /// A use of generic function `fid`: its parameters `which` with a
    /// `Fn(A) -> R` bound whose `R` is not known yet become closure bounds.
    pub(crate) fn defer_fn_bounds(
        &mut self,
        fid: crate::resolve::FnId,
        env: &GenericEnv,
        which: Range<usize>,
        range: &Range<usize>,
    ) -> DResult<()> {
        let Some(g) = self.items.fns[fid].generics.as_deref() else { return Ok(()) };
        let module = self.items.fns[fid].module;
        for p in g.types.get(which).unwrap_or_default() {
            let (Some(sig), Some(callee)) = (&p.fn_sig, env.ty(&p.name)) else { continue };
            let Some(out) = &sig.output else { continue };
            let output = self.convert_text(out, module, env)?;
            if !self.infer.has_vars(output) {
                continue;
            }
            let mut inputs = Vec::with_capacity(sig.inputs.len());
            for i in &sig.inputs {
                inputs.push(self.convert_text(i, module, env)?);
            }
            self.closure_bounds.push(ClosureBound { callee, inputs, output, range: range.clone() });
        }
        Ok(())
    }

    /// `<S<..> as Tr>::name` of a generic impl `impl<..> Tr for S<..>`: the
    /// impl's parameters as variables bound by unifying its self type with
    /// `ty` (and inferred by its bounds), then the associated type's text.
    fn generic_impl_assoc(
        &mut self,
        ty: hybrid_ir::Handle<hybrid_ir::Type>,
        trait_id: Option<TraitId>,
        name: &str,
    ) -> DResult<Option<TyId>> {
        let it = self.infer.import(ty, self.types);
        // a blanket impl's (`impl<I: Iterator> Ext for I { type Out = I::Item; .. }`)
        let types = &*self.types;
        let blanket = self.items.impls.iter().find_map(|i| {
            let trait_ok = trait_id.is_none_or(|t| i.trait_id == Bound::Trait(t));
            let covers = trait_ok && i.blanket.is_some() && self.items.impl_covers(types, i, ty);
            covers.then(|| generic_assoc_text(i, name)).flatten()
        });
        if blanket.is_some() {
            return self.assoc_through_impl(blanket, it);
        }
        let Some(sid) = self.items.instance_sid(self.types, ty) else {
            // an impl for a builtin shape (`impl<'a, T> IntoIterator for &'a Vec<T>`)
            let types = &*self.types;
            let found = self.items.impls.iter().find_map(|i| {
                let trait_ok = trait_id.is_none_or(|t| i.trait_id == Bound::Trait(t));
                let covers = trait_ok && i.shape.as_ref().is_some_and(|p| self.items.shape_covers(types, p, ty));
                covers.then(|| generic_assoc_text(i, name)).flatten()
            });
            return self.assoc_through_impl(found, it);
        };
        self.generic_impl_assoc_of(sid, it, trait_id, name)
    }

    /// [`Self::generic_impl_assoc`] of an instance of generic struct `sid`
    /// whose arguments may still be variables (`Range<{integer}>`).
    fn generic_impl_assoc_of(
        &mut self,
        sid: crate::resolve::StructId,
        it: TyId,
        trait_id: Option<TraitId>,
        name: &str,
    ) -> DResult<Option<TyId>> {
        let found = self.items.impls.iter().find_map(|i| {
            let trait_ok = trait_id.is_none_or(|t| i.trait_id == Bound::Trait(t));
            let covers = i.generic_struct == Some(sid) || self.items.blanket_covers_struct(i, sid);
            (covers && trait_ok).then(|| generic_assoc_text(i, name)).flatten()
        });
        self.assoc_through_impl(found, it)
    }

    /// Associated type `name` of generic impl `found` (its text, a method
    /// and the impl's module) for `Self` = `it`.
    pub(super) fn assoc_through_impl(
        &mut self,
        found: Option<(Range<usize>, crate::resolve::FnId, ModId)>,
        it: TyId,
    ) -> DResult<Option<TyId>> {
        let Some((text, fid, module)) = found else { return Ok(None) };
        let Some(env) = self.impl_param_env(fid) else { return Ok(None) };
        let outer = env.types.len();
        let Some(self_t) = self.impl_self_type(fid, &env)? else { return Ok(None) };
        if self.infer.unify(self_t, it).is_err() {
            return Ok(None);
        }
        let range = self.items.fns[fid].range.clone();
        // (`impl<'a, T, I: Iterator<Item = &'a T>> Iterator for Copied<I>`: `T` from `I`)
        self.defer_assoc_eqs(fid, &env, &range)?;
        self.defer_fn_bounds(fid, &env, 0..outer, &range)?;
        Ok(Some(self.convert_text(&text, module, &env)?))
    }

    /// Whether `t` has a variable that a deferred projection will bind
    /// (a closure lowered with it as an argument type now would guess it).
    pub(crate) fn waits_for_projection(&mut self, t: TyId) -> bool {
        let pending: Vec<TyId> = self.infer.deferred.iter().map(|p| p.result).collect();
        let pending: Vec<TyId> = pending.into_iter().map(|p| self.infer.find(p)).collect();
        self.mentions_any(t, &pending, 0)
    }

    fn mentions_any(&mut self, t: TyId, vars: &[TyId], depth: u32) -> bool {
        if depth > 64 {
            return false;
        }
        match self.shape(t) {
            None => vars.contains(&self.infer.find(t)),
            Some(Shape::Ptr { pointee: e, .. } | Shape::Slice { elem: e, .. } | Shape::Array { elem: e, .. } | Shape::Vec(e)) => {
                self.mentions_any(e, vars, depth + 1)
            }
            Some(Shape::Tuple(es) | Shape::Adt { args: es, .. }) => es.into_iter().any(|e| self.mentions_any(e, vars, depth + 1)),
            Some(_) => false,
        }
    }

    /// A closure bound whose closure is known: its result, from its body
    /// lowered once with the bound's argument types and dropped (the real
    /// calls lower it again).
    fn solve_closure_bound(&mut self, cb: &ClosureBound) -> DResult<bool> {
        // a `fn` pointer: the bound's types are its signature's
        if let Some(Shape::FnPtr { params, ret }) = self.shape(cb.callee) {
            if params.len() != cb.inputs.len() {
                return Ok(false);
            }
            for (i, p) in cb.inputs.iter().zip(&params) {
                let _ = self.infer.unify(*i, *p);
            }
            return Ok(self.infer.unify(cb.output, ret).is_ok());
        }
        let Some(Shape::Struct(def)) = self.shape(cb.callee) else { return Ok(false) };
        if !super::is_closure_name(&self.types.structs[def].name) {
            return Ok(false);
        }
        // not before its arguments' projections are solved (the trial would
        // take `x * 2.0` of `x: <Iter<f32> as Iterator>::Item` for a float)
        if cb.inputs.iter().any(|&i| self.waits_for_projection(i)) {
            return Ok(false);
        }
        // (its arguments may be projections solved later in this loop:
        // `FnMut(I::Item) -> B` of `Map`; tried again then)
        match self.trial_closure_call(def, &cb.inputs, &cb.range) {
            Some(result) => {
                let _ = self.infer.unify(cb.output, result);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// A use of generic trait `tid` with `Self` and its arguments
    /// `self_and_args`: when one impl for `Self` fits the arguments (an
    /// `{integer}` fits any integer type), they are that impl's (as rustc
    /// infers `k.scale(2)` with `impl Scale<u32> for f32` alone).
    pub(crate) fn narrow_trait_args(&mut self, tid: TraitId, self_and_args: &[TyId]) {
        if self_and_args.len() < 2 {
            return;
        }
        let Some(ty) = self.infer.concrete(self_and_args[0], self.types) else { return };
        let mut fitting = Vec::new();
        for i in 0..self.items.impls.len() {
            let imp = &self.items.impls[i];
            if imp.trait_id != Bound::Trait(tid) || !self.items.impl_covers(self.types, imp, ty) {
                continue;
            }
            let args = match self.items.pattern_trait_args(self.types, i, ty) {
                Some(Some(args)) => args,
                // a generic impl whose arguments `Self` does not determine (`Into<U> for T`): no one impl
                Some(None) => return,
                None => imp.trait_args.clone(),
            };
            let fits = args.len() + 1 == self_and_args.len()
                && args.iter().zip(&self_and_args[1..]).all(|(&a, &v)| match self.infer.concrete(v, self.types) {
                    Some(c) => c == a,
                    None => match self.infer.var_kind(v) {
                        Some(crate::infer::VarKind::Int) => self.types.as_scalar(a).is_some_and(|s| s.is_int()),
                        Some(crate::infer::VarKind::Float) => self.types.as_scalar(a).is_some_and(|s| s.is_float()),
                        _ => true,
                    },
                });
            if fits {
                fitting.push(args);
            }
        }
        if let [args] = fitting.as_slice() {
            for (&a, &v) in args.iter().zip(&self_and_args[1..]) {
                let t = self.infer.import(a, self.types);
                let _ = self.infer.unify(v, t);
            }
        }
    }

    /// E0277 unless every bound on a generic trait (`T: Mix<f32>`) of
    /// `fid`'s parameters, instantiated with `args`, has an impl.
    pub(crate) fn check_trait_arg_bounds(
        &mut self,
        fid: crate::resolve::FnId,
        args: &[hybrid_ir::Handle<hybrid_ir::Type>],
        range: &Range<usize>,
    ) -> DResult<()> {
        let Some(g) = self.items.fns[fid].generics.as_deref() else { return Ok(()) };
        let module = self.items.fns[fid].module;
        let mut env = GenericEnv::default();
        for (p, &t) in g.types.iter().zip(args) {
            let id = self.infer.import(t, self.types);
            env.types.push((p.name.clone(), id));
        }
        for pred in &g.preds {
            let ty = self.convert_text(&pred.ty, module, &env)?;
            let mut targs = Vec::with_capacity(pred.args.len());
            for text in &pred.args {
                targs.push(self.convert_text(text, module, &env)?);
            }
            let (Some(ty), Some(targs)) = (
                self.infer.concrete(ty, self.types),
                targs.iter().map(|&a| self.infer.concrete(a, self.types)).collect::<Option<Vec<_>>>(),
            ) else {
                continue;
            };
            if self.items.impl_of_args(self.types, pred.trait_id, ty, &targs).is_none() {
                return Err(self.unmet_trait_bound(ty, pred.trait_id, &targs, fid, range, &pred.range));
            }
        }
        for (p, &ty) in g.types.iter().zip(args) {
            for (t, texts) in &p.trait_args {
                let mut targs = Vec::with_capacity(texts.len());
                for text in texts {
                    let a = self.convert_text(text, module, &env)?;
                    let Some(a) = self.infer.concrete(a, self.types) else { return Ok(()) };
                    targs.push(a);
                }
                // the trait's defaults for arguments left out
                let n = self.items.traits[*t].params.len();
                if targs.len() < n {
                    return Ok(());
                }
                if self.items.impl_of_args(self.types, *t, ty, &targs).is_none() {
                    return Err(self.unmet_trait_bound(ty, *t, &targs, fid, range, &p.range));
                }
            }
        }
        Ok(())
    }

    /// The type arguments of method `fid` of pattern impl `index` (generic
    /// over the impl's parameters only) for `Self` = `ty` and the trait's arguments.
    pub(crate) fn pattern_impl_args(
        &mut self,
        index: usize,
        fid: crate::resolve::FnId,
        ty: hybrid_ir::Handle<hybrid_ir::Type>,
        trait_args: &[hybrid_ir::Handle<hybrid_ir::Type>],
    ) -> Option<crate::generics::InstanceArgs> {
        let p = self.items.impls[index].pattern.as_deref()?;
        let g = self.items.fns[fid].generics.as_deref()?;
        if g.outer_types != p.bounds.len() || !g.consts.is_empty() {
            return None;
        }
        let values = self.items.match_pattern(self.types, p, ty, Some(trait_args))?;
        Some(crate::generics::InstanceArgs { types: values.into_iter().collect::<Option<Vec<_>>>()?, consts: Vec::new() })
    }

    /// Solve the deferred projections whose base is known now: unified
    /// with the impl's associated type (E0271 on a mismatch), or in a check
    /// with the parameter's projection; and the closure bounds whose closure is known.
    pub(crate) fn solve_projections(&mut self) -> DResult<()> {
        loop {
            let bounds = std::mem::take(&mut self.closure_bounds);
            let mut solved = false;
            for cb in bounds {
                if !self.infer.has_vars(cb.output) {
                    continue;
                }
                if self.solve_closure_bound(&cb)? {
                    solved = true;
                } else {
                    self.closure_bounds.push(cb);
                }
            }
            solved |= self.solve_collects()?;
            for (tid, tys) in std::mem::take(&mut self.trait_arg_bounds) {
                if tys[1..].iter().all(|&t| !self.infer.has_vars(t)) {
                    continue;
                }
                if self.infer.concrete(tys[0], self.types).is_some() {
                    let before: Vec<bool> = tys[1..].iter().map(|&t| self.infer.has_vars(t)).collect();
                    self.narrow_trait_args(tid, &tys);
                    solved |= tys[1..].iter().zip(before).any(|(&t, b)| b && !self.infer.has_vars(t));
                }
                self.trait_arg_bounds.push((tid, tys));
            }
            let list = std::mem::take(&mut self.infer.deferred);
            let before = list.len();
            for p in list {
                if let Some(i) = self.param_of(p.base) {
                    let key = format!("{}::{}", self.param_name(i), p.name);
                    if let Some(t) = self.env.ty(&key) {
                        let _ = self.infer.unify(p.result, t);
                    }
                    continue;
                }
                let Some(ty) = self.infer.concrete(p.base, self.types) else {
                    // an instance of a generic struct with variables left
                    // (`Range<{integer}>`): through its generic impl
                    // (solved only when the result unifies: a mismatch, as
                    // `chain(vec)` of a `&i32` iterator, stays deferred for
                    // the bound check's E0271, and counting it as progress
                    // looped for ever, each round deferring more bounds)
                    if let Some(Shape::Adt { sid, .. }) = self.shape(p.base) {
                        if let Some(it) = self.generic_impl_assoc_of(sid, p.base, p.trait_id, &p.name)? {
                            if self.infer.unify(p.result, it).is_ok() {
                                solved = true;
                                continue;
                            }
                        }
                    }
                    // or of a builtin shape (`&Option<{integer}>`): through an impl for the shape
                    if let Some(it) = self.open_pattern_impl_assoc(p.base, p.trait_id, &p.name)? {
                        if self.infer.unify(p.result, it).is_ok() {
                            solved = true;
                            continue;
                        }
                    }
                    self.infer.deferred.push(p);
                    continue;
                };
                // (a generic trait's arguments: the impl with them, once they are known)
                let with_args = match (p.trait_id, p.trait_args.is_empty()) {
                    (Some(tr), false) => {
                        let args: Option<Vec<_>> = p.trait_args.iter().map(|&a| self.infer.concrete(a, self.types)).collect();
                        let Some(args) = args else {
                            self.infer.deferred.push(p);
                            continue;
                        };
                        Some(self.items.impl_assoc_type_args(ty, tr, &args, &p.name))
                    }
                    _ => None,
                };
                // no impl: the bound check reports the missing trait
                let found = with_args.unwrap_or_else(|| self.items.impl_assoc_type(self.types, ty, p.trait_id, &p.name));
                let Some(t) = found else {
                    if let Some(it) = self.generic_impl_assoc(ty, p.trait_id, &p.name)? {
                        solved = true;
                        if self.infer.unify(p.result, it).is_err() {
                            let (b, found, expected) = (self.types.display(ty).to_string(), self.describe(p.result), self.describe(it));
                            return Err(Diagnostic::at(
                                Some("E0271"),
                                format!("type mismatch resolving `<{b} as _>::{} == {}`", p.name, found.trim_matches('`')),
                                p.range.clone(),
                                format!("expected {found}, found {expected}"),
                            ));
                        }
                    }
                    continue;
                };
                let it = self.infer.import(t, self.types);
                if self.infer.unify(p.result, it).is_err() {
                    let (b, found) = (self.types.display(ty).to_string(), self.describe(p.result));
                    let tname = p.trait_id.map(|t| self.items.traits[t].shown.clone()).unwrap_or_default();
                    let expected = self.types.display(t).to_string();
                    return Err(Diagnostic::at(
                        Some("E0271"),
                        format!("type mismatch resolving `<{b} as {tname}>::{} == {}`", p.name, found.trim_matches('`')),
                        p.range.clone(),
                        format!("type mismatch resolving `<{b} as {tname}>::{} == {}`", p.name, found.trim_matches('`')),
                    )
                    .note(format!("expected `{}`, found `{expected}`", found.trim_matches('`'))));
                }
            }
            if self.infer.deferred.len() == before && !solved {
                return Ok(());
            }
        }
    }
}

/// Associated type `name` of generic impl `i`: its text, one of its methods
/// (the impl's parameters are its methods' outer ones) and the impl's module.
pub(super) fn generic_assoc_text(i: &crate::generics::ImplInfo, name: &str) -> Option<(Range<usize>, crate::resolve::FnId, ModId)> {
    let text = i.generic_assoc.iter().find(|(n, _)| n == name).map(|(_, r)| r.clone())?;
    let fid = i.methods.values().next().copied()?;
    Some((text, fid, i.module))
}

impl FnLower<'_> {
    /// E0277 of a call whose callee `fid` has a bound (at `bound`) that
    /// `ty: tr<targs>` does not meet.
    fn unmet_trait_bound(
        &self,
        ty: Handle<hybrid_ir::Type>,
        tr: TraitId,
        targs: &[Handle<hybrid_ir::Type>],
        fid: crate::resolve::FnId,
        range: &Range<usize>,
        bound: &Range<usize>,
    ) -> Diagnostic {
        let (shown, tyname) = (self.items.trait_with_args(self.types, tr, targs), self.types.display(ty).to_string());
        let f = self.items.fns[fid].short_name();
        Diagnostic::at(
            Some("E0277"),
            format!("the trait bound `{tyname}: {shown}` is not satisfied"),
            range.clone(),
            format!("the trait `{shown}` is not implemented for `{tyname}`"),
        )
        .span_note(bound.clone(), format!("required by a bound in `{f}`"))
    }
}
