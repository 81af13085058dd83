//! Expressions: literals, paths, operators, casts, calls, aggregates and
//! assignment; control flow lives in `stmt.rs`, macros in `macros.rs`.

use std::ops::Range;

use hybrid_ir::{BinaryOp, Expr, ExprKind, Handle, Literal, Scalar, UnaryOp};

use super::place::Access;
use super::FnLower;
use crate::consteval::{self, ConstValue};
use crate::diag::{range_of, DResult, Diagnostic};
use crate::infer::{Shape, TyId, VarKind};
use crate::modtree::{Def, Ns, PathRes};

impl<'i> FnLower<'i> {
    pub(crate) fn expr(&mut self, e: &syn::Expr) -> DResult<Handle<Expr>> {
        use syn::Expr as E;
        // (most arms take their node's range themselves: computed only where used)
        match e {
            E::Lit(l) => self.literal(&l.lit, &range_of(e)),
            E::Paren(p) => self.expr(&p.expr),
            E::Group(g) => self.expr(&g.expr),
            E::Path(p) => self.path_value(p),
            E::Binary(b) => self.binary(b),
            E::Unary(u) => self.unary(u),
            E::Cast(c) => self.cast(c),
            E::Reference(r) => self.addr_of(r),
            E::Index(ix) => self.index(ix),
            E::Field(f) => self.field(f),
            E::Call(c) => self.call(c),
            E::MethodCall(m) => self.method_call(m),
            E::Macro(m) => self.macro_call(&m.mac, &range_of(e)),
            E::Assign(a) => self.assign(a),
            E::Block(b) => {
                if let Some(l) = &b.label {
                    return Err(Diagnostic::unsupported("labeled blocks", range_of(l)));
                }
                self.block(&b.block, None)
            }
            E::Unsafe(u) => {
                self.unsafe_depth += 1;
                let r = self.block(&u.block, None);
                self.unsafe_depth -= 1;
                r
            }
            E::If(i) => self.if_expr(i),
            E::While(w) => self.while_expr(w),
            E::Loop(l) => self.loop_expr(l),
            E::ForLoop(f) => self.for_expr(f),
            E::Break(b) => self.break_expr(b),
            E::Continue(c) => self.continue_expr(c),
            E::Return(r) => self.return_expr(r),
            E::Tuple(t) => self.tuple(t),
            E::Array(a) => self.array(a),
            E::Repeat(r) => self.repeat(r),
            E::Struct(s) => self.struct_lit(s),
            E::Closure(c) => self.closure_expr(c),
            E::Match(m) => self.match_expr(m),
            E::Let(l) => Err(Diagnostic::unsupported("`let` patterns in conditions (`if let`, `while let`)", range_of(l))),
            E::Try(t) => self.try_operator(t),
            E::Range(r) => self.range_value(r),
            E::Async(_) | E::Await(_) => Err(Diagnostic::unsupported("`async`", range_of(e))),
            E::Const(_) => Err(Diagnostic::unsupported("`const` blocks", range_of(e))),
            _ => Err(Diagnostic::unsupported("this expression", range_of(e))),
        }
    }

