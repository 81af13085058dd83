//! Method calls: user methods of structs, instances and type parameters, trait methods of any type (inherent first), then the builtin methods of scalars, pointers and collections (`builtin.rs`); the receiver adjusted to the method's `self`.

use std::ops::Range;

use hybrid_ir::{Expr, ExprKind, Handle, Intrinsic, MathFn};

use super::place::Access;
use super::FnLower;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::infer::{Shape, TyId, VarKind};
use crate::resolve::SelfKind;

/// The inherent methods of the float types hybridc knows.
const FLOAT_METHODS: &[&str] = &[
    "sqrt", "abs", "floor", "ceil", "round", "trunc", "exp", "exp2", "ln", "log2", "log10", "sin", "cos", "tan", "tanh", "min", "max",
    "powf", "powi", "mul_add", "recip", "is_nan", "clone",
];
/// The inherent methods of the integer types hybridc knows.
const INT_METHODS: &[&str] =
    &["min", "max", "abs", "pow", "wrapping_add", "wrapping_sub", "wrapping_mul", "count_ones", "leading_zeros", "trailing_zeros", "clone"];

/// The number of parameters (the receiver included) of builtin method
/// `name` of primitive `s`, if it has one (for `f32::max` as a value).
pub(crate) fn builtin_method_arity(s: hybrid_ir::Scalar, name: &str) -> Option<usize> {
    let known = if s.is_float() {
        FLOAT_METHODS
    } else if s.is_int() {
        INT_METHODS
    } else {
        &[]
    };
    if !known.contains(&name) {
        return None;
    }
    Some(match name {
        "min" | "max" | "powf" | "powi" | "pow" | "wrapping_add" | "wrapping_sub" | "wrapping_mul" => 2,
        "mul_add" => 3,
        _ => 1,
    })
}

