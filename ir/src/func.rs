//! Functions and expressions: the body IR, an expression tree in a per-function arena.
//!
//! Invariants (established by the front end, checked by `crate::valid`):
//! - every `Handle` in a function points into that function's arenas (or the
//!   module's for types and functions);
//! - `Expr::ty` is the exact type of the expression after coercions; the front
//!   end inserts `Cast`, `Unsize` and `AddrOf` explicitly, so backends never
//!   infer anything;
//! - *place* expressions are `Local`, `Deref`, `Field` of a place, and `Index`;
//!   `AddrOf`, `Assign`, `AssignOp` and `VecPush` take places; any expression
//!   can be read as a value;
//! - a value of `ValueRepr::Memory` type is the address of its bytes and may
//!   alias a place: every consumer that stores it (`Let`, `Assign`, call
//!   arguments, aggregate literals, `Return`) copies the bytes;
//! - control flow is structured: `Break`/`Continue` name an enclosing `Loop`.

use crate::arena::{Arena, Handle};
use crate::types::{StructDef, Type};

/// A byte range in the source file plus the 1-based line and column of its
/// start (for run-time panic messages), computed by the front end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub lo: u32,
    pub hi: u32,
    pub line: u32,
    pub col: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FunctionKind {
    /// An ordinary function.
    Normal,
    /// A GPU kernel: returns `()`, parameters are scalars, thin pointers and
    /// slice refs only. On the device it is the PTX entry named `Function::name`;
    /// on the host, its fallback entry runs one thread of the grid.
    Kernel,
}

/// Which sides a function is compiled for. The front end sets `host` for
/// `main` and everything host code calls, `device` for kernels and everything
/// they call; a function may be both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sides {
    pub host: bool,
    pub device: bool,
}

#[derive(Clone, Debug)]
pub struct Local {
    pub name: String,
    pub ty: Handle<Type>,
    pub mutable: bool,
}

#[derive(Clone, Debug)]
pub struct Function {
    /// The Rust path of the function: `saxpy`, `Vec3::dot`. Unique in a module.
    pub name: String,
    pub kind: FunctionKind,
    pub sides: Sides,
    /// Parameters, in order; each is a local initialized by the caller.
    pub params: Vec<Handle<Local>>,
    pub ret: Handle<Type>,
    pub locals: Arena<Local>,
    pub exprs: Arena<Expr>,
    /// A `Block` expression whose type is `ret` (or `!`).
    pub body: Handle<Expr>,
    pub span: Span,
}

impl Function {
    /// Pass every type handle of the function (return, locals, expressions)
    /// through `map` (see `TypeTable::merge_from`).
    pub fn remap_types(&mut self, map: &[Handle<Type>]) {
        self.ret = map[self.ret.index()];
        for l in self.locals.iter_mut() {
            l.ty = map[l.ty.index()];
        }
        for e in self.exprs.iter_mut() {
            e.ty = map[e.ty.index()];
        }
    }

    /// Add `offset` to every `Intrinsic::SharedArray` index (the function
    /// was lowered with its own shared arrays numbered from 0).
    pub fn offset_shared_arrays(&mut self, offset: u32) {
        for e in self.exprs.iter_mut() {
            if let ExprKind::Intrinsic { op: Intrinsic::SharedArray(index), .. } = &mut e.kind {
                *index += offset;
            }
        }
    }
}

