//! Type inference for one body: type variables (general, integer, float)
//! unified with union-find, structural shapes, and resolution to IR types.

use rustc_hash::FxHashMap as HashMap;

use hybrid_ir::{Handle, Scalar, StructDef, Type, TypeTable};

/// An array length that is an inference variable (a const generic argument
/// inferred from its use, as `N` of `fn sum<const N: usize>(a: [f32; N])`):
/// `Shape::Array { len }` with this bit set is variable `len & !LENGTH_VAR`
/// of the table. Real lengths stay far below it (`consteval::eval_len`).
pub const LENGTH_VAR: u64 = 1 << 62;

/// Const parameter `i` of a generic struct's template (`C` in the field
/// `d: [f32; C]` of `struct Mat<const R: usize, const C: usize>`): an array
/// length `PARAM_LEN | i` there, replaced by the instance's argument.
pub const PARAM_LEN: u64 = 1 << 61;

/// A type in inference: an index into `Infer`'s table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TyId(u32);

impl TyId {
    /// Not a type; only to initialize fields before the first real one.
    pub const PLACEHOLDER: TyId = TyId(u32::MAX);
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarKind {
    General,
    /// `{integer}`: defaults to `i32`.
    Int,
    /// `{float}`: defaults to `f64`.
    Float,
}

/// A known type constructor whose parts may still be variables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    Unit,
    Never,
    Scalar(Scalar),
    Ptr {
        pointee: TyId,
        mutable: bool,
        reference: bool,
    },
    Slice {
        elem: TyId,
        mutable: bool,
    },
    Array {
        elem: TyId,
        len: u64,
    },
    Tuple(Vec<TyId>),
    Struct(Handle<StructDef>),
    Vec(TyId),
    /// An instance of generic struct `sid` whose arguments may still be
    /// variables; it becomes a `Struct` (named `S<args>`) once resolved.
    Adt {
        sid: usize,
        args: Vec<TyId>,
    },
    /// Type parameter `i` of a generic struct's template.
    Param(u32),
    /// A const argument of a generic struct instance (`2` in `Mat<2, 3>`):
    /// a value, an array length variable ([`LENGTH_VAR`]) or, in a
    /// template, a const parameter ([`PARAM_LEN`]). It stands where the
    /// argument stands in `Adt { args }`.
    Const(u64),
    /// `fn(A, B) -> R`, a function pointer.
    FnPtr {
        params: Vec<TyId>,
        ret: TyId,
    },
}

/// A generic struct's fields in a table of their own, where `Param(i)` is
/// its `i`-th type parameter.
#[derive(Clone, Debug)]
pub struct StructTemplate {
    /// Its path, the prefix of its instances' names (`Vec2` in `Vec2<f32>`).
    pub name: String,
    pub fields: Vec<(String, TyId)>,
    pub table: Infer,
    /// Per parameter: `Some(type)` for a const parameter, `None` for a type.
    pub const_params: Vec<Option<Scalar>>,
}

#[derive(Clone, Debug)]
enum Node {
    Var(VarKind),
    Link(TyId),
    Known(Shape),
}

/// Why a type could not be resolved.
#[derive(Debug)]
pub enum ResolveError {
    /// A general variable nothing constrained.
    Unknown,
    /// A type that refers to itself.
    Cyclic,
}

#[derive(Default, Clone, Debug)]
pub struct Infer {
    nodes: Vec<Node>,
    imported: HashMap<Handle<Type>, TyId>,
    resolved: HashMap<u32, Handle<Type>>,
    /// The generic structs' templates, by struct id (`None`: not generic).
    templates: Option<std::sync::Arc<Vec<Option<StructTemplate>>>>,
    /// IR structs known to be instances: their generic struct, field types
    /// and const arguments (read from the name, `None` for type parameters).
    instances: HashMap<Handle<StructDef>, InstanceInfo>,
    /// Projections `<base as Tr>::name` whose base was not known when they
    /// were written (a callee's `I::Item` before `I` is inferred): `result`
    /// is unified with the impl's type once it is (`lower/assoc.rs`).
    pub deferred: Vec<Projection>,
    /// The array length variables ([`LENGTH_VAR`]): their values once known.
    lengths: Vec<LengthNode>,
}

