//! Which side each function is compiled for: host for `main` and what host
//! code calls, device for kernels and what they call; errors for calls that
//! cross a side's boundary (host-only functions or operations in kernels,
//! device-only operations in host code).

use std::collections::VecDeque;

use hybrid_ir::Sides;

use crate::diag::Diagnostic;
use crate::mono::Unit;
use crate::resolve::Items;

/// The sides of every unit (indexed by function handle); `main` is the
/// handle of the host `main`.
pub fn assign(items: &Items, units: &[Unit], main: Option<usize>) -> Result<Vec<Sides>, Vec<Diagnostic>> {
    let n = units.len();
    let decl = |u: usize| &items.fns[units[u].fid];
    let mut sides = vec![Sides::default(); n];
    let mut errors = Vec::new();

    // host: from main
    let mut queue = VecDeque::new();
    if let Some(main) = main {
        sides[main].host = true;
        queue.push_back(main);
    }
    while let Some(f) = queue.pop_front() {
        let facts = &units[f].lowered.facts;
        for (what, range) in &facts.device_only {
            let mut d = Diagnostic::at(
                None,
                format!("{what} can only be used in device code"),
                range.clone(),
                "used in code that runs on the host",
            );
            if Some(f) != main {
                d = d.note(format!("`{}` is compiled for the host because `main` calls it", decl(f).name));
            }
            errors
                .push(d.help("thread geometry, barriers, shared memory and atomics only exist inside kernels and the functions they call"));
        }
        for (kid, range) in &units[f].kernel_refs {
            let k = decl(*kid);
            if !k.on_host && !k.host_declared {
                errors.push(Diagnostic::at(
                    Some("E0425"),
                    format!("cannot find kernel `{}` on the host", k.name),
                    range.clone(),
                    "the kernel's `#[cfg]` excludes the host and no `extern \"C\"` block declares it there",
                ));
            }
        }
        for (callee, range) in &units[f].calls {
            let c = decl(*callee);
            if !c.on_host {
                errors.push(Diagnostic::at(
                    Some("E0425"),
                    format!("cannot find function `{}` on the host", c.name),
                    range.clone(),
                    format!("`{}` only exists on the device (its `#[cfg]` excludes the host)", c.name),
                ));
                continue;
            }
            if !sides[*callee].host {
                sides[*callee].host = true;
                queue.push_back(*callee);
            }
        }
    }

    // device: from each kernel; remember which kernel reached a function first
    let mut reached_from: Vec<Option<usize>> = vec![None; n];
    for id in 0..n {
        let f = decl(id);
        // the unit's kind: an offloaded function that is also called directly
        // is a kernel copy next to the ordinary function (`kernels.rs`)
        if units[id].lowered.func.kind == hybrid_ir::FunctionKind::Kernel {
            if !f.on_device {
                errors.push(Diagnostic::at(
                    None,
                    format!("kernel `{}` is not compiled for the device", f.name),
                    f.range.clone(),
                    "its `#[cfg]` excludes the device",
                ));
                continue;
            }
            sides[id].device = true;
            reached_from[id] = Some(id);
            queue.push_back(id);
        }
    }
    // (the drop glue of a `Vec` in device code: the `Vec` itself is reported where it is made)
    let drop_vec = items.library_fn("ptr::drop_vec");
    while let Some(f) = queue.pop_front() {
        let kernel = reached_from[f].map(|k| units[k].lowered.func.name.clone()).unwrap_or_default();
        let name = &units[f].lowered.func.name;
        let vec_glue = drop_vec == Some(units[f].fid);
        for (what, range) in units[f].lowered.facts.host_only.iter().filter(|_| !vec_glue) {
            let mut d = Diagnostic::at(
                None,
                format!("{what} cannot be used in device code"),
                range.clone(),
                format!("not available in kernel `{kernel}`"),
            );
            if *name != kernel {
                d = d.note(format!("`{name}` is compiled for the device because kernel `{kernel}` calls it"));
            }
            errors.push(d);
        }
        for (callee, range) in &units[f].calls {
            let c = decl(*callee);
            // a `Box` is host memory: reported where the program uses one, not inside the library
            if c.name.starts_with("core::boxed::") || c.name.starts_with("<core::boxed::") {
                if !name.starts_with("core::ptr::drop_in_place") {
                    let mut d = Diagnostic::at(
                        None,
                        "`Box` (it lives on the host) cannot be used in device code",
                        range.clone(),
                        format!("not available in kernel `{kernel}`"),
                    );
                    if *name != kernel {
                        d = d.note(format!("`{name}` is compiled for the device because kernel `{kernel}` calls it"));
                    }
                    errors.push(d);
                }
                continue;
            }
            if !c.on_device {
                let mut d = Diagnostic::at(
                    None,
                    format!("kernel `{kernel}` calls `{}`, which only exists on the host", c.name),
                    range.clone(),
                    format!("`{}` is host-only (its `#[cfg]` excludes the device)", c.name),
                )
                .secondary(c.range.clone(), "defined here");
                if *name != kernel {
                    d = d.note(format!("`{name}` is compiled for the device because kernel `{kernel}` calls it"));
                }
                errors.push(d);
                continue;
            }
            if !sides[*callee].device {
                sides[*callee].device = true;
                reached_from[*callee] = reached_from[f];
                queue.push_back(*callee);
            }
        }
    }
    if errors.is_empty() {
        Ok(sides)
    } else {
        Err(errors)
    }
}
