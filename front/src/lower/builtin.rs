//! Built-in functions and methods: thread geometry, `offload`, `Vec`,
//! pointer, slice and array methods, float/integer methods, and calls of
//! user methods with auto-ref/auto-deref of the receiver.

use std::ops::Range;

use hybrid_ir::{Axis, BinaryOp, Expr, ExprKind, Handle, Intrinsic, Literal, MathFn, Scalar, Stmt};

use super::place::Access;
use super::FnLower;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::infer::{Shape, TyId, VarKind};

/// The intrinsic constructor of a thread-geometry builtin, by axis.
type GeometryOp = fn(Axis) -> Intrinsic;

fn geometry(name: &str) -> Option<(GeometryOp, Axis)> {
    let (base, axis) = name.rsplit_once('_')?;
    let axis = match axis {
        "x" => Axis::X,
        "y" => Axis::Y,
        "z" => Axis::Z,
        _ => return None,
    };
    let f: fn(Axis) -> Intrinsic = match base.trim_start_matches('_') {
        "thread_idx" => Intrinsic::ThreadIdx,
        "block_idx" => Intrinsic::BlockIdx,
        "block_dim" => Intrinsic::BlockDim,
        "grid_dim" => Intrinsic::GridDim,
        "global_idx" => Intrinsic::ThreadIdx, // marker; expanded by the caller
        _ => return None,
    };
    Some((f, axis))
}

/// Paths (with `std` read as `core`) that name built-in functions.
pub(crate) fn is_builtin_fn(path: &str) -> bool {
    if let Some(name) = path.strip_prefix("gpu::") {
        return geometry(name).is_some()
            || matches!(name, "sync_threads" | "shared_array" | "atomic_add" | "atomic_min" | "atomic_max" | "atomic_exch" | "atomic_cas");
    }
    if let Some(name) = path.strip_prefix("core::arch::nvptx::") {
        return (name.starts_with('_') && geometry(name).is_some() && !name.contains("global")) || name == "_syncthreads";
    }
    if crate::libc::is_libc_fn(path) || path.starts_with("core::offload::") || path.starts_with("core::intrinsics::hybrid_") {
        return true;
    }
    matches!(
        path,
        "core::intrinsics::offload_get_num_devices"
            | "core::intrinsics::offload_args"
            | "core::intrinsics::offload_preload_range"
            | "core::intrinsics::offload_preload_range_end"
            | "core::intrinsics::offload_sync"
            | "core::mem::size_of"
            | "core::mem::align_of"
            | "core::mem::needs_drop"
            | "core::intrinsics::vec_dealloc"
            | "core::mem::transmute"
            | "core::intrinsics::offload"
            | "core::intrinsics::gpu_dynamic_groupshared_mem"
            | "core::process::exit"
            | "core::hint::black_box"
            | "Vec::new"
            | "Vec::with_capacity"
            | "core::vec::Vec::new"
            | "core::vec::Vec::with_capacity"
            | "core::ptr::null_mut"
            | "core::ptr::null"
            | "core::time::Instant::now"
            | "Instant::now"
    )
}

/// Built-ins that take `::<T>` arguments.
pub(crate) fn takes_turbofish(path: &str) -> bool {
    path.ends_with("shared_array")
        || path.ends_with("hybrid_closure_value")
        || path.ends_with("gpu_dynamic_groupshared_mem")
        || path.ends_with("null_mut")
        || path.ends_with("null")
        || path.ends_with("size_of")
        || path.ends_with("align_of")
        || path.ends_with("needs_drop")
        || path.ends_with("transmute")
        || path.ends_with("offload")
        || path.ends_with("offload_args")
        || path.starts_with("core::offload::")
        || path.starts_with("Vec::")
}

impl<'i> FnLower<'i> {
    pub(crate) fn arity(&self, name: &str, args: &[&syn::Expr], n: usize, range: &Range<usize>) -> DResult<()> {
        if args.len() == n {
            return Ok(());
        }
        Err(Diagnostic::at(
            Some("E0061"),
            format!(
                "`{name}` takes {n} argument{} but {} {} supplied",
                if n == 1 { "" } else { "s" },
                args.len(),
                if args.len() == 1 { "argument was" } else { "arguments were" }
            ),
            range.clone(),
            format!("expected {n} argument{}", if n == 1 { "" } else { "s" }),
        ))
    }