/// What an IR struct that is a generic struct's instance is: the generic
/// struct, its field types, its const arguments (`None` for type parameters).
type InstanceInfo = (usize, Vec<TyId>, Vec<Option<u64>>);

/// An array length variable: unbound, bound to a value, or the same as another.
#[derive(Clone, Copy, Debug)]
enum LengthNode {
    Unknown,
    Known(u64),
    Link(usize),
}

/// A deferred projection (see [`Infer::deferred`]).
#[derive(Clone, Debug)]
pub struct Projection {
    pub base: TyId,
    pub trait_id: Option<usize>,
    pub name: String,
    pub result: TyId,
    pub range: std::ops::Range<usize>,
    /// The generic trait's arguments (`<T as Conv<i32>>::Out`), empty for any impl.
    pub trait_args: Vec<TyId>,
}

impl Infer {
    pub fn new() -> Self {
        Self::default()
    }
    /// A table that can resolve instances of the generic structs `templates`.
    pub fn with_templates(templates: std::sync::Arc<Vec<Option<StructTemplate>>>) -> Self {
        Infer { templates: Some(templates), ..Self::default() }
    }
    fn template(&self, sid: usize) -> Option<&StructTemplate> {
        self.templates.as_ref()?.get(sid)?.as_ref()
    }

    /// The fields of generic struct `sid` with arguments `args`.
    pub fn adt_fields(&mut self, sid: usize, args: &[TyId]) -> Option<Vec<(String, TyId)>> {
        let tpl = self.template(sid)?.clone();
        Some(tpl.fields.iter().map(|(n, t)| (n.clone(), self.instantiate(&tpl.table, *t, args, 0))).collect())
    }

    /// Copy pattern type `t` of table `from` into this table, `Param(i)` replaced by `args[i]`.
    pub fn instantiate_from(&mut self, from: &Infer, t: TyId, args: &[TyId]) -> TyId {
        self.instantiate(from, t, args, 0)
    }

    /// The imported IR type `t` is the same as, if any (no new type is made).
    pub fn existing(&mut self, t: TyId) -> Option<Handle<Type>> {
        let r = self.find(t);
        let imported: Vec<(Handle<Type>, TyId)> = self.imported.iter().map(|(&h, &i)| (h, i)).collect();
        imported.into_iter().find(|&(_, i)| self.find(i) == r).map(|(h, _)| h)
    }

    /// Copy template type `t` of `from` into this table, `Param(i)` replaced by `args[i]`.
    fn instantiate(&mut self, from: &Infer, t: TyId, args: &[TyId], depth: u32) -> TyId {
        let mut r = t;
        while let Node::Link(n) = from.nodes[r.0 as usize] {
            r = n;
        }
        let Node::Known(shape) = from.nodes[r.0 as usize].clone() else { return self.var(VarKind::General) };
        if depth > 32 {
            return self.var(VarKind::General);
        }
        let sub = |me: &mut Infer, x: TyId| me.instantiate(from, x, args, depth + 1);
        let shape = match shape {
            Shape::Param(i) => return args.get(i as usize).copied().unwrap_or_else(|| self.var(VarKind::General)),
            Shape::Ptr { pointee, mutable, reference } => Shape::Ptr { pointee: sub(self, pointee), mutable, reference },
            Shape::Slice { elem, mutable } => Shape::Slice { elem: sub(self, elem), mutable },
            Shape::Array { elem, len } => Shape::Array { elem: sub(self, elem), len: self.param_length(len, args) },
            Shape::Const(len) if len & PARAM_LEN != 0 => {
                return args.get((len & !PARAM_LEN) as usize).copied().unwrap_or_else(|| self.fresh_const())
            }
            Shape::Tuple(elems) => Shape::Tuple(elems.into_iter().map(|e| sub(self, e)).collect()),
            Shape::Vec(elem) => Shape::Vec(sub(self, elem)),
            Shape::FnPtr { params, ret } => {
                Shape::FnPtr { params: params.into_iter().map(|e| sub(self, e)).collect(), ret: sub(self, ret) }
            }
            Shape::Adt { sid, args: inner } => Shape::Adt { sid, args: inner.into_iter().map(|e| sub(self, e)).collect() },
            s => s,
        };
        self.known(shape)
    }