/// Identifies a loop within one function, for `Break` and `Continue`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LoopId(pub u32);

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: Handle<Type>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum Literal {
    /// The value's bits, truncated to the width of `Expr::ty`.
    Int(u64),
    /// For `f32` expressions, already rounded to `f32`.
    Float(f64),
    Bool(bool),
    Unit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// Wrapping for integers.
    Neg,
    /// Bitwise for integers, logical for `bool`.
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    /// `+ - *` wrap on integers.
    Add,
    Sub,
    Mul,
    /// Integer division and remainder panic (host) / trap (device) on a zero
    /// divisor and on `MIN / -1`.
    Div,
    Rem,
    BitAnd,
    BitOr,
    BitXor,
    /// The shift amount may be any integer type and is masked by the width of
    /// the left operand (wrapping semantics).
    Shl,
    Shr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl BinaryOp {
    pub fn is_comparison(self) -> bool {
        matches!(self, BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge)
    }
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::Rem => "%",
            BinaryOp::BitAnd => "&",
            BinaryOp::BitOr => "|",
            BinaryOp::BitXor => "^",
            BinaryOp::Shl => "<<",
            BinaryOp::Shr => ">>",
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => ">=",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Axis {
    X,
    Y,
    Z,
}

/// Built-in operations. Argument and result types are fixed per variant and
/// documented on it; the validator checks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Intrinsic {
    /// `() -> u32`: thread geometry of the current kernel invocation.
    ThreadIdx(Axis),
    BlockIdx(Axis),
    BlockDim(Axis),
    GridDim(Axis),
    /// `() -> ()`: barrier among the threads of a block.
    SyncThreads,
    /// `(f) -> f` for f32/f64 (`Min`, `Max`, `Powf`: two args; `MulAdd`: three;
    /// `Powi`: `(f, i32)`). Integer `Min`/`Max`/`Abs` take integers.
    Math(MathFn),
    /// `(SliceRef) -> usize`.
    SliceLen,
    /// `(SliceRef) -> *T`.
    SlicePtr,
    /// `(*Array) -> SliceRef`: `&[T; N]` / `&mut [T; N]` to `&[T]` / `&mut [T]`.
    ArrayToSlice,
    /// `(*Vec<T>) -> SliceRef`: `&Vec<T>` to `&[T]`.
    VecToSlice,
    /// `(*Vec<T>) -> usize`.
    VecLen,
    /// `() -> Vec<T>` (T from the result type).
    VecNew,
    /// `(usize) -> Vec<T>`.
    VecWithCapacity,
    /// `(T, usize) -> Vec<T>`: `vec![x; n]`.
    VecFromElem,
    /// `(*mut Vec<T>, T) -> ()`.
    VecPush,
    /// `(*T, usize) -> *T`: `p.add(i)`, scaled by `size_of::<T>()`.
    PtrAdd,
    /// `(*T, isize) -> *T`: `p.offset(i)`.
    PtrOffset,
    /// `(*T) -> bool`.
    PtrIsNull,
    /// `(A) -> B`: the bits of a numeric scalar read as another numeric
    /// scalar of the same size (`transmute::<f32, u32>`, `f32::to_bits`).
    Bitcast,
    /// `(i32) -> !`: `std::process::exit`.
    Exit,
    /// `() -> u64`: nanoseconds of the host's monotonic clock (`Instant::now`; host only).
    NowNanos,
    /// `() -> !`: abort the kernel (device) / panic "explicit trap" (host).
    Trap,
    /// Device only. An atomic read-modify-write of `*p`, returning the old
    /// value; relaxed ordering (CUDA's `atomicAdd` and friends), atomic with
    /// respect to every thread of the grid. `T` is the result type.
    /// - `Add`: `(*mut T, T) -> T` for i32 u32 i64 u64 f32 f64 (wrapping on
    ///   integers, IEEE addition on floats);
    /// - `Min`, `Max`: `(*mut T, T) -> T` for i32 u32 i64 u64 (signedness from `T`);
    /// - `Exch`: `(*mut T, T) -> T` for i32 u32 i64 u64 f32 f64: store the new value;
    /// - `Cas`: `(*mut T, current: T, new: T) -> T` for i32 u32 i64 u64: store
    ///   `new` if `*p == current`; returns the old value either way.
    ///
    /// `isize`/`usize` are accepted like `i64`/`u64`.
    Atomic(AtomicOp),
    /// Device only. `() -> *mut [T; N]`: the block-shared array
    /// `Module::shared_arrays[i]` (the expression's type is a pointer to its
    /// `ty`). One allocation per call site, shared by the threads of a block,
    /// uninitialized on the GPU (zeroed in host fallback).
    SharedArray(u32),
    /// Device only. `() -> *mut T`: the start of the launch's dynamic shared
    /// memory (`dyn_cache` bytes per block, aligned to 16).
    DynSharedMem,
    /// Host only. A call of a C library function or shim query through its
    /// runtime row (`HostFn::rt`); arguments and result are scalars or
    /// pointers of the row's ABI classes (`host_call::check`).
    HostCall(crate::host_call::HostFn),
}

/// The operation of `Intrinsic::Atomic`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AtomicOp {
    Add,
    Min,
    Max,
    Exch,
    Cas,
}

