//! Generic items: the type and const parameters of generic functions with their trait bounds, traits with their methods, trait impls, and the re-parsed signature of a generic function for one use.
//!
//! A generic function is not lowered as it is written: the mono collector
//! ([`crate::mono`]) lowers one instance per list of concrete type and const
//! arguments, from the function's source text (its signature and body are
//! parsed again for each instance, with the parameters bound to the
//! arguments). A call site parses only the callee's signature, with a fresh
//! inference variable per type parameter.

use std::collections::HashMap;
use std::ops::Range;

use hybrid_ir::{Handle, Scalar, Type};

use crate::consteval::ConstValue;
use crate::modtree::ModId;
use crate::resolve::FnId;

pub type TraitId = usize;

/// A trait bound on a type parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bound {
    /// A trait of the program.
    Trait(TraitId),
    /// A trait of the standard library (`Copy`, `Add`, `PartialOrd`, ...):
    /// its last path segment.
    Lang(String),
}

#[derive(Clone, Debug)]
pub struct TypeParam {
    pub name: String,
    pub bounds: Vec<Bound>,
    pub range: Range<usize>,
    /// Equality bounds `T: Tr<Out = U>`: the trait, the associated type's
    /// name and the text of `U` (converted where the parameter is bound).
    pub assoc_eqs: Vec<(TraitId, String, Range<usize>)>,
    /// Bounds on generic traits (`T: Mix<f32>`): the trait and the texts of
    /// its arguments.
    pub trait_args: Vec<(TraitId, Vec<Range<usize>>)>,
    /// A `Fn(A, B) -> R` / `FnMut` / `FnOnce` bound: the texts of its
    /// argument types and result (what a closure argument's result infers).
    pub fn_sig: Option<FnBoundSig>,
}

/// The parenthesized arguments of a `Fn(A) -> R` bound (source ranges).
#[derive(Clone, Debug)]
pub struct FnBoundSig {
    pub inputs: Vec<Range<usize>>,
    pub output: Option<Range<usize>>,
}

#[derive(Clone, Debug)]
pub struct ConstParam {
    pub name: String,
    pub ty: Scalar,
    /// `const N: usize`, for notes.
    pub range: Range<usize>,
}

/// The parameters of a generic function: those of its impl (or `Self` of a
/// trait's default method) first, then its own.
#[derive(Clone, Debug, Default)]
pub struct Generics {
    pub types: Vec<TypeParam>,
    pub consts: Vec<ConstParam>,
    /// The signature's text, from its first token to the body's `{`.
    pub sig: Range<usize>,
    /// How many of `types` come from the enclosing impl or trait (not
    /// given by a call's turbofish).
    pub outer_types: usize,
    /// How many of `consts` come from the enclosing impl.
    pub outer_consts: usize,
    /// A method of a generic `impl<T> S<T>`: the text of its self type
    /// (`Self`, converted with the parameters bound).
    pub impl_self: Option<Range<usize>>,
    /// `where W<T>: From<T>`: bounds on other types than the parameters.
    pub preds: Vec<WherePred>,
}

/// A `where` bound on a type that is not a parameter (`W<T>: From<T>`):
/// the texts of the type and of the trait's arguments, checked at each use.
#[derive(Clone, Debug)]
pub struct WherePred {
    pub ty: Range<usize>,
    pub trait_id: TraitId,
    pub args: Vec<Range<usize>>,
    /// The bound, for "required by a bound" notes.
    pub range: Range<usize>,
}

/// One method of a trait.
#[derive(Clone, Debug)]
pub struct TraitMethod {
    pub name: String,
    /// The default body, as a generic function over `Self`.
    pub default: Option<FnId>,
    pub range: Range<usize>,
    /// The signature's text (see [`parse_signature`]).
    pub sig: Range<usize>,
    /// How the trait's objects have it (`crate::dyn_object`).
    pub dyn_compat: crate::dyn_object::MethodDyn,
}

/// `const ZERO: Self;` (or with a default `= expr`) in a trait.
#[derive(Clone, Debug)]
pub struct TraitConst {
    pub name: String,
    /// The item, as rustc's E0046 note shows it.
    pub range: Range<usize>,
    /// The declared type's text (converted with `Self` bound where used).
    pub ty: Range<usize>,
    pub has_default: bool,
}

