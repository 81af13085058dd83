//! Types of the IR, their interning, and their memory layout (`#[repr(C)]` rules).

use crate::arena::{Handle, UniqueArena};

/// A scalar type: the machine-level values of the language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scalar {
    I8,
    I16,
    I32,
    I64,
    Isize,
    U8,
    U16,
    U32,
    U64,
    Usize,
    F32,
    F64,
    /// One byte in memory, 0 or 1; an `i8` (Cranelift) / `i1` (LLVM) value.
    Bool,
    /// `char`: a Unicode scalar value in 4 bytes; the backends treat it as a
    /// `u32` (it is not an integer type of the language: `is_int` is false).
    Char,
}

impl Scalar {
    pub fn size(self) -> u64 {
        match self {
            Scalar::I8 | Scalar::U8 | Scalar::Bool => 1,
            Scalar::I16 | Scalar::U16 => 2,
            Scalar::I32 | Scalar::U32 | Scalar::F32 | Scalar::Char => 4,
            Scalar::I64 | Scalar::U64 | Scalar::F64 | Scalar::Isize | Scalar::Usize => 8,
        }
    }
    pub fn is_float(self) -> bool {
        matches!(self, Scalar::F32 | Scalar::F64)
    }
    pub fn is_int(self) -> bool {
        !self.is_float() && self != Scalar::Bool && self != Scalar::Char
    }
    pub fn is_signed(self) -> bool {
        matches!(self, Scalar::I8 | Scalar::I16 | Scalar::I32 | Scalar::I64 | Scalar::Isize)
    }
    pub fn bits(self) -> u32 {
        (self.size() * 8) as u32
    }
    /// The Rust spelling of the type.
    pub fn name(self) -> &'static str {
        match self {
            Scalar::I8 => "i8",
            Scalar::I16 => "i16",
            Scalar::I32 => "i32",
            Scalar::I64 => "i64",
            Scalar::Isize => "isize",
            Scalar::U8 => "u8",
            Scalar::U16 => "u16",
            Scalar::U32 => "u32",
            Scalar::U64 => "u64",
            Scalar::Usize => "usize",
            Scalar::F32 => "f32",
            Scalar::F64 => "f64",
            Scalar::Bool => "bool",
            Scalar::Char => "char",
        }
    }
    pub fn from_name(name: &str) -> Option<Scalar> {
        Some(match name {
            "i8" => Scalar::I8,
            "i16" => Scalar::I16,
            "i32" => Scalar::I32,
            "i64" => Scalar::I64,
            "isize" => Scalar::Isize,
            "u8" => Scalar::U8,
            "u16" => Scalar::U16,
            "u32" => Scalar::U32,
            "u64" => Scalar::U64,
            "usize" => Scalar::Usize,
            "f32" => Scalar::F32,
            "f64" => Scalar::F64,
            "bool" => Scalar::Bool,
            "char" => Scalar::Char,
            _ => return None,
        })
    }
}

/// A type. Types are interned in `Module::types`, so two handles are the same
/// type exactly when they are equal.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// `()`: no value at all; backends produce nothing for it.
    Unit,
    /// The type of `return`, `break`, `continue`, `panic!`: control never
    /// continues past an expression of this type.
    Never,
    Scalar(Scalar),
    /// A thin pointer: `*const T`, `*mut T`, `&T`, `&mut T` where `T` is sized.
    /// One pointer-sized value. `reference` only affects printing and checks.
    Pointer {
        pointee: Handle<Type>,
        mutable: bool,
        reference: bool,
    },
    /// `&[T]` / `&mut [T]`: a fat pointer `{ data: *T, len: usize }` (16 bytes).
    SliceRef {
        elem: Handle<Type>,
        mutable: bool,
    },
    /// `[T; len]`.
    Array {
        elem: Handle<Type>,
        len: u64,
    },
    /// `(A, B, ..)` with at least two elements, laid out like a `#[repr(C)]` struct.
    Tuple(Vec<Handle<Type>>),
    /// A struct of `Module::structs`, laid out `#[repr(C)]`.
    Struct(Handle<StructDef>),
    /// `Vec<T>` (host only): `{ ptr: *mut T, len: usize, cap: usize }` (24 bytes),
    /// managed by the shim's `hybrid_vec_*` functions.
    Vec(Handle<Type>),
    /// `fn(A, B) -> R` (host only): the address of a host function with
    /// these parameter and result types; one pointer-sized value, called by
    /// `ExprKind::CallIndirect`.
    FnPtr {
        params: Vec<Handle<Type>>,
        ret: Handle<Type>,
    },
}

