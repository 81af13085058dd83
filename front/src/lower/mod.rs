//! Type checking and lowering of function bodies to hybrid-ir, fused: each
//! body is lowered with inference variables, then its types are resolved and
//! checked and written into `Expr::ty`.

pub(crate) mod adt;
mod assign_liveness;
mod assoc;
mod boxed;
mod builtin;
mod call;
mod check;
mod clib;
mod closure;
mod collect;
mod collection;
mod consts;
mod debug;
mod debug_fn;
mod deref;
mod derive_eq;
mod desugar;
mod drop_glue;
mod drops;
mod dyn_call;
mod exhaust;
mod expr;
mod finalize;
mod fmt_args;
mod fmt_forward;
mod fn_ptr;
mod fnbound;
mod generic;
mod lints;
mod macros;
mod matching;
mod method;
mod offload;
mod opaque;
mod operators;
mod orpat;
mod pattern;
mod place;
mod recover;
mod shape_impls;
mod stmt;
mod strings;

pub(crate) use builtin::is_builtin_fn;
pub(crate) use matching::parse_param_patterns;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use hybrid_ir::{Arena, Expr, ExprKind, Function, FunctionKind, Handle, Literal, Local, LoopId, Scalar, Sides, Type, TypeTable};

use crate::diag::{DResult, Diagnostic, LineIndex};
use crate::infer::{Infer, Shape, TyId};
use crate::resolve::{FnId, Items};

pub use closure::is_closure_name;
pub use generic::{Instance, Job};

/// A function a body calls or launches: a non-generic one, or an instance
/// of a generic one (an index into [`Lowered::instances`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallTarget {
    Fn(FnId),
    Instance(usize),
}

/// What a body uses that constrains the sides it may be compiled for.
#[derive(Default)]
pub struct Facts {
    /// Calls of user functions, with the call's range.
    pub calls: Vec<(CallTarget, Range<usize>)>,
    /// Kernels named in an `offload`.
    pub kernel_refs: Vec<(CallTarget, Range<usize>)>,
    /// Host-only operations (printing, `Vec`, offload, exit): what, where.
    pub host_only: Vec<(String, Range<usize>)>,
    /// Device-only operations (thread geometry, barriers).
    pub device_only: Vec<(String, Range<usize>)>,
}

