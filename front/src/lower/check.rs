//! The check of a generic function's body against its bounds, as rustc type-checks it once: the body is lowered with each type parameter an opaque `Shape::Param`, and what a parameter is used for (an operator, a method, an associated function, a bound of a callee) must come from its bounds, else rustc's error (E0369, E0600, E0599, E0277) at that use.
//!
//! Only these bound errors are reported from the check (the lowered body is
//! thrown away): any other error ends the check silently, as the instances
//! are checked in full anyway. So the check never rejects a program the
//! instances accept, except where rustc would for a missing bound.

use std::ops::Range;

use hybrid_ir::{BinaryOp, Expr, ExprKind, Handle, Scalar, UnaryOp};

use super::FnLower;
use crate::diag::{DResult, Diagnostic};
use crate::generics::{Bound, TraitId};
use crate::infer::{Shape, TyId};
use crate::resolve::FnId;

impl FnLower<'_> {
    /// The parameter `t` is (in a check), if it is one.
    pub(crate) fn param_of(&mut self, t: TyId) -> Option<u32> {
        match self.shape(t) {
            Some(Shape::Param(i)) => Some(i),
            _ => None,
        }
    }

    pub(crate) fn param_name(&self, i: u32) -> String {
        if let Some((p, t, name)) = self.projection(i) {
            return format!("<{} as {}>::{name}", self.param_name(*p), self.items.traits[*t].shown);
        }
        let g = self.items.fns[self.fid].generics.as_deref();
        g.and_then(|g| g.types.get(i as usize)).map(|p| p.name.clone()).unwrap_or_else(|| "T".into())
    }

    /// The bounds of parameter `i`, with the supertraits of its traits.
    pub(crate) fn param_bounds(&self, i: u32) -> Vec<Bound> {
        let g = self.items.fns[self.fid].generics.as_deref();
        let mut out: Vec<Bound> = match self.projection(i) {
            Some((_, t, name)) => self.items.traits[*t].assoc_type(name).map(|a| a.bounds.clone()).unwrap_or_default(),
            None => g.and_then(|g| g.types.get(i as usize)).map(|p| p.bounds.clone()).unwrap_or_default(),
        };
        self.items.blanket_traits(&mut out);
        let mut k = 0;
        while k < out.len() {
            if let Bound::Trait(t) = out[k] {
                for s in &self.items.traits[t].supertraits {
                    if !out.contains(s) {
                        out.push(s.clone());
                    }
                }
            }
            k += 1;
        }
        self.items.blanket_traits(&mut out);
        out
    }

    /// A bound error: reported from the check (see the module docs).
    pub(crate) fn bound_error(&mut self, d: Diagnostic) -> Diagnostic {
        self.bound_error = true;
        d
    }

    /// `a op b` / `a op= b` with `a` a type parameter.
    pub(crate) fn param_binary(
        &mut self,
        op: BinaryOp,
        assign: bool,
        lhs: Handle<Expr>,
        rhs: Handle<Expr>,
        range: &Range<usize>,
    ) -> DResult<Option<Handle<Expr>>> {
        let lt = self.ty(lhs);
        let Some(i) = self.param_of(lt) else { return Ok(None) };
        let Some((tr, _)) = super::operators::binary_trait(op, assign) else { return Ok(None) };
        if !self.param_bounds(i).contains(&self.items.operator_bound(tr)) {
            let t = self.param_name(i);
            let (code, msg) = super::operators::missing_operator(op, assign, &t);
            let d = Diagnostic::at(Some(code), msg, range.clone(), format!("`{t}` has no bound that allows `{}`", op.symbol()))
                .help(format!("consider restricting type parameter `{t}` with trait `{tr}`"));
            return Err(self.bound_error(d));
        }
        let ty = if op.is_comparison() {
            self.scalar_ty(Scalar::Bool)
        } else if assign {
            self.infer.unit()
        } else {
            lt
        };
        Ok(Some(self.push(ExprKind::Binary { op, lhs, rhs }, ty, range)))
    }

    /// `-a` / `!a` with `a` a type parameter.
    pub(crate) fn param_unary(&mut self, op: UnaryOp, v: Handle<Expr>, range: &Range<usize>) -> DResult<Option<Handle<Expr>>> {
        let t = self.ty(v);
        let Some(i) = self.param_of(t) else { return Ok(None) };
        let (tr, sym) = if op == UnaryOp::Neg { ("Neg", "-") } else { ("Not", "!") };
        if !self.param_bounds(i).contains(&Bound::Lang(tr.to_string())) {
            let name = self.param_name(i);
            let d = Diagnostic::at(
                Some("E0600"),
                format!("cannot apply unary operator `{sym}` to type `{name}`"),
                range.clone(),
                format!("cannot apply unary operator `{sym}`"),
            )
            .help(format!("consider restricting type parameter `{name}` with trait `{tr}`"));
            return Err(self.bound_error(d));
        }
        Ok(Some(self.push(ExprKind::Unary { op, operand: v }, t, range)))
    }

    /// `{}` / `{:?}` of a type parameter: it needs `Display` / `Debug`.
    pub(crate) fn param_formatted(&mut self, t: TyId, trait_name: &str, range: &Range<usize>) -> DResult<()> {
        let Some(i) = self.param_of(t) else { return Ok(()) };
        if self.param_bounds(i).contains(&Bound::Lang(trait_name.to_string())) {
            return Ok(());
        }
        let p = self.param_name(i);
        let (label, note) = if trait_name == "Display" {
            (
                format!("`{p}` cannot be formatted with the default formatter"),
                "in format strings you may be able to use `{:?}` (or {:#?} for pretty-print) instead",
            )
        } else {
            (format!("`{p}` cannot be formatted using `{{:?}}` because it doesn't implement `Debug`"), "")
        };
        let mut d = Diagnostic::at(Some("E0277"), format!("`{p}` doesn't implement `std::fmt::{trait_name}`"), range.clone(), label);
        if !note.is_empty() {
            d = d.note(note);
        }
        let d = d.help(format!("consider further restricting type parameter `{p}` with trait `{trait_name}`"));
        Err(self.bound_error(d))
    }

    /// `x.f` with `x` a type parameter: no fields (E0609).
    pub(crate) fn param_field(&mut self, t: TyId, member: &syn::Member) -> DResult<()> {
        let Some(i) = self.param_of(t) else { return Ok(()) };
        let name = match member {
            syn::Member::Named(n) => n.to_string(),
            syn::Member::Unnamed(i) => i.index.to_string(),
        };
        let p = self.param_name(i);
        let d = Diagnostic::at(Some("E0609"), format!("no field `{name}` on type `{p}`"), crate::diag::range_of(member), "unknown field");
        Err(self.bound_error(d))
    }

    /// `x as U` with `x` a type parameter: not a primitive cast (E0605).
    pub(crate) fn param_cast(&mut self, value: Handle<Expr>, target: TyId, range: &Range<usize>) -> DResult<()> {
        let t = self.ty(value);
        let Some(i) = self.param_of(t) else { return Ok(()) };
        let (p, u) = (self.param_name(i), self.infer.display(target));
        let d = Diagnostic::at(
            Some("E0605"),
            format!("non-primitive cast: `{p}` as `{u}`"),
            range.clone(),
            "an `as` expression can only be used to convert between primitive types or to coerce to a specific trait object",
        );
        Err(self.bound_error(d))
    }

    /// The trait of parameter `i`'s bounds that has function `name`.
    fn bound_trait_with(&self, i: u32, name: &str) -> Option<TraitId> {
        self.param_bounds(i).into_iter().find_map(|b| match b {
            Bound::Trait(t) if self.items.traits[t].method(name).is_some() => Some(t),
            _ => None,
        })
    }

    /// `x.name(..)` with `x` (or `*x`) a type parameter: a method of one of
    /// its bounds' traits, else E0599.
    pub(crate) fn param_method(
        &mut self,
        recv: Handle<Expr>,
        name: &str,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Option<Handle<Expr>>> {
        let mut t = self.ty(recv);
        if let Some(Shape::Ptr { pointee, reference: true, .. }) = self.shape(t) {
            t = pointee;
        }
        let Some(i) = self.param_of(t) else { return Ok(None) };
        // `x.clone()` of a `T: Clone` (or `Copy`): a `T` (the check keeps no code; instances call the type's own)
        let lang = |n: &str| crate::generics::Bound::Lang(n.to_string());
        if name == "clone" && args.is_empty() && self.param_bounds(i).iter().any(|b| *b == lang("Clone") || *b == lang("Copy")) {
            return Ok(Some(self.autoderef(recv)));
        }
        match self.bound_trait_with(i, name) {
            Some(tid) => {
                let trait_args = self.bound_trait_args(tid, t)?;
                Ok(Some(self.call_trait_fn_with(tid, name, Some(t), &trait_args, Some(recv), args, range)?))
            }
            None => {
                let p = self.param_name(i);
                let d = Diagnostic::at(
                    Some("E0599"),
                    format!("no method named `{name}` found for type parameter `{p}` in the current scope"),
                    range.clone(),
                    format!("method not found in `{p}`"),
                );
                Err(self.bound_error(d))
            }
        }
    }

    /// `T::name(..)` with `T` a type parameter: a function of one of its
    /// bounds' traits, else E0599.
    pub(crate) fn param_fn(&mut self, t: TyId, name: &str, range: &Range<usize>) -> DResult<Option<TraitId>> {
        let Some(i) = self.param_of(t) else { return Ok(None) };
        match self.bound_trait_with(i, name) {
            Some(tid) => Ok(Some(tid)),
            None => {
                let p = self.param_name(i);
                let d = Diagnostic::at(
                    Some("E0599"),
                    format!("no function or associated item named `{name}` found for type parameter `{p}` in the current scope"),
                    range.clone(),
                    format!("function or associated item not found in `{p}`"),
                );
                Err(self.bound_error(d))
            }
        }
    }

    /// In a check: a call of generic function `fid` whose type arguments
    /// (`args`, after the arguments' coercion) are this function's
    /// parameters must pass bounds those parameters have (E0277).
    pub(crate) fn check_callee_bounds(&mut self, fid: FnId, args: &[TyId], range: &Range<usize>) -> DResult<()> {
        if !self.check_mode {
            return Ok(());
        }
        let Some(g) = self.items.fns[fid].generics.as_deref() else { return Ok(()) };
        // a method of an impl this function's `where W<T>: Tr` bound asserts (checked at each use;
        // FIXME(where bounds on other types): not matched against the receiver's type)
        let own_preds = self.items.fns[self.fid].generics.as_deref().map_or(&[][..], |own| &own.preds[..]);
        let in_impl = self.items.fns[fid].in_impl.map(|i| &self.items.impls[i].trait_id);
        if own_preds.iter().any(|p| in_impl == Some(&Bound::Trait(p.trait_id))) {
            return Ok(());
        }
        let needed: Vec<(String, Vec<Bound>)> = g.types.iter().map(|p| (p.name.clone(), p.bounds.clone())).collect();
        let callee = self.items.fns[fid].short_name().to_string();
        for ((_, bounds), &t) in needed.iter().zip(args) {
            let Some(i) = self.param_of(t) else { continue };
            let mut have = self.param_bounds(i);
            // the standard traits' supertraits (`Copy: Clone`, `Ord: Eq + PartialOrd`, ..)
            let implied: Vec<Bound> = have.iter().flat_map(implied_lang_traits).map(|n| Bound::Lang(n.to_string())).collect();
            have.extend(implied);
            for b in bounds {
                if matches!(b, Bound::Lang(n) if matches!(n.as_str(), "Sized" | "Send" | "Sync")) || have.contains(b) {
                    continue;
                }
                let (p, tr) = (self.param_name(i), self.items.bound_name(b));
                let d = Diagnostic::at(
                    Some("E0277"),
                    format!("the trait bound `{p}: {tr}` is not satisfied"),
                    range.clone(),
                    format!("the trait `{tr}` is not implemented for `{p}`"),
                )
                .note(format!("required by a bound in `{callee}`"))
                .help(format!("consider restricting type parameter `{p}` with trait `{tr}`"));
                return Err(self.bound_error(d));
            }
        }
        Ok(())
    }
}

/// The standard traits a standard-trait bound implies (its supertraits).
fn implied_lang_traits(b: &Bound) -> &'static [&'static str] {
    match b {
        Bound::Lang(n) => match n.as_str() {
            "Copy" => &["Clone"],
            "Ord" => &["PartialOrd", "Eq", "PartialEq"],
            "Eq" | "PartialOrd" => &["PartialEq"],
            _ => &[],
        },
        Bound::Trait(_) => &[],
    }
}
