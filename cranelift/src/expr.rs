//! Expression lowering: literals, blocks and control flow, calls, assignments and aggregate literals.

use cranelift_codegen::ir::{types, InstBuilder, TrapCode, Value};
use hybrid_ir::{Block as IrBlock, Expr, ExprKind, Handle, Literal, Stmt, Type, ValueRepr};

use crate::function::{Flavor, FunctionCx, LocalSlot, LoopFrame, Place, Val, PTR};
use crate::Result;

impl FunctionCx<'_, '_> {
    /// Lower an expression to its value.
    pub fn expr(&mut self, e: Handle<Expr>) -> Result<Val> {
        let expr = self.expr_of(e);
        match &expr.kind {
            ExprKind::Literal(lit) => Ok(self.literal(lit, expr.ty)),
            ExprKind::Local(_) | ExprKind::Deref(_) | ExprKind::Field { .. } | ExprKind::Index { .. } => {
                let place = self.place(e)?;
                Ok(self.read_place(place, expr.ty))
            }
            ExprKind::Unary { op, operand } => {
                let v = self.expr(*operand)?;
                self.unary(*op, v, expr.ty)
            }
            ExprKind::Binary { op, lhs, rhs } => {
                let l = self.expr(*lhs)?;
                let r = self.expr(*rhs)?;
                let lhs_ty = self.expr_of(*lhs).ty;
                let rhs_ty = self.expr_of(*rhs).ty;
                Ok(Val::Scalar(self.binary(*op, l, r, lhs_ty, rhs_ty, expr.span)?))
            }
            ExprKind::Cast { value } => {
                let v = self.expr(*value)?;
                let from = self.expr_of(*value).ty;
                self.cast(v, from, expr.ty)
            }
            ExprKind::Call { func, args } => self.call(*func, args, expr.ty, None),
            ExprKind::CallIndirect { callee, args } => self.call_indirect(*callee, args, expr.ty, None),
            ExprKind::FnAddr(func) => {
                let Some(declared) = self.cx.declared(*func, Flavor::Host).filter(|_| self.flavor == Flavor::Host) else {
                    return Err(self.bug(format!("address of `{}` outside host code", self.module.functions[*func].name)));
                };
                let func_ref = self.declared_ref(declared);
                Ok(Val::Scalar(self.b.ins().func_addr(PTR, func_ref)))
            }
            ExprKind::Intrinsic { op, args } => self.intrinsic(*op, args, expr),
            ExprKind::AddrOf { place, .. } => match self.place(*place)? {
                Place::Mem(addr) => Ok(Val::Scalar(addr)),
                // a zero-sized value has no storage: a dangling, aligned, non-null
                // address, as rustc gives it (nothing is read through it)
                Place::Nothing => Ok(Val::Scalar(self.iconst(PTR, 8))),
                Place::Var(_) | Place::Value(_) => Err(self.bug("address of a local that lives in a register or has no storage")),
            },
            ExprKind::SliceRange { base, start, end } => self.slice_range(*base, *start, *end, expr),
            ExprKind::Assign { place, value } => {
                // Rust evaluates the assigned value before the place.
                let v = self.expr(*value)?;
                let place_ty = self.expr_of(*place).ty;
                let p = self.place(*place)?;
                self.write_place(p, v, place_ty)?;
                Ok(Val::Nothing)
            }
            ExprKind::AssignOp { op, place, value } => {
                let v = self.expr(*value)?;
                let place_ty = self.expr_of(*place).ty;
                let value_ty = self.expr_of(*value).ty;
                let p = self.place(*place)?;
                let current = self.read_place(p, place_ty);
                let r = self.binary(*op, current, v, place_ty, value_ty, expr.span)?;
                self.write_place(p, Val::Scalar(r), place_ty)?;
                Ok(Val::Nothing)
            }
            ExprKind::Block(block) => self.block(block),
            ExprKind::If { cond, then, otherwise } => self.if_expr(*cond, *then, *otherwise, expr.ty),
            ExprKind::Loop { body, id } => {
                let header = self.b.create_block();
                let exit = self.b.create_block();
                let param = self.result_param(exit, expr.ty);
                self.b.ins().jump(header, &[]);
                self.b.switch_to_block(header);
                self.loops.push(LoopFrame { id: *id, header, exit, ty: expr.ty });
                let body_result = self.expr(*body);
                self.loops.pop();
                body_result?;
                self.b.ins().jump(header, &[]);
                self.b.switch_to_block(exit);
                Ok(self.val_from_param(param, expr.ty))
            }
            ExprKind::Break { target, value } => {
                let frame = self.loops.iter().rev().find(|f| f.id == *target).map(|f| (f.exit, f.ty));
                let (exit, ty) = frame.ok_or_else(|| self.bug("break out of a loop that does not enclose it"))?;
                let v = match value {
                    Some(v) => self.expr(*v)?,
                    None => Val::Nothing,
                };
                self.jump_with(exit, v, ty);
                self.dead_block();
                Ok(Val::Nothing)
            }
            ExprKind::Continue { target } => {
                let frame = self.loops.iter().rev().find(|f| f.id == *target).map(|f| f.header);
                let header = frame.ok_or_else(|| self.bug("continue of a loop that does not enclose it"))?;
                self.b.ins().jump(header, &[]);
                self.dead_block();
                Ok(Val::Nothing)
            }
            ExprKind::Return(value) => {
                let v = match value {
                    Some(v) => self.expr(*v)?,
                    None => Val::Nothing,
                };
                self.emit_return(v);
                self.dead_block();
                Ok(Val::Nothing)
            }
            ExprKind::Tuple(_) | ExprKind::Struct { .. } | ExprKind::Array(_) | ExprKind::ArrayRepeat { .. } => {
                let tmp = self.temp(expr.ty);
                self.aggregate_into(e, tmp)?;
                Ok(Val::Mem(tmp))
            }
            // (an empty literal still gets an address: one NUL byte)
            ExprKind::StaticBytes(bytes) if bytes.is_empty() => Ok(Val::Scalar(self.bytes_addr(&[0]))),
            ExprKind::StaticBytes(bytes) => Ok(Val::Scalar(self.bytes_addr(bytes))),
            ExprKind::Print { target, pieces, newline } => {
                self.print(*target, pieces, *newline, expr.span)?;
                Ok(Val::Nothing)
            }
            ExprKind::Offload { kernel, blocks, threads, dyn_cache, device, args } => {
                if self.flavor != Flavor::Host {
                    return Err(self.unsupported("offload from device code"));
                }
                self.offload(*kernel, blocks, threads, *dyn_cache, *device, args)?;
                Ok(Val::Nothing)
            }
        }
    }