    pub(crate) fn intrinsic(&mut self, op: Intrinsic, args: Vec<Handle<Expr>>, ty: TyId, range: &Range<usize>) -> Handle<Expr> {
        self.push(ExprKind::Intrinsic { op, args }, ty, range)
    }

    pub(crate) fn builtin_call(
        &mut self,
        path: &str,
        syn_path: &syn::Path,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        let u32_ty = self.scalar_ty(Scalar::U32);
        let short = path.rsplit("::").next().unwrap_or(path).to_string();
        if path == "core::intrinsics::hybrid_closure_value" {
            self.arity(path, args, 0, range)?;
            return self.closure_value(syn_path, range);
        }
        if path.starts_with("gpu::") || path.starts_with("core::arch::nvptx::") {
            let nvptx = path.starts_with("core::arch::nvptx::");
            if short == "sync_threads" || short == "_syncthreads" {
                self.arity(path, args, 0, range)?;
                self.facts.device_only.push((format!("`{path}()`"), range.clone()));
                let unit = self.infer.unit();
                return Ok(self.intrinsic(Intrinsic::SyncThreads, vec![], unit, range));
            }
            if let Some((make, axis)) = geometry(&short) {
                self.arity(path, args, 0, range)?;
                self.facts.device_only.push((format!("`{path}()`"), range.clone()));
                let v = if short.starts_with("global_idx") {
                    let b = self.intrinsic(Intrinsic::BlockIdx(axis), vec![], u32_ty, range);
                    let d = self.intrinsic(Intrinsic::BlockDim(axis), vec![], u32_ty, range);
                    let t = self.intrinsic(Intrinsic::ThreadIdx(axis), vec![], u32_ty, range);
                    let bd = self.push(ExprKind::Binary { op: BinaryOp::Mul, lhs: b, rhs: d }, u32_ty, range);
                    self.push(ExprKind::Binary { op: BinaryOp::Add, lhs: bd, rhs: t }, u32_ty, range)
                } else {
                    self.intrinsic(make(axis), vec![], u32_ty, range)
                };
                if nvptx {
                    let i32_ty = self.scalar_ty(Scalar::I32);
                    return Ok(self.push(ExprKind::Cast { value: v }, i32_ty, range));
                }
                return Ok(v);
            }
            if short == "shared_array" {
                return self.shared_array(syn_path, args, range);
            }
            if let Some(op) = short.strip_prefix("atomic_") {
                return self.atomic(op, path, args, range);
            }
            return Err(Diagnostic::unsupported(&format!("`{path}`"), range_of(syn_path)));
        }
        if let Some(call) = self.clib_call(path, syn_path, args, range)? {
            return Ok(call);
        }
        match path {
            "core::intrinsics::gpu_dynamic_groupshared_mem" => {
                self.arity(path, args, 0, range)?;
                let tys = self.turbofish_types(syn_path, 1, "gpu_dynamic_groupshared_mem::<T>()")?;
                self.facts.device_only.push((format!("`{path}`"), range.clone()));
                let pointee = self.convert_type(&tys[0])?;
                let ty = self.infer.known(Shape::Ptr { pointee, mutable: true, reference: false });
                Ok(self.intrinsic(Intrinsic::DynSharedMem, vec![], ty, range))
            }
            "core::intrinsics::offload" => self.offload_call(syn_path, args, range),
            "core::process::exit" => {
                self.arity(path, args, 1, range)?;
                self.facts.host_only.push(("`std::process::exit`".into(), range.clone()));
                let i32_ty = self.scalar_ty(Scalar::I32);
                let code = self.lower_coerced(args[0], i32_ty)?;
                let never = self.infer.never();
                Ok(self.intrinsic(Intrinsic::Exit, vec![code], never, range))
            }
            "core::hint::black_box" => {
                self.arity(path, args, 1, range)?;
                self.expr(args[0])
            }
            "Vec::new" | "core::vec::Vec::new" => {
                self.arity(path, args, 0, range)?;
                self.facts.host_only.push(("`Vec` (it lives on the host)".into(), range.clone()));
                let elem = self.infer.var(VarKind::General);
                let ty = self.infer.known(Shape::Vec(elem));
                Ok(self.intrinsic(Intrinsic::VecNew, vec![], ty, range))
            }
            "Vec::with_capacity" | "core::vec::Vec::with_capacity" => {
                self.arity(path, args, 1, range)?;
                self.facts.host_only.push(("`Vec` (it lives on the host)".into(), range.clone()));
                let usize_ty = self.scalar_ty(Scalar::Usize);
                let n = self.lower_coerced(args[0], usize_ty)?;
                let elem = self.infer.var(VarKind::General);
                let ty = self.infer.known(Shape::Vec(elem));
                Ok(self.intrinsic(Intrinsic::VecWithCapacity, vec![n], ty, range))
            }
            "core::ptr::null_mut" | "core::ptr::null" => {
                self.arity(path, args, 0, range)?;
                let pointee = self.infer.var(VarKind::General);
                let ty = self.infer.known(Shape::Ptr { pointee, mutable: path.ends_with("mut"), reference: false });
                let zero = self.lit_scalar(Scalar::Usize, 0, range);
                Ok(self.push(ExprKind::Cast { value: zero }, ty, range))
            }
            "core::time::Instant::now" | "Instant::now" => {
                self.arity(path, args, 0, range)?;
                self.facts.host_only.push(("`std::time::Instant`".into(), range.clone()));
                let u64_ty = self.scalar_ty(Scalar::U64);
                let now = self.intrinsic(Intrinsic::NowNanos, vec![], u64_ty, range);
                let def = self.time_struct("Instant");
                let ty = self.infer.known(Shape::Struct(def));
                Ok(self.push(ExprKind::Struct { fields: vec![now] }, ty, range))
            }
            _ => Err(Diagnostic::unsupported(&format!("`{path}`"), range_of(syn_path))),
        }
    }

