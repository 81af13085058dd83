//! `-> impl Trait` of generic functions (and of non-generic ones called from another such function): the hidden type differs per instance, so a call site finds it by lowering the instance it uses on the spot (in its own worker's type table), once the call's type arguments are known; the result is dropped, the mono collector lowers the instance again in its round.

use std::cell::Cell;
use std::ops::Range;

use super::generic::PendingUse;
use super::{FnLower, Job};
use crate::diag::{DResult, Diagnostic};
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
