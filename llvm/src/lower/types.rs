//! IR types to LLVM types: value types of `ValueRepr::Scalar` types, in-memory types, layouts.

use hybrid_ir::{Handle, Layout, Scalar, Type, TypeTable, ValueRepr};
use inkwell::context::Context;
use inkwell::types::{BasicType, BasicTypeEnum, IntType};
use inkwell::AddressSpace;

/// Maps IR types of one module to LLVM types of one context.
#[derive(Clone, Copy)]
pub(crate) struct TypeMapper<'a, 'ctx> {
    pub context: &'ctx Context,
    pub table: &'a TypeTable,
}

impl<'a, 'ctx> TypeMapper<'a, 'ctx> {
    pub fn repr(&self, ty: Handle<Type>) -> ValueRepr {
        self.table.repr(ty)
    }

    pub fn layout(&self, ty: Handle<Type>) -> Layout {
        self.table.layout(ty)
    }

    pub fn scalar_of(&self, ty: Handle<Type>) -> Option<Scalar> {
        self.table.as_scalar(ty)
    }

    pub fn ptr(&self) -> inkwell::types::PointerType<'ctx> {
        self.context.ptr_type(AddressSpace::default())
    }

    pub fn i64(&self) -> IntType<'ctx> {
        self.context.i64_type()
    }

    pub fn scalar_value_type(&self, s: Scalar) -> BasicTypeEnum<'ctx> {
        let c = self.context;
        match s {
            Scalar::Bool => c.bool_type().into(),
            Scalar::I8 | Scalar::U8 => c.i8_type().into(),
            Scalar::I16 | Scalar::U16 => c.i16_type().into(),
            Scalar::I32 | Scalar::U32 | Scalar::Char => c.i32_type().into(),
            Scalar::I64 | Scalar::U64 | Scalar::Isize | Scalar::Usize => c.i64_type().into(),
            Scalar::F32 => c.f32_type().into(),
            Scalar::F64 => c.f64_type().into(),
        }
    }

    /// The SSA type of a `ValueRepr::Scalar` type (`bool` is `i1`); `None` otherwise.
    pub fn value_type(&self, ty: Handle<Type>) -> Option<BasicTypeEnum<'ctx>> {
        match self.table.get(ty) {
            Type::Scalar(s) => Some(self.scalar_value_type(*s)),
            Type::Pointer { .. } | Type::FnPtr { .. } => Some(self.ptr().into()),
            _ => None,
        }
    }

    /// The type a value of `ty` has in memory: `bool` is `i8`, aggregates are
    /// `[size x i8]` (offsets come from `TypeTable::layout`, `#[repr(C)]`).
    pub fn memory_type(&self, ty: Handle<Type>) -> BasicTypeEnum<'ctx> {
        match self.table.get(ty) {
            Type::Scalar(Scalar::Bool) => self.context.i8_type().into(),
            Type::Scalar(s) => self.scalar_value_type(*s),
            Type::Pointer { .. } | Type::FnPtr { .. } => self.ptr().into(),
            _ => self.bytes(self.layout(ty).size),
        }
    }

    pub fn bytes(&self, size: u64) -> BasicTypeEnum<'ctx> {
        self.context.i8_type().array_type(size as u32).as_basic_type_enum()
    }
}
