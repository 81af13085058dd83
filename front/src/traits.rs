//! Traits, impls and generic parameters in the item table: bounds resolved to traits, impls' types and methods registered (with rustc's E0046/E0407/E0119 checks), the parameters of every generic function; and the lookups lowering uses (a type's method by name, a trait impl of a type).

use std::ops::Range;

use hybrid_ir::{Handle, Type, TypeTable};

use crate::diag::{range_of, DResult, Diagnostic};
use crate::generics::{Bound, TraitId, LANG_TRAITS};
use crate::modtree::{Def, ModId, Ns, PathRes};
use crate::resolve::{path_segs, FnId, Items, Syntax};

/// The traits of the prelude, nameable without a `use`.
const PRELUDE_TRAITS: &[&str] = &["Copy", "Clone", "Sized", "Send", "Sync", "PartialEq", "Eq", "Fn", "FnMut", "FnOnce"];

impl Items {
    /// The trait a bound's path names.
    pub fn resolve_bound(&self, module: ModId, path: &syn::Path) -> DResult<Bound> {
        let segs = path_segs(path);
        let last = segs.last().map(|(s, _)| s.clone()).unwrap_or_default();
        match self.resolve(module, path, Ns::Type) {
            Ok(Some(PathRes::Def(Def::Trait(t)))) => return Ok(Bound::Trait(t)),
            Ok(Some(PathRes::Def(Def::Extern(full)))) if LANG_TRAITS.contains(&last.as_str()) => {
                let _ = full;
                return Ok(Bound::Lang(last));
            }
            Ok(None) if segs.len() == 1 && PRELUDE_TRAITS.contains(&last.as_str()) => return Ok(Bound::Lang(last)),
            Err(e) => return Err(e),
            _ => {}
        }
        let shown = segs.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>().join("::");
        Err(Diagnostic::at(Some("E0405"), format!("cannot find trait `{shown}` in this scope"), range_of(path), "not found in this scope"))
    }

