//! Kernel entries: parameters flattened per `abi::kernel_slots`, `!nvvm.annotations`, thread-geometry and barrier intrinsics.

use hybrid_ir::abi::{self, KernelSlot};
use hybrid_ir::{Axis, Function, Handle, Intrinsic, Type, ValueRepr};
use inkwell::module::Linkage;
use inkwell::types::BasicMetadataTypeEnum;
use inkwell::values::{AnyValueEnum, BasicValue, BasicValueEnum, FunctionValue};

use crate::lower::function::{FnLowering, Lower, ModuleLowering, Val};
use crate::lower::target::Flavor;
use crate::{GpuArch, LlvmError};

/// The LLVM type of one flattened kernel slot: scalars by value (`bool` as
/// `i8`), thin pointers, slice data and aggregates' copies as `ptr`, slice
/// lengths as `i64`.
fn slot_type<'ctx>(m: &ModuleLowering<'_, 'ctx>, slot: KernelSlot) -> BasicMetadataTypeEnum<'ctx> {
    match slot {
        KernelSlot::Scalar(hybrid_ir::Scalar::Bool) => m.context.i8_type().into(),
        KernelSlot::Scalar(s) => m.types.scalar_value_type(s).into(),
        KernelSlot::Pointer { .. } | KernelSlot::SliceData { .. } | KernelSlot::Value { .. } => m.types.ptr().into(),
        KernelSlot::SliceLen => m.types.i64().into(),
    }
}

/// `define void @<name>(slots...)`, externally visible: the PTX `.entry`,
/// its pointer parameters marked as Rust's references allow
/// ([`pointer_attributes`]).
pub(crate) fn declare_kernel<'ctx>(
    m: &ModuleLowering<'_, 'ctx>,
    handle: Handle<hybrid_ir::Function>,
    func: &Function,
) -> FunctionValue<'ctx> {
    let params: Vec<_> = abi::kernel_slots(m.ir, handle).into_iter().map(|s| slot_type(m, s)).collect();
    let fn_type = m.context.void_type().fn_type(&params, false);
    let llfn = m.module.add_function(&abi::device_symbol(m.ir, handle), fn_type, Some(Linkage::External));
    let may_sync = hybrid_ir::analysis::kernel_may_sync(m.ir, handle);
    // (a parameter's pointer, if it has one, is its first slot)
    let mut index = 0u32;
    for &p in &func.params {
        let ty = func.locals[p].ty;
        let slots = abi::kernel_param_slots(&m.ir.types, ty).unwrap_or_default();
        let attributes = if slots.is_empty() { &[][..] } else { pointer_attributes(m.ir.types.get(ty), may_sync) };
        for name in attributes {
            let kind = inkwell::attributes::Attribute::get_named_enum_kind_id(name);
            llfn.add_attribute(inkwell::attributes::AttributeLoc::Param(index), m.context.create_enum_attribute(kind, 0));
        }
        index += slots.len() as u32;
    }
    llfn
}

/// What a kernel's pointer parameter of type `ty` promises LLVM:
/// - `&T`, `&[T]` and by-value aggregates (a pointer to the launch's own
///   copy) are `noalias readonly`: in Rust nothing writes data while a
///   shared reference to it lives, in any thread. NVPTX then loads them
///   through the read-only cache (`ld.global.nc`).
/// - `&mut T`, `&mut [T]` are `noalias` only in kernels that never
///   synchronize: every thread gets the same reference, and after a barrier
///   a thread may read what another wrote through it, which `noalias`
///   would let LLVM assume cannot happen.
/// - Raw pointers promise nothing.
fn pointer_attributes(ty: &Type, may_sync: bool) -> &'static [&'static str] {
    match ty {
        Type::Pointer { reference: true, mutable: false, .. } | Type::SliceRef { mutable: false, .. } => &["noalias", "readonly"],
        Type::Array { .. } | Type::Tuple(_) | Type::Struct(_) => &["noalias", "readonly"],
        Type::Pointer { reference: true, mutable: true, .. } | Type::SliceRef { mutable: true, .. } if !may_sync => &["noalias"],
        _ => &[],
    }
}

