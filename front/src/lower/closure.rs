//! Closures. A closure expression is a value of its own struct type, named `{closure@S..E in f}` after its source range and the function that makes it: its fields are the captured locals (`ref x`: a pointer to the local; `x`: its value, for `move` closures). Calling a closure value, in the body that made it or in an instance of a generic function it was passed to (`F: Fn(f32) -> f32`), lowers its body inline: the captures bound to the fields (a `ref` capture reads and writes through its pointer), the parameters to the arguments, inside a `loop` that breaks with the body's value so that `return` leaves only the closure.

use std::collections::HashSet;
use std::ops::Range;

use hybrid_ir::{Block, Expr, ExprKind, Handle, Stmt, StructDef, Type};
use syn::visit::Visit;

use super::{FnLower, LoopCx, LoopKind};
use crate::diag::{range_of, DResult, Diagnostic};
use crate::infer::{Shape, TyId};

/// The prefix of every closure type's name.
const CLOSURE: &str = "{closure@";

/// The source range a closure type's name records.
fn closure_range(name: &str) -> Option<Range<usize>> {
    let rest = name.strip_prefix(CLOSURE)?;
    let (range, _) = rest.split_once(' ')?;
    let (s, e) = range.split_once("..")?;
    Some(s.parse().ok()?..e.parse().ok()?)
}

/// The marker in the name of the closure type a tuple constructor used as
/// a function value makes (`Some` in `.map(Some)`): ` ctor(N) `, its arity.
const CTOR: &str = " ctor(";

/// The marker in the name of the type of a function item used as a value
/// (`double` in `apply(double, x)`, `f32::max`): ` fn(N) `, its arity.
const FN_ITEM: &str = " fn(";

/// The arity a closure type's name records after `marker`, if any.
fn marked_arity(name: &str, marker: &str) -> Option<usize> {
    name.split_once(marker).and_then(|(_, rest)| rest.split_once(')')).and_then(|(n, _)| n.parse::<usize>().ok())
}

/// A closure type's expression, parsed from its source text: the closure,
/// or for a constructor used as a value (`Wrapper`, its name says its
/// arity) the closure `|c0, ..| Wrapper(c0, ..)` it stands for, or for a
/// function item the closure `|c0, ..| f(c0, ..)` (a builtin method of a
/// primitive, `f32::max`: `|c0: f32, c1| c0.max(c1)`).
fn closure_syntax(name: &str, text: &str) -> syn::Result<syn::ExprClosure> {
    if let Some(arity) = marked_arity(name, FN_ITEM) {
        let params: Vec<String> = (0..arity).map(|i| format!("__fn_{i}")).collect();
        if let Some((prim, method)) = builtin_method_path(text) {
            let (first, rest) = params.split_first().map_or((String::new(), &[][..]), |(f, r)| (f.clone(), r));
            let rest_params: Vec<String> = rest.to_vec();
            let head = std::iter::once(format!("{first}: {prim}")).chain(rest_params.iter().cloned()).collect::<Vec<_>>();
            return syn::parse_str(&format!("|{}| {first}.{method}({})", head.join(", "), rest_params.join(", ")));
        }
        return syn::parse_str(&format!("|{}| {text}({})", params.join(", "), params.join(", ")));
    }
    let Some(arity) = marked_arity(name, CTOR) else {
        return syn::parse_str(text);
    };
    let params: Vec<String> = (0..arity).map(|i| format!("__ctor_{i}")).collect();
    syn::parse_str(&format!("|{}| {text}({})", params.join(", "), params.join(", ")))
}

/// The source range and arity of the function item a closure type's name
/// stands for (`None`: a closure or constructor).
pub(crate) fn fn_item_of(name: &str) -> Option<(Range<usize>, usize)> {
    Some((closure_range(name)?, marked_arity(name, FN_ITEM)?))
}

