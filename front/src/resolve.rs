//! Item collection and name tables: functions, kernels and their extern
//! declarations, structs with their methods, consts and `use`s, per side;
//! signatures and struct fields converted to IR types, every const
//! evaluated.
//!
//! The resulting [`Items`] refers to no syntax tree (bodies are byte ranges
//! of the source), so it is shared by the threads that lower the bodies.

use std::collections::HashMap;
use std::ops::Range;

use hybrid_ir::{Function, Handle, StructDef, Type, TypeTable};
use syn::spanned::Spanned;

use crate::cfg::{self, Side};
use crate::consteval::{self, ConstEnv, ConstValue};
use crate::diag::{range_of, DResult, Diagnostic};
use crate::types::is_plain_data;

pub type FnId = usize;
pub type StructId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelfKind {
    Value,
    Ref,
    RefMut,
}

pub struct ParamDecl {
    pub name: String,
    pub ty: Handle<Type>,
    pub mutable: bool,
    pub range: Range<usize>,
}

/// A function with a body: a free function, a kernel or a method.
pub struct FnDecl {
    /// The IR name: `saxpy`, `Vec3::dot`.
    pub name: String,
    /// The body `{ .. }` in the source, braces included.
    pub body: Range<usize>,
    /// The name's range, for diagnostics.
    pub range: Range<usize>,
    /// From `fn` to the parameter list's `)`, for arity errors.
    pub sig_range: Range<usize>,
    /// The return type (`-> T`, or where it would be), for type errors.
    pub output_range: Range<usize>,
    pub on_host: bool,
    pub on_device: bool,
    pub is_kernel: bool,
    /// A kernel declared on the host by an `extern "C"` block.
    pub host_declared: bool,
    pub is_unsafe: bool,
    pub owner: Option<StructId>,
    pub receiver: Option<SelfKind>,
    pub params: Vec<ParamDecl>,
    pub ret: Handle<Type>,
    pub handle: Handle<Function>,
}

pub struct StructInfo {
    pub name: String,
    /// The name's range.
    pub range: Range<usize>,
    pub def: Handle<StructDef>,
    pub ty: Handle<Type>,
    pub methods: HashMap<String, FnId>,
}

pub struct ConstDecl {
    pub name: String,
    pub ty: Option<hybrid_ir::Scalar>,
    /// Set by the const pass of [`collect`] (`None` only for a const whose
    /// evaluation failed, and then `collect` fails).
    pub value: Option<ConstValue>,
}

/// What a name in the value namespace refers to.
#[derive(Clone, Debug)]
pub enum ValueItem {
    Fn(FnId),
    Const(usize),
    /// An `extern "C"` declaration that is not a kernel's.
    Foreign(Range<usize>),
}

pub struct Items {
    pub fns: Vec<FnDecl>,
    pub values: HashMap<String, ValueItem>,
    pub structs: Vec<StructInfo>,
    pub struct_names: HashMap<String, StructId>,
    pub consts: Vec<ConstDecl>,
    /// `use a::b::c;` as `c -> [a, b, c]` (`std` spelled `core`).
    pub uses: HashMap<String, Vec<String>>,
    /// `use a::b::*;` prefixes.
    pub globs: Vec<Vec<String>>,
    pub main: Option<FnId>,
}

/// The syntax behind [`Items`], needed only while collecting: indexed like
/// `Items::fns`, `Items::structs` and `Items::consts`.
#[derive(Default)]
struct Syntax<'a> {
    sigs: Vec<&'a syn::Signature>,
    structs: Vec<&'a syn::ItemStruct>,
    consts: Vec<&'a syn::ItemConst>,
}

struct ForeignDecl<'a> {
    name: String,
    sig: &'a syn::Signature,
    on_host: bool,
    range: Range<usize>,
}

fn sides(attrs: &[syn::Attribute]) -> DResult<(bool, bool)> {
    Ok((cfg::active(attrs, Side::Host)?, cfg::active(attrs, Side::Device)?))
}

/// Normalize a path's segments: `std` and `alloc` read as `core`.
pub fn normalize_path(segs: &mut [String]) {
    if let Some(first) = segs.first_mut() {
        if first == "std" || first == "alloc" {
            *first = "core".into();
        }
    }
}

