//! The program generator: a seeded, type-directed generator of random VALID programs over the
//! language hybridc accepts (docs/language.md). One module per construct family; every
//! expression it makes has a known type and cannot hit behaviour where hybridc departs from
//! rustc on purpose (plain `+ - *` overflow wraps in hybridc, panics in rustc's debug build:
//! arithmetic that may overflow is always `wrapping_*`, `checked_*`, `saturating_*`).

mod control;
mod data;
mod effects;
mod enums;
mod format;
mod functions;
mod kernels;
mod library;
mod scalars;

use crate::rng::Rng;

/// The scalar types the generator works with (the language has no 128-bit integers).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ty {
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
    Bool,
}

pub const INTS: [Ty; 10] = [Ty::I8, Ty::I16, Ty::I32, Ty::I64, Ty::Isize, Ty::U8, Ty::U16, Ty::U32, Ty::U64, Ty::Usize];
pub const NUMS: [Ty; 12] = [Ty::I8, Ty::I16, Ty::I32, Ty::I64, Ty::Isize, Ty::U8, Ty::U16, Ty::U32, Ty::U64, Ty::Usize, Ty::F32, Ty::F64];

impl Ty {
    pub fn name(self) -> &'static str {
        match self {
            Ty::I8 => "i8",
            Ty::I16 => "i16",
            Ty::I32 => "i32",
            Ty::I64 => "i64",
            Ty::Isize => "isize",
            Ty::U8 => "u8",
            Ty::U16 => "u16",
            Ty::U32 => "u32",
            Ty::U64 => "u64",
            Ty::Usize => "usize",
            Ty::F32 => "f32",
            Ty::F64 => "f64",
            Ty::Bool => "bool",
        }
    }
    pub fn is_int(self) -> bool {
        INTS.contains(&self)
    }
    pub fn is_float(self) -> bool {
        matches!(self, Ty::F32 | Ty::F64)
    }
    pub fn signed(self) -> bool {
        matches!(self, Ty::I8 | Ty::I16 | Ty::I32 | Ty::I64 | Ty::Isize)
    }
    pub fn bits(self) -> u32 {
        match self {
            Ty::I8 | Ty::U8 => 8,
            Ty::I16 | Ty::U16 => 16,
            Ty::I32 | Ty::U32 | Ty::F32 => 32,
            Ty::Bool => 1,
            _ => 64,
        }
    }
    /// The smallest and largest value of an integer type.
    pub fn int_range(self) -> (i128, i128) {
        let b = self.bits();
        if self.signed() {
            (-(1i128 << (b - 1)), (1i128 << (b - 1)) - 1)
        } else {
            (0, (1i128 << b) - 1)
        }
    }
}

/// A local variable in scope.
#[derive(Clone)]
pub struct Var {
    pub name: String,
    pub ty: Ty,
    pub mutable: bool,
}

/// A generated scalar function `fn fN(params) -> ret`, callable from later code.
#[derive(Clone)]
pub struct FnSig {
    pub name: String,
    pub params: Vec<Ty>,
    pub ret: Ty,
    /// Usable in device code (no printing inside).
    pub device_ok: bool,
}

/// A generated struct with scalar fields (derives Debug, Clone, Copy, PartialEq).
#[derive(Clone)]
pub struct StructDef {
    pub name: String,
    pub fields: Vec<(String, Ty)>,
}

/// What a program may contain: host-only programs are compared with rustc; kernel programs
/// between the two hybridc backends and against their in-program host reference.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Flavor {
    Host,
    Kernel,
}

/// The generator's state for one program.
pub struct Gen {
    pub rng: Rng,
    /// Top-level items, in order.
    pub items: Vec<String>,
    next_id: usize,
    /// Generating device code: no printing, `Vec`, strings or transcendental float functions.
    pub device: bool,
    scopes: Vec<Vec<Var>>,
    pub fns: Vec<FnSig>,
    pub structs: Vec<StructDef>,
    pub consts: Vec<(String, Ty)>,
    /// Remaining expression nodes for the current statement (keeps expressions small).
    pub budget: usize,
    /// Nesting depth of statements (loops inside loops stay bounded).
    pub stmt_depth: usize,
}

impl Gen {
    pub fn new(seed: u64) -> Gen {
        Gen {
            rng: Rng::new(seed),
            items: Vec::new(),
            next_id: 0,
            device: false,
            scopes: vec![Vec::new()],
            fns: Vec::new(),
            structs: Vec::new(),
            consts: Vec::new(),
            budget: 0,
            stmt_depth: 0,
        }
    }

    /// A fresh identifier with the given prefix.
    pub fn fresh(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("{prefix}{}", self.next_id)
    }