    fn literal(&mut self, lit: &Literal, ty: Handle<Type>) -> Val {
        match lit {
            Literal::Unit => Val::Nothing,
            Literal::Bool(b) => Val::Scalar(self.iconst(types::I8, *b as i64)),
            Literal::Int(bits) => {
                let t = self.clif_type(ty);
                if t.is_float() {
                    // FIXME(front): an integer literal typed as a float; read as its value.
                    let v = if t == types::F32 { self.b.ins().f32const(*bits as f32) } else { self.b.ins().f64const(*bits as f64) };
                    return Val::Scalar(v);
                }
                let width = t.bits();
                let masked = if width >= 64 { *bits } else { *bits & ((1u64 << width) - 1) };
                Val::Scalar(self.iconst(t, masked as i64))
            }
            Literal::Float(f) => {
                let t = self.clif_type(ty);
                Val::Scalar(if t == types::F32 { self.b.ins().f32const(*f as f32) } else { self.b.ins().f64const(*f) })
            }
        }
    }

    pub fn block(&mut self, block: &IrBlock) -> Result<Val> {
        for stmt in &block.stmts {
            match stmt {
                Stmt::Let { local, init } => {
                    if let Some(init) = init {
                        self.init_local(*local, *init)?;
                    }
                }
                Stmt::Expr(e) => {
                    self.expr(*e)?;
                }
            }
        }
        match block.tail {
            Some(tail) => self.expr(tail),
            None => Ok(Val::Nothing),
        }
    }