impl Type {
    /// The same type with every type handle it holds passed through `f`
    /// (for moving types between tables).
    pub fn map_handles(&self, mut f: impl FnMut(Handle<Type>) -> Handle<Type>) -> Type {
        match self {
            Type::Unit | Type::Never | Type::Scalar(_) | Type::Struct(_) => self.clone(),
            Type::Pointer { pointee, mutable, reference } => {
                Type::Pointer { pointee: f(*pointee), mutable: *mutable, reference: *reference }
            }
            Type::SliceRef { elem, mutable } => Type::SliceRef { elem: f(*elem), mutable: *mutable },
            Type::Array { elem, len } => Type::Array { elem: f(*elem), len: *len },
            Type::Tuple(elems) => Type::Tuple(elems.iter().map(|e| f(*e)).collect()),
            Type::Vec(elem) => Type::Vec(f(*elem)),
            Type::FnPtr { params, ret } => Type::FnPtr { params: params.iter().map(|p| f(*p)).collect(), ret: f(*ret) },
        }
    }
}

/// How a thin pointer type is spelled before its pointee: `&`, `&mut `,
/// `*const ` or `*mut `.
pub fn pointer_prefix(reference: bool, mutable: bool) -> &'static str {
    match (reference, mutable) {
        (true, true) => "&mut ",
        (true, false) => "&",
        (false, true) => "*mut ",
        (false, false) => "*const ",
    }
}

/// A struct definition: named fields in declaration order.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StructDef {
    pub name: String,
    pub fields: Vec<Field>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: String,
    pub ty: Handle<Type>,
}

/// Size and alignment of a type in memory, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    pub size: u64,
    pub align: u64,
}

/// How a backend represents a value of some type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueRepr {
    /// No value (`()` and `!`).
    Nothing,
    /// One machine value: a scalar or a thin pointer.
    Scalar,
    /// Lives in memory; backends hold the address of the bytes. Aggregates
    /// are passed to functions by address of a caller-owned copy and returned
    /// through a hidden first parameter (sret).
    Memory,
}

/// The interned types of a module plus the struct definitions they refer to.
#[derive(Clone, Debug, Default)]
pub struct TypeTable {
    pub types: UniqueArena<Type>,
    pub structs: crate::arena::Arena<StructDef>,
    /// The result type of each closure struct whose maker's body is
    /// lowered (the front end's: a closure passed into a generic
    /// function's instance keeps the type its maker inferred for it).
    pub closure_results: std::collections::HashMap<Handle<StructDef>, Handle<Type>>,
}

/// The state of [`TypeTable::merge_from`]: types are mapped in order, a
/// type's parts first (a struct's fields may be types added after it: a
/// closure's captures, a generic struct's instance); a struct reached again
/// through its own fields (`*const S` inside `S`) gets its definition first
/// and its fields after.
struct Merge<'o> {
    other: &'o TypeTable,
    shared_structs: usize,
    map: Vec<Option<Handle<Type>>>,
    struct_map: Vec<Option<Handle<StructDef>>>,
    visiting: Vec<bool>,
}