    /// Integer, float and bool literals; unsuffixed ones get inference variables.
    fn literal(&mut self, lit: &syn::Lit, range: &Range<usize>) -> DResult<Handle<Expr>> {
        match lit {
            syn::Lit::Int(i) => {
                let value: u128 = i.base10_parse().map_err(|_| {
                    Diagnostic::at(None, "integer literal is too large", range.clone(), "value exceeds limit of `0xffffffffffffffff`")
                })?;
                let suffix = i.suffix();
                if suffix == "f32" || suffix == "f64" {
                    let ty = self.scalar_ty(if suffix == "f32" { Scalar::F32 } else { Scalar::F64 });
                    return Ok(self.lit(Literal::Float(value as f64), ty, range));
                }
                if value > u64::MAX as u128 {
                    return Err(Diagnostic::at(
                        None,
                        "integer literal is too large",
                        range.clone(),
                        "value exceeds limit of `0xffffffffffffffff`",
                    ));
                }
                let ty = match suffix {
                    "" => self.infer.var(VarKind::Int),
                    s => match Scalar::from_name(s) {
                        Some(sc) if sc.is_int() => self.scalar_ty(sc),
                        _ => {
                            return Err(Diagnostic::at(
                                None,
                                format!("invalid suffix `{s}` for number literal"),
                                range.clone(),
                                "invalid suffix",
                            ))
                        }
                    },
                };
                let h = self.lit(Literal::Int(value as u64), ty, range);
                self.source_ints.insert(h);
                Ok(h)
            }
            syn::Lit::Float(f) => {
                let value: f64 =
                    f.base10_parse().map_err(|e| Diagnostic::at(None, e.to_string(), range.clone(), "invalid float literal"))?;
                let ty = match f.suffix() {
                    "" => self.infer.var(VarKind::Float),
                    "f32" => self.scalar_ty(Scalar::F32),
                    "f64" => self.scalar_ty(Scalar::F64),
                    s => {
                        return Err(Diagnostic::at(
                            None,
                            format!("invalid suffix `{s}` for float literal"),
                            range.clone(),
                            "invalid suffix",
                        ))
                    }
                };
                let h = self.lit(Literal::Float(value), ty, range);
                // an f32 literal is rounded once, from its digits
                if let Ok(single) = f.base10_parse::<f32>() {
                    if single.to_bits() != (value as f32).to_bits() {
                        self.f32_literals.insert(h, single);
                    }
                }
                Ok(h)
            }
            syn::Lit::Bool(b) => Ok(self.lit_bool(b.value, range)),
            syn::Lit::Byte(b) => {
                let ty = self.scalar_ty(Scalar::U8);
                Ok(self.lit(Literal::Int(b.value() as u64), ty, range))
            }
            syn::Lit::CStr(s) => self.c_string(s, range),
            syn::Lit::Str(s) => self.str_literal(&s.value(), range),
            syn::Lit::Char(c) => {
                let ty = self.scalar_ty(Scalar::Char);
                Ok(self.lit(Literal::Int(c.value() as u64), ty, range))
            }
            _ => Err(Diagnostic::unsupported("this literal", range.clone())),
        }
    }

    /// Resolve a path of this body in namespace `ns`.
    pub(crate) fn resolve_path(&self, path: &syn::Path, ns: Ns) -> DResult<Option<PathRes>> {
        self.items.resolve(self.module(), path, ns)
    }

    pub(crate) fn const_literal(&mut self, value: ConstValue, s: Scalar, range: &Range<usize>) -> Handle<Expr> {
        let ty = self.scalar_ty(s);
        let lit = match value {
            ConstValue::Int(v) => Literal::Int(v as u64),
            ConstValue::Float(f) => Literal::Float(f),
            ConstValue::Bool(b) => Literal::Bool(b),
        };
        self.lit(lit, ty, range)
    }

    /// The number of parameters of function `id` (its receiver included).
    pub(crate) fn fn_arity(&self, id: crate::resolve::FnId) -> Option<usize> {
        let decl = &self.items.fns[id];
        match decl.generics.as_deref() {
            None => Some(decl.params.len()),
            Some(g) => crate::generics::parse_signature(self.lines.text(&g.sig)).ok().map(|s| s.inputs.len()),
        }
    }