/// `f32::max` (a primitive and one of its builtin methods) as written.
fn builtin_method_path(text: &str) -> Option<(String, String)> {
    let (prim, method) = text.split_once("::")?;
    let (prim, method) = (prim.trim(), method.trim());
    if prim == "str" {
        // a method of the library's `&str` (`str::parse::<i32>`: its turbofish kept)
        return Some(("&str".to_string(), method.to_string()));
    }
    let s = hybrid_ir::Scalar::from_name(prim)?;
    super::method::builtin_method_arity(s, method)?;
    Some((prim.to_string(), method.to_string()))
}

/// Is `name` the name of a closure type?
pub fn is_closure_name(name: &str) -> bool {
    name.starts_with(CLOSURE)
}

/// A bound `F: Fn(A, B) -> R` of a generic function's parameter `F`, its
/// types in the calling body.
#[derive(Clone, Debug)]
pub(crate) struct FnBound {
    pub f: TyId,
    pub inputs: Vec<TyId>,
    pub output: TyId,
    /// The bound as written (`Fn(f32) -> f32`), for notes.
    pub range: Range<usize>,
}

/// A closure this body made: its struct and the types of its fields, set
/// once the body is resolved.
pub(crate) struct MadeClosure {
    def: Handle<StructDef>,
    fields: Vec<(String, TyId)>,
}

/// The local names a closure body mentions (paths of one segment, and
/// identifiers inside macro calls, which `println!` arguments are).
#[derive(Default)]
struct Mentions {
    names: Vec<String>,
}

impl<'ast> Visit<'ast> for Mentions {
    fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
        if let Some(i) = p.path.get_ident() {
            self.names.push(i.to_string());
        }
        syn::visit::visit_expr_path(self, p);
    }
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        fn idents(ts: proc_macro2::TokenStream, out: &mut Vec<String>) {
            for tt in ts {
                match tt {
                    proc_macro2::TokenTree::Ident(i) => out.push(i.to_string()),
                    proc_macro2::TokenTree::Group(g) => idents(g.stream(), out),
                    // `format!("{w}{sep}")`: the names a format string captures
                    proc_macro2::TokenTree::Literal(l) => format_string_names(&l.to_string(), out),
                    _ => {}
                }
            }
        }
        idents(m.tokens.clone(), &mut self.names);
    }
}

