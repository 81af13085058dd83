//! Expressions as values: literals, operators with Rust's semantics, casts, calls, aggregates and structured control flow.

use hybrid_ir::{BinaryOp, Block, Expr, ExprKind, Handle, Literal, Scalar, Stmt, Type, UnaryOp, ValueRepr};
use inkwell::types::BasicType;
use inkwell::values::{BasicValueEnum, IntValue};
use inkwell::{FloatPredicate, IntPredicate};

use crate::lower::function::{Flow, FnLowering, LoopFrame, Lower, Val};
use crate::lower::target::{Check, Failure, Flavor, Target};

impl<'m, 'a, 'ctx> FnLowering<'m, 'a, 'ctx> {
    pub fn expr(&self, e: Handle<Expr>) -> &'a Expr {
        &self.ir.exprs[e]
    }

    /// Lower `e` as a value. `Err(Flow::Diverged)` when control cannot
    /// continue after it (the current block is then terminated).
    pub fn value(&mut self, e: Handle<Expr>) -> Lower<Val<'ctx>> {
        let expr = self.expr(e);
        let t = self.types();
        match &expr.kind {
            ExprKind::Literal(lit) => self.literal(lit, expr),
            ExprKind::Local(_) | ExprKind::Deref(_) | ExprKind::Field { .. } | ExprKind::Index { .. } => {
                // A Field of a non-place aggregate is still an address computation.
                let addr = self.place_or_address(e)?;
                self.load(addr, expr.ty)
            }
            ExprKind::Unary { op, operand } => {
                let v = self.scalar(*operand)?;
                self.unary(*op, v, expr).map(Val::Scalar)
            }
            ExprKind::Binary { op, lhs, rhs } => {
                let l = self.scalar(*lhs)?;
                let r = self.scalar(*rhs)?;
                let lty = self.expr(*lhs).ty;
                let rty = self.expr(*rhs).ty;
                self.binary(*op, l, r, lty, rty, expr).map(Val::Scalar)
            }
            ExprKind::Cast { value } => {
                let from = self.expr(*value).ty;
                let v = self.scalar(*value)?;
                self.cast(v, from, expr.ty, expr).map(Val::Scalar)
            }
            ExprKind::Call { func, args } => self.call(*func, args, expr),
            ExprKind::CallIndirect { callee, args } if self.flavor == Flavor::Host => self.call_indirect(*callee, args, expr),
            ExprKind::CallIndirect { .. } => Err(self.unsupported("calls through function pointers in device code", expr.span)),
            ExprKind::FnAddr(func) => match self.m.functions.get(&(*func, Flavor::Host)).filter(|_| self.flavor == Flavor::Host) {
                Some(f) => Ok(Val::Scalar(f.as_global_value().as_pointer_value().into())),
                None => Err(self.unsupported("function pointers in device code", expr.span)),
            },
            ExprKind::Intrinsic { op, args } => self.intrinsic_call(*op, args, expr),
            ExprKind::AddrOf { place, .. } => {
                let addr = self.place(*place)?;
                Ok(Val::Scalar(addr.into()))
            }
            ExprKind::SliceRange { base, start, end } => self.slice_range(*base, *start, *end, expr),
            ExprKind::Assign { place, value } => {
                // Rust evaluates the assigned value first, then the place.
                let ty = self.expr(*place).ty;
                let v = self.value(*value)?;
                let addr = self.place(*place)?;
                self.store(addr, ty, v)?;
                Ok(Val::Unit)
            }
            ExprKind::AssignOp { op, place, value } => {
                let pty = self.expr(*place).ty;
                let vty = self.expr(*value).ty;
                let r = self.scalar(*value)?;
                let addr = self.place(*place)?;
                let l = match self.load(addr, pty)? {
                    Val::Scalar(v) => v,
                    _ => return Err(self.internal("compound assignment to a non-scalar place").into()),
                };
                let v = self.binary(*op, l, r, pty, vty, expr)?;
                self.store(addr, pty, Val::Scalar(v))?;
                Ok(Val::Unit)
            }
            ExprKind::Block(block) => self.block(block),
            ExprKind::If { cond, then, otherwise } => self.if_else(*cond, *then, *otherwise, expr),
            ExprKind::Loop { body, id } => self.lower_loop(*body, *id, expr),
            ExprKind::Break { target, value } => {
                let v = match value {
                    Some(v) => self.value(*v)?,
                    None => Val::Unit,
                };
                let frame = self.loop_frame(*target)?;
                let (exit, slot, ty) = (frame.exit, frame.slot, frame.ty);
                if let Some(slot) = slot {
                    self.store(slot, ty, v)?;
                }
                self.builder.build_unconditional_branch(exit)?;
                Err(Flow::Diverged)
            }
            ExprKind::Continue { target } => {
                let body = self.loop_frame(*target)?.body;
                self.flush_faults()?;
                self.builder.build_unconditional_branch(body)?;
                Err(Flow::Diverged)
            }
            ExprKind::Return(value) => {
                let v = match value {
                    Some(v) => self.value(*v)?,
                    None => Val::Unit,
                };
                self.emit_return(v)?;
                Err(Flow::Diverged)
            }
            ExprKind::Tuple(items) | ExprKind::Struct { fields: items } => {
                let offsets = t.table.field_offsets(expr.ty);
                let types = t.table.field_types(expr.ty);
                let slot = self.alloca(expr.ty)?;
                for ((item, offset), ty) in items.iter().zip(offsets).zip(types) {
                    let v = self.value(*item)?;
                    let addr = self.byte_offset(slot, offset)?;
                    self.store(addr, ty, v)?;
                }
                Ok(Val::Mem(slot))
            }
            ExprKind::Array(items) => {
                let Type::Array { elem, .. } = *t.table.get(expr.ty) else {
                    return Err(self.internal("array literal of non-array type").into());
                };
                let size = t.layout(elem).size;
                let slot = self.alloca(expr.ty)?;
                for (i, item) in items.iter().enumerate() {
                    let v = self.value(*item)?;
                    let addr = self.byte_offset(slot, i as u64 * size)?;
                    self.store(addr, elem, v)?;
                }
                Ok(Val::Mem(slot))
            }
            ExprKind::ArrayRepeat { value, count } => self.array_repeat(*value, *count, expr),
            ExprKind::StaticBytes(bytes) if self.m.target == Target::Host => {
                let bytes: &[u8] = if bytes.is_empty() { &[0] } else { bytes };
                Ok(Val::Scalar(self.string_constant(bytes).into()))
            }
            ExprKind::StaticBytes(_) => Err(self.unsupported("string literals in device code", expr.span)),
            ExprKind::Print { target, pieces, newline } if self.m.target == Target::Host => {
                self.print(*target, pieces, *newline, expr.span)
            }
            // a panic on the device: a trap (the shim reports the kernel; the
            // message is printed in host fallback, where kernels run as host code)
            ExprKind::Print { target: hybrid_ir::PrintTarget::Panic, .. } => {
                self.emit_trap()?;
                Err(Flow::Diverged)
            }
            ExprKind::Print { .. } => Err(self.unsupported("printing (`println!` and friends)", expr.span)),
            ExprKind::Offload { kernel, blocks, threads, dyn_cache, device, args } if self.flavor == Flavor::Host => {
                self.offload(*kernel, blocks, threads, *dyn_cache, *device, args)
            }
            ExprKind::Offload { .. } => Err(self.unsupported("offload from device code", expr.span)),
        }
    }

    /// Lower `e` and expect one SSA value.
    pub fn scalar(&mut self, e: Handle<Expr>) -> Lower<BasicValueEnum<'ctx>> {
        match self.value(e)? {
            Val::Scalar(v) => Ok(v),
            other => Err(self.internal(format!("expected a scalar value for {e:?}, got {other:?}")).into()),
        }
    }

    /// Lower `e` and expect an address (a Memory value).
    pub fn address(&mut self, e: Handle<Expr>) -> Lower<inkwell::values::PointerValue<'ctx>> {
        match self.value(e)? {
            Val::Mem(p) => Ok(p),
            other => Err(self.internal(format!("expected a memory value for {e:?}, got {other:?}")).into()),
        }
    }

    fn literal(&self, lit: &Literal, expr: &Expr) -> Lower<Val<'ctx>> {
        let t = self.types();
        Ok(match lit {
            Literal::Unit => Val::Unit,
            Literal::Bool(b) => Val::Scalar(self.context().bool_type().const_int(*b as u64, false).into()),
            Literal::Int(bits) => match t.value_type(expr.ty) {
                Some(ty) if ty.is_int_type() => Val::Scalar(ty.into_int_type().const_int(*bits, false).into()),
                // a null `fn` pointer (an enum's placeholder field)
                Some(ty) if ty.is_pointer_type() && *bits == 0 => Val::Scalar(ty.into_pointer_type().const_null().into()),
                _ => return Err(self.internal("integer literal of a non-integer type").into()),
            },
            Literal::Float(x) => match t.value_type(expr.ty) {
                Some(ty) if ty.is_float_type() => Val::Scalar(ty.into_float_type().const_float(*x).into()),
                _ => return Err(self.internal("float literal of a non-float type").into()),
            },
        })
    }

    fn unary(&mut self, op: UnaryOp, v: BasicValueEnum<'ctx>, expr: &Expr) -> Lower<BasicValueEnum<'ctx>> {
        Ok(match (op, v) {
            (UnaryOp::Neg, BasicValueEnum::FloatValue(x)) => self.builder.build_float_neg(x, "")?.into(),
            (UnaryOp::Neg, BasicValueEnum::IntValue(x)) => self.builder.build_int_neg(x, "")?.into(),
            (UnaryOp::Not, BasicValueEnum::IntValue(x)) => self.builder.build_not(x, "")?.into(),
            _ => return Err(self.unsupported(format!("unary {op:?} on this type"), expr.span)),
        })
    }

    /// `lhs op rhs` with Rust's semantics; `lty`/`rty` are the operand types.
    pub fn binary(
        &mut self,
        op: BinaryOp,
        l: BasicValueEnum<'ctx>,
        r: BasicValueEnum<'ctx>,
        lty: Handle<Type>,
        rty: Handle<Type>,
        expr: &Expr,
    ) -> Lower<BasicValueEnum<'ctx>> {
        let t = self.types();
        let b = &self.builder;
        if let (BasicValueEnum::FloatValue(x), BasicValueEnum::FloatValue(y)) = (l, r) {
            // Plain IEEE operations: no fast-math flags, no contraction.
            return Ok(match op {
                BinaryOp::Add => b.build_float_add(x, y, "")?.into(),
                BinaryOp::Sub => b.build_float_sub(x, y, "")?.into(),
                BinaryOp::Mul => b.build_float_mul(x, y, "")?.into(),
                BinaryOp::Div => b.build_float_div(x, y, "")?.into(),
                // Not `frem`: NVPTX expands it as x - trunc(x/y)*y, which is
                // not Rust's exact fmod. The device libm's is musl's, exact.
                BinaryOp::Rem => {
                    let f32 = x.get_type() == self.context().f32_type();
                    let symbol = match (self.m.target, f32) {
                        (Target::Nvptx, true) => "__hy_fmodf",
                        (Target::Nvptx, false) => "__hy_fmod",
                        // glibc's, like hybrid-cranelift.
                        (Target::Host, true) => "fmodf",
                        (Target::Host, false) => "fmod",
                    };
                    return self.call_libm(symbol, &[x.into(), y.into()]);
                }
                _ if op.is_comparison() => {
                    let pred = match op {
                        BinaryOp::Eq => FloatPredicate::OEQ,
                        BinaryOp::Ne => FloatPredicate::UNE,
                        BinaryOp::Lt => FloatPredicate::OLT,
                        BinaryOp::Le => FloatPredicate::OLE,
                        BinaryOp::Gt => FloatPredicate::OGT,
                        _ => FloatPredicate::OGE,
                    };
                    b.build_float_compare(pred, x, y, "")?.into()
                }
                _ => return Err(self.unsupported(format!("`{}` on floats", op.symbol()), expr.span)),
            });
        }
        if let (BasicValueEnum::PointerValue(x), BasicValueEnum::PointerValue(y)) = (l, r) {
            let pred = match op {
                BinaryOp::Eq => IntPredicate::EQ,
                BinaryOp::Ne => IntPredicate::NE,
                BinaryOp::Lt => IntPredicate::ULT,
                BinaryOp::Le => IntPredicate::ULE,
                BinaryOp::Gt => IntPredicate::UGT,
                BinaryOp::Ge => IntPredicate::UGE,
                _ => return Err(self.unsupported(format!("`{}` on pointers", op.symbol()), expr.span)),
            };
            let i64t = t.i64();
            let x = b.build_ptr_to_int(x, i64t, "")?;
            let y = b.build_ptr_to_int(y, i64t, "")?;
            return Ok(b.build_int_compare(pred, x, y, "")?.into());
        }
        let (BasicValueEnum::IntValue(x), BasicValueEnum::IntValue(y)) = (l, r) else {
            return Err(self.internal(format!("operands of `{}` have mismatched kinds", op.symbol())).into());
        };
        // bool compares as unsigned (false < true).
        let signed = t.scalar_of(lty).is_some_and(|s| s.is_signed());
        Ok(match op {
            BinaryOp::Add => b.build_int_add(x, y, "")?.into(),
            BinaryOp::Sub => b.build_int_sub(x, y, "")?.into(),
            BinaryOp::Mul => b.build_int_mul(x, y, "")?.into(),
            BinaryOp::Div | BinaryOp::Rem => self.int_div_rem(op, x, y, signed, expr)?.into(),
            BinaryOp::BitAnd => b.build_and(x, y, "")?.into(),
            BinaryOp::BitOr => b.build_or(x, y, "")?.into(),
            BinaryOp::BitXor => b.build_xor(x, y, "")?.into(),
            BinaryOp::Shl | BinaryOp::Shr => {
                let _ = rty;
                let width = x.get_type().get_bit_width();
                // Truncating or zero-extending keeps the low bits, which are all the mask keeps.
                let amount = b.build_int_cast_sign_flag(y, x.get_type(), false, "")?;
                let mask = x.get_type().const_int(width as u64 - 1, false);
                let amount = b.build_and(amount, mask, "")?;
                if op == BinaryOp::Shl {
                    b.build_left_shift(x, amount, "")?.into()
                } else {
                    b.build_right_shift(x, amount, signed, "")?.into()
                }
            }
            _ => {
                let pred = match (op, signed) {
                    (BinaryOp::Eq, _) => IntPredicate::EQ,
                    (BinaryOp::Ne, _) => IntPredicate::NE,
                    (BinaryOp::Lt, true) => IntPredicate::SLT,
                    (BinaryOp::Lt, false) => IntPredicate::ULT,
                    (BinaryOp::Le, true) => IntPredicate::SLE,
                    (BinaryOp::Le, false) => IntPredicate::ULE,
                    (BinaryOp::Gt, true) => IntPredicate::SGT,
                    (BinaryOp::Gt, false) => IntPredicate::UGT,
                    (BinaryOp::Ge, true) => IntPredicate::SGE,
                    _ => IntPredicate::UGE,
                };
                b.build_int_compare(pred, x, y, "")?.into()
            }
        })
    }

    /// Integer `/` and `%`: Rust's panic (a trap on the device) on a zero
    /// divisor and on `MIN / -1`.
    fn int_div_rem(&mut self, op: BinaryOp, x: IntValue<'ctx>, y: IntValue<'ctx>, signed: bool, expr: &Expr) -> Lower<IntValue<'ctx>> {
        let ty = x.get_type();
        let zero = ty.const_zero();
        let is_div = op == BinaryOp::Div;
        let is_zero = self.builder.build_int_compare(IntPredicate::EQ, y, zero, "")?;
        let code = if is_div { hybrid_ir::abi::PANIC_DIV_ZERO } else { hybrid_ir::abi::PANIC_REM_ZERO };
        self.check(is_zero, Failure { check: Check::Message(code), span: expr.span })?;
        if signed {
            let min = ty.const_int(1u64 << (ty.get_bit_width() - 1), false);
            let is_min = self.builder.build_int_compare(IntPredicate::EQ, x, min, "")?;
            let is_minus_one = self.builder.build_int_compare(IntPredicate::EQ, y, ty.const_all_ones(), "")?;
            let overflow = self.builder.build_and(is_min, is_minus_one, "")?;
            let code = if is_div { hybrid_ir::abi::PANIC_DIV_OVERFLOW } else { hybrid_ir::abi::PANIC_REM_OVERFLOW };
            self.check(overflow, Failure { check: Check::Message(code), span: expr.span })?;
        }
        let b = &self.builder;
        Ok(match (op, signed) {
            (BinaryOp::Div, true) => b.build_int_signed_div(x, y, "")?,
            (BinaryOp::Div, false) => b.build_int_unsigned_div(x, y, "")?,
            (_, true) => b.build_int_signed_rem(x, y, "")?,
            (_, false) => b.build_int_unsigned_rem(x, y, "")?,
        })
    }

    /// `value as to`: Rust's numeric casts (float to int saturating), bool to int, pointer casts.
    pub fn cast(&mut self, v: BasicValueEnum<'ctx>, from: Handle<Type>, to: Handle<Type>, expr: &Expr) -> Lower<BasicValueEnum<'ctx>> {
        let t = self.types();
        let b = &self.builder;
        let Some(to_ll) = t.value_type(to) else {
            return Err(self.unsupported(format!("cast to `{}`", t.table.display(to)), expr.span));
        };
        let from_s = t.scalar_of(from);
        let to_s = t.scalar_of(to);
        Ok(match (v, to_ll) {
            (BasicValueEnum::IntValue(x), inkwell::types::BasicTypeEnum::IntType(it)) => {
                if to_s == Some(Scalar::Bool) && from_s != Some(Scalar::Bool) {
                    return Err(self.unsupported("cast of an integer to bool", expr.span));
                }
                let signed = from_s.is_some_and(|s| s.is_signed());
                b.build_int_cast_sign_flag(x, it, signed, "")?.into()
            }
            (BasicValueEnum::IntValue(x), inkwell::types::BasicTypeEnum::FloatType(ft)) => {
                if from_s.is_some_and(|s| s.is_signed()) {
                    b.build_signed_int_to_float(x, ft, "")?.into()
                } else {
                    b.build_unsigned_int_to_float(x, ft, "")?.into()
                }
            }
            (BasicValueEnum::FloatValue(x), inkwell::types::BasicTypeEnum::FloatType(ft)) => b.build_float_cast(x, ft, "")?.into(),
            (BasicValueEnum::FloatValue(x), inkwell::types::BasicTypeEnum::IntType(it)) => {
                let name = if to_s.is_some_and(|s| s.is_signed()) { "llvm.fptosi.sat" } else { "llvm.fptoui.sat" };
                if to_s == Some(Scalar::Bool) {
                    return Err(self.unsupported("cast of a float to bool", expr.span));
                }
                self.call_intrinsic(name, &[it.as_basic_type_enum(), x.get_type().as_basic_type_enum()], &[x.into()])?
            }
            (BasicValueEnum::PointerValue(p), inkwell::types::BasicTypeEnum::PointerType(_)) => p.into(),
            (BasicValueEnum::PointerValue(p), inkwell::types::BasicTypeEnum::IntType(it)) => {
                let addr = b.build_ptr_to_int(p, t.i64(), "")?;
                b.build_int_cast_sign_flag(addr, it, false, "")?.into()
            }
            (BasicValueEnum::IntValue(x), inkwell::types::BasicTypeEnum::PointerType(pt)) => {
                let signed = from_s.is_some_and(|s| s.is_signed());
                let addr = b.build_int_cast_sign_flag(x, t.i64(), signed, "")?;
                b.build_int_to_ptr(addr, pt, "")?.into()
            }
            _ => {
                let what = format!("cast from `{}` to `{}`", t.table.display(from), t.table.display(to));
                return Err(self.unsupported(what, expr.span));
            }
        })
    }

    fn call(&mut self, func: Handle<hybrid_ir::Function>, args: &[Handle<Expr>], expr: &Expr) -> Lower<Val<'ctx>> {
        let callee_ir = &self.m.ir.functions[func];
        let Some(&callee) = self.m.functions.get(&(func, self.flavor)) else {
            let side = if self.flavor == Flavor::Host { "device-only" } else { "host-only" };
            return Err(self.unsupported(format!("call of {side} `{}`", callee_ir.name), expr.span));
        };
        self.call_to(Ok(callee), callee_ir.ret, args)
    }

    /// A call through a function pointer (host code).
    fn call_indirect(&mut self, callee: Handle<Expr>, args: &[Handle<Expr>], expr: &Expr) -> Lower<Val<'ctx>> {
        let Type::FnPtr { params, ret } = self.types().table.get(self.expr(callee).ty).clone() else {
            return Err(self.unsupported("an indirect call of a value that is not a function pointer", expr.span));
        };
        let fn_type = super::function::function_type(self.m, &params, ret, Flavor::Host);
        let Val::Scalar(addr) = self.value(callee)? else {
            return Err(self.unsupported("a function pointer that is not a scalar", expr.span));
        };
        self.call_to(Err((fn_type, addr.into_pointer_value())), ret, args)
    }

    /// A direct call of a function, or an indirect one (its type and address).
    fn call_to(
        &mut self,
        callee: Result<inkwell::values::FunctionValue<'ctx>, (inkwell::types::FunctionType<'ctx>, inkwell::values::PointerValue<'ctx>)>,
        ret: Handle<Type>,
        args: &[Handle<Expr>],
    ) -> Lower<Val<'ctx>> {
        let t = self.types();
        let mut llargs = Vec::new();
        if let Some(ctx) = self.ctx.filter(|_| self.flavor == Flavor::Fallback) {
            llargs.push(ctx.into());
        }
        let sret = if t.repr(ret) == ValueRepr::Memory {
            let slot = self.alloca(ret)?;
            llargs.push(slot.into());
            Some(slot)
        } else {
            None
        };
        for &a in args {
            let ty = self.expr(a).ty;
            match self.value(a)? {
                Val::Unit => {}
                Val::Scalar(v) => llargs.push(v.into()),
                // The callee owns a copy.
                v @ Val::Mem(_) => llargs.push(self.materialize(v, ty)?.into()),
            }
        }
        let call = match callee {
            Ok(f) => self.builder.build_direct_call(f, &llargs, "")?,
            Err((fn_type, addr)) => self.builder.build_indirect_call(fn_type, addr, &llargs, "")?,
        };
        if matches!(t.table.get(ret), Type::Never) {
            self.builder.build_unreachable()?;
            return Err(Flow::Diverged);
        }
        Ok(match (sret, call.try_as_basic_value().basic()) {
            (Some(slot), _) => Val::Mem(slot),
            (None, Some(v)) => Val::Scalar(v),
            (None, None) => Val::Unit,
        })
    }

    /// Statements, then the tail. A diverging statement ends the block: the
    /// rest is unreachable and not lowered.
    pub fn block(&mut self, block: &Block) -> Lower<Val<'ctx>> {
        for stmt in &block.stmts {
            match stmt {
                Stmt::Let { local, init } => {
                    let ty = self.ir.locals[*local].ty;
                    let slot = self.local_slot(*local)?;
                    if let Some(init) = init {
                        let v = self.value(*init)?;
                        self.store(slot, ty, v)?;
                    }
                }
                Stmt::Expr(e) => {
                    self.value(*e)?;
                }
            }
        }
        match block.tail {
            Some(tail) => self.value(tail),
            None => Ok(Val::Unit),
        }
    }

    /// A slot for a result of `ty` that several paths store into; `None` for `()`/`!`.
    fn result_slot(&self, ty: Handle<Type>) -> Lower<Option<inkwell::values::PointerValue<'ctx>>> {
        Ok(match self.types().repr(ty) {
            ValueRepr::Nothing => None,
            _ => Some(self.alloca(ty)?),
        })
    }

    fn if_else(&mut self, cond: Handle<Expr>, then: Handle<Expr>, otherwise: Option<Handle<Expr>>, expr: &Expr) -> Lower<Val<'ctx>> {
        let c = self.scalar(cond)?.into_int_value();
        let slot = self.result_slot(expr.ty)?;
        let then_bb = self.context().append_basic_block(self.llfn, "then");
        let else_bb = self.context().append_basic_block(self.llfn, "else");
        let merge_bb = self.context().append_basic_block(self.llfn, "endif");
        self.builder.build_conditional_branch(c, then_bb, else_bb)?;
        let mut reached = false;
        // An arm whose sibling diverges (`while c { body }` is `if c { body }
        // else { break }`) is the rest of the loop, not a conditional region.
        let t = self.types();
        let diverges = |arm: Option<Handle<Expr>>| arm.is_some_and(|a| matches!(t.table.get(self.expr(a).ty), Type::Never));
        let conditional = [!diverges(otherwise), !diverges(Some(then))];
        for (k, (bb, arm)) in [(then_bb, Some(then)), (else_bb, otherwise)].into_iter().enumerate() {
            self.builder.position_at_end(bb);
            let v = match arm {
                Some(arm) => {
                    let counted = conditional[k];
                    if let Some(arms) = self.arms_in_loop.last_mut().filter(|_| counted) {
                        *arms += 1;
                    }
                    let v = self.value(arm);
                    if let Some(arms) = self.arms_in_loop.last_mut().filter(|_| counted) {
                        *arms -= 1;
                    }
                    v
                }
                None => Ok(Val::Unit),
            };
            match v {
                Ok(v) => {
                    if let Some(slot) = slot {
                        self.store(slot, expr.ty, v)?;
                    }
                    self.builder.build_unconditional_branch(merge_bb)?;
                    reached = true;
                }
                Err(Flow::Diverged) => {}
                Err(e) => return Err(e),
            }
        }
        if let Some(last) = self.llfn.get_last_basic_block().filter(|&b| b != merge_bb) {
            let _ = merge_bb.move_after(last);
        }
        self.builder.position_at_end(merge_bb);
        if !reached {
            self.builder.build_unreachable()?;
            return Err(Flow::Diverged);
        }
        match slot {
            Some(slot) => self.load(slot, expr.ty),
            None => Ok(Val::Unit),
        }
    }

    fn lower_loop(&mut self, body: Handle<Expr>, id: hybrid_ir::LoopId, expr: &Expr) -> Lower<Val<'ctx>> {
        let slot = self.result_slot(expr.ty)?;
        let body_bb = self.context().append_basic_block(self.llfn, "loop");
        let exit_bb = self.context().append_basic_block(self.llfn, "endloop");
        // Deferred checks before the loop trap here, not at every back edge.
        self.flush_faults()?;
        self.builder.build_unconditional_branch(body_bb)?;
        self.builder.position_at_end(body_bb);
        self.loops.push(LoopFrame { id, body: body_bb, exit: exit_bb, slot, ty: expr.ty });
        self.arms_in_loop.push(0);
        let result = self.value(body);
        self.arms_in_loop.pop();
        self.loops.pop();
        match result {
            Ok(_) => {
                self.flush_faults()?;
                self.builder.build_unconditional_branch(body_bb)?;
            }
            Err(Flow::Diverged) => {}
            Err(e) => return Err(e),
        }
        if let Some(last) = self.llfn.get_last_basic_block().filter(|&b| b != exit_bb) {
            // Keep blocks in source order in the IR text.
            let _ = exit_bb.move_after(last);
        }
        self.builder.position_at_end(exit_bb);
        if exit_bb.get_first_use().is_none() {
            // Nothing breaks out: the loop never ends.
            self.builder.build_unreachable()?;
            return Err(Flow::Diverged);
        }
        match slot {
            Some(slot) => self.load(slot, expr.ty),
            None => Ok(Val::Unit),
        }
    }

    /// `[value; count]`: a loop storing copies of the value.
    fn array_repeat(&mut self, value: Handle<Expr>, count: u64, expr: &Expr) -> Lower<Val<'ctx>> {
        let Type::Array { elem, .. } = *self.types().table.get(expr.ty) else {
            return Err(self.internal("array repeat of non-array type").into());
        };
        let slot = self.alloca(expr.ty)?;
        let v = self.value(value)?;
        if count == 0 {
            return Ok(Val::Mem(slot));
        }
        let i64t = self.types().i64();
        let pre = self.builder.get_insert_block().ok_or_else(|| Flow::Error(self.internal("no insert block")))?;
        let body_bb = self.context().append_basic_block(self.llfn, "fill");
        let done_bb = self.context().append_basic_block(self.llfn, "filled");
        self.builder.build_unconditional_branch(body_bb)?;
        self.builder.position_at_end(body_bb);
        let i = self.builder.build_phi(i64t, "")?;
        let iv = i.as_basic_value().into_int_value();
        let addr = self.element_addr(slot, elem, iv)?;
        self.store(addr, elem, v)?;
        let next = self.builder.build_int_add(iv, i64t.const_int(1, false), "")?;
        let more = self.builder.build_int_compare(IntPredicate::ULT, next, i64t.const_int(count, false), "")?;
        let latch = self.builder.get_insert_block().ok_or_else(|| Flow::Error(self.internal("no insert block")))?;
        i.add_incoming(&[(&i64t.const_zero(), pre), (&next, latch)]);
        self.builder.build_conditional_branch(more, body_bb, done_bb)?;
        self.builder.position_at_end(done_bb);
        Ok(Val::Mem(slot))
    }
}
