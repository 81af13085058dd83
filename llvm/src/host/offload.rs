//! Offload call sites on the host, exactly as hybrid-cranelift emits them: argument arrays, `__tgt_target_data_begin_mapper`, `KernelArgsTy`, `__tgt_target_kernel`, `__tgt_target_data_end_mapper`.

use hybrid_ir::abi::{self, kernel_args as ka, KernelSlot};
use hybrid_ir::{Expr, Handle, Type};
use inkwell::values::{BasicValueEnum, IntValue, PointerValue};

use crate::lower::function::{FnLowering, Lower, Val};
use crate::lower::target::Flavor;
use hybrid_ir::abi::Rt;

impl<'m, 'a, 'ctx> FnLowering<'m, 'a, 'ctx> {
    pub(crate) fn offload(
        &mut self,
        kernel: Handle<hybrid_ir::Function>,
        blocks: &[Handle<Expr>; 3],
        threads: &[Handle<Expr>; 3],
        dyn_cache: Handle<Expr>,
        device: Handle<Expr>,
        args: &[Handle<Expr>],
    ) -> Lower<Val<'ctx>> {
        let Some(&entry) = self.m.functions.get(&(kernel, Flavor::Fallback)) else {
            let name = &self.m.ir.functions[kernel].name;
            return Err(self.internal(format!("offload of `{name}`, which has no host fallback entry")).into());
        };
        let i32t = self.context().i32_type();
        let i64t = self.types().i64();
        let mut dims: Vec<IntValue<'ctx>> = Vec::with_capacity(6);
        for &d in blocks.iter().chain(threads.iter()) {
            dims.push(self.scalar(d)?.into_int_value());
        }
        let dyn_cache = self.scalar(dyn_cache)?.into_int_value();
        let device = self.scalar(device)?.into_int_value();
        let device = self.builder.build_int_s_extend(device, i64t, "")?;

        // Flatten the arguments: (pointer-or-bits, size in bytes) per slot.
        let slots = abi::kernel_slots(self.m.ir, kernel);
        let mut flat: Vec<(BasicValueEnum<'ctx>, IntValue<'ctx>)> = Vec::with_capacity(slots.len());
        let kernel_fn = &self.m.ir.functions[kernel];
        for (&arg, &param) in args.iter().zip(&kernel_fn.params) {
            let ty = kernel_fn.locals[param].ty;
            let v = self.value(arg)?;
            match (self.types().table.get(ty), v) {
                (Type::Scalar(s), Val::Scalar(x)) => {
                    let bits = self.word_bits(x)?;
                    flat.push((bits.into(), i64t.const_int(s.size(), false)));
                }
                (Type::Pointer { pointee, .. }, Val::Scalar(p)) => {
                    flat.push((p, i64t.const_int(self.types().layout(*pointee).size, false)));
                }
                (Type::SliceRef { elem, .. }, Val::Mem(fat)) => {
                    let (data, len) = self.slice_parts(fat)?;
                    let elem_size = i64t.const_int(self.types().layout(*elem).size, false);
                    let bytes = self.builder.build_int_mul(len, elem_size, "")?;
                    flat.push((data.into(), bytes));
                    flat.push((len.into(), i64t.const_int(8, false)));
                }
                (Type::Array { .. } | Type::Tuple(_) | Type::Struct(_), Val::Mem(addr)) => {
                    // `KernelSlot::Value`: the address of the value, mapped TO.
                    flat.push((addr.into(), i64t.const_int(self.types().layout(ty).size, false)));
                }
                _ => {
                    let what = format!("kernel parameter of type {}", self.types().table.display(ty));
                    return Err(self.internal(what).into());
                }
            }
        }
        if flat.len() != slots.len() {
            return Err(self.internal("offload arguments do not match the kernel's slots").into());
        }

