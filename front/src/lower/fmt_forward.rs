//! `fmt` forwarded to the standard `Display` / `Debug` of a value inside a `fmt`
//! method: `self.0.fmt(f)`, `fmt::Display::fmt(&self.0, f)` (the library's
//! `DisplayObject` of `dyn Display` is one). The compiler's traits have no `fmt`
//! functions for primitives and strings, so such a call prints the value with the
//! spec the `Formatter` holds (a run-time spec) and is `Ok(())`; a type with its
//! own impl is called as usual.

use std::ops::Range;

use hybrid_ir::{Expr, ExprKind, FmtKind, FmtSpec, Handle, PrintTarget, Stmt};
use quote::quote;

use super::debug::Part;
use super::FnLower;
use crate::diag::{DResult, Diagnostic};
use crate::infer::Shape;

impl FnLower<'_> {
    /// `value.fmt(f)` of a primitive, `&str` or `String` `value` (through
    /// references): the value printed with `f`'s spec; `None` for other values.
    /// The trait is `Debug` inside a `Debug` impl's method, else `Display`
    /// (FIXME(fmt trait in scope): rustc takes the one in scope).
    pub(crate) fn forwarded_fmt_method(
        &mut self,
        recv: Handle<Expr>,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Option<Handle<Expr>>> {
        if args.len() != 1 || self.items.library_fn("fmt::formatter_spec").is_none() {
            return Ok(None);
        }
        let value = self.autoderef(recv);
        let t = self.ty(value);
        let plain = matches!(self.shape(t), Some(Shape::Scalar(_))) || self.str_kind(t).is_some();
        if !plain {
            return Ok(None);
        }
        let debug = self.items.fns[self.fid].name.contains(" as Debug>::");
        let f = self.expr(args[0])?;
        self.forward_fmt(value, f, debug, range).map(Some)
    }

    /// `fmt::Display::fmt(x, f)` / `fmt::Debug::fmt(x, f)` (also `core::`,
    /// `std::`, or the trait alone): `x`'s `fmt`, for any `x` that is formatted.
    pub(crate) fn forwarded_fmt_call(
        &mut self,
        path: &syn::Path,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Option<Handle<Expr>>> {
        let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        let debug = match segs.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            [.., "Display", "fmt"] => false,
            [.., "Debug", "fmt"] => true,
            _ => return Ok(None),
        };
        let prefix_ok = matches!(&segs[..segs.len() - 2], [] | [_] | [_, _])
            && segs[..segs.len() - 2].iter().all(|s| matches!(s.as_str(), "fmt" | "core" | "std"));
        if !prefix_ok || self.items.library_fn("fmt::formatter_spec").is_none() {
            return Ok(None);
        }
        if args.len() != 2 {
            return Err(Diagnostic::at(Some("E0061"), "this function takes 2 arguments", range.clone(), "two arguments expected"));
        }
        let x = self.expr(args[0])?;
        let value = self.autoderef(x);
        let f = self.expr(args[1])?;
        self.forward_fmt(value, f, debug, range).map(Some)
    }

    /// `value` printed with the spec of formatter `f` (a `&mut Formatter`)
    /// into the line buffer; `Ok(())`.
    fn forward_fmt(&mut self, value: Handle<Expr>, f: Handle<Expr>, debug: bool, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let (f_st, f) = self.spill(f, "fmt_forward_f");
        let f_read = self.local_read(f, range);
        let bits = self.library_call("fmt::formatter_spec", vec![f_read], range)?;
        let (bits_st, bits) = self.spill(bits, "fmt_spec");
        let spec = FmtSpec { kind: if debug { FmtKind::Debug } else { FmtKind::Display }, ..FmtSpec::default() };
        let parts = match self.string_fmt_parts_with(value, spec, Some(bits), range)? {
            Some(parts) => parts,
            None if matches!(self.shape(self.ty(value)), Some(Shape::Scalar(_))) => {
                vec![self.scalar_with_rt_spec(value, bits, false, range)?]
            }
            None => {
                // an aggregate's `{:?}` (expanded in place): `write!(f, "{:?}", &value)`, without the spec
                // FIXME(forwarded fmt specs): rustc pads each scalar inside
                let r = self.take_address(value, false, range)?;
                let (r_st, r) = self.spill(r, "fmt_forward_value");
                let (ExprKind::Local(fl), ExprKind::Local(rl)) = (self.kind(f).clone(), self.kind(r).clone()) else {
                    return Err(Diagnostic::ice("spill gives a local"));
                };
                self.scopes.push(vec![("__hybrid_fwd_f".to_string(), fl), ("__hybrid_fwd_value".to_string(), rl)]);
                let call = match debug {
                    true => self.lower_desugared(quote!(write!(__hybrid_fwd_f, "{:?}", __hybrid_fwd_value)), "a forwarded `fmt`"),
                    false => self.lower_desugared(quote!(write!(__hybrid_fwd_f, "{}", __hybrid_fwd_value)), "a forwarded `fmt`"),
                };
                self.scopes.pop();
                return Ok(self.block_expr(vec![f_st, r_st], Some(call?), range));
            }
        };
        let parts: Vec<Part> = [Part::Stmt(f_st), Part::Stmt(bits_st)].into_iter().chain(parts).collect();
        let print = self.print_parts(PrintTarget::Buffer, parts, false, range)?;
        let ok = self.library_call("fmt::fmt_ok", vec![], range)?;
        Ok(self.block_expr(vec![Stmt::Expr(print)], Some(ok), range))
    }
}
