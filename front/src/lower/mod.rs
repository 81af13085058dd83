//! Type checking and lowering of function bodies to hybrid-ir, fused: each
//! body is lowered with inference variables, then its types are resolved and
//! checked and written into `Expr::ty`.

mod builtin;
mod expr;
mod finalize;
mod macros;
mod place;
mod stmt;

pub(crate) use builtin::is_builtin_fn;

use std::collections::HashSet;
use std::ops::Range;

use hybrid_ir::{Arena, Expr, ExprKind, Function, FunctionKind, Handle, Literal, Local, LoopId, Scalar, Sides, Type, TypeTable};

use crate::diag::{DResult, Diagnostic, LineIndex};
use crate::infer::{Infer, Shape, TyId};
use crate::resolve::{FnId, Items};

/// What a body uses that constrains the sides it may be compiled for.
#[derive(Default)]
pub struct Facts {
    /// Calls of user functions, with the call's range.
    pub calls: Vec<(FnId, Range<usize>)>,
    /// Kernels named in an `offload`.
    pub kernel_refs: Vec<(FnId, Range<usize>)>,
    /// Host-only operations (printing, `Vec`, offload, exit): what, where.
    pub host_only: Vec<(String, Range<usize>)>,
    /// Device-only operations (thread geometry, barriers).
    pub device_only: Vec<(String, Range<usize>)>,
}

pub struct Lowered {
    pub func: Function,
    pub facts: Facts,
    /// `[T; N]` types of the block-shared arrays this body declares, in the
    /// order of their `Intrinsic::SharedArray` indices.
    pub shared_arrays: Vec<Handle<Type>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum LoopKind {
    /// `loop`: may break with a value.
    Loop,
    /// `while` / `for`: breaks carry no value.
    Other,
}

pub(crate) struct LoopCx {
    label: Option<String>,
    id: LoopId,
    kind: LoopKind,
    break_ty: TyId,
    broken: bool,
}

pub(crate) struct FnLower<'i> {
    items: &'i Items,
    types: &'i mut TypeTable,
    lines: &'i LineIndex<'i>,
    fid: FnId,
    exprs: Arena<Expr>,
    etys: Vec<TyId>,
    locals: Arena<Local>,
    ltys: Vec<TyId>,
    lranges: Vec<Range<usize>>,
    late_init: HashSet<Handle<Local>>,
    params: HashSet<Handle<Local>>,
    infer: Infer,
    scopes: Vec<Vec<(String, Handle<Local>)>>,
    loops: Vec<LoopCx>,
    next_loop: u32,
    ret: TyId,
    unsafe_depth: u32,
    facts: Facts,
    placeholder: Handle<Type>,
    /// Integer literals written in the source, range-checked at the end.
    source_ints: HashSet<Handle<Expr>>,
    /// Block-shared arrays this body adds, in index order.
    new_shared: Vec<Handle<Type>>,
}

/// Lower function `fid`, whose body `body` was parsed from the source range
/// `Items::fns[fid].body`. Its block-shared arrays are numbered from 0
/// (see `Function::offset_shared_arrays`).
pub fn lower_function(items: &Items, types: &mut TypeTable, lines: &LineIndex<'_>, fid: FnId, body: &syn::Block) -> DResult<Lowered> {
    let decl = &items.fns[fid];
    let placeholder = types.unit();
    let mut lx = FnLower {
        items,
        types,
        lines,
        fid,
        exprs: Arena::new(),
        etys: Vec::new(),
        locals: Arena::new(),
        ltys: Vec::new(),
        lranges: Vec::new(),
        late_init: HashSet::new(),
        params: HashSet::new(),
        infer: Infer::new(),
        scopes: vec![Vec::new()],
        loops: Vec::new(),
        next_loop: 0,
        ret: TyId::PLACEHOLDER,
        unsafe_depth: decl.is_unsafe as u32,
        facts: Facts::default(),
        placeholder,
        source_ints: HashSet::new(),
        new_shared: Vec::new(),
    };
    lx.ret = lx.infer.import(decl.ret, lx.types);
    let mut params = Vec::new();
    for p in &decl.params {
        let ty = lx.infer.import(p.ty, lx.types);
        let l = lx.new_local(&p.name, ty, p.mutable, p.range.clone());
        lx.params.insert(l);
        if p.name != "_" {
            lx.bind(&p.name, l);
        }
        params.push(l);
    }
    let ret = lx.ret;
    let body = lx.fn_body(body, ret)?;
    lx.finalize()?;
    let span = lines.ir_span(&decl.range);
    let FnLower { exprs, locals, facts, new_shared, .. } = lx;
    Ok(Lowered {
        func: Function {
            name: decl.name.clone(),
            kind: if decl.is_kernel { FunctionKind::Kernel } else { FunctionKind::Normal },
            sides: Sides::default(),
            params,
            ret: decl.ret,
            locals,
            exprs,
            body,
            span,
        },
        facts,
        shared_arrays: new_shared,
    })
}

