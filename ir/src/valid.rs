//! The validator: checks the invariants of `func` so that backends never fail
//! on user input. A failure here is a front-end bug, reported as such.

use crate::arena::Handle;
use crate::func::*;
use crate::types::Type;

#[derive(Debug, thiserror::Error)]
pub enum ValidationError {
    #[error("function `{func}`: {message}")]
    Function { func: String, message: String },
    #[error("shared array {index}: {message}")]
    SharedArray { index: usize, message: String },
}

/// The invariants of `Module::shared_arrays`.
fn check_shared_arrays(module: &Module) -> Result<(), ValidationError> {
    let mut end = 0u64;
    for (index, a) in module.shared_arrays.iter().enumerate() {
        let err = |message: String| ValidationError::SharedArray { index, message };
        if !module.types.types.contains(a.ty) {
            return Err(err("type handle out of range".into()));
        }
        if !matches!(module.types.get(a.ty), Type::Array { .. }) {
            return Err(err(format!("type `{}` is not an array", module.types.display(a.ty))));
        }
        let layout = module.types.layout(a.ty);
        if a.offset < end || a.offset % layout.align.max(4) != 0 {
            return Err(err(format!("offset {} overlaps or is misaligned", a.offset)));
        }
        end = a.offset + layout.size;
    }
    Ok(())
}

/// Check every function of `module`.
pub fn validate(module: &Module) -> Result<(), ValidationError> {
    check_shared_arrays(module)?;
    for (_, func) in module.functions.iter() {
        FunctionValidator { module, func }.run().map_err(|message| ValidationError::Function { func: func.name.clone(), message })?;
    }
    Ok(())
}

struct FunctionValidator<'a> {
    module: &'a Module,
    func: &'a Function,
}