    /// The bounds of a `T: A + B` list (lifetimes and `?Sized` ignored),
    /// and its equality bounds (`Tr<Out = U>`) in `eqs`.
    pub(crate) fn bounds_of<'b>(
        &self,
        module: ModId,
        list: impl IntoIterator<Item = &'b syn::TypeParamBound>,
        out: &mut Vec<Bound>,
        eqs: &mut Vec<(TraitId, String, Range<usize>)>,
    ) -> DResult<()> {
        for b in list {
            if let syn::TypeParamBound::Trait(t) = b {
                if t.maybe.is_some() {
                    continue;
                }
                let bound = self.resolve_bound(module, &t.path)?;
                if let (Bound::Trait(tid), Some(last)) = (&bound, t.path.segments.last()) {
                    self.trait_bound_args(*tid, last, eqs)?;
                }
                out.push(bound);
            }
        }
        Ok(())
    }

    /// The arguments of a bound on program trait `tid` (`Shape<Out = f32>`):
    /// equality bounds on its associated types.
    fn trait_bound_args(&self, tid: TraitId, seg: &syn::PathSegment, eqs: &mut Vec<(TraitId, String, Range<usize>)>) -> DResult<()> {
        let syn::PathArguments::AngleBracketed(a) = &seg.arguments else {
            if let syn::PathArguments::Parenthesized(p) = &seg.arguments {
                return Err(Diagnostic::unsupported("parenthesized arguments on this trait", range_of(p)));
            }
            return Ok(());
        };
        let tname = self.traits[tid].shown.clone();
        for arg in &a.args {
            match arg {
                syn::GenericArgument::AssocType(at) => {
                    let name = at.ident.to_string();
                    if self.trait_with_assoc_type(&[Bound::Trait(tid)], &name).is_none() {
                        return Err(Diagnostic::at(
                            Some("E0220"),
                            format!("associated type `{name}` not found for `{tname}`"),
                            range_of(&at.ident),
                            format!("associated type `{name}` not found"),
                        ));
                    }
                    eqs.push((tid, name, range_of(&at.ty)));
                }
                syn::GenericArgument::Lifetime(_) => {}
                syn::GenericArgument::Type(_)
                    if self.traits[tid].params.len() >= a.args.iter().filter(|g| matches!(g, syn::GenericArgument::Type(_))).count() => {}
                syn::GenericArgument::Type(_) | syn::GenericArgument::Const(_) => {
                    let expected = self.traits[tid].params.len();
                    let n = a.args.iter().filter(|g| matches!(g, syn::GenericArgument::Type(_) | syn::GenericArgument::Const(_))).count();
                    return Err(Diagnostic::at(
                        Some("E0107"),
                        format!(
                            "trait takes {expected} generic argument{} but {n} generic argument{} supplied",
                            if expected == 1 { "" } else { "s" },
                            if n == 1 { " was" } else { "s were" }
                        ),
                        range_of(&seg.ident),
                        format!("expected {expected} generic argument{}", if expected == 1 { "" } else { "s" }),
                    ));
                }
                other => return Err(Diagnostic::unsupported("this trait argument", range_of(other))),
            }
        }
        Ok(())
    }

    /// The generic struct IR struct type `ty` is an instance of (its name is
    /// `S<..>` for a generic struct `S`).
    pub fn instance_sid(&self, types: &TypeTable, ty: Handle<Type>) -> Option<crate::resolve::StructId> {
        let Type::Struct(def) = types.get(ty) else { return None };
        self.generic_struct_of_instance(&types.structs[*def].name)
    }

    /// The generic struct an instance's name (`S<..>`) belongs to.
    fn generic_struct_of_instance(&self, name: &str) -> Option<crate::resolve::StructId> {
        let (prefix, _) = name.split_once('<')?;
        self.structs.iter().position(|s| !s.params.is_empty() && s.name == prefix)
    }

    /// The struct IR struct `def` is: a non-generic struct's own, or an
    /// instance of a generic struct.
    pub fn struct_of(&self, types: &TypeTable, def: Handle<hybrid_ir::StructDef>) -> Option<crate::resolve::StructId> {
        let own = self.structs.iter().position(|s| s.def == def && s.params.is_empty());
        own.or_else(|| self.generic_struct_of_instance(&types.structs[def].name))
    }

    /// Does impl `imp` cover type `ty` (its type, or an instance of its generic struct)?
    pub(crate) fn impl_covers(&self, types: &TypeTable, imp: &crate::generics::ImplInfo, ty: Handle<Type>) -> bool {
        if let Some(p) = &imp.pattern {
            return self.match_pattern(types, p, ty, None).is_some();
        }
        if let Some(bounds) = &imp.blanket {
            return self.satisfies_blanket(types, bounds, ty);
        }
        if let Some(pattern) = &imp.shape {
            return self.shape_covers(types, pattern, ty);
        }
        match imp.generic_struct {
            None => imp.self_ty == ty,
            Some(sid) => self.instance_sid(types, ty) == Some(sid),
        }
    }

    /// Does blanket impl `imp` cover the instances of generic struct `sid`
    /// whose arguments are not known yet (`Copied<Iter<{integer}>>`)? By the
    /// struct's generic impls of the blanket's bounds (their own bounds are
    /// checked per instance).
    pub(crate) fn blanket_covers_struct(&self, imp: &crate::generics::ImplInfo, sid: crate::resolve::StructId) -> bool {
        let Some(bounds) = &imp.blanket else { return false };
        bounds.iter().all(|b| {
            matches!(b, Bound::Lang(n) if n == "Sized") || self.impls.iter().any(|i| i.trait_id == *b && i.generic_struct == Some(sid))
        })
    }

    /// Does `ty` satisfy a blanket impl's bounds? (Impls whose bounds lead
    /// back to themselves end at a depth limit: not satisfied.)
    fn satisfies_blanket(&self, types: &TypeTable, bounds: &[Bound], ty: Handle<Type>) -> bool {
        within_depth(|| bounds.iter().all(|b| self.satisfies(types, ty, b)))
    }

    /// The traits that blanket impls give every type with `bounds` (and
    /// those they lead to), for the check of generic bodies.
    pub fn blanket_traits(&self, bounds: &mut Vec<Bound>) {
        loop {
            let before = bounds.len();
            for imp in &self.impls {
                if let Some(need) = &imp.blanket {
                    if need.iter().all(|b| bounds.contains(b) || matches!(b, Bound::Lang(n) if n == "Sized"))
                        && !bounds.contains(&imp.trait_id)
                    {
                        bounds.push(imp.trait_id.clone());
                    }
                }
            }
            if bounds.len() == before {
                return;
            }
        }
    }

    /// The trait impl of `tr` for `ty`, if the program has one.
    pub fn impl_of(&self, types: &TypeTable, tr: &Bound, ty: Handle<Type>) -> Option<usize> {
        self.impls.iter().position(|i| i.trait_id == *tr && self.impl_covers(types, i, ty))
    }

    /// A method (or associated function) `name` of type `ty` from the
    /// program's trait impls: the impl's own function, or the trait's
    /// default (a generic function over `Self`). Several traits giving the
    /// same name is rustc's E0034; the first is taken here.
    pub fn trait_method_of(&self, types: &TypeTable, ty: Handle<Type>, name: &str) -> Option<(usize, FnId)> {
        self.trait_method_preferring(types, ty, name, &[])
    }

    /// [`Self::trait_method_of`], taking an impl of one of the traits in `prefer` first
    /// (the bounds of the generic function being lowered: in an instance of
    /// `fn f<T: B>(x: &T) { x.score() }` the call is `B::score` even when another trait
    /// gives the type a `score` too).
    pub fn trait_method_preferring(&self, types: &TypeTable, ty: Handle<Type>, name: &str, prefer: &[Bound]) -> Option<(usize, FnId)> {
        for (index, imp) in self.impls.iter().enumerate() {
            if !prefer.contains(&imp.trait_id) || !self.impl_covers(types, imp, ty) {
                continue;
            }
            if let Some(f) = self.impl_method(index, name) {
                return Some((index, f));
            }
        }
        for (index, imp) in self.impls.iter().enumerate() {
            if !self.impl_covers(types, imp, ty) {
                continue;
            }
            if let Some(f) = self.impl_method(index, name) {
                return Some((index, f));
            }
        }
        None
    }

    /// Method `name` of impl `index`: its own, or its trait's default.
    pub fn impl_method(&self, index: usize, name: &str) -> Option<FnId> {
        let imp = &self.impls[index];
        imp.methods.get(name).copied().or_else(|| match imp.trait_id {
            Bound::Trait(t) => self.traits[t].method(name).and_then(|m| m.default),
            Bound::Lang(_) => None,
        })
    }

    /// The trait of an operator (`binary_trait`'s name): the library's
    /// (`PartialOrd`, when loaded), else the compiler's.
    pub fn operator_bound(&self, tr: &str) -> Bound {
        let library = match tr {
            "PartialOrd" => self.library_trait("cmp::PartialOrd"),
            _ => None,
        };
        library.map_or_else(|| Bound::Lang(tr.to_string()), Bound::Trait)
    }

    /// Does `ty` implement trait `t` (by an impl of the program)?
    pub fn implements(&self, types: &TypeTable, ty: Handle<Type>, t: TraitId) -> bool {
        self.impl_of(types, &Bound::Trait(t), ty).is_some()
    }

    /// Does `ty` satisfy bound `b` (a program trait by an impl; a standard
    /// trait as Rust's primitives implement it, or by an impl or derive)?
    pub fn satisfies(&self, types: &TypeTable, ty: Handle<Type>, b: &Bound) -> bool {
        match b {
            Bound::Trait(t) => self.implements(types, ty, *t),
            Bound::Lang(name) => self.lang_implements(types, ty, name),
        }
    }

    fn lang_implements(&self, types: &TypeTable, ty: Handle<Type>, name: &str) -> bool {
        if matches!(name, "Sized" | "Send" | "Sync") || self.impl_of(types, &Bound::Lang(name.to_string()), ty).is_some() {
            return true;
        }
        if Some(ty) == self.string_struct() || Some(ty) == self.str_struct() {
            // the library's strings implement the standard traits as rustc's (`&str` is also `Copy`)
            return matches!(name, "Debug" | "Display" | "Clone" | "PartialEq" | "Eq") || (name == "Copy" && Some(ty) == self.str_struct());
        }
        match types.get(ty) {
            Type::Scalar(s) => {
                let (int, float, bool_) = (s.is_int(), s.is_float(), *s == hybrid_ir::Scalar::Bool);
                match name {
                    "Copy" | "Clone" | "Debug" | "Display" | "PartialEq" => true,
                    "Eq" => !float,
                    "Add" | "Sub" | "Mul" | "Div" | "Rem" | "AddAssign" | "SubAssign" | "MulAssign" | "DivAssign" | "RemAssign" => {
                        !bool_ && *s != hybrid_ir::Scalar::Char
                    }
                    "Neg" => float || s.is_signed(),
                    "Not" | "BitAnd" | "BitOr" | "BitXor" => int || bool_,
                    "Shl" | "Shr" => int,
                    _ => false,
                }
            }
            // FIXME(closure signatures): `Fn(A) -> R` is checked where the closure is passed
            // (`lower/fnbound.rs`: arity, annotated argument types) and called; not its result type
            Type::Struct(def) if crate::lower::is_closure_name(&types.structs[*def].name) => {
                matches!(name, "Fn" | "FnMut" | "FnOnce" | "Copy" | "Clone")
            }
            // a derive on a generic struct or enum: its instances whose fields implement the trait (FIXME(derive bounds):
            // rustc's derived impl asks it of the type parameters instead)
            Type::Struct(def) => self.struct_of(types, *def).is_some_and(|sid| {
                let s = &self.structs[sid];
                s.derives.iter().any(|d| d == name)
                    && (s.params.is_empty() || types.structs[*def].fields.iter().all(|f| self.lang_implements(types, f.ty, name)))
            }),
            Type::Pointer { mutable, reference, .. } => match name {
                "Copy" | "Clone" => !(*mutable && *reference),
                "Debug" | "PartialEq" => true,
                _ => false,
            },
            Type::Array { elem, .. } => {
                matches!(name, "Copy" | "Clone" | "Debug" | "PartialEq") && self.lang_implements(types, *elem, name)
            }
            Type::Tuple(elems) => {
                matches!(name, "Copy" | "Clone" | "Debug" | "PartialEq") && elems.iter().all(|e| self.lang_implements(types, *e, name))
            }
            Type::SliceRef { mutable, elem } => {
                (matches!(name, "Copy" | "Clone") && !mutable)
                    || (matches!(name, "Debug" | "PartialEq" | "Eq") && self.lang_implements(types, *elem, name))
            }
            // the library's `impl<T: Clone> Vec<T>` (`clone`) and `<[T]>::eq`; `{:?}` of the elements
            Type::Vec(elem) => matches!(name, "Clone" | "Debug" | "PartialEq" | "Eq") && self.lang_implements(types, *elem, name),
            Type::Unit => matches!(name, "Copy" | "Clone" | "Debug" | "PartialEq"),
            // (its signature is checked where it is called)
            Type::FnPtr { .. } => matches!(name, "Fn" | "FnMut" | "FnOnce" | "Copy" | "Clone" | "PartialEq" | "Eq"),
            _ => false,
        }
    }

    /// rustc's spelling of a bound's trait.
    pub fn bound_name(&self, b: &Bound) -> String {
        match b {
            Bound::Trait(t) => self.traits[*t].shown.clone(),
            Bound::Lang(n) => n.clone(),
        }
    }
}

