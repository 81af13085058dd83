//! The mono collector: every non-generic function is lowered first (in item order, handles `0..n`), then, round after round, the instances of generic functions those bodies use, until no new instance appears (rustc_monomorphize's worklist, one parallel round per depth).
//!
//! Each round's bodies are lowered in parallel ([`crate::bodies`]) into
//! per-thread type tables, merged in job order, so instance arguments are
//! compared in the global table. A new instance gets the next function
//! handle (discovery order: the same for every thread count) and becomes a
//! job of the next round; every use of it, in any round, is patched to that
//! handle. What each function calls is resolved to handles for
//! [`crate::sides`].

use std::collections::HashMap;
use std::ops::Range;
use std::time::Duration;

use hybrid_ir::{ExprKind, Handle, Module};

use crate::bodies;
use crate::diag::{Diagnostic, LineIndex};
use crate::generics::InstanceArgs;
use crate::lower::{CallTarget, Job, Lowered};
use crate::resolve::{FnId, Items};

/// An instance: the function, its arguments, and for a `#[track_caller]`
/// function the caller's line and column.
type InstanceKey = (FnId, InstanceArgs, Option<(u32, u32)>);

/// More instances than this: taken as unbounded recursion (rustc's
/// recursion limit while instantiating).
const MAX_INSTANCES: usize = 20_000;

/// A lowered function (indexed by its handle) and what it calls, by handle.
pub struct Unit {
    pub lowered: Lowered,
    pub fid: FnId,
    pub calls: Vec<(usize, Range<usize>)>,
    pub kernel_refs: Vec<(usize, Range<usize>)>,
    /// The functions (handles) whose instances or plain uses the body has
    /// (function values, `fn` pointer thunks): live when it is (`lints`).
    pub uses: Vec<usize>,
}

pub struct Collected {
    pub units: Vec<Unit>,
    pub body_threads: usize,
    pub parse_time: Duration,
    pub lower_time: Duration,
    /// Parallel rounds run (1 without generics).
    pub rounds: usize,
}