    /// Template array length `len` with a const parameter ([`PARAM_LEN`])
    /// replaced by its argument among `args`.
    fn param_length(&mut self, len: u64, args: &[TyId]) -> u64 {
        if len & PARAM_LEN == 0 || len & LENGTH_VAR != 0 {
            return len;
        }
        match args.get((len & !PARAM_LEN) as usize).and_then(|&a| self.shape(a)) {
            Some(Shape::Const(v)) => v,
            _ => self.length_var(),
        }
    }

    /// A const argument to be inferred (an array length variable).
    pub fn fresh_const(&mut self) -> TyId {
        let len = self.length_var();
        self.known(Shape::Const(len))
    }

    /// Fresh arguments of generic struct `sid` (`n` parameters): a
    /// variable per type parameter, a length variable per const one.
    pub fn fresh_adt_args(&mut self, sid: usize, n: usize) -> Vec<TyId> {
        let consts = self.template(sid).map(|t| t.const_params.clone()).unwrap_or_default();
        (0..n).map(|i| if consts.get(i).is_some_and(|c| c.is_some()) { self.fresh_const() } else { self.var(VarKind::General) }).collect()
    }

    /// Whether `t` contains an instance of generic struct `sid` by value
    /// (not behind a pointer).
    pub fn contains_adt(&mut self, t: TyId, sid: usize) -> bool {
        self.contains_adt_depth(t, sid, 0)
    }
    fn contains_adt_depth(&mut self, t: TyId, sid: usize, depth: u32) -> bool {
        if depth > 32 {
            return false;
        }
        match self.shape(t) {
            Some(Shape::Adt { sid: s, args }) => s == sid || args.iter().any(|a| self.contains_adt_depth(*a, sid, depth + 1)),
            Some(Shape::Tuple(elems)) => elems.iter().any(|e| self.contains_adt_depth(*e, sid, depth + 1)),
            Some(Shape::Array { elem, .. }) => self.contains_adt_depth(elem, sid, depth + 1),
            _ => false,
        }
    }

    /// The generic struct an IR struct is an instance of (by its name `S<..>`).
    pub fn instance_of(&self, name: &str) -> Option<usize> {
        let (prefix, _) = name.split_once('<')?;
        self.templates.as_ref()?.iter().position(|t| t.as_ref().is_some_and(|t| t.name == prefix))
    }

    fn push(&mut self, node: Node) -> TyId {
        self.nodes.push(node);
        TyId(self.nodes.len() as u32 - 1)
    }
    pub fn var(&mut self, kind: VarKind) -> TyId {
        self.push(Node::Var(kind))
    }
    pub fn known(&mut self, shape: Shape) -> TyId {
        self.push(Node::Known(shape))
    }
    pub fn scalar(&mut self, s: Scalar) -> TyId {
        self.known(Shape::Scalar(s))
    }
    pub fn unit(&mut self) -> TyId {
        self.known(Shape::Unit)
    }
    pub fn never(&mut self) -> TyId {
        self.known(Shape::Never)
    }

    /// A new array length variable ([`LENGTH_VAR`]).
    pub fn length_var(&mut self) -> u64 {
        self.lengths.push(LengthNode::Unknown);
        LENGTH_VAR | (self.lengths.len() as u64 - 1)
    }

    /// The representative of array length `len`: a value, or an unbound
    /// variable's index.
    fn length_root(&self, len: u64) -> Result<u64, usize> {
        if len & LENGTH_VAR == 0 {
            return Ok(len);
        }
        let mut i = (len & !LENGTH_VAR) as usize;
        loop {
            match self.lengths.get(i) {
                Some(LengthNode::Known(v)) => return Ok(*v),
                Some(LengthNode::Link(j)) => i = *j,
                _ => return Err(i),
            }
        }
    }

    /// Array length `len` with its variable replaced by its value, if any
    /// (`None`: a variable nothing has bound yet).
    pub fn length(&self, len: u64) -> Option<u64> {
        self.length_root(len).ok()
    }

    /// Make array lengths `a` and `b` equal, binding a variable.
    fn unify_length(&mut self, a: u64, b: u64) -> Result<(), ()> {
        match (self.length_root(a), self.length_root(b)) {
            (Ok(x), Ok(y)) if x == y => Ok(()),
            (Ok(_), Ok(_)) => Err(()),
            (Err(i), Ok(v)) | (Ok(v), Err(i)) => {
                self.lengths[i] = LengthNode::Known(v);
                Ok(())
            }
            (Err(i), Err(j)) => {
                if i != j {
                    self.lengths[j] = LengthNode::Link(i);
                }
                Ok(())
            }
        }
    }

