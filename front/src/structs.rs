//! Structs in the item table: the IR definition of every non-generic struct (fields converted, duplicates and infinite size rejected) and the field template of every generic one (`infer::StructTemplate`).

use hybrid_ir::{Handle, StructDef, Type, TypeTable};

use crate::diag::{range_of, DResult, Diagnostic};
use crate::generics::GenericEnv;
use crate::infer::{Infer, Shape, StructTemplate};
use crate::resolve::Items;

/// The field templates of the generic structs: each field's type converted
/// with the struct's parameters as `Shape::Param`s.
fn struct_templates(
    items: &Items,
    syntax: &[Option<&syn::ItemStruct>],
    types: &mut TypeTable,
) -> Result<Vec<Option<StructTemplate>>, Diagnostic> {
    let mut out = Vec::with_capacity(items.structs.len());
    for (sid, item) in syntax.iter().enumerate().take(items.structs.len()) {
        let s = &items.structs[sid];
        let Some(item) = *item else {
            out.push(None);
            continue;
        };
        if s.params.is_empty() {
            out.push(None);
            continue;
        }
        let (mut table, env) = template_table(&s.params, &s.const_params);
        let scope = crate::types::TypeScope { self_ty: None, allow_infer: false, module: s.module, env: &env, impl_of: None };
        let mut fields = Vec::new();
        let head = item_head(&item.vis, item.struct_token.span, &item.ident, &item.generics);
        for (i, f) in item.fields.iter().enumerate() {
            let name = f.ident.as_ref().map_or_else(|| i.to_string(), |i| i.to_string());
            let t = items.convert_in(&f.ty, types, &mut table, &scope)?;
            check_recursive_field(&mut table, sid, &s.name, t, range_of(&f.ty), head.clone())?;
            fields.push((name, t));
        }
        out.push(Some(StructTemplate { name: s.name.clone(), fields, table, const_params: s.const_params.clone() }));
    }
    Ok(out)
}

/// A template's own table with its type parameters bound to
/// `Shape::Param`s and its const parameters (`consts[i]` is `Some`) to
/// `infer::PARAM_LEN` lengths.
pub(crate) fn template_table(params: &[String], consts: &[Option<hybrid_ir::Scalar>]) -> (Infer, GenericEnv) {
    let mut table = Infer::new();
    let mut env = GenericEnv::default();
    for (i, p) in params.iter().enumerate() {
        if consts.get(i).is_some_and(|c| c.is_some()) {
            env.consts.push((p.clone(), crate::consteval::ConstValue::Int((crate::infer::PARAM_LEN | i as u64) as i128)));
            continue;
        }
        let t = table.known(Shape::Param(i as u32));
        env.types.push((p.clone(), t));
    }
    (table, env)
}

/// The head of a struct or enum item as rustc underlines it for E0072:
/// from its visibility (or keyword) to the end of its generics.
pub(crate) fn item_head(
    vis: &syn::Visibility,
    keyword: proc_macro2::Span,
    ident: &syn::Ident,
    generics: &syn::Generics,
) -> std::ops::Range<usize> {
    let start = crate::walk::vis_start(vis, crate::ranges::byte_range(keyword).start);
    let end = generics.gt_token.map_or_else(|| range_of(ident).end, |g| crate::ranges::byte_range(g.span).end);
    start..end
}

/// E0072 when field type `field` (written at `written`) of generic struct
/// or enum `sid`'s template contains an instance of it by value
/// (`enum List<T> { Cons(T, List<T>), Nil }`).
pub(crate) fn check_recursive_field(
    table: &mut Infer,
    sid: usize,
    name: &str,
    field: crate::infer::TyId,
    written: std::ops::Range<usize>,
    head: std::ops::Range<usize>,
) -> DResult<()> {
    if !table.contains_adt(field, sid) {
        return Ok(());
    }
    Err(Diagnostic::at(Some("E0072"), format!("recursive type `{name}` has infinite size"), head, "")
        .secondary(written, "recursive without indirection")
        .help("insert some indirection (e.g., a `Box`, `Rc`, or `&`) to break the cycle"))
}

/// Make the generic structs' templates and allocate the definitions of
/// all other structs and enums (their fields come in `define_struct_fields`
/// and `enums::define_enums`, after the generic enums' templates).
pub(crate) fn allocate_structs(items: &mut Items, syntax: &[Option<&syn::ItemStruct>], types: &mut TypeTable) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    // (first: a generic struct's template may name them, `Split<P> { s: &str, .. }`)
    for s in items.structs.iter_mut().filter(|s| s.params.is_empty()) {
        s.def = types.structs.append(StructDef { name: s.name.clone(), fields: Vec::new() });
        s.ty = types.insert(Type::Struct(s.def));
    }
    match struct_templates(items, syntax, types) {
        Ok(t) => items.templates = std::sync::Arc::new(t),
        Err(e) => errors.push(e),
    }
    errors
}

/// Convert the fields of the non-generic structs.
pub(crate) fn define_struct_fields(items: &mut Items, syntax: &[Option<&syn::ItemStruct>], types: &mut TypeTable) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (sid, item) in syntax.iter().enumerate().take(items.structs.len()) {
        let Some(item) = *item else { continue };
        if !items.structs[sid].params.is_empty() {
            continue;
        }
        let self_ty = items.structs[sid].ty;
        let mut fields = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (i, f) in item.fields.iter().enumerate() {
            let name = f.ident.as_ref().map_or_else(|| i.to_string(), |i| i.to_string());
            if !seen.insert(name.clone()) {
                errors.push(Diagnostic::at(
                    Some("E0124"),
                    format!("field `{name}` is already declared"),
                    range_of(f),
                    "field already declared",
                ));
                continue;
            }
            match items.ir_type(&f.ty, types, Some(self_ty), items.structs[sid].module) {
                Ok(ty) => {
                    if matches!(types.get(ty), Type::Never) {
                        errors.push(Diagnostic::unsupported("struct fields of this type", range_of(&f.ty)));
                    }
                    fields.push(hybrid_ir::Field { name, ty })
                }
                Err(e) => errors.push(e),
            }
        }
        let def = items.structs[sid].def;
        types.structs[def].fields = fields;
    }
    errors
}

pub(crate) fn check_struct_cycles(items: &Items, types: &TypeTable) -> DResult<()> {
    // A struct containing itself by value (directly, in an array or tuple)
    // has no finite size.
    fn contains(types: &TypeTable, ty: Handle<Type>, target: Handle<StructDef>, depth: u32) -> bool {
        if depth > 32 {
            return true;
        }
        match types.get(ty) {
            Type::Struct(s) => *s == target || types.structs[*s].fields.iter().any(|f| contains(types, f.ty, target, depth + 1)),
            Type::Array { elem, .. } => contains(types, *elem, target, depth + 1),
            Type::Tuple(elems) => elems.iter().any(|e| contains(types, *e, target, depth + 1)),
            _ => false,
        }
    }
    for s in items.structs.iter().filter(|s| s.params.is_empty()) {
        if !types.structs.contains(s.def) {
            continue;
        }
        if types.structs[s.def].fields.iter().any(|f| contains(types, f.ty, s.def, 0)) {
            return Err(Diagnostic::at(
                Some("E0072"),
                format!("recursive type `{}` has infinite size", s.name),
                s.range.clone(),
                "recursive without indirection",
            ));
        }
    }
    Ok(())
}