impl<'i> FnLower<'i> {
    // ---- arenas ----
    pub(crate) fn push(&mut self, kind: ExprKind, ty: TyId, range: &Range<usize>) -> Handle<Expr> {
        let span = self.lines.ir_span(range);
        let h = self.exprs.append(Expr { kind, ty: self.placeholder, span });
        self.etys.push(ty);
        h
    }
    pub(crate) fn ty(&self, e: Handle<Expr>) -> TyId {
        self.etys[e.index()]
    }
    pub(crate) fn kind(&self, e: Handle<Expr>) -> &ExprKind {
        &self.exprs[e].kind
    }
    pub(crate) fn range(&self, e: Handle<Expr>) -> Range<usize> {
        let s = self.exprs[e].span;
        s.lo as usize..s.hi as usize
    }
    pub(crate) fn new_local(&mut self, name: &str, ty: TyId, mutable: bool, range: Range<usize>) -> Handle<Local> {
        let l = self.locals.append(Local { name: name.to_string(), ty: self.placeholder, mutable });
        self.ltys.push(ty);
        self.lranges.push(range);
        l
    }
    pub(crate) fn local_ty(&self, l: Handle<Local>) -> TyId {
        self.ltys[l.index()]
    }
    pub(crate) fn bind(&mut self, name: &str, l: Handle<Local>) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.push((name.to_string(), l));
        }
    }
    pub(crate) fn lookup(&self, name: &str) -> Option<Handle<Local>> {
        self.scopes.iter().rev().flat_map(|s| s.iter().rev()).find(|(n, _)| n == name).map(|(_, l)| *l)
    }
    pub(crate) fn local_expr(&mut self, l: Handle<Local>, range: &Range<usize>) -> Handle<Expr> {
        let ty = self.local_ty(l);
        self.push(ExprKind::Local(l), ty, range)
    }

    // ---- literals ----
    pub(crate) fn lit(&mut self, lit: Literal, ty: TyId, range: &Range<usize>) -> Handle<Expr> {
        self.push(ExprKind::Literal(lit), ty, range)
    }
    pub(crate) fn lit_scalar(&mut self, s: Scalar, bits: u64, range: &Range<usize>) -> Handle<Expr> {
        let ty = self.infer.scalar(s);
        let lit = match s {
            Scalar::Bool => Literal::Bool(bits != 0),
            s if s.is_float() => Literal::Float(bits as f64),
            _ => Literal::Int(bits),
        };
        self.lit(lit, ty, range)
    }
    pub(crate) fn lit_unit(&mut self, range: &Range<usize>) -> Handle<Expr> {
        let ty = self.infer.unit();
        self.lit(Literal::Unit, ty, range)
    }
    pub(crate) fn lit_bool(&mut self, b: bool, range: &Range<usize>) -> Handle<Expr> {
        let ty = self.infer.scalar(Scalar::Bool);
        self.lit(Literal::Bool(b), ty, range)
    }
    /// An integer literal of the same type as `like`.
    pub(crate) fn lit_int_like(&mut self, v: u64, like: TyId, range: &Range<usize>) -> Handle<Expr> {
        self.lit(Literal::Int(v), like, range)
    }

    // ---- types ----
    pub(crate) fn describe(&mut self, t: TyId) -> String {
        self.infer.describe(t, self.types)
    }
    pub(crate) fn scalar_ty(&mut self, s: Scalar) -> TyId {
        self.infer.scalar(s)
    }
    pub(crate) fn shape(&mut self, t: TyId) -> Option<Shape> {
        self.infer.shape(t)
    }
    pub(crate) fn convert_type(&mut self, ty: &syn::Type) -> DResult<TyId> {
        let self_ty = self.items.fns[self.fid].owner.map(|s| self.items.structs[s].ty);
        let module = self.module();
        self.items.convert_type(ty, self.types, &mut self.infer, self_ty, true, module)
    }
    /// The module whose scope this body's paths are resolved in.
    pub(crate) fn module(&self) -> crate::modtree::ModId {
        self.items.fns[self.fid].module
    }
    /// The item table seen from this body's module, for const evaluation.
    pub(crate) fn const_env(&self) -> crate::resolve::InModule<'_> {
        crate::resolve::InModule { items: self.items, module: self.module() }
    }
    /// Unify `found` into `expected` or report E0308 at `range`.
    pub(crate) fn expect_ty(&mut self, expected: TyId, found: TyId, range: &Range<usize>) -> DResult<()> {
        if self.infer.unify(expected, found).is_ok() {
            return Ok(());
        }
        let (e, f) = (self.describe(expected), self.describe(found));
        Err(Diagnostic::at(Some("E0308"), "mismatched types", range.clone(), format!("expected {e}, found {f}")))
    }
    pub(crate) fn text(&self, range: &Range<usize>) -> String {
        let t = self.lines.text(range);
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    // ---- loops ----
    pub(crate) fn new_loop_id(&mut self) -> LoopId {
        self.next_loop += 1;
        LoopId(self.next_loop - 1)
    }

    /// The function's body: a block whose tail is coerced to the return type.
    fn fn_body(&mut self, block: &syn::Block, ret: TyId) -> DResult<Handle<Expr>> {
        let body = self.block(block, Some(ret))?;
        let bty = self.ty(body);
        if !self.infer.is_never(bty) && self.infer.unify(ret, bty).is_err() {
            let decl = &self.items.fns[self.fid];
            let expected = self.describe(ret);
            let found = self.describe(bty);
            let mut d =
                Diagnostic::at(Some("E0308"), "mismatched types", decl.output_range.clone(), format!("expected {expected}, found {found}"));
            if self.infer.is_unit(bty) {
                d = d.secondary(decl.sig_range.clone(), "implicitly returns `()` as its body has no tail or `return` expression");
            }
            return Err(d);
        }
        Ok(body)
    }
}