    pub fn find(&mut self, t: TyId) -> TyId {
        let mut root = t;
        while let Node::Link(next) = self.nodes[root.0 as usize] {
            root = next;
        }
        let mut cur = t;
        while let Node::Link(next) = self.nodes[cur.0 as usize] {
            self.nodes[cur.0 as usize] = Node::Link(root);
            cur = next;
        }
        root
    }
    /// The known shape of `t`, or `None` while it is a variable.
    pub fn shape(&mut self, t: TyId) -> Option<Shape> {
        let r = self.find(t);
        match &self.nodes[r.0 as usize] {
            Node::Known(Shape::Array { elem, len }) if len & LENGTH_VAR != 0 => {
                let (elem, len) = (*elem, *len);
                Some(Shape::Array { elem, len: self.length(len).unwrap_or(len) })
            }
            Node::Known(Shape::Const(len)) if len & LENGTH_VAR != 0 => {
                let len = *len;
                Some(Shape::Const(self.length(len).unwrap_or(len)))
            }
            Node::Known(s) => Some(s.clone()),
            _ => None,
        }
    }
    pub fn var_kind(&mut self, t: TyId) -> Option<VarKind> {
        let r = self.find(t);
        match &self.nodes[r.0 as usize] {
            Node::Var(k) => Some(*k),
            _ => None,
        }
    }
    /// Whether `t` still contains an inference variable.
    pub fn has_vars(&mut self, t: TyId) -> bool {
        self.has_vars_depth(t, 0)
    }
    fn has_vars_depth(&mut self, t: TyId, depth: u32) -> bool {
        if depth > 64 {
            return true;
        }
        match self.shape(t) {
            None => true,
            Some(Shape::Ptr { pointee: e, .. } | Shape::Slice { elem: e, .. } | Shape::Array { elem: e, .. } | Shape::Vec(e)) => {
                self.has_vars_depth(e, depth + 1)
            }
            Some(Shape::Tuple(es) | Shape::Adt { args: es, .. }) => es.into_iter().any(|e| self.has_vars_depth(e, depth + 1)),
            Some(Shape::Const(len)) => self.length(len).is_none(),
            Some(Shape::FnPtr { params, ret }) => params.into_iter().chain([ret]).any(|e| self.has_vars_depth(e, depth + 1)),
            Some(_) => false,
        }
    }
    /// The IR type of `t` if it has no variables left (no defaulting).
    pub fn concrete(&mut self, t: TyId, types: &mut TypeTable) -> Option<Handle<Type>> {
        if self.has_vars(t) {
            return None;
        }
        self.resolve(t, types).ok()
    }
    pub fn is_never(&mut self, t: TyId) -> bool {
        matches!(self.shape(t), Some(Shape::Never))
    }
    pub fn is_unit(&mut self, t: TyId) -> bool {
        matches!(self.shape(t), Some(Shape::Unit))
    }
    /// Integer-like: a known integer scalar or an `{integer}` variable.
    pub fn is_integer(&mut self, t: TyId) -> bool {
        match self.shape(t) {
            Some(Shape::Scalar(s)) => s.is_int(),
            Some(_) => false,
            None => self.var_kind(t) == Some(VarKind::Int),
        }
    }
    pub fn is_float(&mut self, t: TyId) -> bool {
        match self.shape(t) {
            Some(Shape::Scalar(s)) => s.is_float(),
            Some(_) => false,
            None => self.var_kind(t) == Some(VarKind::Float),
        }
    }