/// `check()`, or `false` past a depth of nested checks (the bounds of
/// impls that lead back to themselves).
pub(crate) fn within_depth(check: impl FnOnce() -> bool) -> bool {
    thread_local! {
        static DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    let depth = DEPTH.with(|d| d.get());
    if depth > 16 {
        return false;
    }
    DEPTH.with(|d| d.set(depth + 1));
    let ok = check();
    DEPTH.with(|d| d.set(depth));
    ok
}

/// After structs are defined: supertraits, every impl's trait and type.
pub fn define_impls(items: &mut Items, syntax: &Syntax<'_>, types: &mut TypeTable) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (tid, t) in syntax.traits.iter().enumerate() {
        let mut supers = Vec::new();
        let module = items.traits[tid].module;
        let mut eqs = Vec::new();
        match items.bounds_of(module, t.supertraits.iter(), &mut supers, &mut eqs) {
            Ok(()) if !eqs.is_empty() => errors.push(Diagnostic::unsupported("equality bounds on supertraits", eqs[0].2.clone())),
            Ok(()) => items.traits[tid].supertraits = supers,
            Err(e) => errors.push(e),
        }
    }
    errors.extend(crate::assoc::define_assoc_type_bounds(items, syntax));
    for (index, imp) in syntax.impls.iter().enumerate() {
        if let Err(e) = define_impl(items, index, imp, syntax, types) {
            errors.push(e);
        }
    }
    errors
}

