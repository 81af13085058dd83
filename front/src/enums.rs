//! Enums and the shapes of structs: variants with their discriminants and
//! fields, and the one function that turns an enum into its IR struct.
//!
//! Representation (there is no enum in the IR): an enum is the struct
//! `{ tag: isize, V.f: .., W.0: .. }`: the tag (the variant's discriminant,
//! `isize` as rustc's default `repr`) followed by the fields of every
//! variant side by side, named `Variant.field` (`Variant.0` for tuple
//! variants). A value of one variant leaves the other variants' fields
//! zeroed. The struct is plain data when its fields are, so enums are
//! passed to kernels by value like structs.
//! FIXME(layout): `size_of` differs from rustc's (no niche, no overlapping
//! variants; the IR has no unions).

use std::ops::Range;

use hybrid_ir::{Field, Handle, Scalar, StructDef, Type, TypeTable};

use crate::consteval::{self, ConstValue};
use crate::diag::{range_of, Diagnostic};
use crate::infer::StructTemplate;
use crate::resolve::{InModule, Items, StructId};

/// How a struct's fields are written, or an enum's variants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StructKind {
    Named,
    Tuple,
    Unit,
    Enum(Vec<VariantInfo>),
}

/// The form of a variant's fields (as a struct's: named, tuple, unit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldsForm {
    Named,
    Tuple,
    Unit,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VariantInfo {
    pub name: String,
    pub discr: i64,
    pub form: FieldsForm,
    /// Field names (`0`, `1`, .. for tuple variants), in order.
    pub fields: Vec<String>,
    /// The IR struct index of the first field (the tag is field 0).
    pub first: u32,
    pub range: Range<usize>,
}

/// A variant's name and its fields' names and IR types.
pub type VariantFields = (String, Vec<(String, Handle<Type>)>);

/// The IR struct of an enum named `name` whose variants have the given
/// field types (`Variant.field` fields after the `tag`). A generic enum's
/// template has the same fields (`define_enums`), so its instances
/// `E<args>` are laid out the same way.
pub fn enum_struct_def(name: &str, tag: Handle<Type>, variants: &[VariantFields]) -> StructDef {
    let mut fields = vec![Field { name: "tag".into(), ty: tag }];
    for (v, fs) in variants {
        for (f, ty) in fs {
            fields.push(Field { name: format!("{v}.{f}"), ty: *ty });
        }
    }
    StructDef { name: name.to_string(), fields }
}

/// The tag's IR type.
pub fn tag_scalar() -> Scalar {
    Scalar::Isize
}

