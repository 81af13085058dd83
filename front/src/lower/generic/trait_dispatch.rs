//! Calls of trait functions in a body (`Trait::f(..)`, `<T as Tr<A>>::f(..)`): typed by the trait's signature with `Self` a variable, and the impl's function chosen once the body's types are final.

use std::ops::Range;

use hybrid_ir::{Expr, ExprKind, Handle};

use super::super::FnLower;
use super::{Instance, PendingUse, SigTypes};
use crate::diag::{range_of, DResult, Diagnostic};
use crate::generics::{parse_signature, Bound, GenericEnv, InstanceArgs, TraitId};
use crate::infer::{Shape, TyId, VarKind};
use crate::resolve::FnId;
use crate::syntax::SelfParam;
use crate::types::TypeScope;

impl FnLower<'_> {
    /// `Trait::f(args)`: typed by the trait's signature with `Self` a
    /// variable; the impl is chosen at the end of the body.
    pub(crate) fn call_trait_fn(&mut self, tid: TraitId, name: &str, args: &[&syn::Expr], range: &Range<usize>) -> DResult<Handle<Expr>> {
        self.call_trait_fn_for(tid, name, None, None, args, range)
    }

    /// [`Self::call_trait_fn`] with `Self` known (`self_ty`) and, for a
    /// method call, its already lowered receiver.
    pub(crate) fn call_trait_fn_for(
        &mut self,
        tid: TraitId,
        name: &str,
        self_ty: Option<TyId>,
        receiver: Option<Handle<Expr>>,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        self.call_trait_fn_with(tid, name, self_ty, &[], receiver, args, range)
    }

    /// [`Self::call_trait_fn_for`] with the first of the trait's arguments
    /// given (`<W as From<i32>>::from(..)`), the others inferred.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn call_trait_fn_with(
        &mut self,
        tid: TraitId,
        name: &str,
        self_ty: Option<TyId>,
        trait_args: &[TyId],
        receiver: Option<Handle<Expr>>,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        let tr = &self.items.traits[tid];
        let method = tr.method(name).ok_or_else(|| Diagnostic::ice(format!("no method `{name}` in a trait")))?;
        let (sig_range, module) = (method.sig.clone(), tr.module);
        let self_var = self_ty.unwrap_or_else(|| self.infer.var(VarKind::General));
        let mut env = GenericEnv { types: vec![("Self".to_string(), self_var)], consts: Vec::new() };
        // a generic trait's parameters (`Rhs`): inferred from the arguments, the impl chosen by them
        let mut all = vec![self_var];
        for (k, p) in self.items.traits[tid].params.clone().into_iter().enumerate() {
            let v = trait_args.get(k).copied().unwrap_or_else(|| self.infer.var(VarKind::General));
            env.types.push((p, v));
            all.push(v);
        }
        if all.len() > 1 {
            // `Self::Out` of a generic trait: the impl's with the call's trait arguments, once they are known
            for a in self.items.traits[tid].assoc_types.clone() {
                let result = self.infer.var(VarKind::General);
                let (name, trait_args) = (a.name.clone(), all[1..].to_vec());
                let p = crate::infer::Projection { base: self_var, trait_id: Some(tid), name, result, range: range.clone(), trait_args };
                self.infer.deferred.push(p);
                env.types.push((format!("Self::{}", a.name), result));
            }
        }
        if let Some(i) = self.param_of(self_var) {
            // `Self::Item` of a type parameter `P`: the body's `P::Item`
            let p = self.param_name(i);
            for a in &self.items.traits[tid].assoc_types {
                if let Some(t) = self.env.ty(&format!("{p}::{}", a.name)) {
                    env.types.push((format!("Self::{}", a.name), t));
                }
            }
        }
        let text = self.lines.text(&sig_range).to_string();
        let (sig, method_vars) = crate::ranges::with_origin(sig_range.start, || -> DResult<(SigTypes, Vec<TyId>)> {
            let sig = parse_signature(&text).map_err(|e| crate::syntax_error(&e))?;
            let method_vars = self.trait_method_params(module, &sig.generics, &mut env, range)?;
            Ok((self.signature_types_module(module, &sig, &env)?, method_vars))
        })?;
        let given = args.len() + receiver.is_some() as usize;
        if sig.params.len() != given {
            return Err(Diagnostic::at(
                Some("E0061"),
                format!("this function takes {} arguments but {} were supplied", sig.params.len(), given),
                range.clone(),
                format!("expected {} arguments", sig.params.len()),
            ));
        }
        let mut lowered = Vec::new();
        let mut params = sig.params.iter();
        // (the receiver's parameter is taken only for a method call: `Trait::f(&x)` passes it as an argument)
        if let Some((r, p)) = receiver.and_then(|r| params.next().map(|p| (r, p))) {
            // `&self` on a value receiver: borrow it
            let r = match (self.shape(p.1), self.shape(self.ty(r))) {
                (Some(Shape::Ptr { mutable, .. }), Some(s)) if !matches!(s, Shape::Ptr { .. }) => self.take_address(r, mutable, range)?,
                _ => r,
            };
            lowered.push(self.coerce(r, p.1)?);
        }
        for (a, p) in args.iter().zip(params) {
            let v = self.expr(a)?;
            lowered.push(self.coerce(v, p.1)?);
        }
        self.solve_projections()?;
        self.narrow_trait_args(tid, &all);
        let call = self.push(ExprKind::Call { func: Handle::from_index(u32::MAX as usize), args: lowered }, sig.ret, range);
        // (the method's own parameters after `Self` and the trait's: `dispatch` splits them)
        all.extend(method_vars);
        let pending =
            PendingUse { fid: usize::MAX, types: all, consts: Vec::new(), range: range.clone(), dispatch: Some((tid, name.to_string())) };
        let callee = self.record_use(call, pending);
        self.facts.calls.push((callee, range.clone()));
        Ok(call)
    }

    /// The own type parameters of a trait method called as `Trait::f(..)`
    /// (`fn from_iter<I: IntoIterator<Item = A>>`): each a variable bound in
    /// `env`, its `Name = U` bounds deferred projections.
    fn trait_method_params(
        &mut self,
        module: crate::modtree::ModId,
        generics: &syn::Generics,
        env: &mut GenericEnv,
        range: &Range<usize>,
    ) -> DResult<Vec<TyId>> {
        let own = generics.params.iter().any(|p| !matches!(p, syn::GenericParam::Lifetime(_)));
        if own && generics.where_clause.is_some() {
            return Err(Diagnostic::unsupported("trait methods with `where` clauses called as `Trait::f(..)`", range.clone()));
        }
        let mut params = Vec::new();
        for p in &generics.params {
            match p {
                syn::GenericParam::Lifetime(_) => {}
                syn::GenericParam::Type(tp) => {
                    let v = self.infer.var(VarKind::General);
                    env.types.push((tp.ident.to_string(), v));
                    params.push((v, tp));
                }
                syn::GenericParam::Const(_) => {
                    return Err(Diagnostic::unsupported("const-generic trait methods called as `Trait::f(..)`", range.clone()))
                }
            }
        }
        for &(base, tp) in &params {
            let (mut bounds, mut eqs) = (Vec::new(), Vec::new());
            self.items.bounds_of(module, tp.bounds.iter(), &mut bounds, &mut eqs)?;
            for (t, name, text) in eqs {
                let result = self.convert_text(&text, module, env)?;
                let trait_id = self.items.trait_with_assoc_type(&[Bound::Trait(t)], &name);
                let p = crate::infer::Projection { base, trait_id, name, result, range: range.clone(), trait_args: Vec::new() };
                self.infer.deferred.push(p);
            }
        }
        Ok(params.into_iter().map(|(v, _)| v).collect())
    }

    /// The types of a signature written in `module` (a trait's), with no
    /// function's `Self` but `env`'s.
    pub(crate) fn signature_types_module(
        &mut self,
        module: crate::modtree::ModId,
        sig: &syn::Signature,
        env: &GenericEnv,
    ) -> DResult<SigTypes> {
        let scope = TypeScope { self_ty: None, allow_infer: false, module, env, impl_of: None };
        let self_ty = env.ty("Self");
        let mut params = Vec::new();
        for arg in &sig.inputs {
            match arg {
                syn::FnArg::Receiver(r) => {
                    let st = self_ty.ok_or_else(|| Diagnostic::ice("a trait method without `Self`"))?;
                    let ty = match crate::syntax::self_param(r) {
                        SelfParam::Ref { mutable } => self.infer.known(Shape::Ptr { pointee: st, mutable, reference: true }),
                        _ => st,
                    };
                    params.push(("self".to_string(), ty, false, range_of(r)));
                }
                syn::FnArg::Typed(pt) => {
                    let ty = self.items.convert_in(&pt.ty, self.types, &mut self.infer, &scope)?;
                    params.push(("_".to_string(), ty, false, range_of(&pt.pat)));
                }
            }
        }
        let ret = match &sig.output {
            syn::ReturnType::Default => self.infer.unit(),
            syn::ReturnType::Type(_, t) => self.items.convert_in(t, self.types, &mut self.infer, &scope)?,
        };
        Ok(SigTypes { params, ret, receiver: None, self_ty, opaque_ret: false, fn_bounds: Vec::new() })
    }

    /// The type arguments of method `fid` of generic struct impl `index`
    /// (the impl's parameters; the method's own are the caller's) for `Self` = `ty`: the
    /// arguments of the instance `ty` is.
    fn struct_impl_args(&mut self, index: usize, fid: FnId, ty: Handle<hybrid_ir::Type>) -> Option<InstanceArgs> {
        let sid = self.items.impls[index].generic_struct?;
        let n = self.items.structs[sid].params.len();
        let n_consts = self.items.structs[sid].const_params.iter().filter(|c| c.is_some()).count();
        if self.items.fns[fid].generics.as_ref().is_none_or(|g| g.outer_types != n - n_consts || g.consts.len() != n_consts) {
            return None;
        }
        let vars: Vec<TyId> = self.infer.fresh_adt_args(sid, n);
        let adt = self.infer.known(Shape::Adt { sid, args: vars.clone() });
        let it = self.infer.import(ty, self.types);
        self.infer.unify(adt, it).ok()?;
        let mut args = InstanceArgs::default();
        for v in vars {
            match self.infer.shape(v) {
                Some(Shape::Const(len)) => args.consts.push(self.infer.length(len)? as i128),
                _ => args.types.push(self.infer.resolve(v, self.types).ok()?),
            }
        }
        Some(args)
    }

    /// The function `Trait::name` means for `Self` = `self_ty` (resolved now):
    /// the impl's, or the trait's default instantiated for it.
    pub(super) fn dispatch(
        &mut self,
        tid: TraitId,
        name: &str,
        self_and_args: &[TyId],
        expr: Handle<Expr>,
        range: &Range<usize>,
    ) -> DResult<Instance> {
        let tname = self.items.traits[tid].shown.clone();
        let Ok(ty) = self.infer.resolve(self_and_args[0], self.types) else {
            return Err(Diagnostic::at(
                Some("E0790"),
                "cannot call associated function on trait without specifying the corresponding `impl` type",
                range.clone(),
                format!("cannot call associated function of trait `{tname}`"),
            ));
        };
        // `Self`, the trait's arguments, then the method's own parameters (`I` of `from_iter<I>`)
        let n_trait = self.items.traits[tid].params.len();
        let (self_and_trait, own) = self_and_args.split_at((1 + n_trait).min(self_and_args.len()));
        let mut own_args = Vec::with_capacity(own.len());
        for &a in own {
            match self.infer.resolve(a, self.types) {
                Ok(t) => own_args.push(t),
                Err(_) => {
                    return Err(Diagnostic::at(
                        Some("E0282"),
                        "type annotations needed",
                        range.clone(),
                        "cannot infer the method's type argument",
                    ))
                }
            }
        }
        let mut trait_args = Vec::with_capacity(n_trait);
        for &a in &self_and_trait[1..] {
            match self.infer.resolve(a, self.types) {
                Ok(t) => trait_args.push(t),
                Err(_) => {
                    return Err(Diagnostic::at(
                        Some("E0282"),
                        "type annotations needed",
                        range.clone(),
                        "cannot infer the trait's type argument",
                    ))
                }
            }
        }
        let Some(index) = self.items.impl_of_args(self.types, tid, ty, &trait_args) else {
            if let Some((on, t, args)) = self.items.unmet_pattern_bound(self.types, tid, ty, &trait_args) {
                // rustc reports the bound of the generic impl that fails (`F: From<i32>` of `Into<F> for i32`)
                let (shown, on) = (self.items.trait_with_args(self.types, t, &args), self.types.display(on).to_string());
                let outer = self.items.trait_with_args(self.types, tid, &trait_args);
                return Err(Diagnostic::at(
                    Some("E0277"),
                    format!("the trait bound `{on}: {shown}` is not satisfied"),
                    range.clone(),
                    format!("the trait `{shown}` is not implemented for `{on}`"),
                )
                .note(format!("required for `{}` to implement `{outer}`", self.types.display(ty))));
            }
            let shown = self.items.trait_with_args(self.types, tid, &trait_args);
            let covering: Vec<usize> = (0..self.items.impls.len())
                .filter(|&i| {
                    self.items.impls[i].trait_id == Bound::Trait(tid) && self.items.impl_covers(self.types, &self.items.impls[i], ty)
                })
                .collect();
            if let ([only], [found]) = (covering.as_slice(), trait_args.as_slice()) {
                // one impl: rustc takes its argument, so the call's argument mismatches it
                if let Some(&expected) = self.items.impls[*only].trait_args.first() {
                    let (e, f) = (self.types.display(expected).to_string(), self.types.display(*found).to_string());
                    return Err(Diagnostic::at(Some("E0308"), "mismatched types", range.clone(), format!("expected `{e}`, found `{f}`")));
                }
            }
            return Err(Diagnostic::at(
                Some("E0277"),
                format!("the trait bound `{}: {shown}` is not satisfied", self.types.display(ty)),
                range.clone(),
                format!("the trait `{shown}` is not implemented for `{}`", self.types.display(ty)),
            ));
        };
        let fid = match self.items.impls[index].methods.get(name) {
            Some(&f) => f,
            None => {
                self.items.traits[tid].method(name).and_then(|m| m.default).ok_or_else(|| Diagnostic::ice("a trait method without body"))?
            }
        };
        let (outer_types, all_types) = match self.items.fns[fid].generics.as_deref() {
            Some(g) => (g.outer_types, g.types.len()),
            None => (0, 0),
        };
        if all_types - outer_types != own_args.len() {
            return Err(Diagnostic::unsupported("this trait method's generic parameters called as `Trait::f(..)`", range.clone()));
        }
        let mut args = match self.items.fns[fid].is_generic() {
            // a non-generic impl's generic method: its own parameters only
            true if outer_types == 0 => InstanceArgs::default(),
            // a generic impl of a generic trait: its parameters, from `Self` and the trait's arguments
            true if self.items.impls[index].pattern.is_some() => match self.pattern_impl_args(index, fid, ty, &trait_args) {
                Some(args) => args,
                None => return Err(Diagnostic::unsupported("generic methods of generic impls called as `Trait::f(..)`", range.clone())),
            },
            true if self.items.fns[fid].in_trait.is_some() => InstanceArgs { types: [vec![ty], trait_args].concat(), consts: Vec::new() },
            // a blanket impl's method: generic over the impl's one parameter, `Self`
            true if self.items.impls[index].blanket.is_some() && outer_types == 1 => InstanceArgs { types: vec![ty], consts: Vec::new() },
            // a generic struct's impl (`impl<T> Default for Option<T>`): generic over the impl's parameters, read from `Self`
            true if self.items.impls[index].generic_struct.is_some() => match self.struct_impl_args(index, fid, ty) {
                Some(args) => args,
                None => return Err(Diagnostic::unsupported("generic methods called as `Trait::f(..)`", range.clone())),
            },
            // an impl for a builtin shape (`impl<A: Ord, B: Ord> Ord for (A, B)`): its parameters from `Self`
            true if self.items.impls[index].shape.is_some() => match self.shape_impl_args(fid, ty)? {
                Some(args) => args,
                None => return Err(Diagnostic::unsupported("generic methods called as `Trait::f(..)`", range.clone())),
            },
            true => return Err(Diagnostic::unsupported("generic methods called as `Trait::f(..)`", range.clone())),
            false => InstanceArgs::default(),
        };
        args.types.extend(own_args);
        Ok(Instance { expr, fid, args, range: range.clone(), caller_at: range.start })
    }
}
