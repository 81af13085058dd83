//! `FunctionCx`: per-function lowering state (builder, locals, loops, imports) and the helpers every lowering file uses.

use std::collections::HashMap;

use cranelift_codegen::ir::{
    self, types, AbiParam, Block, BlockArg, ExtFuncData, ExternalName, FuncRef, GlobalValue, GlobalValueData, InstBuilder, MemFlagsData,
    Signature, StackSlot, StackSlotData, StackSlotKind, TrapCode, UserExternalName, Value,
};
use cranelift_codegen::isa::{TargetFrontendConfig, TargetIsa};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Variable};
use hybrid_ir::{self as hir, Expr, ExprKind, FunctionKind, Handle, Layout, LoopId, Module, Span, Stmt, Type, ValueRepr};

use crate::runtime::{self, Rt};
use crate::{Declared, HostError, ModuleCx, Namespace, Result};
use hybrid_ir::abi::Caller;

/// Which version of a function is being generated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flavor {
    /// Ordinary host code, symbol `abi::host_symbol`.
    Host,
    /// Host fallback of device code, symbol `abi::fallback_symbol`, with a
    /// hidden first parameter `ctx: *const ThreadCtx`.
    Fallback,
}

/// Where a local lives.
#[derive(Clone, Copy, Debug)]
pub enum LocalSlot {
    /// A `()` or `!` local.
    Nothing,
    /// A scalar whose address is never taken.
    Var(Variable),
    /// A scalar defined once (a parameter, or a `let` with an initializer),
    /// never assigned and never address-taken ([`single_definition`]): the
    /// SSA value itself, once its definition has been lowered. It needs no
    /// `Variable`, so no block parameters and no SSA construction.
    Value(Option<Value>),
    /// A stack slot of the local's layout.
    Stack(StackSlot),
    /// A Memory-repr parameter: the address of the caller's copy.
    Addr(Value),
}

/// A lowered value, per `TypeTable::repr`.
#[derive(Clone, Copy, Debug)]
pub enum Val {
    Nothing,
    Scalar(Value),
    /// The address of the bytes (may alias a place: consumers copy).
    Mem(Value),
}

/// A lowered place.
#[derive(Clone, Copy, Debug)]
pub enum Place {
    Nothing,
    Var(Variable),
    /// A [`LocalSlot::Value`] local, read only.
    Value(Value),
    Mem(Value),
}

pub struct LoopFrame {
    pub id: LoopId,
    pub header: Block,
    pub exit: Block,
    /// The loop expression's type (the type of its break values).
    pub ty: Handle<Type>,
}

pub struct FunctionCx<'a, 'b> {
    pub cx: &'a ModuleCx<'a>,
    pub module: &'a Module,
    pub func: &'a hir::Function,
    pub flavor: Flavor,
    pub b: FunctionBuilder<'b>,
    pub locals: Vec<LocalSlot>,
    pub loops: Vec<LoopFrame>,
    /// The `ctx: *const ThreadCtx` parameter (fallback flavor).
    pub ctx_ptr: Option<Value>,
    /// The hidden return pointer when the result is Memory-repr.
    pub sret: Option<Value>,
    func_refs: HashMap<(u32, u32), FuncRef>,
    data_gvs: HashMap<(u32, u32, u32), GlobalValue>,
    local_data_index: HashMap<Vec<u8>, u32>,
    local_data: Vec<Vec<u8>>,
    location_index: HashMap<(u32, u32), u32>,
    locations: Vec<(u32, u32)>,
}

/// What a built function refers to besides functions: its read-only blobs
/// ([`Namespace::LOCAL_DATA`]) and the line and column of each panic
/// location record ([`Namespace::LOCATION`]), in index order.
#[derive(Default)]
pub struct FunctionData {
    pub blobs: Vec<Vec<u8>>,
    pub locations: Vec<(u32, u32)>,
}

pub const PTR: ir::Type = types::I64;

/// The Cranelift type of a Scalar-repr IR type.
pub fn clif_type(module: &Module, ty: Handle<Type>) -> Option<ir::Type> {
    Some(match module.types.get(ty) {
        Type::Scalar(s) => match s.size() {
            1 => types::I8,
            2 => types::I16,
            4 if s.is_float() => types::F32,
            4 => types::I32,
            _ if s.is_float() => types::F64,
            _ => types::I64,
        },
        Type::Pointer { .. } | Type::FnPtr { .. } => PTR,
        _ => return None,
    })
}