    /// Bring an IR type into the table (shared nodes for repeated imports).
    pub fn import(&mut self, ty: Handle<Type>, types: &TypeTable) -> TyId {
        if let Some(&t) = self.imported.get(&ty) {
            return t;
        }
        let shape = match types.get(ty) {
            Type::Unit => Shape::Unit,
            Type::Never => Shape::Never,
            Type::Scalar(s) => Shape::Scalar(*s),
            Type::Pointer { pointee, mutable, reference } => {
                Shape::Ptr { pointee: self.import(*pointee, types), mutable: *mutable, reference: *reference }
            }
            Type::SliceRef { elem, mutable } => Shape::Slice { elem: self.import(*elem, types), mutable: *mutable },
            Type::Array { elem, len } => Shape::Array { elem: self.import(*elem, types), len: *len },
            Type::Tuple(elems) => Shape::Tuple(elems.iter().map(|e| self.import(*e, types)).collect()),
            Type::Struct(s) => {
                self.note_instance(*s, types);
                Shape::Struct(*s)
            }
            Type::Vec(elem) => Shape::Vec(self.import(*elem, types)),
            Type::FnPtr { params, ret } => {
                Shape::FnPtr { params: params.iter().map(|p| self.import(*p, types)).collect(), ret: self.import(*ret, types) }
            }
        };
        let t = self.known(shape);
        self.imported.insert(ty, t);
        t
    }

    /// Remember that IR struct `def` is an instance of a generic struct (by
    /// its name), with its field types, for unification with `Adt`s.
    fn note_instance(&mut self, def: Handle<StructDef>, types: &TypeTable) {
        if self.instances.contains_key(&def) {
            return;
        }
        let Some(sid) = self.instance_of(&types.structs[def].name) else { return };
        let consts = match self.template(sid) {
            Some(t) if t.const_params.iter().any(|c| c.is_some()) => instance_const_args(&types.structs[def].name, &t.const_params),
            _ => Vec::new(),
        };
        // placeholder first: a field may point back to this struct
        self.instances.insert(def, (sid, Vec::new(), consts.clone()));
        let fields: Vec<TyId> =
            types.structs[def].fields.iter().map(|f| f.ty).collect::<Vec<_>>().into_iter().map(|f| self.import(f, types)).collect();
        self.instances.insert(def, (sid, fields, consts));
    }

    /// Make `a` and `b` the same type. `!` unifies with anything without
    /// constraining it (it coerces to every type).
    pub fn unify(&mut self, a: TyId, b: TyId) -> Result<(), ()> {
        self.unify_depth(a, b, 0)
    }

    /// Would `a` and `b` unify? (A probe: the table is left as it was.)
    pub fn can_unify(&mut self, a: TyId, b: TyId) -> bool {
        let saved = (self.nodes.clone(), self.lengths.clone(), self.instances.clone());
        let ok = self.unify(a, b).is_ok();
        (self.nodes, self.lengths, self.instances) = saved;
        ok
    }

