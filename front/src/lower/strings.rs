//! Strings in lowering: string literals as `&str` values (the library's
//! `str::Str` over bytes in read-only data), `String`s and `&str`s in
//! format strings, `format!`, `write!` / `writeln!`, `{}` of types with a
//! `Display` / `Debug` impl (a call of its `fmt` between the pieces), and
//! the conversions between `String` and `&str` that rustc's `Deref` makes
//! (`&s` as a `&str` argument, `==` between them).

use std::ops::Range;

use hybrid_ir::{Expr, ExprKind, FmtKind, FmtSpec, Handle, HostFn, Intrinsic, Scalar, Stmt, Type};
use quote::quote;

use super::debug::Part;
use super::FnLower;
use crate::diag::{DResult, Diagnostic};
use crate::generics::Bound;
use crate::infer::{Shape, TyId};
use crate::resolve::FnId;

/// What a value is to the string machinery.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum StrKind {
    /// `&str` (the struct), `derefs` references deep.
    Str { derefs: u32 },
    /// `String`, `derefs` references deep.
    String { derefs: u32 },
}

impl FnLower<'_> {
    /// `"text"`: a `&str` of the bytes, placed in read-only data.
    pub(crate) fn str_literal(&mut self, text: &str, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let Some(st) = self.items.str_struct() else {
            return Err(Diagnostic::unsupported("string literals here (the library's strings are not loaded)", range.clone()));
        };
        self.facts.host_only.push(("string literals (`&str` lives on the host)".into(), range.clone()));
        let u8_ty = self.scalar_ty(Scalar::U8);
        let ptr_ty = self.infer.known(Shape::Ptr { pointee: u8_ty, mutable: false, reference: false });
        let ptr = self.push(ExprKind::StaticBytes(text.as_bytes().to_vec()), ptr_ty, range);
        let len = self.lit_scalar(Scalar::Usize, text.len() as u64, range);
        let ty = self.infer.import(st, self.types);
        Ok(self.push(ExprKind::Struct { fields: vec![ptr, len] }, ty, range))
    }

    /// Whether `t` is `&str` or `String` (or references to them).
    pub(crate) fn str_kind(&mut self, t: TyId) -> Option<StrKind> {
        let (st, string) = (self.items.str_struct()?, self.items.string_struct());
        let mut t = t;
        let mut derefs = 0;
        loop {
            match self.shape(t)? {
                Shape::Struct(def) => {
                    let ty = self.types.insert(Type::Struct(def));
                    return if ty == st {
                        Some(StrKind::Str { derefs })
                    } else if Some(ty) == string {
                        Some(StrKind::String { derefs })
                    } else {
                        None
                    };
                }
                Shape::Ptr { pointee, reference: true, .. } => {
                    t = pointee;
                    derefs += 1;
                }
                _ => return None,
            }
        }
    }

    /// A `&str`, `String` or reference to one as a `&str` value.
    pub(crate) fn as_str_value(&mut self, e: Handle<Expr>, range: &Range<usize>) -> DResult<Option<Handle<Expr>>> {
        let t = self.ty(e);
        let Some(kind) = self.str_kind(t) else { return Ok(None) };
        let (derefs, string) = match kind {
            StrKind::Str { derefs } => (derefs, false),
            StrKind::String { derefs } => (derefs, true),
        };
        let mut v = e;
        for _ in 0..derefs {
            let t = self.ty(v);
            let Some(Shape::Ptr { pointee, .. }) = self.shape(t) else { unreachable!("str_kind counted references") };
            v = self.push(ExprKind::Deref(v), pointee, range);
        }
        if !string {
            return Ok(Some(v));
        }
        // `String::as_str(&s)`
        let addr = self.take_address(v, false, range)?;
        Ok(Some(self.library_call("string::String::as_str", vec![addr], range)?))
    }

    /// A call of the library function at `path` (below `core::`) with
    /// lowered arguments, through desugared tokens over locals bound to them.
    pub(crate) fn library_call(&mut self, path: &str, args: Vec<Handle<Expr>>, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let mut stmts = Vec::new();
        let mut scope = Vec::new();
        let mut names = Vec::new();
        for (i, a) in args.into_iter().enumerate() {
            let (st, place) = self.spill(a, "str_arg");
            stmts.push(st);
            let ExprKind::Local(l) = *self.kind(place) else { unreachable!("spill gives a local") };
            let name = format!("__hybrid_str_arg{i}");
            scope.push((name.clone(), l));
            names.push(syn::Ident::new(&name, proc_macro2::Span::call_site()));
        }
        let segs: Vec<syn::Ident> = path.split("::").map(|s| syn::Ident::new(s, proc_macro2::Span::call_site())).collect();
        let tokens = quote!(::core #(:: #segs)* ( #(#names),* ));
        self.scopes.push(scope);
        let call = self.lower_desugared(tokens, "a library string call");
        self.scopes.pop();
        let call = call?;
        self.set_caller_at(call, range.start);
        if stmts.is_empty() {
            return Ok(call);
        }
        Ok(self.block_expr(stmts, Some(call), range))
    }

    /// `{}` / `{:?}` of a `dyn Display` / `dyn Debug` object (`&dyn`,
    /// `Box<dyn>`): `obj.fmt_object(&mut fmt::formatter(spec))` through its
    /// vtable (`fmt::DisplayObject`, which forwards to the value's `fmt` with
    /// the spec in the formatter).
    fn dyn_fmt_parts(
        &mut self,
        value: Handle<Expr>,
        t: crate::infer::TyId,
        spec: FmtSpec,
        bits: Option<Handle<Expr>>,
        range: &Range<usize>,
    ) -> DResult<Option<Vec<Part>>> {
        let Ok(ty) = self.infer.resolve(t, self.types) else { return Ok(None) };
        let Some((tid, _)) = self.items.dyn_of(self.types, ty) else { return Ok(None) };
        let trait_name = self.items.traits[tid].name.clone();
        let wanted = if spec.kind == FmtKind::Debug { "core::fmt::DebugObject" } else { "core::fmt::DisplayObject" };
        if !matches!(trait_name.as_str(), "core::fmt::DebugObject" | "core::fmt::DisplayObject") {
            return Ok(None);
        }
        if trait_name != wanted || !matches!(spec.kind, FmtKind::Display | FmtKind::Debug) {
            let shown = self.types.display(ty).to_string();
            return Err(Diagnostic::unsupported(&format!("this format trait of a `{shown}`"), range.clone()));
        }
        let bits = bits.unwrap_or_else(|| self.lit_scalar(Scalar::U64, hybrid_ir::abi::encode_fmt_spec(&spec), range));
        let f = self.library_call("fmt::fmt_formatter", vec![bits], range)?;
        let (fst, fplace) = self.spill(f, "formatter");
        let (vst, vplace) = if matches!(self.kind(value), ExprKind::Local(_)) {
            (None, value)
        } else {
            let (st, p) = self.spill(value, "fmt_object");
            (Some(st), p)
        };
        let (ExprKind::Local(fl), ExprKind::Local(vl)) = (self.kind(fplace).clone(), self.kind(vplace).clone()) else {
            return Err(Diagnostic::ice("spill gives a local"));
        };
        self.scopes.push(vec![("__hybrid_fmt_object".to_string(), vl), ("__hybrid_formatter".to_string(), fl)]);
        let call = self.lower_desugared(quote!(__hybrid_fmt_object.fmt_object(&mut __hybrid_formatter)), "`{}` of a trait object");
        self.scopes.pop();
        let call = call?;
        let mut parts: Vec<Part> = vst.into_iter().map(Part::Stmt).collect();
        parts.push(Part::Stmt(fst));
        parts.push(Part::Stmt(Stmt::Expr(call)));
        Ok(Some(parts))
    }

    /// `{}` / `{:?}` of a string or of a type with a `Display` / `Debug`
    /// impl: the parts that print it; `None` for other values.
    pub(crate) fn string_fmt_parts(&mut self, value: Handle<Expr>, spec: FmtSpec, range: &Range<usize>) -> DResult<Option<Vec<Part>>> {
        self.string_fmt_parts_with(value, spec, None, range)
    }

    /// [`Self::string_fmt_parts`] with the packed spec computed at run time when `bits` is
    /// given (a width or precision from an argument).
    pub(crate) fn string_fmt_parts_with(
        &mut self,
        value: Handle<Expr>,
        spec: FmtSpec,
        bits: Option<Handle<Expr>>,
        range: &Range<usize>,
    ) -> DResult<Option<Vec<Part>>> {
        // a temporary (`shout(s)`) lives in a local of the whole print, as rustc's format arguments do
        let t = self.ty(value);
        let mut value = value;
        let mut first = Vec::new();
        if self.str_kind(t).is_some() && !self.kind(value).is_place() {
            let (st, place) = self.spill(value, "fmt_value");
            first.push(Part::Stmt(st));
            value = place;
        }
        let parts = self.string_fmt_parts_of(value, spec, bits, range)?;
        Ok(parts.map(|p| first.into_iter().chain(p).collect()))
    }

    fn string_fmt_parts_of(
        &mut self,
        value: Handle<Expr>,
        spec: FmtSpec,
        bits: Option<Handle<Expr>>,
        range: &Range<usize>,
    ) -> DResult<Option<Vec<Part>>> {
        if let Some(s) = self.as_str_value(value, range)? {
            // `hybrid_fmt_str_spec(s.as_ptr(), s.len(), spec)`
            let (st, place) = self.spill(s, "fmt_str");
            let u8_ty = self.scalar_ty(Scalar::U8);
            let ptr_ty = self.infer.known(Shape::Ptr { pointee: u8_ty, mutable: false, reference: false });
            let usize_ty = self.scalar_ty(Scalar::Usize);
            let ptr = self.push(ExprKind::Field { base: place, index: 0 }, ptr_ty, range);
            let place2 = self.local_read(place, range);
            let len = self.push(ExprKind::Field { base: place2, index: 1 }, usize_ty, range);
            let bits = bits.unwrap_or_else(|| self.lit_scalar(Scalar::U64, hybrid_ir::abi::encode_fmt_spec(&spec), range));
            let unit = self.infer.unit();
            let call =
                self.push(ExprKind::Intrinsic { op: Intrinsic::HostCall(HostFn::FmtStrSpec), args: vec![ptr, len, bits] }, unit, range);
            return Ok(Some(vec![Part::Stmt(st), Part::Stmt(Stmt::Expr(call))]));
        }
        // a type with an impl of the trait: `<T as Display>::fmt(&v, &mut fmt::formatter(spec))`
        let t = self.ty(value);
        if let Some(parts) = self.dyn_fmt_parts(value, t, spec, bits, range)? {
            return Ok(Some(parts));
        }
        let trait_name = if spec.kind == FmtKind::Debug { "Debug" } else { "Display" };
        let ty = match self.shape(t) {
            Some(Shape::Struct(_) | Shape::Adt { .. }) => match self.infer.resolve(t, self.types) {
                Ok(ty) => ty,
                Err(_) => return Ok(None),
            },
            _ => return Ok(None),
        };
        let bound = Bound::Lang(trait_name.to_string());
        let Some(fid) = self.items.impl_of(self.types, &bound, ty).and_then(|i| self.items.impl_method(i, "fmt")) else {
            if spec.kind == FmtKind::Debug {
                return Ok(None);
            }
            let name = self.types.display(ty).to_string();
            return Err(Diagnostic::at(
                Some("E0277"),
                format!("`{name}` doesn't implement `std::fmt::Display`"),
                range.clone(),
                format!("`{name}` cannot be formatted with the default formatter"),
            )
            .help(format!("the trait `std::fmt::Display` is not implemented for `{name}`"))
            .note("in format strings you may be able to use `{:?}` (or {:#?} for pretty-print) instead"));
        };
        let addr = self.take_address(value, false, range)?;
        let bits = bits.unwrap_or_else(|| self.lit_scalar(Scalar::U64, hybrid_ir::abi::encode_fmt_spec(&spec), range));
        let f = self.library_call("fmt::fmt_formatter", vec![bits], range)?;
        let (st, fplace) = self.spill(f, "formatter");
        let fref = self.take_address(fplace, true, range)?;
        let call = self.call_lowered(fid, Some(t), vec![addr, fref], range)?;
        Ok(Some(vec![Part::Stmt(st), Part::Stmt(Stmt::Expr(call))]))
    }

    /// `format!(..)`: the pieces printed into the line buffer between
    /// `hybrid_fmt_begin` and the library's `string::from_format`.
    pub(crate) fn format_macro(&mut self, mac: &syn::Macro, range: &Range<usize>) -> DResult<Handle<Expr>> {
        if self.items.string_struct().is_none() {
            return Err(Diagnostic::unsupported("`format!` here (the library's strings are not loaded)", range.clone()));
        }
        self.facts.host_only.push(("`format!` (`String` lives on the host)".into(), range.clone()));
        let args = super::macros::parse_exprs(mac)?;
        let Some(fmt) = args.first() else {
            return Err(Diagnostic::at(None, "requires at least a format string argument", range.clone(), ""));
        };
        let body = self.print_to_buffer(fmt, &args[1..], true, range)?;
        let end = self.library_call("string::string_from_format", vec![], range)?;
        Ok(self.block_expr(vec![Stmt::Expr(body)], Some(end), range))
    }

    /// `write!(f, ..)` / `writeln!(f, ..)` into a `fmt::Formatter` (the
    /// line buffer; `fmt::Result` `Ok(())`) or a `String` (`push_str` of
    /// the `format!`).
    pub(crate) fn write_macro(&mut self, mac: &syn::Macro, newline: bool, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let args = super::macros::parse_exprs(mac)?;
        let Some(dest) = args.first() else {
            return Err(Diagnostic::at(None, "requires a destination and a format string", range.clone(), ""));
        };
        let d = self.expr(dest)?;
        let dt = self.ty(d);
        let is_formatter = {
            let mut t = dt;
            while let Some(Shape::Ptr { pointee, reference: true, .. }) = self.shape(t) {
                t = pointee;
            }
            match self.shape(t) {
                Some(Shape::Struct(def)) => self.types.structs[def].name == "core::fmt::Formatter",
                _ => false,
            }
        };
        let unit = self.infer.unit();
        let mut stmts = vec![Stmt::Expr(d)];
        let lit_nl = |this: &mut Self| {
            this.push(
                ExprKind::Print {
                    target: hybrid_ir::PrintTarget::Buffer,
                    pieces: vec![hybrid_ir::FmtPiece::Literal("\n".into())],
                    newline: false,
                },
                unit,
                range,
            )
        };
        if is_formatter {
            if let Some(fmt) = args.get(1) {
                let body = self.print_to_buffer(fmt, &args[2..], false, range)?;
                stmts.push(Stmt::Expr(body));
            }
            if newline {
                let nl = lit_nl(self);
                stmts.push(Stmt::Expr(nl));
            }
            let ok = self.library_call("fmt::fmt_ok", vec![], range)?;
            return Ok(self.block_expr(stmts, Some(ok), range));
        }
        let Some(StrKind::String { derefs }) = self.str_kind(dt) else {
            let shown = self.infer.describe(dt, self.types);
            return Err(Diagnostic::unsupported(
                &format!("`write!` into {shown} (hybridc writes into a `fmt::Formatter` or a `String`)"),
                crate::diag::range_of(dest),
            ));
        };
        // `s.push_str(&format!(..))`, then `Ok(())`; the destination is evaluated first
        let mut stmts = Vec::new();
        let mut target = d;
        for _ in 0..derefs {
            let t = self.ty(target);
            let Some(Shape::Ptr { pointee, .. }) = self.shape(t) else { break };
            target = self.push(ExprKind::Deref(target), pointee, range);
        }
        let mut target = self.take_address(target, true, range)?;
        if !matches!(self.kind(d), ExprKind::Local(_)) {
            let (st, place) = self.spill(target, "write_dest");
            stmts.push(st);
            target = place;
        }
        match args.get(1) {
            Some(fmt) => {
                let body = self.print_to_buffer(fmt, &args[2..], true, range)?;
                stmts.push(Stmt::Expr(body));
            }
            None => stmts.push(Stmt::Expr(self.push(
                ExprKind::Intrinsic { op: Intrinsic::HostCall(HostFn::FmtBegin), args: vec![] },
                unit,
                range,
            ))),
        }
        if newline {
            let nl = lit_nl(self);
            stmts.push(Stmt::Expr(nl));
        }
        let text = self.library_call("string::string_from_format", vec![], range)?;
        let text_str = self.as_str_value(text, range)?.expect("a String");
        let push = self.library_call("string::String::push_str", vec![target, text_str], range)?;
        stmts.push(Stmt::Expr(push));
        let ok = self.library_call("fmt::fmt_ok", vec![], range)?;
        Ok(self.block_expr(stmts, Some(ok), range))
    }

    /// A `&s` of a `String` where a `&str` is expected (rustc's deref
    /// coercion): `s.as_str()`; `None` when it is not that case.
    pub(crate) fn coerce_to_str(&mut self, e: Handle<Expr>, expected: TyId, range: &Range<usize>) -> DResult<Option<Handle<Expr>>> {
        let Some(StrKind::Str { derefs: 0 }) = self.str_kind(expected) else { return Ok(None) };
        let t = self.ty(e);
        match self.str_kind(t) {
            Some(StrKind::String { derefs }) if derefs >= 1 => self.as_str_value(e, range),
            Some(StrKind::Str { derefs }) if derefs >= 1 => self.as_str_value(e, range),
            _ => Ok(None),
        }
    }

    /// A method a struct has not: on a `String`, the `&str` method (rustc's
    /// auto-deref); `to_string()` of a type with a `Display` impl.
    pub(crate) fn string_method(
        &mut self,
        ty: Handle<Type>,
        name: &str,
        recv: Handle<Expr>,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Option<Handle<Expr>>> {
        // `a.eq(b)`, `s.ne(&t)`: rustc's `impl PartialEq<str> for str` and
        // those between `str`, `&str` and `String` (FIXME(PartialEq in the library))
        if matches!(name, "eq" | "ne") && args.len() == 1 {
            let comparable = |this: &mut Self, t: TyId| {
                matches!(this.str_kind(t), Some(StrKind::Str { derefs: 0 | 1 } | StrKind::String { derefs: 1 | 2 })).then_some(())
            };
            if self.probe_type(args[0], comparable).is_some() {
                let other = self.operand(args[0])?;
                return self.str_eq(name == "ne", recv, other, range);
            }
        }
        if Some(ty) == self.items.string_struct() {
            if let Some(sid) = self.items.library_type("str::Str") {
                if let Some(&fid) = self.items.structs[sid].methods.get(name) {
                    let s = self.as_str_value(recv, range)?.expect("a String");
                    return self.call_method(fid, s, args, range).map(Some);
                }
            }
        }
        if name == "to_string" && args.is_empty() && self.items.string_struct().is_some() {
            let value = self.autoderef(recv);
            let unit = self.infer.unit();
            let begin = self.push(ExprKind::Intrinsic { op: Intrinsic::HostCall(HostFn::FmtBegin), args: vec![] }, unit, range);
            let Some(parts) = self.string_fmt_parts(value, FmtSpec::default(), range)? else { return Ok(None) };
            let print = self.print_parts(hybrid_ir::PrintTarget::Buffer, parts, false, range)?;
            let end = self.library_call("string::string_from_format", vec![], range)?;
            return Ok(Some(self.block_expr(vec![Stmt::Expr(begin), Stmt::Expr(print)], Some(end), range)));
        }
        Ok(None)
    }

    /// Argument `v` of parameter type `pty` of trait method `id` whose
    /// `self` parameter (lowered already) has type `self_param`. rustc's
    /// `Self` of a `&self` method called on a `&str` is `str` (`impl Ord for
    /// str`), so a `&Self` parameter is a `&str`, to which `&&str` and
    /// `&String` arguments deref-coerce; here `Self` is the library's `Str`,
    /// which is `&str` (FIXME(unsized str): no `str` type), so such an
    /// argument is taken as a `&str` value and reborrowed as a `&Str`.
    pub(crate) fn method_argument(&mut self, id: FnId, self_param: Option<TyId>, v: Handle<Expr>, pty: TyId) -> DResult<Handle<Expr>> {
        let trait_method = self.items.fns[id].in_impl.is_some() || self.items.fns[id].in_trait.is_some();
        let ref_to_str = |this: &mut Self, t: TyId| match this.shape(t) {
            Some(Shape::Ptr { pointee, reference: true, .. }) => this.str_kind(pointee) == Some(StrKind::Str { derefs: 0 }),
            _ => false,
        };
        let arg_kind = self.str_kind(self.ty(v));
        let reborrow = trait_method
            && self_param.is_some_and(|t| ref_to_str(self, t))
            && ref_to_str(self, pty)
            && !matches!(arg_kind, None | Some(StrKind::Str { derefs: 1 }) | Some(StrKind::String { derefs: 0 }));
        if !reborrow {
            return self.coerce(v, pty);
        }
        let range = self.range(v);
        let value = self.as_str_value(v, &range)?.expect("a string");
        let addr = self.take_address(value, false, &range)?;
        self.coerce(addr, pty)
    }

    /// `a == b` (`a != b` if `ne`) of `&str`s and `String`s in any pairing
    /// (of the same depth of references, as rustc's impls): `str::eq`.
    pub(crate) fn str_eq(&mut self, ne: bool, lhs: Handle<Expr>, rhs: Handle<Expr>, range: &Range<usize>) -> DResult<Option<Handle<Expr>>> {
        let (lt, rt) = (self.ty(lhs), self.ty(rhs));
        let (Some(_), Some(_)) = (self.str_kind(lt), self.str_kind(rt)) else { return Ok(None) };
        let a = self.as_str_value(lhs, range)?.expect("a string");
        let b = self.as_str_value(rhs, range)?.expect("a string");
        let eq = self.library_call("str::str_eq", vec![a, b], range)?;
        if !ne {
            return Ok(Some(eq));
        }
        let bool_ty = self.scalar_ty(Scalar::Bool);
        Ok(Some(self.push(ExprKind::Unary { op: hybrid_ir::UnaryOp::Not, operand: eq }, bool_ty, range)))
    }
}
