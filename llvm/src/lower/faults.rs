//! Deferred bounds checks on the device: a failed index check sets the function's fault flag and accesses element 0; the flag traps at loop back edges and at return.
//!
//! An immediate check is a branch to a trap in the middle of the code, and
//! ptxas treats every such branch as possibly divergent: a guarded load in a
//! loop (`if i < n { a[i] } else { 0.0 }`, a tiled matrix product's tile
//! load) keeps its branch and convergence barriers instead of becoming one
//! predicated load as in nvcc's code. Nothing a kernel does before it traps
//! can be observed (the offload reports the trap and the program exits; device
//! code cannot print), so the trap may come later than the failed access, as
//! long as it comes before anything that could run forever and before the
//! function returns. Here:
//!
//! - an out-of-bounds element index (`index_addr`) inside an `if` arm within a
//!   loop (`defers_index_checks`) ors `index >= len` into the
//!   function's fault flag (an `i1` slot; SSA after mem2reg) and accesses
//!   element 0 instead (the index is selected, not the pointer, so the access
//!   keeps its base object: a `&[T]` parameter's loads stay `ld.global.nc`).
//!   Of an empty slice, element 0 may not exist: that access may fault with
//!   CUDA's illegal-address error instead of the trap, also naming the kernel;
//!   a write there may land in another buffer, which the trap then makes
//!   unobservable;
//! - `flush_faults` traps if the flag is set: before entering a loop, before
//!   every branch back to its head (its end and each `continue`) and before
//!   every return.
//!
//! Division by zero and slice ranges still trap at once (a deferred division
//! would be undefined behaviour in LLVM IR).

use inkwell::values::{IntValue, PointerValue};

use super::function::{FnLowering, Lower};
use super::target::Target;

impl<'m, 'a, 'ctx> FnLowering<'m, 'a, 'ctx> {
    /// Whether an index check here is deferred: on the device, inside an `if`
    /// arm within a loop, where an immediate check is the branch that keeps
    /// ptxas from predicating the guarded access. Elsewhere an immediate
    /// check costs less: in a loop's straight-line body it keeps the loop's
    /// pointer induction variables (a select of the index costs a compare,
    /// two selects and an address computation per access per iteration:
    /// n-body's inner loop ran at 0.83 of nvcc's speed that way, 1.09 with
    /// immediate checks), and outside loops the branch lets LLVM drop the
    /// checks a guard implies (a slice iterator's `next` turned into selects
    /// of null pointers and lost its `ld.global.nc` when deferred).
    pub(crate) fn defers_index_checks(&self) -> bool {
        self.m.target == Target::Nvptx && self.arms_in_loop.last().is_some_and(|&arms| arms > 0)
    }

    /// Record a failed check (`failed` true) and return `index`, or 0 where it failed.
    pub(crate) fn deferred_check(&mut self, failed: IntValue<'ctx>, index: IntValue<'ctx>) -> Lower<IntValue<'ctx>> {
        let bool_type = self.context().bool_type();
        let slot = self.fault_slot()?;
        let before = self.builder.build_load(bool_type, slot, "fault")?.into_int_value();
        let after = self.builder.build_or(before, failed, "fault")?;
        self.builder.build_store(slot, after)?;
        let zero = index.get_type().const_zero();
        Ok(self.builder.build_select(failed, zero, index, "")?.into_int_value())
    }

    /// Trap if a deferred check of this function failed (see the module doc
    /// for where this is called). Nothing to do before the first check.
    pub(crate) fn flush_faults(&mut self) -> Lower<()> {
        let Some(slot) = self.fault else { return Ok(()) };
        let fault = self.builder.build_load(self.context().bool_type(), slot, "fault")?.into_int_value();
        self.trap_if(fault)
    }

    /// The function's fault flag, made (false, in the entry block) on first use.
    fn fault_slot(&mut self) -> Lower<PointerValue<'ctx>> {
        if let Some(slot) = self.fault {
            return Ok(slot);
        }
        let bool_type = self.context().bool_type();
        let slot = self.alloca_builder.build_alloca(bool_type, "fault")?;
        self.alloca_builder.build_store(slot, bool_type.const_zero())?;
        self.fault = Some(slot);
        Ok(slot)
    }
}