    /// The built-in `Instant` / `Duration` types: structs of one `nanos: u64`
    /// field that no user item names (created on first use).
    fn time_struct(&mut self, name: &str) -> Handle<hybrid_ir::StructDef> {
        let user: Vec<_> = self.items.structs.iter().map(|s| s.def).collect();
        if let Some((h, _)) = self.types.structs.iter().find(|(h, d)| d.name == name && !user.contains(h)) {
            return h;
        }
        let nanos = self.types.scalar(Scalar::U64);
        let field = hybrid_ir::Field { name: "nanos".into(), ty: nanos };
        self.types.structs.append(hybrid_ir::StructDef { name: name.into(), fields: vec![field] })
    }

    /// `instant.elapsed()` and `duration.as_secs_f64()` on the built-in time types.
    pub(crate) fn time_method(
        &mut self,
        def: Handle<hybrid_ir::StructDef>,
        name: &str,
        recv: Handle<Expr>,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Option<Handle<Expr>>> {
        let sname = self.types.structs[def].name.clone();
        let u64_ty = self.scalar_ty(Scalar::U64);
        match (sname.as_str(), name) {
            ("Instant", "elapsed") => {
                self.arity("Instant::elapsed", args, 0, range)?;
                let start = self.push(ExprKind::Field { base: recv, index: 0 }, u64_ty, range);
                let now = self.intrinsic(Intrinsic::NowNanos, vec![], u64_ty, range);
                let nanos = self.push(ExprKind::Binary { op: BinaryOp::Sub, lhs: now, rhs: start }, u64_ty, range);
                let dur = self.time_struct("Duration");
                let ty = self.infer.known(Shape::Struct(dur));
                Ok(Some(self.push(ExprKind::Struct { fields: vec![nanos] }, ty, range)))
            }
            ("Duration", "as_secs_f64") => {
                self.arity("Duration::as_secs_f64", args, 0, range)?;
                let nanos = self.push(ExprKind::Field { base: recv, index: 0 }, u64_ty, range);
                let f64_ty = self.scalar_ty(Scalar::F64);
                let secs = self.push(ExprKind::Cast { value: nanos }, f64_ty, range);
                let billion = self.lit(Literal::Float(1e9), f64_ty, range);
                Ok(Some(self.push(ExprKind::Binary { op: BinaryOp::Div, lhs: secs, rhs: billion }, f64_ty, range)))
            }
            _ => Ok(None),
        }
    }

    /// The `::<..>` arguments of a path's last segment, as types.
    pub(crate) fn turbofish_types(&self, path: &syn::Path, n: usize, form: &str) -> DResult<Vec<syn::Type>> {
        let last = path.segments.last().ok_or_else(|| Diagnostic::ice("empty path"))?;
        let syn::PathArguments::AngleBracketed(a) = &last.arguments else {
            return Err(Diagnostic::at(Some("E0282"), "type annotations needed", range_of(path), format!("write `{form}`")));
        };
        if a.args.len() != n {
            return Err(Diagnostic::at(Some("E0107"), format!("expected {n} generic argument(s)"), range_of(a), format!("write `{form}`")));
        }
        a.args
            .iter()
            .map(|g| match g {
                syn::GenericArgument::Type(t) => Ok(t.clone()),
                syn::GenericArgument::Const(e) => Ok(syn::Type::Verbatim(quote::quote!(#e))),
                other => Err(Diagnostic::at(None, "expected a type or constant", range_of(other), format!("write `{form}`"))),
            })
            .collect()
    }

    /// `gpu::shared_array::<T, N>()`: `*mut [T; N]`, one per call site.
    fn shared_array(&mut self, syn_path: &syn::Path, args: &[&syn::Expr], range: &Range<usize>) -> DResult<Handle<Expr>> {
        self.arity("gpu::shared_array", args, 0, range)?;
        let form = "gpu::shared_array::<T, N>()";
        let last = syn_path.segments.last().ok_or_else(|| Diagnostic::ice("empty path"))?;
        let syn::PathArguments::AngleBracketed(a) = &last.arguments else {
            return Err(Diagnostic::at(Some("E0282"), "type annotations needed", range_of(syn_path), format!("write `{form}`")));
        };
        let (Some(syn::GenericArgument::Type(elem)), Some(len), 2) = (a.args.first(), a.args.get(1), a.args.len()) else {
            return Err(Diagnostic::at(Some("E0107"), "expected 2 generic arguments", range_of(a), format!("write `{form}`")));
        };
        let len_expr: syn::Expr = match len {
            syn::GenericArgument::Const(e) => e.clone(),
            syn::GenericArgument::Type(syn::Type::Path(p)) => {
                syn::Expr::Path(syn::ExprPath { attrs: vec![], qself: None, path: p.path.clone() })
            }
            other => return Err(Diagnostic::at(None, "expected a constant length", range_of(other), format!("write `{form}`"))),
        };
        let n = crate::consteval::eval_len(&len_expr, &self.const_env())?;
        let self_ty = self.items.fns[self.fid].owner.map(|s| self.items.structs[s].ty);
        let elem_ty = self.items.ir_type(elem, self.types, self_ty, self.module())?;
        if !crate::types::is_plain_data(self.types, elem_ty) {
            return Err(Diagnostic::unsupported("shared arrays of this element type", range_of(elem)));
        }
        let arr = self.types.insert(hybrid_ir::Type::Array { elem: elem_ty, len: n });
        let index = self.new_shared.len() as u32;
        self.new_shared.push(arr);
        self.facts.device_only.push(("`gpu::shared_array`".into(), range.clone()));
        let pointee = self.infer.import(arr, self.types);
        let ty = self.infer.known(Shape::Ptr { pointee, mutable: true, reference: false });
        Ok(self.intrinsic(Intrinsic::SharedArray(index), vec![], ty, range))
    }

    /// `gpu::atomic_add(p, v)` and friends on `*mut T`; they return the old value.
    fn atomic(&mut self, op: &str, path: &str, args: &[&syn::Expr], range: &Range<usize>) -> DResult<Handle<Expr>> {
        use hybrid_ir::AtomicOp;
        let (aop, n) = match op {
            "add" => (AtomicOp::Add, 2),
            "min" => (AtomicOp::Min, 2),
            "max" => (AtomicOp::Max, 2),
            "exch" => (AtomicOp::Exch, 2),
            "cas" => (AtomicOp::Cas, 3),
            _ => return Err(Diagnostic::unsupported(&format!("`{path}`"), range.clone())),
        };
        self.arity(path, args, n, range)?;
        let p = self.expr(args[0])?;
        let pr = self.range(p);
        let pointee = match self.shape(self.ty(p)) {
            Some(Shape::Ptr { pointee, mutable: true, .. }) => pointee,
            Some(_) => {
                let t = self.describe(self.ty(p));
                return Err(Diagnostic::at(Some("E0308"), "mismatched types", pr, format!("expected `*mut T`, found {t}")));
            }
            None => return Err(self.annotations_needed(&pr)),
        };
        let p = match self.shape(self.ty(p)) {
            Some(Shape::Ptr { reference: true, .. }) => {
                let raw = self.infer.known(Shape::Ptr { pointee, mutable: true, reference: false });
                self.push(ExprKind::Cast { value: p }, raw, &pr)
            }
            _ => p,
        };
        let mut lowered = vec![p];
        for a in &args[1..] {
            lowered.push(self.lower_coerced(a, pointee)?);
        }
        if let Some(Shape::Scalar(s)) = self.shape(pointee) {
            let ok = match aop {
                AtomicOp::Add | AtomicOp::Exch => s != Scalar::Bool && !matches!(s, Scalar::I8 | Scalar::I16 | Scalar::U8 | Scalar::U16),
                _ => s.is_int() && !matches!(s, Scalar::I8 | Scalar::I16 | Scalar::U8 | Scalar::U16),
            };
            if !ok {
                return Err(Diagnostic::at(
                    None,
                    format!("`{path}` is not available for `{}`", s.name()),
                    range.clone(),
                    "unsupported element type for this atomic",
                ));
            }
        } else if !self.infer.is_integer(pointee) && !self.infer.is_float(pointee) {
            let t = self.describe(pointee);
            return Err(Diagnostic::at(
                None,
                format!("`{path}` needs a pointer to a number, not to {t}"),
                pr,
                "unsupported element type for atomics",
            ));
        }
        self.facts.device_only.push((format!("`{path}`"), range.clone()));
        Ok(self.intrinsic(Intrinsic::Atomic(aop), lowered, pointee, range))
    }

    pub(crate) fn pointer_method(
        &mut self,
        name: &str,
        p: Handle<Expr>,
        pty: TyId,
        pointee: TyId,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        let needs_unsafe = matches!(name, "add" | "offset" | "read" | "write" | "sub");
        if needs_unsafe && self.unsafe_depth == 0 {
            return Err(Diagnostic::at(
                Some("E0133"),
                format!("call to unsafe function `{name}` is unsafe and requires unsafe block"),
                range.clone(),
                "call to unsafe function",
            ));
        }
        match name {
            "add" | "offset" => {
                self.arity(name, args, 1, range)?;
                let (op, s) = if name == "add" { (Intrinsic::PtrAdd, Scalar::Usize) } else { (Intrinsic::PtrOffset, Scalar::Isize) };
                let it = self.scalar_ty(s);
                let i = self.lower_coerced(args[0], it)?;
                Ok(self.intrinsic(op, vec![p, i], pty, range))
            }
            "read" => {
                self.arity(name, args, 0, range)?;
                Ok(self.push(ExprKind::Deref(p), pointee, range))
            }
            "write" => {
                self.arity(name, args, 1, range)?;
                if !matches!(self.shape(pty), Some(Shape::Ptr { mutable: true, .. })) {
                    return Err(Diagnostic::at(
                        Some("E0599"),
                        "no method named `write` found for a `*const` pointer",
                        range.clone(),
                        "`write` needs a `*mut` pointer",
                    ));
                }
                let v = self.lower_coerced(args[0], pointee)?;
                let place = self.push(ExprKind::Deref(p), pointee, range);
                let unit = self.infer.unit();
                let write = self.push(ExprKind::Assign { place, value: v }, unit, range);
                self.raw_writes.insert(write);
                Ok(write)
            }
            "is_null" => {
                self.arity(name, args, 0, range)?;
                let b = self.scalar_ty(Scalar::Bool);
                Ok(self.intrinsic(Intrinsic::PtrIsNull, vec![p], b, range))
            }
            _ => Err(Diagnostic::unsupported(&format!("the pointer method `{name}`"), range.clone())),
        }
    }

    pub(crate) fn float_method(
        &mut self,
        name: &str,
        x: Handle<Expr>,
        s: Scalar,
        args: &[&syn::Expr],
        range: &Range<usize>,
        method: &syn::Ident,
    ) -> DResult<Handle<Expr>> {
        let ty = self.ty(x);
        let math = |f| Intrinsic::Math(f);
        let unary = match name {
            "sqrt" => Some(MathFn::Sqrt),
            "abs" => Some(MathFn::Abs),
            "floor" => Some(MathFn::Floor),
            "ceil" => Some(MathFn::Ceil),
            "round" => Some(MathFn::Round),
            "trunc" => Some(MathFn::Trunc),
            "exp" => Some(MathFn::Exp),
            "exp2" => Some(MathFn::Exp2),
            "ln" => Some(MathFn::Ln),
            "log2" => Some(MathFn::Log2),
            "log10" => Some(MathFn::Log10),
            "sin" => Some(MathFn::Sin),
            "cos" => Some(MathFn::Cos),
            "tan" => Some(MathFn::Tan),
            "tanh" => Some(MathFn::Tanh),
            _ => None,
        };
        if let Some(f) = unary {
            self.arity(name, args, 0, range)?;
            return Ok(self.intrinsic(math(f), vec![x], ty, range));
        }
        match name {
            "min" | "max" | "powf" => {
                self.arity(name, args, 1, range)?;
                let y = self.lower_coerced(args[0], ty)?;
                let f = match name {
                    "min" => MathFn::Min,
                    "max" => MathFn::Max,
                    _ => MathFn::Powf,
                };
                Ok(self.intrinsic(math(f), vec![x, y], ty, range))
            }
            "powi" => {
                self.arity(name, args, 1, range)?;
                let i32_ty = self.scalar_ty(Scalar::I32);
                let y = self.lower_coerced(args[0], i32_ty)?;
                Ok(self.intrinsic(math(MathFn::Powi), vec![x, y], ty, range))
            }
            "mul_add" => {
                self.arity(name, args, 2, range)?;
                let a = self.lower_coerced(args[0], ty)?;
                let b = self.lower_coerced(args[1], ty)?;
                Ok(self.intrinsic(math(MathFn::MulAdd), vec![x, a, b], ty, range))
            }
            "recip" => {
                self.arity(name, args, 0, range)?;
                let one = self.lit(Literal::Float(1.0), ty, range);
                Ok(self.push(ExprKind::Binary { op: BinaryOp::Div, lhs: one, rhs: x }, ty, range))
            }
            "is_nan" => {
                self.arity(name, args, 0, range)?;
                let (st, place) = self.spill(x, "nan_check");
                let b = self.scalar_ty(Scalar::Bool);
                let again = match self.kind(place).clone() {
                    ExprKind::Local(l) => self.local_expr(l, range),
                    _ => place,
                };
                let ne = self.push(ExprKind::Binary { op: BinaryOp::Ne, lhs: place, rhs: again }, b, range);
                Ok(self.block_expr(vec![st], Some(ne), range))
            }
            "clone" => {
                self.arity(name, args, 0, range)?;
                Ok(x)
            }
            _ => {
                let _ = s;
                Err(self.no_method(name, ty, method))
            }
        }
    }

    pub(crate) fn int_method(
        &mut self,
        name: &str,
        x: Handle<Expr>,
        s: Scalar,
        args: &[&syn::Expr],
        range: &Range<usize>,
        method: &syn::Ident,
    ) -> DResult<Handle<Expr>> {
        let ty = self.ty(x);
        match name {
            "min" | "max" => {
                self.arity(name, args, 1, range)?;
                let y = self.lower_coerced(args[0], ty)?;
                let f = if name == "min" { MathFn::Min } else { MathFn::Max };
                Ok(self.intrinsic(Intrinsic::Math(f), vec![x, y], ty, range))
            }
            "abs" if s.is_signed() => {
                self.arity(name, args, 0, range)?;
                Ok(self.intrinsic(Intrinsic::Math(MathFn::Abs), vec![x], ty, range))
            }
            "pow" => {
                self.arity(name, args, 1, range)?;
                let u32_ty = self.scalar_ty(Scalar::U32);
                let y = self.lower_coerced(args[0], u32_ty)?;
                Ok(self.intrinsic(Intrinsic::Math(MathFn::Pow), vec![x, y], ty, range))
            }
            "wrapping_add" | "wrapping_sub" | "wrapping_mul" => {
                self.arity(name, args, 1, range)?;
                let y = self.lower_coerced(args[0], ty)?;
                let op = match name {
                    "wrapping_add" => BinaryOp::Add,
                    "wrapping_sub" => BinaryOp::Sub,
                    _ => BinaryOp::Mul,
                };
                Ok(self.push(ExprKind::Binary { op, lhs: x, rhs: y }, ty, range))
            }
            "count_ones" | "leading_zeros" | "trailing_zeros" => {
                self.arity(name, args, 0, range)?;
                let f = match name {
                    "count_ones" => MathFn::CountOnes,
                    "leading_zeros" => MathFn::LeadingZeros,
                    _ => MathFn::TrailingZeros,
                };
                let u32_ty = self.scalar_ty(Scalar::U32);
                Ok(self.intrinsic(Intrinsic::Math(f), vec![x], u32_ty, range))
            }
            "clone" => {
                self.arity(name, args, 0, range)?;
                Ok(x)
            }
            _ => Err(self.no_method(name, ty, method)),
        }
    }

    pub(crate) fn collection_method(
        &mut self,
        name: &str,
        recv: Handle<Expr>,
        base: Handle<Expr>,
        args: &[&syn::Expr],
        range: &Range<usize>,
        method: &syn::Ident,
    ) -> DResult<Handle<Expr>> {
        let bty = self.ty(base);
        let usize_ty = self.scalar_ty(Scalar::Usize);
        let shape = self.shape(bty);
        match (name, shape) {
            ("len", Some(Shape::Array { len, .. })) => {
                self.arity(name, args, 0, range)?;
                Ok(self.lit_scalar(Scalar::Usize, len, range))
            }
            ("len", Some(Shape::Slice { .. })) => {
                self.arity(name, args, 0, range)?;
                Ok(self.intrinsic(Intrinsic::SliceLen, vec![base], usize_ty, range))
            }
            ("len", Some(Shape::Vec(_))) => {
                self.arity(name, args, 0, range)?;
                self.facts.host_only.push(("`Vec` (it lives on the host)".into(), range.clone()));
                let addr = self.vec_pointer(recv, base, false, range)?;
                Ok(self.intrinsic(Intrinsic::VecLen, vec![addr], usize_ty, range))
            }
            ("is_empty", _) => {
                let len = self.collection_method("len", recv, base, args, range, method)?;
                let zero = self.lit_scalar(Scalar::Usize, 0, range);
                let b = self.scalar_ty(Scalar::Bool);
                Ok(self.push(ExprKind::Binary { op: BinaryOp::Eq, lhs: len, rhs: zero }, b, range))
            }
            ("push", Some(Shape::Vec(elem))) => {
                self.arity(name, args, 1, range)?;
                self.facts.host_only.push(("`Vec` (it lives on the host)".into(), range.clone()));
                let addr = self.vec_pointer(recv, base, true, range)?;
                let v = self.lower_coerced(args[0], elem)?;
                let unit = self.infer.unit();
                Ok(self.intrinsic(Intrinsic::VecPush, vec![addr, v], unit, range))
            }
            ("as_ptr" | "as_mut_ptr", Some(_)) => {
                self.arity(name, args, 0, range)?;
                let mutable = name == "as_mut_ptr";
                let (slice, elem) = self.as_slice(base, mutable, range)?;
                let ty = self.infer.known(Shape::Ptr { pointee: elem, mutable, reference: false });
                Ok(self.intrinsic(Intrinsic::SlicePtr, vec![slice], ty, range))
            }
            ("clone", Some(Shape::Array { .. })) => {
                self.arity(name, args, 0, range)?;
                Ok(base)
            }
            _ => match self.library_collection_method(name, recv, base, args, range, &range_of(method))? {
                Some(e) => Ok(e),
                None => match self.collection_pattern_method(bty, name) {
                    Some((index, fid)) => match self.generic_trait_method(index, name, recv, args, range)? {
                        Some(e) => Ok(e),
                        None => self.call_method(fid, recv, args, range),
                    },
                    None => Err(self.no_method(name, bty, method)),
                },
            },
        }
    }

    /// `*Vec<T>` for a `Vec` method: the reference itself, or `&mut v`.
    pub(crate) fn vec_pointer(
        &mut self,
        recv: Handle<Expr>,
        base: Handle<Expr>,
        mutable: bool,
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        if let Some(Shape::Ptr { pointee, mutable: m, reference: true }) = self.shape(self.ty(recv)) {
            if matches!(self.shape(pointee), Some(Shape::Vec(_))) {
                if mutable && !m {
                    let what = self.text(&self.range(recv));
                    return Err(Diagnostic::at(
                        Some("E0596"),
                        format!("cannot borrow `*{what}` as mutable, as it is behind a `&` reference"),
                        range.clone(),
                        "cannot borrow as mutable",
                    ));
                }
                return Ok(recv);
            }
        }
        if mutable {
            self.check_mutable(base, Access::BorrowMut, &self.range(base))?;
        }
        self.take_address(base, mutable, range)
    }

    /// `x.iter().sum()`: a loop over the elements.
    pub(crate) fn iter_sum(&mut self, recv: &syn::Expr, sum_ty: Option<TyId>, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let v = self.expr(recv)?;
        // (`f().iter().sum()` of a `Vec` made here: it lives in a local until the sum is done)
        let vty = self.ty(v);
        let (owner, v) = match self.shape(vty) {
            Some(Shape::Vec(_)) if !self.exprs[v].kind.is_place() => {
                let (st, place) = self.spill(v, "sum_vec");
                (Some(st), place)
            }
            _ => (None, v),
        };
        let (slice, elem) = self.as_slice(v, false, range)?;
        if let Some(t) = sum_ty {
            self.expect_ty(t, elem, range)?;
        }
        let usize_ty = self.scalar_ty(Scalar::Usize);
        let (s_let, s) = self.spill(slice, "sum_slice");
        let zero = self.lit_int_like(0, elem, range);
        let zero = if self.infer.is_float(elem) {
            self.exprs[zero].kind = ExprKind::Literal(Literal::Float(0.0));
            zero
        } else {
            zero
        };
        let acc = self.new_local("sum_acc", elem, true, range.clone());
        let i = self.new_local("sum_i", usize_ty, true, range.clone());
        let i0 = self.lit_scalar(Scalar::Usize, 0, range);
        let id = self.new_loop_id();
        let never = self.infer.never();
        let unit = self.infer.unit();
        let b = self.scalar_ty(Scalar::Bool);
        // if i >= len { break }
        let iv = self.local_expr(i, range);
        let s2 = self.local_read_place(s, range);
        let len = self.intrinsic(Intrinsic::SliceLen, vec![s2], usize_ty, range);
        let past = self.push(ExprKind::Binary { op: BinaryOp::Ge, lhs: iv, rhs: len }, b, range);
        let brk = self.push(ExprKind::Break { target: id, value: None }, never, range);
        let check = self.push(ExprKind::If { cond: past, then: brk, otherwise: None }, unit, range);
        // acc += s[i]
        let iv = self.local_expr(i, range);
        let s3 = self.local_read_place(s, range);
        let item = self.push(ExprKind::Index { base: s3, index: iv }, elem, range);
        let accp = self.local_expr(acc, range);
        let add = self.push(ExprKind::AssignOp { op: BinaryOp::Add, place: accp, value: item }, unit, range);
        // i += 1
        let ip = self.local_expr(i, range);
        let one = self.lit_scalar(Scalar::Usize, 1, range);
        let inc = self.push(ExprKind::AssignOp { op: BinaryOp::Add, place: ip, value: one }, unit, range);
        let body = self.block_expr(vec![Stmt::Expr(check), Stmt::Expr(add), Stmt::Expr(inc)], None, range);
        let lp = self.push(ExprKind::Loop { body, id }, unit, range);
        let result = self.local_expr(acc, range);
        let stmts = owner
            .into_iter()
            .chain([s_let, Stmt::Let { local: acc, init: Some(zero) }, Stmt::Let { local: i, init: Some(i0) }, Stmt::Expr(lp)])
            .collect();
        Ok(self.block_expr(stmts, Some(result), range))
    }

    fn local_read_place(&mut self, place: Handle<Expr>, range: &Range<usize>) -> Handle<Expr> {
        match self.kind(place).clone() {
            ExprKind::Local(l) => self.local_expr(l, range),
            _ => place,
        }
    }
}
