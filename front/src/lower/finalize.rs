//! The end of a body's type checking: resolve every inference variable
//! (defaulting `{integer}` to `i32`, `{float}` to `f64`), write the types
//! into the IR, and check what needed final types (operators, casts, prints,
//! literal ranges).

use hybrid_ir::{BinaryOp, ExprKind, FmtPiece, Literal, Scalar, Type, UnaryOp};

use super::FnLower;
use crate::diag::{DResult, Diagnostic};
use crate::infer::ResolveError;

impl<'i> FnLower<'i> {
    pub(crate) fn finalize(&mut self) -> DResult<()> {
        self.solve_projections()?;
        if let Some(d) = self.unsolved_collect() {
            return Err(d);
        }
        self.check_pending_inferred()?;
        self.make_zero_values()?;
        for i in 0..self.ltys.len() {
            let t = self.ltys[i];
            match self.infer.resolve(t, self.types) {
                Ok(ty) => self.locals[hybrid_ir::Handle::from_index(i)].ty = ty,
                Err(e) => {
                    let range = self.lranges[i].clone();
                    let name = self.locals[hybrid_ir::Handle::from_index(i)].name.clone();
                    if let (ResolveError::Unknown, Some(d)) = (&e, self.generic_annotations_needed(t, &name, &range)) {
                        return Err(d);
                    }
                    return Err(match e {
                        ResolveError::Unknown => {
                            Diagnostic::at(Some("E0282"), "type annotations needed", range, format!("cannot infer the type of `{name}`"))
                                .help(format!("consider giving `{name}` an explicit type"))
                        }
                        ResolveError::Cyclic => {
                            Diagnostic::at(Some("E0308"), "mismatched types", range, "this type would have to contain itself")
                        }
                    });
                }
            }
        }
        for i in 0..self.etys.len() {
            let t = self.etys[i];
            let h = hybrid_ir::Handle::from_index(i);
            match self.infer.resolve(t, self.types) {
                Ok(ty) => self.exprs[h].ty = ty,
                Err(_) => {
                    let range = self.range(h);
                    return Err(self.annotations_needed(&range));
                }
            }
        }
        // Integer literals under a unary minus, by the negation.
        self.negated_literals = (0..self.exprs.len())
            .map(hybrid_ir::Handle::from_index)
            .filter_map(|n| match self.exprs[n].kind {
                ExprKind::Unary { op: UnaryOp::Neg, operand } if matches!(self.exprs[operand].kind, ExprKind::Literal(Literal::Int(_))) => {
                    Some((operand, n))
                }
                _ => None,
            })
            .collect();
        for i in 0..self.exprs.len() {
            self.check_expr(hybrid_ir::Handle::from_index(i))?;
        }
        Ok(())
    }

    /// E0282 for a local of a generic struct or enum whose arguments were
    /// not all inferred (`let a = Opt::None;`), worded as rustc's.
    fn generic_annotations_needed(&mut self, t: crate::infer::TyId, name: &str, range: &std::ops::Range<usize>) -> Option<Diagnostic> {
        let Some(crate::infer::Shape::Adt { sid, args }) = self.infer.shape(t) else { return None };
        let missing = args.iter().position(|a| self.infer.resolve(*a, self.types).is_err())?;
        let param = self.items.structs[sid].params.get(missing)?.clone();
        let shown = self.infer.display(t);
        Some(
            Diagnostic::at(Some("E0282"), format!("type annotations needed for `{shown}`"), range.clone(), "")
                .help(format!("consider giving `{name}` an explicit type, where the type for type parameter `{param}` is specified")),
        )
    }