/// `!nvvm.annotations = !{!{ptr @k, !"kernel", i32 1}}`, what clang 19 emits,
/// and the launch bound `maxntid{x,y,z}` (PTX `.maxntid`) when every launch
/// of the kernel gives the same constant block size
/// ([`hybrid_ir::analysis::kernel_block_size`]): ptxas then allocates
/// registers for that many threads, and LLVM's NVVMIntrRange bounds
/// `tid.*`/`ntid.*` by it (which drops bounds checks on shared tiles indexed
/// by the thread). The bound is exact, never a guess: a launch with more
/// threads than `.maxntid` would fail.
///
/// A kernel of a constant block size that waits at barriers (`sync_threads`)
/// also gets `minctasm` (PTX `.minnctapersm`): as many blocks per SM as the
/// arch holds threads (and blocks), so ptxas keeps registers to what full occupancy allows.
/// While one block waits at a barrier only the other resident blocks keep the
/// SM busy, and the bounds checks Rust adds (lengths, the deferred-fault flag)
/// would otherwise push such kernels past the register count nvcc reaches for
/// their CUDA twins: on the H200 the tiled matmul went from 40 to 32 registers
/// and 0.93 to 0.97 of nvcc's speed, n-body from 40 to 32 at the same speed.
/// A kernel that spills under the hint is compiled again without it where
/// hybridc runs ptxas (`hybrid_link::cubin`). FIXME(register hint): the
/// embedded PTX keeps the hint, so the driver's JIT (no ptxas at build time,
/// or another arch) can still spill such a kernel.
pub(crate) fn annotate_kernel<'ctx>(
    m: &ModuleLowering<'_, 'ctx>,
    handle: Handle<Function>,
    llfn: FunctionValue<'ctx>,
    func: &Function,
    arch: GpuArch,
) -> Result<(), LlvmError> {
    let mut annotations = vec![("kernel", 1u32)];
    if let Some(block) = hybrid_ir::analysis::kernel_block_size(m.ir, handle) {
        let [x, y, z] = block;
        annotations.extend([("maxntidx", x), ("maxntidy", y), ("maxntidz", z)]);
        let blocks_per_sm = (arch.threads_per_sm / (x * y * z).max(1)).min(arch.blocks_per_sm);
        if blocks_per_sm >= 2 && hybrid_ir::analysis::kernel_may_sync(m.ir, handle) {
            annotations.push(("minctasm", blocks_per_sm));
        }
        apply_block_size(m, llfn, block);
    }
    for (key, value) in annotations {
        let node = m.context.metadata_node(&[
            llfn.as_global_value().as_pointer_value().into(),
            m.context.metadata_string(key).into(),
            m.context.i32_type().const_int(value as u64, false).into(),
        ]);
        m.module
            .add_global_metadata("nvvm.annotations", &node)
            .map_err(|e| LlvmError::Llvm(format!("kernel annotation `{key}` of `{}`: {e}", func.name)))?;
    }
    Ok(())
}

/// What a kernel launched only with block size `block` knows of its own
/// thread geometry: `ntid.{x,y,z}` reads become the constants and
/// `tid.{x,y,z}` reads get `!range [0, b)`, so the optimizer drops bounds
/// checks a thread's index into a block-sized tile cannot fail. (LLVM 19's
/// NVVMIntrRange bounds each `tid.*` by the product of the three only.)
/// FIXME(launch bounds in helpers): reads in device functions the kernel
/// calls are not covered (they are lowered once for every caller).
fn apply_block_size<'ctx>(m: &ModuleLowering<'_, 'ctx>, llfn: FunctionValue<'ctx>, block: [u32; 3]) {
    let i32_type = m.context.i32_type();
    let range_kind = m.context.get_kind_id("range");
    for (axis, size) in ["x", "y", "z"].into_iter().zip(block) {
        for (register, exact) in [("ntid", true), ("tid", false)] {
            let Some(read) = m.module.get_function(&format!("llvm.nvvm.read.ptx.sreg.{register}.{axis}")) else { continue };
            // the reads in this kernel, collected before any is rewritten
            let mut reads = Vec::new();
            let mut next = read.as_global_value().as_pointer_value().get_first_use();
            while let Some(u) = next {
                next = u.get_next_use();
                if let AnyValueEnum::IntValue(v) = u.get_user() {
                    if let Some(call) = v.as_instruction().filter(|i| i.get_parent().and_then(|b| b.get_parent()) == Some(llfn)) {
                        reads.push((v, call));
                    }
                }
            }
            for (value, call) in reads {
                if exact {
                    value.replace_all_uses_with(i32_type.const_int(size as u64, false));
                } else {
                    let range = m.context.metadata_node(&[i32_type.const_zero().into(), i32_type.const_int(size as u64, false).into()]);
                    call.set_metadata(range, range_kind).ok();
                }
            }
        }
    }
}