    fn if_expr(&mut self, cond: Handle<Expr>, then: Handle<Expr>, otherwise: Option<Handle<Expr>>, ty: Handle<Type>) -> Result<Val> {
        let c = self.expr(cond)?;
        let c = self.scalar_of(c, types::I8);
        if let Some(known) = self.const_int(c) {
            // only the branch taken is lowered (see `fold`)
            return match (known != 0, otherwise) {
                (true, _) => self.expr(then),
                (false, Some(e)) => self.expr(e),
                (false, None) => Ok(Val::Nothing),
            };
        }
        let then_block = self.b.create_block();
        let else_block = self.b.create_block();
        let merge = self.b.create_block();
        let param = self.result_param(merge, ty);
        self.b.ins().brif(c, then_block, &[], else_block, &[]);
        self.b.switch_to_block(then_block);
        let v = self.expr(then)?;
        self.jump_with(merge, v, ty);
        self.b.switch_to_block(else_block);
        let v = match otherwise {
            Some(e) => self.expr(e)?,
            None => Val::Nothing,
        };
        self.jump_with(merge, v, ty);
        self.b.switch_to_block(merge);
        Ok(self.val_from_param(param, ty))
    }

    /// `let local = init`. Aggregate literals and calls returning Memory
    /// values are built in the local's own stack slot: a new binding cannot
    /// be referenced by its initializer, so no temporary is needed.
    fn init_local(&mut self, local: Handle<hybrid_ir::Local>, init: Handle<Expr>) -> Result<()> {
        if let LocalSlot::Stack(slot) = self.locals[local.index()] {
            let init_expr = self.expr_of(init);
            if self.repr(init_expr.ty) == ValueRepr::Memory {
                match &init_expr.kind {
                    ExprKind::Tuple(_) | ExprKind::Struct { .. } | ExprKind::Array(_) | ExprKind::ArrayRepeat { .. } => {
                        let dst = self.b.ins().stack_addr(PTR, slot, 0);
                        return self.aggregate_into(init, dst);
                    }
                    ExprKind::Call { func, args } => {
                        let dst = self.b.ins().stack_addr(PTR, slot, 0);
                        self.call(*func, args, init_expr.ty, Some(dst))?;
                        return Ok(());
                    }
                    _ => {}
                }
            }
        }
        let v = self.expr(init)?;
        self.write_local(local, v)
    }

    /// Build the aggregate literal `e` at `dst`, element by element.
    fn aggregate_into(&mut self, e: Handle<Expr>, dst: Value) -> Result<()> {
        let expr = self.expr_of(e);
        match &expr.kind {
            ExprKind::Tuple(items) | ExprKind::Struct { fields: items } => {
                let offsets = self.module.types.field_offsets(expr.ty);
                let field_types = self.module.types.field_types(expr.ty);
                if offsets.len() != items.len() || field_types.len() != items.len() {
                    return Err(self.bug("aggregate literal does not match its type"));
                }
                for ((item, offset), ty) in items.iter().zip(offsets).zip(field_types) {
                    let v = self.expr(*item)?;
                    self.store_val(v, ty, dst, offset);
                }
            }
            ExprKind::Array(items) => {
                let elem = self.array_elem(expr.ty)?;
                let stride = self.layout(elem).size;
                for (i, item) in items.iter().enumerate() {
                    let v = self.expr(*item)?;
                    self.store_val(v, elem, dst, i as u64 * stride);
                }
            }
            ExprKind::ArrayRepeat { value, count } => {
                let elem = self.array_elem(expr.ty)?;
                let v = self.expr(*value)?;
                self.fill_array(dst, v, elem, *count);
            }
            _ => return Err(self.bug("aggregate_into of a non-aggregate")),
        }
        Ok(())
    }

    fn call(&mut self, callee: Handle<hybrid_ir::Function>, args: &[Handle<Expr>], ret: Handle<Type>, dest: Option<Value>) -> Result<Val> {
        let Some(declared) = self.cx.declared(callee, self.flavor) else {
            let side = if self.flavor == Flavor::Host { "host" } else { "device" };
            return Err(self.bug(format!("call of `{}`, which is not compiled for the {side} side", self.module.functions[callee].name)));
        };
        let func_ref = self.declared_ref(declared);
        self.call_to(Some(func_ref), None, args, ret, dest)
    }

