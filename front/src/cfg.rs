//! Per-side `#[cfg(..)]` evaluation and the item attributes hybridc accepts.

use syn::punctuated::Punctuated;
use syn::{Attribute, Meta, Token};

use crate::diag::{range_of, DResult, Diagnostic};

/// The two compilation views of one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Host,
    Device,
}

/// Whether an item with these attributes exists on `side`.
pub fn active(attrs: &[Attribute], side: Side) -> DResult<bool> {
    for attr in attrs {
        if attr.path().is_ident("cfg") {
            let meta: Meta = attr
                .parse_args()
                .map_err(|e| Diagnostic::at(None, format!("malformed `cfg` attribute: {e}"), range_of(attr), "malformed"))?;
            if !eval(&meta, side)? {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// Evaluates a `cfg` predicate on `side`.
pub fn eval(meta: &Meta, side: Side) -> DResult<bool> {
    match meta {
        Meta::Path(path) => {
            let name = path.get_ident().map(|i| i.to_string()).unwrap_or_default();
            // `device`: rustc's `-Zoffload=Device` pass (the kernels' side)
            Ok(matches!((name.as_str(), side), ("unix", Side::Host) | ("device", Side::Device)))
        }
        Meta::NameValue(nv) => {
            let key = nv.path.get_ident().map(|i| i.to_string()).unwrap_or_default();
            let value = match &nv.value {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => s.value(),
                other => return Err(Diagnostic::at(None, "expected a string literal in `cfg`", range_of(other), "expected a string")),
            };
            Ok(match (key.as_str(), side) {
                ("target_os", Side::Host) => value == "linux",
                ("target_os", Side::Device) => value == "cuda",
                ("target_arch", Side::Host) => value == "x86_64",
                ("target_arch", Side::Device) => value == "nvptx64",
                ("target_family", Side::Host) => value == "unix",
                ("target_vendor", Side::Device) => value == "nvidia",
                ("target_pointer_width", _) => value == "64",
                _ => false,
            })
        }
        Meta::List(list) => {
            let name = list.path.get_ident().map(|i| i.to_string()).unwrap_or_default();
            let args: Punctuated<Meta, Token![,]> = list
                .parse_args_with(Punctuated::parse_terminated)
                .map_err(|e| Diagnostic::at(None, format!("malformed `cfg` predicate: {e}"), range_of(list), "malformed"))?;
            let values = args.iter().map(|m| eval(m, side)).collect::<DResult<Vec<bool>>>()?;
            match name.as_str() {
                "not" if values.len() == 1 => Ok(!values[0]),
                "all" => Ok(values.iter().all(|v| *v)),
                "any" => Ok(values.iter().any(|v| *v)),
                _ => Err(Diagnostic::at(
                    Some("E0537"),
                    format!("invalid predicate `{}`", name),
                    range_of(list),
                    "expected `not(..)` with one predicate, `all(..)` or `any(..)`",
                )),
            }
        }
    }
}

/// The attribute names hybridc knows on items; others are rejected.
/// Whether the attributes include `#[name]`.
pub fn has_attr(attrs: &[Attribute], name: &str) -> bool {
    attrs.iter().any(|a| a.path().is_ident(name))
}

pub fn check_item_attrs(attrs: &[Attribute]) -> DResult<()> {
    for attr in attrs {
        if is_kernel_attr(attr) {
            continue;
        }
        let Some(name) = attr.path().get_ident().map(|i| i.to_string()) else {
            return Err(Diagnostic::unsupported(&format!("the attribute `#[{}]`", quote::quote!(#attr)), range_of(attr)));
        };
        match name.as_str() {
            "cfg"
            | "inline"
            | "no_mangle"
            | "unsafe"
            | "allow"
            | "warn"
            | "deny"
            | "expect"
            | "forbid"
            | "doc"
            | "offload_kernel"
            | "rustc_offload_kernel"
            | "panic_handler"
            | "link_name"
            | "repr"
            | "derive"
            | "must_use"
            | "cold"
            | "track_caller"
            | "macro_use" => {}
            _ => {
                return Err(Diagnostic::unsupported(&format!("the attribute `#[{name}]`"), range_of(attr)));
            }
        }
    }
    Ok(())
}

/// `#[offload_kernel]`, `#[rustc_offload_kernel]`, or the attribute macro's
/// full path `#[core::offload::offload_kernel]` / `#[std::offload::offload_kernel]`.
pub fn is_kernel(attrs: &[Attribute]) -> bool {
    attrs.iter().any(is_kernel_attr)
}

fn is_kernel_attr(a: &Attribute) -> bool {
    let segs: Vec<String> = a.path().segments.iter().map(|s| s.ident.to_string()).collect();
    let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
    matches!(segs.as_slice(), ["offload_kernel"] | ["rustc_offload_kernel"] | ["core" | "std", "offload", "offload_kernel"])
}

/// `#[offload_kernel]` on a statement (`range`: the statement without its
/// attributes, where rustc points): the attribute is only for functions.
pub fn check_stmt_attrs(attrs: &[Attribute], range: std::ops::Range<usize>) -> DResult<()> {
    if is_kernel(attrs) {
        return Err(Diagnostic::at(None, "offload_kernel must be applied to function", range, ""));
    }
    Ok(())
}

/// `#[offload_kernel]` on an expression statement: rustc's first error
/// (attributes on expressions need `stmt_expr_attributes`).
pub fn check_expr_attrs(e: &syn::Expr) -> DResult<()> {
    use syn::Expr as E;
    let attrs: &[Attribute] = match e {
        E::Assign(x) => &x.attrs,
        E::Binary(x) => &x.attrs,
        E::Call(x) => &x.attrs,
        E::MethodCall(x) => &x.attrs,
        E::Path(x) => &x.attrs,
        E::Lit(x) => &x.attrs,
        E::Macro(x) => &x.attrs,
        E::Closure(x) => &x.attrs,
        E::Unary(x) => &x.attrs,
        E::Field(x) => &x.attrs,
        E::Index(x) => &x.attrs,
        _ => &[],
    };
    if let Some(a) = attrs.iter().find(|a| is_kernel_attr(a)) {
        return Err(Diagnostic::at(Some("E0658"), "attributes on expressions are experimental", range_of(a), "")
            .note("see issue #15701 <https://github.com/rust-lang/rust/issues/15701> for more information")
            .help("add `#![feature(stmt_expr_attributes)]` to the crate attributes to enable"));
    }
    // syn attaches a statement's outer attributes to its leftmost operand
    match e {
        E::Assign(x) => check_expr_attrs(&x.left),
        E::Binary(x) => check_expr_attrs(&x.left),
        E::MethodCall(x) => check_expr_attrs(&x.receiver),
        E::Field(x) => check_expr_attrs(&x.base),
        E::Index(x) => check_expr_attrs(&x.expr),
        _ => Ok(()),
    }
}

/// `#[panic_handler]`: the item is accepted and skipped (hybridc's own panic
/// runtime reports panics on both sides).
pub fn is_panic_handler(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("panic_handler"))
}

/// `#[link_name = ".."]` of a foreign function.
pub fn link_name(attrs: &[Attribute]) -> Option<(String, std::ops::Range<usize>)> {
    attrs.iter().find(|a| a.path().is_ident("link_name")).and_then(|a| match &a.meta {
        Meta::NameValue(nv) => match &nv.value {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some((s.value(), range_of(a))),
            _ => None,
        },
        _ => None,
    })
}