pub struct Lowered {
    pub func: Function,
    pub facts: Facts,
    /// The instances of generic functions this body calls, in the body's
    /// type table; the mono collector patches their calls' handles.
    pub instances: Vec<Instance>,
    /// `[T; N]` types of the block-shared arrays this body declares, in the
    /// order of their `Intrinsic::SharedArray` indices.
    pub shared_arrays: Vec<Handle<Type>>,
    /// The body's lints (`lints.rs`), in rustc's order.
    pub warnings: Vec<(crate::lints::Lint, Diagnostic)>,
    /// What the body constructs and which fields it reads (`dead_types.rs`).
    pub adt_uses: crate::dead_types::AdtUses,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum LoopKind {
    /// `loop`: may break with a value.
    Loop,
    /// `while` / `for`: breaks carry no value.
    Other,
}

pub(crate) struct LoopCx {
    label: Option<String>,
    id: LoopId,
    kind: LoopKind,
    break_ty: TyId,
    broken: bool,
}

pub(crate) struct FnLower<'i> {
    items: &'i Items,
    types: &'i mut TypeTable,
    lines: &'i LineIndex<'i>,
    /// The line of the last span made (most are on the line of the one before).
    line_hint: crate::diag::LineHint,
    fid: FnId,
    exprs: Arena<Expr>,
    etys: Vec<TyId>,
    locals: Arena<Local>,
    ltys: Vec<TyId>,
    lranges: Vec<Range<usize>>,
    late_init: HashSet<Handle<Local>>,
    params: HashSet<Handle<Local>>,
    infer: Infer,
    scopes: Vec<Vec<(String, Handle<Local>)>>,
    /// Lowering `fn main() -> Result<(), E>`: a `return v` is `main_result(v); return`.
    result_main: bool,
    loops: Vec<LoopCx>,
    next_loop: u32,
    ret: TyId,
    unsafe_depth: u32,
    facts: Facts,
    placeholder: Handle<Type>,
    /// Integer literals written in the source, range-checked at the end.
    source_ints: HashSet<Handle<Expr>>,
    /// Integer literals that are the operand of a unary minus, with the
    /// negation (filled by `finalize` for the `overflowing_literals` check).
    negated_literals: HashMap<Handle<Expr>, Handle<Expr>>,
    /// Casts of a vtable slot (`*const u8`) to the method's `fn` pointer
    /// type (`dyn_call.rs`): allowed, unlike the same cast in a program.
    slot_casts: HashSet<Handle<Expr>>,
    /// Lowering an assigned place (or a `&mut self` receiver through a
    /// `DerefMut` type): `*w` of a `DerefMut` struct is `*w.deref_mut()`.
    deref_mut_place: bool,
    /// Float literals whose value as an `f32` is not their `f64` value
    /// rounded (rounding twice differs): the value parsed as an `f32`.
    f32_literals: HashMap<Handle<Expr>, f32>,
    /// Block-shared arrays this body adds, in index order.
    new_shared: Vec<Handle<Type>>,
    /// What this body constructs and which fields it reads (`dead_types.rs`).
    pub(crate) adt_uses: crate::dead_types::AdtUses,
    /// What the generic parameters of this instance stand for (empty for a
    /// non-generic function).
    env: crate::generics::GenericEnv,
    /// Calls of generic functions, resolved to instances at the end.
    pending: Vec<generic::PendingInstance>,
    /// Zero values of enum fields, made in `finalize` (`adt::zero_value`).
    pending_zeros: Vec<Handle<Expr>>,
    /// Closures this body makes (their struct types get their fields at the end).
    made_closures: Vec<closure::MadeClosure>,
    /// The closure struct made for each closure expression (by source
    /// range), kept across `rollback` (`closure::closure_def`).
    closure_defs: HashMap<(usize, usize), Handle<hybrid_ir::StructDef>>,
    /// The result type of each closure's first successful trial call,
    /// kept across `rollback` (`closure::trial_closure_call`): a closure
    /// type has one signature, so every later trial's result is unified
    /// with it (a `parse()` inside gets one `F`, not one per trial).
    closure_results: HashMap<Handle<hybrid_ir::StructDef>, TyId>,
    /// What the names of this body's closure types say makes them: the
    /// function, with the instance's arguments (`closure::parent_name`).
    closure_parent: String,
    /// The block modules of the blocks being lowered that declare items,
    /// innermost last (`ModTree::block_scopes`).
    pub(crate) block_modules: Vec<crate::modtree::ModId>,
    /// Locals holding a closure's by-reference capture (a pointer read and
    /// written through when named).
    ref_captures: HashSet<Handle<Local>>,
    /// Inside an inlined closure body: its loop (what `return` breaks) and result type.
    closure_ret: Option<(LoopId, TyId)>,
    /// The patterns not covered of the last E0004 and the variants they are (`exhaust::non_exhaustive_help`).
    last_witnesses: (Vec<String>, Vec<usize>),
    /// The turbofish of the method call being lowered (`x.f::<T>()`).
    method_turbofish: Option<syn::AngleBracketedGenericArguments>,
    /// The method calls being lowered: the call's range and where its
    /// method name starts (the location `#[track_caller]` reports).
    method_calls: Vec<(Range<usize>, usize)>,
    /// Checking a generic body against its bounds (`check.rs`): type
    /// parameters are `Shape::Param`s.
    check_mode: bool,
    /// The check found a bound error (the one it reports).
    bound_error: bool,
    /// In a check: the projections `P::Name` of the parameters, as opaque
    /// `Shape::Param`s from `assoc::PROJECTION_PARAMS` on (parameter, trait, name).
    projections: Vec<(u32, crate::generics::TraitId, String)>,
    /// `F: Fn(A) -> R` bounds of the generic uses whose `R` is not known
    /// yet: inferred from the closure `F` turns out to be (`lower/assoc.rs`).
    closure_bounds: Vec<assoc::ClosureBound>,
    /// `S: Sum<A>` bounds (on generic traits) of the generic uses whose
    /// arguments are not known yet: `Self` then the trait's arguments,
    /// narrowed to the one impl that fits (`assoc::narrow_trait_args`).
    trait_arg_bounds: Vec<(crate::generics::TraitId, Vec<TyId>)>,
    /// `collect()`s whose target type is not known yet (`lower/collect.rs`).
    pending_collects: Vec<collect::PendingCollect>,
    /// The structs and enums whose `{:?}` is being expanded (`debug_parts`): one met again calls its Debug function (`debug_fn.rs`).
    box_debug_stack: Vec<TyId>,
    /// In the body of `core::debug_derived::debug_pretty::<T>`: its run-time indent
    /// parameter, added to every line's indent (`debug_fn.rs`).
    debug_indent_base: Option<Handle<Local>>,
    /// While `{:x?}` / `{:X?}` is expanded: the integers' kind and the `#` flag (`debug_leaf_spec`).
    debug_hex: Option<(hybrid_ir::FmtKind, bool)>,
    /// Temporaries `spill` made (`&temp()`): dropped with their statement (`drops.rs`).
    spilled: HashSet<Handle<Local>>,
    /// The locals an inlined closure call reads its closure value and its
    /// by-value captures into: views of the closure, which owns them.
    closure_envs: HashSet<Handle<Local>>,
    /// Values of `-> impl Trait` calls, and the locals bound to them: the
    /// opaque type's text and bounds (its hidden type's other methods are
    /// not callable, `opaque.rs`).
    opaque_values: HashMap<Handle<Expr>, std::rc::Rc<opaque::OpaqueType>>,
    opaque_locals: HashMap<Handle<Local>, std::rc::Rc<opaque::OpaqueType>>,
    /// The pointers to a matched place (`scrutinee`): a binding that moves
    /// out through one moves out of that place (`drops.rs`).
    match_places: HashSet<Handle<Local>>,
    /// Assignments that are `ptr::write`s: the old value is not dropped.
    raw_writes: HashSet<Handle<Expr>>,
    /// Drop elaboration: flag declarations for the statement being elaborated.
    pending_flag_decls: Vec<hybrid_ir::Stmt>,
    /// Unused variables and `mut`s (`lints.rs`).
    lints: lints::BodyLints,
    /// Borrow errors (rustc's borrow checker: E0384, E0596, E0594): the body
    /// is lowered on, and they are reported only if it has no other error.
    borrow_errors: Vec<Diagnostic>,
    /// The errors of statements that did not type-check, the body lowered
    /// on past them (`recover.rs`); reported together once the body is done.
    recovered: &'i mut Vec<Diagnostic>,
    /// Locals bound by a statement that failed (or whose value came from
    /// one): their errors are consequences, not reported.
    poisoned: HashSet<Handle<Local>>,
    /// The statement being lowered read an error value.
    tainted: bool,
    /// Probes running (`FnLower::probing`): no recovery inside them.
    probe_depth: u32,
    /// Expanding `{:w$?}` of an aggregate: the local holding the packed
    /// spec computed at run time, which each printed scalar of it takes.
    debug_rt_spec: Option<Handle<Local>>,
}

