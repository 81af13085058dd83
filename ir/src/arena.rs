//! Typed arenas and handles: `Arena<T>` owns values, `Handle<T>` names one by index.

use std::fmt;
use std::marker::PhantomData;

/// An index into an `Arena<T>`. Handles are only meaningful for the arena that
/// produced them; the validator checks that every handle is in range.
pub struct Handle<T> {
    index: u32,
    marker: PhantomData<fn() -> T>,
}

impl<T> Handle<T> {
    pub fn from_index(index: usize) -> Self {
        Handle { index: index as u32, marker: PhantomData }
    }
    pub fn index(self) -> usize {
        self.index as usize
    }
}

impl<T> Clone for Handle<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Handle<T> {}
impl<T> PartialEq for Handle<T> {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
    }
}
impl<T> Eq for Handle<T> {}
impl<T> PartialOrd for Handle<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for Handle<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.index.cmp(&other.index)
    }
}
impl<T> std::hash::Hash for Handle<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.index.hash(state)
    }
}
impl<T> fmt::Debug for Handle<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}]", self.index)
    }
}

/// An append-only vector of `T` addressed by `Handle<T>`.
#[derive(Clone)]
pub struct Arena<T> {
    data: Vec<T>,
}

impl<T> Default for Arena<T> {
    fn default() -> Self {
        Arena { data: Vec::new() }
    }
}

impl<T> Arena<T> {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn append(&mut self, value: T) -> Handle<T> {
        let handle = Handle::from_index(self.data.len());
        self.data.push(value);
        handle
    }
    pub fn len(&self) -> usize {
        self.data.len()
    }
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }
    pub fn contains(&self, handle: Handle<T>) -> bool {
        handle.index() < self.data.len()
    }
    /// Drop the values from index `len` on (handles to them become invalid).
    pub fn truncate(&mut self, len: usize) {
        self.data.truncate(len);
    }
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (Handle<T>, &T)> + DoubleEndedIterator {
        self.data.iter().enumerate().map(|(i, v)| (Handle::from_index(i), v))
    }
    pub fn iter_mut(&mut self) -> impl ExactSizeIterator<Item = &mut T> {
        self.data.iter_mut()
    }
    pub fn handles(&self) -> impl ExactSizeIterator<Item = Handle<T>> {
        (0..self.data.len()).map(Handle::from_index)
    }
}

impl<T> std::ops::Index<Handle<T>> for Arena<T> {
    type Output = T;
    fn index(&self, handle: Handle<T>) -> &T {
        &self.data[handle.index()]
    }
}
impl<T> std::ops::IndexMut<Handle<T>> for Arena<T> {
    fn index_mut(&mut self, handle: Handle<T>) -> &mut T {
        &mut self.data[handle.index()]
    }
}

impl<T: fmt::Debug> fmt::Debug for Arena<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter().map(|(h, v)| (h.index(), v))).finish()
    }
}

/// An arena that stores each distinct value once (used for types, so that
/// type equality is handle equality).
#[derive(Clone)]
pub struct UniqueArena<T: Eq + std::hash::Hash + Clone> {
    arena: Arena<T>,
    lookup: std::collections::HashMap<T, Handle<T>>,
}

impl<T: Eq + std::hash::Hash + Clone> Default for UniqueArena<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Eq + std::hash::Hash + Clone> UniqueArena<T> {
    pub fn new() -> Self {
        UniqueArena { arena: Arena::new(), lookup: Default::default() }
    }
    /// Returns the handle of `value`, inserting it if it is new.
    pub fn insert(&mut self, value: T) -> Handle<T> {
        if let Some(&h) = self.lookup.get(&value) {
            return h;
        }
        let h = self.arena.append(value.clone());
        self.lookup.insert(value, h);
        h
    }
    pub fn get(&self, value: &T) -> Option<Handle<T>> {
        self.lookup.get(value).copied()
    }
    pub fn len(&self) -> usize {
        self.arena.len()
    }
    pub fn is_empty(&self) -> bool {
        self.arena.is_empty()
    }
    pub fn contains(&self, handle: Handle<T>) -> bool {
        self.arena.contains(handle)
    }
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (Handle<T>, &T)> {
        self.arena.iter()
    }
}

impl<T: Eq + std::hash::Hash + Clone> std::ops::Index<Handle<T>> for UniqueArena<T> {
    type Output = T;
    fn index(&self, handle: Handle<T>) -> &T {
        &self.arena[handle]
    }
}

impl<T: Eq + std::hash::Hash + Clone + fmt::Debug> fmt::Debug for UniqueArena<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.arena.fmt(f)
    }
}