impl Merge<'_> {
    fn ty(&mut self, into: &mut TypeTable, t: Handle<Type>) -> Handle<Type> {
        if let Some(h) = self.map[t.index()] {
            return h;
        }
        let moved = match self.other.get(t) {
            Type::Struct(s) => Type::Struct(self.structure(into, *s)),
            ty => ty.map_handles(|h| self.ty(into, h)),
        };
        let h = into.types.insert(moved);
        self.map[t.index()] = Some(h);
        h
    }

    fn structure(&mut self, into: &mut TypeTable, s: Handle<StructDef>) -> Handle<StructDef> {
        if let Some(h) = self.struct_map[s.index()] {
            return h;
        }
        let def = &self.other.structs[s];
        if self.visiting[s.index()] {
            // a cycle through a pointer: define it now, fields filled below
            let here = into.structs.append(StructDef { name: def.name.clone(), fields: Vec::new() });
            self.struct_map[s.index()] = Some(here);
            return here;
        }
        self.visiting[s.index()] = true;
        let fields: Vec<Field> = def.fields.iter().map(|f| Field { name: f.name.clone(), ty: self.ty(into, f.ty) }).collect();
        if let Some(here) = self.struct_map[s.index()] {
            into.structs[here].fields = fields;
            return here;
        }
        let def = StructDef { name: def.name.clone(), fields };
        let existing = into.structs.iter().skip(self.shared_structs).find(|(_, d)| **d == def).map(|(h, _)| h);
        let here = existing.unwrap_or_else(|| into.structs.append(def));
        self.struct_map[s.index()] = Some(here);
        here
    }
}

impl TypeTable {
    pub fn new() -> Self {
        TypeTable { types: UniqueArena::new(), structs: crate::arena::Arena::new(), closure_results: Default::default() }
    }
    pub fn insert(&mut self, ty: Type) -> Handle<Type> {
        self.types.insert(ty)
    }
    /// Append the types `other` has beyond its first `shared_types` (which
    /// must be this table's first `shared_types` types, and its first
    /// `shared_structs` structs this table's: `other` began as a clone of
    /// this table), in order. Returns where each of `other`'s type handles
    /// lands here. A struct `other` added is appended once, when a type
    /// first names it; one equal to a struct appended by an earlier merge
    /// (a built-in like `Instant`) is reused.
    pub fn merge_from(&mut self, other: &TypeTable, shared_types: usize, shared_structs: usize) -> Vec<Handle<Type>> {
        let mut merge = Merge {
            other,
            shared_structs,
            map: (0..other.types.len()).map(|i| (i < shared_types).then(|| Handle::from_index(i))).collect(),
            struct_map: (0..other.structs.len()).map(|i| (i < shared_structs).then(|| Handle::from_index(i))).collect(),
            visiting: vec![false; other.structs.len()],
        };
        for i in shared_types..other.types.len() {
            merge.ty(self, Handle::from_index(i));
        }
        // (in struct order: the merged table does not depend on the map's order)
        let mut results: Vec<_> = other.closure_results.iter().map(|(&s, &t)| (s, t)).collect();
        results.sort_by_key(|&(s, _)| s.index());
        for (s, t) in results {
            let (s, t) = (merge.structure(self, s), merge.ty(self, t));
            self.closure_results.insert(s, t);
        }
        merge.map.into_iter().map(|h| h.expect("every type is mapped")).collect()
    }
    pub fn unit(&mut self) -> Handle<Type> {
        self.insert(Type::Unit)
    }
    pub fn scalar(&mut self, s: Scalar) -> Handle<Type> {
        self.insert(Type::Scalar(s))
    }
    pub fn get(&self, ty: Handle<Type>) -> &Type {
        &self.types[ty]
    }
    pub fn as_scalar(&self, ty: Handle<Type>) -> Option<Scalar> {
        match self.types[ty] {
            Type::Scalar(s) => Some(s),
            _ => None,
        }
    }

    pub fn repr(&self, ty: Handle<Type>) -> ValueRepr {
        match &self.types[ty] {
            Type::Unit | Type::Never => ValueRepr::Nothing,
            Type::Scalar(_) | Type::Pointer { .. } | Type::FnPtr { .. } => ValueRepr::Scalar,
            Type::SliceRef { .. } | Type::Array { .. } | Type::Tuple(_) | Type::Struct(_) | Type::Vec(_) => ValueRepr::Memory,
        }
    }

