//! Kernels recognized from the intrinsic: a plain `fn` named as the kernel of
//! an `offload` call (or `offload!`) is a kernel, as in rustc, which now
//! finds kernels from the intrinsic rather than from an attribute.

use std::collections::{HashMap, HashSet};

use hybrid_ir::{ExprKind, FunctionKind, Handle, Type, TypeTable};

use crate::diag::{DResult, Diagnostic};
use crate::lower::{Facts, Lowered};
use crate::mono::Unit;
use crate::resolve::{check_kernel_decl, FnId, Items};

/// Marks every function (or generic instance) that an `offload` names but
/// that has no kernel attribute as a kernel, its IR function too, and checks
/// it as one.
pub fn mark_offloaded(items: &mut Items, units: &mut Vec<Unit>, types: &TypeTable) -> Result<(), Vec<Diagnostic>> {
    let called: HashSet<usize> = units.iter().flat_map(|u| u.calls.iter().map(|c| c.0)).collect();
    let mut marked = Vec::new();
    for u in 0..units.len() {
        for i in 0..units[u].kernel_refs.len() {
            let k = units[u].kernel_refs[i].0;
            if units[k].lowered.func.kind == FunctionKind::Kernel {
                continue;
            }
            if !called.contains(&k) {
                units[k].lowered.func.kind = FunctionKind::Kernel;
                marked.push(k);
                continue;
            }
            // also called directly: the kernel is a copy with the function's
            // name (its entry symbol); the ordinary function is renamed
            let copy = kernel_copy(&units[k]);
            let original = &mut units[k].lowered.func;
            original.name = format!("{}::called", original.name);
            let nh = units.len();
            units.push(copy);
            for unit in units.iter_mut() {
                for e in unit.lowered.func.exprs.iter_mut() {
                    if let ExprKind::Offload { kernel, .. } = &mut e.kind {
                        if kernel.index() == k {
                            *kernel = Handle::from_index(nh);
                        }
                    }
                }
                for r in unit.kernel_refs.iter_mut() {
                    if r.0 == k {
                        r.0 = nh;
                    }
                }
            }
            marked.push(nh);
        }
    }
    if marked.is_empty() {
        return Ok(());
    }
    let mut errors = Vec::new();
    for &k in &marked {
        let fid = units[k].fid;
        items.fns[fid].is_kernel = true;
        let decl = &items.fns[fid];
        if !decl.is_generic() {
            if let Err(e) = check_kernel_decl(decl, types) {
                errors.push(e);
            }
            continue;
        }
        // an instance: its signature is only known now
        let func = &units[k].lowered.func;
        let bad_param = func.params.iter().find(|&&p| hybrid_ir::abi::kernel_param_slots(types, func.locals[p].ty).is_none());
        if !matches!(types.get(func.ret), Type::Unit) {
            errors.push(Diagnostic::at(
                None,
                format!("kernel `{}` must return `()`", func.name),
                decl.output_range.clone(),
                "kernels cannot return a value",
            ));
        } else if let Some(&p) = bad_param {
            let name = &func.locals[p].name;
            errors.push(Diagnostic::at(
                None,
                format!("kernel parameter `{name}` has a type that cannot be passed to a kernel"),
                decl.sig_range.clone(),
                format!(
                    "`{}` is not a scalar, a thin pointer, a reference, a slice reference or a struct, tuple or array of plain data",
                    types.display(func.locals[p].ty)
                ),
            ));
        }
    }
    if let Err(e) = check_kernel_symbols(items) {
        errors.push(e);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// A kernel copy of unit `u` (same body, facts and callees).
fn kernel_copy(u: &Unit) -> Unit {
    let mut func = u.lowered.func.clone();
    func.kind = FunctionKind::Kernel;
    let f = &u.lowered.facts;
    let facts = Facts {
        calls: f.calls.clone(),
        kernel_refs: f.kernel_refs.clone(),
        host_only: f.host_only.clone(),
        device_only: f.device_only.clone(),
    };
    Unit {
        lowered: Lowered {
            func,
            facts,
            instances: Vec::new(),
            shared_arrays: Vec::new(),
            warnings: Vec::new(),
            adt_uses: Default::default(),
        },
        fid: u.fid,
        calls: u.calls.clone(),
        kernel_refs: u.kernel_refs.clone(),
        uses: u.uses.clone(),
    }
}

/// Kernels' entry symbols (their paths with `::` as `__`) must not collide.
pub(crate) fn check_kernel_symbols(items: &Items) -> DResult<()> {
    let mut seen: HashMap<String, FnId> = HashMap::new();
    for (id, f) in items.fns.iter().enumerate() {
        if !f.is_kernel {
            continue;
        }
        let symbol = f.name.replace("::", "__");
        if let Some(prev) = seen.insert(symbol.clone(), id) {
            // rustc's wording for a symbol collision
            return Err(Diagnostic::at(None, format!("symbol `{symbol}` is already defined"), f.sig_range.clone(), "")
                .note(format!("kernels `{}` and `{}` have the same entry symbol", items.fns[prev].name, f.name)));
        }
    }
    Ok(())
}