impl FnLower<'_> {
    /// `|x| body` / `move |x: f32| -> f32 { .. }`: the value of its captures.
    pub(crate) fn closure_expr(&mut self, c: &syn::ExprClosure) -> DResult<Handle<Expr>> {
        let range = closure_span(c);
        if let Some(a) = &c.asyncness {
            return Err(Diagnostic::unsupported("`async` closures", crate::ranges::byte_range(a.span)));
        }
        if c.constness.is_some() || c.lifetimes.is_some() {
            return Err(Diagnostic::unsupported("this kind of closure", range));
        }
        let mut params: HashSet<String> = HashSet::new();
        for p in &c.inputs {
            pattern_names(p, &mut params);
        }
        let mut mentions = Mentions::default();
        mentions.visit_expr(&c.body);
        let by_value = c.capture.is_some();
        let mut seen = HashSet::new();
        let mut fields = Vec::new();
        let mut values = Vec::new();
        for name in mentions.names {
            if params.contains(&name) || !seen.insert(name.clone()) {
                continue;
            }
            let Some(l) = self.lookup(&name) else { continue };
            let value = self.local_expr(l, &range);
            let vty = self.ty(value);
            if by_value {
                fields.push((name, vty));
                values.push(value);
            } else {
                // (a capture of the enclosing closure's capture: as mutable as that one)
                let mutable = self.locals[l].mutable
                    || (self.is_ref_capture(l) && matches!(self.shape(self.local_ty(l)), Some(Shape::Ptr { mutable: true, .. })));
                let pointee = vty;
                let pty = self.infer.known(Shape::Ptr { pointee, mutable, reference: true });
                let addr = self.take_address(value, mutable, &range)?;
                fields.push((format!("ref {name}"), pty));
                values.push(addr);
            }
        }
        let def = self.closure_def(&range);
        let ty = self.types.insert(Type::Struct(def));
        let t = self.infer.import(ty, self.types);
        self.made_closures.push(MadeClosure { def, fields });
        Ok(self.push(ExprKind::Struct { fields: values }, t, &range))
    }

    /// The struct type of the closure expression at `range`: one per
    /// expression in this body, as rustc's closure types are, so a closure
    /// lowered again after a trial lowering was dropped (`probe_type` of a
    /// `collect()` receiver) is the same type; the trial already made
    /// instances named after it (`Map<Iter<'_, i32>, {closure@..}>`, found
    /// again by name) whose fields are that type. A second live lowering of
    /// one range (a macro transcribing a closure twice) gets its own.
    fn closure_def(&mut self, range: &Range<usize>) -> Handle<StructDef> {
        let key = (range.start, range.end);
        if let Some(&def) = self.closure_defs.get(&key) {
            if !self.closure_made_here(def) {
                return def;
            }
        }
        let name = format!("{CLOSURE}{}..{} in {}}}", range.start, range.end, self.closure_parent);
        let def = self.types.structs.append(StructDef { name, fields: Vec::new() });
        self.closure_defs.insert(key, def);
        def
    }

    /// A tuple struct or tuple variant constructor used as a function value
    /// (`.map(Some)`, `let f = E::V;`): a closure that captures nothing and
    /// calls it (its type's name records the path's range and the arity).
    pub(crate) fn ctor_fn_value(&mut self, arity: usize, range: &Range<usize>) -> Handle<Expr> {
        let parent = self.items.fns[self.fid].name.clone();
        let name = format!("{CLOSURE}{}..{}{CTOR}{arity}) in {parent}}}", range.start, range.end);
        let def = self.types.structs.append(StructDef { name, fields: Vec::new() });
        let ty = self.types.insert(Type::Struct(def));
        let t = self.infer.import(ty, self.types);
        self.made_closures.push(MadeClosure { def, fields: Vec::new() });
        self.push(ExprKind::Struct { fields: Vec::new() }, t, range)
    }

    /// A function item used as a value (`apply(double, x)`, `.map(f32::abs)`,
    /// `let f = S::new;`): like rustc's zero-sized function item type, a
    /// closure that captures nothing and calls it (its type's name records
    /// the path's range and the arity).
    pub(crate) fn fn_item_value(&mut self, arity: usize, range: &Range<usize>) -> Handle<Expr> {
        let parent = self.items.fns[self.fid].name.clone();
        let name = format!("{CLOSURE}{}..{}{FN_ITEM}{arity}) in {parent}}}", range.start, range.end);
        let def = self.types.structs.append(StructDef { name, fields: Vec::new() });
        let ty = self.types.insert(Type::Struct(def));
        let t = self.infer.import(ty, self.types);
        self.made_closures.push(MadeClosure { def, fields: Vec::new() });
        self.push(ExprKind::Struct { fields: Vec::new() }, t, range)
    }

    /// The field names and types of closure struct `def`: this body's own
    /// (still inference types), or from the IR (made by another body).
    fn closure_fields(&mut self, def: Handle<StructDef>) -> Vec<(String, TyId)> {
        if let Some(m) = self.made_closures.iter().find(|m| m.def == def) {
            return m.fields.clone();
        }
        let fields = self.types.structs[def].fields.clone();
        fields.into_iter().map(|f| (f.name, self.infer.import(f.ty, self.types))).collect()
    }

    /// [`Self::closure_fields`], for other modules.
    pub(crate) fn closure_fields_of(&mut self, def: Handle<StructDef>) -> Vec<(String, TyId)> {
        self.closure_fields(def)
    }

    /// The closure struct a callee expression's type is, if it is one.
    pub(crate) fn closure_of(&mut self, e: Handle<Expr>) -> Option<Handle<StructDef>> {
        let mut t = self.ty(e);
        for _ in 0..4 {
            match self.shape(t) {
                Some(Shape::Struct(def)) if is_closure_name(&self.types.structs[def].name) => return Some(def),
                Some(Shape::Ptr { pointee, reference: true, .. }) => t = pointee,
                _ => return None,
            }
        }
        None
    }

    /// Run `f` on closure struct `def`'s expression, parsed again from its
    /// source text (`None`: not a closure's struct). The spans of the
    /// expression map to the source only inside `f`.
    pub(crate) fn with_closure_syntax<T>(
        &mut self,
        def: Handle<StructDef>,
        f: impl FnOnce(&mut Self, &syn::ExprClosure) -> DResult<T>,
    ) -> DResult<Option<T>> {
        let name = self.types.structs[def].name.clone();
        let Some(src) = closure_range(&name) else { return Ok(None) };
        let text = self.lines.text(&src).to_string();
        crate::ranges::with_origin(src.start, || {
            let c = closure_syntax(&name, &text).map_err(|e| crate::syntax_error(&e))?;
            f(self, &c).map(Some)
        })
    }

    /// The module that source offset `at` inside a function body resolves
    /// paths from: the innermost block there that declares items, else
    /// the innermost function's module.
    fn module_at(&self, at: usize) -> Option<crate::modtree::ModId> {
        let fns = &self.items.fns;
        let inner = fns.iter().filter(|d| d.body.contains(&at)).min_by_key(|d| d.body.len())?;
        let blocks = self.items.tree.block_scopes.iter();
        let block = blocks.filter(|(&s, &(e, _))| s <= at && at < e && inner.body.start <= s).max_by_key(|(&s, _)| s);
        Some(block.map_or(inner.module, |(_, &(_, m))| m))
    }

    /// Was closure struct `def` made by this body (so that its annotations
    /// are written in this body's scope)?
    pub(crate) fn closure_made_here(&self, def: Handle<StructDef>) -> bool {
        self.made_closures.iter().any(|m| m.def == def)
    }

    /// `f(args)` where `f` is a closure value: its body, inline.
    pub(crate) fn call_closure(
        &mut self,
        callee: Handle<Expr>,
        def: Handle<StructDef>,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        let fields = self.closure_fields(def);
        let mut lowered_args = Vec::with_capacity(args.len());
        for a in args {
            lowered_args.push(self.expr(a)?);
        }
        let env = self.autoderef(callee);
        // FIXME(closure annotations): a closure called in another function (an
        // instance it was passed to or returned to) takes its parameter and
        // result types from the call: its annotations are written in its
        // maker's scope (`T` of a generic maker), checked there only against
        // an `Fn(..)` bound it is passed to (`fnbound.rs`), not against an
        // `-> impl Fn(..)` it is returned as
        let annotated = self.closure_made_here(def);
        // its body's paths are resolved where it was written, not here
        let maker = closure_range(&self.types.structs[def].name).and_then(|src| self.module_at(src.start));
        if let Some(m) = maker {
            self.block_modules.push(m);
        }
        let inlined = self.with_closure_syntax(def, |me, c| me.inline_closure(c, env, &fields, lowered_args, annotated, range));
        if maker.is_some() {
            self.block_modules.pop();
        }
        let inlined = inlined?;
        inlined.ok_or_else(|| Diagnostic::ice(format!("the closure type `{}` has no source range", self.types.structs[def].name)))
    }

    /// The result type of a call of closure `def` with arguments of types
    /// `inputs`: its body lowered inline on placeholder values, then
    /// dropped (the inference table keeps what it learned); `None` when it
    /// does not type-check here (reported where the instance calls it).
    pub(crate) fn trial_closure_call(&mut self, def: Handle<StructDef>, inputs: &[TyId], range: &Range<usize>) -> Option<TyId> {
        let name = self.types.structs[def].name.clone();
        let src = closure_range(&name)?;
        let fields = self.closure_fields(def);
        let made_here = self.closure_made_here(def);
        let text = self.lines.text(&src).to_string();
        let mark = self.mark();
        let env_ty = self.infer.known(Shape::Struct(def));
        let env = self.lit(hybrid_ir::Literal::Unit, env_ty, range);
        let args = inputs.iter().map(|&t| self.lit(hybrid_ir::Literal::Unit, t, range)).collect();
        // its body's paths are resolved where it was written (as in `call_closure`): a
        // closure naming a const or function of the program, tried inside a library
        // instance (`Map::next` of `.map(cl).min()`), found nothing before
        let maker = self.module_at(src.start);
        if let Some(m) = maker {
            self.block_modules.push(m);
        }
        let call = crate::ranges::with_origin(src.start, || -> DResult<Handle<Expr>> {
            let c = closure_syntax(&name, &text).map_err(|e| crate::syntax_error(&e))?;
            self.probing(|me| me.inline_closure(&c, env, &fields, args, made_here, range))
        });
        if maker.is_some() {
            self.block_modules.pop();
        }
        let result = call.ok().map(|c| self.ty(c));
        self.rollback(mark);
        let result = result?;
        // one signature per closure type: this trial's result is the first one's
        // (or the one its maker inferred, in an instance it was passed to)
        let known = self.types.closure_results.get(&def).copied();
        if let (None, Some(t)) = (self.closure_results.get(&def), known) {
            let t = self.infer.import(t, self.types);
            self.closure_results.insert(def, t);
        }
        match self.closure_results.get(&def) {
            Some(&first) => {
                let _ = self.infer.unify(first, result);
            }
            None => {
                self.closure_results.insert(def, result);
            }
        }
        Some(result)
    }

    fn inline_closure(
        &mut self,
        c: &syn::ExprClosure,
        env: Handle<Expr>,
        fields: &[(String, TyId)],
        args: Vec<Handle<Expr>>,
        annotated: bool,
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        // (its bindings are the closure's, for the lints' order)
        self.lints.closure_depth += 1;
        let inlined = self.inline_closure_body(c, env, fields, args, annotated, range);
        self.lints.closure_depth -= 1;
        inlined
    }

    fn inline_closure_body(
        &mut self,
        c: &syn::ExprClosure,
        env: Handle<Expr>,
        fields: &[(String, TyId)],
        args: Vec<Handle<Expr>>,
        annotated: bool,
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        if c.inputs.len() != args.len() {
            return Err(Diagnostic::at(
                Some("E0057"),
                format!(
                    "this function takes {} argument{} but {} {} supplied",
                    c.inputs.len(),
                    if c.inputs.len() == 1 { "" } else { "s" },
                    args.len(),
                    if args.len() == 1 { "argument was" } else { "arguments were" }
                ),
                range.clone(),
                format!("expected {} argument{}", c.inputs.len(), if c.inputs.len() == 1 { "" } else { "s" }),
            ));
        }
        let crange = closure_span(c);
        self.scopes.push(Vec::new());
        let mut stmts = Vec::new();
        let env_ty = self.ty(env);
        let env_local = self.new_local("{closure}", env_ty, false, crange.clone());
        // (the closure value is borrowed by its call: `drops.rs` does not drop these locals)
        self.closure_envs.insert(env_local);
        stmts.push(Stmt::Let { local: env_local, init: Some(env) });
        for (i, (fname, fty)) in fields.iter().enumerate() {
            let (name, by_ref) = match fname.strip_prefix("ref ") {
                Some(n) => (n.to_string(), true),
                None => (fname.clone(), false),
            };
            let base = self.local_expr(env_local, &crange);
            let field = self.push(ExprKind::Field { base, index: i as u32 }, *fty, &crange);
            let mutable = by_ref && matches!(self.shape(*fty), Some(Shape::Ptr { mutable: true, .. }));
            let l = self.new_local(&name, *fty, mutable || !by_ref, crange.clone());
            if by_ref {
                self.ref_captures.insert(l);
            } else {
                self.closure_envs.insert(l);
            }
            stmts.push(Stmt::Let { local: l, init: Some(field) });
            self.bind(&name, l);
        }
        for (input, arg) in c.inputs.iter().zip(args) {
            let (pat, declared) = match input {
                syn::Pat::Type(pt) if annotated => (&*pt.pat, Some(self.convert_type(&pt.ty)?)),
                syn::Pat::Type(pt) => (&*pt.pat, None),
                p => (p, None),
            };
            let value = match declared {
                Some(t) => self.coerce(arg, t)?,
                None => arg,
            };
            let (name, mutable) = match pat {
                syn::Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => (pi.ident.to_string(), pi.mutability.is_some()),
                syn::Pat::Wild(_) => ("_".to_string(), false),
                // `|(i, x)|`, `|&x|`: an irrefutable pattern, as `let` binds it
                other => {
                    let vt = self.ty(value);
                    // (a pattern against a reference binds by reference: `|(a, b)|` of `&(u32, u32)`)
                    let by_ref = matches!(self.shape(vt), Some(Shape::Ptr { .. }));
                    stmts.extend(match by_ref {
                        true => self.let_pattern(other, vt, value, None)?,
                        false => self.bind_pattern(other, vt, Some(value))?,
                    });
                    continue;
                }
            };
            let vt = self.ty(value);
            let l = self.new_local(&name, vt, mutable, range_of(pat));
            stmts.push(Stmt::Let { local: l, init: Some(value) });
            if name != "_" {
                self.bind(&name, l);
            }
        }
        // the body in a loop that breaks with its value: `return` breaks it too
        let ret = match &c.output {
            syn::ReturnType::Type(_, t) if annotated => self.convert_type(t)?,
            _ => self.infer.var(crate::infer::VarKind::General),
        };
        let id = self.new_loop_id();
        let outer_loops = std::mem::take(&mut self.loops);
        let outer_ret = self.closure_ret.replace((id, ret));
        self.loops.push(LoopCx { label: None, id, kind: LoopKind::Loop, break_ty: ret, broken: true });
        let body = self.expr(&c.body);
        self.loops = outer_loops;
        self.closure_ret = outer_ret;
        let body = body?;
        let body = self.coerce(body, ret)?;
        let never = self.infer.never();
        let brk = self.push(ExprKind::Break { target: id, value: Some(body) }, never, &crange);
        let loop_body = self.push(ExprKind::Block(Block { stmts: vec![Stmt::Expr(brk)], tail: None }), never, &crange);
        let lp = self.push(ExprKind::Loop { body: loop_body, id }, ret, range);
        self.scopes.pop();
        Ok(self.push(ExprKind::Block(Block { stmts, tail: Some(lp) }), ret, range))
    }

    /// The `F: Fn(A) -> R` bounds (`FnMut`, `FnOnce` too) of a generic
    /// function's signature, inline, in its `where` clause and of its `impl
    /// Fn(A) -> R` parameters, with the types converted in `scope` (a bound
    /// that does not convert is left out: the instance reports it).
    pub(crate) fn fn_bounds(&mut self, sig: &syn::Signature, scope: &crate::types::TypeScope<'_>) -> Vec<FnBound> {
        let mut found: Vec<(TyId, &syn::ParenthesizedGenericArguments, Range<usize>)> = Vec::new();
        fn paren(b: &syn::TypeParamBound) -> Option<&syn::ParenthesizedGenericArguments> {
            let syn::TypeParamBound::Trait(tb) = b else { return None };
            let seg = tb.path.segments.last()?;
            let syn::PathArguments::Parenthesized(p) = &seg.arguments else { return None };
            ["Fn", "FnMut", "FnOnce"].contains(&seg.ident.to_string().as_str()).then_some(p)
        }
        for p in &sig.generics.params {
            let syn::GenericParam::Type(tp) = p else { continue };
            let Some(t) = scope.env.ty(&tp.ident.to_string()) else { continue };
            found.extend(tp.bounds.iter().filter_map(paren).map(|a| (t, a, super::fnbound::bound_range(&tp.bounds, a))));
        }
        for pred in sig.generics.where_clause.iter().flat_map(|w| w.predicates.iter()) {
            let syn::WherePredicate::Type(pt) = pred else { continue };
            let syn::Type::Path(tp) = &pt.bounded_ty else { continue };
            let Some(t) = tp.path.get_ident().and_then(|i| scope.env.ty(&i.to_string())) else { continue };
            found.extend(pt.bounds.iter().filter_map(paren).map(|a| (t, a, super::fnbound::bound_range(&pt.bounds, a))));
        }
        for arg in &sig.inputs {
            let syn::FnArg::Typed(pt) = arg else { continue };
            let syn::Type::ImplTrait(it) = &*pt.ty else { continue };
            let Some(t) = scope.env.ty(&crate::fn_generics::impl_trait_param(range_of(&*pt.ty).start)) else { continue };
            found.extend(it.bounds.iter().filter_map(paren).map(|a| (t, a, super::fnbound::bound_range(&it.bounds, a))));
        }
        let mut out = Vec::new();
        for (f, args, range) in found {
            let inputs: Result<Vec<TyId>, _> =
                args.inputs.iter().map(|i| self.items.convert_in(&i.ty, self.types, &mut self.infer, scope)).collect();
            let output = match &args.output {
                syn::ReturnType::Default => Ok(self.infer.unit()),
                syn::ReturnType::Type(_, t) => self.items.convert_in(t, self.types, &mut self.infer, scope),
            };
            if let (Ok(inputs), Ok(output)) = (inputs, output) {
                out.push(FnBound { f, inputs, output, range });
            }
        }
        out
    }

    /// Closure arguments of a generic call infer the result types of their
    /// `Fn` bounds (`map(|x| x as f32)` gives `U = f32`), as rustc's do: the
    /// closure's body is type-checked with its parameters of the bound's
    /// argument types. The lowered copy is dropped (`FnLower::rollback`;
    /// the closure is lowered again where the instance calls it).
    pub(crate) fn infer_closure_results(&mut self, bounds: &[FnBound], args: &[Handle<Expr>], range: &Range<usize>) -> DResult<()> {
        if self.check_mode {
            return Ok(());
        }
        // the bound's argument types may be projections whose base is known
        // by now (`F: FnMut(Self::Item)` of `slice::Iter<f32>`: `&f32`)
        if args.iter().any(|&a| self.closure_of(a).is_some()) {
            self.solve_projections()?;
        }
        for &arg in args {
            // a `fn` pointer argument: the bound's types are its signature's
            if let Some(Shape::FnPtr { params, ret }) = self.shape(self.ty(arg)) {
                let at = self.ty(arg);
                let at = self.infer.find(at);
                if let Some(b) = bounds.iter().find(|b| self.infer.find(b.f) == at).cloned() {
                    if b.inputs.len() == params.len() {
                        for (i, p) in b.inputs.iter().zip(&params) {
                            let _ = self.infer.unify(*i, *p);
                        }
                        let _ = self.infer.unify(b.output, ret);
                    }
                }
                continue;
            }
            let Some(def) = self.closure_of(arg) else { continue };
            let at = self.ty(arg);
            let at = self.infer.find(at);
            let Some(b) = bounds.iter().find(|b| self.infer.find(b.f) == at).cloned() else { continue };
            // (arguments still waiting for a projection: the bound is solved later, `solve_projections`)
            if b.inputs.iter().any(|&i| self.waits_for_projection(i)) {
                continue;
            }
            let name = self.types.structs[def].name.clone();
            let Some(src) = closure_range(&name) else { continue };
            let fields = self.closure_fields(def);
            let made_here = self.closure_made_here(def);
            let text = self.lines.text(&src).to_string();
            let mark = self.mark();
            let inputs: Vec<Handle<Expr>> =
                b.inputs.iter().map(|t| self.push(ExprKind::Literal(hybrid_ir::Literal::Unit), *t, range)).collect();
            let probe = crate::ranges::with_origin(src.start, || -> DResult<Handle<Expr>> {
                let c = closure_syntax(&name, &text).map_err(|e| crate::syntax_error(&e))?;
                self.probing(|me| me.inline_closure(&c, arg, &fields, inputs, made_here, range))
            });
            // a closure that does not type-check here is reported where the instance calls it
            if let Ok(body) = probe {
                let t = self.ty(body);
                let _ = self.infer.unify(t, b.output);
            }
            self.rollback(mark);
        }
        Ok(())
    }

    /// A local that holds a `ref` capture's pointer: its name stands for
    /// the pointee.
    pub(crate) fn is_ref_capture(&self, l: Handle<hybrid_ir::Local>) -> bool {
        self.ref_captures.contains(&l)
    }

    /// Give this body's closure structs their field types (after `finalize`).
    pub(crate) fn define_closures(&mut self) -> DResult<()> {
        for m in std::mem::take(&mut self.made_closures) {
            let mut fields = Vec::with_capacity(m.fields.len());
            for (name, t) in &m.fields {
                let ty = self.infer.resolve(*t, self.types).map_err(|_| Diagnostic::ice("an unresolved closure capture"))?;
                fields.push(hybrid_ir::Field { name: name.clone(), ty });
            }
            self.types.structs[m.def].fields = fields;
            if let Some(&t) = self.closure_results.get(&m.def) {
                if let Ok(ty) = self.infer.resolve(t, self.types) {
                    self.types.closure_results.insert(m.def, ty);
                }
            }
        }
        Ok(())
    }
}