fn define_impl(items: &mut Items, index: usize, imp: &syn::ItemImpl, syntax: &Syntax<'_>, types: &mut TypeTable) -> DResult<()> {
    let module = items.impls[index].module;
    let Some((path, _)) = &imp.trait_ else { return Err(Diagnostic::ice("an inherent impl in the trait impl table")) };
    let tr = items.resolve_bound(module, path)?;
    let generic_trait = matches!(tr, Bound::Trait(t) if !items.traits[t].params.is_empty());
    // (lifetime parameters alone do not make an impl generic: `impl<'a> Sum<&'a u8> for u8`)
    let generic = imp.generics.type_params().next().is_some() || imp.generics.const_params().next().is_some();
    if let (Bound::Trait(t), true) = (&tr, generic_trait && generic) {
        return crate::impl_pattern::define_pattern_impl(items, index, imp, *t, syntax, types);
    }
    if let Some(param) = blanket_param(imp) {
        return define_blanket_impl(items, index, imp, &param, tr);
    }
    if generic {
        // `impl<T> Tr for S<T>`: covers every instance of generic struct `S`
        let sid = match &*imp.self_ty {
            syn::Type::Path(p) if p.qself.is_none() => match items.resolve(module, &p.path, Ns::Type)? {
                Some(PathRes::Def(Def::Struct(sid))) if !items.structs[sid].params.is_empty() => Some(sid),
                _ => None,
            },
            _ => None,
        };
        let Some(sid) = sid else {
            // `impl<A, B> Tr for (A, B)`, `impl<'a, T> Tr for &'a Vec<T>`: by the self type's shape
            let pattern = crate::shape_pattern::shape_pattern(items, module, imp, types)?;
            check_impl_types(items, &tr, imp)?;
            check_shape_overlap(items, index, imp, syntax, types, &tr)?;
            items.impls[index].generic_assoc = crate::shape_pattern::generic_assoc_texts(imp);
            items.impls[index].trait_id = tr;
            items.impls[index].shape = Some(pattern);
            return Ok(());
        };
        check_impl_types(items, &tr, imp)?;
        check_shape_overlap(items, index, imp, syntax, types, &tr)?;
        items.impls[index].generic_assoc = crate::shape_pattern::generic_assoc_texts(imp);
        items.impls[index].trait_id = tr;
        items.impls[index].generic_struct = Some(sid);
        return Ok(());
    }
    let self_ty = items.ir_type(&imp.self_ty, types, None, module)?;
    let trait_args = match (&tr, path.segments.last()) {
        (Bound::Trait(t), Some(seg)) if generic_trait => items.impl_trait_args(*t, syntax.traits[*t], seg, self_ty, module, types)?,
        _ => Vec::new(),
    };
    // (an overlap with a blanket impl: `check_blanket_overlaps`, once all impls are known)
    let prev = items
        .impls
        .iter()
        .position(|i| i.trait_id == tr && i.blanket.is_none() && i.trait_args == trait_args && items.impl_covers(types, i, self_ty));
    if let Some(prev) = prev {
        let shown = match tr {
            Bound::Trait(t) => items.trait_with_args(types, t, &trait_args),
            Bound::Lang(_) => items.bound_name(&tr),
        };
        return Err(Diagnostic::at(
            Some("E0119"),
            format!("conflicting implementations of trait `{shown}` for type `{}`", types.display(self_ty)),
            items.impls[index].range.clone(),
            format!("conflicting implementation for `{}`", types.display(self_ty)),
        )
        .secondary(items.impls[prev].range.clone(), "first implementation here"));
    }
    if let Bound::Lang(name) = &tr {
        // FIXME(lang trait impls): Copy/Clone/PartialEq/Default impls are
        // accepted; the operator traits dispatch to the impl's method.
        let _ = name;
    }
    check_impl_types(items, &tr, imp)?;
    items.impls[index].trait_id = tr;
    items.impls[index].self_ty = self_ty;
    items.impls[index].trait_args = trait_args;
    for ii in &imp.items {
        if let syn::ImplItem::Type(t) = ii {
            let ty = items.ir_type_in_impl(&t.ty, types, Some(self_ty), module, Some(index))?;
            items.impls[index].assoc_types.push((t.ident.to_string(), ty));
        }
    }
    Ok(())
}