impl FnLower<'_> {
    /// The traits the function being lowered has in its bounds (and its own trait, for a
    /// trait's default method): where a method name is looked up first.
    fn bound_traits(&self) -> Vec<crate::generics::Bound> {
        let decl = &self.items.fns[self.fid];
        let mut out: Vec<crate::generics::Bound> =
            decl.generics.iter().flat_map(|g| g.types.iter().flat_map(|t| t.bounds.iter().cloned())).collect();
        out.extend(decl.in_trait.map(crate::generics::Bound::Trait));
        out
    }

    pub(crate) fn method_call(&mut self, m: &syn::ExprMethodCall) -> DResult<Handle<Expr>> {
        self.method_calls.push((range_of(m), range_of(&m.method).start));
        let mark = self.mark();
        let result = match self.method_call_inner(m) {
            Err(e) if e.code == Some("E0599") && super::deref::error_at(&e, &range_of(&m.method)) => self.method_through_deref(m, mark, e),
            r => r,
        };
        self.method_calls.pop();
        result
    }

    pub(crate) fn method_call_inner(&mut self, m: &syn::ExprMethodCall) -> DResult<Handle<Expr>> {
        let range = range_of(m);
        let name = m.method.to_string();
        // `x.f::<T>(..)`: the turbofish of a generic method, taken by `call_method`
        // (set once the receiver is lowered: a method call there has its own)
        let turbofish = m.turbofish.as_ref().map(|t| syn::AngleBracketedGenericArguments {
            colon2_token: t.colon2_token,
            lt_token: t.lt_token,
            args: t.args.clone(),
            gt_token: t.gt_token,
        });
        let args: Vec<&syn::Expr> = m.args.iter().collect();
        // `x.iter().sum()`
        if name == "sum" {
            if let syn::Expr::MethodCall(inner) = &*m.receiver {
                if inner.method == "iter" && inner.args.is_empty() {
                    let sum_ty = match &m.turbofish {
                        Some(t) if t.args.len() == 1 => match &t.args[0] {
                            syn::GenericArgument::Type(ty) => Some(self.convert_type(ty)?),
                            _ => None,
                        },
                        _ => None,
                    };
                    return self.iter_sum(&inner.receiver, sum_ty, &range);
                }
            }
        }
        if (name == "iter" || name == "iter_mut") && args.is_empty() && self.items.library_type("slice::Iter").is_some() {
            if let Some(e) = self.slice_iter(&m.receiver, name == "iter_mut", m.method.span())? {
                return Ok(e);
            }
        }
        if name == "into_iter" && args.is_empty() && self.items.library_type("slice::Iter").is_some() {
            if let Some(e) = self.collection_into_iter_call(&m.receiver, m.method.span())? {
                return Ok(e);
            }
        }
        if name == "collect" && args.is_empty() && self.items.library_type("slice::Iter").is_some() {
            if let Some(e) = self.collect_call(m)? {
                return Ok(e);
            }
        }
        if let Some(e) = self.vec_extend_or_drain(m)? {
            return Ok(e);
        }
        // `a.zip(&b)`, `a.chain(v)`: the argument is an `IntoIterator`
        if (name == "zip" || name == "chain") && args.len() == 1 && self.items.library_type("slice::Iter").is_some() {
            if let Some(arg) = self.iterator_argument(args[0]) {
                let mut call = m.clone();
                call.args = std::iter::once(arg).collect();
                return self.method_call_inner(&call);
            }
        }
        if name == "iter" || name == "iter_mut" {
            return Err(Diagnostic::unsupported("iterators other than `.iter().sum()`", range_of(&m.method))
                .help("write a `for i in 0..x.len()` loop instead"));
        }
        let recv = match self.range_receiver(m)? {
            Some(r) => r,
            None => match self.dyn_deref_receiver(&m.receiver)? {
                Some(r) => r,
                None => match self.receiver_operand(&m.receiver, &args)? {
                    Ok(r) => r,
                    Err(error_value) => return Ok(error_value),
                },
            },
        };
        self.method_turbofish = turbofish;
        self.check_opaque_method(recv, &name, &range_of(&m.method))?;
        let recv = self.box_receiver(recv, &name);
        if let Some(e) = self.dyn_method_call(recv, &name, &args, &range)? {
            return Ok(e);
        }
        let rty = self.ty(recv);
        if self.check_mode {
            if let Some(e) = self.param_method(recv, &name, &args, &range)? {
                return Ok(e);
            }
        }
        // `self.0.fmt(f)` inside a `fmt` method
        if name == "fmt" {
            if let Some(e) = self.forwarded_fmt_method(recv, &args, &range)? {
                return Ok(e);
            }
        }
        // a method of an impl for the reference itself (`impl<'a, T> IntoIterator for &'a Option<T>`) comes
        // before the referent's
        if let Some(fid) = self.reference_pattern_method(rty, &name) {
            return self.call_method(fid, recv, &args, &range);
        }
        // user methods on structs (through references too)
        let mut probe = rty;
        for _ in 0..4 {
            match self.shape(probe) {
                Some(Shape::Ptr { pointee, reference: true, .. }) => probe = pointee,
                Some(Shape::Adt { sid, .. }) => {
                    // a method of one instance (`impl Vec2<f32>`): the arguments must be known now
                    if self.items.instance_methods.keys().any(|(_, n)| *n == name) {
                        if let Ok(ty) = self.infer.resolve(probe, self.types) {
                            if let Some(&fid) = self.items.instance_methods.get(&(ty, name.clone())) {
                                self.check_method_vis(fid, &range_of(&m.method))?;
                                return self.call_method(fid, recv, &args, &range);
                            }
                        }
                    }
                    if let Some(&fid) = self.items.structs[sid].methods.get(&name) {
                        self.check_method_vis(fid, &range_of(&m.method))?;
                        return self.call_method(fid, recv, &args, &range);
                    }
                    // a generic trait impl of the struct (`impl<T> Tr for S<T>`)
                    let generic =
                        self.items.impls.iter().filter(|i| i.generic_struct == Some(sid)).find_map(|i| i.methods.get(&name).copied());
                    if let Some(fid) = generic {
                        return self.call_method(fid, recv, &args, &range);
                    }
                    // or the trait's default method
                    let default = self.items.impls.iter().filter(|i| i.generic_struct == Some(sid)).find_map(|i| match i.trait_id {
                        crate::generics::Bound::Trait(t) => self.items.traits[t].method(&name).and_then(|m| m.default),
                        crate::generics::Bound::Lang(_) => None,
                    });
                    if let Some(fid) = default {
                        return self.call_method(fid, recv, &args, &range);
                    }
                    if let Some(fid) = self.blanket_method_of_instance(probe, sid, &name) {
                        return self.call_method(fid, recv, &args, &range);
                    }
                    if let Some(e) = self.derived_clone(sid, &name, recv, &args, &range)? {
                        return Ok(e);
                    }
                    // rustc: "for enum `Opt<T>`", "not found in `Opt<{integer}>`"
                    let info = &self.items.structs[sid];
                    let kind = if self.items.variants(sid).is_some() { "enum" } else { "struct" };
                    let generic = format!("{}<{}>", info.name, info.params.join(", "));
                    let shown = self.infer.display(probe);
                    return Err(Diagnostic::at(
                        Some("E0599"),
                        format!("no method named `{name}` found for {kind} `{generic}` in the current scope"),
                        range_of(&m.method),
                        format!("method not found in `{shown}`"),
                    ));
                }
                Some(Shape::Struct(def)) => {
                    let sid = self.items.struct_of(self.types, def);
                    if let Some(sid) = sid {
                        if let Some(&fid) = self.items.structs[sid].methods.get(&name) {
                            self.check_method_vis(fid, &range_of(&m.method))?;
                            return self.call_method(fid, recv, &args, &range);
                        }
                        let ty = self.types.insert(hybrid_ir::Type::Struct(def));
                        if let Some(&fid) = self.items.instance_methods.get(&(ty, name.clone())) {
                            self.check_method_vis(fid, &range_of(&m.method))?;
                            return self.call_method(fid, recv, &args, &range);
                        }
                        if let Some((index, fid)) = self.items.trait_method_preferring(self.types, ty, &name, &self.bound_traits()) {
                            if let Some(e) = self.generic_trait_method(index, &name, recv, &args, &range)? {
                                return Ok(e);
                            }
                            return self.call_method(fid, recv, &args, &range);
                        }
                        if let Some(e) = self.derived_clone(sid, &name, recv, &args, &range)? {
                            return Ok(e);
                        }
                        if let Some(e) = self.string_method(ty, &name, recv, &args, &range)? {
                            return Ok(e);
                        }
                        let info = &self.items.structs[sid];
                        let kind = if self.items.variants(sid).is_some() { "enum" } else { "struct" };
                        let sname = match info.params.is_empty() {
                            true => info.name.clone(),
                            false => format!("{}<{}>", info.name, info.params.join(", ")),
                        };
                        let shown = self.types.display(ty).to_string();
                        return Err(Diagnostic::at(
                            Some("E0599"),
                            format!("no method named `{name}` found for {kind} `{sname}` in the current scope"),
                            range_of(&m.method),
                            format!("method not found in `{shown}`"),
                        ));
                    }
                    if probe == rty {
                        if let Some(e) = self.time_method(def, &name, recv, &args, &range)? {
                            return Ok(e);
                        }
                    }
                    let sname = self.types.structs[def].name.clone();
                    return Err(Diagnostic::unsupported(&format!("`{sname}::{name}`"), range_of(&m.method)));
                }
                _ => break,
            }
        }
        // raw pointer methods
        if let Some(Shape::Ptr { pointee, reference: false, .. }) = self.shape(rty) {
            return self.pointer_method(&name, recv, rty, pointee, &args, &range);
        }
        let base = self.autoderef(recv);
        let bty = self.ty(base);
        // methods of traits every number implements (`1.cmp(&2)`, `7.clamp(1, 5)`, `a.lt(&b)`):
        // rustc resolves them on the literal, which takes the type of a typed argument
        // (`a.cmp(&b)`, `b: u64`) or else falls back to `i32` / `f64` (E0689 is only for
        // inherent methods such as `pow`)
        const NUMBER_TRAIT_METHODS: [&str; 10] = ["cmp", "partial_cmp", "clone", "clamp", "eq", "ne", "lt", "le", "gt", "ge"];
        if let Some(k @ (VarKind::Int | VarKind::Float)) = self.infer.var_kind(bty) {
            // (`f64::clamp` is inherent: E0689 as rustc's)
            let trait_method = NUMBER_TRAIT_METHODS.contains(&name.as_str()) && !(k == VarKind::Float && name == "clamp");
            // a blanket impl's method (`impl<T: Display> Show for T`: `5.show()` is `i32`'s)
            let fallback = if k == VarKind::Int { hybrid_ir::Scalar::I32 } else { hybrid_ir::Scalar::F64 };
            let fallback_ty = self.types.insert(hybrid_ir::Type::Scalar(fallback));
            let blanket = !trait_method
                && (0..self.items.impls.len()).any(|i| {
                    let imp = &self.items.impls[i];
                    imp.blanket.is_some()
                        && self.items.impl_method(i, &name).is_some()
                        && self.items.impl_covers(self.types, imp, fallback_ty)
                });
            if self.shape(bty).is_none() && blanket {
                let t = self.scalar_ty(fallback);
                let _ = self.infer.unify(bty, t);
            }
            if self.shape(bty).is_none() && trait_method {
                if let Some(typed) = args.iter().find(|a| !is_number_literal(a)) {
                    // the argument's type (through one `&`), when it is a number of the literal's kind
                    let arg_ty = self.probe_type(typed, |this, t| {
                        let t = match this.shape(t) {
                            Some(Shape::Ptr { pointee, reference: true, .. }) => pointee,
                            _ => t,
                        };
                        match this.shape(t) {
                            Some(Shape::Scalar(s)) if (k == VarKind::Int && s.is_int()) || (k == VarKind::Float && s.is_float()) => Some(s),
                            _ => None,
                        }
                    });
                    if let Some(s) = arg_ty {
                        let t = self.scalar_ty(s);
                        let _ = self.infer.unify(bty, t);
                    }
                } else {
                    let t = self.scalar_ty(if k == VarKind::Int { hybrid_ir::Scalar::I32 } else { hybrid_ir::Scalar::F64 });
                    let _ = self.infer.unify(bty, t);
                }
            }
        }
        // `3i32.eq(&3)`: `PartialEq` of numbers is the compiler's (FIXME(PartialEq in the library))
        if let (Some(Shape::Scalar(s)), "eq" | "ne") = (self.shape(bty), name.as_str()) {
            if s.is_int() || s.is_float() {
                self.arity(&name, &args, 1, &range)?;
                let ref_ty = self.infer.known(Shape::Ptr { pointee: bty, mutable: false, reference: true });
                let other = self.lower_coerced(args[0], ref_ty)?;
                let other = self.push(ExprKind::Deref(other), bty, &range);
                let op = if name == "eq" { hybrid_ir::BinaryOp::Eq } else { hybrid_ir::BinaryOp::Ne };
                let bool_ty = self.scalar_ty(hybrid_ir::Scalar::Bool);
                return Ok(self.push(ExprKind::Binary { op, lhs: base, rhs: other }, bool_ty, &range));
            }
        }
        // a trait method of a primitive type (its inherent ones, builtin or
        // the library's, come first)
        if let Some(Shape::Scalar(s)) = self.shape(bty) {
            let builtin = if s.is_float() {
                FLOAT_METHODS
            } else if s == hybrid_ir::Scalar::Char {
                &[]
            } else {
                INT_METHODS
            };
            if !builtin.contains(&name.as_str()) {
                let ty = self.types.insert(hybrid_ir::Type::Scalar(s));
                if let Some(&fid) = self.items.instance_methods.get(&(ty, name.clone())) {
                    return self.call_method(fid, recv, &args, &range);
                }
                if let Some((index, fid)) = self.items.trait_method_preferring(self.types, ty, &name, &self.bound_traits()) {
                    if let Some(e) = self.generic_trait_method(index, &name, recv, &args, &range)? {
                        return Ok(e);
                    }
                    return self.call_method(fid, recv, &args, &range);
                }
            }
        }
        // a trait method of a tuple, from an impl for tuples (the library's `impl<A: Ord, B: Ord> Ord for (A, B)`;
        // its parameters are bound by the receiver's type, whose elements may still be variables)
        if let Some(Shape::Tuple(elems)) = self.shape(bty) {
            if let Some(fid) = self.items.tuple_shape_method(elems.len(), &name) {
                return self.call_method(fid, recv, &args, &range);
            }
        }
        match self.shape(bty) {
            Some(Shape::Scalar(s)) if s.is_float() => self.float_method(&name, base, s, &args, &range, &m.method),
            Some(Shape::Scalar(s)) if s.is_int() => self.int_method(&name, base, s, &args, &range, &m.method),
            Some(Shape::Slice { .. }) | Some(Shape::Array { .. }) | Some(Shape::Vec(_)) => {
                self.collection_method(&name, recv, base, &args, &range, &m.method)
            }
            None => {
                if let Some(k) = self.infer.var_kind(bty) {
                    // lenient: `x.max(y)` with `x: {integer}` takes `y`'s type when known
                    if k != VarKind::General && matches!(name.as_str(), "min" | "max") && args.len() == 1 {
                        let y = self.expr(args[0])?;
                        if self.infer.unify(bty, self.ty(y)).is_ok() {
                            if let Some(Shape::Scalar(s)) = self.shape(bty) {
                                let f = if name == "min" { MathFn::Min } else { MathFn::Max };
                                let _ = s;
                                return Ok(self.intrinsic(Intrinsic::Math(f), vec![base, y], bty, &range));
                            }
                        }
                    }
                    if k != VarKind::General && name == "to_string" && args.is_empty() {
                        // (rustc's fallback: an unsuffixed literal is an `i32` / `f64`)
                        let t = self.scalar_ty(if k == VarKind::Int { hybrid_ir::Scalar::I32 } else { hybrid_ir::Scalar::F64 });
                        if self.infer.unify(bty, t).is_ok() {
                            let ty = self.types.insert(hybrid_ir::Type::Scalar(if k == VarKind::Int {
                                hybrid_ir::Scalar::I32
                            } else {
                                hybrid_ir::Scalar::F64
                            }));
                            if let Some(&fid) = self.items.instance_methods.get(&(ty, name.clone())) {
                                return self.call_method(fid, recv, &args, &range);
                            }
                        }
                    }
                    if k != VarKind::General {
                        let t = if k == VarKind::Int { "{integer}" } else { "{float}" };
                        return Err(Diagnostic::at(
                            Some("E0689"),
                            format!("can't call method `{name}` on ambiguous numeric type `{t}`"),
                            range_of(&m.receiver),
                            "give this value a type, e.g. with a suffix (`2.0_f32`) or a `let` annotation",
                        ));
                    }
                }
                Err(self.annotations_needed(&range_of(&m.receiver)))
            }
            Some(_) => Err(self.no_method(&name, bty, &m.method)),
        }
    }

    pub(crate) fn no_method(&mut self, name: &str, ty: TyId, method: &syn::Ident) -> Diagnostic {
        let t = self.describe(ty);
        // rustc names what a collection is
        let kind = match self.shape(ty) {
            Some(Shape::Slice { .. }) => Some("reference"),
            Some(Shape::Array { .. }) => Some("array"),
            Some(Shape::Vec(_)) => Some("struct"),
            _ => None,
        };
        if let Some(kind) = kind {
            return Diagnostic::at(
                Some("E0599"),
                format!("no method named `{name}` found for {kind} {t} in the current scope"),
                range_of(method),
                format!("method not found in {t}"),
            );
        }
        // a primitive: rustc's "found for type `f64`"
        let kind = if matches!(self.shape(ty), Some(Shape::Scalar(_))) { "type " } else { "" };
        Diagnostic::at(
            Some("E0599"),
            format!("no method named `{name}` found for {kind}{t} in the current scope"),
            range_of(method),
            "method not found (or not supported yet by hybridc)",
        )
    }

    /// A user method call: adjust the receiver to the method's `self` kind.
    /// A method of an impl of a generic trait (`impl Mix<i32> for f64`):
    /// called like `Mix::mix(x, ..)`, the impl chosen by the trait's
    /// arguments once the call's arguments infer them.
    pub(crate) fn generic_trait_method(
        &mut self,
        index: usize,
        name: &str,
        recv: Handle<Expr>,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Option<Handle<Expr>>> {
        let crate::generics::Bound::Trait(tid) = self.items.impls[index].trait_id else { return Ok(None) };
        if self.items.traits[tid].params.is_empty() {
            return Ok(None);
        }
        let base = self.autoderef(recv);
        let t = self.ty(base);
        let trait_args = self.bound_trait_args(tid, t)?;
        Ok(Some(self.call_trait_fn_with(tid, name, Some(t), &trait_args, Some(base), args, range)?))
    }

    /// The arguments of this function's bound `P: Tr<A>` on generic trait
    /// `tid` of the parameter `P` whose type `t` is (`t.into()` of a `T:
    /// Into<F>` is `Into<F>`'s, in the check and in every instance); empty
    /// without such a bound.
    pub(crate) fn bound_trait_args(&mut self, tid: crate::generics::TraitId, t: TyId) -> DResult<Vec<TyId>> {
        let Some(g) = self.items.fns[self.fid].generics.as_deref() else { return Ok(Vec::new()) };
        let module = self.items.fns[self.fid].module;
        let found = g.types.iter().find_map(|p| {
            let texts = p.trait_args.iter().find(|(b, _)| *b == tid).map(|(_, texts)| texts.clone())?;
            Some((self.env.ty(&p.name)?, texts))
        });
        let Some((pt, texts)) = found else { return Ok(Vec::new()) };
        let same = match (self.shape(pt), self.shape(t)) {
            (Some(Shape::Param(a)), Some(Shape::Param(b))) => a == b,
            _ => self.infer.concrete(pt, self.types).is_some_and(|a| self.infer.concrete(t, self.types) == Some(a)),
        };
        if !same {
            return Ok(Vec::new());
        }
        let env = self.env.clone();
        texts.iter().map(|text| self.convert_text(text, module, &env)).collect()
    }

    pub(crate) fn call_method(
        &mut self,
        fid: usize,
        recv: Handle<Expr>,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        let turbofish = self.method_turbofish.take();
        if let Some(t) = &turbofish {
            if !self.items.fns[fid].is_generic() {
                let n = self.items.fns[fid].short_name().to_string();
                return Err(Diagnostic::at(
                    Some("E0107"),
                    "method takes 0 generic arguments but 1 generic argument was supplied",
                    range_of(t),
                    format!("`{n}` takes no generic arguments"),
                ));
            }
        }
        // a generic method's use is instantiated once: its receiver's kind, then the call
        let used = match self.items.fns[fid].is_generic() {
            true => Some(self.instantiate_use(fid, turbofish.as_ref(), None, range)?),
            false => None,
        };
        let kind = match &used {
            Some((sig, _)) => sig.receiver,
            None => self.items.fns[fid].receiver,
        };
        let decl = &self.items.fns[fid];
        let Some(kind) = kind else {
            return Err(Diagnostic::at(
                Some("E0599"),
                format!("`{}` is an associated function, not a method", decl.name),
                range.clone(),
                format!("call it as `{}(..)`", decl.name),
            ));
        };
        let recv_range = self.range(recv);
        let adjusted = match kind {
            // (`self` of `impl<'a, T> IntoIterator for &'a Vec<T>` is the reference)
            SelfKind::Value if self.items.self_is_reference(fid) => recv,
            SelfKind::Value => self.autoderef(recv),
            // (`&self` of `impl<'a, T> Tr for &'a T`: the reference's address)
            SelfKind::Ref | SelfKind::RefMut if self.items.self_is_reference(fid) => {
                self.take_address(recv, kind == SelfKind::RefMut, &recv_range)?
            }
            SelfKind::Ref | SelfKind::RefMut => {
                let mutable = kind == SelfKind::RefMut;
                // strip references down to the struct, then take its address
                let mut e = recv;
                let mut direct = None;
                for _ in 0..4 {
                    match self.shape(self.ty(e)) {
                        Some(Shape::Ptr { pointee, reference: true, mutable: m }) => {
                            if matches!(self.shape(pointee), Some(Shape::Struct(_) | Shape::Adt { .. })) {
                                direct = Some((e, m));
                                break;
                            }
                            e = self.push(ExprKind::Deref(e), pointee, &recv_range);
                        }
                        _ => break,
                    }
                }
                match direct {
                    Some((p, m)) => {
                        if mutable && !m {
                            let what = self.text(&recv_range);
                            return Err(Diagnostic::at(
                                Some("E0596"),
                                format!("cannot borrow `*{what}` as mutable, as it is behind a `&` reference"),
                                recv_range,
                                "cannot borrow as mutable",
                            ));
                        }
                        let pty = self.ty(p);
                        let target = match self.shape(pty) {
                            Some(Shape::Ptr { pointee, .. }) => self.infer.known(Shape::Ptr { pointee, mutable, reference: true }),
                            _ => pty,
                        };
                        self.coerce(p, target)?
                    }
                    None => {
                        if mutable && self.kind(e).is_place() {
                            self.check_mutable(e, Access::BorrowMut, &recv_range)?;
                        }
                        self.take_address(e, mutable, &recv_range)?
                    }
                }
            }
        };
        match used {
            Some(used) => self.call_instantiated(fid, used, Some(adjusted), args, range),
            None => self.call_user(fid, Some(adjusted), args, range),
        }
    }
}