/// The function named in the closure types a body makes: an instance's
/// name with its arguments (`pairs::<f64>`), a bound check's with its
/// parameters (`pairs::<T>`), so that the closure types of two bodies of
/// one generic function differ (instances of generic structs are found by
/// their names: `Map<Range<i32>, {closure@.. in pairs::<f64>}>`).
pub(crate) fn parent_name(decl: &crate::resolve::FnDecl, job: &super::generic::Job, types: &hybrid_ir::TypeTable) -> String {
    if let Some(args) = &job.args {
        return super::generic::instance_name(&decl.name, args, types);
    }
    match decl.generics.as_deref() {
        Some(g) if job.check => {
            let names: Vec<&str> = g.types.iter().map(|p| p.name.as_str()).chain(g.consts.iter().map(|c| c.name.as_str())).collect();
            format!("{}::<{}>", decl.name, names.join(", "))
        }
        _ => decl.name.clone(),
    }
}

/// The names a string literal's text would capture as a format string
/// (`"{w}{sep:>4}"`: `w`, `sep`; `{{` is an escape, `{0}` and `{}` name
/// nothing). Any literal of a macro call is read so: a name that is no
/// local is not captured.
fn format_string_names(literal: &str, out: &mut Vec<String>) {
    if !literal.ends_with('"') {
        return;
    }
    let mut rest = literal;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(after) = rest.strip_prefix('{') {
            rest = after;
            continue;
        }
        let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
        let name = &rest[..end];
        if name.starts_with(|c: char| c.is_alphabetic() || c == '_') {
            out.push(name.to_string());
        }
        rest = &rest[end..];
    }
}