impl Intrinsic {
    /// Intrinsics that only exist in host code: `Vec`, `exit`, the clock.
    pub fn is_host_only(self) -> bool {
        matches!(
            self,
            Intrinsic::VecNew
                | Intrinsic::VecWithCapacity
                | Intrinsic::VecFromElem
                | Intrinsic::VecPush
                | Intrinsic::VecLen
                | Intrinsic::VecToSlice
                | Intrinsic::Exit
                | Intrinsic::NowNanos
                | Intrinsic::HostCall(_)
        )
    }

    /// Intrinsics that only exist in device code (kernels and their callees).
    pub fn is_device_only(self) -> bool {
        matches!(self, Intrinsic::Atomic(_) | Intrinsic::SharedArray(_) | Intrinsic::DynSharedMem)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MathFn {
    Sqrt,
    Abs,
    Min,
    Max,
    MulAdd,
    Floor,
    Ceil,
    Round,
    Trunc,
    Exp,
    Exp2,
    Ln,
    Log2,
    Log10,
    Sin,
    Cos,
    Tan,
    Tanh,
    Powi,
    Powf,
    /// Integer methods.
    Pow,
    CountOnes,
    LeadingZeros,
    TrailingZeros,
}

/// Where a formatted message goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PrintTarget {
    Stdout,
    Stderr,
    /// Print Rust's panic message with the expression's location to stderr
    /// and exit with code 101. The expression's type is `!`.
    Panic,
    /// Append to the thread's line buffer only: a later `Print` of another
    /// target writes it out with its own pieces (a message formatted by a
    /// run-time loop, `{:?}` of a `Vec`).
    Buffer,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FmtAlign {
    #[default]
    Default,
    Left,
    Right,
    Center,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FmtKind {
    #[default]
    Display,
    Debug,
    LowerExp,
    /// `{:E}`.
    UpperExp,
    /// `{:x}` (of integers: the two's complement of a negative one, as rustc).
    LowerHex,
    /// `{:X}`.
    UpperHex,
    /// `{:o}`.
    Octal,
    /// `{:b}`.
    Binary,
}

impl FmtKind {
    /// `{:x}`, `{:X}`, `{:o}`, `{:b}`: integers only, printed as the bits of
    /// their own width (the backends zero-extend signed ones).
    pub fn is_radix(self) -> bool {
        matches!(self, FmtKind::LowerHex | FmtKind::UpperHex | FmtKind::Octal | FmtKind::Binary)
    }

    /// The trait rustc formats with (`Display`, `LowerHex`, ..).
    pub fn trait_name(self) -> &'static str {
        match self {
            FmtKind::Display => "Display",
            FmtKind::Debug => "Debug",
            FmtKind::LowerExp => "LowerExp",
            FmtKind::UpperExp => "UpperExp",
            FmtKind::LowerHex => "LowerHex",
            FmtKind::UpperHex => "UpperHex",
            FmtKind::Octal => "Octal",
            FmtKind::Binary => "Binary",
        }
    }
}

/// A `{..}` format spec. `crate::abi::encode_fmt_spec` packs it for the shim.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FmtSpec {
    pub kind: FmtKind,
    pub width: Option<u16>,
    pub precision: Option<u16>,
    pub align: FmtAlign,
    pub zero_pad: bool,
    /// The `#` flag of a non-`Debug` spec (`{:#x}`: `0x` before the digits);
    /// `{:#?}` is the front end's pretty printing instead.
    pub alternate: bool,
    pub plus: bool,
    /// The fill character of `{:*^9}` (`None`: a space).
    pub fill: Option<char>,
}

#[derive(Clone, Debug)]
pub enum FmtPiece {
    Literal(String),
    /// An argument of scalar type (ints, floats, bool) or `&str`-free values.
    Arg {
        value: Handle<Expr>,
        spec: FmtSpec,
    },
}

#[derive(Clone, Debug)]
pub enum Stmt {
    Let { local: Handle<Local>, init: Option<Handle<Expr>> },
    Expr(Handle<Expr>),
}

#[derive(Clone, Debug)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    /// The block's value; `None` means `()` (or `!` if a statement diverges).
    pub tail: Option<Handle<Expr>>,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// (`Literal::Int(0)` of a `Type::FnPtr`: a null function pointer, the
    /// placeholder of a field of another enum variant; never called.)
    Literal(Literal),
    /// Place: a local variable or parameter.
    Local(Handle<Local>),
    Unary {
        op: UnaryOp,
        operand: Handle<Expr>,
    },
    /// Both operands have the same type, except for shifts.
    Binary {
        op: BinaryOp,
        lhs: Handle<Expr>,
        rhs: Handle<Expr>,
    },
    /// Numeric and pointer casts to `Expr::ty`: int<->int, int<->float,
    /// float<->float (Rust's saturating float->int), bool->int,
    /// pointer<->pointer, pointer<->usize.
    Cast {
        value: Handle<Expr>,
    },
    Call {
        func: Handle<Function>,
        args: Vec<Handle<Expr>>,
    },
    /// Host only: a call through `callee`, a value of type `Type::FnPtr`
    /// whose parameters `args` match.
    CallIndirect {
        callee: Handle<Expr>,
        args: Vec<Handle<Expr>>,
    },
    /// Host only: the address of host function `func` (type `Type::FnPtr`
    /// with its parameter and result types).
    FnAddr(Handle<Function>),
    Intrinsic {
        op: Intrinsic,
        args: Vec<Handle<Expr>>,
    },
    /// Place: field `index` of a tuple or struct (place or value).
    Field {
        base: Handle<Expr>,
        index: u32,
    },
    /// Place: element of an array place, of a `SliceRef` value, or of a `Vec`
    /// place; `index` is `usize`; bounds-checked.
    Index {
        base: Handle<Expr>,
        index: Handle<Expr>,
    },
    /// Place: the pointee of a thin pointer.
    Deref(Handle<Expr>),
    /// The address of a place (`&x`, `&mut x`, `&mut (*p)[i]`); type `Pointer`.
    AddrOf {
        place: Handle<Expr>,
        mutable: bool,
    },
    /// `&s[a..b]` and friends: `base` is a `SliceRef` value; bounds-checked.
    SliceRange {
        base: Handle<Expr>,
        start: Option<Handle<Expr>>,
        end: Option<Handle<Expr>>,
    },
    /// `place = value`; type `()`.
    Assign {
        place: Handle<Expr>,
        value: Handle<Expr>,
    },
    /// `place op= value`, evaluating the place once; type `()`.
    AssignOp {
        op: BinaryOp,
        place: Handle<Expr>,
        value: Handle<Expr>,
    },
    Block(Block),
    If {
        cond: Handle<Expr>,
        then: Handle<Expr>,
        otherwise: Option<Handle<Expr>>,
    },
    /// An infinite loop, left by `Break`; its type is the break value's type,
    /// `()` for breaks without value, `!` when nothing breaks.
    Loop {
        body: Handle<Expr>,
        id: LoopId,
    },
    Break {
        target: LoopId,
        value: Option<Handle<Expr>>,
    },
    Continue {
        target: LoopId,
    },
    Return(Option<Handle<Expr>>),
    Tuple(Vec<Handle<Expr>>),
    Array(Vec<Handle<Expr>>),
    ArrayRepeat {
        value: Handle<Expr>,
        count: u64,
    },
    /// Fields in declaration order.
    Struct {
        fields: Vec<Handle<Expr>>,
    },
    /// Host only. `*const u8`: the address of these bytes, placed in the
    /// program's read-only data (string literals: `&str`'s data).
    StaticBytes(Vec<u8>),
    Print {
        target: PrintTarget,
        pieces: Vec<FmtPiece>,
        newline: bool,
    },
    /// A kernel launch from host code (type `()`): `blocks` and `threads` are
    /// `u32`, `dyn_cache` is `u32` bytes, `device` is `i32` (-1: default);
    /// `args` match the kernel's parameters exactly.
    Offload {
        kernel: Handle<Function>,
        blocks: [Handle<Expr>; 3],
        threads: [Handle<Expr>; 3],
        dyn_cache: Handle<Expr>,
        device: Handle<Expr>,
        args: Vec<Handle<Expr>>,
    },
}