/// `type Item: Copy;` in a trait.
#[derive(Clone, Debug)]
pub struct TraitAssocType {
    pub name: String,
    pub range: Range<usize>,
    /// Its bounds (what a projection `T::Item` of a type parameter has).
    pub bounds: Vec<Bound>,
}

pub struct TraitInfo {
    /// The path (`Real`, `math::Real`, `core::cmp::Ord`).
    pub name: String,
    /// As rustc prints it in diagnostics: the path, a library trait's name
    /// (`Ord`).
    pub shown: String,
    pub range: Range<usize>,
    pub module: ModId,
    pub methods: Vec<TraitMethod>,
    pub consts: Vec<TraitConst>,
    pub assoc_types: Vec<TraitAssocType>,
    /// The type parameters of a generic trait (`Rhs` of `trait Mix<Rhs = Self>`).
    pub params: Vec<String>,
    pub supertraits: Vec<Bound>,
}

impl TraitInfo {
    pub fn method(&self, name: &str) -> Option<&TraitMethod> {
        self.methods.iter().find(|m| m.name == name)
    }
    pub fn assoc_const(&self, name: &str) -> Option<&TraitConst> {
        self.consts.iter().find(|c| c.name == name)
    }
    pub fn assoc_type(&self, name: &str) -> Option<&TraitAssocType> {
        self.assoc_types.iter().find(|t| t.name == name)
    }
}

/// An associated const's value (of an impl, or of an inherent impl).
#[derive(Clone, Debug)]
pub struct AssocConst {
    pub name: String,
    pub value: ConstValue,
    pub ty: Scalar,
    /// A const of a non-scalar type (`const ORIGIN: Self = ..;`): no
    /// `value`, its expression is lowered at each use (`lower::consts`).
    pub inline: Option<InlineConst>,
}

/// The expression of a non-scalar associated const, of type `ty`, written in `module`.
#[derive(Clone, Debug)]
pub struct InlineConst {
    pub module: crate::modtree::ModId,
    /// The const's type; `None` in a generic impl, where it is `ty_text`
    /// converted for the instance.
    pub ty: Option<Handle<Type>>,
    pub ty_text: std::ops::Range<usize>,
    pub expr: std::ops::Range<usize>,
    /// What `Self` is in the expression.
    pub self_ty: Option<Handle<Type>>,
    /// In an impl of a generic struct (`impl<const N: usize> Buf<N>`): the
    /// impl's name for each of the struct's parameters (`N`).
    pub params: Vec<String>,
}

/// `impl Trait for Type { .. }`.
pub struct ImplInfo {
    pub trait_id: Bound,
    /// The implementing type (a struct or a primitive).
    pub self_ty: Handle<Type>,
    pub methods: HashMap<String, FnId>,
    /// `type Output = T;`
    pub assoc_types: Vec<(String, Handle<Type>)>,
    /// `const ZERO: f32 = 0.0;` and the trait's defaults it does not override.
    pub consts: Vec<AssocConst>,
    /// `type Item = B;` of a generic impl: the type's text, converted with
    /// the impl's parameters bound where a projection is normalized.
    pub generic_assoc: Vec<(String, Range<usize>)>,
    /// The trait's arguments (`impl Mix<i32> for f64`: `[i32]`), defaults filled in.
    pub trait_args: Vec<Handle<Type>>,
    /// `impl<T> Tr for S<T>`: the generic struct whose every instance it
    /// covers (`self_ty` is unused then; its methods are generic over the
    /// impl's parameters).
    pub generic_struct: Option<crate::resolve::StructId>,
    /// `impl<T: Base> Tr for T`: the bounds of `T`, which every type that
    /// satisfies them gets the impl for (`self_ty` is unused then; its
    /// methods are generic over the impl's parameters).
    pub blanket: Option<Vec<Bound>>,
    /// A generic impl of a generic trait: its self type and trait
    /// arguments over its parameters (`trait_args` is empty then).
    pub pattern: Option<Box<crate::impl_pattern::ImplPattern>>,
    /// `impl<A, B> Tr for (A, B)`: the self type's shape, which every type
    /// that has it (and whose parts satisfy the parameters' bounds) gets the
    /// impl for (`self_ty` is unused then; its methods are generic over the
    /// impl's parameters).
    pub shape: Option<crate::shape_pattern::ShapePattern>,
    pub module: ModId,
    pub range: Range<usize>,
}