/// How much a body had lowered (`FnLower::mark`), to drop what was
/// lowered after it (`FnLower::rollback`); the inference table keeps what
/// was learned.
#[derive(Clone, Copy)]
pub(crate) struct Mark {
    exprs: usize,
    locals: usize,
    next_loop: u32,
    scopes: usize,
    unsafe_depth: u32,
    pending: usize,
    pending_zeros: usize,
    made_closures: usize,
    new_shared: usize,
    pending_collects: usize,
    borrow_errors: usize,
    recovered: usize,
    bindings: usize,
    facts: [usize; 4],
}

impl FnLower<'_> {
    pub(crate) fn mark(&self) -> Mark {
        let f = &self.facts;
        Mark {
            exprs: self.exprs.len(),
            locals: self.locals.len(),
            next_loop: self.next_loop,
            scopes: self.scopes.len(),
            unsafe_depth: self.unsafe_depth,
            pending: self.pending.len(),
            pending_zeros: self.pending_zeros.len(),
            made_closures: self.made_closures.len(),
            new_shared: self.new_shared.len(),
            pending_collects: self.pending_collects.len(),
            borrow_errors: self.borrow_errors.len(),
            recovered: self.recovered.len(),
            bindings: self.binding_count(),
            facts: [f.calls.len(), f.kernel_refs.len(), f.host_only.len(), f.device_only.len()],
        }
    }

    pub(crate) fn rollback(&mut self, m: Mark) {
        self.exprs.truncate(m.exprs);
        self.etys.truncate(m.exprs);
        self.locals.truncate(m.locals);
        self.ltys.truncate(m.locals);
        self.lranges.truncate(m.locals);
        self.next_loop = m.next_loop;
        self.scopes.truncate(m.scopes);
        self.unsafe_depth = m.unsafe_depth;
        self.pending.truncate(m.pending);
        self.pending_zeros.truncate(m.pending_zeros);
        self.made_closures.truncate(m.made_closures);
        self.new_shared.truncate(m.new_shared);
        self.pending_collects.truncate(m.pending_collects);
        self.borrow_errors.truncate(m.borrow_errors);
        self.recovered.truncate(m.recovered);
        self.forget_bindings_since(m.bindings);
        self.facts.calls.truncate(m.facts[0]);
        self.facts.kernel_refs.truncate(m.facts[1]);
        self.facts.host_only.truncate(m.facts[2]);
        self.facts.device_only.truncate(m.facts[3]);
        self.source_ints.retain(|e| e.index() < m.exprs);
        self.slot_casts.retain(|e| e.index() < m.exprs);
        self.f32_literals.retain(|e, _| e.index() < m.exprs);
        for set in [
            &mut self.late_init,
            &mut self.params,
            &mut self.ref_captures,
            &mut self.spilled,
            &mut self.closure_envs,
            &mut self.match_places,
            &mut self.poisoned,
        ] {
            set.retain(|l| l.index() < m.locals);
        }
        self.raw_writes.retain(|e| e.index() < m.exprs);
        self.opaque_values.retain(|e, _| e.index() < m.exprs);
        self.opaque_locals.retain(|l, _| l.index() < m.locals);
    }
}