impl ExprKind {
    pub fn is_place(&self) -> bool {
        matches!(self, ExprKind::Local(_) | ExprKind::Deref(_) | ExprKind::Field { .. } | ExprKind::Index { .. })
    }
}

/// A whole program after the front end.
#[derive(Clone, Debug)]
pub struct Module {
    /// The source file's path as given on the command line (used in panics).
    pub source_name: String,
    pub types: crate::types::TypeTable,
    pub functions: Arena<Function>,
    /// The host `main`, if the program has one.
    pub entry: Option<Handle<Function>>,
    /// The block-shared arrays of `Intrinsic::SharedArray(i)`, one per call
    /// site. Invariants (kept by [`Module::add_shared_array`]): each `ty` is an
    /// `Array` type; offsets are aligned to the array's alignment (at least
    /// 4), increasing, and the arrays do not overlap. The layout is
    /// module-wide: every kernel sees all of them at the same offsets (the
    /// host fallback allocates [`Module::shared_bytes`] per block).
    pub shared_arrays: Vec<SharedArray>,
}

/// One block-shared array (see `Module::shared_arrays`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SharedArray {
    /// The `[T; N]` type.
    pub ty: Handle<Type>,
    /// Byte offset in the block's static shared memory (host fallback:
    /// `ThreadCtx::shared + offset`; the GPU uses one `.shared` variable each).
    pub offset: u64,
}

