//! Questions the front end asks of syn nodes in several places, in one
//! spot: the shape of a method's `self` parameter and of a `match` arm.

/// How a method takes `self`: by value (`self`, `mut self`), by reference
/// (`&self`, `&mut self`), or with a written type (`self: Box<Self>`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SelfParam {
    /// `self` or `mut self` (`mutable`: the binding is `mut`).
    Value { mutable: bool },
    /// `&self` or `&mut self`.
    Ref { mutable: bool },
    /// `self: T`.
    Typed,
}

/// The kind of a receiver.
pub fn self_param(r: &syn::Receiver) -> SelfParam {
    match &r.kind {
        syn::ReceiverKind::Reference(_, _, m) => SelfParam::Ref { mutable: m.is_some() },
        syn::ReceiverKind::Value => SelfParam::Value { mutable: r.mutability.is_some() },
        _ => SelfParam::Typed,
    }
}

/// A `match` arm's pattern and guard (syn keeps the guard inside the
/// pattern, as `Pat::Guard`).
pub fn arm_parts(arm: &syn::Arm) -> (&syn::Pat, Option<&syn::Expr>) {
    match &arm.pat {
        syn::Pat::Guard(g) => (&g.pat, Some(&g.guard)),
        p => (p, None),
    }
}
