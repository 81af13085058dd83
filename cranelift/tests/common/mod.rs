//! Hand-built IR for the host backend's tests (the front end is developed separately), and linking their objects with the C stub of the shim.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

use hybrid_ir::*;
use object::{Object, ObjectSymbol};

pub const SPAN: Span = Span { lo: 0, hi: 0, line: 7, col: 5 };

/// Builds one IR function expression by expression.
pub struct Fb {
    pub f: Function,
}

impl Fb {
    pub fn new(name: &str, kind: FunctionKind, sides: Sides, ret: Handle<Type>) -> Self {
        Fb {
            f: Function {
                name: name.into(),
                kind,
                sides,
                params: Vec::new(),
                ret,
                locals: Arena::new(),
                exprs: Arena::new(),
                body: Handle::from_index(0),
                span: SPAN,
            },
        }
    }
    pub fn param(&mut self, name: &str, ty: Handle<Type>) -> Handle<Local> {
        let l = self.local(name, ty);
        self.f.params.push(l);
        l
    }
    pub fn local(&mut self, name: &str, ty: Handle<Type>) -> Handle<Local> {
        self.f.locals.append(Local { name: name.into(), ty, mutable: true })
    }
    pub fn e(&mut self, kind: ExprKind, ty: Handle<Type>) -> Handle<Expr> {
        self.f.exprs.append(Expr { kind, ty, span: SPAN })
    }
    pub fn ty(&self, e: Handle<Expr>) -> Handle<Type> {
        self.f.exprs[e].ty
    }
    pub fn int(&mut self, v: i64, ty: Handle<Type>) -> Handle<Expr> {
        self.e(ExprKind::Literal(Literal::Int(v as u64)), ty)
    }
    pub fn float(&mut self, v: f64, ty: Handle<Type>) -> Handle<Expr> {
        self.e(ExprKind::Literal(Literal::Float(v)), ty)
    }
    pub fn get(&mut self, l: Handle<Local>) -> Handle<Expr> {
        let ty = self.f.locals[l].ty;
        self.e(ExprKind::Local(l), ty)
    }
    pub fn bin(&mut self, op: BinaryOp, lhs: Handle<Expr>, rhs: Handle<Expr>, ty: Handle<Type>) -> Handle<Expr> {
        self.e(ExprKind::Binary { op, lhs, rhs }, ty)
    }
    pub fn block(&mut self, stmts: Vec<Stmt>, tail: Option<Handle<Expr>>, ty: Handle<Type>) -> Handle<Expr> {
        self.e(ExprKind::Block(Block { stmts, tail }), ty)
    }
    pub fn assign(&mut self, place: Handle<Expr>, value: Handle<Expr>, unit: Handle<Type>) -> Handle<Expr> {
        self.e(ExprKind::Assign { place, value }, unit)
    }
    pub fn print(&mut self, pieces: Vec<FmtPiece>, unit: Handle<Type>) -> Handle<Expr> {
        self.e(ExprKind::Print { target: PrintTarget::Stdout, pieces, newline: true }, unit)
    }
    /// `println!("{label}{}", value)`.
    pub fn println(&mut self, label: &str, value: Handle<Expr>, unit: Handle<Type>) -> Handle<Expr> {
        self.print(vec![FmtPiece::Literal(label.into()), FmtPiece::Arg { value, spec: FmtSpec::default() }], unit)
    }
    pub fn intr(&mut self, op: Intrinsic, args: Vec<Handle<Expr>>, ty: Handle<Type>) -> Handle<Expr> {
        self.e(ExprKind::Intrinsic { op, args }, ty)
    }
    pub fn finish(mut self, body: Handle<Expr>) -> Function {
        self.f.body = body;
        self.f
    }
}

pub const HOST: Sides = Sides { host: true, device: false };
pub const DEVICE: Sides = Sides { host: false, device: true };
pub const BOTH: Sides = Sides { host: true, device: true };

/// Frequently used types of a module.
pub struct Tys {
    pub unit: Handle<Type>,
    pub never: Handle<Type>,
    pub bool: Handle<Type>,
    pub i32: Handle<Type>,
    pub i64: Handle<Type>,
    pub u8: Handle<Type>,
    pub u16: Handle<Type>,
    pub u32: Handle<Type>,
    pub u64: Handle<Type>,
    pub usize: Handle<Type>,
    pub f64: Handle<Type>,
}

impl Tys {
    pub fn new(m: &mut Module) -> Self {
        let t = &mut m.types;
        Tys {
            unit: t.unit(),
            never: t.insert(Type::Never),
            bool: t.scalar(Scalar::Bool),
            i32: t.scalar(Scalar::I32),
            i64: t.scalar(Scalar::I64),
            u8: t.scalar(Scalar::U8),
            u16: t.scalar(Scalar::U16),
            u32: t.scalar(Scalar::U32),
            u64: t.scalar(Scalar::U64),
            usize: t.scalar(Scalar::Usize),
            f64: t.scalar(Scalar::F64),
        }
    }
}

/// The seed's kernel and its types (see [`add_seed_kernel`]).
pub struct SeedKernel {
    pub kernel: Handle<Function>,
    /// `[f64; 128]`, `*mut [f64; 128]`, `&mut [f64; 128]`.
    pub arr: Handle<Type>,
    pub raw: Handle<Type>,
    pub refm: Handle<Type>,
}

