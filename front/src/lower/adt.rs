//! Values of enums, tuple structs and unit structs: constructors
//! (`E::V`, `E::V(a, b)`, `E::V { x }`, `P(a, b)`, `U`), zero-filled fields
//! of the other variants, and `as` casts of C-like enums.

use std::ops::Range;

use hybrid_ir::{Expr, ExprKind, Handle, Literal, Type};

use super::FnLower;
use crate::diag::{range_of, DResult, Diagnostic};
use crate::enums::{FieldsForm, StructKind};
use crate::infer::{Shape, TyId};
use crate::modtree::{Def, Ns, PathRes};
use crate::resolve::StructId;

/// What a path names when it names a constructor or a pattern's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Ctor {
    /// A struct (any form).
    Struct(StructId),
    Variant(StructId, usize),
}

impl<'i> FnLower<'i> {
    /// The constructor a path names (`E::V`, `Self::V`, `S`, `Self`), if any;
    /// `Err` for `E::Nope` (E0599).
    pub(crate) fn ctor_of_path(&self, path: &syn::Path, ns: Ns) -> DResult<Option<Ctor>> {
        let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        let owner = self.items.fns[self.fid].owner;
        if segs[0] == "Self" {
            let Some(sid) = owner else { return Ok(None) };
            return match segs.len() {
                1 => Ok(Some(Ctor::Struct(sid))),
                2 => match self.items.tree.variant(sid, &segs[1]) {
                    Some(v) => Ok(Some(Ctor::Variant(sid, v))),
                    None if self.items.variants(sid).is_some() && !self.has_assoc_fn(sid, &segs[1]) => {
                        Err(self.no_variant(sid, &segs[1], path))
                    }
                    None => Ok(None),
                },
                _ => Ok(None),
            };
        }
        if path.segments.len() == 1 && self.lookup(&segs[0]).is_some() {
            return Ok(None);
        }
        Ok(match self.resolve_path(path, ns) {
            Ok(Some(PathRes::Def(Def::Variant(sid, v)))) => Some(Ctor::Variant(sid, v)),
            Ok(Some(PathRes::Def(Def::Struct(sid)))) => Some(Ctor::Struct(sid)),
            Ok(Some(PathRes::Assoc(sid, name))) if self.items.variants(sid).is_some() && !self.has_assoc_fn(sid, &name) => {
                return Err(self.no_variant(sid, &name, path))
            }
            _ => None,
        })
    }

    /// Whether type `sid` has function `name`: inherent, or of one of its
    /// trait impls (`E::default()`).
    fn has_assoc_fn(&self, sid: StructId, name: &str) -> bool {
        let info = &self.items.structs[sid];
        info.methods.contains_key(name)
            || self.items.impls.iter().enumerate().any(|(i, imp)| {
                let covers = imp.generic_struct == Some(sid) || imp.concrete_self() == Some(info.ty);
                covers && self.items.impl_method(i, name).is_some()
            })
    }

    /// E0599 "no variant or associated item named `X` found for enum `E`".
    pub(crate) fn no_variant(&self, sid: StructId, name: &str, path: &syn::Path) -> Diagnostic {
        let range = path.segments.last().map_or(range_of(path), |s| range_of(&s.ident));
        Diagnostic::at(
            Some("E0599"),
            format!("no variant or associated item named `{name}` found for enum `{}` in the current scope", self.items.structs[sid].name),
            range,
            "variant or associated item not found in `".to_string() + &self.items.structs[sid].name + "`",
        )
        .secondary(self.item_head(sid), format!("variant or associated item `{name}` not found for this enum"))
    }

    /// `enum E` / `struct S` (with its visibility), for "defined here" labels.
    pub(crate) fn item_head(&self, sid: StructId) -> Range<usize> {
        let info = &self.items.structs[sid];
        let short = info.name.rsplit("::").next().unwrap_or_default();
        match self.items.tree.modules[info.module].types.get(short) {
            Some(b) => b.head.clone(),
            None => info.range.clone(),
        }
    }

    /// The form of a constructor's fields.
    pub(crate) fn ctor_form(&self, c: Ctor) -> FieldsForm {
        match c {
            Ctor::Struct(sid) => match self.items.structs[sid].kind {
                StructKind::Tuple => FieldsForm::Tuple,
                StructKind::Unit => FieldsForm::Unit,
                _ => FieldsForm::Named,
            },
            Ctor::Variant(sid, v) => self.items.variants(sid).expect("a variant of an enum")[v].form,
        }
    }

