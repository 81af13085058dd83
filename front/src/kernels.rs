//! Kernels recognized from the intrinsic: a plain `fn` named as the kernel of
//! an `offload` call (or `offload!`) is a kernel, as in rustc, which now
//! finds kernels from the intrinsic rather than from an attribute.

use hybrid_ir::{FunctionKind, Type, TypeTable};

use crate::diag::Diagnostic;
use crate::mono::Unit;
use crate::resolve::{check_kernel_decl, check_kernel_symbols, Items};

/// Marks every function (or generic instance) that an `offload` names but
/// that has no kernel attribute as a kernel, its IR function too, and checks
/// it as one.
pub fn mark_offloaded(items: &mut Items, units: &mut [Unit], types: &TypeTable) -> Result<(), Vec<Diagnostic>> {
    let mut marked = Vec::new();
    for u in 0..units.len() {
        for i in 0..units[u].kernel_refs.len() {
            let k = units[u].kernel_refs[i].0;
            if units[k].lowered.func.kind != FunctionKind::Kernel {
                units[k].lowered.func.kind = FunctionKind::Kernel;
                marked.push(k);
            }
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
    // FIXME(offloaded functions called directly): the IR has one function
    // per item, and a kernel's host-fallback entry has the kernel ABI; rustc
    // also keeps the ordinary function.
    for unit in units.iter() {
        for (callee, range) in &unit.calls {
            if marked.contains(callee) {
                let name = &units[*callee].lowered.func.name;
                errors.push(Diagnostic::unsupported(
                    &format!("calling `{name}` directly while it is also launched with `offload`"),
                    range.clone(),
                ));
            }
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