impl ConstEnv for Items {
    fn const_index(&self, name: &str) -> Option<usize> {
        match self.values.get(name) {
            Some(ValueItem::Const(i)) => Some(*i),
            _ => None,
        }
    }

    fn const_value(&self, idx: usize) -> DResult<ConstValue> {
        self.consts[idx].value.ok_or_else(|| Diagnostic::ice(format!("the constant `{}` was not evaluated", self.consts[idx].name)))
    }
}

/// Collect the items of a file for both sides.
pub fn collect(file: &syn::File, types: &mut TypeTable) -> Result<Items, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut items = Items {
        fns: Vec::new(),
        values: HashMap::new(),
        structs: Vec::new(),
        struct_names: HashMap::new(),
        consts: Vec::new(),
        uses: HashMap::new(),
        globs: Vec::new(),
        main: None,
    };
    let mut syntax = Syntax::default();
    let mut foreign = Vec::new();
    // (owner type name, fn) of methods, registered once structs are known
    let mut methods = Vec::new();

    for item in &file.items {
        if let Err(e) = collect_item(item, &mut items, &mut syntax, &mut foreign, &mut methods) {
            errors.push(e);
        }
    }
    // consts' types, then values (struct fields and signatures may use them)
    for (c, item) in items.consts.iter_mut().zip(&syntax.consts) {
        c.ty = match &*item.ty {
            syn::Type::Path(p) => p.path.get_ident().and_then(|i| hybrid_ir::Scalar::from_name(&i.to_string())),
            _ => None,
        };
    }
    let const_errors = consteval::evaluate_consts(&mut items, &syntax.consts);
    if !const_errors.is_empty() {
        errors.extend(const_errors);
        return Err(errors);
    }
    // struct fields
    errors.extend(define_structs(&mut items, &syntax.structs, types));
    if let Err(e) = check_struct_cycles(&items, types) {
        errors.push(e);
    }
    // methods
    for (owner, owner_range, f, on_host, on_device) in methods {
        let Some(&sid) = items.struct_names.get(&owner) else {
            errors.push(Diagnostic::at(
                Some("E0412"),
                format!("cannot find type `{owner}` in this scope"),
                owner_range,
                "not found in this scope",
            ));
            continue;
        };
        let name = f.sig.ident.to_string();
        if items.structs[sid].methods.contains_key(&name) {
            errors.push(Diagnostic::at(
                Some("E0592"),
                format!("duplicate definitions with name `{name}`"),
                range_of(&f.sig.ident),
                format!("duplicate definitions for `{name}`"),
            ));
            continue;
        }
        let id = items.fns.len();
        items.fns.push(new_decl(format!("{owner}::{name}"), &f.sig, &f.block, on_host, on_device, false, Some(sid)));
        syntax.sigs.push(&f.sig);
        items.structs[sid].methods.insert(name, id);
    }
    // signatures
    for id in 0..items.fns.len() {
        if let Err(e) = convert_signature(&mut items, id, syntax.sigs[id], types) {
            errors.push(e);
        }
    }
    // extern declarations of kernels
    for decl in foreign {
        if let Err(e) = link_foreign(&mut items, &decl, types) {
            errors.push(e);
        }
    }
    match items.values.get("main") {
        Some(ValueItem::Fn(id)) if items.fns[*id].on_host => {
            let f = &items.fns[*id];
            if !f.params.is_empty() || !matches!(types.get(f.ret), Type::Unit) {
                errors.push(Diagnostic::at(Some("E0580"), "`main` function has wrong type", f.range.clone(), "expected `fn()`"));
            }
            items.main = Some(*id);
        }
        _ => errors.push(
            Diagnostic::error(Some("E0601"), "`main` function not found in crate")
                .note("the program needs a `fn main() { .. }` on the host side"),
        ),
    }
    if errors.is_empty() {
        Ok(items)
    } else {
        Err(errors)
    }
}

fn new_decl(
    name: String,
    sig: &syn::Signature,
    body: &syn::Block,
    on_host: bool,
    on_device: bool,
    is_kernel: bool,
    owner: Option<StructId>,
) -> FnDecl {
    FnDecl {
        name,
        body: crate::ranges::block_range(body),
        range: range_of(&sig.ident),
        sig_range: sig_range(sig),
        output_range: range_of(&sig.output),
        on_host,
        on_device,
        is_kernel,
        host_declared: false,
        is_unsafe: sig.unsafety.is_some(),
        owner,
        receiver: None,
        params: Vec::new(),
        ret: Handle::from_index(0),
        handle: Handle::from_index(0),
    }
}

