//! A tiny hand-written IR builder for the device backend's tests (the front end is developed separately).
#![allow(dead_code)]

use hybrid_ir::*;

pub struct ModuleBuilder {
    pub module: Module,
}

impl ModuleBuilder {
    pub fn new() -> Self {
        ModuleBuilder { module: Module::new("test.rs") }
    }
    pub fn scalar(&mut self, s: Scalar) -> Handle<Type> {
        self.module.types.scalar(s)
    }
    pub fn ty(&mut self, t: Type) -> Handle<Type> {
        self.module.types.insert(t)
    }
    pub fn unit(&mut self) -> Handle<Type> {
        self.module.types.unit()
    }
    pub fn ptr_mut(&mut self, pointee: Handle<Type>) -> Handle<Type> {
        self.ty(Type::Pointer { pointee, mutable: true, reference: false })
    }
    pub fn slice(&mut self, elem: Handle<Type>, mutable: bool) -> Handle<Type> {
        self.ty(Type::SliceRef { elem, mutable })
    }
    /// Start a function; finish it with `FnBuilder::finish`.
    pub fn function(&mut self, name: &str, kind: FunctionKind, ret: Handle<Type>) -> FnBuilder {
        let unit = self.unit();
        let mut exprs = Arena::new();
        let body = exprs.append(Expr { kind: ExprKind::Literal(Literal::Unit), ty: unit, span: Span::default() });
        FnBuilder {
            f: Function {
                name: name.to_string(),
                kind,
                sides: Sides { host: true, device: true },
                params: Vec::new(),
                ret,
                locals: Arena::new(),
                exprs,
                body,
                span: Span::default(),
            },
            types: self.module.types.clone(),
        }
    }
    pub fn add(&mut self, fb: FnBuilder) -> Handle<Function> {
        self.module.functions.append(fb.f)
    }
}

/// Builds one function's arenas. `types` is a snapshot for type lookups;
/// create every type on the `ModuleBuilder` before starting the function.
pub struct FnBuilder {
    pub f: Function,
    types: TypeTable,
}

impl FnBuilder {
    pub fn param(&mut self, name: &str, ty: Handle<Type>) -> Handle<Local> {
        let l = self.local(name, ty);
        self.f.params.push(l);
        l
    }
    pub fn local(&mut self, name: &str, ty: Handle<Type>) -> Handle<Local> {
        self.f.locals.append(Local { name: name.to_string(), ty, mutable: true })
    }
    pub fn e(&mut self, kind: ExprKind, ty: Handle<Type>) -> Handle<Expr> {
        self.f.exprs.append(Expr { kind, ty, span: Span { lo: 0, hi: 0, line: 1, col: 1 } })
    }
    pub fn ty_of(&self, e: Handle<Expr>) -> Handle<Type> {
        self.f.exprs[e].ty
    }
    fn find(&self, t: &Type) -> Handle<Type> {
        self.types.types.get(t).expect("type not created on the ModuleBuilder before the function")
    }
    pub fn unit_ty(&self) -> Handle<Type> {
        self.find(&Type::Unit)
    }
    pub fn scalar_ty(&self, s: Scalar) -> Handle<Type> {
        self.find(&Type::Scalar(s))
    }
    pub fn get(&mut self, l: Handle<Local>) -> Handle<Expr> {
        let ty = self.f.locals[l].ty;
        self.e(ExprKind::Local(l), ty)
    }
    pub fn int(&mut self, s: Scalar, v: u64) -> Handle<Expr> {
        let ty = self.scalar_ty(s);
        self.e(ExprKind::Literal(Literal::Int(v)), ty)
    }
    pub fn float(&mut self, s: Scalar, v: f64) -> Handle<Expr> {
        let ty = self.scalar_ty(s);
        self.e(ExprKind::Literal(Literal::Float(v)), ty)
    }
    pub fn bin(&mut self, op: BinaryOp, lhs: Handle<Expr>, rhs: Handle<Expr>) -> Handle<Expr> {
        let ty = if op.is_comparison() { self.scalar_ty(Scalar::Bool) } else { self.ty_of(lhs) };
        self.e(ExprKind::Binary { op, lhs, rhs }, ty)
    }
    pub fn cast(&mut self, value: Handle<Expr>, to: Handle<Type>) -> Handle<Expr> {
        self.e(ExprKind::Cast { value }, to)
    }
    pub fn intrinsic(&mut self, op: Intrinsic, args: Vec<Handle<Expr>>, ty: Handle<Type>) -> Handle<Expr> {
        self.e(ExprKind::Intrinsic { op, args }, ty)
    }
    /// `(block_idx.x * block_dim.x + thread_idx.x) as usize`: the thread's global index.
    pub fn global_index_x(&mut self) -> Handle<Expr> {
        let (u32t, usize_t) = (self.scalar_ty(Scalar::U32), self.scalar_ty(Scalar::Usize));
        let bid = self.intrinsic(Intrinsic::BlockIdx(Axis::X), vec![], u32t);
        let bdim = self.intrinsic(Intrinsic::BlockDim(Axis::X), vec![], u32t);
        let tid = self.intrinsic(Intrinsic::ThreadIdx(Axis::X), vec![], u32t);
        let prod = self.bin(BinaryOp::Mul, bid, bdim);
        let gidx = self.bin(BinaryOp::Add, prod, tid);
        self.cast(gidx, usize_t)
    }
    pub fn index(&mut self, base: Handle<Expr>, index: Handle<Expr>, elem: Handle<Type>) -> Handle<Expr> {
        self.e(ExprKind::Index { base, index }, elem)
    }
    pub fn deref(&mut self, p: Handle<Expr>, pointee: Handle<Type>) -> Handle<Expr> {
        self.e(ExprKind::Deref(p), pointee)
    }
    pub fn assign(&mut self, place: Handle<Expr>, value: Handle<Expr>) -> Handle<Expr> {
        let unit = self.unit_ty();
        self.e(ExprKind::Assign { place, value }, unit)
    }
    pub fn assign_op(&mut self, op: BinaryOp, place: Handle<Expr>, value: Handle<Expr>) -> Handle<Expr> {
        let unit = self.unit_ty();
        self.e(ExprKind::AssignOp { op, place, value }, unit)
    }
    pub fn block(&mut self, stmts: Vec<Stmt>, tail: Option<Handle<Expr>>, ty: Handle<Type>) -> Handle<Expr> {
        self.e(ExprKind::Block(Block { stmts, tail }), ty)
    }
    pub fn if_(&mut self, cond: Handle<Expr>, then: Handle<Expr>, otherwise: Option<Handle<Expr>>, ty: Handle<Type>) -> Handle<Expr> {
        self.e(ExprKind::If { cond, then, otherwise }, ty)
    }
    pub fn finish(mut self, body_stmts: Vec<Stmt>, tail: Option<Handle<Expr>>) -> Self {
        let ty = self.f.ret;
        self.f.body = self.block(body_stmts, tail, ty);
        self
    }
}

pub fn expr_stmt(e: Handle<Expr>) -> Stmt {
    Stmt::Expr(e)
}

pub fn let_(local: Handle<Local>, init: Handle<Expr>) -> Stmt {
    Stmt::Let { local, init: Some(init) }
}