/// Add the seed program's `kernel_1(x: *mut [f64; 128]) { (*x)[0] = 21.0 }` to `m`.
pub fn add_seed_kernel(m: &mut Module, t: &Tys) -> SeedKernel {
    let arr = m.types.insert(Type::Array { elem: t.f64, len: 128 });
    let raw = m.types.insert(Type::Pointer { pointee: arr, mutable: true, reference: false });
    let refm = m.types.insert(Type::Pointer { pointee: arr, mutable: true, reference: true });
    let mut k = Fb::new("kernel_1", FunctionKind::Kernel, DEVICE, t.unit);
    let x = k.param("x", raw);
    let xe = k.get(x);
    let deref = k.e(ExprKind::Deref(xe), arr);
    let zero = k.int(0, t.usize);
    let place = k.e(ExprKind::Index { base: deref, index: zero }, t.f64);
    let val = k.float(21.0, t.f64);
    let asg = k.assign(place, val, t.unit);
    let body = k.block(vec![st(asg)], None, t.unit);
    SeedKernel { kernel: m.functions.append(k.finish(body)), arr, raw, refm }
}

/// The start of the seed's `main`: a local `x: [f64; 128]`, its initializer
/// `[0.0; 128]` and `&mut x as *mut [f64; 128]`.
pub struct SeedMain {
    pub mb: Fb,
    pub x: Handle<Local>,
    pub zeros: Handle<Expr>,
    pub x_ptr: Handle<Expr>,
}

pub fn seed_main_start(t: &Tys, arr: Handle<Type>, raw: Handle<Type>, refm: Handle<Type>) -> SeedMain {
    let mut mb = Fb::new("main", FunctionKind::Normal, HOST, t.unit);
    let x = mb.local("x", arr);
    let z = mb.float(0.0, t.f64);
    let zeros = mb.e(ExprKind::ArrayRepeat { value: z, count: 128 }, arr);
    let xe = mb.get(x);
    let addr = mb.e(ExprKind::AddrOf { place: xe, mutable: true }, refm);
    let x_ptr = mb.e(ExprKind::Cast { value: addr }, raw);
    SeedMain { mb, x, zeros, x_ptr }
}

pub fn let_(local: Handle<Local>, init: Handle<Expr>) -> Stmt {
    Stmt::Let { local, init: Some(init) }
}
pub fn st(e: Handle<Expr>) -> Stmt {
    Stmt::Expr(e)
}

/// A scratch directory, removed on drop (also when the test panics).
pub struct ScratchDir(pub PathBuf);

impl ScratchDir {
    pub fn new(name: &str) -> Self {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("hybrid-cranelift-test-{name}-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        ScratchDir(dir)
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Link the host `objects` (one per codegen unit) with the C stub of the
/// shim into an executable with `cc`, run it and return what it did. A C
/// compiler is a requirement of this project: without one this panics.
pub fn link_and_run(name: &str, objects: &[Vec<u8>]) -> Output {
    let dir = ScratchDir::new(name);
    let mut cc = Command::new("cc");
    let exe = dir.0.join(name);
    cc.arg("-o").arg(&exe);
    for (k, object) in objects.iter().enumerate() {
        let path = dir.0.join(format!("host.{k}.o"));
        std::fs::write(&path, object).unwrap();
        cc.arg(path);
    }
    cc.arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/stub.c")).arg("-lm");
    let status = cc.status().unwrap_or_else(|e| panic!("cannot run `cc` (a C compiler is required to link the test programs): {e}"));
    assert!(status.success(), "linking {name} with cc failed: {status}");
    Command::new(&exe).output().unwrap_or_else(|e| panic!("cannot run {}: {e}", exe.display()))
}

/// How an object binds a symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bind {
    /// Defined, local to the object.
    Local,
    /// Defined, global with hidden visibility (seen by the other objects of the executable only).
    Hidden,
    /// Defined, global with default visibility.
    Export,
    /// Referenced, defined elsewhere.
    Undefined,
}

/// The symbols of an x86-64 ELF relocatable object.
pub fn symbols(object: &[u8]) -> Vec<(String, Bind)> {
    let file = object::File::parse(object).expect("ELF object");
    assert_eq!(file.architecture(), object::Architecture::X86_64);
    assert_eq!(file.format(), object::BinaryFormat::Elf);
    let bind = |s: &object::Symbol| {
        let st_other = match s.flags() {
            object::SymbolFlags::Elf { st_other, .. } => st_other,
            _ => 0,
        };
        let hidden = st_other & 3 == object::elf::STV_HIDDEN;
        match (s.is_undefined(), s.is_global(), hidden) {
            (true, ..) => Bind::Undefined,
            (false, false, _) => Bind::Local,
            (false, true, true) => Bind::Hidden,
            (false, true, false) => Bind::Export,
        }
    };
    file.symbols().map(|s| (s.name().unwrap_or("").to_string(), bind(&s))).collect()
}

pub fn has(symbols: &[(String, Bind)], name: &str, bind: Bind) -> bool {
    symbols.iter().any(|(n, b)| n == name && *b == bind)
}