    /// A call through a function pointer (host code only).
    fn call_indirect(&mut self, callee: Handle<Expr>, args: &[Handle<Expr>], ret: Handle<Type>, dest: Option<Value>) -> Result<Val> {
        if self.flavor != Flavor::Host {
            return Err(self.bug("an indirect call outside host code"));
        }
        let Type::FnPtr { params, ret: fret } = self.ty(self.expr_of(callee).ty).clone() else {
            return Err(self.bug("an indirect call of a value that is not a function pointer"));
        };
        let sig = crate::function::fn_ptr_signature(self.module, &*self.cx.isa, &params, fret);
        let sig = self.b.import_signature(sig);
        let v = self.expr(callee)?;
        let addr = self.scalar_of(v, PTR);
        self.call_to(None, Some((sig, addr)), args, ret, dest)
    }

    /// A direct call of `func_ref`, or an indirect one of `(signature, address)`.
    fn call_to(
        &mut self,
        func_ref: Option<cranelift_codegen::ir::FuncRef>,
        indirect: Option<(cranelift_codegen::ir::SigRef, Value)>,
        args: &[Handle<Expr>],
        ret: Handle<Type>,
        dest: Option<Value>,
    ) -> Result<Val> {
        let mut values: Vec<Value> = Vec::with_capacity(args.len() + 2);
        if self.flavor == Flavor::Fallback {
            values.push(self.ctx_ptr.expect("ctx param"));
        }
        let sret = (self.repr(ret) == ValueRepr::Memory).then(|| dest.unwrap_or_else(|| self.temp(ret)));
        values.extend(sret);
        for &arg in args {
            let v = self.expr(arg)?;
            let ty = self.expr_of(arg).ty;
            match self.repr(ty) {
                ValueRepr::Nothing => {}
                ValueRepr::Scalar => {
                    let t = self.clif_type(ty);
                    values.push(self.scalar_of(v, t));
                }
                ValueRepr::Memory => {
                    // The callee owns (and may mutate) a copy made now.
                    let copy = self.temp(ty);
                    self.store_val(v, ty, copy, 0);
                    values.push(copy);
                }
            }
        }
        let inst = match (func_ref, indirect) {
            (Some(f), _) => self.b.ins().call(f, &values),
            (None, Some((sig, addr))) => self.b.ins().call_indirect(sig, addr, &values),
            (None, None) => return Err(self.bug("a call without a callee")),
        };
        if matches!(self.ty(ret), Type::Never) {
            self.b.ins().trap(TrapCode::unwrap_user(1));
            self.dead_block();
            return Ok(Val::Nothing);
        }
        Ok(match self.repr(ret) {
            ValueRepr::Nothing => Val::Nothing,
            ValueRepr::Scalar => Val::Scalar(self.b.inst_results(inst)[0]),
            ValueRepr::Memory => Val::Mem(sret.expect("sret temp")),
        })
    }

    fn array_elem(&self, ty: Handle<Type>) -> Result<Handle<Type>> {
        match self.ty(ty) {
            Type::Array { elem, .. } => Ok(*elem),
            _ => Err(self.bug("array literal of a non-array type")),
        }
    }

    /// Store `count` copies of `v` into the array at `dst`.
    pub fn fill_array(&mut self, dst: Value, v: Val, elem: Handle<Type>, count: u64) {
        let stride = self.layout(elem).size;
        if count == 0 || stride == 0 {
            return;
        }
        if count <= 8 {
            for i in 0..count {
                self.store_val(v, elem, dst, i * stride);
            }
            return;
        }
        // do { store v at p; p += stride } while p < end
        let end = self.add_offset(dst, count * stride);
        let body = self.b.create_block();
        let done = self.b.create_block();
        let p = self.b.append_block_param(body, PTR);
        self.b.ins().jump(body, &[dst.into()]);
        self.b.switch_to_block(body);
        self.store_val(v, elem, p, 0);
        let next = self.b.ins().iadd_imm_s(p, stride as i64);
        let more = self.b.ins().icmp(cranelift_codegen::ir::condcodes::IntCC::UnsignedLessThan, next, end);
        self.b.ins().brif(more, body, &[next.into()], done, &[]);
        self.b.switch_to_block(done);
    }
}
