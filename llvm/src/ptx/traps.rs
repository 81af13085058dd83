//! Predicated traps: after optimization, a conditional branch to a block that only traps (a failed bounds check, any device panic) becomes `@p trap;` in straight-line code.
//!
//! In LLVM IR a panic is a branch to `call @llvm.trap(); unreachable`, which
//! the optimizer needs (it knows the code after the check runs only when the
//! check passed). Emitted as is, every check is a branch in the PTX, and
//! ptxas has to treat each one as possibly divergent: it wraps the checked
//! region in BSSY/BSYNC convergence barriers and cannot if-convert the
//! surrounding code (a guarded load `if i < n { a[i] } else { 0.0 }` stays a
//! branch instead of one predicated load). nvcc's code has no such branches,
//! so the bounds checks cost more than their compares.
//!
//! This pass runs on the optimized module, just before PTX emission, where no
//! IR optimization follows: each `br %ok, %cont, %trap` becomes
//! `call asm sideeffect "@$0 trap;"(!%ok)` and `br %cont`. The trap happens
//! at the same point with the same condition (a PTX `trap` aborts the kernel;
//! the shim reports it with the kernel's name), the inline asm has side
//! effects so nothing moves across it, and trap blocks left without
//! predecessors are deleted.

use inkwell::basic_block::BasicBlock;
use inkwell::context::Context;
use inkwell::module::Module;
use inkwell::values::{BasicValueEnum, InstructionOpcode, InstructionValue, IntValue};

/// Rewrite every conditional branch to a trap-only block of `module` into a
/// predicated trap; returns how many were rewritten.
pub(crate) fn predicate_traps<'ctx>(context: &'ctx Context, module: &Module<'ctx>) -> usize {
    let builder = context.create_builder();
    let bool_type = context.bool_type();
    let asm_type = context.void_type().fn_type(&[bool_type.into()], false);
    let asm = context.create_inline_asm(asm_type, "@$0 trap;".to_string(), "b".to_string(), true, false, None, false);
    let mut rewritten = 0;
    for function in module.get_functions() {
        let mut trap_blocks = Vec::new();
        for block in function.get_basic_blocks() {
            let Some(branch) = block.get_terminator() else { continue };
            let Some((condition, trap_when_true, continue_to, trap)) = branch_to_trap(branch) else { continue };
            builder.position_before(&branch);
            let trap_condition = if trap_when_true { condition } else { builder.build_not(condition, "trap_if").expect("builder is positioned") };
            builder.build_indirect_call(asm_type, asm, &[trap_condition.into()], "").expect("builder is positioned");
            builder.build_unconditional_branch(continue_to).expect("builder is positioned");
            branch.erase_from_basic_block();
            if !trap_blocks.contains(&trap) {
                trap_blocks.push(trap);
            }
            rewritten += 1;
        }
        for trap in trap_blocks {
            if trap.get_first_use().is_none() {
                // SAFETY: the block has no uses left (no branch refers to it).
                unsafe { trap.delete() }.expect("an unused block can be deleted");
            }
        }
    }
    rewritten
}

/// `br i1 %c, %a, %b` where exactly one of `%a`, `%b` only traps: the
/// condition, whether the trap is taken when it is true, the other block
/// and the trap block.
fn branch_to_trap<'ctx>(branch: InstructionValue<'ctx>) -> Option<(IntValue<'ctx>, bool, BasicBlock<'ctx>, BasicBlock<'ctx>)> {
    if branch.get_opcode() != InstructionOpcode::Br || branch.get_num_operands() != 3 {
        return None;
    }
    // A conditional branch's operands are (condition, false successor, true successor).
    let condition = match branch.get_operand(0)?.value()? {
        BasicValueEnum::IntValue(c) => c,
        _ => return None,
    };
    let if_false = branch.get_operand(1)?.block()?;
    let if_true = branch.get_operand(2)?.block()?;
    match (only_traps(if_true), only_traps(if_false)) {
        (true, false) => Some((condition, true, if_false, if_true)),
        (false, true) => Some((condition, false, if_true, if_false)),
        _ => None,
    }
}

/// Whether `block` starts with `call @llvm.trap()` (what follows is dead) and has no phi nodes.
fn only_traps(block: BasicBlock) -> bool {
    let Some(first) = block.get_first_instruction() else { return false };
    if first.get_opcode() != InstructionOpcode::Call {
        return false;
    }
    let callee = first.get_operand(first.get_num_operands() - 1).and_then(|o| o.value());
    matches!(callee, Some(BasicValueEnum::PointerValue(p)) if p.get_name().to_bytes() == b"llvm.trap")
}