/// Lower function `fid` (a non-generic one, or one instance of a generic
/// one: `job.args`), whose body `body` was parsed from the source range
/// `Items::fns[fid].body` (and, for an instance, its signature `sig` from
/// `Generics::sig`). Its block-shared arrays are numbered from 0 (see
/// `Function::offset_shared_arrays`).
pub fn lower_function(
    items: &Items,
    types: &mut TypeTable,
    lines: &LineIndex<'_>,
    job: &Job,
    sig: Option<&syn::Signature>,
    body: &syn::Block,
    patterns: &[(usize, syn::Pat)],
) -> DResult<Option<Lowered>> {
    let mut recovered = Vec::new();
    let result = lower_recovering(items, types, lines, job, sig, body, patterns, &mut recovered);
    if recovered.is_empty() {
        return result;
    }
    // the errors the body was lowered past, and the one it stopped at
    if let Err(e) = result {
        recovered.push(e);
    }
    Err(Diagnostic::together(recovered))
}

/// [`lower_function`], recording the errors of the statements it lowers
/// past in `recovered` (`recover.rs`).
#[allow(clippy::too_many_arguments)]
fn lower_recovering(
    items: &Items,
    types: &mut TypeTable,
    lines: &LineIndex<'_>,
    job: &Job,
    sig: Option<&syn::Signature>,
    body: &syn::Block,
    patterns: &[(usize, syn::Pat)],
    recovered: &mut Vec<Diagnostic>,
) -> DResult<Option<Lowered>> {
    let fid = job.fid;
    let decl = &items.fns[fid];
    let placeholder = types.unit();
    let closure_parent = closure::parent_name(decl, job, types);
    let mut lx = FnLower {
        items,
        types,
        lines,
        line_hint: Default::default(),
        fid,
        exprs: Arena::new(),
        etys: Vec::new(),
        locals: Arena::new(),
        ltys: Vec::new(),
        lranges: Vec::new(),
        late_init: HashSet::new(),
        params: HashSet::new(),
        infer: Infer::with_templates(items.templates.clone()),
        scopes: vec![Vec::new()],
        loops: Vec::new(),
        next_loop: 0,
        ret: TyId::PLACEHOLDER,
        // a kernel's body is an unsafe context (rustc expands `#[offload_kernel]` into an `unsafe extern "gpu-kernel" fn`)
        unsafe_depth: (decl.is_unsafe || decl.is_kernel) as u32,
        facts: Facts::default(),
        placeholder,
        source_ints: HashSet::new(),
        negated_literals: HashMap::new(),
        slot_casts: HashSet::new(),
        deref_mut_place: false,
        f32_literals: HashMap::new(),
        new_shared: Vec::new(),
        adt_uses: crate::dead_types::AdtUses::default(),
        env: crate::generics::GenericEnv::default(),
        pending: Vec::new(),
        pending_zeros: Vec::new(),
        projections: Vec::new(),
        closure_bounds: Vec::new(),
        trait_arg_bounds: Vec::new(),
        pending_collects: Vec::new(),
        box_debug_stack: Vec::new(),
        debug_indent_base: None,
        debug_hex: None,
        made_closures: Vec::new(),
        closure_defs: HashMap::new(),
        closure_results: HashMap::new(),
        closure_parent,
        block_modules: Vec::new(),
        ref_captures: HashSet::new(),
        closure_ret: None,
        last_witnesses: (Vec::new(), Vec::new()),
        method_turbofish: None,
        method_calls: Vec::new(),
        check_mode: job.check,
        bound_error: false,
        spilled: HashSet::new(),
        closure_envs: HashSet::new(),
        opaque_values: HashMap::new(),
        opaque_locals: HashMap::new(),
        match_places: HashSet::new(),
        raw_writes: HashSet::new(),
        pending_flag_decls: Vec::new(),
        result_main: false,
        lints: lints::BodyLints::new(!job.check && !items.tree.in_library(decl.module)),
        borrow_errors: Vec::new(),
        recovered,
        poisoned: HashSet::new(),
        tainted: false,
        probe_depth: 0,
        debug_rt_spec: None,
    };
    if job.check {
        // the body checked against the bounds, then dropped (`check.rs`)
        let checked = sig.ok_or_else(|| Diagnostic::ice("a check without a signature")).and_then(|sig| {
            lx.bind_check_params();
            let s = lx.signature_types(fid, sig)?;
            lx.ret = s.ret;
            for (name, ty, mutable, range) in s.params {
                let l = lx.new_local(&name, ty, mutable, range);
                if name != "_" {
                    lx.bind(&name, l);
                }
            }
            lx.fn_body(body, s.ret)
        });
        return match checked {
            // an unknown associated type of a parameter is an error of the generic body itself
            Err(e) if lx.bound_error || e.code == Some("E0220") => Err(e),
            _ => Ok(None),
        };
    }
    let (param_decls, ret) = match (&job.args, sig) {
        (Some(args), Some(sig)) => {
            lx.bind_instance_args(args);
            let s = lx.signature_types(fid, sig)?;
            // (`Self` of `impl<..> Iterator for FlatMap<I, U, F, U::IntoIter>`: its projections of concrete types)
            lx.solve_projections()?;
            (s.params, s.ret)
        }
        _ => {
            let params = decl.params.iter().map(|p| (p.name.clone(), lx.infer.import(p.ty, lx.types), p.mutable, p.range.clone()));
            let params: Vec<_> = params.collect();
            // `-> impl Trait`: whatever the body returns
            let ret = if decl.opaque_ret { lx.infer.var(crate::infer::VarKind::General) } else { lx.infer.import(decl.ret, lx.types) };
            (params, ret)
        }
    };
    lx.ret = ret;
    let mut params = Vec::new();
    for (name, ty, mutable, range) in param_decls {
        let l = lx.new_local(&name, ty, mutable, range);
        lx.params.insert(l);
        if name != "_" {
            lx.bind(&name, l);
        }
        params.push(l);
    }
    let pattern_stmts = lx.param_patterns(&params, patterns)?;
    // `core::ptr::drop_in_place::<T>`: the compiler's glue for `T`
    let glue_ty = match &job.args {
        Some(args) if lx.is_drop_glue() => args.types.first().copied(),
        _ => None,
    };
    let glue_body;
    let body = match glue_ty {
        Some(t) => {
            glue_body = lx.drop_glue_block(t)?;
            &glue_body
        }
        None => body,
    };
    // `fn main() -> Result<(), E>`: `main` is an `fn()`; its result (the body's value and
    // each `return`, also of a `?`) goes to `core::result::main_result`
    let result_main = Some(fid) == items.main && job.args.is_none() && crate::resolve::is_result_main(lx.types, decl.ret);
    lx.result_main = result_main;
    // `core::dyn_object::vtable::<T, D>`: the compiler's table of `T` as a `D`
    let vtable_of = match &job.args {
        Some(args) if lx.is_vtable() && args.types.len() == 2 => Some((args.types[0], args.types[1])),
        _ => None,
    };
    // `core::debug_derived::debug{,_pretty}::<T>`: the derived `Debug` of a recursive `T`
    let debug_of = match &job.args {
        Some(args) if args.types.len() == 1 => lx.debug_fn_pretty().map(|pretty| (args.types[0], pretty)),
        _ => None,
    };
    let mut body = match (vtable_of, params.first()) {
        _ if debug_of.is_some() => {
            let (t, pretty) = debug_of.expect("checked");
            lx.debug_fn_body(t, pretty, &params, &decl.range)?
        }
        (Some((t, d)), Some(&slot)) => {
            let e = lx.vtable_body(t, d, slot, &decl.range)?;
            let ty = lx.ty(e);
            lx.expect_ty(ret, ty, &decl.range)?;
            e
        }
        _ => lx.fn_body(body, ret)?,
    };
    if !lx.recovered.is_empty() {
        // what comes after (inference defaults, drops) would only find
        // consequences of the errors recorded
        return Ok(None);
    }
    if result_main && !lx.infer.is_never(lx.ty(body)) {
        let range = decl.range.clone();
        let call = lx.library_call("result::main_result", vec![body], &range)?;
        body = lx.block_expr(vec![hybrid_ir::Stmt::Expr(call)], None, &range);
    }
    let body = lx.with_param_patterns(pattern_stmts, body);
    lx.finalize()?;
    lx.define_closures()?;
    if lx.lints.enabled {
        lx.lints.assignment_warnings = lx.unused_assignments(body);
    }
    if let (Some(t), Some(&p)) = (glue_ty, params.first()) {
        lx.drop_glue_fields(p, t, body);
    }
    let body = if job.check {
        body
    } else {
        match lx.elaborate_drops(&params, body) {
            Ok(b) => b,
            Err(e) if !lx.borrow_errors.is_empty() && crate::diag::is_borrow_error(&e) => {
                lx.borrow_errors.push(e);
                return Err(Diagnostic::together(std::mem::take(&mut lx.borrow_errors)));
            }
            Err(e) => return Err(e),
        }
    };
    if job.args.is_some() && decl.is_kernel {
        lx.check_kernel_params(&params)?;
    }
    let instances = lx.resolve_pending()?;
    if !lx.borrow_errors.is_empty() {
        return Err(Diagnostic::together(std::mem::take(&mut lx.borrow_errors)));
    }
    let mut warnings = if lx.lints.enabled { lx.body_warnings() } else { Vec::new() };
    warnings.retain(|(lint, d)| !lx.allowed_in_body(*lint, d.primary.as_ref().map_or(0, |p| p.range.start)));
    let ret_ir = match &job.args {
        _ if job.args.is_some() || decl.opaque_ret => {
            lx.infer.resolve(ret, lx.types).map_err(|_| Diagnostic::ice("unresolved return type of an instance"))?
        }
        _ if result_main => lx.types.unit(),
        _ => decl.ret,
    };
    let mut name = match &job.args {
        Some(args) => generic::instance_name(&decl.name, args, lx.types),
        None => decl.name.clone(),
    };
    // a `#[track_caller]` function has an instance per caller location
    if let Some((line, col)) = job.caller {
        name = format!("{name}@{line}:{col}");
    }
    let span = lines.ir_span(&decl.range);
    let FnLower { exprs, locals, facts, new_shared, adt_uses, .. } = lx;
    Ok(Some(Lowered {
        func: Function {
            name,
            kind: if decl.is_kernel { FunctionKind::Kernel } else { FunctionKind::Normal },
            sides: Sides::default(),
            params,
            ret: ret_ir,
            locals,
            exprs,
            body,
            span,
        },
        facts,
        instances,
        shared_arrays: new_shared,
        warnings,
        adt_uses,
    }))
}