/// `2`, `-2.5`, `&2`: the arguments with which a number trait method on an unsuffixed
/// literal falls back to `i32` / `f64` here.
fn is_number_literal(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Lit(l) => matches!(l.lit, syn::Lit::Int(_) | syn::Lit::Float(_)),
        syn::Expr::Reference(r) => r.mutability.is_none() && is_number_literal(&r.expr),
        syn::Expr::Unary(u) => matches!(u.op, syn::UnOp::Neg(_)) && is_number_literal(&u.expr),
        syn::Expr::Paren(p) => is_number_literal(&p.expr),
        _ => false,
    }
}

impl FnLower<'_> {
    /// Method `name` of a blanket impl (`impl<I: Iterator> Ext for I`) that
    /// covers `probe`, an instance of generic struct `sid` whose arguments
    /// may still be variables (`Copied<Iter<{integer}>>`): by the concrete
    /// type when it is known, else by the struct's generic impls of the
    /// blanket's bounds (their own bounds are checked per instance).
    fn blanket_method_of_instance(&mut self, probe: TyId, sid: crate::resolve::StructId, name: &str) -> Option<crate::resolve::FnId> {
        let concrete = self.infer.concrete(probe, self.types);
        let items = self.items;
        let covers = |imp: &crate::generics::ImplInfo| match concrete {
            _ if imp.blanket.is_none() => false,
            Some(ty) => items.impl_covers(self.types, imp, ty),
            None => items.blanket_covers_struct(imp, sid),
        };
        (0..items.impls.len()).find_map(|index| covers(&items.impls[index]).then(|| items.impl_method(index, name)).flatten())
    }
}