    /// `#[repr(C)]` layout on a 64-bit target (x86_64 host and nvptx64 alike).
    pub fn layout(&self, ty: Handle<Type>) -> Layout {
        match &self.types[ty] {
            Type::Unit | Type::Never => Layout { size: 0, align: 1 },
            Type::Scalar(s) => Layout { size: s.size(), align: s.size() },
            Type::Pointer { .. } | Type::FnPtr { .. } => Layout { size: 8, align: 8 },
            Type::SliceRef { .. } => Layout { size: 16, align: 8 },
            Type::Vec(_) => Layout { size: 24, align: 8 },
            Type::Array { elem, len } => {
                let e = self.layout(*elem);
                Layout { size: e.size * len, align: e.align }
            }
            Type::Tuple(elems) => self.record_layout(elems.iter().copied()).0,
            Type::Struct(s) => self.record_layout(self.structs[*s].fields.iter().map(|f| f.ty)).0,
        }
    }

    /// Byte offsets of the fields of a tuple or struct type.
    pub fn field_offsets(&self, ty: Handle<Type>) -> Vec<u64> {
        match &self.types[ty] {
            Type::Tuple(elems) => self.record_layout(elems.iter().copied()).1,
            Type::Struct(s) => self.record_layout(self.structs[*s].fields.iter().map(|f| f.ty)).1,
            // slice refs and Vecs are records of pointer-sized words
            Type::SliceRef { .. } => vec![0, 8],
            Type::Vec(_) => vec![0, 8, 16],
            _ => Vec::new(),
        }
    }

    /// The types of the fields of a tuple or struct type.
    pub fn field_types(&self, ty: Handle<Type>) -> Vec<Handle<Type>> {
        match &self.types[ty] {
            Type::Tuple(elems) => elems.clone(),
            Type::Struct(s) => self.structs[*s].fields.iter().map(|f| f.ty).collect(),
            _ => Vec::new(),
        }
    }

    fn record_layout(&self, fields: impl Iterator<Item = Handle<Type>>) -> (Layout, Vec<u64>) {
        let mut offset = 0u64;
        let mut align = 1u64;
        let mut offsets = Vec::new();
        for f in fields {
            let l = self.layout(f);
            offset = offset.next_multiple_of(l.align);
            offsets.push(offset);
            offset += l.size;
            align = align.max(l.align);
        }
        (Layout { size: offset.next_multiple_of(align), align }, offsets)
    }

    /// The Rust spelling of a type, for diagnostics and IR dumps.
    pub fn display(&self, ty: Handle<Type>) -> String {
        match &self.types[ty] {
            Type::Unit => "()".into(),
            Type::Never => "!".into(),
            Type::Scalar(s) => s.name().into(),
            Type::Pointer { pointee, mutable, reference } => {
                format!("{}{}", pointer_prefix(*reference, *mutable), self.display(*pointee))
            }
            Type::SliceRef { elem, mutable } => {
                format!("&{}[{}]", if *mutable { "mut " } else { "" }, self.display(*elem))
            }
            Type::Array { elem, len } => format!("[{}; {}]", self.display(*elem), len),
            Type::Tuple(elems) => {
                let parts: Vec<_> = elems.iter().map(|e| self.display(*e)).collect();
                format!("({})", parts.join(", "))
            }
            Type::Struct(s) => self.structs[*s].name.clone(),
            Type::Vec(elem) => format!("Vec<{}>", self.display(*elem)),
            Type::FnPtr { params, ret } => {
                let parts: Vec<_> = params.iter().map(|p| self.display(*p)).collect();
                match self.types[*ret] {
                    Type::Unit => format!("fn({})", parts.join(", ")),
                    _ => format!("fn({}) -> {}", parts.join(", "), self.display(*ret)),
                }
            }
        }
    }
}