/// E0119 between generic impl `index` of non-generic trait `tr` (for a
/// generic struct or a builtin shape) and an earlier generic one
/// (`impl<T> Tr for Vec<T>` twice), by their patterns (`crate::impl_pattern`).
fn check_shape_overlap(
    items: &Items,
    index: usize,
    imp: &syn::ItemImpl,
    syntax: &Syntax<'_>,
    types: &mut TypeTable,
    tr: &Bound,
) -> DResult<()> {
    let Some(seg) = imp.trait_.as_ref().and_then(|(p, _)| p.segments.last()) else { return Ok(()) };
    // (const parameters, equality bounds: no pattern; FIXME(overlap of generic impls): not compared)
    let Ok(pattern) = items.impl_pattern(imp, seg, &[], items.impls[index].module, types) else { return Ok(()) };
    crate::impl_pattern::check_generic_overlap(items, index, tr, syntax, types, &pattern)
}

/// `impl<T: B> Tr for T`: the parameter `T` the impl is for.
pub(crate) fn blanket_param(imp: &syn::ItemImpl) -> Option<String> {
    let syn::Type::Path(p) = &*imp.self_ty else { return None };
    let name = p.path.get_ident()?.to_string();
    imp.generics.type_params().any(|tp| tp.ident == name).then_some(name)
}