impl ImplInfo {
    /// The implementing type of an impl for one type (not of a generic or
    /// blanket impl).
    pub fn concrete_self(&self) -> Option<Handle<Type>> {
        (self.generic_struct.is_none() && self.blanket.is_none() && self.shape.is_none()).then_some(self.self_ty)
    }
}

/// The concrete arguments of one instance of a generic function, in the
/// global type table: `types[i]` for `Generics::types[i]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct InstanceArgs {
    pub types: Vec<Handle<Type>>,
    pub consts: Vec<i128>,
}

/// What the parameter names of a generic function stand for in one use: a
/// type (an inference type of the current body) or a const value.
#[derive(Clone, Debug, Default)]
pub struct GenericEnv {
    pub types: Vec<(String, crate::infer::TyId)>,
    pub consts: Vec<(String, ConstValue)>,
}

impl GenericEnv {
    pub const EMPTY: GenericEnv = GenericEnv { types: Vec::new(), consts: Vec::new() };
    pub fn ty(&self, name: &str) -> Option<crate::infer::TyId> {
        self.types.iter().rev().find(|(n, _)| n == name).map(|(_, t)| *t)
    }
    pub fn const_value(&self, name: &str) -> Option<ConstValue> {
        self.consts.iter().rev().find(|(n, _)| n == name).map(|(_, v)| *v)
    }

    /// The array length variable (`infer::LENGTH_VAR`) that array length
    /// `len` is: a const parameter whose argument is being inferred, or
    /// one of a generic struct's template (`infer::PARAM_LEN`).
    pub fn length_var(&self, len: &syn::Expr) -> Option<u64> {
        let len = match len {
            syn::Expr::Block(b) if b.block.stmts.len() == 1 => match &b.block.stmts[0] {
                syn::Stmt::Expr(e, None) => e,
                _ => return None,
            },
            e => e,
        };
        let syn::Expr::Path(p) = len else { return None };
        match self.const_value(&p.path.get_ident()?.to_string())? {
            ConstValue::Int(v) if is_symbolic_length(v) => Some(v as u64),
            _ => None,
        }
    }

    pub fn has_length_vars(&self) -> bool {
        self.consts.iter().any(|(_, v)| matches!(v, ConstValue::Int(v) if is_symbolic_length(*v)))
    }
}

/// A const value that stands for a length to be inferred or a template's
/// parameter (`infer::LENGTH_VAR`, `infer::PARAM_LEN`), not a number.
fn is_symbolic_length(v: i128) -> bool {
    v >= 0 && (v as u64) & (crate::infer::LENGTH_VAR | crate::infer::PARAM_LEN) != 0 && v <= u64::MAX as i128
}

/// The traits of the standard library a bound may name (hybridc knows how
/// primitive types implement them).
pub const LANG_TRAITS: &[&str] = &[
    "Copy",
    "Clone",
    "Sized",
    "Send",
    "Sync",
    "Debug",
    "Display",
    "PartialEq",
    "Eq",
    "Add",
    "Sub",
    "Mul",
    "Div",
    "Rem",
    "Neg",
    "Not",
    "AddAssign",
    "SubAssign",
    "MulAssign",
    "DivAssign",
    "RemAssign",
    "BitAnd",
    "BitOr",
    "BitXor",
    "Shl",
    "Shr",
    "Fn",
    "FnMut",
    "FnOnce",
];

/// Parse a signature's text (`fn f<T>(x: T) -> T where ..`, with its
/// qualifiers) as it stands in the source.
pub fn parse_signature(text: &str) -> syn::Result<syn::Signature> {
    let item: syn::TraitItemFn = syn::parse_str(&format!("{text};"))?;
    Ok(item.sig)
}