impl Module {
    pub fn new(source_name: impl Into<String>) -> Self {
        Module {
            source_name: source_name.into(),
            types: crate::types::TypeTable::new(),
            functions: Arena::new(),
            entry: None,
            shared_arrays: Vec::new(),
        }
    }
    /// Add a block-shared array of type `ty` (a `[T; N]`) after the existing
    /// ones, at the next offset aligned to its alignment (at least 4); returns
    /// its index for `Intrinsic::SharedArray`.
    pub fn add_shared_array(&mut self, ty: Handle<Type>) -> u32 {
        let layout = self.types.layout(ty);
        let offset = self.shared_bytes().next_multiple_of(layout.align.max(4));
        self.shared_arrays.push(SharedArray { ty, offset });
        (self.shared_arrays.len() - 1) as u32
    }
    /// Total bytes of static block-shared memory: the end of the last array.
    pub fn shared_bytes(&self) -> u64 {
        self.shared_arrays.last().map_or(0, |a| a.offset + self.types.layout(a.ty).size)
    }
    pub fn kernels(&self) -> impl Iterator<Item = (Handle<Function>, &Function)> {
        self.functions.iter().filter(|(_, f)| f.kind == FunctionKind::Kernel)
    }
    pub fn struct_def(&self, ty: Handle<Type>) -> Option<&StructDef> {
        match self.types.get(ty) {
            Type::Struct(s) => Some(&self.types.structs[*s]),
            _ => None,
        }
    }
}