/// Rebuild each kernel parameter local from its flattened slots.
pub(crate) fn bind_kernel_params(f: &mut FnLowering<'_, '_, '_>) -> Lower<()> {
    let mut index = 0u32;
    for &p in &f.ir.params {
        let ty = f.ir.locals[p].ty;
        let slot = f.alloca(ty)?;
        match f.types().table.get(ty) {
            Type::Scalar(_) | Type::Pointer { .. } => {
                let mut v = f.param(index)?;
                index += 1;
                if f.types().scalar_of(ty) == Some(hybrid_ir::Scalar::Bool) {
                    // The slot carries 0 or 1 in an i8.
                    let bit = f.builder.build_int_truncate(v.into_int_value(), f.context().bool_type(), "")?;
                    v = bit.into();
                }
                f.store(slot, ty, Val::Scalar(v))?;
            }
            Type::SliceRef { .. } => {
                let data = f.param(index)?;
                let len = f.param(index + 1)?;
                index += 2;
                f.builder.build_store(slot, data)?.set_alignment(8).ok();
                let len_addr = f.byte_offset(slot, 8)?;
                f.builder.build_store(len_addr, len)?.set_alignment(8).ok();
            }
            Type::Array { .. } | Type::Tuple(_) | Type::Struct(_) => {
                // `KernelSlot::Value`: the parameter is a copy of the value
                // the slot points to.
                let src = f.param(index)?.into_pointer_value();
                index += 1;
                f.copy(slot, src, ty)?;
            }
            _ => {
                debug_assert_eq!(f.types().repr(ty), ValueRepr::Memory);
                return Err(f.internal(format!("kernel parameter `{}` has an unsupported type", f.ir.locals[p].name)).into());
            }
        }
        f.locals.insert(p, slot);
    }
    Ok(())
}

fn axis_suffix(axis: Axis) -> &'static str {
    match axis {
        Axis::X => "x",
        Axis::Y => "y",
        Axis::Z => "z",
    }
}

/// Thread geometry (`u32` values read from PTX special registers) and `SyncThreads`.
pub(crate) fn lower_geometry<'ctx>(f: &mut FnLowering<'_, '_, 'ctx>, op: Intrinsic, expr: &hybrid_ir::Expr) -> Lower<Val<'ctx>> {
    if f.flavor != Flavor::Device {
        return f.fallback_geometry(op, expr);
    }
    let (register, axis) = match op {
        Intrinsic::ThreadIdx(a) => ("tid", a),
        Intrinsic::BlockIdx(a) => ("ctaid", a),
        Intrinsic::BlockDim(a) => ("ntid", a),
        Intrinsic::GridDim(a) => ("nctaid", a),
        Intrinsic::SyncThreads => {
            let barrier = f.intrinsic("llvm.nvvm.barrier0", &[])?;
            f.builder.build_direct_call(barrier, &[], "")?;
            return Ok(Val::Unit);
        }
        _ => return Err(f.internal(format!("{op:?} is not a geometry intrinsic")).into()),
    };
    let name = format!("llvm.nvvm.read.ptx.sreg.{register}.{}", axis_suffix(axis));
    let v: BasicValueEnum = f.call_intrinsic(&name, &[], &[])?;
    Ok(Val::Scalar(v))
}
