//! Calls of libc functions (`libc::malloc`, `libc::printf`, ..), of
//! `core::intrinsics::offload_get_num_devices` and `core::mem::size_of`,
//! and C-string literals `c"..."`.

use std::ops::Range;

use hybrid_ir::{Expr, ExprKind, Handle, HostFn, Intrinsic, Literal, Scalar};

use super::FnLower;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::infer::{Shape, TyId, VarKind};

impl<'i> FnLower<'i> {
    /// `*mut u8` / `*const i8`: the pointers of the C functions' signatures.
    fn raw_ptr(&mut self, pointee: Scalar, mutable: bool) -> TyId {
        let pointee = self.scalar_ty(pointee);
        self.infer.known(Shape::Ptr { pointee, mutable, reference: false })
    }

    fn require_unsafe(&self, path: &str, range: &Range<usize>) -> DResult<()> {
        if self.unsafe_depth == 0 {
            return Err(Diagnostic::at(
                Some("E0133"),
                format!("call to unsafe function `{path}` is unsafe and requires unsafe function or block"),
                range.clone(),
                "call to unsafe function",
            )
            .note("consult the function's documentation for information on how to avoid undefined behavior"));
        }
        Ok(())
    }

    fn host_call(&mut self, f: HostFn, args: Vec<Handle<Expr>>, ty: TyId, range: &Range<usize>) -> Handle<Expr> {
        self.push(ExprKind::Intrinsic { op: Intrinsic::HostCall(f), args }, ty, range)
    }

