//! Host fallback specifics: kernel entries reading their flattened argument slots, thread geometry from the `ThreadCtx`, the barrier call; and the C `main`.

use cranelift_codegen::ir::{self, types, AbiParam, InstBuilder, Signature, Value};
use cranelift_codegen::isa::TargetIsa;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use hybrid_ir::{Axis, Type};

use crate::function::{Flavor, FunctionCx, Val, PTR};
use crate::runtime::{self, Rt};
use crate::{ModuleCx, Namespace, Result};

impl FunctionCx<'_, '_> {
    /// Load the kernel's parameters from `args` (8-byte slots per
    /// `abi::kernel_slots`) into its locals.
    pub fn unpack_kernel_args(&mut self, args: Value) -> Result<()> {
        let func = self.func;
        let mut slot = 0i32;
        for &p in &func.params {
            let ty = func.locals[p].ty;
            match *self.ty(ty) {
                Type::SliceRef { .. } => {
                    let data = self.load(PTR, args, slot * 8);
                    let len = self.load(PTR, args, slot * 8 + 8);
                    slot += 2;
                    let tmp = self.temp(ty);
                    self.store(data, tmp, 0);
                    self.store(len, tmp, 8);
                    self.write_local(p, Val::Mem(tmp))?;
                }
                Type::Array { .. } | Type::Tuple(_) | Type::Struct(_) => {
                    // `KernelSlot::Value`: the slot points to the value; the
                    // parameter is this thread's own copy.
                    let src = self.load(PTR, args, slot * 8);
                    slot += 1;
                    let tmp = self.temp(ty);
                    let layout = self.layout(ty);
                    self.copy_bytes(tmp, src, layout);
                    self.write_local(p, Val::Mem(tmp))?;
                }
                _ => {
                    // Scalars sit in the low bytes of their slot (little endian).
                    let t = self.clif_type(ty);
                    let v = self.load(t, args, slot * 8);
                    slot += 1;
                    self.write_local(p, Val::Scalar(v))?;
                }
            }
        }
        Ok(())
    }

    /// `thread_idx.x` and friends: a `u32` of the `ThreadCtx`.
    pub fn geometry(&mut self, base: i32, axis: Axis) -> Result<Val> {
        let Some(ctx) = self.ctx_ptr.filter(|_| self.flavor == Flavor::Fallback) else {
            return Err(self.unsupported("thread geometry in host code"));
        };
        let index = match axis {
            Axis::X => 0,
            Axis::Y => 1,
            Axis::Z => 2,
        };
        Ok(Val::Scalar(self.load(types::I32, ctx, base + 4 * index)))
    }

    /// `sync_threads()`: the shim's barrier among the block's fallback threads.
    pub fn sync_threads(&mut self) -> Result<Val> {
        let Some(ctx) = self.ctx_ptr.filter(|_| self.flavor == Flavor::Fallback) else {
            return Err(self.unsupported("sync_threads in host code"));
        };
        self.call_rt(Rt::FbSyncThreads, &[ctx]);
        Ok(Val::Nothing)
    }
}

/// `int main(int argc, char **argv)`.
pub fn c_main_signature(isa: &dyn TargetIsa) -> Signature {
    let mut sig = Signature::new(isa.default_call_conv());
    sig.params.push(AbiParam::new(types::I32));
    sig.params.push(AbiParam::new(PTR));
    sig.returns.push(AbiParam::new(types::I32));
    sig
}

/// `main`: run `hybrid_user_main()`, then return `hybrid_rt_finish()`.
pub fn build_c_main(cx: &ModuleCx, func: &mut ir::Function, fctx: &mut FunctionBuilderContext) {
    let entry = cx.module.entry.expect("entry");
    let user_main = cx.host[entry.index()].as_ref().expect("user main declared");
    let mut b = FunctionBuilder::new(func, fctx);
    let block = b.create_block();
    b.append_block_params_for_function_params(block);
    b.switch_to_block(block);
    let import = |b: &mut FunctionBuilder, namespace: u32, index: u32, sig: Signature, colocated: bool| {
        let sig = b.import_signature(sig);
        let name = b.func.declare_imported_user_function(ir::UserExternalName { namespace, index });
        b.import_function(ir::ExtFuncData { name: ir::ExternalName::user(name), signature: sig, colocated, patchable: false })
    };
    let user = import(&mut b, Namespace::FUNC, user_main.id.as_u32(), user_main.signature.clone(), true);
    let rt = Rt::RtFinish;
    let finish = import(&mut b, Namespace::RUNTIME, rt.index(), runtime::signature(rt.info(), cx.isa.default_call_conv()), false);
    // declare_all checked that the user's main is `fn()` or C's `(argc, argv) -> int`
    let code = if user_main.signature.params.is_empty() {
        b.ins().call(user, &[]);
        let inst = b.ins().call(finish, &[]);
        b.inst_results(inst)[0]
    } else {
        let args = b.block_params(block).to_vec();
        let inst = b.ins().call(user, &args);
        let code = b.inst_results(inst)[0];
        b.ins().call(finish, &[]);
        code
    };
    b.ins().return_(&[code]);
    b.seal_all_blocks();
    b.finalize(cx.isa.frontend_config());
}
