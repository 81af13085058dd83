//! Generic functions in a body: an instance's parameters bound to its arguments, a signature's types under an environment, calls of generic functions with inferred or turbofish arguments, and at the end the instances the body needs.

use std::ops::Range;

use hybrid_ir::{Expr, ExprKind, Handle, TypeTable};

use super::{CallTarget, FnLower};
use crate::consteval::{self, ConstValue};
use crate::diag::{range_of, DResult, Diagnostic};
use crate::generics::{parse_signature, GenericEnv, InstanceArgs, TraitId};
use crate::infer::{Shape, TyId, VarKind};
use crate::resolve::{FnId, SelfKind};
use crate::syntax::SelfParam;
use crate::types::TypeScope;

mod trait_dispatch;

/// One function to lower: a non-generic one (`args: None`) or one instance.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Job {
    pub fid: FnId,
    pub args: Option<InstanceArgs>,
    /// The check of a generic function's body against its bounds (`lower/check.rs`).
    pub check: bool,
    /// An instance of a `#[track_caller]` function: the location (line,
    /// column) its panics report.
    pub caller: Option<(u32, u32)>,
}

/// An instance a body uses: the call (or offload) expression to patch with
/// the instance's handle, and the arguments in the body's type table.
#[derive(Clone, Debug)]
pub struct Instance {
    pub expr: Handle<Expr>,
    pub fid: FnId,
    pub args: InstanceArgs,
    pub range: Range<usize>,
    /// Where the use is, as `#[track_caller]` reports it: a method call's
    /// method name, else the call's start.
    pub caller_at: usize,
}

/// A use of a generic function whose arguments may still be inference
/// variables.
pub(crate) struct PendingInstance {
    expr: Handle<Expr>,
    fid: FnId,
    types: Vec<TyId>,
    consts: Vec<i128>,
    range: Range<usize>,
    caller_at: usize,
    /// `Trait::f(..)`: the function is chosen by the impl for `Self`
    /// (`types[0]`) once it is inferred.
    dispatch: Option<(crate::generics::TraitId, String)>,
}

/// The parameter and result types of a signature.
pub(crate) struct SigTypes {
    /// Name, type, `mut`, range of each parameter (`self` first for methods).
    pub params: Vec<(String, TyId, bool, Range<usize>)>,
    pub ret: TyId,
    pub receiver: Option<SelfKind>,
    /// `Self` (a method's), if any.
    pub self_ty: Option<TyId>,
    /// `-> impl Trait`: `ret` is a variable, the instance's hidden type.
    pub opaque_ret: bool,
    /// The `F: FnOnce(A) -> R` bounds of its type parameters (`closure::FnBound`).
    pub fn_bounds: Vec<super::closure::FnBound>,
}

/// `name::<f32, 3>`: an instance's IR name.
pub fn instance_name(name: &str, args: &InstanceArgs, types: &TypeTable) -> String {
    let mut parts: Vec<String> = args.types.iter().map(|&t| types.display(t).to_string()).collect();
    parts.extend(args.consts.iter().map(|c| c.to_string()));
    if parts.is_empty() {
        // a library function (a template without parameters)
        return name.to_string();
    }
    format!("{name}::<{}>", parts.join(", "))
}