/// Lower every function the program needs, instances included; the
/// module's type table gains every type the bodies use and its shared
/// arrays every body's.
pub fn lower_all(
    source: &str,
    items: &Items,
    module: &mut Module,
    lines: &LineIndex<'_>,
    threads: usize,
    mut prefetch: Option<bodies::Prefetch>,
) -> Result<Collected, Vec<Diagnostic>> {
    let mut jobs: Vec<Job> = (0..items.fns.len())
        .filter(|&id| !items.fns[id].is_generic() && !items.fns[id].lazy)
        .map(|fid| Job { fid, args: None, check: false, caller: None })
        .collect();
    // every generic function's body is checked once against its bounds
    // (the library's are trusted: checked by their instances only)
    let checked = |id: FnId| items.fns[id].is_generic() && !items.tree.in_library(items.fns[id].module);
    jobs.extend((0..items.fns.len()).filter(|&id| checked(id)).map(|fid| Job { fid, args: None, check: true, caller: None }));
    let mut instances: HashMap<InstanceKey, usize> = HashMap::new();
    let mut units: Vec<Unit> = Vec::new();
    let mut out = Collected { units: Vec::new(), body_threads: 0, parse_time: Duration::ZERO, lower_time: Duration::ZERO, rounds: 0 };
    let mut shared_arrays = Vec::new();
    let mut next_handle = jobs.iter().filter(|j| !j.check).count();
    opaque_returns(source, items, module, lines, threads)?;
    while !jobs.is_empty() {
        out.rounds += 1;
        let bodies = bodies::parse_and_lower(source, items, &module.types, lines, threads, &jobs, prefetch.take());
        out.body_threads = out.body_threads.max(bodies.threads);
        out.parse_time += bodies.parse_time;
        out.lower_time += bodies.lower_time;
        let mut errors = Vec::new();
        let mut next_jobs = Vec::new();
        let (maps, results) = merge_round(module, bodies.parts);
        for ((part, result), job) in results.into_iter().zip(&jobs) {
            let map = &maps[part];
            let mut l = match result {
                Ok(Some(l)) => l,
                // a generic function's check: nothing to keep
                Ok(None) => continue,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            l.func.remap_types(map);
            if let Some((line, col)) = job.caller {
                report_panics_at(&mut l.func, line, col);
            }
            l.func.offset_shared_arrays(shared_arrays.len() as u32);
            shared_arrays.extend(l.shared_arrays.iter().map(|t| map[t.index()]));
            // the instances this body uses: handles, patched into the uses
            let mut handles = Vec::with_capacity(l.instances.len());
            for inst in std::mem::take(&mut l.instances) {
                if !items.fns[inst.fid].is_generic() && !items.fns[inst.fid].lazy {
                    // a trait function that resolved to a plain impl method
                    let handle = items.fns[inst.fid].handle.index();
                    patch_use(&mut l, inst.expr, handle);
                    handles.push(handle);
                    continue;
                }
                let args =
                    InstanceArgs { types: inst.args.types.iter().map(|t| map[t.index()]).collect(), consts: inst.args.consts.clone() };
                // a call inside a `#[track_caller]` function reports that function's caller
                let caller = items.fns[inst.fid].track_caller.then(|| {
                    job.caller.unwrap_or_else(|| {
                        let s = lines.ir_span(&(inst.caller_at..inst.caller_at));
                        (s.line, s.col)
                    })
                });
                let key = (inst.fid, args, caller);
                let handle = match instances.get(&key) {
                    Some(&h) => h,
                    None => {
                        if let Some(t) = args_too_big(&module.types, &key.1) {
                            let name = &items.fns[inst.fid].name;
                            errors.push(Diagnostic::at(
                                None,
                                format!("reached the recursion limit while instantiating `{name}::<{}>`", short_display(&module.types, t)),
                                inst.range.clone(),
                                format!("a type argument grew past {MAX_TYPE_SIZE} parts"),
                            ));
                            handles.push(0);
                            continue;
                        }
                        if instances.len() >= MAX_INSTANCES {
                            let name = &items.fns[inst.fid].name;
                            errors.push(Diagnostic::at(
                                None,
                                format!("reached the recursion limit while instantiating `{name}`"),
                                inst.range.clone(),
                                format!("more than {MAX_INSTANCES} instances of generic functions"),
                            ));
                            handles.push(0);
                            continue;
                        }
                        let h = next_handle;
                        next_handle += 1;
                        // (a lazy library function is lowered as a plain one)
                        let args = (!items.fns[key.0].lazy).then(|| key.1.clone());
                        next_jobs.push(Job { fid: key.0, args, check: false, caller: key.2 });
                        instances.insert(key, h);
                        h
                    }
                };
                patch_use(&mut l, inst.expr, handle);
                handles.push(handle);
            }
            let target = |t: &CallTarget| match *t {
                CallTarget::Fn(id) => items.fns[id].handle.index(),
                CallTarget::Instance(i) => handles[i],
            };
            let calls = l.facts.calls.iter().map(|(t, r)| (target(t), r.clone())).collect();
            let kernel_refs = l.facts.kernel_refs.iter().map(|(t, r)| (target(t), r.clone())).collect();
            units.push(Unit { lowered: l, fid: job.fid, calls, kernel_refs, uses: handles });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        jobs = next_jobs;
    }
    for ty in shared_arrays {
        module.add_shared_array(ty);
    }
    out.units = units;
    Ok(out)
}

/// A `#[track_caller]` instance: its panics report its caller's location.
fn report_panics_at(func: &mut hybrid_ir::Function, line: u32, col: u32) {
    for e in func.exprs.iter_mut() {
        if matches!(e.kind, ExprKind::Print { target: hybrid_ir::PrintTarget::Panic, .. }) {
            e.span.line = line;
            e.span.col = col;
        }
    }
}

/// A type argument with more parts than this (counted as a tree) is taken
/// as unbounded recursion (`f::<(T, T)>` calling itself grows doubly).
const MAX_TYPE_SIZE: usize = 4096;

/// The first argument of `args` whose type tree is larger than `MAX_TYPE_SIZE`.
fn args_too_big(types: &hybrid_ir::TypeTable, args: &InstanceArgs) -> Option<Handle<hybrid_ir::Type>> {
    args.types.iter().copied().find(|&t| type_size(types, t, 0, &mut Vec::new()) > MAX_TYPE_SIZE)
}

/// The number of nodes of a type's tree, stopping once past the limit.
/// `structs`: the structs whose fields are being counted (a recursive
/// type, `List { next: Box<List> }`, counts once).
fn type_size(
    types: &hybrid_ir::TypeTable,
    t: Handle<hybrid_ir::Type>,
    seen: usize,
    structs: &mut Vec<Handle<hybrid_ir::StructDef>>,
) -> usize {
    use hybrid_ir::Type;
    if seen > MAX_TYPE_SIZE {
        return seen;
    }
    let parts: Vec<Handle<Type>> = match types.get(t) {
        Type::Pointer { pointee, .. } => vec![*pointee],
        Type::SliceRef { elem, .. } | Type::Array { elem, .. } | Type::Vec(elem) => vec![*elem],
        Type::Tuple(elems) => elems.clone(),
        Type::Struct(def) if structs.contains(def) => Vec::new(),
        Type::Struct(def) => types.structs[*def].fields.iter().map(|f| f.ty).collect(),
        _ => Vec::new(),
    };
    let pushed = match types.get(t) {
        Type::Struct(def) if !structs.contains(def) => {
            structs.push(*def);
            true
        }
        _ => false,
    };
    let mut n = seen + 1;
    for p in parts {
        n = type_size(types, p, n, structs);
        if n > MAX_TYPE_SIZE {
            break;
        }
    }
    if pushed {
        structs.pop();
    }
    n
}

/// A type's spelling cut to a readable length (rustc writes `...` too).
fn short_display(types: &hybrid_ir::TypeTable, t: Handle<hybrid_ir::Type>) -> String {
    fn go(types: &hybrid_ir::TypeTable, t: Handle<hybrid_ir::Type>, depth: u32) -> String {
        use hybrid_ir::Type;
        if depth > 7 {
            return "...".into();
        }
        match types.get(t) {
            // the first part spelled, the others `...`, as rustc shortens
            Type::Tuple(elems) => {
                let rest = vec!["..."; elems.len().saturating_sub(1)];
                format!("({}, {})", go(types, elems[0], depth + 1), rest.join(", "))
            }
            _ => types.display(t).to_string(),
        }
    }
    go(types, t, 0)
}

/// The return types of the `-> impl Trait` functions: their bodies lowered
/// once first (the results are dropped; round 0 lowers them again), so that
/// their callers know what they return (a closure's struct, say).
fn opaque_returns(source: &str, items: &Items, module: &mut Module, lines: &LineIndex<'_>, threads: usize) -> Result<(), Vec<Diagnostic>> {
    let jobs: Vec<Job> = (0..items.fns.len())
        .filter(|&id| items.fns[id].opaque_ret && !items.fns[id].is_generic())
        .map(|fid| Job { fid, args: None, check: false, caller: None })
        .collect();
    if jobs.is_empty() {
        return Ok(());
    }
    let bodies = bodies::parse_and_lower(source, items, &module.types, lines, threads, &jobs, None);
    let mut errors = Vec::new();
    let (maps, results) = merge_round(module, bodies.parts);
    for ((part, result), job) in results.into_iter().zip(&jobs) {
        match result {
            Ok(Some(l)) => {
                if let Ok(mut rets) = items.opaque_rets.write() {
                    rets.insert(job.fid, maps[part][l.func.ret.index()]);
                }
            }
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// A round's results in job order, each with the index of its part's type
/// map: each worker's type table merged into the module's (in part order,
/// so handles do not depend on the thread count).
#[allow(clippy::type_complexity)]
fn merge_round(
    module: &mut Module,
    parts: Vec<bodies::Part>,
) -> (Vec<Vec<Handle<hybrid_ir::Type>>>, Vec<(usize, Result<Option<Lowered>, Diagnostic>)>) {
    let (base_types, base_structs) = (module.types.types.len(), module.types.structs.len());
    let mut maps = Vec::with_capacity(parts.len());
    let mut results = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        maps.push(module.types.merge_from(&part.types, base_types, base_structs));
        results.extend(part.results.into_iter().map(|r| (i, r)));
    }
    (maps, results)
}

/// Point the call or offload `expr` at function `handle`.
fn patch_use(l: &mut Lowered, expr: Handle<hybrid_ir::Expr>, handle: usize) {
    match &mut l.func.exprs[expr].kind {
        ExprKind::Call { func, .. } => *func = Handle::from_index(handle),
        ExprKind::Offload { kernel, .. } => *kernel = Handle::from_index(handle),
        ExprKind::FnAddr(func) => *func = Handle::from_index(handle),
        _ => {}
    }
}