/// A blanket impl: its parameter's bounds (inline and `where`); E0119
/// against another blanket impl of the trait (impls for one type are
/// checked once all impls are known, `check_blanket_overlaps`).
fn define_blanket_impl(items: &mut Items, index: usize, imp: &syn::ItemImpl, param: &str, tr: Bound) -> DResult<()> {
    let module = items.impls[index].module;
    if imp.generics.type_params().count() > 1 || imp.generics.const_params().next().is_some() {
        return Err(Diagnostic::unsupported("blanket impls with more than one parameter", range_of(&imp.generics)));
    }
    let (mut bounds, mut eqs) = (Vec::new(), Vec::new());
    for tp in imp.generics.type_params() {
        items.bounds_of(module, tp.bounds.iter(), &mut bounds, &mut eqs)?;
    }
    if let Some(w) = &imp.generics.where_clause {
        for pred in &w.predicates {
            let syn::WherePredicate::Type(pt) = pred else { continue };
            let is_param = matches!(&pt.bounded_ty, syn::Type::Path(p) if p.path.is_ident(param));
            if !is_param {
                return Err(Diagnostic::unsupported("`where` clauses on types other than the impl's parameters", range_of(&pt.bounded_ty)));
            }
            items.bounds_of(module, pt.bounds.iter(), &mut bounds, &mut eqs)?;
        }
    }
    if let Some((_, _, r)) = eqs.first() {
        return Err(Diagnostic::unsupported("equality bounds on a blanket impl's parameter", r.clone()));
    }
    if let Some(prev) = items.impls.iter().position(|i| i.trait_id == tr && i.blanket.is_some()) {
        return Err(Diagnostic::at(
            Some("E0119"),
            format!("conflicting implementations of trait `{}`", items.bound_name(&tr)),
            items.impls[index].range.clone(),
            "conflicting implementation",
        )
        .secondary(items.impls[prev].range.clone(), "first implementation here"));
    }
    check_impl_types(items, &tr, imp)?;
    // (`type Out = I::Item;`: normalized per instance, as a generic impl's)
    items.impls[index].generic_assoc = crate::shape_pattern::generic_assoc_texts(imp);
    items.impls[index].trait_id = tr;
    items.impls[index].blanket = Some(bounds);
    Ok(())
}

