//! hybrid-ir: the typed arena IR between hybridc's front end and its backends.
//!
//! A [`Module`] holds interned [`Type`]s, struct definitions and
//! [`Function`]s; each function owns arenas of locals and expressions, its
//! body an expression tree with structured control flow (see [`func`] for the
//! invariants). [`valid::validate`] checks a module so that backends fail only
//! on compiler bugs; [`print::print_module`] renders it as text for
//! `--emit=ir` and snapshot tests; [`abi`] is the contract with the shim;
//! [`analysis`] derives whole-module facts (e.g. which kernels use barriers).

pub mod abi;
pub mod analysis;
pub mod arena;
pub mod func;
pub mod host_call;
pub mod print;
pub mod types;
pub mod valid;

pub use arena::{Arena, Handle, UniqueArena};
pub use func::*;
pub use host_call::HostFn;
pub use types::{Field, Layout, Scalar, StructDef, Type, TypeTable, ValueRepr};

/// The stack size of every compiler thread (the driver's, the front end's
/// workers, the code generators'): the phases recurse over expression trees,
/// and a deeply nested expression must not overflow them. Only the pages
/// touched are committed.
pub const COMPILER_STACK_BYTES: usize = 256 << 20;