/// Convert the variants of the generic enums (`generic`: their templates)
/// or of the others (their IR structs): discriminants (explicit ones
/// evaluated, the others one more than the previous) and field types.
pub fn define_enums(items: &mut Items, enums: &[(StructId, &syn::ItemEnum)], types: &mut TypeTable, generic: bool) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let mut templates = Vec::new();
    let selected: Vec<(StructId, &syn::ItemEnum)> =
        enums.iter().copied().filter(|(sid, _)| items.structs[*sid].params.is_empty() != generic).collect();
    for (sid, item) in selected {
        let module = items.structs[sid].module;
        let self_ty = items.structs[sid].ty;
        // a generic enum's fields go into its template (`tag`, then `V.f`, as `enum_struct_def` lays them out)
        let (mut table, env) = crate::structs::template_table(&items.structs[sid].params, &[]);
        let scope = crate::types::TypeScope { self_ty: None, allow_infer: false, module, env: &env, impl_of: None };
        let mut template_fields = vec![("tag".to_string(), table.scalar(tag_scalar()))];
        let mut infos = Vec::new();
        let mut typed = Vec::new();
        let mut next: i128 = 0;
        let mut seen: Vec<(i128, Range<usize>)> = Vec::new();
        let mut first = 1u32;
        for v in &item.variants {
            // (`#[default]` marks the variant `#[derive(Default)]` builds, `crate::derive`)
            let allowed = |a: &syn::Attribute| ["doc", "allow", "default"].iter().any(|n| a.path().is_ident(n));
            if let Some(a) = v.attrs.iter().find(|a| !allowed(a)) {
                errors.push(Diagnostic::unsupported("attributes on enum variants", range_of(a)));
            }
            if let Some((_, e)) = &v.discriminant {
                match consteval::eval(e, &InModule { items, module, params: &[] }) {
                    Ok(ConstValue::Int(d)) => next = d,
                    Ok(_) => {
                        errors.push(Diagnostic::at(Some("E0308"), "mismatched types", range_of(e), "expected `isize`"));
                    }
                    Err(d) => errors.push(d),
                }
                if !matches!(v.fields, syn::Fields::Unit) {
                    // rustc accepts this only with a primitive `repr`
                    errors.push(Diagnostic::unsupported("explicit discriminants on variants with fields", range_of(e)));
                }
            }
            if let Some((_, prev)) = seen.iter().find(|(d, _)| *d == next) {
                errors.push(
                    Diagnostic::at(
                        Some("E0081"),
                        "discriminant value `".to_string() + &next.to_string() + "` assigned more than once",
                        range_of(&item.ident),
                        "",
                    )
                    .secondary(prev.clone(), format!("`{next}` assigned here")),
                );
            }
            seen.push((next, range_of(&v.ident)));
            let (form, names): (FieldsForm, Vec<String>) = match &v.fields {
                syn::Fields::Named(n) => {
                    (FieldsForm::Named, n.named.iter().map(|f| f.ident.as_ref().map(|i| i.to_string()).unwrap_or_default()).collect())
                }
                syn::Fields::Unnamed(u) => (FieldsForm::Tuple, (0..u.unnamed.len()).map(|i| i.to_string()).collect()),
                syn::Fields::Unit => (FieldsForm::Unit, Vec::new()),
            };
            let mut ftys = Vec::new();
            for (f, name) in v.fields.iter().zip(&names) {
                if generic {
                    // FIXME(generic enum fields): instances with slice or `Vec` fields are refused when a value is built
                    let head = crate::structs::item_head(&item.vis, item.enum_token.span, &item.ident, &item.generics);
                    let converted = items.convert_in(&f.ty, types, &mut table, &scope).and_then(|t| {
                        let name = &items.structs[sid].name;
                        crate::structs::check_recursive_field(&mut table, sid, name, t, range_of(&f.ty), head).map(|_| t)
                    });
                    match converted {
                        Ok(t) => template_fields.push((format!("{}.{name}", v.ident), t)),
                        Err(e) => errors.push(e),
                    }
                    continue;
                }
                match items.ir_type(&f.ty, types, Some(self_ty), module) {
                    Ok(ty) => {
                        if !enum_field_ok(types, ty) {
                            errors.push(Diagnostic::unsupported("enum fields of this type", range_of(&f.ty)));
                        }
                        ftys.push((name.clone(), ty));
                    }
                    Err(e) => errors.push(e),
                }
            }
            let name = v.ident.to_string();
            infos.push(VariantInfo {
                name: name.clone(),
                discr: next as i64,
                form,
                fields: names.clone(),
                first,
                range: range_of(&v.ident),
            });
            first += names.len() as u32;
            typed.push((name, ftys));
            next += 1;
        }
        if generic {
            let name = items.structs[sid].name.clone();
            templates.push((sid, StructTemplate { name, fields: template_fields, table, const_params: Vec::new() }));
        } else {
            let tag = types.scalar(tag_scalar());
            let def = enum_struct_def(&items.structs[sid].name, tag, &typed);
            let h = items.structs[sid].def;
            types.structs[h] = def;
        }
        items.structs[sid].kind = StructKind::Enum(infos);
    }
    if !templates.is_empty() {
        let all = std::sync::Arc::make_mut(&mut items.templates);
        for (sid, tpl) in templates {
            if all.len() <= sid {
                all.resize(sid + 1, None);
            }
            all[sid] = Some(tpl);
        }
    }
    errors
}

impl Items {
    /// The variants of `sid` when it is an enum.
    pub fn variants(&self, sid: StructId) -> Option<&[VariantInfo]> {
        match &self.structs[sid].kind {
            StructKind::Enum(v) => Some(v),
            _ => None,
        }
    }
}

/// Whether a non-generic enum may hold a field of type `ty`: plain data and
/// pointers, also inside structs, tuples and arrays (a `Box<List>` of a
/// recursive `List`), slice references, `Vec`s and `String`s (dropped by
/// the enum's drop glue, as in generic instances such as `Option<Vec<T>>`).
fn enum_field_ok(types: &hybrid_ir::TypeTable, ty: hybrid_ir::Handle<Type>) -> bool {
    match types.get(ty) {
        Type::Scalar(_) | Type::Unit | Type::Pointer { .. } | Type::SliceRef { .. } | Type::Vec(_) => true,
        Type::Array { elem, .. } => enum_field_ok(types, *elem),
        Type::Tuple(_) | Type::Struct(_) => types.field_types(ty).iter().all(|f| enum_field_ok(types, *f)),
        _ => false,
    }
}
