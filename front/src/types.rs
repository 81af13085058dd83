//! Syntactic types to IR types: paths, references, pointers, slices,
//! arrays (with constant lengths), tuples, `Vec<T>` and structs.

use hybrid_ir::{Handle, Type, TypeTable};

use crate::consteval;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::generics::GenericEnv;
use crate::infer::{Infer, Shape, TyId, VarKind};
use crate::modtree::{Def, ModId, Ns, PathRes};
use crate::resolve::{InModule, Items};

/// Where a type is written: its module, what `Self` is, whether `_` may
/// stand for an inference variable, and what generic parameters stand for.
#[derive(Clone, Copy)]
pub struct TypeScope<'e> {
    pub self_ty: Option<Handle<Type>>,
    pub allow_infer: bool,
    pub module: ModId,
    pub env: &'e GenericEnv,
    /// The trait impl the type is written in (for `Self::Output`).
    pub impl_of: Option<usize>,
}

impl<'e> TypeScope<'e> {
    /// The scope of types written in the body of `decl` (lowered in
    /// `module` with its generic parameters bound in `env`): `Self`, its
    /// impl, and `_` as an inference variable.
    pub fn of_body(decl: &crate::resolve::FnDecl, module: ModId, env: &'e GenericEnv) -> Self {
        TypeScope { self_ty: decl.self_ty, allow_infer: true, module, env, impl_of: decl.in_impl }
    }
}

impl Items {
    /// Convert a syntactic type without generic parameters in scope. `_`
    /// becomes a variable when `allow_infer`.
    pub fn convert_type(
        &self,
        ty: &syn::Type,
        types: &mut TypeTable,
        infer: &mut Infer,
        self_ty: Option<Handle<Type>>,
        allow_infer: bool,
        module: ModId,
    ) -> DResult<TyId> {
        self.convert_in(ty, types, infer, &TypeScope { self_ty, allow_infer, module, env: &GenericEnv::EMPTY, impl_of: None })
    }

