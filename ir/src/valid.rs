//! The validator: checks the invariants of `func` so that backends never fail
//! on user input. A failure here is a front-end bug, reported as such.

use crate::arena::Handle;
use crate::func::*;
use crate::types::Type;

#[derive(Debug, thiserror::Error)]
pub enum ValidationError {
    #[error("function `{func}`: {message}")]
    Function { func: String, message: String },
}

/// Check every function of `module`.
pub fn validate(module: &Module) -> Result<(), ValidationError> {
    for (_, func) in module.functions.iter() {
        FunctionValidator { module, func }.run().map_err(|message| ValidationError::Function {
            func: func.name.clone(),
            message,
        })?;
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
            ExprKind::Intrinsic { op, args } => {
                let host_only = matches!(
                    op,
                    Intrinsic::VecNew
                        | Intrinsic::VecWithCapacity
                        | Intrinsic::VecFromElem
                        | Intrinsic::VecPush
                        | Intrinsic::VecLen
                        | Intrinsic::VecToSlice
                        | Intrinsic::Exit
                );
                if device && host_only {
                    return Err(format!("host-only intrinsic {op:?} in device code"));
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
            ExprKind::Tuple(items) | ExprKind::Array(items) | ExprKind::Struct { fields: items } => {
                operands.extend(items.iter().copied())
            }
            ExprKind::ArrayRepeat { value, .. } => operands.push(*value),
            ExprKind::Print { pieces, .. } => {
                if device {
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
}