    /// The form of a constructor's fields, their names and types, in `adt`
    /// (the type the constructor builds: see `ctor_type`).
    pub(crate) fn ctor_fields(&mut self, c: Ctor, adt: TyId) -> (FieldsForm, Vec<(String, TyId)>) {
        let all = self.adt_fields(adt);
        let fields = match c {
            Ctor::Struct(_) => all,
            Ctor::Variant(sid, v) => {
                let info = &self.items.variants(sid).expect("a variant of an enum")[v];
                let first = info.first as usize;
                info.fields.iter().enumerate().map(|(i, n)| (n.clone(), all.get(first + i).map_or(TyId::PLACEHOLDER, |f| f.1))).collect()
            }
        };
        (self.ctor_form(c), fields)
    }

    /// Every IR field of struct or enum type `t` (an enum's tag first), for
    /// non-generic types, generic instances (`Shape::Adt`) and their IR structs alike.
    pub(crate) fn adt_fields(&mut self, t: TyId) -> Vec<(String, TyId)> {
        match self.shape(t) {
            Some(Shape::Adt { sid, args }) => self.infer.adt_fields(sid, &args).unwrap_or_default(),
            Some(Shape::Struct(def)) => {
                let fields = self.types.structs[def].fields.clone();
                fields.into_iter().map(|f| (f.name, self.infer.import(f.ty, self.types))).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The struct or enum behind type `t` (a generic one for its instances).
    pub(crate) fn adt_sid(&mut self, t: TyId) -> Option<StructId> {
        match self.shape(t) {
            Some(Shape::Adt { sid, .. }) => Some(sid),
            Some(Shape::Struct(def)) => self.items.struct_of(self.types, def),
            _ => None,
        }
    }

    /// The type constructor `c` named by `path` builds: its struct or enum;
    /// for a generic one an instance with the path's arguments
    /// (`Opt::<f64>::None`, `Opt::None::<f64>`), `Self`'s, or inference variables.
    pub(crate) fn ctor_type(&mut self, c: Ctor, path: &syn::Path) -> DResult<TyId> {
        let sid = match c {
            Ctor::Struct(s) | Ctor::Variant(s, _) => s,
        };
        if self.items.structs[sid].params.is_empty() {
            return Ok(self.infer.import(self.items.structs[sid].ty, self.types));
        }
        let segs = &path.segments;
        if segs.first().is_some_and(|s| s.ident == "Self") {
            return match (self.env.ty("Self"), self.items.fns[self.fid].self_ty) {
                (Some(t), _) => Ok(t),
                (None, Some(st)) => Ok(self.infer.import(st, self.types)),
                (None, None) => Err(Diagnostic::ice("`Self` of a generic impl is unbound")),
            };
        }
        // the arguments: on the type's segment (`Opt::<f64>::None`) or the variant's (`Opt::None::<f64>`, `None::<f64>`)
        let n = segs.len();
        let on_type = match c {
            Ctor::Variant(..) if n >= 2 => &segs[n - 2].arguments,
            Ctor::Variant(..) => &syn::PathArguments::None,
            Ctor::Struct(_) => &segs[n - 1].arguments,
        };
        let on_variant = match c {
            Ctor::Variant(..) => &segs[n - 1].arguments,
            Ctor::Struct(_) => &syn::PathArguments::None,
        };
        let args = match (on_type, on_variant) {
            (syn::PathArguments::AngleBracketed(_), syn::PathArguments::AngleBracketed(a)) => {
                // rustc: E0109 on the variant's arguments
                let form = match self.ctor_form(c) {
                    FieldsForm::Unit => "unit",
                    FieldsForm::Tuple => "tuple",
                    FieldsForm::Named => "struct",
                };
                let variant = segs[n - 1].ident.to_string();
                let inner = match (a.args.first(), a.args.last()) {
                    (Some(f), Some(l)) => range_of(f).start..range_of(l).end,
                    _ => range_of(a),
                };
                return Err(Diagnostic::at(
                    Some("E0109"),
                    format!("type arguments are not allowed on {form} variant `{variant}`"),
                    inner,
                    "type argument not allowed",
                )
                .secondary(range_of(&segs[n - 1].ident), format!("not allowed on {form} variant `{variant}`")));
            }
            (syn::PathArguments::AngleBracketed(a), _) | (_, syn::PathArguments::AngleBracketed(a)) => Some(a.clone()),
            _ => None,
        };
        let scope = crate::types::TypeScope::of_body(&self.items.fns[self.fid], self.module(), &self.env);
        self.items.generic_struct(sid, args.as_ref(), self.types, &mut self.infer, &scope, range_of(path))
    }

    /// How rustc names a constructor: `E::V`, `P`.
    pub(crate) fn ctor_name(&self, c: Ctor) -> String {
        match c {
            Ctor::Struct(sid) => self.items.structs[sid].name.clone(),
            Ctor::Variant(sid, v) => format!("{}::{}", self.items.structs[sid].name, self.items.variants(sid).unwrap()[v].name),
        }
    }

    /// The IR index of field `i` of constructor `c` in its struct.
    pub(crate) fn ctor_field_index(&self, c: Ctor, i: usize) -> u32 {
        match c {
            Ctor::Struct(_) => i as u32,
            Ctor::Variant(sid, v) => self.items.variants(sid).unwrap()[v].first + i as u32,
        }
    }

    /// The value of constructor `c` of type `adt` (`ctor_type`) with its
    /// fields (in declaration order); an enum's other variants' fields are zero.
    pub(crate) fn ctor_value(&mut self, c: Ctor, adt: TyId, values: Vec<Handle<Expr>>, range: &Range<usize>) -> Handle<Expr> {
        self.adt_uses.build(c);
        match c {
            Ctor::Struct(_) => self.push(ExprKind::Struct { fields: values }, adt, range),
            Ctor::Variant(sid, v) => {
                let info = &self.items.variants(sid).unwrap()[v];
                let (first, count, discr) = (info.first as usize, info.fields.len(), info.discr);
                let all = self.adt_fields(adt);
                let mut fields = vec![self.lit(Literal::Int(discr as u64), all[0].1, range)];
                let mut given = values.into_iter();
                for (i, (_, t)) in all.iter().enumerate().skip(1) {
                    let value = if i >= first && i < first + count { given.next() } else { None };
                    fields.push(value.unwrap_or_else(|| self.zero_value(*t, range)));
                }
                self.push(ExprKind::Struct { fields }, adt, range)
            }
        }
    }

    /// An all-zero value of type `t` (an unused field of an enum value),
    /// made in `finalize` once `t` is known (`Opt::None` of a later-inferred `T`).
    pub(crate) fn zero_value(&mut self, t: TyId, range: &Range<usize>) -> Handle<Expr> {
        let e = self.push(ExprKind::Literal(Literal::Unit), t, range);
        self.pending_zeros.push(e);
        e
    }

    /// The zero values `zero_value` deferred, now that their types are known.
    pub(crate) fn make_zero_values(&mut self) -> DResult<()> {
        for e in std::mem::take(&mut self.pending_zeros) {
            let t = self.etys[e.index()];
            // unresolved: the expression's type is reported when the types are written
            let Ok(ty) = self.infer.resolve(t, self.types) else { continue };
            let range = self.range(e);
            self.exprs[e].kind = self.zero_kind(ty, &range)?;
        }
        Ok(())
    }

    fn zero_kind(&mut self, ty: Handle<Type>, range: &Range<usize>) -> DResult<ExprKind> {
        let zero = |me: &mut Self, ty: Handle<Type>| -> DResult<Handle<Expr>> {
            let kind = me.zero_kind(ty, range)?;
            let t = me.infer.import(ty, me.types);
            Ok(me.push(kind, t, range))
        };
        Ok(match self.types.get(ty).clone() {
            Type::Unit | Type::Never => ExprKind::Literal(Literal::Unit),
            Type::Scalar(s) if s.is_float() => ExprKind::Literal(Literal::Float(0.0)),
            Type::Scalar(hybrid_ir::Scalar::Bool) => ExprKind::Literal(Literal::Bool(false)),
            Type::Scalar(_) => ExprKind::Literal(Literal::Int(0)),
            Type::Pointer { pointee, mutable, reference } => {
                let u = self.scalar_ty(hybrid_ir::Scalar::Usize);
                let zero = self.lit(Literal::Int(0), u, range);
                if !reference {
                    return Ok(ExprKind::Cast { value: zero });
                }
                // a null reference (never read: the field of another variant), through a raw pointer
                let raw = self.types.insert(Type::Pointer { pointee, mutable, reference: false });
                let raw = self.infer.import(raw, self.types);
                ExprKind::Cast { value: self.push(ExprKind::Cast { value: zero }, raw, range) }
            }
            Type::Array { elem, len } => ExprKind::ArrayRepeat { value: zero(self, elem)?, count: len },
            // (a null placeholder: the field of another variant, never called)
            Type::FnPtr { .. } => ExprKind::Literal(Literal::Int(0)),
            Type::Tuple(elems) => ExprKind::Tuple(elems.iter().map(|e| zero(self, *e)).collect::<DResult<_>>()?),
            Type::Struct(s) => {
                let fields: Vec<_> = self.types.structs[s].fields.iter().map(|f| f.ty).collect();
                ExprKind::Struct { fields: fields.into_iter().map(|f| zero(self, f)).collect::<DResult<_>>()? }
            }
            // (an empty `Vec` allocates nothing: the field of another variant, `Result<T, String>`)
            Type::Vec(_) => ExprKind::Intrinsic { op: hybrid_ir::Intrinsic::VecNew, args: Vec::new() },
            // an empty slice (never read: the field of another variant) at address 0
            Type::SliceRef { elem, mutable } => {
                let array = self.types.insert(Type::Array { elem, len: 0 });
                let raw = self.types.insert(Type::Pointer { pointee: array, mutable, reference: false });
                let reference = self.types.insert(Type::Pointer { pointee: array, mutable, reference: true });
                let (raw, reference) = (self.infer.import(raw, self.types), self.infer.import(reference, self.types));
                let u = self.scalar_ty(hybrid_ir::Scalar::Usize);
                let zero = self.lit(Literal::Int(0), u, range);
                let raw = self.push(ExprKind::Cast { value: zero }, raw, range);
                let reference = self.push(ExprKind::Cast { value: raw }, reference, range);
                ExprKind::Intrinsic { op: hybrid_ir::Intrinsic::ArrayToSlice, args: vec![reference] }
            }
        })
    }

    /// A path used as a value that names a unit struct or unit variant.
    pub(crate) fn ctor_path_value(&mut self, p: &syn::ExprPath) -> DResult<Option<Handle<Expr>>> {
        let range = range_of(p);
        let Some(c) = self.ctor_of_path(&p.path, Ns::Value)? else { return Ok(None) };
        let adt = self.ctor_type(c, &p.path)?;
        let (form, fields) = self.ctor_fields(c, adt);
        match form {
            FieldsForm::Unit => Ok(Some(self.ctor_value(c, adt, Vec::new(), &range))),
            FieldsForm::Tuple => {
                self.adt_uses.build(c);
                Ok(Some(self.ctor_fn_value(fields.len(), &range)))
            }
            FieldsForm::Named => Err(Diagnostic::at(
                Some("E0533"),
                format!("expected value, found struct variant `{}`", self.text(&range)),
                range,
                "not a value",
            )),
        }
    }

    /// `P(a, b)` / `E::V(a, b)`.
    pub(crate) fn ctor_call(&mut self, path: &syn::Path, args: &[&syn::Expr], range: &Range<usize>) -> DResult<Option<Handle<Expr>>> {
        let Some(c) = self.ctor_of_path(path, Ns::Value)? else { return Ok(None) };
        let adt = self.ctor_type(c, path)?;
        let (form, fields) = self.ctor_fields(c, adt);
        if form != FieldsForm::Tuple {
            return Err(Diagnostic::at(
                Some("E0618"),
                format!("expected function, found `{}`", self.ctor_name(c)),
                range_of(path),
                "call expression requires function",
            ));
        }
        if args.len() != fields.len() {
            let plural = |n: usize| if n == 1 { "argument" } else { "arguments" };
            let (g, e) = (args.len(), fields.len());
            let what = if matches!(c, Ctor::Variant(..)) { "enum variant" } else { "struct" };
            return Err(Diagnostic::at(
                Some("E0061"),
                format!("this {what} takes {e} {} but {g} {} supplied", plural(e), if g == 1 { "argument was" } else { "arguments were" }),
                range.clone(),
                format!("expected {e} {}", plural(e)),
            ));
        }
        let mut values = Vec::new();
        for (a, (_, fty)) in args.iter().zip(fields) {
            let v = self.operand(a)?;
            values.push(self.coerce(v, fty)?);
        }
        Ok(Some(self.ctor_value(c, adt, values, range)))
    }

    /// `E::V { x, y }` (a struct variant literal).
    pub(crate) fn variant_lit(&mut self, s: &syn::ExprStruct, sid: StructId, v: usize) -> DResult<Handle<Expr>> {
        let range = range_of(s);
        let c = Ctor::Variant(sid, v);
        let adt = self.ctor_type(c, &s.path)?;
        let (_, fields) = self.ctor_fields(c, adt);
        let mut values: Vec<Option<Handle<Expr>>> = vec![None; fields.len()];
        let name = self.ctor_name(c);
        let mut written = Vec::new();
        for fv in &s.fields {
            let member = match &fv.member {
                syn::Member::Named(n) => n.to_string(),
                syn::Member::Unnamed(i) => i.index.to_string(),
            };
            let Some(i) = fields.iter().position(|(n, _)| *n == member) else {
                return Err(Diagnostic::at(
                    Some("E0559"),
                    format!("variant `{name}` has no field named `{member}`"),
                    range_of(&fv.member),
                    format!("`{name}` does not have this field"),
                ));
            };
            let v = self.operand(&fv.expr)?;
            values[i] = Some(self.coerce(v, fields[i].1)?);
            written.push(i);
        }
        let prelude = self.in_written_order(&written, &mut values, false);
        let missing: Vec<String> = fields.iter().zip(&values).filter(|(_, v)| v.is_none()).map(|((f, _), _)| format!("`{f}`")).collect();
        if !missing.is_empty() {
            return Err(Diagnostic::at(
                Some("E0063"),
                format!("missing field{} {} in initializer of `{name}`", if missing.len() > 1 { "s" } else { "" }, missing.join(", ")),
                range_of(&s.path),
                "missing fields",
            ));
        }
        let value = self.ctor_value(c, adt, values.into_iter().flatten().collect(), &range);
        Ok(self.with_prelude(prelude, value, &range))
    }

    /// Whether `def` is an enum's struct (whose fields are not user fields).
    pub(crate) fn is_enum_def(&self, def: Handle<hybrid_ir::StructDef>) -> bool {
        self.items.struct_of(self.types, def).is_some_and(|s| self.items.variants(s).is_some())
    }

    /// The enum `t` is, if it is one (a generic one for its instances).
    pub(crate) fn enum_of(&mut self, t: TyId) -> Option<StructId> {
        self.adt_sid(t).filter(|s| self.items.variants(*s).is_some())
    }

    /// `x.clone()` of a struct or enum that derives `Clone`: a copy (every
    /// struct hybridc accepts is plain data or pointers, so the derived
    /// impl is a field-by-field copy).
    pub(crate) fn derived_clone(
        &mut self,
        sid: StructId,
        name: &str,
        recv: Handle<Expr>,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Option<Handle<Expr>>> {
        if name != "clone" || !self.items.structs[sid].derives.iter().any(|d| d == "Clone") {
            return Ok(None);
        }
        if !args.is_empty() {
            return Err(Diagnostic::at(
                Some("E0061"),
                format!(
                    "this method takes 0 arguments but {} argument{} supplied",
                    args.len(),
                    if args.len() == 1 { " was" } else { "s were" }
                ),
                range.clone(),
                "",
            ));
        }
        Ok(Some(self.autoderef(recv)))
    }

    /// `e as i32` for a C-like enum: its discriminant, cast.
    pub(crate) fn enum_cast(&mut self, value: Handle<Expr>, target: TyId, range: &Range<usize>) -> DResult<Option<Handle<Expr>>> {
        let vty = self.ty(value);
        let Some(sid) = self.enum_of(vty) else { return Ok(None) };
        let variants = self.items.variants(sid).unwrap();
        let c_like = variants.iter().all(|v| v.form == FieldsForm::Unit);
        let is_int = matches!(self.shape(target), Some(Shape::Scalar(s)) if s.is_int());
        if !c_like || !is_int {
            let t = self.describe(target);
            return Err(Diagnostic::at(
                Some(if c_like { "E0606" } else { "E0605" }),
                format!("{} cast: `{}` as {t}", if c_like { "casting" } else { "non-primitive" }, self.items.structs[sid].name),
                range.clone(),
                if c_like {
                    "invalid cast"
                } else {
                    "an `as` expression can only be used to convert between primitive types or to coerce to a specific trait object"
                },
            ));
        }
        let tag_ty = self.scalar_ty(crate::enums::tag_scalar());
        let tag = self.push(ExprKind::Field { base: value, index: 0 }, tag_ty, range);
        Ok(Some(self.push(ExprKind::Cast { value: tag }, target, range)))
    }
}