    /// Convert a syntactic type written in `scope`.
    pub fn convert_in(&self, ty: &syn::Type, types: &mut TypeTable, infer: &mut Infer, scope: &TypeScope<'_>) -> DResult<TyId> {
        use syn::Type as T;
        let r = range_of(ty);
        let (self_ty, allow_infer, module) = (scope.self_ty, scope.allow_infer, scope.module);
        Ok(match ty {
            T::Paren(p) => self.convert_in(&p.elem, types, infer, scope)?,
            T::Group(g) => self.convert_in(&g.elem, types, infer, scope)?,
            T::Never(_) => infer.never(),
            T::Infer(_) if allow_infer => infer.var(VarKind::General),
            T::Infer(_) => {
                return Err(Diagnostic::at(
                    Some("E0121"),
                    "the placeholder `_` is not allowed within types on item signatures",
                    r,
                    "not allowed in type signatures",
                ))
            }
            T::Tuple(t) => match t.elems.len() {
                0 => infer.unit(),
                1 => return Err(Diagnostic::unsupported("a one-element tuple type", r)),
                _ => {
                    let elems = t.elems.iter().map(|e| self.convert_in(e, types, infer, scope)).collect::<DResult<Vec<_>>>()?;
                    infer.known(Shape::Tuple(elems))
                }
            },
            T::Array(a) => {
                let elem = self.convert_in(&a.elem, types, infer, scope)?;
                let len = match scope.env.length_var(&a.len) {
                    Some(var) => var,
                    None => consteval::eval_len(&a.len, &InModule { items: self, module, params: &scope.env.consts }).map_err(|e| {
                        match scope.env.has_length_vars() {
                            // FIXME(const generic inference): `[T; N + 1]` with `N` inferred
                            true => Diagnostic::unsupported("inferring a const generic argument from this array length", range_of(&a.len)),
                            false => e,
                        }
                    })?,
                };
                infer.known(Shape::Array { elem, len })
            }
            T::FnPtr(f) => {
                if f.variadic.is_some() {
                    return Err(Diagnostic::unsupported("variadic function pointer types", r));
                }
                if f.abi.is_some() || f.unsafety.is_some() || f.lifetimes.is_some() {
                    return Err(Diagnostic::unsupported("`unsafe`, `extern` and `for<'a>` function pointer types", r));
                }
                let params = f.inputs.iter().map(|a| self.convert_in(&a.ty, types, infer, scope)).collect::<DResult<Vec<_>>>()?;
                let ret = match &f.output {
                    syn::ReturnType::Default => infer.unit(),
                    syn::ReturnType::Type(_, t) => self.convert_in(t, types, infer, scope)?,
                };
                infer.known(Shape::FnPtr { params, ret })
            }
            T::Ptr(p) => {
                let pointee = self.convert_sized(&p.elem, types, infer, scope)?;
                infer.known(Shape::Ptr { pointee, mutable: matches!(p.mutability, syn::PointerMutability::Mut(_)), reference: false })
            }
            T::Reference(rf) => {
                let mutable = rf.mutability.is_some();
                if let T::Slice(s) = &*rf.elem {
                    let elem = self.convert_in(&s.elem, types, infer, scope)?;
                    infer.known(Shape::Slice { elem, mutable })
                } else if is_str_path(&rf.elem) {
                    // `&str` is the library's `str::Str` (a fat pointer, named `&str`)
                    if mutable {
                        return Err(Diagnostic::unsupported("`&mut str`", r));
                    }
                    let Some(sid) = self.library_type("str::Str") else {
                        return Err(Diagnostic::unsupported("`&str` here (the library's strings are not loaded)", r));
                    };
                    infer.import(self.structs[sid].ty, types)
                } else if let Some(obj) = trait_object(&rf.elem) {
                    let kind = if mutable { crate::dyn_object::DynKind::RefMut } else { crate::dyn_object::DynKind::Ref };
                    let ty = self.dyn_type(obj, kind, module, types)?;
                    infer.import(ty, types)
                } else {
                    let pointee = self.convert_sized(&rf.elem, types, infer, scope)?;
                    infer.known(Shape::Ptr { pointee, mutable, reference: true })
                }
            }
            T::Slice(_) => {
                return Err(Diagnostic::at(
                    Some("E0277"),
                    "the size for values of type `[T]` cannot be known at compilation time",
                    r,
                    "slices are only supported behind a reference (`&[T]`, `&mut [T]`)",
                ))
            }
            T::Path(tp) => {
                if let Some(q) = &tp.qself {
                    return self.qualified_type(q, &tp.path, types, infer, scope, r);
                }
                let segs: Vec<&syn::PathSegment> = tp.path.segments.iter().collect();
                let last = segs.last().ok_or_else(|| Diagnostic::unsupported("this type", r.clone()))?;
                let name = last.ident.to_string();
                let prefix: Vec<String> = segs[..segs.len() - 1].iter().map(|s| s.ident.to_string()).collect();
                if name == "Vec" && (prefix.is_empty() || prefix.join("::").ends_with("vec")) {
                    let arg = match &last.arguments {
                        syn::PathArguments::AngleBracketed(a) if a.args.len() == 1 => match &a.args[0] {
                            syn::GenericArgument::Type(t) => t,
                            _ => return Err(Diagnostic::unsupported("this `Vec` type", r)),
                        },
                        syn::PathArguments::None if allow_infer => {
                            let v = infer.var(VarKind::General);
                            return Ok(infer.known(Shape::Vec(v)));
                        }
                        _ => {
                            return Err(Diagnostic::at(
                                Some("E0107"),
                                "missing generics for struct `Vec`",
                                r,
                                "expected 1 generic argument",
                            ))
                        }
                    };
                    let elem = self.convert_in(arg, types, infer, scope)?;
                    return Ok(infer.known(Shape::Vec(elem)));
                }
                if name == "Box" && prefix.iter().all(|p| matches!(p.as_str(), "std" | "alloc" | "boxed")) {
                    if let syn::PathArguments::AngleBracketed(a) = &last.arguments {
                        if let [syn::GenericArgument::Type(t)] = a.args.iter().collect::<Vec<_>>().as_slice() {
                            if let Some(obj) = trait_object(t) {
                                let ty = self.dyn_type(obj, crate::dyn_object::DynKind::Box, module, types)?;
                                return Ok(infer.import(ty, types));
                            }
                            // `Box<[T]>`: a `Vec<T>` to hybridc (one owned buffer and its length)
                            if let syn::Type::Slice(s) = t {
                                let elem = self.convert_in(&s.elem, types, infer, scope)?;
                                return Ok(infer.known(Shape::Vec(elem)));
                            }
                        }
                    }
                }
                if name == "Result" && prefix.last().is_some_and(|p| p == "fmt") && last.arguments.is_none() {
                    // FIXME(type aliases): `fmt::Result` is `Result<(), fmt::Error>`
                    let full: syn::Type = syn::parse_quote!(::core::result::Result<(), ::core::fmt::Error>);
                    return self.convert_in(&full, types, infer, scope);
                }
                if matches!(name.as_str(), "ParseIntError" | "ParseFloatError" | "IntErrorKind")
                    && prefix.last().is_some_and(|p| p == "num")
                {
                    // FIXME(re-exports of unloaded files): rustc's `core::num::ParseIntError` is defined in `str.rs`
                    if let Some(sid) = self.library_type(&format!("str::{name}")) {
                        return Ok(infer.import(self.structs[sid].ty, types));
                    }
                }
                if name == "str" && prefix.is_empty() {
                    return Err(Diagnostic::unsupported("the type `str` (not behind a reference: use `&str`)", r));
                }
                // (`Formatter<'_>`: lifetimes only, as no arguments)
                let lifetimes_only = matches!(&last.arguments, syn::PathArguments::AngleBracketed(a)
                    if a.args.iter().all(|g| matches!(g, syn::GenericArgument::Lifetime(_))));
                if let (syn::PathArguments::AngleBracketed(a), false) = (&last.arguments, lifetimes_only) {
                    if let Some(PathRes::Def(Def::Struct(sid))) = self.resolve(module, &tp.path, Ns::Type)? {
                        return self.generic_struct(sid, Some(a), types, infer, scope, r);
                    }
                    return Err(Diagnostic::unsupported("generic arguments on this type", range_of(&last.arguments)));
                }
                if prefix.len() == 1 {
                    // `Self::Output`, `T::Output`: an associated type of an impl
                    let base = match prefix[0].as_str() {
                        "Self" => scope.env.ty("Self").or_else(|| self_ty.map(|t| infer.import(t, types))),
                        p => scope.env.ty(p),
                    };
                    if let Some(base) = base {
                        return self.assoc_type(base, &prefix[0], &name, None, scope, types, infer, range_of(&last.ident));
                    }
                }
                if prefix.is_empty() {
                    if let Some(t) = scope.env.ty(&name) {
                        return Ok(t);
                    }
                    if let Some(s) = hybrid_ir::Scalar::from_name(&name) {
                        return Ok(infer.scalar(s));
                    }
                    if name == "Self" {
                        return match self_ty {
                            Some(t) => Ok(infer.import(t, types)),
                            None => Err(Diagnostic::at(
                                Some("E0411"),
                                "cannot find type `Self` in this scope",
                                r,
                                "`Self` is only available in impls",
                            )),
                        };
                    }
                }
                match self.resolve(module, &tp.path, Ns::Type)? {
                    Some(PathRes::Def(Def::Struct(sid))) => {
                        if !self.structs[sid].params.is_empty() {
                            return self.generic_struct(sid, None, types, infer, scope, r);
                        }
                        return Ok(infer.import(self.structs[sid].ty, types));
                    }
                    Some(PathRes::Def(Def::Extern(segs))) => {
                        if let Some(s) = crate::libc::c_type(&segs) {
                            return Ok(infer.scalar(s));
                        }
                    }
                    _ => {}
                }
                // the standard library's types (a program's own `Option` is found above)
                if prefix.is_empty() && ["String", "Option", "Box", "Result"].contains(&name.as_str()) {
                    return Err(Diagnostic::unsupported(&format!("the type `{name}`"), r));
                }
                return Err(Diagnostic::at(
                    Some("E0425"),
                    format!("cannot find type `{}` in this scope", quote::quote!(#tp).to_string().replace(' ', "")),
                    r,
                    "not found in this scope",
                ));
            }
            T::ImplTrait(_) => match scope.env.ty(&crate::fn_generics::impl_trait_param(r.start)) {
                Some(t) => t,
                // FIXME(impl Trait): in `let` types, fields and nested in a return type (`-> Vec<impl Tr>`)
                None => return Err(Diagnostic::unsupported("`impl Trait` here", r)),
            },
            // (`&dyn Tr`, `&mut dyn Tr` and `Box<dyn Tr>` are above)
            T::TraitObject(_) => return Err(Diagnostic::unsupported("`dyn Trait` other than behind `&`, `&mut` or `Box`", r)),
            _ => return Err(Diagnostic::unsupported("this type", r)),
        })
    }

    /// The struct `&str` is (the library's `str::Str`), if the library's strings are loaded.
    pub fn str_struct(&self) -> Option<Handle<Type>> {
        self.library_type("str::Str").map(|sid| self.structs[sid].ty)
    }

    /// The library's `String`, if loaded.
    pub fn string_struct(&self) -> Option<Handle<Type>> {
        self.library_type("string::String").map(|sid| self.structs[sid].ty)
    }

    fn convert_sized(&self, ty: &syn::Type, types: &mut TypeTable, infer: &mut Infer, scope: &TypeScope<'_>) -> DResult<TyId> {
        if let syn::Type::Slice(_) = ty {
            return Err(Diagnostic::unsupported("raw pointers to slices (`*const [T]`)", range_of(ty)));
        }
        self.convert_in(ty, types, infer, scope)
    }

    /// `S<A, B>` (or `S` where `_` may be inferred) of a struct `sid`.
    pub(crate) fn generic_struct(
        &self,
        sid: crate::resolve::StructId,
        args: Option<&syn::AngleBracketedGenericArguments>,
        types: &mut TypeTable,
        infer: &mut Infer,
        scope: &TypeScope<'_>,
        r: std::ops::Range<usize>,
    ) -> DResult<TyId> {
        let s = &self.structs[sid];
        let expected = s.params.len();
        let const_params = s.const_params.clone();
        let given: Vec<&syn::GenericArgument> =
            args.map(|a| a.args.iter().filter(|g| !matches!(g, syn::GenericArgument::Lifetime(_))).collect()).unwrap_or_default();
        let name = s.name.clone();
        let kind = if matches!(s.kind, crate::enums::StructKind::Enum(_)) { "enum" } else { "struct" };
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        if args.is_none() && expected > 0 {
            if !scope.allow_infer {
                return Err(Diagnostic::at(
                    Some("E0107"),
                    format!("missing generics for {kind} `{name}`"),
                    r,
                    format!("expected {expected} generic argument{}", plural(expected)),
                ));
            }
            let vars = infer.fresh_adt_args(sid, expected);
            return Ok(infer.known(Shape::Adt { sid, args: vars }));
        }
        if given.len() != expected {
            // rustc points at the name (before `<`), and at the arguments supplied or unnecessary
            let at = args.map_or(r.clone(), |a| {
                let end = match a.colon2_token {
                    Some(c) => crate::ranges::byte_range(c.spans[0]).start,
                    None => crate::ranges::byte_range(a.lt_token.span).start,
                };
                r.start..end
            });
            let mut d = Diagnostic::at(
                Some("E0107"),
                format!(
                    "{kind} takes {expected} generic argument{} but {} generic argument{} supplied",
                    plural(expected),
                    given.len(),
                    if given.len() == 1 { " was" } else { "s were" }
                ),
                at,
                format!("expected {expected} generic argument{}", plural(expected)),
            );
            if given.len() > expected {
                // from the end of the last expected argument (`, f32`), as rustc's suggestion removes it
                let start = if expected > 0 { range_of(given[expected - 1]).end } else { range_of(given[0]).start };
                let extra = start..range_of(given[given.len() - 1]).end;
                let what = if given.len() - expected == 1 { "argument" } else { "arguments" };
                d = d.secondary(extra, format!("help: remove the unnecessary generic {what}"));
            } else if let (Some(a), Some(b)) = (given.first(), given.last()) {
                d = d.secondary(
                    range_of(*a).start..range_of(*b).end,
                    format!("supplied {} generic argument{}", given.len(), plural(given.len())),
                );
            }
            return Err(d);
        }
        let mut out = Vec::with_capacity(given.len());
        for (i, g) in given.into_iter().enumerate() {
            out.push(match (g, const_params.get(i).copied().flatten()) {
                (syn::GenericArgument::Type(t), None) => self.convert_in(t, types, infer, scope)?,
                (g, Some(ty)) => self.const_argument(g, ty, infer, scope)?,
                (g, None) => return Err(Diagnostic::at(Some("E0747"), "constant provided when a type was expected", range_of(g), "")),
            });
        }
        Ok(infer.known(Shape::Adt { sid, args: out }))
    }

    /// A const argument of a generic struct (`3`, `N`, `{ N }`, `_`) as a
    /// `Shape::Const`: a value, or the length variable of a const
    /// parameter being inferred.
    fn const_argument(&self, g: &syn::GenericArgument, ty: hybrid_ir::Scalar, infer: &mut Infer, scope: &TypeScope<'_>) -> DResult<TyId> {
        let expr: syn::Expr = match g {
            syn::GenericArgument::Const(e) => e.clone(),
            syn::GenericArgument::Type(syn::Type::Infer(_)) if scope.allow_infer => return Ok(infer.fresh_const()),
            // `Mat<R, C>`: syn cannot tell a const's name from a type's
            syn::GenericArgument::Type(syn::Type::Path(p))
                if p.qself.is_none() && p.path.segments.iter().all(|s| s.arguments.is_none()) =>
            {
                let is_type = match p.path.get_ident() {
                    Some(i) => {
                        let name = i.to_string();
                        scope.env.const_value(&name).is_none()
                            && (hybrid_ir::Scalar::from_name(&name).is_some() || scope.env.ty(&name).is_some() || name == "Self")
                    }
                    None => false,
                } || matches!(self.resolve(scope.module, &p.path, Ns::Type), Ok(Some(_)));
                if is_type {
                    return Err(Diagnostic::at(Some("E0747"), "type provided when a constant was expected", range_of(g), "")
                        .help("if this generic argument was intended as a const parameter, surround it with braces"));
                }
                syn::Expr::Path(syn::ExprPath { attrs: Vec::new(), qself: None, path: p.path.clone() })
            }
            other => return Err(Diagnostic::at(Some("E0747"), "type provided when a constant was expected", range_of(other), "")),
        };
        let env = InModule { items: self, module: scope.module, params: &scope.env.consts };
        let len = match scope.env.length_var(&expr) {
            Some(var) => var,
            // (`Flag<true>`, `Offset<-1>`: the value's bits)
            None if ty != hybrid_ir::Scalar::Usize => match consteval::eval(&expr, &env)? {
                crate::consteval::ConstValue::Bool(b) if ty == hybrid_ir::Scalar::Bool => b as u64,
                crate::consteval::ConstValue::Int(v) if ty != hybrid_ir::Scalar::Bool => v as u64,
                _ => return Err(Diagnostic::at(Some("E0308"), "mismatched types", range_of(&expr), format!("expected `{}`", ty.name()))),
            },
            None => {
                consteval::eval_len(&expr, &env).map_err(|e| {
                    match scope.env.has_length_vars() {
                        // FIXME(const generic inference): `Mat<{ N + 1 }>` with `N` inferred
                        true => Diagnostic::unsupported("this const argument of a generic parameter", range_of(&expr)),
                        false => e,
                    }
                })?
            }
        };
        Ok(infer.known(Shape::Const(len)))
    }

    /// `<T as Tr>::Name`.
    fn qualified_type(
        &self,
        q: &syn::QSelf,
        path: &syn::Path,
        types: &mut TypeTable,
        infer: &mut Infer,
        scope: &TypeScope<'_>,
        r: std::ops::Range<usize>,
    ) -> DResult<TyId> {
        let n = path.segments.len();
        if q.position == 0 || q.position + 1 != n {
            return Err(Diagnostic::unsupported("this qualified path", r));
        }
        let mut trait_path = path.clone();
        while trait_path.segments.len() > q.position {
            trait_path.segments.pop();
        }
        let _ = trait_path.segments.pop_punct();
        let tr = match self.resolve_bound(scope.module, &trait_path)? {
            crate::generics::Bound::Trait(t) => Some(t),
            crate::generics::Bound::Lang(_) => None,
        };
        let name = path.segments[n - 1].ident.to_string();
        let base = self.convert_in(&q.ty, types, infer, scope)?;
        let shown = match &*q.ty {
            syn::Type::Path(p) if p.qself.is_none() => p.path.get_ident().map(|i| i.to_string()),
            _ => None,
        };
        let at = range_of(&path.segments[n - 1].ident);
        if let Some(t) = tr.filter(|&t| !self.traits[t].params.is_empty()) {
            // `<S as Conv<i32>>::Out`: the impl with those arguments
            let mut args = Vec::new();
            if let Some(syn::PathArguments::AngleBracketed(a)) = trait_path.segments.last().map(|s| &s.arguments) {
                for g in &a.args {
                    if let syn::GenericArgument::Type(ty) = g {
                        args.push(self.convert_in(ty, types, infer, scope)?);
                    }
                }
            }
            let concrete: Option<Vec<Handle<Type>>> = args.iter().map(|&a| infer.concrete(a, types)).collect();
            match (infer.concrete(base, types), concrete) {
                (Some(b), Some(c)) if !c.is_empty() => {
                    if let Some(x) = self.impl_assoc_type_args(b, t, &c, &name) {
                        return Ok(infer.import(x, types));
                    }
                }
                _ if !args.is_empty() && !matches!(infer.shape(base), Some(Shape::Param(_))) => {
                    let result = infer.var(VarKind::General);
                    let p = crate::infer::Projection { base, trait_id: tr, name, result, range: at, trait_args: args };
                    infer.deferred.push(p);
                    return Ok(result);
                }
                _ => {}
            }
        }
        self.assoc_type(base, shown.as_deref().unwrap_or(""), &name, tr, scope, types, infer, at)
    }

    /// `Base::Name` (`prefix` as written): the associated type `Name` of a
    /// bound of a type parameter (the environment's `T::Name`), of the impl
    /// the type is written in, or of an impl for `base` (deferred while
    /// `base` is not known yet); a primitive's operator `Output` is itself.
    #[allow(clippy::too_many_arguments)]
    fn assoc_type(
        &self,
        base: TyId,
        prefix: &str,
        name: &str,
        tr: Option<crate::generics::TraitId>,
        scope: &TypeScope<'_>,
        types: &mut TypeTable,
        infer: &mut Infer,
        r: std::ops::Range<usize>,
    ) -> DResult<TyId> {
        if let Some(t) = scope.env.ty(&format!("{prefix}::{name}")) {
            return Ok(t);
        }
        // the projection, resolved once `base` is known (`infer.deferred`)
        let defer = |infer: &mut Infer, range: std::ops::Range<usize>| {
            let result = infer.var(VarKind::General);
            let projection = crate::infer::Projection { base, trait_id: tr, name: name.to_string(), result, range, trait_args: Vec::new() };
            infer.deferred.push(projection);
            result
        };
        if let Some(i) = scope.impl_of.filter(|_| prefix == "Self") {
            if let Some((_, t)) = self.impls[i].assoc_types.iter().find(|(n, _)| n == name) {
                return Ok(infer.import(*t, types));
            }
        }
        if let Some(ty) = infer.concrete(base, types) {
            if let Some(t) = self.impl_assoc_type(types, ty, tr, name) {
                return Ok(infer.import(t, types));
            }
            if name == "Output" && matches!(types.get(ty), Type::Scalar(_)) {
                return Ok(base);
            }
            let sid = self.instance_sid(types, ty);
            let generic_impl = self.impls.iter().any(|i| {
                let trait_ok = tr.is_none_or(|t| i.trait_id == crate::generics::Bound::Trait(t));
                let covers = match (&i.shape, sid) {
                    _ if i.blanket.is_some() => trait_ok && self.impl_covers(types, i, ty),
                    (Some(p), _) => trait_ok && self.shape_covers(types, p, ty),
                    (None, Some(sid)) => i.generic_struct == Some(sid),
                    (None, None) => false,
                };
                covers && i.generic_assoc.iter().any(|(n, _)| n == name)
            });
            if generic_impl {
                // normalized with the impl's parameters bound (`lower/assoc.rs`)
                return Ok(defer(infer, r));
            }
        } else if !matches!(infer.shape(base), Some(Shape::Param(_))) {
            // known once the base is inferred (a callee's `I::Item`)
            return Ok(defer(infer, r));
        }
        let shown = if prefix.is_empty() { infer.display(base) } else { prefix.to_string() };
        Err(Diagnostic::at(
            Some("E0220"),
            format!("associated type `{name}` not found for `{shown}`"),
            r,
            format!("associated type `{name}` not found"),
        ))
    }

    /// A fully explicit type (signatures, struct fields).
    pub fn ir_type(&self, ty: &syn::Type, types: &mut TypeTable, self_ty: Option<Handle<Type>>, module: ModId) -> DResult<Handle<Type>> {
        let mut infer = Infer::with_templates(self.templates.clone());
        let t = self.convert_type(ty, types, &mut infer, self_ty, false, module)?;
        infer.resolve(t, types).map_err(|_| Diagnostic::ice("unresolved type in a signature"))
    }

    /// [`Items::ir_type`] of a type written in trait impl `impl_of`.
    pub fn ir_type_in_impl(
        &self,
        ty: &syn::Type,
        types: &mut TypeTable,
        self_ty: Option<Handle<Type>>,
        module: ModId,
        impl_of: Option<usize>,
    ) -> DResult<Handle<Type>> {
        let mut infer = Infer::with_templates(self.templates.clone());
        let scope = TypeScope { self_ty, allow_infer: false, module, env: &GenericEnv::EMPTY, impl_of };
        let t = self.convert_in(ty, types, &mut infer, &scope)?;
        infer.resolve(t, types).map_err(|_| Diagnostic::ice("unresolved type in a signature"))
    }
}

/// Scalars, arrays and structs/tuples of those: what may be copied to the
/// device (the kernel ABI's rule, `hybrid_ir::abi::is_plain_data`).
pub use hybrid_ir::abi::is_plain_data;

/// `str` (also `core::str` / `std::primitive::str`) as the pointee of a reference.
fn is_str_path(ty: &syn::Type) -> bool {
    let syn::Type::Path(tp) = ty else { return false };
    if tp.qself.is_some() {
        return false;
    }
    let segs: Vec<String> = tp.path.segments.iter().map(|s| s.ident.to_string()).collect();
    match segs.as_slice() {
        [one] => one == "str",
        [.., p, last] => last == "str" && (p == "primitive" || p == "std" || p == "core"),
        _ => false,
    }
}

/// The trait object type `ty` is (`dyn Tr`, also in parentheses).
fn trait_object(ty: &syn::Type) -> Option<&syn::TypeTraitObject> {
    match ty {
        syn::Type::TraitObject(t) => Some(t),
        syn::Type::Paren(p) => trait_object(&p.elem),
        syn::Type::Group(g) => trait_object(&g.elem),
        _ => None,
    }
}
