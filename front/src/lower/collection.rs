//! Method calls of the library's `impl<T> [T]` and `impl<T> Vec<T>`
//! (`library/core/slice/methods.rs`, `library/core/vec.rs`) on slices,
//! arrays and `Vec`s: the receiver made the method's `&[T]` / `&mut [T]`
//! (rustc's auto-deref and unsizing) or `&Vec<T>` / `&mut Vec<T>`.

use std::ops::Range;

use hybrid_ir::{Expr, Handle};

use super::FnLower;
use crate::diag::DResult;
use crate::infer::Shape;
use crate::library::Collection;
use crate::resolve::SelfKind;

impl FnLower<'_> {
    /// `x.name(args)` by a library collection method, when one applies to
    /// the collection `base` (`recv` autodereferenced); `None` otherwise.
    pub(crate) fn library_collection_method(
        &mut self,
        name: &str,
        recv: Handle<Expr>,
        base: Handle<Expr>,
        args: &[&syn::Expr],
        range: &Range<usize>,
    ) -> DResult<Option<Handle<Expr>>> {
        let is_vec = matches!(self.shape(self.ty(base)), Some(Shape::Vec(_)));
        let vec_method = is_vec.then(|| self.items.collection_methods.get(&(Collection::Vec, name.to_string()))).flatten();
        let (fid, collection) = match vec_method {
            Some(&fid) => (fid, Collection::Vec),
            None => match self.items.collection_methods.get(&(Collection::Slice, name.to_string())) {
                Some(&fid) => (fid, Collection::Slice),
                None => return Ok(None),
            },
        };
        let turbofish = self.method_turbofish.take();
        let used = self.instantiate_use(fid, turbofish.as_ref(), None, range)?;
        let kind = used.0.receiver;
        let receiver = match (collection, kind) {
            (Collection::Slice, Some(kind)) => self.as_slice(base, kind == SelfKind::RefMut, range)?.0,
            (Collection::Vec, Some(SelfKind::Value)) => base,
            (Collection::Vec, Some(kind)) => {
                self.facts.host_only.push(("`Vec` (it lives on the host)".into(), range.clone()));
                self.vec_pointer(recv, base, kind == SelfKind::RefMut, range)?
            }
            (_, None) => return Ok(None),
        };
        self.call_instantiated(fid, used, Some(receiver), args, range).map(Some)
    }
}