    fn unify_depth(&mut self, a: TyId, b: TyId, depth: u32) -> Result<(), ()> {
        if depth > 64 {
            return Err(());
        }
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return Ok(());
        }
        let na = self.nodes[ra.0 as usize].clone();
        let nb = self.nodes[rb.0 as usize].clone();
        match (na, nb) {
            (Node::Known(Shape::Never), _) | (_, Node::Known(Shape::Never)) => Ok(()),
            (Node::Var(ka), Node::Var(kb)) => {
                let kind = match (ka, kb) {
                    (VarKind::General, k) | (k, VarKind::General) => k,
                    (x, y) if x == y => x,
                    _ => return Err(()),
                };
                self.nodes[ra.0 as usize] = Node::Var(kind);
                self.nodes[rb.0 as usize] = Node::Link(ra);
                Ok(())
            }
            (Node::Var(k), Node::Known(s)) => self.bind(ra, k, rb, &s),
            (Node::Known(s), Node::Var(k)) => self.bind(rb, k, ra, &s),
            (Node::Known(sa), Node::Known(sb)) => {
                match (&sa, &sb) {
                    (Shape::Unit, Shape::Unit) => {}
                    (Shape::Scalar(x), Shape::Scalar(y)) if x == y => {}
                    (Shape::Struct(x), Shape::Struct(y)) if x == y => {}
                    (Shape::Adt { sid: sa, args: aa }, Shape::Adt { sid: sb, args: ab }) if sa == sb && aa.len() == ab.len() => {
                        for (x, y) in aa.iter().zip(ab.iter()) {
                            self.unify_depth(*x, *y, depth + 1)?;
                        }
                    }
                    (Shape::Adt { sid, args }, Shape::Struct(def)) | (Shape::Struct(def), Shape::Adt { sid, args }) => {
                        self.unify_instance(*sid, args, *def, depth)?;
                        // keep the concrete struct as the representative
                        if matches!(sa, Shape::Adt { .. }) {
                            self.nodes[ra.0 as usize] = Node::Link(rb);
                            return Ok(());
                        }
                    }
                    (Shape::Ptr { pointee: pa, mutable: ma, reference: fa }, Shape::Ptr { pointee: pb, mutable: mb, reference: fb })
                        if ma == mb && fa == fb =>
                    {
                        self.unify_depth(*pa, *pb, depth + 1)?
                    }
                    (Shape::Slice { elem: ea, mutable: ma }, Shape::Slice { elem: eb, mutable: mb }) if ma == mb => {
                        self.unify_depth(*ea, *eb, depth + 1)?
                    }
                    (Shape::Array { elem: ea, len: la }, Shape::Array { elem: eb, len: lb }) => {
                        self.unify_length(*la, *lb)?;
                        self.unify_depth(*ea, *eb, depth + 1)?
                    }
                    (Shape::Vec(ea), Shape::Vec(eb)) => self.unify_depth(*ea, *eb, depth + 1)?,
                    (Shape::Const(la), Shape::Const(lb)) => self.unify_length(*la, *lb)?,
                    (Shape::FnPtr { params: pa, ret: ra2 }, Shape::FnPtr { params: pb, ret: rb2 }) if pa.len() == pb.len() => {
                        for (x, y) in pa.iter().zip(pb.iter()) {
                            self.unify_depth(*x, *y, depth + 1)?;
                        }
                        self.unify_depth(*ra2, *rb2, depth + 1)?;
                    }
                    (Shape::Tuple(xa), Shape::Tuple(xb)) if xa.len() == xb.len() => {
                        for (x, y) in xa.iter().zip(xb.iter()) {
                            self.unify_depth(*x, *y, depth + 1)?;
                        }
                    }
                    _ => return Err(()),
                }
                self.nodes[rb.0 as usize] = Node::Link(ra);
                Ok(())
            }
            (Node::Link(_), _) | (_, Node::Link(_)) => Err(()),
        }
    }

    /// `S<args>` and the IR struct `def`: the same when `def` is an
    /// instance of `S` whose fields match the template's with `args`.
    fn unify_instance(&mut self, sid: usize, args: &[TyId], def: Handle<StructDef>, depth: u32) -> Result<(), ()> {
        let Some((of, concrete, consts)) = self.instances.get(&def).cloned() else { return Err(()) };
        let Some(fields) = self.adt_fields(sid, args) else { return Err(()) };
        if of != sid || fields.len() != concrete.len() {
            return Err(());
        }
        // const arguments no field's type shows (`struct Tag<const N: usize>;`)
        for (a, c) in args.iter().zip(&consts) {
            if let (Some(Shape::Const(len)), Some(v)) = (self.shape(*a), c) {
                self.unify_length(len, *v)?;
            }
        }
        for ((_, a), b) in fields.iter().zip(concrete.iter()) {
            self.unify_depth(*a, *b, depth + 1)?;
        }
        Ok(())
    }

    fn bind(&mut self, var: TyId, kind: VarKind, known: TyId, shape: &Shape) -> Result<(), ()> {
        let ok = match kind {
            VarKind::General => true,
            VarKind::Int => matches!(shape, Shape::Scalar(s) if s.is_int()),
            VarKind::Float => matches!(shape, Shape::Scalar(s) if s.is_float()),
        };
        if !ok {
            return Err(());
        }
        self.nodes[var.0 as usize] = Node::Link(known);
        Ok(())
    }

    /// The Rust spelling of a type, with `{integer}`, `{float}` and `_` for
    /// variables.
    pub fn display(&mut self, t: TyId) -> String {
        self.display_depth(t, 0)
    }
    fn display_depth(&mut self, t: TyId, depth: u32) -> String {
        if depth > 16 {
            return "..".into();
        }
        let r = self.find(t);
        match self.nodes[r.0 as usize].clone() {
            Node::Var(VarKind::General) | Node::Link(_) => "_".into(),
            Node::Var(VarKind::Int) => "{integer}".into(),
            Node::Var(VarKind::Float) => "{float}".into(),
            Node::Known(shape) => match shape {
                Shape::Unit => "()".into(),
                Shape::Never => "!".into(),
                Shape::Scalar(s) => s.name().into(),
                Shape::Ptr { pointee, mutable, reference } => {
                    format!("{}{}", hybrid_ir::types::pointer_prefix(reference, mutable), self.display_depth(pointee, depth + 1))
                }
                Shape::Slice { elem, mutable } => {
                    format!("&{}[{}]", if mutable { "mut " } else { "" }, self.display_depth(elem, depth + 1))
                }
                Shape::Array { elem, len } => match self.length(len) {
                    Some(len) => format!("[{}; {}]", self.display_depth(elem, depth + 1), len),
                    None => format!("[{}; _]", self.display_depth(elem, depth + 1)),
                },
                Shape::Tuple(elems) => {
                    let parts: Vec<String> = elems.iter().map(|e| self.display_depth(*e, depth + 1)).collect();
                    format!("({})", parts.join(", "))
                }
                Shape::Struct(_) => "struct".into(),
                Shape::Vec(elem) => format!("Vec<{}>", self.display_depth(elem, depth + 1)),
                Shape::Adt { sid, args } => {
                    let name = self.template(sid).map(|t| t.name.clone()).unwrap_or_default();
                    let parts: Vec<String> = args.iter().map(|a| self.display_depth(*a, depth + 1)).collect();
                    format!("{name}<{}>", parts.join(", "))
                }
                Shape::Param(i) => format!("T{i}"),
                Shape::FnPtr { params, ret } => {
                    let parts: Vec<String> = params.iter().map(|a| self.display_depth(*a, depth + 1)).collect();
                    match self.is_unit(ret) {
                        true => format!("fn({})", parts.join(", ")),
                        false => format!("fn({}) -> {}", parts.join(", "), self.display_depth(ret, depth + 1)),
                    }
                }
                Shape::Const(len) => match self.length(len) {
                    Some(v) if len & PARAM_LEN == 0 || len & LENGTH_VAR != 0 => v.to_string(),
                    _ => "_".into(),
                },
            },
        }
    }

    /// Like `display`, with struct names from `types`; variables read as
    /// rustc writes them in "expected X, found Y" (`integer`, `floating-point number`).
    pub fn describe(&mut self, t: TyId, types: &TypeTable) -> String {
        match self.var_kind(t) {
            Some(VarKind::Int) => return "integer".into(),
            Some(VarKind::Float) => return "floating-point number".into(),
            _ => {}
        }
        if let Some(Shape::Struct(s)) = self.shape(t) {
            return format!("`{}`", types.structs[s].name);
        }
        let mut text = self.display(t);
        if text.contains("struct") {
            // FIXME(readability): nested struct names inside compound types
            text = text.replace("struct", "_");
        }
        format!("`{text}`")
    }

    /// The IR struct `S<args>`: the table's if it exists, else added (named
    /// `S<f32, i32>`, fields from the template).
    fn resolve_instance(&mut self, sid: usize, args: &[TyId], types: &mut TypeTable, depth: u32) -> Result<Handle<Type>, ResolveError> {
        let tpl = self.template(sid).ok_or(ResolveError::Unknown)?;
        let (tpl_name, const_params) = (tpl.name.clone(), tpl.const_params.clone());
        let mut shown = Vec::with_capacity(args.len());
        for (i, &a) in args.iter().enumerate() {
            if let Some(Shape::Const(len)) = self.shape(a) {
                let v = self.length(len).filter(|_| len & PARAM_LEN == 0 || len & LENGTH_VAR != 0).ok_or(ResolveError::Unknown)?;
                shown.push(const_arg_text(v, const_params.get(i).copied().flatten()));
                continue;
            }
            let t = self.resolve_depth(a, types, depth + 1)?;
            shown.push(types.display(t).to_string());
        }
        let name = format!("{tpl_name}<{}>", shown.join(", "));
        let existing = types.structs.iter().find(|(_, d)| d.name == name).map(|(h, _)| h);
        if let Some(def) = existing {
            self.note_instance(def, types);
            return Ok(types.insert(Type::Struct(def)));
        }
        let def = types.structs.append(StructDef { name, fields: Vec::new() });
        let h = types.insert(Type::Struct(def));
        let fields = self.adt_fields(sid, args).ok_or(ResolveError::Unknown)?;
        let mut out = Vec::with_capacity(fields.len());
        let mut tys = Vec::with_capacity(fields.len());
        for (n, t) in fields {
            let ft = self.resolve_depth(t, types, depth + 1)?;
            tys.push(t);
            out.push(hybrid_ir::Field { name: n, ty: ft });
        }
        types.structs[def].fields = out;
        let consts = instance_const_args(&types.structs[def].name, &const_params);
        self.instances.insert(def, (sid, tys, consts));
        Ok(h)
    }

    /// The final IR type: `{integer}` defaults to `i32`, `{float}` to `f64`.
    pub fn resolve(&mut self, t: TyId, types: &mut TypeTable) -> Result<Handle<Type>, ResolveError> {
        self.resolve_depth(t, types, 0)
    }
    fn resolve_depth(&mut self, t: TyId, types: &mut TypeTable, depth: u32) -> Result<Handle<Type>, ResolveError> {
        if depth > 64 {
            return Err(ResolveError::Cyclic);
        }
        let r = self.find(t);
        if let Some(&h) = self.resolved.get(&r.0) {
            return Ok(h);
        }
        let ty = match self.nodes[r.0 as usize].clone() {
            Node::Var(VarKind::Int) => Type::Scalar(Scalar::I32),
            Node::Var(VarKind::Float) => Type::Scalar(Scalar::F64),
            Node::Var(VarKind::General) | Node::Link(_) => return Err(ResolveError::Unknown),
            Node::Known(shape) => match shape {
                Shape::Unit => Type::Unit,
                Shape::Never => Type::Never,
                Shape::Scalar(s) => Type::Scalar(s),
                Shape::Ptr { pointee, mutable, reference } => {
                    Type::Pointer { pointee: self.resolve_depth(pointee, types, depth + 1)?, mutable, reference }
                }
                Shape::Slice { elem, mutable } => Type::SliceRef { elem: self.resolve_depth(elem, types, depth + 1)?, mutable },
                Shape::Array { elem, len } => {
                    let len = self.length(len).ok_or(ResolveError::Unknown)?;
                    Type::Array { elem: self.resolve_depth(elem, types, depth + 1)?, len }
                }
                Shape::Tuple(elems) => {
                    Type::Tuple(elems.iter().map(|e| self.resolve_depth(*e, types, depth + 1)).collect::<Result<_, _>>()?)
                }
                Shape::Struct(s) => Type::Struct(s),
                Shape::Vec(elem) => Type::Vec(self.resolve_depth(elem, types, depth + 1)?),
                Shape::FnPtr { params, ret } => Type::FnPtr {
                    params: params.iter().map(|p| self.resolve_depth(*p, types, depth + 1)).collect::<Result<_, _>>()?,
                    ret: self.resolve_depth(ret, types, depth + 1)?,
                },
                Shape::Adt { sid, args } => {
                    let h = self.resolve_instance(sid, &args, types, depth)?;
                    self.resolved.insert(r.0, h);
                    return Ok(h);
                }
                Shape::Param(_) => return Err(ResolveError::Unknown),
                // a const argument on its own has no IR type: a zero-sized carrier
                Shape::Const(len) => Type::Array { elem: types.insert(Type::Unit), len: self.length(len).ok_or(ResolveError::Unknown)? },
            },
        };
        let h = types.insert(ty);
        self.resolved.insert(r.0, h);
        Ok(h)
    }
}

/// How a const argument of type `ty` is written in an instance's name (`3`, `true`).
fn const_arg_text(v: u64, ty: Option<Scalar>) -> String {
    match ty {
        Some(Scalar::Bool) => (v != 0).to_string(),
        Some(s) if s.is_signed() => (v as i64).to_string(),
        _ => v.to_string(),
    }
}

/// The const arguments in an instance's name (`Mat<2, 3>`), per parameter
/// (`None` for a type parameter or what does not parse).
fn instance_const_args(name: &str, const_params: &[Option<Scalar>]) -> Vec<Option<u64>> {
    let Some(inner) = name.split_once('<').and_then(|(_, rest)| rest.strip_suffix('>')) else { return Vec::new() };
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    for (i, c) in inner.char_indices() {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' | ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(inner[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(inner[start..].trim());
    const_params
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let text = parts.get(i)?;
            c.as_ref()?;
            match *text {
                "true" => Some(1),
                "false" => Some(0),
                t => t.parse::<u64>().ok().or_else(|| t.parse::<i64>().ok().map(|v| v as u64)),
            }
        })
        .collect()
}