    pub fn push_scope(&mut self) {
        self.scopes.push(Vec::new());
    }
    pub fn pop_scope(&mut self) {
        self.scopes.pop();
    }
    /// Run `f` with a fresh, empty set of scopes (a new function body), restoring the old ones.
    pub fn with_new_body<R>(&mut self, f: impl FnOnce(&mut Gen) -> R) -> R {
        let saved = std::mem::replace(&mut self.scopes, vec![Vec::new()]);
        let saved_depth = std::mem::replace(&mut self.stmt_depth, 0);
        let r = f(self);
        self.scopes = saved;
        self.stmt_depth = saved_depth;
        r
    }
    pub fn declare(&mut self, name: &str, ty: Ty, mutable: bool) {
        self.scopes.last_mut().unwrap().push(Var { name: name.to_string(), ty, mutable });
    }
    /// The variables of type `ty` in scope (shadowed ones excluded by name).
    pub fn vars_of(&self, ty: Ty, need_mut: bool) -> Vec<String> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for scope in self.scopes.iter().rev() {
            for v in scope.iter().rev() {
                if !seen.insert(v.name.clone()) {
                    continue;
                }
                if v.ty == ty && (!need_mut || v.mutable) {
                    out.push(v.name.clone());
                }
            }
        }
        out
    }
    /// Any mutable variable in scope with its type.
    pub fn mutable_vars(&self) -> Vec<(String, Ty)> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for scope in self.scopes.iter().rev() {
            for v in scope.iter().rev() {
                if seen.insert(v.name.clone()) && v.mutable {
                    out.push((v.name.clone(), v.ty));
                }
            }
        }
        out
    }

    /// A random scalar type (integers twice as likely as floats and bools).
    pub fn scalar_ty(&mut self) -> Ty {
        match self.rng.below(8) {
            0 => Ty::F32,
            1 => Ty::F64,
            2 => Ty::Bool,
            _ => *self.rng.pick(&INTS),
        }
    }
    pub fn int_ty(&mut self) -> Ty {
        *self.rng.pick(&INTS)
    }
    pub fn num_ty(&mut self) -> Ty {
        *self.rng.pick(&NUMS)
    }

    /// Every variable in scope (shadowed ones excluded), innermost first.
    pub fn scopes_flat(&self) -> Vec<(String, Ty)> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for scope in self.scopes.iter().rev() {
            for v in scope.iter().rev() {
                if seen.insert(v.name.clone()) {
                    out.push((v.name.clone(), v.ty));
                }
            }
        }
        out
    }

    /// Indentation for the current statement depth.
    pub fn indent(&self) -> String {
        "    ".repeat(self.stmt_depth + 1)
    }
}

/// A generated program: its source and what it may contain.
pub struct Program {
    pub source: String,
    pub flavor: Flavor,
}

/// Generate the program of `seed` (its flavor is decided by the seed too: about one in four
/// programs has kernels).
pub fn program(seed: u64) -> Program {
    let mut g = Gen::new(seed);
    let flavor = if g.rng.chance(1, 4) { Flavor::Kernel } else { Flavor::Host };
    let body = match flavor {
        Flavor::Host => host_main(&mut g),
        Flavor::Kernel => kernels::kernel_main(&mut g),
    };
    let mut source = String::new();
    if flavor == Flavor::Kernel {
        source.push_str("#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]\n");
    }
    source.push_str(&format!("// generated by tests/diff, seed {seed}\n"));
    for item in &g.items {
        source.push_str(item);
        source.push('\n');
    }
    source.push_str("fn main() {\n");
    source.push_str(&body);
    source.push_str("}\n");
    Program { source, flavor }
}

/// The body of a host program's `main`: a list of independent sections (each its own block,
/// so deleting one while minimizing leaves the others valid), maybe ending with a panic.
fn host_main(g: &mut Gen) -> String {
    // Items first: consts, helper functions, structs, so sections can use them.
    for _ in 0..g.rng.range(0, 3) {
        scalars::const_item(g);
    }
    for _ in 0..g.rng.range(1, 4) {
        functions::scalar_fn(g);
    }
    let mut body = String::new();
    let sections = g.rng.range(3, 8);
    for _ in 0..sections {
        g.push_scope();
        let section = match g.rng.below(17) {
            0 | 1 => control::scalar_section(g),
            2 => control::loop_section(g),
            3 => data::array_section(g),
            4 => data::vec_section(g),
            5 => data::struct_section(g),
            6 => enums::enum_section(g),
            7 => functions::generic_section(g),
            8 => functions::closure_section(g),
            9 => format::format_section(g),
            10 => control::range_section(g),
            11 => library::result_section(g),
            12 => library::string_section(g),
            13 => library::higher_order_section(g),
            14 => library::trait_match_section(g),
            15 => effects::effects_section(g),
            _ => enums::option_section(g),
        };
        body.push_str("    {\n");
        body.push_str(&section);
        g.pop_scope();
        body.push_str("    }\n");
    }
    if g.rng.chance(1, 6) {
        body.push_str(&control::panic_ending(g));
    }
    body
}