impl FnLower<'_> {
    /// Bind the generic parameters of the function being checked to opaque
    /// parameter types (const parameters to 1).
    pub(crate) fn bind_check_params(&mut self) {
        let Some(g) = self.items.fns[self.fid].generics.as_ref() else { return };
        for (i, p) in g.types.iter().enumerate() {
            let t = self.infer.known(Shape::Param(i as u32));
            self.env.types.push((p.name.clone(), t));
        }
        for p in &g.consts {
            self.env.consts.push((p.name.clone(), ConstValue::Int(1)));
        }
        let env = self.env.clone();
        if let Ok(Some(t)) = self.impl_self_type(self.fid, &env) {
            self.env.types.push(("Self".to_string(), t));
        }
        self.bind_check_projections();
    }

    /// Bind the generic parameters of the function being lowered to `args`.
    pub(crate) fn bind_instance_args(&mut self, args: &InstanceArgs) {
        let Some(g) = self.items.fns[self.fid].generics.as_ref() else { return };
        for (p, &t) in g.types.iter().zip(&args.types) {
            let id = self.infer.import(t, self.types);
            self.env.types.push((p.name.clone(), id));
        }
        for (p, &v) in g.consts.iter().zip(&args.consts) {
            let value = if p.ty == hybrid_ir::Scalar::Bool { ConstValue::Bool(v != 0) } else { ConstValue::Int(v) };
            self.env.consts.push((p.name.clone(), value));
        }
        let env = self.env.clone();
        if let Ok(Some(t)) = self.impl_self_type(self.fid, &env) {
            self.env.types.push(("Self".to_string(), t));
        }
        let mut env = std::mem::take(&mut self.env);
        let range = self.items.fns[self.fid].range.clone();
        // (an error here is the bound check's to report)
        let _ = self.bind_trait_arg_projections(self.fid, &mut env, &range);
        self.env = env;
    }

    /// The types of function `fid`'s signature `sig` with its generic
    /// parameters standing for what `env` says, converted in `fid`'s module.
    pub(crate) fn signature_types_in(&mut self, fid: FnId, sig: &syn::Signature, env: &GenericEnv) -> DResult<SigTypes> {
        let mut env = env.clone();
        if env.ty("Self").is_none() {
            if let Some(t) = self.impl_self_type(fid, &env)? {
                env.types.push(("Self".to_string(), t));
            }
        }
        let env = &env;
        let decl = &self.items.fns[fid];
        let scope = TypeScope { self_ty: decl.self_ty, allow_infer: false, module: decl.module, env, impl_of: decl.in_impl };
        let self_ty = match env.ty("Self") {
            Some(t) => Some(t),
            None => decl.self_ty.map(|t| self.infer.import(t, self.types)),
        };
        let mut params = Vec::new();
        let mut receiver = None;
        for arg in &sig.inputs {
            match arg {
                syn::FnArg::Receiver(r) => {
                    let Some(st) = self_ty else {
                        return Err(Diagnostic::at(
                            None,
                            "`self` parameter is only allowed in associated functions",
                            range_of(r),
                            "not semantically valid as function parameter",
                        ));
                    };
                    let self_param = crate::syntax::self_param(r);
                    if self_param == SelfParam::Typed {
                        return Err(Diagnostic::unsupported("`self` with an explicit type", range_of(r)));
                    }
                    let slice_elem = match self.shape(st) {
                        Some(Shape::Slice { elem, .. }) => Some(elem),
                        _ => None,
                    };
                    let (kind, ty) = match (self_param, slice_elem) {
                        (SelfParam::Ref { mutable }, Some(elem)) => {
                            // `&self` / `&mut self` of `impl<T> [T]`: the slice reference itself
                            let kind = if mutable { SelfKind::RefMut } else { SelfKind::Ref };
                            (kind, self.infer.known(Shape::Slice { elem, mutable }))
                        }
                        (SelfParam::Ref { mutable }, None) => {
                            let kind = if mutable { SelfKind::RefMut } else { SelfKind::Ref };
                            (kind, self.infer.known(Shape::Ptr { pointee: st, mutable, reference: true }))
                        }
                        _ => (SelfKind::Value, st),
                    };
                    receiver = Some(kind);
                    let mutable_binding = self_param == SelfParam::Value { mutable: true };
                    params.push(("self".to_string(), ty, mutable_binding, range_of(r)));
                }
                syn::FnArg::Typed(pt) => {
                    let (name, mutable) = match &*pt.pat {
                        syn::Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                            (pi.ident.to_string(), pi.mutability.is_some())
                        }
                        syn::Pat::Wild(_) => ("_".to_string(), false),
                        other => return Err(Diagnostic::unsupported("this parameter pattern", range_of(other))),
                    };
                    let ty = self.items.convert_in(&pt.ty, self.types, &mut self.infer, &scope)?;
                    params.push((name, ty, mutable, range_of(&pt.pat)));
                }
            }
        }
        let opaque_ret = matches!(&sig.output, syn::ReturnType::Type(_, t) if matches!(**t, syn::Type::ImplTrait(_)));
        let ret = match &sig.output {
            syn::ReturnType::Default => self.infer.unit(),
            // `-> impl Trait`: what the instance's body returns
            syn::ReturnType::Type(..) if opaque_ret => self.infer.var(VarKind::General),
            syn::ReturnType::Type(_, t) => self.items.convert_in(t, self.types, &mut self.infer, &scope)?,
        };
        let fn_bounds = self.fn_bounds(sig, &scope);
        Ok(SigTypes { params, ret, receiver, self_ty, opaque_ret, fn_bounds })
    }

    /// `Self` of a method of a generic `impl<T> S<T>`: its self type
    /// converted with `env` (the impl's parameters bound).
    pub(crate) fn impl_self_type(&mut self, fid: FnId, env: &GenericEnv) -> DResult<Option<TyId>> {
        let decl = &self.items.fns[fid];
        let Some(range) = decl.generics.as_deref().and_then(|g| g.impl_self.clone()) else { return Ok(None) };
        let scope = TypeScope { self_ty: None, allow_infer: false, module: decl.module, env, impl_of: None };
        let text = self.lines.text(&range).to_string();
        crate::ranges::with_origin(range.start, || -> DResult<Option<TyId>> {
            let ty: syn::Type = syn::parse_str(&text).map_err(|e| crate::syntax_error(&e))?;
            if let syn::Type::Slice(s) = &ty {
                // the library's `impl<T> [T]`: `Self` stands for `&[T]` (slices live behind references)
                let elem = self.items.convert_in(&s.elem, self.types, &mut self.infer, &scope)?;
                return Ok(Some(self.infer.known(Shape::Slice { elem, mutable: false })));
            }
            Ok(Some(self.items.convert_in(&ty, self.types, &mut self.infer, &scope)?))
        })
    }

    /// The signature of the instance being lowered.
    pub(crate) fn signature_types(&mut self, fid: FnId, sig: &syn::Signature) -> DResult<SigTypes> {
        let env = std::mem::take(&mut self.env);
        let result = self.signature_types_in(fid, sig, &env);
        self.env = env;
        result
    }

    /// The explicit arguments of a turbofish (`f::<f32, 3>`), converted in
    /// this body's scope: types, and const values.
    fn turbofish(&mut self, args: Option<&syn::AngleBracketedGenericArguments>) -> DResult<(Vec<TyId>, Vec<i128>)> {
        let mut tys = Vec::new();
        let mut consts = Vec::new();
        let Some(args) = args else { return Ok((tys, consts)) };
        for a in &args.args {
            match a {
                syn::GenericArgument::Type(syn::Type::Path(p)) if p.path.get_ident().is_some_and(|i| self.const_param(&i.to_string())) => {
                    let e: syn::Expr = syn::Expr::Path(syn::ExprPath { attrs: Vec::new(), qself: None, path: p.path.clone() });
                    consts.push(self.const_int(&e)?);
                }
                syn::GenericArgument::Type(t) => tys.push(self.convert_type(t)?),
                syn::GenericArgument::Const(e) => consts.push(self.const_int(e)?),
                other => return Err(Diagnostic::unsupported("this generic argument", range_of(other))),
            }
        }
        Ok((tys, consts))
    }

    fn const_param(&self, name: &str) -> bool {
        self.env.const_value(name).is_some()
    }

    fn const_int(&self, e: &syn::Expr) -> DResult<i128> {
        match consteval::eval(e, &self.const_env())? {
            ConstValue::Int(v) => Ok(v),
            ConstValue::Bool(b) => Ok(b as i128),
            ConstValue::Float(_) => Err(Diagnostic::unsupported("float const arguments", range_of(e))),
        }
    }

    /// The parameter and result types of a use of generic function `fid`
    /// (its turbofish `explicit`, or fresh variables), and the pending
    /// instance to record once the use's expression exists.
    pub(crate) fn instantiate_use(
        &mut self,
        fid: FnId,
        explicit: Option<&syn::AngleBracketedGenericArguments>,
        self_ty: Option<TyId>,
        range: &Range<usize>,
    ) -> DResult<(SigTypes, PendingUse)> {
        let decl = &self.items.fns[fid];
        let Some(g) = decl.generics.as_deref() else {
            return Err(Diagnostic::ice(format!("`{}` is not generic", decl.name)));
        };
        let g = g.clone();
        let (mut tys, consts) = self.turbofish(explicit)?;
        let own_types = g.types.len() - g.outer_types;
        let anonymous = g.types.iter().filter(|p| p.name.starts_with("impl#")).count();
        let own_consts = g.consts.len() - g.outer_consts;
        if explicit.is_some() && (tys.len() != own_types - anonymous || consts.len() != own_consts) {
            let expected = own_types - anonymous + own_consts;
            return Err(Diagnostic::at(
                Some("E0107"),
                format!(
                    "function takes {expected} generic argument{} but {} generic argument{} supplied",
                    if expected == 1 { "" } else { "s" },
                    tys.len() + consts.len(),
                    if tys.len() + consts.len() == 1 { " was" } else { "s were" }
                ),
                explicit.map_or(range.clone(), range_of),
                format!("expected {expected} generic argument{}", if expected == 1 { "" } else { "s" }),
            ));
        }
        // without a turbofish, const arguments are array length variables,
        // inferred from the arguments and the expected type
        // (and always those of the enclosing impl, `impl<const N: usize> S<N>`)
        let consts: Vec<i128> = match explicit {
            Some(_) => (0..g.outer_consts).map(|_| self.infer.length_var() as i128).chain(consts).collect(),
            None => g.consts.iter().map(|_| self.infer.length_var() as i128).collect(),
        };
        // outer parameters (`Self` of a default method) and those the turbofish left out are variables
        let mut all = Vec::new();
        let self_is_param = g.impl_self.is_none();
        for i in 0..g.outer_types {
            all.push(match self_ty {
                Some(t) if i == 0 && self_is_param => t,
                _ => self.infer.var(VarKind::General),
            });
        }
        let mut given = tys.drain(..);
        for p in &g.types[g.outer_types..] {
            let t = if p.name.starts_with("impl#") { None } else { given.next() };
            all.push(t.unwrap_or_else(|| self.infer.var(VarKind::General)));
        }
        let mut env = GenericEnv::default();
        for (p, &t) in g.types.iter().zip(&all) {
            env.types.push((p.name.clone(), t));
        }
        for (p, &v) in g.consts.iter().zip(&consts) {
            env.consts.push((p.name.clone(), ConstValue::Int(v)));
        }
        self.defer_assoc_eqs(fid, &env, range)?;
        self.bind_trait_arg_projections(fid, &mut env, range)?;
        self.defer_fn_bounds(fid, &env, 0..g.types.len(), range)?;
        let text = self.lines.text(&g.sig).to_string();
        let sig = crate::ranges::with_origin(g.sig.start, || -> DResult<SigTypes> {
            let sig = parse_signature(&text).map_err(|e| crate::syntax_error(&e))?;
            self.signature_types_in(fid, &sig, &env)
        })?;
        if let (Some(hint), Some(st), false) = (self_ty, sig.self_ty, self_is_param) {
            // `S::<f32>::f(..)` / a receiver's type: the impl's `Self` is that type
            self.infer.unify(st, hint).map_err(|_| Diagnostic::ice("the impl's `Self` does not match its use"))?;
        }
        Ok((sig, PendingUse { fid, types: all, consts, range: range.clone(), dispatch: None }))
    }

    /// The call of non-generic function `id` with lowered arguments,
    /// recorded among the body's calls: of the function, or for a lazy
    /// library function as a use like an instance's (its handle is given by
    /// the mono collector and patched in).
    pub(crate) fn push_plain_call(&mut self, id: FnId, args: Vec<Handle<Expr>>, ret: TyId, range: &Range<usize>) -> Handle<Expr> {
        let call = self.push(ExprKind::Call { func: self.items.fns[id].handle, args }, ret, range);
        let target = match self.items.fns[id].lazy {
            false => CallTarget::Fn(id),
            true => {
                self.record_use(call, PendingUse { fid: id, types: Vec::new(), consts: Vec::new(), range: range.clone(), dispatch: None })
            }
        };
        self.facts.calls.push((target, range.clone()));
        call
    }

    /// Locate the `#[track_caller]` panics of the call `expr` (a desugared library call,
    /// whose own span is the macro's call site) at byte `at` of the source.
    pub(crate) fn set_caller_at(&mut self, expr: Handle<Expr>, at: usize) {
        if let Some(p) = self.pending.iter_mut().rev().find(|p| p.expr == expr) {
            p.caller_at = at;
        }
    }

    /// Record that expression `expr` uses the instance `pending` describes.
    pub(crate) fn record_use(&mut self, expr: Handle<Expr>, pending: PendingUse) -> CallTarget {
        let index = self.pending.len();
        let caller_at = match self.method_calls.last() {
            Some((call, name_at)) if *call == pending.range => *name_at,
            _ => pending.range.start,
        };
        self.pending.push(PendingInstance {
            expr,
            caller_at,
            fid: pending.fid,
            types: pending.types,
            consts: pending.consts,
            range: pending.range,
            dispatch: pending.dispatch,
        });
        CallTarget::Instance(index)
    }

    /// The instances this body uses, their arguments resolved (after
    /// `finalize`): E0282 where an argument was never inferred.
    /// Before the body's types are resolved: every use's type arguments are
    /// inferred (else rustc's E0282/E0283 naming the parameter).
    pub(crate) fn check_pending_inferred(&mut self) -> DResult<()> {
        for i in 0..self.pending.len() {
            if self.pending[i].dispatch.is_some() {
                continue;
            }
            for j in 0..self.pending[i].types.len() {
                let t = self.pending[i].types[j];
                if self.infer.resolve(t, self.types).is_err() {
                    let (fid, range) = (self.pending[i].fid, self.pending[i].range.clone());
                    return Err(self.uninferred(fid, j, &range));
                }
            }
            for j in 0..self.pending[i].consts.len() {
                if self.infer.length(self.pending[i].consts[j] as u64).is_none() {
                    return Err(self.uninferred_const(self.pending[i].fid, j, &self.pending[i].range));
                }
            }
        }
        Ok(())
    }

    /// rustc's E0284 for const parameter `i` of `fid` that a use at `range`
    /// never inferred.
    fn uninferred_const(&self, fid: FnId, i: usize, range: &Range<usize>) -> Diagnostic {
        let f = self.items.fns[fid].short_name();
        let Some(param) = self.items.fns[fid].generics.as_deref().and_then(|g| g.consts.get(i)) else {
            return Diagnostic::ice("an uninferred const parameter out of range");
        };
        Diagnostic::at(
            Some("E0284"),
            "type annotations needed",
            range.clone(),
            format!("cannot infer the value of the const parameter `{}` declared on the function `{f}`", param.name),
        )
        .span_note(param.range.clone(), format!("required by a const generic parameter in `{f}`"))
    }

    /// rustc's E0282 (E0283 when it has bounds) for type parameter `i` of
    /// `fid` that a use at `range` never inferred.
    fn uninferred(&self, fid: FnId, i: usize, range: &Range<usize>) -> Diagnostic {
        let param = self.items.fns[fid].generics.as_deref().and_then(|g| g.types.get(i));
        let name = param.map(|p| p.name.clone()).unwrap_or_default();
        let bounded = param.is_some_and(|p| !p.bounds.is_empty());
        let f = self.items.fns[fid].short_name();
        Diagnostic::at(
            Some(if bounded { "E0283" } else { "E0282" }),
            "type annotations needed",
            range.clone(),
            format!("cannot infer type of the type parameter `{name}` declared on the function `{f}`"),
        )
    }

    pub(crate) fn resolve_pending(&mut self) -> DResult<Vec<Instance>> {
        let pending = std::mem::take(&mut self.pending);
        let mut out = Vec::with_capacity(pending.len());
        for p in pending {
            if let Some((tid, name)) = &p.dispatch {
                out.push(self.dispatch(*tid, name, &p.types, p.expr, &p.range)?);
                continue;
            }
            let mut types = Vec::with_capacity(p.types.len());
            for (i, &t) in p.types.iter().enumerate() {
                match self.infer.resolve(t, self.types) {
                    Ok(ty) => types.push(ty),
                    Err(_) => return Err(self.uninferred(p.fid, i, &p.range)),
                }
            }
            self.check_bounds(p.fid, &types, &p.range)?;
            let mut consts = Vec::with_capacity(p.consts.len());
            for (i, &c) in p.consts.iter().enumerate() {
                match self.infer.length(c as u64) {
                    Some(v) => consts.push(v as i128),
                    None => return Err(self.uninferred_const(p.fid, i, &p.range)),
                }
            }
            let args = InstanceArgs { types, consts };
            out.push(Instance { expr: p.expr, fid: p.fid, args, range: p.range, caller_at: p.caller_at });
        }
        Ok(out)
    }

    /// The parameters of a kernel instance can be passed to a kernel (the
    /// generic kernel's signature was not checked on its own).
    pub(crate) fn check_kernel_params(&self, params: &[Handle<hybrid_ir::Local>]) -> DResult<()> {
        for (i, &p) in params.iter().enumerate() {
            let ty = self.locals[p].ty;
            if hybrid_ir::abi::kernel_param_slots(self.types, ty).is_none() {
                let name = self.locals[p].name.clone();
                return Err(Diagnostic::at(
                    None,
                    format!("kernel parameter `{name}` has a type that cannot be passed to a kernel"),
                    self.lranges[i].clone(),
                    format!(
                        "`{}` is not a scalar, a thin pointer, a reference, a slice reference or a struct, tuple or array of plain data",
                        self.types.display(ty)
                    ),
                ));
            }
        }
        Ok(())
    }

    /// E0277 unless every argument satisfies its parameter's bounds.
    fn check_bounds(&mut self, fid: FnId, args: &[Handle<hybrid_ir::Type>], range: &Range<usize>) -> DResult<()> {
        self.check_trait_arg_bounds(fid, args, range)?;
        let Some(g) = self.items.fns[fid].generics.as_deref() else { return Ok(()) };
        for (p, &ty) in g.types.iter().zip(args) {
            for b in &p.bounds {
                if !self.items.satisfies(self.types, ty, b) {
                    let (t, tr) = (self.types.display(ty).to_string(), self.items.bound_name(b));
                    let f = self.items.fns[fid].short_name().to_string();
                    let d = match tr.as_str() {
                        // rustc words a missing `PartialEq` as a comparison
                        "PartialEq" => Diagnostic::at(
                            Some("E0277"),
                            format!("can't compare `{t}` with `{t}`"),
                            range.clone(),
                            format!("no implementation for `{t} == {t}`"),
                        )
                        .help(format!("the trait `PartialEq` is not implemented for `{t}`")),
                        _ => Diagnostic::at(
                            Some("E0277"),
                            format!("the trait bound `{t}: {tr}` is not satisfied"),
                            range.clone(),
                            format!("the trait `{tr}` is not implemented for `{t}`"),
                        ),
                    };
                    return Err(d.span_note(p.range.clone(), format!("required by a bound in `{f}`")));
                }
            }
        }
        Ok(())
    }

    /// A call of generic function `id` whose use `instantiate_use` made
    /// (arguments already checked for count).
    pub(crate) fn call_generic(
        &mut self,
        id: FnId,
        (sig, pending): (SigTypes, PendingUse),
        receiver: Option<Handle<Expr>>,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        let mut lowered = Vec::new();
        let mut ptys = sig.params.iter().map(|p| p.1);
        if let Some(r) = receiver {
            let t = ptys.next().ok_or_else(|| Diagnostic::ice("a method without `self`"))?;
            lowered.push(self.coerce(r, t)?);
        }
        let self_param = lowered.first().map(|&r| self.ty(r));
        for (a, pty) in args.iter().zip(ptys) {
            let v = self.operand(a)?;
            self.check_closure_arg(id, &sig.fn_bounds, v, pty, a, range)?;
            lowered.push(self.method_argument(id, self_param, v, pty)?);
        }
        self.infer_closure_results(&sig.fn_bounds, &lowered, range)?;
        self.solve_projections()?;
        // (at the method's name for a library collection method: `pending.range`)
        self.check_callee_bounds(id, &pending.types, &pending.range.clone())?;
        if sig.opaque_ret {
            self.opaque_instance_ret(&pending, sig.ret, range)?;
        }
        // patched by the mono collector once the instance has a handle
        let call = self.push(ExprKind::Call { func: Handle::from_index(u32::MAX as usize), args: lowered }, sig.ret, range);
        let callee = self.record_use(call, pending);
        self.facts.calls.push((callee, range.clone()));
        if sig.opaque_ret {
            self.note_opaque_value(call, id);
        }
        Ok(call)
    }
}

/// A use of a generic function, before its expression exists.
/// A use of generic function `fid` with known type arguments (no trait dispatch).
pub(crate) fn plain_use(fid: FnId, types: Vec<TyId>, range: Range<usize>) -> PendingUse {
    PendingUse { fid, types, consts: Vec::new(), range, dispatch: None }
}

/// A use of method `name` of trait `tid` for `Self` = `self_ty`: the impl's
/// (or the trait's default), chosen once the body's types are final.
pub(crate) fn dispatch_use(tid: TraitId, name: &str, self_ty: TyId, range: Range<usize>) -> PendingUse {
    PendingUse { fid: usize::MAX, types: vec![self_ty], consts: Vec::new(), range, dispatch: Some((tid, name.to_string())) }
}

pub(crate) struct PendingUse {
    pub(crate) fid: FnId,
    pub(crate) types: Vec<TyId>,
    pub(crate) consts: Vec<i128>,
    range: Range<usize>,
    dispatch: Option<(TraitId, String)>,
}
