//! Calls: resolving a call's path (user functions, methods of types and type parameters, trait functions, builtins), the checks every call makes, and calls of user functions (generic ones through `generic.rs`).

use std::ops::Range;

use hybrid_ir::{Expr, Handle, Scalar};

use super::FnLower;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::infer::{Shape, TyId};
use crate::modtree::{Def, Ns, PathRes};
use crate::resolve::FnId;

/// What a path in call position names.
pub(crate) enum Callee {
    User(FnId),
    /// A function of a type whose `Self` is known (`T::zero()`, `Self::new()`).
    WithSelf(FnId, TyId),
    /// A trait's function, its impl chosen by the inferred `Self` (`Real::zero()`).
    TraitFn(crate::generics::TraitId, String),
    /// A trait's function with `Self` a type parameter (`T::zero()` in a
    /// generic body's check).
    TraitFnFor(crate::generics::TraitId, String, TyId),
    Builtin(String),
}

impl FnLower<'_> {
    /// Resolve the path of a call.
    pub(crate) fn callee(&mut self, path: &syn::Path, range: &Range<usize>) -> DResult<Callee> {
        if let Some(ident) = path.get_ident() {
            if self.lookup(&ident.to_string()).is_some() {
                return Err(Diagnostic::at(
                    Some("E0618"),
                    format!("expected function, found local variable `{ident}`"),
                    range.clone(),
                    "call expression requires function",
                ));
            }
        }
        let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if segs.len() == 2 {
            // `T::f` / `Self::f` with `T` or `Self` a parameter of this instance (concrete here)
            if let Some(t) = self.env.ty(&segs[0]) {
                if let Some(id) = self.bound_trait_fn(&segs[0], t, &segs[1])? {
                    return Ok(Callee::WithSelf(id, t));
                }
                return self.type_fn(t, &segs[0], &segs[1], range);
            }
        }
        if segs.len() == 2 && !path.segments[0].arguments.is_empty() {
            // `Vec2::<f32>::new(..)`: a function of that instance
            let mut ty_path = path.clone();
            ty_path.segments.pop();
            let _ = ty_path.segments.pop_punct();
            let ty = syn::Type::Path(syn::TypePath { attrs: Vec::new(), qself: None, path: ty_path });
            let t = self.convert_type(&ty)?;
            return self.type_fn(t, &segs[0], &segs[1], range);
        }
        if segs.len() == 2 && segs[0] == "Self" {
            if let Some(sid) = self.items.fns[self.fid].owner.filter(|&s| self.items.structs[s].params.is_empty()) {
                return self.assoc_fn(sid, &segs[1], range);
            }
            if let Some(st) = self.items.fns[self.fid].self_ty {
                let t = self.infer.import(st, self.types);
                return self.type_fn(t, "Self", &segs[1], range);
            }
        }
        {
            match self.resolve_path(path, Ns::Value)? {
                Some(PathRes::Def(Def::Fn(id))) => return Ok(Callee::User(id)),
                Some(PathRes::Assoc(sid, name)) => return self.assoc_fn(sid, &name, range),
                Some(PathRes::TraitItem(tid, name)) => {
                    if self.items.traits[tid].method(&name).is_none() {
                        let tname = self.items.traits[tid].shown.clone();
                        return Err(Diagnostic::at(
                            Some("E0576"),
                            format!("cannot find method or associated constant `{name}` in trait `{tname}`"),
                            range.clone(),
                            format!("not found in `{tname}`"),
                        ));
                    }
                    return Ok(Callee::TraitFn(tid, name));
                }
                Some(PathRes::Def(Def::Extern(full))) => {
                    let joined = full.join("::");
                    if super::builtin::is_builtin_fn(&joined) {
                        return Ok(Callee::Builtin(joined));
                    }
                    // `f32::from_bits_of_mine(..)`: a trait function of a primitive type
                    if let [prim, name] = full.as_slice() {
                        if let Some(s) = Scalar::from_name(prim) {
                            let ty = self.types.insert(hybrid_ir::Type::Scalar(s));
                            let inherent = self.items.instance_methods.contains_key(&(ty, name.clone()));
                            if inherent || self.items.trait_method_of(self.types, ty, name).is_some() {
                                let t = self.infer.scalar(s);
                                return self.type_fn(t, prim, name, range);
                            }
                        }
                    }
                }
                Some(PathRes::Def(Def::Foreign(decl))) => {
                    return Err(Diagnostic::unsupported("calling functions declared in `extern` blocks", range.clone())
                        .secondary(decl.clone(), "declared here")
                        .note("an `extern \"C\"` declaration is only meaningful as the host-side declaration of a kernel"))
                }
                Some(PathRes::Def(Def::Const(_))) => {
                    return Err(Diagnostic::at(
                        Some("E0618"),
                        format!("expected function, found constant `{}`", segs.join("::")),
                        range.clone(),
                        "call expression requires function",
                    ))
                }
                _ => {}
            }
        }
        if let [ty, name] = segs.as_slice() {
            if ty == "Vec" && path.segments[0].arguments.is_empty() {
                if let Some(callee) = self.vec_trait_fn(name) {
                    return Ok(callee);
                }
            }
        }
        let shown = segs.join("::");
        if let Some(m) = self.prefix_module(path) {
            let last = segs.last().cloned().unwrap_or_default();
            return Err(Diagnostic::at(
                Some("E0425"),
                format!("cannot find function `{last}` in module `{m}`"),
                path.segments.last().map_or(range.clone(), |s| range_of(&s.ident)),
                format!("not found in `{m}`"),
            ));
        }
        if segs.len() > 1 {
            return Err(Diagnostic::at(Some("E0425"), format!("cannot find function `{shown}` in this scope"), range.clone(), "not found")
                .note("hybridc knows the paths listed in LANGUAGE.md"));
        }
        Err(Diagnostic::at(
            Some("E0425"),
            format!("cannot find function `{shown}` in this scope"),
            range.clone(),
            "not found in this scope",
        ))
    }

    /// `T::name`: a function of type `t` (an instance's parameter, or
    /// `Self`): inherent first, then from a trait impl.
    /// `S::sum(..)` in an instance whose parameter `S` has a bound on a
    /// generic trait with that function (`S: Sum<Self::Item>`): the impl
    /// for `S` with the bound's arguments (`Sum<&i32> for i32`, not the
    /// first `Sum<_>` impl of `i32`). `None` when no such bound picks one.
    fn bound_trait_fn(&mut self, param: &str, t: TyId, name: &str) -> DResult<Option<FnId>> {
        let Some(g) = self.items.fns[self.fid].generics.as_deref() else { return Ok(None) };
        let Some(p) = g.types.iter().find(|p| p.name == param) else { return Ok(None) };
        let bounds = p.trait_args.clone();
        let module = self.items.fns[self.fid].module;
        let Ok(ty) = self.infer.resolve(t, self.types) else { return Ok(None) };
        for (tid, texts) in bounds {
            if self.items.traits[tid].method(name).is_none() {
                continue;
            }
            let env = self.env.clone();
            let mut args = Vec::with_capacity(texts.len());
            for text in &texts {
                args.push(self.convert_text(text, module, &env)?);
            }
            self.solve_projections()?;
            let Some(args) = args.iter().map(|&a| self.infer.concrete(a, self.types)).collect::<Option<Vec<_>>>() else { continue };
            if let Some(i) = self.items.impl_of_args(self.types, tid, ty, &args) {
                if let Some(&id) = self.items.impls[i].methods.get(name) {
                    return Ok(Some(id));
                }
            }
        }
        Ok(None)
    }

    fn type_fn(&mut self, t: TyId, shown: &str, name: &str, range: &Range<usize>) -> DResult<Callee> {
        if let Some(tid) = self.param_fn(t, name, range)? {
            return Ok(Callee::TraitFnFor(tid, name.to_string(), t));
        }
        if let Some(Shape::Adt { sid, .. }) = self.shape(t) {
            if let Some(&id) = self.items.structs[sid].methods.get(name) {
                return Ok(Callee::WithSelf(id, t));
            }
        }
        let Ok(ty) = self.infer.resolve(t, self.types) else {
            return Err(Diagnostic::ice(format!("`{shown}` is not concrete in an instance")));
        };
        if let Some(&id) = self.items.instance_methods.get(&(ty, name.to_string())) {
            return Ok(Callee::WithSelf(id, t));
        }
        if let hybrid_ir::Type::Struct(def) = self.types.get(ty) {
            let def = *def;
            let sid = self.items.struct_of(self.types, def);
            if let Some(sid) = sid {
                if let Some(&id) = self.items.structs[sid].methods.get(name) {
                    return Ok(Callee::WithSelf(id, t));
                }
            }
        }
        if let Some(tid) = self.generic_trait_fn_of(ty, name) {
            return Ok(Callee::TraitFnFor(tid, name.to_string(), t));
        }
        if let Some((_, id)) = self.items.trait_method_of(self.types, ty, name) {
            return Ok(Callee::WithSelf(id, t));
        }
        Err(Diagnostic::at(
            Some("E0599"),
            format!("no function or associated item named `{name}` found for type `{}` in the current scope", self.types.display(ty)),
            range.clone(),
            format!("function or associated item not found in `{}`", self.types.display(ty)),
        ))
    }

    /// `S::name(..)`: an associated function of struct `sid`, if visible here.
    fn assoc_fn(&mut self, sid: crate::resolve::StructId, name: &str, range: &Range<usize>) -> DResult<Callee> {
        let generic = !self.items.structs[sid].params.is_empty();
        if generic && !self.items.structs[sid].methods.contains_key(name) {
            // a trait impl of the generic struct (`B::default()` of `impl<T: Default> Default for B<T>`): `Self` is an
            // instance whose arguments are inferred
            let found = (0..self.items.impls.len())
                .filter(|&i| self.items.impls[i].generic_struct == Some(sid))
                .find_map(|i| self.items.impl_method(i, name));
            if let Some(id) = found {
                let n = self.items.structs[sid].params.len();
                let args = self.infer.fresh_adt_args(sid, n);
                let t = self.infer.known(crate::infer::Shape::Adt { sid, args });
                return Ok(Callee::WithSelf(id, t));
            }
        }
        if !generic && !self.items.structs[sid].methods.contains_key(name) {
            let ty = self.items.structs[sid].ty;
            if let Some(tid) = self.generic_trait_fn_of(ty, name) {
                let t = self.infer.import(ty, self.types);
                return Ok(Callee::TraitFnFor(tid, name.to_string(), t));
            }
            if let Some((_, id)) = self.items.trait_method_of(self.types, self.items.structs[sid].ty, name) {
                return Ok(Callee::User(id));
            }
        }
        let Some(&id) = self.items.structs[sid].methods.get(name) else {
            return Err(Diagnostic::at(
                Some("E0599"),
                format!(
                    "no function or associated item named `{name}` found for struct `{}` in the current scope",
                    self.items.structs[sid].name
                ),
                range.clone(),
                "function or associated item not found",
            ));
        };
        self.check_method_vis(id, range)?;
        Ok(Callee::User(id))
    }

    /// The generic trait whose impls for `ty` (more than one: `From<u8>`
    /// and `From<u16>` for `u64`) give it the function `name`: the call
    /// `u64::from(x)` chooses the impl by its arguments (`TraitFnFor`).
    fn generic_trait_fn_of(&self, ty: hybrid_ir::Handle<hybrid_ir::Type>, name: &str) -> Option<crate::generics::TraitId> {
        let mut found: Option<(crate::generics::TraitId, usize)> = None;
        for (index, imp) in self.items.impls.iter().enumerate() {
            let crate::generics::Bound::Trait(tid) = imp.trait_id else { continue };
            if self.items.traits[tid].params.is_empty()
                || !self.items.impl_covers(self.types, imp, ty)
                || self.items.impl_method(index, name).is_none()
            {
                continue;
            }
            match &mut found {
                None => found = Some((tid, 1)),
                Some((t, n)) if *t == tid => *n += 1,
                Some(_) => return None,
            }
        }
        found.filter(|&(_, n)| n > 1).map(|(t, _)| t)
    }

    /// `Vec::name(..)` of a trait's function (`Vec::from_iter(it)`): that of
    /// the trait whose impl for `Vec` has it, `Self` a `Vec` of an item to infer.
    fn vec_trait_fn(&mut self, name: &str) -> Option<Callee> {
        let item = self.types.insert(hybrid_ir::Type::Scalar(Scalar::I32));
        let probe = self.types.insert(hybrid_ir::Type::Vec(item));
        let tid = self.items.impls.iter().enumerate().find_map(|(index, imp)| match imp.trait_id {
            crate::generics::Bound::Trait(tid) if self.items.impl_covers(self.types, imp, probe) => {
                self.items.impl_method(index, name).is_some().then_some(tid)
            }
            _ => None,
        })?;
        let item = self.infer.var(crate::infer::VarKind::General);
        let vec = self.infer.known(Shape::Vec(item));
        Some(Callee::TraitFnFor(tid, name.to_string(), vec))
    }

    /// `<T as Tr<A>>::f(args)`: trait `Tr`'s function with `Self` = `T` and
    /// the trait's arguments `A`, the impl chosen by them.
    fn qualified_call(&mut self, q: &syn::QSelf, path: &syn::Path, args: &[&syn::Expr], range: &Range<usize>) -> DResult<Handle<Expr>> {
        let n = path.segments.len();
        if q.position == 0 || q.position + 1 != n {
            return Err(Diagnostic::unsupported("this qualified path", range.clone()));
        }
        let self_t = self.convert_type(&q.ty)?;
        let mut trait_path = path.clone();
        let last = trait_path.segments.pop().ok_or_else(|| Diagnostic::ice("an empty path"))?;
        let _ = trait_path.segments.pop_punct();
        let crate::generics::Bound::Trait(tid) = self.items.resolve_bound(self.module(), &trait_path)? else {
            return Err(Diagnostic::unsupported("qualified paths of this trait", range_of(&trait_path)));
        };
        let name = last.ident.to_string();
        if self.items.traits[tid].method(&name).is_none() {
            let tname = self.items.traits[tid].shown.clone();
            return Err(Diagnostic::at(
                Some("E0576"),
                format!("cannot find method or associated constant `{name}` in trait `{tname}`"),
                range_of(&last.ident),
                format!("not found in `{tname}`"),
            ));
        }
        let mut trait_args = Vec::new();
        if let Some(syn::PathArguments::AngleBracketed(a)) = trait_path.segments.last().map(|s| &s.arguments) {
            for g in &a.args {
                if let syn::GenericArgument::Type(ty) = g {
                    trait_args.push(self.convert_type(ty)?);
                }
            }
        }
        self.call_trait_fn_with(tid, &name, Some(self_t), &trait_args, None, args, range)
    }

    /// E0624 for a method private to another module.
    pub(crate) fn check_method_vis(&self, id: FnId, at: &Range<usize>) -> DResult<()> {
        let f = &self.items.fns[id];
        if self.items.tree.visible(f.vis, self.module()) {
            return Ok(());
        }
        let what = if f.receiver.is_some() { "method" } else { "associated function" };
        let name = f.name.rsplit("::").next().unwrap_or("");
        Err(Diagnostic::at(Some("E0624"), format!("{what} `{name}` is private"), at.clone(), format!("private {what}"))
            .secondary(f.sig_range.clone(), format!("private {what} defined here")))
    }

    /// The module named by all but the last segment of `path`, when it is one
    /// of the program's (for "not found in `m`").
    pub(crate) fn prefix_module(&self, path: &syn::Path) -> Option<String> {
        if path.segments.len() < 2 {
            return None;
        }
        let mut prefix = path.clone();
        prefix.segments.pop();
        let _ = prefix.segments.pop_punct();
        match self.resolve_path(&prefix, Ns::Type) {
            Ok(Some(PathRes::Def(Def::Mod(m)))) => {
                Some(if m == crate::modtree::ROOT { "crate".into() } else { self.items.tree.modules[m].name.clone() })
            }
            _ => None,
        }
    }

    pub(crate) fn call(&mut self, c: &syn::ExprCall) -> DResult<Handle<Expr>> {
        let range = range_of(c);
        let syn::Expr::Path(p) = &*c.func else {
            // `make_adder(3)(4)`, `(f)(x)`: a closure value called
            let f = self.expr(&c.func)?;
            if let Some(def) = self.closure_of(f) {
                let args: Vec<&syn::Expr> = c.args.iter().collect();
                return self.call_closure(f, def, &args, &range);
            }
            if self.is_fn_ptr(f) {
                let args: Vec<&syn::Expr> = c.args.iter().collect();
                return self.call_fn_ptr(f, &args, &range);
            }
            return Err(Diagnostic::unsupported("calling this kind of expression", range_of(&c.func)));
        };
        if let Some(ident) = p.path.get_ident() {
            if let Some(l) = self.lookup(&ident.to_string()) {
                let f = self.local_expr(l, &range_of(&c.func));
                if let Some(def) = self.closure_of(f) {
                    // (an `FnMut` call borrows it mutably: its `mut` is needed)
                    self.note_mutated(l);
                    let args: Vec<&syn::Expr> = c.args.iter().collect();
                    return self.call_closure(f, def, &args, &range);
                }
                if self.is_fn_ptr(f) {
                    let args: Vec<&syn::Expr> = c.args.iter().collect();
                    return self.call_fn_ptr(f, &args, &range);
                }
            }
        }
        let turbofish = p.path.segments.last().and_then(|s| match &s.arguments {
            syn::PathArguments::AngleBracketed(a) => Some(a),
            _ => None,
        });
        let args: Vec<&syn::Expr> = c.args.iter().collect();
        // `<T as Tr<A>>::f(..)` (`<T>::f(..)`, a function of the type written, is below)
        if let Some(q) = p.qself.as_ref().filter(|q| q.position > 0) {
            return self.qualified_call(q, &p.path, &args, &range);
        }
        if let Some(v) = self.ctor_call(&p.path, &args, &range)? {
            return Ok(v);
        }
        if let Some(v) = self.forwarded_fmt_call(&p.path, &args, &range)? {
            return Ok(v);
        }
        let callee = match &p.qself {
            // `<(i32, f64)>::default()`: a function of the type written
            Some(q) if q.position == 0 && p.path.segments.len() == 1 => {
                let qty = &q.ty;
                let t = self.convert_type(qty)?;
                let (shown, name) = (quote::quote!(#qty).to_string(), p.path.segments[0].ident.to_string());
                self.type_fn(t, &shown, &name, &range_of(&c.func))?
            }
            _ => self.callee(&p.path, &range_of(&c.func))?,
        };
        match callee {
            Callee::User(id) if self.items.fns[id].is_generic() => self.call_user_generic(id, turbofish, None, None, &args, &range),
            Callee::WithSelf(id, t) if self.items.fns[id].is_generic() => {
                self.call_user_generic(id, turbofish, Some(t), None, &args, &range)
            }
            Callee::WithSelf(id, _) => self.call_user(id, None, &args, &range),
            Callee::TraitFn(tid, name) => self.call_trait_fn(tid, &name, &args, &range),
            Callee::TraitFnFor(tid, name, t) => self.call_trait_fn_for(tid, &name, Some(t), None, &args, &range),
            Callee::User(id) => {
                if let Some(seg) = p.path.segments.iter().find(|s| !s.arguments.is_empty()) {
                    let n = self.items.fns[id].short_name().to_string();
                    return Err(Diagnostic::at(
                        Some("E0107"),
                        "function takes 0 generic arguments but 1 generic argument was supplied",
                        range_of(&seg.arguments),
                        format!("`{n}` takes no generic arguments"),
                    ));
                }
                self.call_user(id, None, &args, &range)
            }
            Callee::Builtin(name) => {
                if let Some(seg) = p.path.segments.iter().find(|s| !s.arguments.is_empty()) {
                    if !super::builtin::takes_turbofish(&name) {
                        return Err(Diagnostic::unsupported("generic arguments (`::<T>`) on this function", range_of(&seg.arguments)));
                    }
                }
                self.builtin_call(&name, &p.path, &args, &range)
            }
        }
    }

    /// The checks every call of user function `id` makes first: not a
    /// kernel, `unsafe` only in an unsafe context.
    fn check_callable(&self, id: FnId, range: &Range<usize>) -> DResult<()> {
        let decl = &self.items.fns[id];
        if decl.is_kernel {
            return Err(Diagnostic::at(
                None,
                format!("kernel `{}` cannot be called directly", decl.name),
                range.clone(),
                "kernels run on the GPU",
            )
            .help(format!("launch it with `core::intrinsics::offload({}, [blocks, 1, 1], [threads, 1, 1], (args,))`", decl.name)));
        }
        if decl.is_unsafe && self.unsafe_depth == 0 {
            return Err(Diagnostic::at(
                Some("E0133"),
                format!("call to unsafe function `{}` is unsafe and requires unsafe block", decl.name),
                range.clone(),
                "call to unsafe function",
            ));
        }
        Ok(())
    }

    /// E0061 unless `given` arguments (with the receiver) match `expected`.
    fn check_arity(&self, id: FnId, given: usize, expected: usize, receiver: bool, range: &Range<usize>) -> DResult<()> {
        let decl = &self.items.fns[id];
        if given != expected {
            let plural = |n: usize| if n == 1 { "argument" } else { "arguments" };
            let (g, e) = (given - receiver as usize, expected - receiver as usize);
            return Err(Diagnostic::at(
                Some("E0061"),
                format!(
                    "this {} takes {e} {} but {g} {} supplied",
                    if receiver { "method" } else { "function" },
                    plural(e),
                    if g == 1 { "argument was" } else { "arguments were" }
                ),
                range.clone(),
                format!("expected {e} {}", plural(e)),
            )
            .secondary(decl.sig_range.clone(), "defined here"));
        }
        Ok(())
    }

    /// A call of generic function `id` with its turbofish, if any.
    pub(crate) fn call_user_generic(
        &mut self,
        id: FnId,
        turbofish: Option<&syn::AngleBracketedGenericArguments>,
        self_ty: Option<TyId>,
        receiver: Option<Handle<Expr>>,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        let used = self.instantiate_use(id, turbofish, self_ty, range)?;
        self.call_instantiated(id, used, receiver, args, range)
    }

    /// A call of generic function `id` with its use already instantiated
    /// (a method call has read its receiver's kind from it).
    pub(crate) fn call_instantiated(
        &mut self,
        id: FnId,
        used: (super::generic::SigTypes, super::generic::PendingUse),
        receiver: Option<Handle<Expr>>,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        self.check_callable(id, range)?;
        self.check_arity(id, args.len() + receiver.is_some() as usize, used.0.params.len(), receiver.is_some(), range)?;
        self.call_generic(id, used, receiver, args, range)
    }

    /// A call of user function `id`; `receiver` is an already lowered first argument.
    pub(crate) fn call_user(
        &mut self,
        id: FnId,
        receiver: Option<Handle<Expr>>,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        if self.items.fns[id].is_generic() {
            return self.call_user_generic(id, None, None, receiver, args, range);
        }
        self.check_callable(id, range)?;
        let given = args.len() + receiver.is_some() as usize;
        self.check_arity(id, given, self.items.fns[id].params.len(), receiver.is_some(), range)?;
        let decl = &self.items.fns[id];
        let param_tys: Vec<_> = decl.params.iter().map(|p| p.ty).collect();
        let known = self.items.opaque_rets.read().ok().and_then(|m| m.get(&id).copied());
        let ret = match (decl.opaque_ret, known) {
            (false, _) => decl.ret,
            (true, Some(t)) => t,
            (true, None) => self.opaque_fn_ret_now(id, range)?,
        };
        let mut lowered = Vec::new();
        let mut ptys = param_tys.into_iter();
        if let Some(r) = receiver {
            ptys.next();
            lowered.push(r);
        }
        let self_param = lowered.first().map(|&r| self.ty(r));
        for (a, pty) in args.iter().zip(ptys) {
            let v = self.operand(a)?;
            let t = self.infer.import(pty, self.types);
            lowered.push(self.method_argument(id, self_param, v, t)?);
        }
        let ret_ty = self.infer.import(ret, self.types);
        let call = self.push_plain_call(id, lowered, ret_ty, range);
        if self.items.fns[id].opaque_ret {
            self.note_opaque_value(call, id);
        }
        Ok(call)
    }
}
