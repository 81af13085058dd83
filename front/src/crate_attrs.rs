//! Crate-level inner attributes: `#![feature(..)]`, lint levels, `#![no_std]`,
//! `#![no_main]`, and `#![cfg_attr(pred, ..)]` (the predicate checked on both
//! sides, the attributes it guards held to the same list).

use syn::punctuated::Punctuated;
use syn::{Meta, Token};

use crate::cfg::{self, Side};
use crate::diag::{range_of, Diagnostic};

/// The crate attributes hybridc accepts (and ignores: `no_std` and
/// `no_main` change nothing in what hybridc compiles).
const ACCEPTED: &[&str] = &[
    "feature",
    "allow",
    "warn",
    "deny",
    "forbid",
    "expect",
    "doc",
    "no_std",
    "no_main",
    "no_core",
    "crate_type",
    "crate_name",
    "recursion_limit",
];

/// Checks the root file's inner attributes.
pub fn check(file: &syn::File) -> Result<(), Diagnostic> {
    for attr in &file.attrs {
        check_meta(&attr.meta, range_of(attr))?;
    }
    Ok(())
}

fn check_meta(meta: &Meta, range: std::ops::Range<usize>) -> Result<(), Diagnostic> {
    let name = meta.path().get_ident().map(|i| i.to_string()).unwrap_or_default();
    if name == "cfg_attr" {
        let Meta::List(list) = meta else {
            return Err(Diagnostic::at(None, "malformed `cfg_attr` attribute input", range, "expected `cfg_attr(predicate, attr, ..)`"));
        };
        let args: Punctuated<Meta, Token![,]> = list
            .parse_args_with(Punctuated::parse_terminated)
            .map_err(|e| Diagnostic::at(None, format!("malformed `cfg_attr` attribute input: {e}"), range.clone(), "malformed"))?;
        let mut it = args.iter();
        let Some(pred) = it.next() else {
            return Err(Diagnostic::at(None, "malformed `cfg_attr` attribute input", range, "expected `cfg_attr(predicate, attr, ..)`"));
        };
        // evaluated for its errors (an unknown predicate form); both sides accept every guarded attribute
        cfg::eval(pred, Side::Host)?;
        cfg::eval(pred, Side::Device)?;
        for inner in it {
            check_meta(inner, range.clone())?;
        }
        return Ok(());
    }
    if !ACCEPTED.contains(&name.as_str()) {
        return Err(Diagnostic::unsupported(&format!("the crate attribute `#![{name}]`"), range));
    }
    Ok(())
}
