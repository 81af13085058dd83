//! Closures checked against the `Fn`/`FnMut`/`FnOnce` bound of the generic parameter they are passed to, as rustc checks them where the call is: the number of parameters (E0593) and their annotated types (E0631).

use std::ops::Range;

use super::closure::FnBound;
use super::FnLower;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::infer::TyId;
use crate::resolve::FnId;

impl FnLower<'_> {
    /// Check closure argument `value` (written `arg`) of a call of `callee`
    /// against the bound of the parameter type `pty` it is passed as.
    pub(crate) fn check_closure_arg(
        &mut self,
        callee: FnId,
        bounds: &[FnBound],
        value: super::Handle<hybrid_ir::Expr>,
        pty: TyId,
        arg: &syn::Expr,
        call: &Range<usize>,
    ) -> DResult<()> {
        if bounds.is_empty() {
            return Ok(());
        }
        let Some(def) = self.closure_of(value) else { return Ok(()) };
        if !matches!(self.shape(self.ty(value)), Some(crate::infer::Shape::Struct(_))) {
            return Ok(());
        }
        let root = self.infer.find(pty);
        let Some(bound) = bounds.iter().find(|b| self.infer.find(b.f) == root).cloned() else { return Ok(()) };
        let f = self.items.fns[callee].short_name().to_string();
        let made_here = self.closure_made_here(def);
        let arg = range_of(arg);
        let name = self.types.structs[def].name.clone();
        if let Some((src, takes)) = super::closure::fn_item_of(&name) {
            return self.check_fn_item_arity(src, takes, &bound, &f, &arg);
        }
        let checked = self.with_closure_syntax(def, |me, c| me.check_closure_signature(c, &bound, made_here, &f, &arg, call))?;
        checked.unwrap_or(Ok(()))
    }

    /// A function item (written at `src`, taking `takes` arguments) passed
    /// where `bound` is expected: rustc's E0593 if the counts differ.
    fn check_fn_item_arity(&mut self, src: Range<usize>, takes: usize, bound: &FnBound, callee: &str, arg: &Range<usize>) -> DResult<()> {
        let expected = bound.inputs.len();
        if expected == takes {
            return Ok(());
        }
        let plural = |n: usize| if n == 1 { "argument" } else { "arguments" };
        let mut d = Diagnostic::at(
            Some("E0593"),
            format!("function is expected to take {expected} {}, but it takes {takes} {}", plural(expected), plural(takes)),
            arg.clone(),
            format!("expected function that takes {expected} {}", plural(expected)),
        );
        let path: Option<syn::Path> = syn::parse_str(self.lines.text(&src)).ok();
        if let Some(Ok(Some(crate::modtree::PathRes::Def(crate::modtree::Def::Fn(id))))) =
            path.map(|p| self.resolve_path(&p, crate::modtree::Ns::Value))
        {
            d = d.secondary(self.items.fns[id].sig_range.clone(), format!("takes {takes} {}", plural(takes)));
        }
        Err(d.span_note(bound.range.clone(), format!("required by a bound in `{callee}`")))
    }

    /// [`Self::check_closure_arg`] with the closure's expression `c`
    /// (`made_here`: its annotations are in this body's scope); the outer
    /// result is a failure to check, the inner the check's.
    fn check_closure_signature(
        &mut self,
        c: &syn::ExprClosure,
        bound: &FnBound,
        made_here: bool,
        callee: &str,
        arg: &Range<usize>,
        call: &Range<usize>,
    ) -> DResult<DResult<()>> {
        let params = closure_params_range(c);
        let (expected, takes) = (bound.inputs.len(), c.inputs.len());
        let plural = |n: usize| if n == 1 { "argument" } else { "arguments" };
        if expected != takes {
            return Ok(Err(Diagnostic::at(
                Some("E0593"),
                format!("closure is expected to take {expected} {}, but it takes {takes} {}", plural(expected), plural(takes)),
                call.clone(),
                format!("expected closure that takes {expected} {}", plural(expected)),
            )
            .secondary(params, format!("takes {takes} {}", plural(takes)))));
        }
        if !made_here {
            return Ok(Ok(()));
        }
        // annotated parameter types must be the bound's
        let mut declared = Vec::with_capacity(takes);
        let mut mismatch = false;
        for (input, &want) in c.inputs.iter().zip(&bound.inputs) {
            match input {
                syn::Pat::Type(pt) => {
                    let t = self.convert_type(&pt.ty)?;
                    mismatch |= !self.infer.can_unify(t, want);
                    declared.push(Some(t));
                }
                _ => declared.push(None),
            }
        }
        if !mismatch {
            return Ok(Ok(()));
        }
        let show = |me: &mut Self, ts: Vec<Option<TyId>>| -> String {
            let parts: Vec<String> = ts.into_iter().map(|t| t.map_or("_".to_string(), |t| me.infer.display(t))).collect();
            format!("fn({}) -> _", parts.join(", "))
        };
        let expected_sig = show(self, bound.inputs.iter().map(|&t| Some(t)).collect());
        let found_sig = show(self, declared);
        Ok(Err(Diagnostic::at(Some("E0631"), "type mismatch in closure arguments", arg.clone(), "expected due to this")
            .secondary(params, "found signature defined here")
            .note(format!("expected closure signature `{expected_sig}`\n   found closure signature `{found_sig}`"))
            .span_note(bound.range.clone(), format!("required by a bound in `{callee}`"))))
    }
}

/// The range of `|a, b|` of a closure (with `move`).
fn closure_params_range(c: &syn::ExprClosure) -> Range<usize> {
    let first = c.capture.map(|m| m.span).unwrap_or(c.inputs_begin.span);
    crate::ranges::byte_range(first).start..crate::ranges::byte_range(c.inputs_end.span).end
}

/// The range of the bound among `bounds` whose arguments are `args`
/// (`Fn(f32) -> f32`).
pub(crate) fn bound_range(
    bounds: &syn::punctuated::Punctuated<syn::TypeParamBound, syn::Token![+]>,
    args: &syn::ParenthesizedGenericArguments,
) -> Range<usize> {
    let parens = crate::ranges::byte_range(args.paren_token.span.join());
    let end = match &args.output {
        syn::ReturnType::Type(_, t) => range_of(&**t).end,
        syn::ReturnType::Default => parens.end,
    };
    for b in bounds {
        if let syn::TypeParamBound::Trait(t) = b {
            if t.path.segments.last().is_some_and(|s| matches!(&s.arguments, syn::PathArguments::Parenthesized(a) if std::ptr::eq(a, args)))
            {
                if let Some(first) = t.path.segments.first() {
                    return range_of(&first.ident).start..end;
                }
            }
        }
    }
    parens.start..end
}