        let n = slots.len() as u64;
        let bases = self.alloca_bytes(8 * n.max(1), 8)?;
        let ptrs = self.alloca_bytes(8 * n.max(1), 8)?;
        let sizes = self.alloca_bytes(8 * n.max(1), 8)?;
        let map_types = self.alloca_bytes(8 * n.max(1), 8)?;
        for (i, ((value, size), slot)) in flat.iter().zip(&slots).enumerate() {
            let off = 8 * i as u64;
            self.store_word(bases, off, *value)?;
            self.store_word(ptrs, off, *value)?;
            self.store_word(sizes, off, (*size).into())?;
            let map = i64t.const_int(KernelSlot::map_type(*slot) as u64, true);
            self.store_word(map_types, off, map.into())?;
        }
        let null: BasicValueEnum = self.types().ptr().const_null().into();
        let count = i32t.const_int(n, false);
        let mapper_args = [null, device.into(), count.into(), bases.into(), ptrs.into(), sizes.into(), map_types.into(), null, null];
        self.call_runtime(Rt::TgtDataBegin, &mapper_args)?;

        let kargs = self.alloca_bytes(abi::KERNEL_ARGS_SIZE as u64, 8)?;
        let zero64: BasicValueEnum = i64t.const_zero().into();
        let words: [(i32, BasicValueEnum<'ctx>); 11] = [
            (ka::VERSION, i32t.const_int(abi::KERNEL_ARGS_VERSION as u64, false).into()),
            (ka::NUM_ARGS, count.into()),
            (ka::ARG_BASE_PTRS, bases.into()),
            (ka::ARG_PTRS, ptrs.into()),
            (ka::ARG_SIZES, sizes.into()),
            (ka::ARG_TYPES, map_types.into()),
            (ka::ARG_NAMES, null),
            (ka::ARG_MAPPERS, null),
            (ka::TRIPCOUNT, zero64),
            (ka::FLAGS, zero64),
            (ka::DYN_CGROUP_MEM, dyn_cache.into()),
        ];
        for (offset, value) in words {
            self.store_word(kargs, offset as u64, value)?;
        }
        self.store_word(kargs, ka::DYN_CGROUP_MEM as u64 + 4, i32t.const_zero().into())?;
        for axis in 0..3 {
            self.store_word(kargs, (ka::NUM_TEAMS + 4 * axis as i32) as u64, dims[axis].into())?;
            self.store_word(kargs, (ka::THREAD_LIMIT + 4 * axis as i32) as u64, dims[3 + axis].into())?;
        }

        let region_id = entry.as_global_value().as_pointer_value();
        // The shim runs the kernel on the GPU or in fallback; its result is
        // 0 when done (it reports failures itself).
        let launch = [null, device.into(), dims[0].into(), dims[3].into(), region_id.into(), kargs.into()];
        self.call_runtime(Rt::TgtTargetKernel, &launch)?;
        self.call_runtime(Rt::TgtDataEnd, &mapper_args)?;
        Ok(Val::Unit)
    }

    /// A scalar's bits zero-extended to a 64-bit word (`bool` as 0 or 1).
    fn word_bits(&self, x: BasicValueEnum<'ctx>) -> Lower<IntValue<'ctx>> {
        let i64t = self.types().i64();
        let b = &self.builder;
        Ok(match x {
            BasicValueEnum::FloatValue(f) => {
                let int_type =
                    if f.get_type() == self.context().f32_type() { self.context().i32_type() } else { self.context().i64_type() };
                let int = b.build_bit_cast(f, int_type, "")?.into_int_value();
                b.build_int_z_extend_or_bit_cast(int, i64t, "")?
            }
            BasicValueEnum::IntValue(i) => b.build_int_z_extend_or_bit_cast(i, i64t, "")?,
            BasicValueEnum::PointerValue(p) => b.build_ptr_to_int(p, i64t, "")?,
            _ => return Err(self.internal("kernel argument of a non-scalar value").into()),
        })
    }

    /// Store `value` at `base + offset` (an 8-aligned word or its low part).
    fn store_word(&self, base: PointerValue<'ctx>, offset: u64, value: BasicValueEnum<'ctx>) -> Lower<()> {
        let addr = self.byte_offset(base, offset)?;
        let store = self.builder.build_store(addr, value)?;
        let align = if offset.is_multiple_of(8) { 8 } else { 4 };
        let _ = store.set_alignment(align);
        Ok(())
    }
}