fn check_sig_shape(sig: &syn::Signature) -> DResult<()> {
    if !sig.generics.params.is_empty() {
        let is_lifetimes_only = sig.generics.params.iter().all(|p| matches!(p, syn::GenericParam::Lifetime(_)));
        if !is_lifetimes_only {
            return Err(Diagnostic::not_in_language("generic functions", range_of(&sig.generics)));
        }
    }
    if let Some(w) = &sig.generics.where_clause {
        return Err(Diagnostic::not_in_language("`where` clauses (generics and traits)", range_of(w)));
    }
    if let Some(c) = &sig.constness {
        return Err(Diagnostic::unsupported("`const fn`", range_of(c)));
    }
    if let Some(a) = &sig.asyncness {
        return Err(Diagnostic::unsupported("`async fn`", range_of(a)));
    }
    if let Some(v) = &sig.variadic {
        return Err(Diagnostic::unsupported("variadic functions", range_of(v)));
    }
    Ok(())
}

fn not_in_language_item(item: &syn::Item) -> Option<Diagnostic> {
    use syn::Item;
    let (what, range) = match item {
        Item::Enum(e) => ("enums", range_of(&e.ident)),
        Item::Trait(t) => ("traits", range_of(&t.ident)),
        Item::TraitAlias(t) => ("traits", range_of(&t.ident)),
        Item::Mod(m) => ("modules", range_of(&m.ident)),
        Item::Union(u) => ("unions", range_of(&u.ident)),
        Item::Macro(m) => ("macro definitions", range_of(&m.mac.path)),
        _ => return None,
    };
    Some(Diagnostic::not_in_language(what, range))
}