impl<'i> FnLower<'i> {
    // ---- arenas ----
    pub(crate) fn push(&mut self, kind: ExprKind, ty: TyId, range: &Range<usize>) -> Handle<Expr> {
        let span = self.lines.ir_span_near(range, &mut self.line_hint);
        let h = self.exprs.append(Expr { kind, ty: self.placeholder, span });
        self.etys.push(ty);
        h
    }
    /// Locate the run-time panics of `e` at source offset `at` (its line and column),
    /// keeping its range for diagnostics.
    pub(crate) fn panic_at(&mut self, e: Handle<Expr>, at: usize) {
        let s = self.lines.ir_span(&(at..at));
        self.exprs[e].span.line = s.line;
        self.exprs[e].span.col = s.col;
    }
    pub(crate) fn ty(&self, e: Handle<Expr>) -> TyId {
        self.etys[e.index()]
    }
    pub(crate) fn kind(&self, e: Handle<Expr>) -> &ExprKind {
        &self.exprs[e].kind
    }
    pub(crate) fn range(&self, e: Handle<Expr>) -> Range<usize> {
        let s = self.exprs[e].span;
        s.lo as usize..s.hi as usize
    }
    pub(crate) fn new_local(&mut self, name: &str, ty: TyId, mutable: bool, range: Range<usize>) -> Handle<Local> {
        let l = self.locals.append(Local { name: name.to_string(), ty: self.placeholder, mutable });
        self.ltys.push(ty);
        self.lranges.push(range);
        l
    }
    pub(crate) fn local_ty(&self, l: Handle<Local>) -> TyId {
        self.ltys[l.index()]
    }
    pub(crate) fn bind(&mut self, name: &str, l: Handle<Local>) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.push((name.to_string(), l));
        }
        self.note_binding(name, l);
    }
    pub(crate) fn lookup(&self, name: &str) -> Option<Handle<Local>> {
        self.scopes.iter().rev().flat_map(|s| s.iter().rev()).find(|(n, _)| n == name).map(|(_, l)| *l)
    }
    pub(crate) fn local_expr(&mut self, l: Handle<Local>, range: &Range<usize>) -> Handle<Expr> {
        let ty = self.local_ty(l);
        self.note_read(l);
        self.note_error_read(l);
        let e = self.push(ExprKind::Local(l), ty, range);
        self.note_read_expr(e, l);
        if self.ref_captures.contains(&l) {
            // a closure's capture by reference: the name means the pointee
            if let Some(Shape::Ptr { pointee, .. }) = self.shape(ty) {
                return self.push(ExprKind::Deref(e), pointee, range);
            }
        }
        e
    }

    // ---- literals ----
    pub(crate) fn lit(&mut self, lit: Literal, ty: TyId, range: &Range<usize>) -> Handle<Expr> {
        self.push(ExprKind::Literal(lit), ty, range)
    }
    pub(crate) fn lit_scalar(&mut self, s: Scalar, bits: u64, range: &Range<usize>) -> Handle<Expr> {
        let ty = self.infer.scalar(s);
        let lit = match s {
            Scalar::Bool => Literal::Bool(bits != 0),
            s if s.is_float() => Literal::Float(bits as f64),
            _ => Literal::Int(bits),
        };
        self.lit(lit, ty, range)
    }
    pub(crate) fn lit_unit(&mut self, range: &Range<usize>) -> Handle<Expr> {
        let ty = self.infer.unit();
        self.lit(Literal::Unit, ty, range)
    }
    pub(crate) fn lit_bool(&mut self, b: bool, range: &Range<usize>) -> Handle<Expr> {
        let ty = self.infer.scalar(Scalar::Bool);
        self.lit(Literal::Bool(b), ty, range)
    }
    /// An integer literal of the same type as `like`.
    pub(crate) fn lit_int_like(&mut self, v: u64, like: TyId, range: &Range<usize>) -> Handle<Expr> {
        self.lit(Literal::Int(v), like, range)
    }

    // ---- types ----
    pub(crate) fn describe(&mut self, t: TyId) -> String {
        self.infer.describe(t, self.types)
    }
    pub(crate) fn scalar_ty(&mut self, s: Scalar) -> TyId {
        self.infer.scalar(s)
    }
    pub(crate) fn shape(&mut self, t: TyId) -> Option<Shape> {
        self.infer.shape(t)
    }
    pub(crate) fn convert_type(&mut self, ty: &syn::Type) -> DResult<TyId> {
        let scope = crate::types::TypeScope::of_body(&self.items.fns[self.fid], self.module(), &self.env);
        self.items.convert_in(ty, self.types, &mut self.infer, &scope)
    }
    /// The module whose scope this body's paths are resolved in.
    pub(crate) fn module(&self) -> crate::modtree::ModId {
        self.block_modules.last().copied().unwrap_or(self.items.fns[self.fid].module)
    }
    /// The item table seen from this body's module, for const evaluation.
    pub(crate) fn const_env(&self) -> crate::resolve::InModule<'_> {
        crate::resolve::InModule { items: self.items, module: self.module(), params: &self.env.consts }
    }
    /// Unify `found` into `expected` or report E0308 at `range`.
    pub(crate) fn expect_ty(&mut self, expected: TyId, found: TyId, range: &Range<usize>) -> DResult<()> {
        if self.infer.unify(expected, found).is_ok() {
            return Ok(());
        }
        let (e, f) = (self.describe(expected), self.describe(found));
        if let (Some(Shape::Array { elem: ea, len: la }), Some(Shape::Array { elem: eb, len: lb })) =
            (self.shape(expected), self.shape(found))
        {
            if la != lb && self.infer.can_unify(ea, eb) {
                return Err(Diagnostic::at(
                    Some("E0308"),
                    "mismatched types",
                    range.clone(),
                    format!("expected an array with a size of {la}, found one with a size of {lb}"),
                ));
            }
        }
        let closure = |t: &str| t.starts_with("`{closure@");
        if closure(&e) && closure(&f) {
            // FIXME(fn pointers): rustc coerces closures that capture nothing to `fn` pointers
            return Err(Diagnostic::unsupported("two different closures where one type is expected (`fn` pointers)", range.clone()));
        }
        Err(Diagnostic::at(Some("E0308"), "mismatched types", range.clone(), format!("expected {e}, found {f}")))
    }
    pub(crate) fn text(&self, range: &Range<usize>) -> String {
        let t = self.lines.text(range);
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    // ---- loops ----
    pub(crate) fn new_loop_id(&mut self) -> LoopId {
        self.next_loop += 1;
        LoopId(self.next_loop - 1)
    }

    /// The function's body: a block whose tail is coerced to the return type.
    fn fn_body(&mut self, block: &syn::Block, ret: TyId) -> DResult<Handle<Expr>> {
        let recovered_before = self.recovered.len();
        let body = self.block(block, Some(ret));
        let body = body.map_err(|e| self.because_of_return_type(e, block, ret));
        for i in recovered_before..self.recovered.len() {
            let e = self.recovered[i].clone();
            self.recovered[i] = self.because_of_return_type(e, block, ret);
        }
        let body = body?;
        let bty = self.ty(body);
        if !self.infer.is_never(bty) && self.infer.unify(ret, bty).is_err() {
            let decl = &self.items.fns[self.fid];
            let expected = self.describe(ret);
            let found = self.describe(bty);
            let mut d =
                Diagnostic::at(Some("E0308"), "mismatched types", decl.output_range.clone(), format!("expected {expected}, found {found}"));
            if self.infer.is_unit(bty) {
                d = d.secondary(decl.sig_range.clone(), "implicitly returns `()` as its body has no tail or `return` expression");
            }
            return Err(d);
        }
        Ok(body)
    }

    /// rustc's "expected `T` because of return type" on the declared
    /// return type, for a mismatch of the body's tail expression.
    fn because_of_return_type(&mut self, mut e: Diagnostic, block: &syn::Block, ret: TyId) -> Diagnostic {
        let Some(syn::Stmt::Expr(tail, None)) = block.stmts.last() else { return e };
        let at_tail = e.primary.as_ref().is_some_and(|p| p.range == crate::diag::range_of(tail));
        if e.code != Some("E0308") || e.message != "mismatched types" || !e.secondary.is_empty() || !at_tail {
            return e;
        }
        let output = self.items.fns[self.fid].output_range.clone();
        let text = self.lines.text(&output);
        let Some(ty_text) = text.strip_prefix("->") else { return e };
        let ty_start = output.end - ty_text.trim_start().len();
        let expected = self.describe(ret);
        e = e.secondary(ty_start..output.end, format!("expected {expected} because of return type"));
        e
    }
}