impl FunctionValidator<'_> {
    fn run(&self) -> Result<(), String> {
        let f = self.func;
        let types = &self.module.types;
        if !types.types.contains(f.ret) {
            return Err("return type handle out of range".into());
        }
        for &p in &f.params {
            if !f.locals.contains(p) {
                return Err("parameter local out of range".into());
            }
        }
        if f.kind == FunctionKind::Kernel {
            if !matches!(types.get(f.ret), Type::Unit) {
                return Err("a kernel must return ()".into());
            }
            for &p in &f.params {
                if crate::abi::kernel_param_slots(types, f.locals[p].ty).is_none() {
                    return Err(format!("kernel parameter `{}` has an unsupported type", f.locals[p].name));
                }
            }
        }
        if !f.exprs.contains(f.body) {
            return Err("body out of range".into());
        }
        for (h, expr) in f.exprs.iter() {
            self.check_expr(h, expr)?;
        }
        Ok(())
    }

    fn handle(&self, e: Handle<Expr>) -> Result<(), String> {
        if self.func.exprs.contains(e) {
            Ok(())
        } else {
            Err(format!("expression handle {e:?} out of range"))
        }
    }

    fn place(&self, e: Handle<Expr>) -> Result<(), String> {
        self.handle(e)?;
        if self.func.exprs[e].kind.is_place() {
            Ok(())
        } else {
            Err(format!("expression {e:?} is used as a place but is not one"))
        }
    }

    fn check_expr(&self, h: Handle<Expr>, expr: &Expr) -> Result<(), String> {
        let types = &self.module.types;
        if !types.types.contains(expr.ty) {
            return Err(format!("type of {h:?} out of range"));
        }
        let device = self.func.sides.device;
        let mut operands: Vec<Handle<Expr>> = Vec::new();
        match &expr.kind {
            ExprKind::Literal(_) | ExprKind::Continue { .. } => {}
            ExprKind::StaticBytes(_) => {
                if device {
                    return Err("static bytes (a string literal) in device code".into());
                }
            }
            ExprKind::Local(l) => {
                if !self.func.locals.contains(*l) {
                    return Err(format!("local {l:?} out of range"));
                }
            }
            ExprKind::Unary { operand, .. } => operands.push(*operand),
            ExprKind::Binary { lhs, rhs, .. } => operands.extend([*lhs, *rhs]),
            ExprKind::Cast { value } => operands.push(*value),
            ExprKind::Call { func, args } => {
                if !self.module.functions.contains(*func) {
                    return Err("call of a function out of range".into());
                }
                let callee = &self.module.functions[*func];
                if callee.params.len() != args.len() {
                    return Err(format!("call of `{}` with {} arguments", callee.name, args.len()));
                }
                if callee.kind == FunctionKind::Kernel {
                    return Err(format!("direct call of kernel `{}`", callee.name));
                }
                if device && !callee.sides.device {
                    return Err(format!("device code calls host-only `{}`", callee.name));
                }
                operands.extend(args.iter().copied());
            }
            ExprKind::CallIndirect { callee, args } => {
                if device {
                    return Err("indirect call (a function pointer) in device code".into());
                }
                let Type::FnPtr { params, .. } = types.get(self.func.exprs[*callee].ty) else {
                    return Err("indirect call of a value that is not a function pointer".into());
                };
                if params.len() != args.len() {
                    return Err(format!("indirect call with {} arguments for {} parameters", args.len(), params.len()));
                }
                operands.push(*callee);
                operands.extend(args.iter().copied());
            }
            ExprKind::FnAddr(func) => {
                if device {
                    return Err("function address in device code".into());
                }
                if !self.module.functions.contains(*func) {
                    return Err("address of a function out of range".into());
                }
                let callee = &self.module.functions[*func];
                // (a function no side reaches is not compiled: neither is its thunk)
                if callee.kind == FunctionKind::Kernel || (self.func.sides.host && !callee.sides.host) {
                    return Err(format!("address of `{}`, which is not a host function", callee.name));
                }
                let Type::FnPtr { params, ret } = types.get(expr.ty) else {
                    return Err("function address whose type is not a function pointer".into());
                };
                let own: Vec<_> = callee.params.iter().map(|&l| callee.locals[l].ty).collect();
                if *params != own || *ret != callee.ret {
                    return Err(format!("address of `{}` with another signature", callee.name));
                }
            }
            ExprKind::Intrinsic { op, args } => {
                if device && op.is_host_only() {
                    return Err(format!("host-only intrinsic {op:?} in device code"));
                }
                if !device && op.is_device_only() {
                    return Err(format!("device-only intrinsic {op:?} in host code"));
                }
                if op.is_device_only() {
                    self.check_device_intrinsic(*op, args, expr.ty)?;
                }
                if let Intrinsic::HostCall(f) = op {
                    let arg_tys: Vec<_> = args.iter().map(|&a| self.func.exprs[a].ty).collect();
                    crate::host_call::check(&self.module.types, *f, &arg_tys, expr.ty)?;
                }
                operands.extend(args.iter().copied());
            }
            ExprKind::Field { base, .. } => operands.push(*base),
            ExprKind::Index { base, index } => operands.extend([*base, *index]),
            ExprKind::Deref(p) => operands.push(*p),
            ExprKind::AddrOf { place, .. } => self.place(*place)?,
            ExprKind::SliceRange { base, start, end } => {
                operands.push(*base);
                operands.extend(start.iter().chain(end.iter()).copied());
            }
            ExprKind::Assign { place, value } | ExprKind::AssignOp { place, value, .. } => {
                self.place(*place)?;
                operands.push(*value);
            }
            ExprKind::Block(block) => {
                for stmt in &block.stmts {
                    match stmt {
                        Stmt::Let { local, init } => {
                            if !self.func.locals.contains(*local) {
                                return Err(format!("let of local {local:?} out of range"));
                            }
                            operands.extend(init.iter().copied());
                        }
                        Stmt::Expr(e) => operands.push(*e),
                    }
                }
                operands.extend(block.tail.iter().copied());
            }
            ExprKind::If { cond, then, otherwise } => {
                operands.extend([*cond, *then]);
                operands.extend(otherwise.iter().copied());
            }
            ExprKind::Loop { body, .. } => operands.push(*body),
            ExprKind::Break { value, .. } | ExprKind::Return(value) => operands.extend(value.iter().copied()),
            ExprKind::Tuple(items) | ExprKind::Array(items) | ExprKind::Struct { fields: items } => operands.extend(items.iter().copied()),
            ExprKind::ArrayRepeat { value, .. } => operands.push(*value),
            ExprKind::Print { pieces, target, .. } => {
                // (a panic is a trap on the device)
                if device && *target != crate::PrintTarget::Panic {
                    return Err("printing in device code".into());
                }
                for piece in pieces {
                    if let FmtPiece::Arg { value, .. } = piece {
                        operands.push(*value);
                    }
                }
            }
            ExprKind::Offload { kernel, blocks, threads, dyn_cache, device: dev, args } => {
                if device {
                    return Err("offload from device code".into());
                }
                if self.module.functions[*kernel].kind != FunctionKind::Kernel {
                    return Err("offload of a function that is not a kernel".into());
                }
                if self.module.functions[*kernel].params.len() != args.len() {
                    return Err("offload with the wrong number of arguments".into());
                }
                operands.extend(blocks.iter().chain(threads.iter()).copied());
                operands.extend([*dyn_cache, *dev]);
                operands.extend(args.iter().copied());
            }
        }
        for op in operands {
            self.handle(op)?;
        }
        Ok(())
    }

    /// Argument and result types of `Atomic`, `SharedArray`, `DynSharedMem`.
    fn check_device_intrinsic(&self, op: Intrinsic, args: &[Handle<Expr>], ty: Handle<Type>) -> Result<(), String> {
        let types = &self.module.types;
        for &a in args {
            self.handle(a)?;
        }
        let pointee = |t: Handle<Type>| match types.get(t) {
            Type::Pointer { pointee, .. } => Some(*pointee),
            _ => None,
        };
        match op {
            Intrinsic::SharedArray(i) => {
                let Some(array) = self.module.shared_arrays.get(i as usize) else {
                    return Err(format!("shared array {i} out of range"));
                };
                if !args.is_empty() || pointee(ty) != Some(array.ty) {
                    return Err(format!("SharedArray({i}) must be `() -> *mut {}`", types.display(array.ty)));
                }
            }
            Intrinsic::Bitcast => {
                let numeric = |t: Handle<Type>| types.as_scalar(t).filter(|s| *s != crate::types::Scalar::Bool);
                let from = args.first().and_then(|&a| numeric(self.func.exprs[a].ty));
                match (args.len(), from, numeric(ty)) {
                    (1, Some(a), Some(b)) if a.size() == b.size() => {}
                    _ => return Err("Bitcast must be `(A) -> B` of numeric scalars of one size".into()),
                }
            }
            Intrinsic::DynSharedMem if !args.is_empty() || pointee(ty).is_none() => {
                return Err("DynSharedMem must be `() -> *mut T`".into());
            }
            Intrinsic::Atomic(a) => {
                let arity = if a == AtomicOp::Cas { 3 } else { 2 };
                let Some(s) = types.as_scalar(ty) else {
                    return Err(format!("atomic {a:?} of non-scalar type `{}`", types.display(ty)));
                };
                let allowed = match a {
                    AtomicOp::Add | AtomicOp::Exch => s.size() >= 4 && s != crate::types::Scalar::Bool,
                    AtomicOp::Min | AtomicOp::Max | AtomicOp::Cas => s.size() >= 4 && s.is_int(),
                };
                let ok = allowed
                    && args.len() == arity
                    && pointee(self.func.exprs[args[0]].ty) == Some(ty)
                    && args[1..].iter().all(|&v| self.func.exprs[v].ty == ty);
                if !ok {
                    return Err(format!(
                        "atomic {a:?} must be `(*mut T{}) -> T` with T a 32/64-bit {}, found T = `{}`",
                        ", T".repeat(arity - 1),
                        if matches!(a, AtomicOp::Add | AtomicOp::Exch) { "integer or float" } else { "integer" },
                        types.display(ty)
                    ));
                }
            }
            _ => {}
        }
        Ok(())
    }
}