/// E0119: an impl for one type that a blanket impl of the same trait also covers.
pub fn check_blanket_overlaps(items: &Items, types: &TypeTable) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (b, blanket) in items.impls.iter().enumerate().filter(|(_, i)| i.blanket.is_some()) {
        for imp in items.impls.iter().filter(|i| i.trait_id == blanket.trait_id) {
            let Some(ty) = imp.concrete_self() else { continue };
            let covered = match &blanket.pattern {
                // a generic trait's: with the impl's arguments (`From<u8> for u16` is not `From<T> for T`)
                Some(p) => items.match_pattern(types, p, ty, Some(&imp.trait_args)).is_some(),
                None => items.impl_covers(types, &items.impls[b], ty),
            };
            if covered {
                let t = types.display(ty).to_string();
                let shown = match blanket.trait_id {
                    Bound::Trait(tid) => items.trait_with_args(types, tid, &imp.trait_args),
                    Bound::Lang(_) => items.bound_name(&blanket.trait_id),
                };
                let d = Diagnostic::at(
                    Some("E0119"),
                    format!("conflicting implementations of trait `{shown}` for type `{t}`"),
                    imp.range.clone(),
                    format!("conflicting implementation for `{t}`"),
                );
                errors.push(match blanket.pattern.is_some() && items.tree.in_library(blanket.module) {
                    // rustc's note for an impl of its own library (`impl<T> From<T> for T`)
                    true => {
                        let mut d = d;
                        if let Some(p) = d.primary.as_mut() {
                            p.message.clear();
                        }
                        d.note(format!("conflicting implementation in crate `core`:\n- {};", library_impl_head(blanket)))
                    }
                    false => d.secondary(blanket.range.clone(), "first implementation here"),
                });
                return errors;
            }
        }
    }
    errors
}

/// rustc's spelling of a library impl's head in notes (`impl<T> From<T> for T`).
fn library_impl_head(imp: &crate::generics::ImplInfo) -> String {
    imp.pattern.as_ref().map(|p| p.head.clone()).unwrap_or_default()
}

/// E0437: an impl's associated types must be the trait's.
pub(crate) fn check_impl_types(items: &Items, tr: &Bound, imp: &syn::ItemImpl) -> DResult<()> {
    let Bound::Trait(t) = tr else { return Ok(()) };
    for ii in &imp.items {
        if let syn::ImplItem::Type(ty) = ii {
            let name = ty.ident.to_string();
            if items.traits[*t].assoc_type(&name).is_none() {
                let tname = items.traits[*t].shown.clone();
                return Err(Diagnostic::at(
                    Some("E0437"),
                    format!("type `{name}` is not a member of trait `{tname}`"),
                    range_of(ii),
                    format!("not a member of trait `{tname}`"),
                ));
            }
        }
    }
    Ok(())
}

