//! `-> impl Trait` of generic functions (and of non-generic ones called from another such function): the hidden type differs per instance, so a call site finds it by lowering the instance it uses on the spot (in its own worker's type table), once the call's type arguments are known; the result is dropped, the mono collector lowers the instance again in its round.

use std::cell::Cell;
use std::ops::Range;
use std::rc::Rc;

use super::generic::PendingUse;
use super::{FnLower, Job};
use crate::diag::{DResult, Diagnostic};
use crate::generics::Bound;
use crate::generics::InstanceArgs;
use crate::infer::{Shape, TyId, VarKind};

thread_local! {
    /// How deep instances are being lowered for their hidden types on this
    /// thread; past [`MAX_NESTED`] an `-> impl Trait` instance that needs
    /// another one's (recursively) is refused.
    static NESTED: Cell<u32> = const { Cell::new(0) };
}
const MAX_NESTED: u32 = 8;

impl FnLower<'_> {
    /// Unify `ret`, the result of a call of `-> impl Trait` generic function
    /// `use_.fid`, with the type its instance returns.
    pub(crate) fn opaque_instance_ret(&mut self, used: &PendingUse, ret: TyId, range: &Range<usize>) -> DResult<()> {
        if self.check_mode {
            // a body checked against its bounds: its type parameters have no instances
            return Ok(());
        }
        let args = self.instance_args_now(used, range)?;
        let fid = used.fid;
        let depth = NESTED.with(|n| n.get());
        if depth >= MAX_NESTED {
            return Err(Diagnostic::unsupported("`-> impl Trait` functions whose hidden type needs this many others", range.clone()));
        }
        let decl = &self.items.fns[fid];
        let g = decl.generics.as_deref().ok_or_else(|| Diagnostic::ice("an `-> impl Trait` instance of a function that is not generic"))?;
        let (start, end) = (g.sig.start, decl.body.end);
        let source = self.lines.source();
        let job = Job { fid, args: Some(args), check: false, caller: None };
        NESTED.with(|n| n.set(depth + 1));
        let lowered = crate::ranges::with_origin(start, || {
            let parsed = syn::parse_str::<syn::TraitItemFn>(&source[start..end]);
            crate::bodies::lower_parsed_instance(source, self.items, self.types, self.lines, &job, parsed)
        });
        NESTED.with(|n| n.set(depth));
        let Some(lowered) = lowered? else { return Err(Diagnostic::ice("an instance lowered to nothing")) };
        let hidden = self.infer.import(lowered.func.ret, self.types);
        self.infer.unify(ret, hidden).map_err(|_| Diagnostic::ice("the hidden type of an `-> impl Trait` instance does not match"))
    }

    /// The return type of non-generic `-> impl Trait` function `fid` called
    /// while the mono collector is still finding those (from another one):
    /// its body lowered on the spot, as an instance's.
    pub(crate) fn opaque_fn_ret_now(
        &mut self,
        fid: crate::resolve::FnId,
        range: &Range<usize>,
    ) -> DResult<hybrid_ir::Handle<hybrid_ir::Type>> {
        let depth = NESTED.with(|n| n.get());
        let decl = &self.items.fns[fid];
        if depth >= MAX_NESTED || (!self.items.macros.active && decl.params.iter().any(|p| p.pattern.is_some())) {
            return Err(Diagnostic::unsupported("a call of this `-> impl Trait` function from another one", range.clone()));
        }
        let (items, lines, source) = (self.items, self.lines, self.lines.source());
        let body = decl.body.clone();
        let job = Job { fid, args: None, check: false, caller: None };
        NESTED.with(|n| n.set(depth + 1));
        let lowered = crate::ranges::with_origin(body.start, || {
            if items.macros.active {
                let (parsed, notes) = crate::expand::body_for(source, items, fid);
                parsed
                    .and_then(|(block, patterns)| super::lower_function(items, self.types, lines, &job, None, &block, &patterns))
                    .map_err(|d| notes.annotate(d))
            } else {
                let block = syn::parse_str::<syn::Block>(&source[body.clone()]).map_err(|e| crate::syntax_error(&e))?;
                super::lower_function(items, self.types, lines, &job, None, &block, &[])
            }
        });
        NESTED.with(|n| n.set(depth));
        match lowered? {
            Some(l) => Ok(l.func.ret),
            None => Err(Diagnostic::ice("an `-> impl Trait` function lowered to nothing")),
        }
    }

    /// The arguments of a use as they stand now: its integer and float
    /// variables take their defaults (so that later uses agree with the
    /// instance lowered now); an argument still unknown is not supported.
    fn instance_args_now(&mut self, used: &PendingUse, range: &Range<usize>) -> DResult<InstanceArgs> {
        let mut types = Vec::with_capacity(used.types.len());
        for &t in &used.types {
            let default = match self.infer.var_kind(t) {
                Some(VarKind::Int) => Some(hybrid_ir::Scalar::I32),
                Some(VarKind::Float) => Some(hybrid_ir::Scalar::F64),
                _ => None,
            };
            if let Some(s) = default {
                let d = self.infer.known(Shape::Scalar(s));
                self.infer.unify(t, d).map_err(|_| Diagnostic::ice("a numeric variable does not take its default"))?;
            }
            match self.infer.resolve(t, self.types) {
                Ok(ty) => types.push(ty),
                Err(_) => {
                    return Err(Diagnostic::unsupported(
                        "an `-> impl Trait` generic function whose type arguments are inferred after the call (annotate them)",
                        range.clone(),
                    ))
                }
            }
        }
        let mut consts = Vec::with_capacity(used.consts.len());
        for &c in &used.consts {
            match self.infer.length(c as u64) {
                Some(v) => consts.push(v as i128),
                None => {
                    return Err(Diagnostic::unsupported(
                        "an `-> impl Trait` generic function whose const arguments are inferred after the call",
                        range.clone(),
                    ))
                }
            }
        }
        Ok(InstanceArgs { types, consts })
    }
}