/// A closure's source range: from `move` or its first `|` to its body's end.
fn closure_span(c: &syn::ExprClosure) -> Range<usize> {
    let first = c.capture.map(|m| m.span).unwrap_or(c.inputs_begin.span);
    crate::ranges::byte_range(first).start..range_of(&*c.body).end
}

/// The names a closure parameter's pattern binds (`|(i, &x)|`: `i`, `x`).
fn pattern_names(p: &syn::Pat, out: &mut HashSet<String>) {
    match p {
        syn::Pat::Ident(pi) => {
            out.insert(pi.ident.to_string());
            if let Some((_, sub)) = &pi.subpat {
                pattern_names(sub, out);
            }
        }
        syn::Pat::Type(pt) => pattern_names(&pt.pat, out),
        syn::Pat::Reference(r) => pattern_names(&r.pat, out),
        syn::Pat::Paren(pp) => pattern_names(&pp.pat, out),
        syn::Pat::Tuple(t) => t.elems.iter().for_each(|e| pattern_names(e, out)),
        syn::Pat::TupleStruct(t) => t.elems.iter().for_each(|e| pattern_names(e, out)),
        syn::Pat::Slice(s) => s.elems.iter().for_each(|e| pattern_names(e, out)),
        syn::Pat::Struct(s) => s.fields.iter().for_each(|f| pattern_names(&f.pat, out)),
        _ => {}
    }
}