/// The signature of an IR function in one flavor.
pub fn signature(module: &Module, isa: &dyn TargetIsa, func: Handle<hir::Function>, flavor: Flavor) -> Signature {
    let f = &module.functions[func];
    let mut sig = Signature::new(isa.default_call_conv());
    if flavor == Flavor::Fallback && f.kind == FunctionKind::Kernel {
        // extern "C" fn(args: *const u64, ctx: *const ThreadCtx)
        sig.params.push(AbiParam::new(PTR));
        sig.params.push(AbiParam::new(PTR));
        return sig;
    }
    if flavor == Flavor::Fallback {
        sig.params.push(AbiParam::new(PTR));
    }
    let params: Vec<Handle<Type>> = f.params.iter().map(|&p| f.locals[p].ty).collect();
    push_params(module, &mut sig, &params, f.ret);
    sig
}

/// The host signature of a function pointer of type `fn(params) -> ret`
/// (a host function's own signature, `signature`'s).
pub fn fn_ptr_signature(module: &Module, isa: &dyn TargetIsa, params: &[Handle<Type>], ret: Handle<Type>) -> Signature {
    let mut sig = Signature::new(isa.default_call_conv());
    push_params(module, &mut sig, params, ret);
    sig
}

fn push_params(module: &Module, sig: &mut Signature, params: &[Handle<Type>], ret: Handle<Type>) {
    if module.types.repr(ret) == ValueRepr::Memory {
        sig.params.push(AbiParam::special(PTR, ir::ArgumentPurpose::StructReturn));
    }
    for &ty in params {
        match module.types.repr(ty) {
            ValueRepr::Nothing => {}
            ValueRepr::Scalar => sig.params.push(AbiParam::new(clif_type(module, ty).expect("scalar"))),
            ValueRepr::Memory => sig.params.push(AbiParam::new(PTR)),
        }
    }
    if let Some(t) = clif_type(module, ret) {
        sig.returns.push(AbiParam::new(t));
    }
}

/// Locals defined exactly once and never assigned: a parameter or a local
/// whose one `let` has an initializer, with no `Assign`, `AssignOp` or
/// `VecPush` of it. (Rust's scoping makes the definition dominate every use.)
fn single_definition(func: &hir::Function) -> Vec<bool> {
    // definitions per local; u32::MAX: assigned or declared without a value
    let mut defs = vec![0u32; func.locals.len()];
    for p in &func.params {
        defs[p.index()] += 1;
    }
    let local_root = |mut place: Handle<Expr>| loop {
        match func.exprs[place].kind {
            ExprKind::Field { base, .. } | ExprKind::Index { base, .. } => place = base,
            ExprKind::Local(l) => return Some(l),
            _ => return None,
        }
    };
    for (_, e) in func.exprs.iter() {
        let written = match &e.kind {
            ExprKind::Block(block) => {
                for stmt in &block.stmts {
                    if let Stmt::Let { local, init } = stmt {
                        let d = &mut defs[local.index()];
                        *d = if init.is_some() { d.saturating_add(1) } else { u32::MAX };
                    }
                }
                None
            }
            ExprKind::Assign { place, .. } | ExprKind::AssignOp { place, .. } => local_root(*place),
            ExprKind::Intrinsic { op: hir::Intrinsic::VecPush, args } => args.first().and_then(|&a| local_root(a)),
            _ => None,
        };
        if let Some(l) = written {
            defs[l.index()] = u32::MAX;
        }
    }
    defs.into_iter().map(|d| d == 1).collect()
}

/// Locals whose address is taken (`AddrOf` of the local or of a projection of it).
fn address_taken(func: &hir::Function) -> Vec<bool> {
    let mut taken = vec![false; func.locals.len()];
    for (_, e) in func.exprs.iter() {
        if let ExprKind::AddrOf { place, .. } = e.kind {
            let mut root = place;
            loop {
                match func.exprs[root].kind {
                    ExprKind::Field { base, .. } | ExprKind::Index { base, .. } => root = base,
                    ExprKind::Local(l) => {
                        taken[l.index()] = true;
                        break;
                    }
                    _ => break,
                }
            }
        }
    }
    taken
}