    /// The libc functions and the offload device count; `None` for other paths.
    pub(crate) fn clib_call(
        &mut self,
        path: &str,
        syn_path: &syn::Path,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Option<Handle<Expr>>> {
        if path == "core::intrinsics::offload_get_num_devices" {
            self.arity(path, args, 0, range)?;
            self.facts.host_only.push(("`offload_get_num_devices`".into(), range.clone()));
            let i32_ty = self.scalar_ty(Scalar::I32);
            return Ok(Some(self.host_call(HostFn::NumDevices, vec![], i32_ty, range)));
        }
        if let Some(end) = path.strip_prefix("core::intrinsics::offload_preload_range") {
            // the library's `core::offload::with_preload{,_mut}` (present-table references)
            let (f, n) = match end {
                "" => (HostFn::PreloadBegin, 4),
                "_end" => (HostFn::PreloadEnd, 3),
                _ => return Ok(None),
            };
            self.require_unsafe(path, range)?;
            self.facts.host_only.push((format!("`{path}`"), range.clone()));
            let (ptr, bool_ty, device) = (self.raw_ptr(Scalar::U8, false), self.scalar_ty(Scalar::Bool), self.scalar_ty(Scalar::I32));
            let params = match n {
                4 => vec![ptr, self.scalar_ty(Scalar::Usize), bool_ty, device],
                _ => vec![ptr, bool_ty, device],
            };
            let unit = self.infer.unit();
            return self.host_call_with(path, f, &params, unit, args, range).map(Some);
        }
        if path == "core::intrinsics::offload_sync" {
            self.arity(path, args, 0, range)?;
            self.facts.host_only.push(("`offload_sync`".into(), range.clone()));
            let unit = self.infer.unit();
            return Ok(Some(self.host_call(HostFn::OffloadSync, vec![], unit, range)));
        }
        if path == "core::intrinsics::vec_dealloc" {
            // the drop glue of a `Vec` (`core::ptr::drop_vec`)
            self.require_unsafe(path, range)?;
            self.facts.host_only.push((format!("`{path}`"), range.clone()));
            let (ptr, usize_ty) = (self.raw_ptr(Scalar::U8, true), self.scalar_ty(Scalar::Usize));
            let unit = self.infer.unit();
            return self.host_call_with(path, HostFn::VecDealloc, &[ptr, usize_ty, usize_ty], unit, args, range).map(Some);
        }
        if let Some(name) = path.strip_prefix("core::intrinsics::hybrid_") {
            // the library's strings (`str.rs`, `string.rs`, `fmt.rs`): shim functions
            let Some((f, params, ret)) = self.string_intrinsic(name) else { return Ok(None) };
            self.require_unsafe(path, range)?;
            self.facts.host_only.push(("strings (`&str`, `String`, `format!`)".into(), range.clone()));
            return self.host_call_with(path, f, &params, ret, args, range).map(Some);
        }
        if let Some(item) = path.strip_prefix("core::offload::") {
            // FIXME(offload library): `Region`, `PartitioningStrategy` need traits and lifetimes
            let what = if item.starts_with("offload::") { item } else { item.split("::").next().unwrap_or(item) };
            let hint = " (rustc's offload library: regions and partitioning)";
            return Err(Diagnostic::unsupported(&format!("`core::offload::{what}`{hint}"), range_of(syn_path)));
        }
        if path == "core::intrinsics::offload_args" {
            // FIXME(offload_args): rustc maps the arguments and runs the function on the host with device pointers (for GPU libraries)
            return Err(Diagnostic::unsupported(
                "`core::intrinsics::offload_args` (host functions called with device pointers)",
                range_of(syn_path),
            ));
        }
        if path == "core::mem::size_of" || path == "core::mem::align_of" {
            let align = path.ends_with("align_of");
            self.arity(path, args, 0, range)?;
            let tys = self.turbofish_types(syn_path, 1, if align { "align_of::<T>()" } else { "size_of::<T>()" })?;
            let t = self.convert_type(&tys[0])?;
            let ty = self
                .infer
                .resolve(t, self.types)
                .map_err(|_| Diagnostic::at(Some("E0282"), "type annotations needed", range_of(&tys[0]), "cannot infer type"))?;
            let layout = self.types.layout(ty);
            let value = if align { layout.align } else { layout.size };
            return Ok(Some(self.lit_scalar(Scalar::Usize, value, range)));
        }
        if path == "core::mem::needs_drop" {
            self.arity(path, args, 0, range)?;
            let tys = self.turbofish_types(syn_path, 1, "needs_drop::<T>()")?;
            let t = self.convert_type(&tys[0])?;
            let ty = self
                .infer
                .resolve(t, self.types)
                .map_err(|_| Diagnostic::at(Some("E0282"), "type annotations needed", range_of(&tys[0]), "cannot infer type"))?;
            let needs = self.type_needs_drop(ty);
            return Ok(Some(self.lit_scalar(Scalar::Bool, needs as u64, range)));
        }
        if path == "core::mem::transmute" {
            return self.transmute(syn_path, args, range).map(Some);
        }
        let Some(name) = path.strip_prefix("libc::") else { return Ok(None) };
        self.require_unsafe(path, range)?;
        self.facts.host_only.push((format!("`{path}`"), range.clone()));
        let usize_ty = self.scalar_ty(Scalar::Usize);
        let void_ptr = self.raw_ptr(Scalar::U8, true);
        let char_ptr = self.raw_ptr(Scalar::I8, false);
        let i32_ty = self.scalar_ty(Scalar::I32);
        let (f, params, ret) = match name {
            "malloc" => (HostFn::Malloc, vec![usize_ty], void_ptr),
            "calloc" => (HostFn::Calloc, vec![usize_ty, usize_ty], void_ptr),
            "realloc" => (HostFn::Realloc, vec![void_ptr, usize_ty], void_ptr),
            "free" => (HostFn::Free, vec![void_ptr], self.infer.unit()),
            "puts" => (HostFn::Puts, vec![char_ptr], i32_ty),
            "exit" => {
                self.arity(path, args, 1, range)?;
                let code = self.lower_coerced(args[0], i32_ty)?;
                let never = self.infer.never();
                return Ok(Some(self.intrinsic(Intrinsic::Exit, vec![code], never, range)));
            }
            "printf" => return self.printf(path, args, range).map(Some),
            _ => return Ok(None),
        };
        self.host_call_with(path, f, &params, ret, args, range).map(Some)
    }

    /// `HostCall(f)` of `args`, checked for their count and coerced to `params`.
    fn host_call_with(
        &mut self,
        path: &str,
        f: HostFn,
        params: &[TyId],
        ret: TyId,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        self.arity(path, args, params.len(), range)?;
        let mut lowered = Vec::new();
        for (a, &p) in args.iter().zip(params) {
            lowered.push(self.lower_coerced(a, p)?);
        }
        Ok(self.host_call(f, lowered, ret, range))
    }

    /// The shim's string functions the library calls as
    /// `core::intrinsics::hybrid_<name>`: the row, parameter and result types.
    fn string_intrinsic(&mut self, name: &str) -> Option<(HostFn, Vec<TyId>, TyId)> {
        let bytes = self.raw_ptr(Scalar::U8, false);
        let (usize_ty, u64_ty, i32_ty, u32_ty) =
            (self.scalar_ty(Scalar::Usize), self.scalar_ty(Scalar::U64), self.scalar_ty(Scalar::I32), self.scalar_ty(Scalar::U32));
        let unit = self.infer.unit();
        Some(match name {
            "fmt_str_spec" => (HostFn::FmtStrSpec, vec![bytes, usize_ty, u64_ty], unit),
            "fmt_char" => (HostFn::FmtChar, vec![u32_ty, u64_ty], unit),
            "fmt_i64" => (HostFn::FmtI64, vec![self.scalar_ty(Scalar::I64), u64_ty], unit),
            "fmt_u64" => (HostFn::FmtU64, vec![u64_ty, u64_ty], unit),
            "fmt_f64" => (HostFn::FmtF64, vec![self.scalar_ty(Scalar::F64), u64_ty], unit),
            "fmt_f32" => (HostFn::FmtF32, vec![self.scalar_ty(Scalar::F32), u64_ty], unit),
            "fmt_bool" => (HostFn::FmtBool, vec![self.scalar_ty(Scalar::Bool), u64_ty], unit),
            "fmt_begin" => (HostFn::FmtBegin, vec![], unit),
            "fmt_end" => {
                let u8_ty = self.scalar_ty(Scalar::U8);
                let v = self.infer.known(Shape::Vec(u8_ty));
                let out = self.infer.known(Shape::Ptr { pointee: v, mutable: true, reference: false });
                (HostFn::FmtEnd, vec![out], unit)
            }
            "parse_int" => {
                let out = self.raw_ptr(Scalar::U64, true);
                (HostFn::ParseInt, vec![bytes, usize_ty, i32_ty, out], i32_ty)
            }
            "arg_count" => (HostFn::ArgCount, vec![], usize_ty),
            "arg" => {
                let u8_ty = self.scalar_ty(Scalar::U8);
                let v = self.infer.known(Shape::Vec(u8_ty));
                let out = self.infer.known(Shape::Ptr { pointee: v, mutable: true, reference: false });
                (HostFn::Arg, vec![usize_ty, out], unit)
            }
            "parse_float" => {
                let out = self.raw_ptr(Scalar::F64, true);
                (HostFn::ParseFloat, vec![bytes, usize_ty, i32_ty, out], i32_ty)
            }
            _ => return None,
        })
    }

    /// `libc::printf(format, args..)`: the variadic arguments go to the shim
    /// in 8-byte slots (a `#[repr(C)]` tuple of `i64`/`u64`/`f64`/pointers),
    /// with C's default promotions as rustc applies them.
    fn printf(&mut self, path: &str, args: &[&syn::Expr], range: &Range<usize>) -> DResult<Handle<Expr>> {
        if args.is_empty() {
            return Err(Diagnostic::at(
                Some("E0060"),
                "this function takes at least 1 argument but 0 arguments were supplied",
                range.clone(),
                format!("`{path}` needs a format string"),
            ));
        }
        let char_ptr = self.raw_ptr(Scalar::I8, false);
        let format = self.lower_coerced(args[0], char_ptr)?;
        let mut slots = Vec::new();
        let mut slot_tys = Vec::new();
        for a in &args[1..] {
            let v = self.expr(a)?;
            let t = self.ty(v);
            let r = range_of(*a);
            let (slot, slot_ty) = match self.shape(t) {
                Some(Shape::Scalar(s))
                    if matches!(s, Scalar::I32 | Scalar::U32 | Scalar::I64 | Scalar::U64 | Scalar::Isize | Scalar::Usize | Scalar::F64) =>
                {
                    let wide = match s {
                        Scalar::I32 | Scalar::I64 | Scalar::Isize => Scalar::I64,
                        Scalar::F64 => Scalar::F64,
                        _ => Scalar::U64,
                    };
                    let wide_ty = self.scalar_ty(wide);
                    let e = if wide == s { v } else { self.push(ExprKind::Cast { value: v }, wide_ty, &r) };
                    (e, wide_ty)
                }
                Some(Shape::Ptr { .. }) => (v, t),
                None if self.infer.var_kind(t) == Some(VarKind::Int) => {
                    // an unsuffixed integer literal: `i32`, as rustc infers it
                    let i32_ty = self.scalar_ty(Scalar::I32);
                    self.expect_ty(i32_ty, t, &r)?;
                    let i64_ty = self.scalar_ty(Scalar::I64);
                    (self.push(ExprKind::Cast { value: v }, i64_ty, &r), i64_ty)
                }
                None if self.infer.var_kind(t) == Some(VarKind::Float) => {
                    let f64_ty = self.scalar_ty(Scalar::F64);
                    self.expect_ty(f64_ty, t, &r)?;
                    (v, f64_ty)
                }
                _ => {
                    let shown = self.describe(t);
                    let cast = match self.shape(t) {
                        Some(Shape::Scalar(Scalar::F32)) => "c_double",
                        Some(Shape::Scalar(Scalar::I8 | Scalar::I16 | Scalar::Bool)) => "c_int",
                        Some(Shape::Scalar(Scalar::U8 | Scalar::U16)) => "c_uint",
                        _ => "",
                    };
                    let mut d = Diagnostic::at(Some("E0617"), format!("can't pass {shown} to variadic function"), r, "");
                    if !cast.is_empty() {
                        d = d.help(format!("cast the value to `{cast}`: `{} as {cast}`", self.text(&range_of(*a))));
                    }
                    return Err(d);
                }
            };
            slots.push(slot);
            slot_tys.push(slot_ty);
        }
        let n = self.lit_scalar(Scalar::Usize, slots.len() as u64, range);
        let u64_ty = self.scalar_ty(Scalar::U64);
        let slots_ptr_ty = self.infer.known(Shape::Ptr { pointee: u64_ty, mutable: false, reference: false });
        let (stmts, slots_ptr) = match slots.len() {
            0 => {
                let zero = self.lit_scalar(Scalar::Usize, 0, range);
                (vec![], self.push(ExprKind::Cast { value: zero }, slots_ptr_ty, range))
            }
            _ => {
                // one slot: a 1-element array; more: a tuple (8-byte fields, no padding)
                let agg = if slots.len() == 1 {
                    let arr = self.infer.known(Shape::Array { elem: slot_tys[0], len: 1 });
                    self.push(ExprKind::Array(slots), arr, range)
                } else {
                    let tup = self.infer.known(Shape::Tuple(slot_tys));
                    self.push(ExprKind::Tuple(slots), tup, range)
                };
                let agg_ty = self.ty(agg);
                let (st, place) = self.spill(agg, "printf_args");
                let agg_ptr_ty = self.infer.known(Shape::Ptr { pointee: agg_ty, mutable: false, reference: true });
                let addr = self.push(ExprKind::AddrOf { place, mutable: false }, agg_ptr_ty, range);
                (vec![st], self.push(ExprKind::Cast { value: addr }, slots_ptr_ty, range))
            }
        };
        let i32_ty = self.scalar_ty(Scalar::I32);
        let call = self.host_call(HostFn::Printf, vec![format, slots_ptr, n], i32_ty, range);
        Ok(self.block_expr(stmts, Some(call), range))
    }

    /// `c"text"`: a pointer to the NUL-terminated bytes, as `&[i8; N]` in a
    /// local of the function (so `.as_ptr()` is a `*const c_char`).
    /// FIXME(CStr): the type is `&[i8; N]`, not `&CStr`; only `.as_ptr()` and
    /// passing it on as such a reference work.
    pub(crate) fn c_string(&mut self, s: &syn::LitCStr, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let bytes = s.value().into_bytes_with_nul();
        let i8_ty = self.scalar_ty(Scalar::I8);
        let elems: Vec<_> = bytes.iter().map(|&b| self.lit(Literal::Int(b as u64), i8_ty, range)).collect();
        let arr_ty = self.infer.known(Shape::Array { elem: i8_ty, len: bytes.len() as u64 });
        let arr = self.push(ExprKind::Array(elems), arr_ty, range);
        let (st, place) = self.spill(arr, "c_str");
        let ref_ty = self.infer.known(Shape::Ptr { pointee: arr_ty, mutable: false, reference: true });
        let addr = self.push(ExprKind::AddrOf { place, mutable: false }, ref_ty, range);
        Ok(self.block_expr(vec![st], Some(addr), range))
    }
}

impl FnLower<'_> {
    /// `core::mem::transmute::<A, B>(x)` of numeric scalars of one size (a
    /// bit cast); other types are not supported yet.
    fn transmute(&mut self, syn_path: &syn::Path, args: &[&syn::Expr], range: &Range<usize>) -> DResult<Handle<Expr>> {
        self.require_unsafe("core::mem::transmute", range)?;
        self.arity("core::mem::transmute", args, 1, range)?;
        // FIXME(transmute inference): `let b: u32 = transmute(x)` needs the turbofish
        let tys = self.turbofish_types(syn_path, 2, "transmute::<From, To>(x)")?;
        let (from, to) = (self.convert_type(&tys[0])?, self.convert_type(&tys[1])?);
        let value = self.lower_coerced(args[0], from)?;
        let scalar = |this: &mut Self, t| match this.shape(t) {
            Some(Shape::Scalar(s)) if s != Scalar::Bool => Some(s),
            _ => None,
        };
        match (scalar(self, from), scalar(self, to)) {
            (Some(a), Some(b)) if a.bits() == b.bits() => Ok(self.intrinsic(Intrinsic::Bitcast, vec![value], to, range)),
            (Some(a), Some(b)) => Err(Diagnostic::at(
                Some("E0512"),
                "cannot transmute between types of different sizes, or dependently-sized types",
                range_of(syn_path),
                "",
            )
            .note(format!("source type: `{}` ({} bits)", a.name(), a.bits()))
            .note(format!("target type: `{}` ({} bits)", b.name(), b.bits()))),
            _ => Err(Diagnostic::unsupported("`transmute` of types other than numeric scalars", range_of(syn_path))),
        }
    }
}