/// The opaque type of an `-> impl Trait` call's value: as written
/// (`impl Shape`), and its bounds.
pub(crate) struct OpaqueType {
    text: String,
    bounds: Vec<Bound>,
}

impl FnLower<'_> {
    /// Remember that `call` (of `-> impl Trait` function `fid`) is a value of
    /// an opaque type (nothing when its bounds cannot be read).
    pub(crate) fn note_opaque_value(&mut self, call: hybrid_ir::Handle<hybrid_ir::Expr>, fid: crate::resolve::FnId) {
        let decl = &self.items.fns[fid];
        let sig_text = match decl.generics.as_deref() {
            Some(g) => self.lines.text(&g.sig),
            // (`sig_range` ends before the result type)
            None => self.lines.text(&(decl.sig_range.start..decl.body.start)),
        };
        let Ok(sig) = crate::generics::parse_signature(sig_text) else { return };
        let syn::ReturnType::Type(_, t) = &sig.output else { return };
        let syn::Type::ImplTrait(it) = &**t else { return };
        let (mut bounds, mut eqs) = (Vec::new(), Vec::new());
        if self.items.bounds_of(decl.module, it.bounds.iter(), &mut bounds, &mut eqs).is_err() {
            return;
        }
        let text = quote::ToTokens::to_token_stream(&**t).to_string();
        let text = tidy_type_text(&text);
        self.opaque_values.insert(call, Rc::new(OpaqueType { text, bounds }));
    }

    /// rustc's E0599 for method `name` called on a value of an opaque type
    /// whose bounds do not have it (the hidden type's own methods are
    /// hidden). Bounds whose methods hybridc does not list (most standard
    /// traits) let every method through.
    pub(crate) fn check_opaque_method(&mut self, recv: hybrid_ir::Handle<hybrid_ir::Expr>, name: &str, at: &Range<usize>) -> DResult<()> {
        let opaque = match self.kind(recv).clone() {
            hybrid_ir::ExprKind::Local(l) => self.opaque_locals.get(&l).cloned(),
            _ => self.opaque_values.get(&recv).cloned(),
        };
        let Some(o) = opaque else { return Ok(()) };
        let mut allowed: Vec<String> = Vec::new();
        let mut stack: Vec<Bound> = o.bounds.clone();
        let mut seen = Vec::new();
        while let Some(b) = stack.pop() {
            match b {
                Bound::Trait(t) => {
                    if seen.contains(&t) {
                        continue;
                    }
                    seen.push(t);
                    allowed.extend(self.items.traits[t].methods.iter().map(|m| m.name.clone()));
                    stack.extend(self.items.traits[t].supertraits.iter().cloned());
                }
                Bound::Lang(n) => match n.as_str() {
                    "Clone" => allowed.push("clone".into()),
                    "Copy" | "Sized" | "Send" | "Sync" | "Fn" | "FnMut" | "FnOnce" => {}
                    _ => return Ok(()),
                },
            }
        }
        // (a blanket impl may give the opaque type more traits)
        let blanket = self.items.impls.iter().any(|i| i.blanket.is_some() && i.methods.contains_key(name));
        if blanket || allowed.iter().any(|m| m == name) {
            return Ok(());
        }
        Err(Diagnostic::at(
            Some("E0599"),
            format!("no method named `{name}` found for opaque type `{}` in the current scope", o.text),
            at.clone(),
            format!("method not found in `{}`", o.text),
        ))
    }
}

/// A type's tokens as rustc prints it (`impl Iterator<Item = u32>`).
pub(crate) fn tidy_type_text(text: &str) -> String {
    text.replace(" < ", "<").replace(" <", "<").replace("< ", "<").replace(" >", ">").replace(" ,", ",").replace(" :: ", "::")
}