/// Build the CLIF of one IR function; returns the data it refers to.
pub fn build(
    cx: &ModuleCx,
    handle: Handle<hir::Function>,
    flavor: Flavor,
    clif: &mut ir::Function,
    fctx: &mut FunctionBuilderContext,
) -> Result<FunctionData> {
    let module = cx.module;
    let func = &module.functions[handle];
    let mut b = FunctionBuilder::new(clif, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let params: Vec<Value> = b.block_params(entry).to_vec();
    let mut fcx = FunctionCx {
        cx,
        module,
        func,
        flavor,
        b,
        locals: Vec::with_capacity(func.locals.len()),
        loops: Vec::new(),
        ctx_ptr: None,
        sret: None,
        func_refs: HashMap::new(),
        data_gvs: HashMap::new(),
        local_data_index: HashMap::new(),
        local_data: Vec::new(),
        location_index: HashMap::new(),
        locations: Vec::new(),
    };
    let result = fcx.lower_body(&params);
    let data = FunctionData { blobs: std::mem::take(&mut fcx.local_data), locations: std::mem::take(&mut fcx.locations) };
    if result.is_ok() {
        let config = fcx.config();
        fcx.b.seal_all_blocks();
        fcx.b.finalize(config);
    }
    result.map(|()| data)
}

impl<'a, 'b> FunctionCx<'a, 'b> {
    fn lower_body(&mut self, params: &[Value]) -> Result<()> {
        let taken = address_taken(self.func);
        let single = single_definition(self.func);
        let func = self.func;
        let is_param: Vec<bool> = {
            let mut v = vec![false; func.locals.len()];
            for p in &func.params {
                v[p.index()] = true;
            }
            v
        };
        let kernel_entry = self.flavor == Flavor::Fallback && func.kind == FunctionKind::Kernel;
        for (l, local) in func.locals.iter() {
            let slot = match self.repr(local.ty) {
                ValueRepr::Nothing => LocalSlot::Nothing,
                ValueRepr::Scalar if !taken[l.index()] && single[l.index()] => LocalSlot::Value(None),
                ValueRepr::Scalar if !taken[l.index()] => LocalSlot::Var(self.b.declare_var(self.clif_type(local.ty))),
                ValueRepr::Memory if is_param[l.index()] && !kernel_entry => LocalSlot::Nothing, // set below
                _ => {
                    let layout = self.layout(local.ty);
                    LocalSlot::Stack(self.stack_slot(layout))
                }
            };
            self.locals.push(slot);
        }
        let mut next = params.iter().copied();
        if kernel_entry {
            let args = next.next().expect("args param");
            self.ctx_ptr = next.next();
            self.unpack_kernel_args(args)?;
        } else {
            if self.flavor == Flavor::Fallback {
                self.ctx_ptr = next.next();
            }
            if self.repr(func.ret) == ValueRepr::Memory {
                self.sret = next.next();
            }
            for &p in &func.params {
                let ty = func.locals[p].ty;
                match self.repr(ty) {
                    ValueRepr::Nothing => {}
                    ValueRepr::Scalar => {
                        let v = next.next().expect("scalar param");
                        self.write_local(p, Val::Scalar(v))?;
                    }
                    ValueRepr::Memory => {
                        let v = next.next().expect("memory param");
                        self.locals[p.index()] = LocalSlot::Addr(v);
                    }
                }
            }
        }
        let value = self.expr(func.body)?;
        self.emit_return(value);
        Ok(())
    }

    // ---- types ----

    pub fn repr(&self, ty: Handle<Type>) -> ValueRepr {
        self.module.types.repr(ty)
    }
    pub fn layout(&self, ty: Handle<Type>) -> Layout {
        self.module.types.layout(ty)
    }
    pub fn ty(&self, ty: Handle<Type>) -> &'a Type {
        self.module.types.get(ty)
    }
    /// The Cranelift type of a Scalar-repr type (I64 for anything else: only
    /// reached on compiler bugs the validator should have caught).
    pub fn clif_type(&self, ty: Handle<Type>) -> ir::Type {
        clif_type(self.module, ty).unwrap_or(PTR)
    }
    pub fn expr_of(&self, e: Handle<Expr>) -> &'a Expr {
        &self.func.exprs[e]
    }
    pub fn config(&self) -> TargetFrontendConfig {
        self.cx.isa.frontend_config()
    }

    // ---- errors ----

    pub fn unsupported(&self, what: impl Into<String>) -> HostError {
        HostError::Unsupported { what: what.into(), function: self.func.name.clone() }
    }
    pub fn bug(&self, message: impl Into<String>) -> HostError {
        HostError::Codegen { function: self.func.name.clone(), message: message.into() }
    }

    // ---- values and memory ----

    /// An integer constant; `value` is truncated to the width of `ty`.
    pub fn iconst(&mut self, ty: ir::Type, value: i64) -> Value {
        let bits = ty.bits();
        let masked = if bits >= 64 { value } else { value & ((1i64 << bits) - 1) };
        self.b.ins().iconst(ty, masked)
    }
    pub fn usize_const(&mut self, value: u64) -> Value {
        self.b.ins().iconst(PTR, value as i64)
    }
    pub fn stack_slot(&mut self, layout: Layout) -> StackSlot {
        let size = layout.size.max(1) as u32;
        let align_shift = layout.align.max(1).trailing_zeros() as u8;
        self.b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, size, align_shift))
    }
    /// The address of a fresh stack temporary for a value of `ty`.
    pub fn temp(&mut self, ty: Handle<Type>) -> Value {
        let layout = self.layout(ty);
        self.temp_bytes(layout)
    }
    pub fn temp_bytes(&mut self, layout: Layout) -> Value {
        let slot = self.stack_slot(layout);
        self.b.ins().stack_addr(PTR, slot, 0)
    }
    pub fn flags() -> MemFlagsData {
        MemFlagsData::new()
    }
    pub fn load(&mut self, ty: ir::Type, addr: Value, offset: i32) -> Value {
        self.b.ins().load(ty, Self::flags(), addr, offset)
    }
    pub fn store(&mut self, value: Value, addr: Value, offset: i32) {
        self.b.ins().store(Self::flags(), value, addr, offset);
    }
    /// Copy `layout.size` bytes (the regions may overlap).
    pub fn copy_bytes(&mut self, dst: Value, src: Value, layout: Layout) {
        let align = layout.align.clamp(1, 8) as u8;
        let config = self.config();
        self.b.emit_small_memory_copy(config, dst, src, layout.size, align, align, false, Self::flags());
    }
    pub fn add_offset(&mut self, addr: Value, offset: u64) -> Value {
        if offset == 0 {
            addr
        } else {
            self.b.ins().iadd_imm_s(addr, offset as i64)
        }
    }

    /// The scalar in `val`; a zero of `ty` when `val` has none (only in
    /// unreachable code after a diverging expression).
    pub fn scalar_of(&mut self, val: Val, ty: ir::Type) -> Value {
        match val {
            Val::Scalar(v) => v,
            _ => self.zero(ty),
        }
    }
    pub fn zero(&mut self, ty: ir::Type) -> Value {
        match ty {
            types::F32 => self.b.ins().f32const(0.0),
            types::F64 => self.b.ins().f64const(0.0),
            _ => self.b.ins().iconst(ty, 0),
        }
    }
    /// The address in a Memory value (a null address in unreachable code).
    pub fn addr_of_val(&mut self, val: Val) -> Value {
        match val {
            Val::Mem(a) => a,
            _ => self.zero(PTR),
        }
    }

    /// Store `val` of type `ty` at `addr + offset` (copying Memory values).
    pub fn store_val(&mut self, val: Val, ty: Handle<Type>, addr: Value, offset: u64) {
        match self.repr(ty) {
            ValueRepr::Nothing => {}
            ValueRepr::Scalar => {
                let t = self.clif_type(ty);
                let v = self.scalar_of(val, t);
                self.store(v, addr, offset as i32);
            }
            ValueRepr::Memory => {
                let src = self.addr_of_val(val);
                let dst = self.add_offset(addr, offset);
                let layout = self.layout(ty);
                self.copy_bytes(dst, src, layout);
            }
        }
    }
    /// Read a value of type `ty` stored at `addr` (Memory values stay in place).
    pub fn load_val(&mut self, ty: Handle<Type>, addr: Value) -> Val {
        match self.repr(ty) {
            ValueRepr::Nothing => Val::Nothing,
            ValueRepr::Scalar => {
                let t = self.clif_type(ty);
                Val::Scalar(self.load(t, addr, 0))
            }
            ValueRepr::Memory => Val::Mem(addr),
        }
    }
    /// A Memory value copied into a fresh temporary (so later writes to the
    /// place it came from cannot change it); other values unchanged.
    pub fn materialize(&mut self, val: Val, ty: Handle<Type>) -> Val {
        if self.repr(ty) != ValueRepr::Memory {
            return val;
        }
        let tmp = self.temp(ty);
        self.store_val(val, ty, tmp, 0);
        Val::Mem(tmp)
    }

    // ---- locals and places ----

    pub fn local_place(&mut self, l: Handle<hir::Local>) -> Result<Place> {
        Ok(match self.locals[l.index()] {
            LocalSlot::Nothing => Place::Nothing,
            LocalSlot::Var(v) => Place::Var(v),
            LocalSlot::Value(Some(v)) => Place::Value(v),
            LocalSlot::Value(None) => return Err(self.bug(format!("local `{}` read before its definition", self.func.locals[l].name))),
            LocalSlot::Stack(s) => Place::Mem(self.b.ins().stack_addr(PTR, s, 0)),
            LocalSlot::Addr(a) => Place::Mem(a),
        })
    }
    pub fn write_local(&mut self, l: Handle<hir::Local>, val: Val) -> Result<()> {
        let ty = self.func.locals[l].ty;
        if let LocalSlot::Value(_) = self.locals[l.index()] {
            let t = self.clif_type(ty);
            self.locals[l.index()] = LocalSlot::Value(Some(self.scalar_of(val, t)));
            return Ok(());
        }
        let place = self.local_place(l)?;
        self.write_place(place, val, ty)
    }
    pub fn write_place(&mut self, place: Place, val: Val, ty: Handle<Type>) -> Result<()> {
        match place {
            Place::Nothing => {}
            Place::Value(_) => return Err(self.bug("assignment to a local defined once")),
            Place::Var(var) => {
                let t = self.clif_type(ty);
                let v = self.scalar_of(val, t);
                self.b.def_var(var, v);
            }
            Place::Mem(addr) => self.store_val(val, ty, addr, 0),
        }
        Ok(())
    }
    pub fn read_place(&mut self, place: Place, ty: Handle<Type>) -> Val {
        match place {
            Place::Nothing => Val::Nothing,
            Place::Var(var) => Val::Scalar(self.b.use_var(var)),
            Place::Value(v) => Val::Scalar(v),
            Place::Mem(addr) => self.load_val(ty, addr),
        }
    }

    // ---- control flow ----

    /// Continue in a fresh block with no predecessors (after a terminator).
    pub fn dead_block(&mut self) {
        let block = self.b.create_block();
        self.b.switch_to_block(block);
    }
    /// Add the block parameter that carries a value of `ty` into `block`.
    pub fn result_param(&mut self, block: Block, ty: Handle<Type>) -> Option<Value> {
        match self.repr(ty) {
            ValueRepr::Nothing => None,
            ValueRepr::Scalar => {
                let t = self.clif_type(ty);
                Some(self.b.append_block_param(block, t))
            }
            ValueRepr::Memory => Some(self.b.append_block_param(block, PTR)),
        }
    }
    /// Jump to `block`, passing `val` if the block carries a value of `ty`.
    pub fn jump_with(&mut self, block: Block, val: Val, ty: Handle<Type>) {
        match self.repr(ty) {
            ValueRepr::Nothing => {
                self.b.ins().jump(block, &[]);
            }
            ValueRepr::Scalar => {
                let t = self.clif_type(ty);
                let v = self.scalar_of(val, t);
                self.b.ins().jump(block, &[BlockArg::Value(v)]);
            }
            ValueRepr::Memory => {
                let a = self.addr_of_val(val);
                self.b.ins().jump(block, &[BlockArg::Value(a)]);
            }
        }
    }
    pub fn val_from_param(&self, param: Option<Value>, ty: Handle<Type>) -> Val {
        match (self.repr(ty), param) {
            (ValueRepr::Scalar, Some(v)) => Val::Scalar(v),
            (ValueRepr::Memory, Some(v)) => Val::Mem(v),
            _ => Val::Nothing,
        }
    }
    pub fn emit_return(&mut self, val: Val) {
        let ret = self.func.ret;
        if matches!(self.ty(ret), Type::Never) {
            self.b.ins().trap(TrapCode::unwrap_user(1));
            return;
        }
        match self.repr(ret) {
            ValueRepr::Nothing => {
                self.b.ins().return_(&[]);
            }
            ValueRepr::Scalar => {
                let t = self.clif_type(ret);
                let v = self.scalar_of(val, t);
                self.b.ins().return_(&[v]);
            }
            ValueRepr::Memory => {
                let sret = self.sret.expect("sret param");
                self.store_val(val, ret, sret, 0);
                self.b.ins().return_(&[]);
            }
        }
    }
    /// Branch to a cold block that runs `panic` (which must not return) when
    /// `cond` is nonzero; continue in a fresh block otherwise.
    pub fn panic_if(&mut self, cond: Value, panic: impl FnOnce(&mut Self)) {
        if self.const_int(cond) == Some(0) {
            return;
        }
        let cold = self.b.create_block();
        let cont = self.b.create_block();
        self.b.set_cold_block(cold);
        self.b.ins().brif(cond, cold, &[], cont, &[]);
        self.b.switch_to_block(cold);
        panic(self);
        self.b.ins().trap(TrapCode::unwrap_user(1));
        self.b.switch_to_block(cont);
    }

    // ---- calls and symbols ----

    fn import(&mut self, namespace: u32, index: u32, signature: Signature, colocated: bool) -> FuncRef {
        if let Some(r) = self.func_refs.get(&(namespace, index)) {
            return *r;
        }
        let sig = self.b.import_signature(signature);
        let name = self.b.func.declare_imported_user_function(UserExternalName { namespace, index });
        let r = self.b.import_function(ExtFuncData { name: ExternalName::user(name), signature: sig, colocated, patchable: false });
        self.func_refs.insert((namespace, index), r);
        r
    }
    pub fn runtime_ref(&mut self, rt: Rt) -> FuncRef {
        let caller = match self.flavor {
            Flavor::Host => Caller::Host,
            Flavor::Fallback => Caller::Fallback,
        };
        debug_assert!(rt.info().called_by(caller), "{} is not called by {caller:?} code (runtime ABI table)", rt.name());
        let sig = runtime::signature(rt.info(), self.cx.isa.default_call_conv());
        self.import(Namespace::RUNTIME, rt.index(), sig, false)
    }
    pub fn call_rt(&mut self, rt: Rt, args: &[Value]) -> Option<Value> {
        let f = self.runtime_ref(rt);
        let inst = self.b.ins().call(f, args);
        self.b.inst_results(inst).first().copied()
    }
    pub fn declared_ref(&mut self, declared: &Declared) -> FuncRef {
        self.import(Namespace::FUNC, declared.id.as_u32(), declared.signature.clone(), true)
    }
    /// The address `offset` bytes into data object `(namespace, index)`.
    fn data_value(&mut self, namespace: u32, index: u32, offset: u32) -> Value {
        let gv = match self.data_gvs.get(&(namespace, index, offset)) {
            Some(gv) => *gv,
            None => {
                let name = self.b.func.declare_imported_user_function(UserExternalName { namespace, index });
                // (an offset in the value, not in the relocation: with PIC
                // the relocation addend would move within the GOT)
                let gv = self.b.create_global_value(GlobalValueData::Symbol {
                    name: ExternalName::user(name),
                    offset: ir::immediates::Imm64::new(offset as i64),
                    colocated: true,
                    tls: false,
                });
                self.data_gvs.insert((namespace, index, offset), gv);
                gv
            }
        };
        self.b.ins().symbol_value(PTR, gv)
    }
    /// The address of read-only `bytes` (deduplicated per function here and
    /// across functions when defined).
    pub fn bytes_addr(&mut self, bytes: &[u8]) -> Value {
        let index = match self.local_data_index.get(bytes) {
            Some(i) => *i,
            None => {
                let i = self.local_data.len() as u32;
                self.local_data.push(bytes.to_vec());
                self.local_data_index.insert(bytes.to_vec(), i);
                i
            }
        };
        self.data_value(Namespace::LOCAL_DATA, index, 0)
    }
    /// The address of `span`'s panic location record (`abi::location`),
    /// for the panic functions: record `k` of the function's location table
    /// ([`Namespace::LOCATION`]), which the unit defines.
    pub fn location(&mut self, span: Span) -> Value {
        let key = (span.line, span.col);
        let index = match self.location_index.get(&key) {
            Some(i) => *i,
            None => {
                let i = self.locations.len() as u32;
                self.locations.push(key);
                self.location_index.insert(key, i);
                i
            }
        };
        self.data_value(Namespace::LOCATION, 0, index * hybrid_ir::abi::location::SIZE)
    }
    /// `hybrid_panic_msg(code, location)`; the caller terminates the block.
    pub fn panic_msg(&mut self, code: i32, span: Span) {
        let code = self.iconst(types::I32, code as i64);
        let loc = self.location(span);
        self.call_rt(Rt::PanicMsg, &[code, loc]);
    }
}
