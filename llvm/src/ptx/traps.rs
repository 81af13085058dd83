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
//!
//! Then checks that follow each other with nothing but arithmetic between
//! them (no memory access, no call, no division) become one trap on the `or`
//! of their conditions, at the place of the last one (`merge_adjacent_traps`,
//! also across the unconditional jumps the rewrite leaves): the kernel traps
//! exactly when one of them would have, and nothing observable happens in
//! between. A Jacobi stencil's four neighbour checks are one compare chain and
//! one trap, as the issue asks ("one check per access pattern").

use std::collections::HashMap;

use inkwell::basic_block::BasicBlock;
use inkwell::context::Context;
use inkwell::module::Module;
use inkwell::types::FunctionType;
use inkwell::values::{BasicValueEnum, InstructionOpcode, InstructionValue, IntValue, PointerValue};

/// The inline asm of a predicated trap.
const TRAP_ASM: &str = "@$0 trap;";

/// Rewrite every conditional branch to a trap-only block of `module` into a
/// predicated trap; returns how many were rewritten.
pub(crate) fn predicate_traps<'ctx>(context: &'ctx Context, module: &Module<'ctx>) -> usize {
    let builder = context.create_builder();
    let (asm_type, asm) = trap_asm(context);
    let mut rewritten = 0;
    for function in module.get_functions() {
        let mut trap_blocks = Vec::new();
        for block in function.get_basic_blocks() {
            let Some(branch) = block.get_terminator() else { continue };
            let Some((condition, trap_when_true, continue_to, trap)) = branch_to_trap(branch) else { continue };
            builder.position_before(&branch);
            let trap_condition =
                if trap_when_true { condition } else { builder.build_not(condition, "trap_if").expect("builder is positioned") };
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

/// The predicated trap's inline asm value and its type (LLVM uniques inline
/// asm values, so every call returns the same pointer).
pub(crate) fn trap_asm(context: &Context) -> (FunctionType<'_>, PointerValue<'_>) {
    let asm_type = context.void_type().fn_type(&[context.bool_type().into()], false);
    (asm_type, context.create_inline_asm(asm_type, TRAP_ASM.to_string(), "b".to_string(), true, false, None, false))
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

/// Join predicated traps of one block that only arithmetic separates (see the
/// module doc); returns how many traps were folded into a later one.
pub(crate) fn merge_adjacent_traps<'ctx>(context: &'ctx Context, module: &Module<'ctx>) -> usize {
    let builder = context.create_builder();
    let (_, asm) = trap_asm(context);
    let mut merged = 0;
    for function in module.get_functions() {
        // A trap still open at the end of a block that jumps unconditionally
        // to a block with no other predecessor: it dominates that block.
        let mut carried: HashMap<BasicBlock, InstructionValue> = HashMap::new();
        for block in function.get_basic_blocks() {
            let mut pending = carried.remove(&block);
            let terminator = block.get_terminator();
            let mut next = block.get_first_instruction();
            while let Some(inst) = next {
                next = inst.get_next_instruction();
                if Some(inst) == terminator {
                    break;
                }
                if is_predicated_trap(inst, asm) {
                    if let Some(earlier) = pending {
                        if let (Some(a), Some(b)) = (trap_condition(earlier), trap_condition(inst)) {
                            builder.position_before(&inst);
                            let either = builder.build_or(a, b, "trap_any").expect("builder is positioned");
                            inst.set_operand(0, either);
                            earlier.erase_from_basic_block();
                            merged += 1;
                        }
                    }
                    pending = Some(inst);
                } else if !is_pure_arithmetic(inst) {
                    pending = None;
                }
            }
            if let (Some(trap), Some(successor)) = (pending, terminator.and_then(only_successor)) {
                carried.insert(successor, trap);
            }
        }
    }
    merged
}

/// The target of an unconditional `br` whose target has no other predecessor.
fn only_successor(terminator: InstructionValue) -> Option<BasicBlock> {
    if terminator.get_opcode() != InstructionOpcode::Br || terminator.get_num_operands() != 1 {
        return None;
    }
    let successor = terminator.get_operand(0)?.block()?;
    let first_use = successor.get_first_use()?;
    first_use.get_next_use().is_none().then_some(successor)
}

pub(crate) fn is_predicated_trap(inst: InstructionValue, asm: PointerValue) -> bool {
    if inst.get_opcode() != InstructionOpcode::Call {
        return false;
    }
    // The callee operand of an inline asm call is the asm value itself.
    let callee = inst.get_operand(inst.get_num_operands() - 1).and_then(|o| o.value());
    matches!(callee, Some(BasicValueEnum::PointerValue(p)) if p == asm)
}

fn trap_condition<'ctx>(trap: InstructionValue<'ctx>) -> Option<IntValue<'ctx>> {
    match trap.get_operand(0)?.value()? {
        BasicValueEnum::IntValue(c) => Some(c),
        _ => None,
    }
}

/// Instructions that neither touch memory nor have effects nor can fault
/// (integer division is left out: its zero check is one of the traps).
pub(crate) fn is_pure_arithmetic(inst: InstructionValue) -> bool {
    use InstructionOpcode::*;
    matches!(
        inst.get_opcode(),
        Add | Sub
            | Mul
            | And
            | Or
            | Xor
            | Shl
            | LShr
            | AShr
            | ICmp
            | FCmp
            | Select
            | ZExt
            | SExt
            | Trunc
            | GetElementPtr
            | BitCast
            | PtrToInt
            | IntToPtr
            | FAdd
            | FSub
            | FMul
            | FNeg
            | FPExt
            | FPTrunc
            | FPToSI
            | FPToUI
            | SIToFP
            | UIToFP
            | Freeze
            | ExtractValue
            | InsertValue
            | Phi
    )
}