    fn check_expr(&mut self, h: hybrid_ir::Handle<hybrid_ir::Expr>) -> DResult<()> {
        let range = self.range(h);
        let ty = self.exprs[h].ty;
        let types = &*self.types;
        let scalar = |t| types.as_scalar(t);
        let show = |t| types.display(t);
        match self.exprs[h].kind.clone() {
            ExprKind::Literal(Literal::Int(v)) => match types.get(ty) {
                Type::Scalar(s) if s.is_float() => {
                    self.exprs[h].kind = ExprKind::Literal(Literal::Float(if *s == Scalar::F32 { v as f32 as f64 } else { v as f64 }));
                }
                Type::Scalar(s) if s.is_int() => {
                    let s = *s;
                    if self.source_ints.contains(&h) {
                        // (under a unary minus the lint judges `-128` as a whole)
                        let negation = self.negated_literals.get(&h).copied();
                        let range = negation.map_or(range, |n| self.range(n));
                        let text = self.text(&range);
                        if let Some(d) = crate::consteval::literal_out_of_range(v as u128, negation.is_some(), s, &text, range) {
                            return Err(d);
                        }
                    }
                    self.exprs[h].kind = ExprKind::Literal(Literal::Int(v & mask(s.bits())));
                }
                Type::Scalar(Scalar::Bool | Scalar::Char) => {}
                // a null `fn` pointer: the compiler's placeholder of an enum's other variants (`zero_kind`)
                Type::FnPtr { .. } if v == 0 && !self.source_ints.contains(&h) => {}
                _ => {
                    let t = show(ty);
                    return Err(Diagnostic::at(Some("E0308"), "mismatched types", range, format!("expected `{t}`, found integer")));
                }
            },
            ExprKind::Literal(Literal::Float(f)) if scalar(ty) == Some(Scalar::F32) => {
                let single = self.f32_literals.get(&h).copied().unwrap_or(f as f32);
                self.exprs[h].kind = ExprKind::Literal(Literal::Float(single as f64));
            }
            ExprKind::Binary { op, lhs, rhs } => {
                let lt = self.exprs[lhs].ty;
                let rt = self.exprs[rhs].ty;
                let (ls, rs) = (scalar(lt), scalar(rt));
                let never = matches!(types.get(lt), Type::Never) || matches!(types.get(rt), Type::Never);
                if never {
                    return Ok(());
                }
                let ok = match op {
                    BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Rem => {
                        matches!(ls, Some(s) if s != Scalar::Bool && s != Scalar::Char) && lt == rt
                    }
                    BinaryOp::BitAnd | BinaryOp::BitOr | BinaryOp::BitXor => {
                        matches!(ls, Some(s) if !s.is_float() && s != Scalar::Char) && lt == rt
                    }
                    BinaryOp::Shl | BinaryOp::Shr => matches!(ls, Some(s) if s.is_int()) && matches!(rs, Some(s) if s.is_int()),
                    _ => ls.is_some() && lt == rt,
                };
                if !ok {
                    let (l, r) = (show(lt), show(rt));
                    let msg = match op {
                        BinaryOp::Add => format!("cannot add `{r}` to `{l}`"),
                        BinaryOp::Sub => format!("cannot subtract `{r}` from `{l}`"),
                        BinaryOp::Mul => format!("cannot multiply `{l}` by `{r}`"),
                        BinaryOp::Div => format!("cannot divide `{l}` by `{r}`"),
                        _ => format!("binary operation `{}` cannot be applied to type `{l}`", op.symbol()),
                    };
                    let sup = if matches!(types.get(lt), Type::Pointer { .. }) {
                        " (comparing pointers is not supported yet by hybridc)"
                    } else {
                        ""
                    };
                    return Err(Diagnostic::at(Some("E0369"), msg, range, format!("`{l} {} {r}` is not defined{sup}", op.symbol())));
                }
            }
            ExprKind::AssignOp { op, place, value } => {
                let lt = self.exprs[place].ty;
                let rt = self.exprs[value].ty;
                let ok = match (scalar(lt), scalar(rt)) {
                    (Some(l), Some(r)) => match op {
                        BinaryOp::Shl | BinaryOp::Shr => l.is_int() && r.is_int(),
                        BinaryOp::BitAnd | BinaryOp::BitOr | BinaryOp::BitXor => !l.is_float() && l != Scalar::Char && lt == rt,
                        _ => l != Scalar::Bool && l != Scalar::Char && lt == rt,
                    },
                    _ => matches!(types.get(rt), Type::Never),
                };
                if !ok {
                    let (l, r) = (show(lt), show(rt));
                    return Err(Diagnostic::at(
                        Some("E0368"),
                        format!("binary assignment operation `{}=` cannot be applied to type `{l}`", op.symbol()),
                        range,
                        format!("cannot use `{}=` with `{l}` and `{r}`", op.symbol()),
                    ));
                }
            }
            ExprKind::Unary { op, operand } => {
                let t = self.exprs[operand].ty;
                let ok = match (op, scalar(t)) {
                    (UnaryOp::Neg, Some(s)) => s.is_float() || s.is_signed(),
                    (UnaryOp::Not, Some(s)) => !s.is_float() && s != Scalar::Char,
                    _ => matches!(types.get(t), Type::Never),
                };
                if !ok {
                    let sym = if op == UnaryOp::Neg { "-" } else { "!" };
                    return Err(Diagnostic::at(
                        Some("E0600"),
                        format!("cannot apply unary operator `{sym}` to type `{}`", show(t)),
                        range,
                        format!("cannot apply unary operator `{sym}`"),
                    ));
                }
            }
            ExprKind::Cast { value } => {
                let from = self.exprs[value].ty;
                if let (Type::Scalar(a), Type::Scalar(Scalar::Char)) = (types.get(from), types.get(ty)) {
                    if *a != Scalar::U8 && *a != Scalar::Char {
                        let help = match a {
                            Scalar::U32 => "consider using `char::from_u32` instead",
                            _ => "try `char::from_u32` instead (via a `u32`)",
                        };
                        return Err(Diagnostic::at(
                            Some("E0604"),
                            format!("only `u8` can be cast as `char`, not `{}`", a.name()),
                            range,
                            "invalid cast",
                        )
                        .help(help));
                    }
                }
                let ok = from == ty
                    || match (types.get(from), types.get(ty)) {
                        (Type::Scalar(Scalar::Char), Type::Scalar(b)) => b.is_int(),
                        (Type::Scalar(a), Type::Scalar(b)) => *b != Scalar::Bool && !(*a == Scalar::Bool && b.is_float()),
                        (Type::Pointer { .. }, Type::Pointer { .. }) => true,
                        (Type::Pointer { .. }, Type::Scalar(Scalar::Usize)) => true,
                        (Type::Scalar(Scalar::Usize), Type::Pointer { reference: false, .. }) => true,
                        (Type::Never, _) => true,
                        // a `fn` pointer's address; the other way only in the library and for vtable slots
                        (Type::FnPtr { .. }, Type::Pointer { reference: false, .. } | Type::Scalar(Scalar::Usize)) => true,
                        (Type::Pointer { reference: false, .. } | Type::Scalar(Scalar::Usize), Type::FnPtr { .. }) => {
                            self.slot_casts.contains(&h) || self.items.tree.in_library(self.items.fns[self.fid].module)
                        }
                        _ => false,
                    };
                if !ok {
                    let (a, b) = (show(from), show(ty));
                    let code = if scalar(from).is_some() && scalar(ty).is_some() { "E0054" } else { "E0605" };
                    return Err(Diagnostic::at(
                        Some(code),
                        format!("casting `{a}` as `{b}` is invalid"),
                        range,
                        "not a cast hybridc supports (numeric, bool to integer, pointer to pointer, pointer to and from `usize`)",
                    ));
                }
            }
            ExprKind::Print { pieces, .. } => {
                for p in pieces {
                    if let FmtPiece::Arg { value, .. } = p {
                        let t = self.exprs[value].ty;
                        if scalar(t).is_none() {
                            let vr = self.range(value);
                            return Err(Diagnostic::unsupported(&format!("formatting a value of type `{}`", show(t)), vr)
                                .note("hybridc formats integers, floats, `bool` and `char`"));
                        }
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }
}

fn mask(bits: u32) -> u64 {
    if bits >= 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    }
}
