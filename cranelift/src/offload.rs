//! Offload call sites, as rustc's offload codegen emits them: argument arrays, `__tgt_target_data_begin_mapper`, `KernelArgsTy`, `__tgt_target_kernel`, `__tgt_target_data_end_mapper`.

use cranelift_codegen::ir::{types, InstBuilder, Value};
use hybrid_ir::abi::{self, kernel_args as ka, KernelSlot};
use hybrid_ir::{Expr, Handle, Layout, Type};

use crate::function::{Flavor, FunctionCx, PTR};
use crate::runtime::Rt;
use crate::Result;

impl FunctionCx<'_, '_> {
    pub fn offload(
        &mut self,
        kernel: Handle<hybrid_ir::Function>,
        blocks: &[Handle<Expr>; 3],
        threads: &[Handle<Expr>; 3],
        dyn_cache: Handle<Expr>,
        device: Handle<Expr>,
        args: &[Handle<Expr>],
    ) -> Result<()> {
        let Some(entry) = self.cx.declared(kernel, Flavor::Fallback) else {
            return Err(self.bug(format!("offload of `{}`, which has no host fallback entry", self.module.functions[kernel].name)));
        };
        let mut dims = Vec::with_capacity(6);
        for &d in blocks.iter().chain(threads.iter()) {
            let v = self.expr(d)?;
            dims.push(self.scalar_of(v, types::I32));
        }
        let dyn_cache = self.expr(dyn_cache)?;
        let dyn_cache = self.scalar_of(dyn_cache, types::I32);
        let device = self.expr(device)?;
        let device = self.scalar_of(device, types::I32);
        let device = self.b.ins().sextend(types::I64, device);

        // Flatten the arguments: (pointer-or-bits, size in bytes) per slot.
        let slots = abi::kernel_slots(self.module, kernel);
        let mut flat: Vec<(Value, Value)> = Vec::with_capacity(slots.len());
        let kernel_fn = &self.module.functions[kernel];
        for (&arg, &param) in args.iter().zip(&kernel_fn.params) {
            let ty = kernel_fn.locals[param].ty;
            let v = self.expr(arg)?;
            match *self.ty(ty) {
                Type::Scalar(s) => {
                    let t = self.clif_type(ty);
                    let x = self.scalar_of(v, t);
                    let bits = self.scalar_bits(x, t);
                    let size = self.usize_const(s.size());
                    flat.push((bits, size));
                }
                Type::Pointer { pointee, .. } => {
                    let p = self.scalar_of(v, PTR);
                    let size = self.usize_const(self.layout(pointee).size);
                    flat.push((p, size));
                }
                Type::SliceRef { elem, .. } => {
                    let fat = self.addr_of_val(v);
                    let data = self.load(PTR, fat, 0);
                    let len = self.load(PTR, fat, 8);
                    let elem_size = self.layout(elem).size as i64;
                    let bytes = self.b.ins().imul_imm_s(len, elem_size);
                    flat.push((data, bytes));
                    let eight = self.usize_const(8);
                    flat.push((len, eight));
                }
                Type::Array { .. } | Type::Tuple(_) | Type::Struct(_) => {
                    // `KernelSlot::Value`: the address of the value, mapped TO.
                    let addr = self.addr_of_val(v);
                    let size = self.usize_const(self.layout(ty).size);
                    flat.push((addr, size));
                }
                _ => return Err(self.bug(format!("kernel parameter of type {}", self.module.types.display(ty)))),
            }
        }
        if flat.len() != slots.len() {
            return Err(self.bug("offload arguments do not match the kernel's slots"));
        }

        let n = slots.len() as u64;
        let array = Layout { size: 8 * n.max(1), align: 8 };
        let bases = self.temp_bytes(array);
        let ptrs = self.temp_bytes(array);
        let sizes = self.temp_bytes(array);
        let map_types = self.temp_bytes(array);
        for (i, ((value, size), slot)) in flat.iter().zip(&slots).enumerate() {
            let off = 8 * i as i32;
            self.store(*value, bases, off);
            self.store(*value, ptrs, off);
            self.store(*size, sizes, off);
            let map = self.iconst(types::I64, KernelSlot::map_type(*slot));
            self.store(map, map_types, off);
        }
        let null = self.usize_const(0);
        let count = self.iconst(types::I32, n as i64);
        let mapper_args = [null, device, count, bases, ptrs, sizes, map_types, null, null];
        self.call_rt(Rt::TgtDataBegin, &mapper_args);

        let kargs = self.temp_bytes(Layout { size: abi::KERNEL_ARGS_SIZE as u64, align: 8 });
        let version = self.iconst(types::I32, abi::KERNEL_ARGS_VERSION as i64);
        self.store(version, kargs, ka::VERSION);
        self.store(count, kargs, ka::NUM_ARGS);
        self.store(bases, kargs, ka::ARG_BASE_PTRS);
        self.store(ptrs, kargs, ka::ARG_PTRS);
        self.store(sizes, kargs, ka::ARG_SIZES);
        self.store(map_types, kargs, ka::ARG_TYPES);
        self.store(null, kargs, ka::ARG_NAMES);
        self.store(null, kargs, ka::ARG_MAPPERS);
        self.store(null, kargs, ka::TRIPCOUNT);
        self.store(null, kargs, ka::FLAGS);
        for axis in 0..3 {
            self.store(dims[axis], kargs, ka::NUM_TEAMS + 4 * axis as i32);
            self.store(dims[3 + axis], kargs, ka::THREAD_LIMIT + 4 * axis as i32);
        }
        self.store(dyn_cache, kargs, ka::DYN_CGROUP_MEM);
        let zero32 = self.iconst(types::I32, 0);
        self.store(zero32, kargs, ka::DYN_CGROUP_MEM + 4);

        let entry_ref = self.declared_ref(entry);
        let region_id = self.b.ins().func_addr(PTR, entry_ref);
        // The shim runs the kernel on the GPU or in fallback; its result is
        // 0 when done (it reports failures itself).
        self.call_rt(Rt::TgtTargetKernel, &[null, device, dims[0], dims[3], region_id, kargs]);
        self.call_rt(Rt::TgtDataEnd, &mapper_args);
        Ok(())
    }

    /// A scalar's bits zero-extended to a 64-bit word.
    fn scalar_bits(&mut self, x: Value, t: types::Type) -> Value {
        let int = match t {
            types::F32 => self.b.ins().bitcast(types::I32, FunctionCx::flags(), x),
            types::F64 => self.b.ins().bitcast(types::I64, FunctionCx::flags(), x),
            _ => x,
        };
        let int_t = self.b.func.dfg.value_type(int);
        self.int_resize(int, int_t, types::I64, false)
    }
}