fn collect_item<'a>(
    item: &'a syn::Item,
    items: &mut Items,
    syntax: &mut Syntax<'a>,
    foreign: &mut Vec<ForeignDecl<'a>>,
    methods: &mut Vec<(String, Range<usize>, &'a syn::ImplItemFn, bool, bool)>,
) -> DResult<()> {
    use syn::Item;
    if let Some(d) = not_in_language_item(item) {
        return Err(d);
    }
    let attrs: &[syn::Attribute] = match item {
        Item::Fn(f) => &f.attrs,
        Item::ForeignMod(f) => &f.attrs,
        Item::Struct(s) => &s.attrs,
        Item::Impl(i) => &i.attrs,
        Item::Const(c) => &c.attrs,
        Item::Use(u) => &u.attrs,
        Item::Static(s) => return Err(Diagnostic::unsupported("`static` items", range_of(&s.ident))),
        Item::Type(t) => return Err(Diagnostic::unsupported("type aliases", range_of(&t.ident))),
        Item::ExternCrate(e) => return Err(Diagnostic::unsupported("`extern crate`", range_of(&e.ident))),
        other => return Err(Diagnostic::unsupported("this item", range_of(other))),
    };
    cfg::check_item_attrs(attrs)?;
    let (on_host, on_device) = sides(attrs)?;
    if !on_host && !on_device {
        return Ok(());
    }
    match item {
        Item::Fn(f) => {
            check_sig_shape(&f.sig)?;
            let name = f.sig.ident.to_string();
            let is_kernel = cfg::is_kernel(&f.attrs);
            if let Some(abi) = &f.sig.abi {
                let abi_name = abi.name.as_ref().map(|n| n.value()).unwrap_or_else(|| "C".into());
                match abi_name.as_str() {
                    "gpu-kernel" if is_kernel => {}
                    "gpu-kernel" => {
                        return Err(Diagnostic::at(
                            None,
                            "an `extern \"gpu-kernel\"` function must be marked `#[offload_kernel]` or `#[rustc_offload_kernel]`",
                            range_of(&f.sig.ident),
                            "missing kernel attribute",
                        ))
                    }
                    "C" | "Rust" => {}
                    other => return Err(Diagnostic::unsupported(&format!("the ABI `\"{other}\"`"), range_of(abi))),
                }
            }
            let id = items.fns.len();
            let decl = new_decl(name.clone(), &f.sig, &f.block, on_host, on_device, is_kernel, None);
            match items.values.get(&name) {
                Some(ValueItem::Fn(prev)) => {
                    let p = &items.fns[*prev];
                    let clash = (p.on_host && on_host) || (p.on_device && on_device);
                    return Err(if clash {
                        Diagnostic::at(
                            Some("E0428"),
                            format!("the name `{name}` is defined multiple times"),
                            range_of(&f.sig.ident),
                            format!("`{name}` redefined here"),
                        )
                        .secondary(p.range.clone(), format!("previous definition of `{name}` here"))
                    } else {
                        Diagnostic::unsupported(
                            &format!("defining `{name}` differently for the host and the device"),
                            range_of(&f.sig.ident),
                        )
                    });
                }
                Some(_) => {
                    return Err(Diagnostic::at(
                        Some("E0428"),
                        format!("the name `{name}` is defined multiple times"),
                        range_of(&f.sig.ident),
                        format!("`{name}` redefined here"),
                    ))
                }
                None => {}
            }
            items.values.insert(name, ValueItem::Fn(id));
            items.fns.push(decl);
            syntax.sigs.push(&f.sig);
        }
        Item::ForeignMod(fm) => {
            let abi = fm.abi.name.as_ref().map(|n| n.value()).unwrap_or_else(|| "C".into());
            if abi != "C" {
                return Err(Diagnostic::unsupported(&format!("`extern \"{abi}\"` blocks"), range_of(&fm.abi)));
            }
            for fi in &fm.items {
                match fi {
                    syn::ForeignItem::Fn(f) => {
                        cfg::check_item_attrs(&f.attrs)?;
                        let (h, _) = sides(&f.attrs)?;
                        check_sig_shape(&f.sig)?;
                        foreign.push(ForeignDecl {
                            name: f.sig.ident.to_string(),
                            sig: &f.sig,
                            on_host: on_host && h,
                            range: range_of(&f.sig.ident),
                        });
                    }
                    other => return Err(Diagnostic::unsupported("this item in an `extern` block", range_of(other))),
                }
            }
        }
        Item::Struct(s) => {
            if !s.generics.params.is_empty() {
                return Err(Diagnostic::not_in_language("generic structs", range_of(&s.generics)));
            }
            if !matches!(s.fields, syn::Fields::Named(_)) {
                return Err(Diagnostic::unsupported("tuple and unit structs", range_of(&s.ident)));
            }
            let name = s.ident.to_string();
            if items.struct_names.contains_key(&name) {
                return Err(Diagnostic::at(
                    Some("E0428"),
                    format!("the name `{name}` is defined multiple times"),
                    range_of(&s.ident),
                    format!("`{name}` redefined here"),
                ));
            }
            // handles are assigned in `fill_struct`; placeholders here
            items.struct_names.insert(name.clone(), items.structs.len());
            syntax.structs.push(s);
            items.structs.push(StructInfo {
                name,
                range: range_of(&s.ident),
                def: Handle::from_index(usize::MAX >> 33),
                ty: Handle::from_index(usize::MAX >> 33),
                methods: HashMap::new(),
            });
        }
        Item::Impl(imp) => {
            if let Some((_, path, _)) = &imp.trait_ {
                return Err(Diagnostic::not_in_language("traits (trait impls)", range_of(path)));
            }
            if !imp.generics.params.is_empty() {
                return Err(Diagnostic::not_in_language("generic impls", range_of(&imp.generics)));
            }
            let owner = match &*imp.self_ty {
                syn::Type::Path(p) if p.qself.is_none() && p.path.get_ident().is_some() => {
                    p.path.get_ident().map(|i| i.to_string()).unwrap_or_default()
                }
                other => return Err(Diagnostic::unsupported("an `impl` for this type", range_of(other))),
            };
            for ii in &imp.items {
                match ii {
                    syn::ImplItem::Fn(f) => {
                        cfg::check_item_attrs(&f.attrs)?;
                        let (h, d) = sides(&f.attrs)?;
                        if !(h && on_host) && !(d && on_device) {
                            continue;
                        }
                        check_sig_shape(&f.sig)?;
                        if cfg::is_kernel(&f.attrs) {
                            return Err(Diagnostic::unsupported("kernels as methods", range_of(&f.sig.ident)));
                        }
                        methods.push((owner.clone(), range_of(&imp.self_ty), f, h && on_host, d && on_device));
                    }
                    syn::ImplItem::Const(c) => return Err(Diagnostic::unsupported("associated constants", range_of(&c.ident))),
                    other => return Err(Diagnostic::unsupported("this item in an `impl` block", range_of(other))),
                }
            }
        }
        Item::Const(c) => {
            let name = c.ident.to_string();
            if items.values.contains_key(&name) {
                return Err(Diagnostic::at(
                    Some("E0428"),
                    format!("the name `{name}` is defined multiple times"),
                    range_of(&c.ident),
                    format!("`{name}` redefined here"),
                ));
            }
            items.values.insert(name.clone(), ValueItem::Const(items.consts.len()));
            items.consts.push(ConstDecl { name, ty: None, value: None });
            syntax.consts.push(c);
        }
        Item::Use(u) => collect_use(&u.tree, &mut Vec::new(), items)?,
        _ => {}
    }
    Ok(())
}

