//! Kernel launches: `core::intrinsics::offload(..)` in its 2-, 4-, 5- and
//! 6-argument forms (with or without `::<_, _, R>`) and
//! `core::offload::offload! { .. }`, with rustc's diagnostics for both.

use std::ops::Range;

use hybrid_ir::{Expr, ExprKind, Handle, Scalar};

use super::macros::parse_exprs;
use super::FnLower;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::infer::{Shape, TyId, VarKind};
use crate::modtree::{Def, Ns, PathRes};

/// rustc's note on the errors its `offload!` macro reports.
const MACRO_NOTE: &str = "this error originates in the macro `$crate::offload` which comes from the expansion of the macro `core::offload::offload` (in Nightly builds, run with -Z macro-backtrace for more info)";

/// The operands of one launch, from either form.
struct Launch<'a> {
    kernel: &'a syn::Expr,
    grid: Option<&'a syn::Expr>,
    block: Option<&'a syn::Expr>,
    dyn_cache: Option<&'a syn::Expr>,
    device: Option<&'a syn::Expr>,
    args: &'a syn::Expr,
    /// Where rustc points its launch errors: the intrinsic's path, or the whole macro.
    at: Range<usize>,
}

impl<'i> FnLower<'i> {
    pub(crate) fn offload_macro(&mut self, mac: &syn::Macro, range: &Range<usize>) -> DResult<Handle<Expr>> {
        let fields = parse_exprs(mac)?;
        let macro_error = |msg: String| Diagnostic::at(None, msg, range.clone(), "").note(MACRO_NOTE);
        let mut slots: [Option<&syn::Expr>; 6] = [None; 6];
        const KEYS: [&str; 6] = ["kernel", "workgroup_dim", "thread_dim", "dyn_cache", "device", "args"];
        for f in &fields {
            let syn::Expr::Assign(asg) = f else {
                return Err(macro_error("expected `key = value`".into()));
            };
            let key = match &*asg.left {
                syn::Expr::Path(p) => p.path.get_ident().map(|i| i.to_string()).unwrap_or_default(),
                _ => String::new(),
            };
            let Some(i) = KEYS.iter().position(|k| *k == key) else {
                return Err(macro_error(format!("unknown field `{key}`")));
            };
            if slots[i].is_some() {
                return Err(macro_error(format!("duplicate field `{key}`")));
            }
            slots[i] = Some(&*asg.right);
        }
        let [kernel, grid, block, dyn_cache, device, args] = slots;
        let Some(kernel) = kernel else { return Err(macro_error("missing `kernel`".into())) };
        let Some(args) = args else { return Err(macro_error("missing `args`".into())) };
        if !matches!(args, syn::Expr::Tuple(_)) {
            return Err(macro_error("`args` must be a tuple literal".into()));
        }
        if let Some(syn::Expr::Unary(syn::ExprUnary { op: syn::UnOp::Neg(_), expr, .. })) = device {
            if matches!(&**expr, syn::Expr::Lit(_)) {
                return Err(Diagnostic::at(
                    Some("E0080"),
                    "evaluation panicked: offload device must be non-negative; omit `device` to use the default device",
                    range.clone(),
                    "evaluation of constant value failed here",
                )
                .note(MACRO_NOTE));
            }
        }
        let launch = Launch { kernel, grid, block, dyn_cache, device, args, at: range.clone() };
        self.offload(&launch, range)
    }

