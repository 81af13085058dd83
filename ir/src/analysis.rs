//! Small whole-module facts backends and the driver read from the IR (pure,
//! no mutation): which kernels may reach a block barrier, and the block size
//! every launch of a kernel gives.

use crate::arena::Handle;
use crate::func::{Expr, ExprKind, Function, Intrinsic, Literal, Module};
use crate::types::Type;

/// True if `kernel`, or any function it calls directly or transitively,
/// contains `Intrinsic::SyncThreads` anywhere in its body. Conservative: an
/// expression counts even if it is unreachable at run time. The host fallback
/// runs the blocks of such a kernel with one OS thread per block thread (a real
/// barrier), the others with sequential threads
/// (`abi::ENTRY_FLAG_USES_BARRIER`).
pub fn kernel_may_sync(module: &Module, kernel: Handle<Function>) -> bool {
    let mut visited = vec![false; module.functions.len()];
    let mut stack = vec![kernel];
    while let Some(func) = stack.pop() {
        if std::mem::replace(&mut visited[func.index()], true) {
            continue;
        }
        for (_, expr) in module.functions[func].exprs.iter() {
            match &expr.kind {
                ExprKind::Intrinsic { op: Intrinsic::SyncThreads, .. } => return true,
                ExprKind::Call { func: callee, .. } if !visited[callee.index()] => stack.push(*callee),
                _ => {}
            }
        }
    }
    false
}

/// The block size (threads per block, x y z) of every launch of `kernel`,
/// when the module launches it at least once and every `Offload` of it
/// passes the same integer constants (literals, or integer casts of them that
/// keep the value); `None` otherwise. The device backend turns it into the
/// `maxntid` launch bound, which must never be smaller than a real launch:
/// anything not provably constant gives `None`.
pub fn kernel_block_size(module: &Module, kernel: Handle<Function>) -> Option<[u32; 3]> {
    let mut found: Option<[u32; 3]> = None;
    for (_, func) in module.functions.iter() {
        for (_, expr) in func.exprs.iter() {
            let ExprKind::Offload { kernel: launched, threads, .. } = &expr.kind else { continue };
            if *launched != kernel {
                continue;
            }
            let mut size = [0u32; 3];
            for (axis, &t) in threads.iter().enumerate() {
                let value = constant_int(module, func, t)?;
                size[axis] = u32::try_from(value).ok().filter(|&v| v > 0)?;
            }
            match found {
                Some(previous) if previous != size => return None,
                _ => found = Some(size),
            }
        }
    }
    found
}

/// The value of an integer constant expression of `func`: a literal of an
/// integer type, or a cast between integer types of one that the cast does
/// not change (non-negative and fitting the target). `None` for anything else.
fn constant_int(module: &Module, func: &Function, expr: Handle<Expr>) -> Option<u64> {
    let e = &func.exprs[expr];
    let Type::Scalar(scalar) = module.types.get(e.ty) else { return None };
    if !scalar.is_int() {
        return None;
    }
    let bits = scalar.bits();
    let value = match &e.kind {
        ExprKind::Literal(Literal::Int(v)) => *v,
        ExprKind::Cast { value } => constant_int(module, func, *value)?,
        _ => return None,
    };
    // non-negative in the expression's own type, and representable in it
    let limit = if scalar.is_signed() { bits - 1 } else { bits };
    (limit >= 64 || value < (1u64 << limit)).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::func::{Block, Expr, FunctionKind, Sides, Span, Stmt};
    use crate::Arena;

    /// A function of kind `kind` whose body evaluates `calls` then, if
    /// `sync`, `sync_threads()`.
    fn function(module: &mut Module, name: &str, kind: FunctionKind, calls: &[Handle<Function>], sync: bool) -> Handle<Function> {
        let unit = module.types.unit();
        let mut exprs = Arena::new();
        let mut stmts = Vec::new();
        for &func in calls {
            let call = exprs.append(Expr { kind: ExprKind::Call { func, args: Vec::new() }, ty: unit, span: Span::default() });
            stmts.push(Stmt::Expr(call));
        }
        if sync {
            let kind = ExprKind::Intrinsic { op: Intrinsic::SyncThreads, args: Vec::new() };
            stmts.push(Stmt::Expr(exprs.append(Expr { kind, ty: unit, span: Span::default() })));
        }
        let body = exprs.append(Expr { kind: ExprKind::Block(Block { stmts, tail: None }), ty: unit, span: Span::default() });
        module.functions.append(Function {
            name: name.to_string(),
            kind,
            sides: Sides { host: false, device: true },
            params: Vec::new(),
            ret: unit,
            locals: Arena::new(),
            exprs,
            body,
            span: Span::default(),
        })
    }

    #[test]
    fn direct_and_transitive_barriers_are_found() {
        let mut m = Module::new("t.rs");
        let leaf_sync = function(&mut m, "leaf_sync", FunctionKind::Normal, &[], true);
        let leaf_plain = function(&mut m, "leaf_plain", FunctionKind::Normal, &[], false);
        let middle = function(&mut m, "middle", FunctionKind::Normal, &[leaf_plain, leaf_sync], false);
        let direct = function(&mut m, "direct", FunctionKind::Kernel, &[], true);
        let transitive = function(&mut m, "transitive", FunctionKind::Kernel, &[middle], false);
        let plain = function(&mut m, "plain", FunctionKind::Kernel, &[leaf_plain, leaf_plain], false);
        assert!(kernel_may_sync(&m, direct));
        assert!(kernel_may_sync(&m, transitive));
        assert!(!kernel_may_sync(&m, plain));
    }

    #[test]
    fn recursion_terminates() {
        let mut m = Module::new("t.rs");
        // `a` calls itself (the callee handle is the next one appended).
        let next = Handle::from_index(m.functions.len());
        let a = function(&mut m, "a", FunctionKind::Kernel, &[next], false);
        assert_eq!(a, next);
        assert!(!kernel_may_sync(&m, a));
    }
}