fn collect_use(tree: &syn::UseTree, prefix: &mut Vec<String>, items: &mut Items) -> DResult<()> {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            let r = collect_use(&p.tree, prefix, items);
            prefix.pop();
            r
        }
        syn::UseTree::Name(n) => {
            let mut full = prefix.clone();
            let name = n.ident.to_string();
            if name == "self" {
                let alias = full.last().cloned().unwrap_or_default();
                normalize_path(&mut full);
                items.uses.insert(alias, full);
            } else {
                full.push(name.clone());
                normalize_path(&mut full);
                items.uses.insert(name, full);
            }
            Ok(())
        }
        syn::UseTree::Rename(r) => {
            let mut full = prefix.clone();
            full.push(r.ident.to_string());
            normalize_path(&mut full);
            items.uses.insert(r.rename.to_string(), full);
            Ok(())
        }
        syn::UseTree::Glob(_) => {
            let mut full = prefix.clone();
            normalize_path(&mut full);
            items.globs.push(full);
            Ok(())
        }
        syn::UseTree::Group(g) => {
            for t in &g.items {
                collect_use(t, prefix, items)?;
            }
            Ok(())
        }
    }
}

/// Allocate all struct definitions and convert their fields.
fn define_structs(items: &mut Items, syntax: &[&syn::ItemStruct], types: &mut TypeTable) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for s in items.structs.iter_mut() {
        s.def = types.structs.append(StructDef { name: s.name.clone(), fields: Vec::new() });
        s.ty = types.insert(Type::Struct(s.def));
    }
    for sid in 0..items.structs.len() {
        let item = syntax[sid];
        let self_ty = items.structs[sid].ty;
        let mut fields = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for f in item.fields.iter() {
            let name = f.ident.as_ref().map(|i| i.to_string()).unwrap_or_default();
            if !seen.insert(name.clone()) {
                errors.push(Diagnostic::at(
                    Some("E0124"),
                    format!("field `{name}` is already declared"),
                    range_of(f),
                    "field already declared",
                ));
                continue;
            }
            match items.ir_type(&f.ty, types, Some(self_ty)) {
                Ok(ty) => {
                    if matches!(types.get(ty), Type::Vec(_) | Type::Never) {
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

fn check_struct_cycles(items: &Items, types: &TypeTable) -> DResult<()> {
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
    for s in &items.structs {
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

fn convert_signature(items: &mut Items, id: FnId, sig: &syn::Signature, types: &mut TypeTable) -> DResult<()> {
    let self_ty = items.fns[id].owner.map(|s| items.structs[s].ty);
    let mut params = Vec::new();
    let mut receiver = None;
    for arg in &sig.inputs {
        match arg {
            syn::FnArg::Receiver(r) => {
                let Some(st) = self_ty else {
                    return Err(Diagnostic::at(
                        None,
                        "`self` parameter is only allowed in associated functions",
                        range_of(r),
                        "not semantically valid as function parameter",
                    ));
                };
                if r.colon_token.is_some() {
                    return Err(Diagnostic::unsupported("`self` with an explicit type", range_of(r)));
                }
                let (kind, ty) = match &r.reference {
                    None => (SelfKind::Value, st),
                    Some(_) => {
                        let mutable = r.mutability.is_some();
                        let ty = types.insert(Type::Pointer { pointee: st, mutable, reference: true });
                        (if mutable { SelfKind::RefMut } else { SelfKind::Ref }, ty)
                    }
                };
                receiver = Some(kind);
                params.push(ParamDecl {
                    name: "self".into(),
                    ty,
                    mutable: r.reference.is_none() && r.mutability.is_some(),
                    range: range_of(r),
                });
            }
            syn::FnArg::Typed(pt) => {
                let (name, mutable) = match &*pt.pat {
                    syn::Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => (pi.ident.to_string(), pi.mutability.is_some()),
                    syn::Pat::Wild(_) => ("_".to_string(), false),
                    other => return Err(Diagnostic::unsupported("this parameter pattern", range_of(other))),
                };
                let ty = items.ir_type(&pt.ty, types, self_ty)?;
                params.push(ParamDecl { name, ty, mutable, range: range_of(&pt.pat) });
            }
        }
    }
    let ret = match &sig.output {
        syn::ReturnType::Default => types.unit(),
        syn::ReturnType::Type(_, t) => items.ir_type(t, types, self_ty)?,
    };
    let decl = &mut items.fns[id];
    decl.params = params;
    decl.receiver = receiver;
    decl.ret = ret;
    decl.handle = Handle::from_index(id);
    if decl.is_kernel {
        if !matches!(types.get(ret), Type::Unit) {
            return Err(Diagnostic::at(
                None,
                format!("kernel `{}` must return `()`", decl.name),
                range_of(&sig.output),
                format!("kernels cannot return a value; this one returns `{}`", types.display(ret)),
            )
            .help("write results through a `&mut` or `*mut` parameter instead"));
        }
        for p in &decl.params {
            if hybrid_ir::abi::kernel_param_slots(types, p.ty).is_none() {
                return Err(Diagnostic::at(
                    None,
                    format!("kernel parameter `{}` has a type that cannot be passed to a kernel", p.name),
                    p.range.clone(),
                    format!(
                        "`{}` is not a scalar, a thin pointer, a reference, a slice reference or a struct, tuple or array of plain data",
                        types.display(p.ty)
                    ),
                ));
            }
            if let Type::Pointer { pointee, .. } | Type::SliceRef { elem: pointee, .. } = types.get(p.ty) {
                if !is_plain_data(types, *pointee) {
                    return Err(Diagnostic::at(
                        None,
                        format!("kernel parameter `{}` points to data that cannot be copied to the device", p.name),
                        p.range.clone(),
                        format!("`{}` contains pointers or a `Vec`", types.display(p.ty)),
                    ));
                }
            }
        }
    }
    Ok(())
}

fn link_foreign(items: &mut Items, decl: &ForeignDecl<'_>, types: &mut TypeTable) -> DResult<()> {
    if !decl.on_host {
        return Ok(());
    }
    match items.values.get(&decl.name).cloned() {
        Some(ValueItem::Fn(id)) if items.fns[id].is_kernel => {
            // The host-side declaration of a kernel: its signature must match.
            let kernel = &items.fns[id];
            let mut ok = kernel.params.len() == decl.sig.inputs.len();
            if ok {
                for (p, arg) in kernel.params.iter().zip(decl.sig.inputs.iter()) {
                    let syn::FnArg::Typed(pt) = arg else {
                        ok = false;
                        break;
                    };
                    let ty = items.ir_type(&pt.ty, types, None)?;
                    ok &= ty == p.ty;
                }
            }
            let ret_ok = matches!(decl.sig.output, syn::ReturnType::Default);
            if !ok || !ret_ok {
                return Err(Diagnostic::at(
                    None,
                    format!("the declaration of kernel `{}` does not match its definition", decl.name),
                    decl.range.clone(),
                    "this declaration's parameters differ from the kernel's",
                )
                .secondary(kernel.range.clone(), "the kernel is defined here"));
            }
            items.fns[id].host_declared = true;
            Ok(())
        }
        Some(_) => Err(Diagnostic::at(
            Some("E0428"),
            format!("the name `{}` is defined multiple times", decl.name),
            decl.range.clone(),
            format!("`{}` redefined here", decl.name),
        )),
        None => {
            items.values.insert(decl.name.clone(), ValueItem::Foreign(decl.range.clone()));
            Ok(())
        }
    }
}

/// The span of a signature's parameter list, for arity errors.
pub fn sig_range(sig: &syn::Signature) -> Range<usize> {
    let lo = sig.fn_token.span().byte_range().start;
    let hi = sig.paren_token.span.close().byte_range().end;
    lo..hi
}