    /// `core::intrinsics::offload(k, [grid, block, [dyn_cache, [device,]]] args)`.
    pub(crate) fn offload_call(&mut self, path: &syn::Path, args: &[&syn::Expr], range: &Range<usize>) -> DResult<Handle<Expr>> {
        let at = range_of(path);
        // `offload::<F, A, R>`: R is the kernel's result, `()`
        if let Some(syn::PathArguments::AngleBracketed(g)) = path.segments.last().map(|s| &s.arguments) {
            if g.args.len() != 3 {
                return Err(Diagnostic::at(
                    Some("E0107"),
                    format!("function takes 3 generic arguments but {} generic arguments were supplied", g.args.len()),
                    range_of(g),
                    "expected 3 generic arguments",
                ));
            }
            if let syn::GenericArgument::Type(t) = &g.args[2] {
                if !is_unit_or_infer(t) {
                    let shown = quote::quote!(#t).to_string().replace(' ', "");
                    return Err(Diagnostic::at(
                        None,
                        format!("offload kernel return type mismatch: kernel returns `()`, but offload call expects `{shown}`"),
                        at,
                        "",
                    ));
                }
            }
        }
        let (kernel, rest) = match args.split_first() {
            Some((k, rest)) => (*k, rest),
            None => return Err(self.offload_arity(0, range)),
        };
        let launch = |grid, block, dyn_cache, device, args| Launch { kernel, grid, block, dyn_cache, device, args, at: at.clone() };
        let l = match rest {
            [a] => launch(None, None, None, None, *a),
            [g, b, a] => launch(Some(*g), Some(*b), None, None, *a),
            [g, b, c, a] => launch(Some(*g), Some(*b), Some(*c), None, *a),
            [g, b, c, d, a] => launch(Some(*g), Some(*b), Some(*c), Some(*d), *a),
            _ => return Err(self.offload_arity(args.len(), range)),
        };
        self.offload(&l, range)
    }

    fn offload_arity(&self, n: usize, range: &Range<usize>) -> Diagnostic {
        Diagnostic::at(
            Some("E0061"),
            format!("`offload` takes 2, 4, 5 or 6 arguments but {n} {} supplied", if n == 1 { "argument was" } else { "arguments were" }),
            range.clone(),
            "expected `(kernel, args)`, `(kernel, grid, block, args)`, `(kernel, grid, block, dyn_cache, args)` or `(kernel, grid, block, dyn_cache, device, args)`",
        )
    }

    fn offload(&mut self, l: &Launch<'_>, range: &Range<usize>) -> DResult<Handle<Expr>> {
        self.facts.host_only.push(("`offload` (kernels are launched from the host)".into(), range.clone()));
        let krange = range_of(l.kernel);
        let kid = match l.kernel {
            syn::Expr::Path(p) => {
                let segs: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
                if let Some(local) = p.path.get_ident().and_then(|i| self.lookup(&i.to_string())) {
                    let t = self.local_ty(local);
                    // rustc checks after integer and float fallback
                    let shown = match self.infer.var_kind(t) {
                        Some(VarKind::Int) => "`i32`".to_string(),
                        Some(VarKind::Float) => "`f64`".to_string(),
                        _ => self.offload_ty(t),
                    };
                    return Err(Diagnostic::at(
                        None,
                        format!("expected a function item for the offload kernel, found {shown}"),
                        l.at.clone(),
                        "",
                    ));
                }
                match self.resolve_path(&p.path, Ns::Value)? {
                    Some(PathRes::Def(Def::Fn(id))) => id,
                    Some(PathRes::Def(Def::Foreign(_))) => {
                        return Err(Diagnostic::at(None, format!("`{}` is not a kernel", segs.join("::")), krange, "declared in an `extern` block, but no kernel has this name")
                            .help("define the kernel in this program (a plain `fn`, or `#[rustc_offload_kernel] extern \"gpu-kernel\" fn` for the device side)"))
                    }
                    _ => {
                        return Err(Diagnostic::at(Some("E0425"), format!("cannot find kernel `{}` in this scope", segs.join("::")), krange, "not found in this scope"))
                    }
                }
            }
            syn::Expr::Closure(_) => {
                return Err(Diagnostic::at(None, "expected a function item for the offload kernel, found a closure", l.at.clone(), "")
                    .note("a closure cannot be offloaded"))
            }
            _ => {
                let v = self.expr(l.kernel)?;
                let t = self.ty(v);
                let shown = self.offload_ty(t);
                return Err(Diagnostic::at(
                    None,
                    format!("expected a function item for the offload kernel, found {shown}"),
                    l.at.clone(),
                    "",
                ));
            }
        };
        let decl = &self.items.fns[kid];
        if !decl.is_kernel && decl.owner.is_some() {
            return Err(Diagnostic::unsupported("methods and associated functions as kernels", krange));
        }
        let kernel_handle = decl.handle;
        // a generic kernel: `offload(k::<f32>, ..)`, its instance chosen by the turbofish or the arguments
        let instance = if decl.is_generic() {
            let turbofish = match l.kernel {
                syn::Expr::Path(p) => p.path.segments.last().and_then(|s| match &s.arguments {
                    syn::PathArguments::AngleBracketed(a) => Some(a),
                    _ => None,
                }),
                _ => None,
            };
            Some(self.instantiate_use(kid, turbofish, None, &krange)?)
        } else {
            None
        };
        let param_tys: Vec<TyId> = match &instance {
            Some((sig, _)) => sig.params.iter().map(|p| p.1).collect(),
            None => decl.params.iter().map(|p| p.ty).collect::<Vec<_>>().into_iter().map(|t| self.infer.import(t, self.types)).collect(),
        };
        let u32_ty = self.scalar_ty(Scalar::U32);
        let blocks = self.dims(l.grid, range)?;
        let threads = self.dims(l.block, range)?;
        let dyn_cache = match l.dyn_cache {
            Some(e) => self.lower_coerced(e, u32_ty)?,
            None => self.lit_scalar(Scalar::U32, 0, range),
        };
        let device = match l.device {
            Some(e) => {
                let i32_ty = self.scalar_ty(Scalar::I32);
                self.lower_coerced(e, i32_ty)?
            }
            None => self.lit_scalar(Scalar::I32, (-1i32) as u32 as u64, range),
        };
        let arg_exprs: Vec<&syn::Expr> = match l.args {
            syn::Expr::Tuple(t) => t.elems.iter().collect(),
            // FIXME(tuple values): `(x)` is read as `(x,)`; a tuple-typed variable is not taken apart yet
            syn::Expr::Paren(p) => vec![&*p.expr],
            other => {
                let v = self.expr(other)?;
                let t = self.ty(v);
                if let Some(Shape::Tuple(_)) = self.shape(t) {
                    return Err(Diagnostic::unsupported(
                        "kernel arguments as a tuple value (write the tuple `(a, b, ..)` in the call)",
                        range_of(other),
                    ));
                }
                let shown = self.offload_ty(t);
                return Err(Diagnostic::at(
                    Some("E0277"),
                    format!("{shown} is not a tuple"),
                    range_of(other),
                    format!("the trait `Tuple` is not implemented for {shown}"),
                ));
            }
        };
        if arg_exprs.len() != param_tys.len() {
            let (e, g) = (param_tys.len(), arg_exprs.len());
            return Err(Diagnostic::at(
                None,
                format!("offload kernel expects {e} arguments, but {g} arguments were provided"),
                l.at.clone(),
                "",
            ));
        }
        let mut lowered = Vec::new();
        for (i, (a, t)) in arg_exprs.iter().zip(param_tys).enumerate() {
            self.not_offloadable(a)?;
            let v = self.expr(a)?;
            match self.coerce(v, t) {
                Ok(c) => lowered.push(c),
                Err(_) => {
                    let found = self.ty(v);
                    let (expected, found) = (self.offload_ty(t), self.offload_ty(found));
                    return Err(Diagnostic::at(
                        None,
                        format!("type mismatch in offload kernel argument {i}: expected {expected}, found {found}"),
                        l.at.clone(),
                        "",
                    ));
                }
            }
        }
        let unit = self.infer.unit();
        let offload =
            self.push(ExprKind::Offload { kernel: kernel_handle, blocks, threads, dyn_cache, device, args: lowered }, unit, range);
        let target = match instance {
            Some((_, pending)) => self.record_use(offload, pending),
            None => crate::lower::CallTarget::Fn(kid),
        };
        self.facts.kernel_refs.push((target, krange));
        Ok(offload)
    }

    /// Functions and closures are code, not data: they cannot be passed to a kernel.
    fn not_offloadable(&self, a: &syn::Expr) -> DResult<()> {
        let what = match a {
            syn::Expr::Closure(_) => Some("a closure".to_string()),
            syn::Expr::Path(p) if p.path.get_ident().is_none_or(|i| self.lookup(&i.to_string()).is_none()) => {
                match self.resolve_path(&p.path, Ns::Value) {
                    Ok(Some(PathRes::Def(Def::Fn(id)))) => Some(format!("the function `{}`", self.items.fns[id].name)),
                    _ => None,
                }
            }
            _ => None,
        };
        match what {
            Some(w) => Err(Diagnostic::at(None, format!("{w} cannot be offloaded"), range_of(a), "passed to a kernel here").note(
                "kernel arguments are data copied to the device: scalars, references, pointers, and structs, tuples and arrays of those",
            )),
            None => Ok(()),
        }
    }
}

impl<'i> FnLower<'i> {
    /// A type as rustc's offload checks show it (`{integer}` for an unsuffixed literal).
    fn offload_ty(&mut self, t: crate::infer::TyId) -> String {
        match self.infer.var_kind(t) {
            Some(crate::infer::VarKind::Int) => "`{integer}`".into(),
            Some(crate::infer::VarKind::Float) => "`{float}`".into(),
            _ => self.describe(t),
        }
    }
}

fn is_unit_or_infer(t: &syn::Type) -> bool {
    match t {
        syn::Type::Infer(_) => true,
        syn::Type::Tuple(tt) => tt.elems.is_empty(),
        _ => false,
    }
}

impl<'i> FnLower<'i> {
    /// `[x, y, z]` launch dimensions (`u32`); default `[1, 1, 1]`.
    fn dims(&mut self, e: Option<&syn::Expr>, range: &Range<usize>) -> DResult<[Handle<Expr>; 3]> {
        let u32_ty = self.scalar_ty(Scalar::U32);
        let Some(e) = e else {
            let one = || 1u64;
            return Ok([
                self.lit_scalar(Scalar::U32, one(), range),
                self.lit_scalar(Scalar::U32, one(), range),
                self.lit_scalar(Scalar::U32, one(), range),
            ]);
        };
        if let syn::Expr::Array(a) = e {
            if a.elems.len() != 3 {
                return Err(Diagnostic::at(
                    Some("E0308"),
                    "mismatched types",
                    range_of(a),
                    format!("expected an array of 3 `u32`, found {} elements", a.elems.len()),
                ));
            }
            let x = self.lower_coerced(&a.elems[0], u32_ty)?;
            let y = self.lower_coerced(&a.elems[1], u32_ty)?;
            let z = self.lower_coerced(&a.elems[2], u32_ty)?;
            return Ok([x, y, z]);
        }
        // any other `[u32; 3]` value: keep it in a local and index it
        let v = self.expr(e)?;
        let arr = self.infer.known(Shape::Array { elem: u32_ty, len: 3 });
        let v = self.coerce(v, arr)?;
        let r = range_of(e);
        let (st, place) = self.spill(v, "dims");
        let mut out = Vec::new();
        for i in 0..3u64 {
            let idx = self.lit_scalar(Scalar::Usize, i, &r);
            let p = self.local_read(place, &r);
            let ix = self.push(ExprKind::Index { base: p, index: idx }, u32_ty, &r);
            out.push(ix);
        }
        // the first read carries the `let`
        let first = self.block_expr(vec![st], Some(out[0]), &r);
        Ok([first, out[1], out[2]])
    }
}