/// A method of `impl Trait for Type`: named `<Type as Trait>::name`,
/// registered in the impl (not among the type's inherent methods).
pub(crate) fn add_trait_impl_method<'a>(
    items: &mut Items,
    syntax: &mut Syntax<'a>,
    index: usize,
    m: &crate::walk::MethodDecl<'a>,
    types: &TypeTable,
) -> DResult<()> {
    let f = m.f;
    let name = f.sig.ident.to_string();
    let tname = match items.impls[index].trait_id {
        // a generic impl of a generic trait: its arguments as written (`<T as core::convert::Into<U>>::into`)
        Bound::Trait(t) if items.impls[index].pattern.is_some() => {
            let args = m.block.trait_.as_ref().and_then(|(p, _)| p.segments.last()).map(|s| &s.arguments);
            format!("{}{}", items.traits[t].name, crate::impl_pattern::tokens_text(quote::quote!(#args)))
        }
        // `<f64 as Mix<i32>>::mix`: impls of a generic trait differ by its arguments
        Bound::Trait(t) => items.trait_symbol_name(types, t, &items.impls[index].trait_args),
        Bound::Lang(_) => items.bound_name(&items.impls[index].trait_id),
    };
    let id = items.fns.len();
    let blanket = items.impls[index].blanket.is_some();
    let pattern = items.impls[index].shape.is_some();
    let mut decl = match items.impls[index].generic_struct {
        None if blanket || pattern => {
            // generic over the impl's parameter, `Self` = that parameter
            let st = m.self_ty;
            let shown = format!("<{} as {tname}>::{name}", quote::quote!(#st));
            let mut decl = crate::resolve::new_decl(shown, &f.sig, &f.block, m.on_host, m.on_device, false, None);
            crate::resolve::set_method_generics(&mut decl, f);
            crate::resolve::set_impl_generics(&mut decl, id, m, syntax);
            decl
        }
        Some(sid) => {
            // generic over the impl's parameters, `Self` = `S<T>`
            let shown = format!("<{}<_> as {tname}>::{name}", items.structs[sid].name);
            let mut decl = crate::resolve::new_decl(shown, &f.sig, &f.block, m.on_host, m.on_device, false, Some(sid));
            crate::resolve::set_method_generics(&mut decl, f);
            crate::resolve::set_impl_generics(&mut decl, id, m, syntax);
            decl
        }
        None => {
            let self_ty = items.impls[index].self_ty;
            let owner = match types.get(self_ty) {
                Type::Struct(def) => items.structs.iter().position(|s| s.def == *def),
                _ => None,
            };
            let shown = format!("<{} as {tname}>::{name}", types.display(self_ty));
            let mut decl = crate::resolve::new_decl(shown, &f.sig, &f.block, m.on_host, m.on_device, false, owner);
            decl.self_ty = Some(self_ty);
            crate::resolve::set_method_generics(&mut decl, f);
            decl
        }
    };
    decl.module = m.module;
    decl.vis = crate::modtree::Vis::Public;
    decl.in_impl = Some(index);
    decl.track_caller = crate::cfg::has_attr(&f.attrs, "track_caller");
    let item_range = crate::resolve::sig_start(&f.sig)..crate::ranges::block_range(&f.block).end;
    add_impl_method(items, index, &name, id, item_range)?;
    items.fns.push(decl);
    syntax.sigs.push(&f.sig);
    Ok(())
}

/// Register method `id` of trait impl `index` under `name` (E0407 for a
/// method the trait does not have, E0201 for a duplicate).
pub fn add_impl_method(items: &mut Items, index: usize, name: &str, id: FnId, range: Range<usize>) -> DResult<()> {
    if let Bound::Trait(t) = items.impls[index].trait_id {
        if items.traits[t].method(name).is_none() {
            let tname = items.traits[t].shown.clone();
            return Err(Diagnostic::at(
                Some("E0407"),
                format!("method `{name}` is not a member of trait `{tname}`"),
                range,
                format!("not a member of trait `{tname}`"),
            ));
        }
    }
    if items.impls[index].methods.insert(name.to_string(), id).is_some() {
        return Err(Diagnostic::at(Some("E0201"), format!("duplicate definitions with name `{name}`:"), range, "duplicate definition"));
    }
    Ok(())
}

/// E0046: every required method of a program trait is implemented.
pub fn check_impls_complete(items: &Items, types: &TypeTable) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for imp in &items.impls {
        let Bound::Trait(t) = imp.trait_id else { continue };
        let tr = &items.traits[t];
        // in the trait's order: rustc lists every missing item
        let mut missing: Vec<(usize, &str, Range<usize>)> = Vec::new();
        for m in tr.methods.iter().filter(|m| m.default.is_none() && !imp.methods.contains_key(&m.name)) {
            missing.push((m.range.start, &m.name, m.range.clone()));
        }
        for c in tr.consts.iter().filter(|c| !c.has_default && !imp.consts.iter().any(|x| x.name == c.name)) {
            missing.push((c.range.start, &c.name, c.range.clone()));
        }
        let has_type = |n: &str| imp.assoc_types.iter().any(|(x, _)| x == n) || imp.generic_assoc.iter().any(|(x, _)| x == n);
        for a in tr.assoc_types.iter().filter(|a| !has_type(&a.name)) {
            missing.push((a.range.start, &a.name, a.range.clone()));
        }
        if missing.is_empty() {
            continue;
        }
        missing.sort_by_key(|m| m.0);
        let names = missing.iter().map(|m| format!("`{}`", m.1)).collect::<Vec<_>>().join(", ");
        let mut d = Diagnostic::at(
            Some("E0046"),
            format!("not all trait items implemented, missing: {names}"),
            imp.range.start..items_impl_end(imp, types),
            format!("missing {names} in implementation"),
        );
        for (_, name, range) in missing {
            d = d.secondary(range, format!("`{name}` from trait"));
        }
        errors.push(d);
    }
    errors
}

/// The end of an impl's header for E0046's label (`impl Tr for Ty`): the
/// trait path's range is all we keep.
fn items_impl_end(imp: &crate::generics::ImplInfo, _types: &TypeTable) -> usize {
    imp.range.end
}