    fn path_value(&mut self, p: &syn::ExprPath) -> DResult<Handle<Expr>> {
        let range = range_of(p);
        if let Some(v) = self.assoc_const_value(p)? {
            return Ok(v);
        }
        if p.qself.is_some() {
            return Err(Diagnostic::unsupported("this qualified path", range));
        }
        if let Some(ident) = p.path.get_ident() {
            let name = ident.to_string();
            if let Some(l) = self.lookup(&name) {
                return Ok(self.local_expr(l, &range));
            }
            if let Some(v) = self.env.const_value(&name) {
                let g = self.items.fns[self.fid].generics.as_deref();
                let s = g.and_then(|g| g.consts.iter().find(|c| c.name == name)).map_or(Scalar::Usize, |c| c.ty);
                return Ok(self.const_literal(v, s, &range));
            }
        }
        if let Some(v) = self.ctor_path_value(p)? {
            return Ok(v);
        }
        // `str::parse::<i32>`, `str::len` as values: a method of the library's `&str`
        if let [prim, method] = p.path.segments.iter().collect::<Vec<_>>().as_slice() {
            if prim.ident == "str" && prim.arguments.is_empty() {
                let sid = self.items.library_type("str::Str");
                let id = sid.and_then(|sid| self.items.structs[sid].methods.get(&method.ident.to_string()).copied());
                if let Some(arity) = id.and_then(|id| self.fn_arity(id)) {
                    return Ok(self.fn_item_value(arity, &range));
                }
            }
        }
        match self.resolve_path(&p.path, Ns::Value)? {
            Some(PathRes::Def(Def::Const(idx))) if self.items.consts[idx].ty.is_none() => return self.inline_const(idx, &range),
            Some(PathRes::Def(Def::Const(idx))) => {
                let v = self.items.evaluated(idx)?;
                let s = self.items.consts[idx].ty.unwrap_or(Scalar::I32);
                return Ok(self.const_literal(v, s, &range));
            }
            Some(PathRes::Def(Def::Fn(id))) if !self.items.fns[id].is_kernel => {
                if let Some(arity) = self.fn_arity(id) {
                    return Ok(self.fn_item_value(arity, &range));
                }
            }
            Some(PathRes::Assoc(sid, name)) => {
                if let Some(&id) = self.items.structs[sid].methods.get(&name) {
                    if let Some(arity) = self.fn_arity(id) {
                        return Ok(self.fn_item_value(arity, &range));
                    }
                }
            }
            Some(PathRes::Def(Def::Fn(_) | Def::Foreign(_))) => {
                return Err(Diagnostic::unsupported("kernels and `extern` functions as values", range)
                    .help("a kernel can be named as the first argument of `core::intrinsics::offload`"))
            }
            Some(PathRes::Def(Def::Extern(segs))) => {
                if let Some((s, v)) = consteval::assoc_const_path(&segs) {
                    return Ok(self.const_literal(v, s, &range));
                }
                // `f32::max`, `u32::div_ceil` as values
                if let [prim, name] = segs.as_slice() {
                    if let Some(s) = Scalar::from_name(prim) {
                        if let Some(arity) = super::method::builtin_method_arity(s, name) {
                            return Ok(self.fn_item_value(arity, &range));
                        }
                        let ty = self.types.insert(hybrid_ir::Type::Scalar(s));
                        if let Some(&id) = self.items.instance_methods.get(&(ty, name.clone())) {
                            if let Some(arity) = self.fn_arity(id) {
                                return Ok(self.fn_item_value(arity, &range));
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        let shown = p.path.segments.iter().map(|s| s.ident.to_string()).collect::<Vec<_>>().join("::");
        if let Some(m) = self.prefix_module(&p.path) {
            let last = p.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
            return Err(Diagnostic::at(
                Some("E0425"),
                format!("cannot find value `{last}` in module `{m}`"),
                p.path.segments.last().map_or(range.clone(), |s| range_of(&s.ident)),
                format!("not found in `{m}`"),
            ));
        }
        Err(Diagnostic::at(Some("E0425"), format!("cannot find value `{shown}` in this scope"), range, "not found in this scope"))
    }

    // ---- operators ----

    fn binop(op: &syn::BinOp) -> Option<(BinaryOp, bool)> {
        use syn::BinOp as B;
        Some(match op {
            B::Add(_) => (BinaryOp::Add, false),
            B::Sub(_) => (BinaryOp::Sub, false),
            B::Mul(_) => (BinaryOp::Mul, false),
            B::Div(_) => (BinaryOp::Div, false),
            B::Rem(_) => (BinaryOp::Rem, false),
            B::BitAnd(_) => (BinaryOp::BitAnd, false),
            B::BitOr(_) => (BinaryOp::BitOr, false),
            B::BitXor(_) => (BinaryOp::BitXor, false),
            B::Shl(_) => (BinaryOp::Shl, false),
            B::Shr(_) => (BinaryOp::Shr, false),
            B::Eq(_) => (BinaryOp::Eq, false),
            B::Ne(_) => (BinaryOp::Ne, false),
            B::Lt(_) => (BinaryOp::Lt, false),
            B::Le(_) => (BinaryOp::Le, false),
            B::Gt(_) => (BinaryOp::Gt, false),
            B::Ge(_) => (BinaryOp::Ge, false),
            B::AddAssign(_) => (BinaryOp::Add, true),
            B::SubAssign(_) => (BinaryOp::Sub, true),
            B::MulAssign(_) => (BinaryOp::Mul, true),
            B::DivAssign(_) => (BinaryOp::Div, true),
            B::RemAssign(_) => (BinaryOp::Rem, true),
            B::BitAndAssign(_) => (BinaryOp::BitAnd, true),
            B::BitOrAssign(_) => (BinaryOp::BitOr, true),
            B::BitXorAssign(_) => (BinaryOp::BitXor, true),
            B::ShlAssign(_) => (BinaryOp::Shl, true),
            B::ShrAssign(_) => (BinaryOp::Shr, true),
            _ => return None,
        })
    }

    /// The operand types of `lhs op rhs` agree (except for shifts).
    pub(crate) fn binary_operands(
        &mut self,
        op: BinaryOp,
        lhs: Handle<Expr>,
        rhs: Handle<Expr>,
        range: &Range<usize>,
    ) -> DResult<Handle<Expr>> {
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            return Ok(rhs);
        }
        let (lt, rt) = (self.ty(lhs), self.ty(rhs));
        if self.infer.unify(lt, rt).is_ok() {
            return Ok(rhs);
        }
        // `a < b` where one side is a reference: compare the values.
        let l = self.describe(lt);
        let r = self.describe(rt);
        let l = l.trim_matches('`').to_string();
        let r = r.trim_matches('`').to_string();
        let (code, msg, label) = match op {
            BinaryOp::Add => ("E0277", format!("cannot add `{r}` to `{l}`"), format!("no implementation for `{l} + {r}`")),
            BinaryOp::Sub => ("E0277", format!("cannot subtract `{r}` from `{l}`"), format!("no implementation for `{l} - {r}`")),
            BinaryOp::Mul => ("E0277", format!("cannot multiply `{l}` by `{r}`"), format!("no implementation for `{l} * {r}`")),
            BinaryOp::Div => ("E0277", format!("cannot divide `{l}` by `{r}`"), format!("no implementation for `{l} / {r}`")),
            BinaryOp::Rem => {
                ("E0277", format!("cannot calculate the remainder of `{l}` divided by `{r}`"), format!("no implementation for `{l} % {r}`"))
            }
            _ => ("E0308", "mismatched types".to_string(), format!("expected `{l}`, found `{r}`")),
        };
        let _ = self.range(rhs);
        Err(Diagnostic::at(Some(code), msg, range.clone(), label))
    }

    fn binary(&mut self, b: &syn::ExprBinary) -> DResult<Handle<Expr>> {
        let range = range_of(b);
        match b.op {
            syn::BinOp::And(_) | syn::BinOp::Or(_) => {
                let bool_ty = self.scalar_ty(Scalar::Bool);
                let l = self.operand(&b.left)?;
                let l = self.coerce(l, bool_ty)?;
                let r = self.operand(&b.right)?;
                let r = self.coerce(r, bool_ty)?;
                let kind = if matches!(b.op, syn::BinOp::And(_)) {
                    let f = self.lit_bool(false, &range);
                    ExprKind::If { cond: l, then: r, otherwise: Some(f) }
                } else {
                    let t = self.lit_bool(true, &range);
                    ExprKind::If { cond: l, then: t, otherwise: Some(r) }
                };
                return Ok(self.push(kind, bool_ty, &range));
            }
            _ => {}
        }
        let Some((op, assign)) = Self::binop(&b.op) else {
            return Err(Diagnostic::unsupported("this operator", range_of(&b.op)));
        };
        let saved = std::mem::replace(&mut self.deref_mut_place, assign);
        // (an operand's error is recorded and the other operand checked too; an assignment's place is not an operand)
        let lhs = if assign { self.expr(&b.left) } else { self.operand(&b.left) };
        self.deref_mut_place = saved;
        let lhs = lhs?;
        let rhs = self.operand(&b.right)?;
        if let Some(call) = self.overloaded_binary(op, assign, lhs, rhs, &range)? {
            return Ok(call);
        }
        if !assign {
            if let Some(eq) = self.collection_eq(op, lhs, rhs, &range, &range_of(&b.op))? {
                return Ok(eq);
            }
        }
        let lhs = if assign { lhs } else { self.autoderef(lhs) };
        let rhs = self.autoderef(rhs);
        if let Some(e) = self.param_binary(op, assign, lhs, rhs, &range)? {
            return Ok(e);
        }
        let rhs = self.binary_operands(op, lhs, rhs, &range)?;
        if assign {
            if !self.kind(lhs).is_place() {
                return Err(Diagnostic::at(
                    Some("E0067"),
                    "invalid left-hand side of assignment",
                    range_of(&b.left),
                    "cannot assign to this expression",
                ));
            }
            self.check_mutable(lhs, Access::Assign, &range)?;
            self.note_write(lhs);
            let unit = self.infer.unit();
            let e = self.push(ExprKind::AssignOp { op, place: lhs, value: rhs }, unit, &range);
            self.note_assignment(e, range);
            return Ok(e);
        }
        let ty = if op.is_comparison() { self.scalar_ty(Scalar::Bool) } else { self.ty(lhs) };
        Ok(self.push(ExprKind::Binary { op, lhs, rhs }, ty, &range))
    }

    fn unary(&mut self, u: &syn::ExprUnary) -> DResult<Handle<Expr>> {
        let range = range_of(u);
        match u.op {
            syn::UnOp::Deref(_) => self.deref(&u.expr, &range),
            syn::UnOp::Neg(_) | syn::UnOp::Not(_) => {
                let v = self.expr(&u.expr)?;
                let v = self.autoderef(v);
                let op = if matches!(u.op, syn::UnOp::Neg(_)) { UnaryOp::Neg } else { UnaryOp::Not };
                if let Some(e) = self.param_unary(op, v, &range)? {
                    return Ok(e);
                }
                if let Some(call) = self.overloaded_unary(op, v, &range)? {
                    return Ok(call);
                }
                let ty = self.ty(v);
                Ok(self.push(ExprKind::Unary { op, operand: v }, ty, &range))
            }
            _ => Err(Diagnostic::unsupported("this unary operator", range)),
        }
    }

    fn cast(&mut self, c: &syn::ExprCast) -> DResult<Handle<Expr>> {
        let range = range_of(c);
        let target = self.convert_type(&c.ty)?;
        // An unsuffixed literal takes the cast's type directly (`300 as u8`).
        let mut inner = &*c.expr;
        while let syn::Expr::Paren(p) = inner {
            inner = &p.expr;
        }
        let value = self.expr(&c.expr)?;
        // `add as fn(i64, i64) -> i64`: the coercion, written out
        if let (Some(def), Some(Shape::FnPtr { params, ret })) = (self.closure_of(value), self.shape(target)) {
            if matches!(self.shape(self.ty(value)), Some(Shape::Struct(_))) {
                return self.closure_to_fn_ptr(value, def, &params, ret, target);
            }
        }
        self.param_cast(value, target, &range)?;
        if let Some(v) = self.enum_cast(value, target, &range)? {
            return Ok(v);
        }
        let vty = self.ty(value);
        if let syn::Expr::Lit(_) = inner {
            match (self.infer.var_kind(vty), self.shape(target)) {
                (Some(VarKind::Int), Some(Shape::Scalar(s))) if s.is_int() => {
                    self.infer.unify(vty, target).ok();
                    return Ok(value);
                }
                (Some(VarKind::Float), Some(Shape::Scalar(s))) if s.is_float() => {
                    self.infer.unify(vty, target).ok();
                    return Ok(value);
                }
                (Some(VarKind::Int), Some(Shape::Ptr { .. })) => {
                    let u = self.scalar_ty(Scalar::Usize);
                    self.infer.unify(vty, u).ok();
                }
                _ => {}
            }
        }
        // `&mut x as &mut [T]`: an unsizing coercion written as a cast
        if let Some(Shape::Slice { .. }) = self.shape(target) {
            return self.coerce(value, target);
        }
        Ok(self.push(ExprKind::Cast { value }, target, &range))
    }

    fn assign(&mut self, a: &syn::ExprAssign) -> DResult<Handle<Expr>> {
        let range = range_of(a);
        if let syn::Expr::Infer(_) = &*a.left {
            return self.expr(&a.right);
        }
        // valid Rust (rustc desugars it into a `let` and assignments)
        if let syn::Expr::Tuple(_) | syn::Expr::Array(_) | syn::Expr::Struct(_) | syn::Expr::Call(_) = &*a.left {
            // FIXME(destructuring assignment): needs partial moves out of the temporary
            return Err(Diagnostic::unsupported("destructuring assignment (`(a, b) = ..`)", range_of(&a.left)));
        }
        let saved = std::mem::replace(&mut self.deref_mut_place, true);
        let place = self.expr(&a.left);
        self.deref_mut_place = saved;
        let place = place?;
        if !self.kind(place).is_place() {
            return Err(Diagnostic::at(
                Some("E0070"),
                "invalid left-hand side of assignment",
                range_of(&a.left),
                "cannot assign to this expression",
            ));
        }
        self.check_mutable(place, Access::Assign, &range)?;
        self.note_write(place);
        let value = self.expr(&a.right)?;
        let pty = self.ty(place);
        let value = self.coerce(value, pty)?;
        let unit = self.infer.unit();
        let e = self.push(ExprKind::Assign { place, value }, unit, &range);
        self.note_assignment(e, range);
        Ok(e)
    }

    // ---- aggregates ----

    fn tuple(&mut self, t: &syn::ExprTuple) -> DResult<Handle<Expr>> {
        let range = range_of(t);
        match t.elems.len() {
            0 => Ok(self.lit_unit(&range)),
            1 => Err(Diagnostic::unsupported("one-element tuples", range)),
            _ => {
                let mut elems = Vec::new();
                let mut tys = Vec::new();
                for e in &t.elems {
                    let v = self.operand(e)?;
                    tys.push(self.ty(v));
                    elems.push(v);
                }
                let ty = self.infer.known(Shape::Tuple(tys));
                Ok(self.push(ExprKind::Tuple(elems), ty, &range))
            }
        }
    }

    fn array(&mut self, a: &syn::ExprArray) -> DResult<Handle<Expr>> {
        let range = range_of(a);
        let elem_ty = self.infer.var(VarKind::General);
        let mut elems = Vec::new();
        for e in &a.elems {
            let v = self.operand(e)?;
            elems.push(self.coerce(v, elem_ty)?);
        }
        let ty = self.infer.known(Shape::Array { elem: elem_ty, len: elems.len() as u64 });
        Ok(self.push(ExprKind::Array(elems), ty, &range))
    }

    fn repeat(&mut self, r: &syn::ExprRepeat) -> DResult<Handle<Expr>> {
        let range = range_of(r);
        let value = self.expr(&r.expr)?;
        let count = consteval::eval_len(&r.len, &self.const_env())?;
        let elem = self.ty(value);
        let ty = self.infer.known(Shape::Array { elem, len: count });
        Ok(self.push(ExprKind::ArrayRepeat { value, count }, ty, &range))
    }

    fn struct_lit(&mut self, s: &syn::ExprStruct) -> DResult<Handle<Expr>> {
        let range = range_of(s);
        if let Some(super::adt::Ctor::Variant(e, v)) = self.ctor_of_path(&s.path, Ns::Type)? {
            return self.variant_lit(s, e, v);
        }
        let segs: Vec<String> = s.path.segments.iter().map(|s| s.ident.to_string()).collect();
        let sid = match segs.as_slice() {
            [n] if n == "Self" => self.items.fns[self.fid].owner,
            _ => match self.resolve_path(&s.path, Ns::Type)? {
                Some(PathRes::Def(Def::Struct(sid))) => Some(sid),
                _ => None,
            },
        };
        let Some(sid) = sid else {
            return Err(Diagnostic::at(
                Some("E0422"),
                format!("cannot find struct, variant or union type `{}` in this scope", segs.join("::")),
                range_of(&s.path),
                "not found in this scope",
            ));
        };
        if !self.items.structs[sid].params.is_empty() {
            return self.generic_struct_lit(sid, s, &segs, &range);
        }
        let info = &self.items.structs[sid];
        let def = self.types.structs[info.def].clone();
        let ty = self.infer.import(info.ty, self.types);
        let mut values: Vec<Option<Handle<Expr>>> = vec![None; def.fields.len()];
        let mut written = Vec::new();
        for fv in &s.fields {
            let syn::Member::Named(name) = &fv.member else {
                return Err(Diagnostic::unsupported("numbered fields in struct literals", range_of(&fv.member)));
            };
            let name = name.to_string();
            let Some(i) = def.fields.iter().position(|f| f.name == name) else {
                return Err(Diagnostic::at(
                    Some("E0560"),
                    format!("struct `{}` has no field named `{name}`", def.name),
                    range_of(&fv.member),
                    format!("`{}` does not have this field", def.name),
                ));
            };
            if values[i].is_some() {
                return Err(Diagnostic::at(
                    Some("E0062"),
                    format!("field `{name}` specified more than once"),
                    range_of(&fv.member),
                    "used more than once",
                ));
            }
            let v = self.operand(&fv.expr)?;
            let fty = self.infer.import(def.fields[i].ty, self.types);
            values[i] = Some(self.coerce(v, fty)?);
            written.push(i);
        }
        let mut prelude = self.in_written_order(&written, &mut values, s.rest.is_some());
        let field_tys: Vec<TyId> = def.fields.iter().map(|f| self.infer.import(f.ty, self.types)).collect();
        let update = self.struct_update(s, ty, &field_tys, &mut values)?;
        prelude.extend(update);
        let missing: Vec<String> =
            def.fields.iter().zip(&values).filter(|(_, v)| v.is_none()).map(|(f, _)| format!("`{}`", f.name)).collect();
        if !missing.is_empty() {
            return Err(Diagnostic::at(
                Some("E0063"),
                format!(
                    "missing field{} {} in initializer of `{}`",
                    if missing.len() > 1 { "s" } else { "" },
                    missing.join(", "),
                    def.name
                ),
                range_of(&s.path),
                "missing fields",
            ));
        }
        let fields = values.into_iter().flatten().collect();
        self.adt_uses.build(super::adt::Ctor::Struct(sid));
        let lit = self.push(ExprKind::Struct { fields }, ty, &range);
        Ok(self.with_prelude(prelude, lit, &range))
    }

    /// `S { a: x, ..base }`: the fields not given are read from `base`,
    /// spilled into a local (after the given fields, as rustc evaluates
    /// them: `in_written_order`); the local's `let`.
    fn struct_update(
        &mut self,
        s: &syn::ExprStruct,
        ty: TyId,
        field_tys: &[TyId],
        values: &mut [Option<Handle<Expr>>],
    ) -> DResult<Option<hybrid_ir::Stmt>> {
        let Some(rest) = &s.rest else { return Ok(None) };
        let base = self.lower_coerced(rest, ty)?;
        let (stmt, place) = self.spill(base, "base");
        let range = range_of(rest);
        for (i, v) in values.iter_mut().enumerate() {
            if v.is_none() {
                let local = match self.kind(place) {
                    ExprKind::Local(l) => *l,
                    _ => return Err(Diagnostic::ice("a spilled struct base is not a local")),
                };
                let base = self.local_expr(local, &range);
                *v = Some(self.push(ExprKind::Field { base, index: i as u32 }, field_tys[i], &range));
            }
        }
        Ok(Some(stmt))
    }

    /// A struct literal after the `let`s of its fields and update base, if any.
    pub(crate) fn with_prelude(&mut self, prelude: Vec<hybrid_ir::Stmt>, lit: Handle<Expr>, range: &Range<usize>) -> Handle<Expr> {
        if prelude.is_empty() {
            lit
        } else {
            self.block_expr(prelude, Some(lit), range)
        }
    }

    /// A struct literal evaluates its fields in the order written (`written`:
    /// field indices), the IR's `Struct` in declaration order: unless the two
    /// agree (and there is no update base, which comes after the fields), the
    /// values are spilled into locals in the written order; their `let`s.
    pub(crate) fn in_written_order(
        &mut self,
        written: &[usize],
        values: &mut [Option<Handle<Expr>>],
        has_update: bool,
    ) -> Vec<hybrid_ir::Stmt> {
        if !has_update && written.windows(2).all(|w| w[0] < w[1]) {
            return Vec::new();
        }
        let mut stmts = Vec::new();
        for &i in written {
            if let Some(v) = values[i] {
                let (stmt, place) = self.spill(v, "field");
                stmts.push(stmt);
                values[i] = Some(place);
            }
        }
        stmts
    }

    /// `S { .. }`, `S::<f32> { .. }` or `Self { .. }` of generic struct `sid`:
    /// the arguments inferred from the field values (or given).
    fn generic_struct_lit(&mut self, sid: usize, s: &syn::ExprStruct, segs: &[String], range: &Range<usize>) -> DResult<Handle<Expr>> {
        let ty = match segs {
            [n] if n == "Self" => match (self.env.ty("Self"), self.items.fns[self.fid].self_ty) {
                (Some(t), _) => t,
                (None, Some(st)) => self.infer.import(st, self.types),
                (None, None) => return Err(Diagnostic::ice("`Self` of a generic impl is unbound")),
            },
            _ => {
                let ty = syn::Type::Path(syn::TypePath { attrs: Vec::new(), qself: None, path: s.path.clone() });
                self.convert_type(&ty)?
            }
        };
        let fields = match self.shape(ty) {
            Some(Shape::Adt { args, .. }) => self.infer.adt_fields(sid, &args).unwrap_or_default(),
            // `Self { .. }` in `impl S<f32>`: the instance's own fields
            Some(Shape::Struct(def)) => {
                let fs = self.types.structs[def].fields.clone();
                fs.into_iter().map(|f| (f.name, self.infer.import(f.ty, self.types))).collect()
            }
            _ => return Err(Diagnostic::ice("a generic struct literal without its arguments")),
        };
        let name = self.items.structs[sid].name.clone();
        let mut values: Vec<Option<Handle<Expr>>> = vec![None; fields.len()];
        let mut written = Vec::new();
        for fv in &s.fields {
            let syn::Member::Named(fname) = &fv.member else {
                return Err(Diagnostic::unsupported("numbered fields in struct literals", range_of(&fv.member)));
            };
            let fname = fname.to_string();
            let Some(i) = fields.iter().position(|(n, _)| *n == fname) else {
                return Err(Diagnostic::at(
                    Some("E0560"),
                    format!("struct `{name}` has no field named `{fname}`"),
                    range_of(&fv.member),
                    format!("`{name}` does not have this field"),
                ));
            };
            if values[i].is_some() {
                return Err(Diagnostic::at(
                    Some("E0062"),
                    format!("field `{fname}` specified more than once"),
                    range_of(&fv.member),
                    "used more than once",
                ));
            }
            let v = self.operand(&fv.expr)?;
            values[i] = Some(self.coerce(v, fields[i].1)?);
            written.push(i);
        }
        let mut prelude = self.in_written_order(&written, &mut values, s.rest.is_some());
        let field_tys: Vec<TyId> = fields.iter().map(|(_, t)| *t).collect();
        let update = self.struct_update(s, ty, &field_tys, &mut values)?;
        prelude.extend(update);
        let missing: Vec<String> = fields.iter().zip(&values).filter(|(_, v)| v.is_none()).map(|((n, _), _)| format!("`{n}`")).collect();
        if !missing.is_empty() {
            return Err(Diagnostic::at(
                Some("E0063"),
                format!("missing field{} {} in initializer of `{name}<_>`", if missing.len() > 1 { "s" } else { "" }, missing.join(", ")),
                range_of(&s.path),
                "missing fields",
            ));
        }
        let fields = values.into_iter().flatten().collect();
        self.adt_uses.build(super::adt::Ctor::Struct(sid));
        let lit = self.push(ExprKind::Struct { fields }, ty, range);
        Ok(self.with_prelude(prelude, lit, range))
    }

    /// The type of `e` unified with `expected`, or an error naming both.
    pub(crate) fn lower_coerced(&mut self, e: &syn::Expr, expected: TyId) -> DResult<Handle<Expr>> {
        let v = self.expr_expecting(e, expected)?;
        self.coerce(v, expected)
    }
}
