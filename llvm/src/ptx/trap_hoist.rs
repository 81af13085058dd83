//! Trap hoisting: each predicated trap of a kernel moves up to the earliest point where it still traps exactly when it would have, so a kernel's bounds checks become one check at its top instead of one branch per access.
//!
//! A trap on the GPU aborts the kernel and poisons the CUDA context: nothing
//! the kernel wrote can be read back, and the shim reports the fault naming
//! the kernel and exits (101). So between the point a trap moves to and the
//! point it came from, loads, stores and atomics are unobservable, and the
//! trap may move above them (host fallback is compiled separately and keeps
//! Rust's order of panics and writes). It never moves above a call that is
//! not a pure intrinsic (device `printf`, a barrier), across a loop, or off a
//! path it was not on:
//!
//! 1. inside a block, above everything but such calls, earlier traps (it
//!    joins one it reaches: one trap on either condition) and the
//!    instructions its condition reads that cannot be recomputed (a load, a
//!    phi); the pure arithmetic of the condition moves along;
//! 2. from the top of a block `B` to the end of its immediate dominator `D`
//!    when `B` post-dominates `D` and the blocks between are acyclic and free
//!    of such calls: every path from `D` reaches the trap, with the same
//!    condition (this includes a plain jump from the only predecessor);
//! 3. from the top of a block `B` whose only predecessor ends in
//!    `br %c, B, X` where `X` leads to no check (the `else` of a kernel's
//!    `if i < n { .. }`): before the branch on `select %c, B's check, false`
//!    (the select does not propagate poison from the arm not taken).
//!
//! Not done: joining the checks of both arms of an `if`/`else` into one
//! trap before it (`c & then | !c & else`). It lets ptxas predicate the arms
//! as in nvcc's code, but every thread then computes both arms' 64-bit
//! checks before its loads: the Jacobi step measured 17.9 us against 17.4 to
//! 17.7 us with a trap in each arm (H200, ncu), so the arms keep theirs.
//!
//! Moves of kind 1 come first, then 2, then 3, so the checks of a stretch of
//! straight-line code are one before they cross a branch. Conditions are
//! recomputed at the new place from values available there (integer
//! arithmetic, compares, selects, `umin`-like intrinsics, thread indices).
//! Black-Scholes' five slice checks (three loads, two stores after `ln`'s
//! branches) become one compare of the index against the smallest length,
//! before the first load.

use std::collections::{HashMap, HashSet};

use inkwell::basic_block::BasicBlock;
use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::module::Module;
use inkwell::values::{AsValueRef, BasicValueEnum, FunctionValue, InstructionOpcode, InstructionValue, IntValue, PointerValue};

use super::traps::{is_predicated_trap, is_pure_arithmetic, trap_asm};

/// Moves per function at most (each goes to a dominating block or earlier in
/// its own, so this is only a guard).
const MAX_ROUNDS: usize = 1024;

/// Hoist the predicated traps of every function of `module`; returns how
/// many moves were made.
pub(crate) fn hoist_traps<'ctx>(context: &'ctx Context, module: &Module<'ctx>) -> usize {
    let builder = context.create_builder();
    let (_, asm) = trap_asm(context);
    let mut moves = 0;
    for function in module.get_functions() {
        if function.count_basic_blocks() == 0 {
            continue;
        }
        let cfg = Cfg::new(function);
        let hoister = Hoister { context, builder: &builder, asm, cfg: &cfg };
        for _ in 0..MAX_ROUNDS {
            let traps: Vec<_> = function
                .get_basic_blocks()
                .into_iter()
                .flat_map(|b| b.get_instructions())
                .filter(|i| is_predicated_trap(*i, asm))
                .collect();
            // One move per round (a move may delete another trap, an arm's);
            // moves inside blocks first, then along jumps, then through
            // branches, so that the checks of each straight-line stretch are
            // one trap before any of them crosses a branch.
            let moved = traps.iter().any(|t| hoister.hoist_in_block(*t))
                || traps.iter().any(|t| hoister.hoist_to_dominator(*t))
                || traps.iter().any(|t| hoister.hoist_through_branch(*t));
            if !moved {
                break;
            }
            moves += 1;
        }
    }
    moves
}

/// The control flow graph of one function, with dominators, post-dominators
/// and reachability (the function's blocks do not change while traps move).
struct Cfg<'ctx> {
    blocks: Vec<BasicBlock<'ctx>>,
    index: HashMap<BasicBlock<'ctx>, usize>,
    succs: Vec<Vec<usize>>,
    preds: Vec<Vec<usize>>,
    /// Immediate dominator (`None`: the entry, or unreachable).
    idom: Vec<Option<usize>>,
    /// Immediate post-dominator; `Some(exit)` is the virtual exit, `None`: no path to an exit.
    ipdom: Vec<Option<usize>>,
    /// The blocks a path of one edge or more leads to, per block.
    reach: Vec<HashSet<usize>>,
}

impl<'ctx> Cfg<'ctx> {
    fn new(function: FunctionValue<'ctx>) -> Self {
        let blocks = function.get_basic_blocks();
        let index: HashMap<_, _> = blocks.iter().enumerate().map(|(i, b)| (*b, i)).collect();
        let n = blocks.len();
        let mut succs = vec![Vec::new(); n];
        let mut preds = vec![Vec::new(); n];
        for (i, block) in blocks.iter().enumerate() {
            let Some(terminator) = block.get_terminator() else { continue };
            for operand in 0..terminator.get_num_operands() {
                if let Some(target) = terminator.get_operand(operand).and_then(|o| o.block()) {
                    let t = index[&target];
                    if !succs[i].contains(&t) {
                        succs[i].push(t);
                        preds[t].push(i);
                    }
                }
            }
        }
        let idom = dominators(n, 0, &succs, &preds);
        // Post-dominators: dominators of the reversed graph from a virtual exit
        // (node n) that every block without successors (ret, unreachable) leads to.
        let mut rsuccs = preds.clone();
        let mut rpreds = succs.clone();
        rsuccs.push(Vec::new());
        rpreds.push(Vec::new());
        for b in 0..n {
            if succs[b].is_empty() {
                rsuccs[n].push(b);
                rpreds[b].push(n);
            }
        }
        let mut ipdom = dominators(n + 1, n, &rsuccs, &rpreds);
        ipdom.truncate(n);
        let reach = (0..n)
            .map(|from| {
                let mut seen = HashSet::new();
                let mut stack = succs[from].clone();
                while let Some(x) = stack.pop() {
                    if seen.insert(x) {
                        stack.extend(succs[x].iter().copied());
                    }
                }
                seen
            })
            .collect();
        Cfg { blocks, index, succs, preds, idom, ipdom, reach }
    }

    /// Whether a path of one edge or more leads from `a` to `b`.
    fn reaches(&self, a: usize, b: usize) -> bool {
        self.reach[a].contains(&b)
    }

    /// Whether `a` dominates `b` (every block dominates itself).
    fn dominates(&self, a: usize, b: usize) -> bool {
        let mut at = Some(b);
        while let Some(x) = at {
            if x == a {
                return true;
            }
            at = self.idom[x];
        }
        false
    }

    /// Whether every path from `d` to an exit passes through `b`.
    fn post_dominates(&self, b: usize, d: usize) -> bool {
        let mut at = Some(d);
        while let Some(x) = at {
            if x == b {
                return true;
            }
            at = self.ipdom.get(x).copied().flatten();
        }
        false
    }

    /// The blocks on paths from `d`'s successors up to (not into) `b`, if they
    /// form an acyclic region that does not lead back to `d`.
    fn acyclic_region(&self, d: usize, b: usize) -> Option<Vec<usize>> {
        let mut region = Vec::new();
        let mut seen = HashSet::new();
        let mut stack: Vec<usize> = self.succs[d].clone();
        while let Some(x) = stack.pop() {
            if x == b || !seen.insert(x) {
                continue;
            }
            if x == d {
                return None;
            }
            region.push(x);
            stack.extend(self.succs[x].iter().copied());
        }
        // Kahn's algorithm on the edges inside the region.
        let inside: HashSet<usize> = region.iter().copied().collect();
        let mut indegree: HashMap<usize, usize> =
            region.iter().map(|&x| (x, self.preds[x].iter().filter(|p| inside.contains(p)).count())).collect();
        let mut ready: Vec<usize> = region.iter().copied().filter(|x| indegree[x] == 0).collect();
        let mut ordered = 0;
        while let Some(x) = ready.pop() {
            ordered += 1;
            for s in self.succs[x].iter().filter(|s| inside.contains(s)) {
                let d = indegree.get_mut(s).expect("inside the region");
                *d -= 1;
                if *d == 0 {
                    ready.push(*s);
                }
            }
        }
        (ordered == region.len()).then_some(region)
    }
}

/// Immediate dominators of a graph from `entry` (Cooper, Harvey and Kennedy,
/// "A Simple, Fast Dominance Algorithm"); `None` for the entry and for nodes
/// it does not reach.
fn dominators(n: usize, entry: usize, succs: &[Vec<usize>], preds: &[Vec<usize>]) -> Vec<Option<usize>> {
    // Reverse postorder by an iterative depth-first search.
    let mut order = Vec::with_capacity(n);
    let mut visited = vec![false; n];
    let mut stack = vec![(entry, 0usize)];
    visited[entry] = true;
    while let Some((node, next)) = stack.last_mut() {
        if let Some(&s) = succs[*node].get(*next) {
            *next += 1;
            if !visited[s] {
                visited[s] = true;
                stack.push((s, 0));
            }
        } else {
            order.push(*node);
            stack.pop();
        }
    }
    order.reverse();
    let mut rpo = vec![usize::MAX; n];
    for (i, &node) in order.iter().enumerate() {
        rpo[node] = i;
    }
    let mut idom: Vec<Option<usize>> = vec![None; n];
    idom[entry] = Some(entry);
    let mut changed = true;
    while changed {
        changed = false;
        for &node in order.iter().skip(1) {
            let mut new: Option<usize> = None;
            for &p in preds[node].iter().filter(|&&p| idom[p].is_some()) {
                new = Some(match new {
                    None => p,
                    Some(mut a) => {
                        let mut b = p;
                        while a != b {
                            while rpo[a] > rpo[b] {
                                a = idom[a].expect("processed");
                            }
                            while rpo[b] > rpo[a] {
                                b = idom[b].expect("processed");
                            }
                        }
                        a
                    }
                });
            }
            if new.is_some() && idom[node] != new {
                idom[node] = new;
                changed = true;
            }
        }
    }
    idom[entry] = None;
    idom
}

/// Whether `inst` may sit between a trap's new and old places: everything but
/// calls that are not a predicated trap or a pure intrinsic (loads, stores and
/// atomics are unobservable once the kernel traps; see the module doc).
fn may_pass(inst: InstructionValue, asm: PointerValue) -> bool {
    match inst.get_opcode() {
        InstructionOpcode::Call => is_predicated_trap(inst, asm) || intrinsic_named(inst, EFFECT_FREE_INTRINSICS),
        InstructionOpcode::Invoke | InstructionOpcode::CallBr | InstructionOpcode::Fence => false,
        _ => true,
    }
}

/// Integer intrinsics a trap's condition may be recomputed from anywhere.
const PURE_INTEGER_INTRINSICS: &[&[u8]] =
    &[b"llvm.umin.", b"llvm.umax.", b"llvm.smin.", b"llvm.smax.", b"llvm.abs.", b"llvm.nvvm.read.ptx.sreg."];

/// Intrinsics without effects a trap may move above: the integer ones, float
/// arithmetic and the hardware approximations the device libm uses.
const EFFECT_FREE_INTRINSICS: &[&[u8]] = &[
    b"llvm.umin.",
    b"llvm.umax.",
    b"llvm.smin.",
    b"llvm.smax.",
    b"llvm.abs.",
    b"llvm.nvvm.read.ptx.sreg.",
    b"llvm.fma.",
    b"llvm.fmuladd.",
    b"llvm.sqrt.",
    b"llvm.fabs.",
    b"llvm.copysign.",
    b"llvm.minnum.",
    b"llvm.maxnum.",
    b"llvm.minimum.",
    b"llvm.maximum.",
    b"llvm.floor.",
    b"llvm.ceil.",
    b"llvm.trunc.",
    b"llvm.rint.",
    b"llvm.nearbyint.",
    b"llvm.round.",
    b"llvm.roundeven.",
    b"llvm.ctpop.",
    b"llvm.ctlz.",
    b"llvm.cttz.",
    b"llvm.bswap.",
    b"llvm.bitreverse.",
    b"llvm.fshl.",
    b"llvm.fshr.",
    b"llvm.nvvm.ex2.approx.",
    b"llvm.nvvm.lg2.approx.",
    b"llvm.nvvm.rcp.",
    b"llvm.nvvm.sqrt.",
    b"llvm.nvvm.rsqrt.",
    b"llvm.nvvm.fma.",
    b"llvm.nvvm.mul.",
    b"llvm.nvvm.fabs.",
];

/// A call of an intrinsic whose name starts with one of `prefixes`.
fn intrinsic_named(inst: InstructionValue, prefixes: &[&[u8]]) -> bool {
    if inst.get_opcode() != InstructionOpcode::Call {
        return false;
    }
    let callee = inst.get_operand(inst.get_num_operands() - 1).and_then(|o| o.value());
    let Some(BasicValueEnum::PointerValue(p)) = callee else { return false };
    let name = p.get_name().to_bytes();
    prefixes.iter().any(|prefix| name.starts_with(prefix))
}

/// An instruction a trap's condition may be recomputed from at another place.
fn recomputable(inst: InstructionValue) -> bool {
    (is_pure_arithmetic(inst) && inst.get_opcode() != InstructionOpcode::Phi) || intrinsic_named(inst, PURE_INTEGER_INTRINSICS)
}

fn instruction_of(value: BasicValueEnum) -> Option<InstructionValue> {
    use inkwell::values::BasicValue;
    value.as_instruction_value()
}

fn as_basic<'ctx>(inst: InstructionValue<'ctx>) -> BasicValueEnum<'ctx> {
    // SAFETY: `inst` produces a first-class value (only such instructions are
    // recomputed: arithmetic, compares, selects, casts, pure intrinsic calls).
    unsafe { BasicValueEnum::new(inst.as_value_ref()) }
}

struct Hoister<'a, 'ctx> {
    context: &'ctx Context,
    builder: &'a Builder<'ctx>,
    asm: PointerValue<'ctx>,
    cfg: &'a Cfg<'ctx>,
}

impl<'ctx> Hoister<'_, 'ctx> {
    /// Move `trap` above the instructions before it in its block that it may
    /// pass, taking the arithmetic of its condition along.
    fn hoist_in_block(&self, trap: InstructionValue<'ctx>) -> bool {
        let needed = self.condition_in_block(trap);
        // The latest instruction the trap must stay after.
        let mut stop = None;
        let mut at = trap.get_previous_instruction();
        while let Some(inst) = at {
            let is_operand = needed.contains(&inst);
            // (Nor above an earlier trap: the traps keep their order, which
            // lets the code generator fold `i >= a || i >= b` into a `max`.)
            if inst.get_opcode() == InstructionOpcode::Phi
                || is_predicated_trap(inst, self.asm)
                || !may_pass(inst, self.asm)
                || (is_operand && !recomputable(inst))
            {
                stop = Some(inst);
                break;
            }
            at = inst.get_previous_instruction();
        }
        let block = trap.get_parent().expect("a trap is in a block");
        let first_after = match stop {
            Some(s) => s.get_next_instruction(),
            None => block.get_first_instruction(),
        };
        // Already there, or only its own condition's arithmetic in between.
        let mut at = first_after;
        while let Some(inst) = at {
            if inst == trap {
                // Right after an earlier trap: one trap on either condition
                // (so a block's checks travel on as one).
                return match stop {
                    Some(earlier) if is_predicated_trap(earlier, self.asm) => self.merge_into(earlier, trap),
                    _ => false,
                };
            }
            if !needed.contains(&inst) {
                break;
            }
            at = inst.get_next_instruction();
        }
        // `at` is the first instruction after `stop` that is not the
        // condition's: move the condition's arithmetic after it (in order)
        // and the trap before it.
        let Some(anchor) = at else { return false };
        let mut moving = Vec::new();
        let mut at = Some(anchor);
        while let Some(inst) = at {
            if inst == trap {
                break;
            }
            if needed.contains(&inst) {
                moving.push(inst);
            }
            at = inst.get_next_instruction();
        }
        moving.push(trap);
        for inst in moving {
            inst.remove_from_basic_block();
            self.builder.position_before(&anchor);
            self.builder.insert_instruction(&inst, None);
        }
        true
    }

    /// Fold `earlier`'s condition into `trap`'s (only `trap`'s condition
    /// arithmetic is between them) and delete `earlier`.
    fn merge_into(&self, earlier: InstructionValue<'ctx>, trap: InstructionValue<'ctx>) -> bool {
        let (Some(a), Some(b)) = (trap_condition(earlier), trap_condition(trap)) else { return false };
        self.builder.position_before(&trap);
        let either = self.builder.build_or(a, b, "trap_any").expect("builder is positioned");
        trap.set_operand(0, either);
        earlier.erase_from_basic_block();
        true
    }

    /// The instructions of `trap`'s block (before it) that its condition reads, transitively.
    fn condition_in_block(&self, trap: InstructionValue<'ctx>) -> HashSet<InstructionValue<'ctx>> {
        let block = trap.get_parent();
        let mut needed = HashSet::new();
        let mut stack: Vec<InstructionValue> = trap_condition_instruction(trap).into_iter().collect();
        while let Some(inst) = stack.pop() {
            if inst.get_parent() != block || !needed.insert(inst) {
                continue;
            }
            if inst.get_opcode() == InstructionOpcode::Phi {
                continue;
            }
            for operand in inst.get_operands().flatten() {
                if let Some(i) = operand.value().and_then(instruction_of) {
                    stack.push(i);
                }
            }
        }
        needed
    }

    /// Move a trap that heads its block to the end of its immediate
    /// dominator, when every path from there reaches the trap through
    /// acyclic code it may pass (this covers a plain jump from the only
    /// predecessor).
    fn hoist_to_dominator(&self, trap: InstructionValue<'ctx>) -> bool {
        if !self.heads_block(trap) {
            return false;
        }
        let b = self.cfg.index[&trap.get_parent().expect("a trap is in a block")];
        let Some(condition) = trap_condition(trap) else { return false };
        let Some(d) = self.cfg.idom[b] else { return false };
        if !self.cfg.post_dominates(b, d) {
            return false;
        }
        let Some(region) = self.cfg.acyclic_region(d, b) else { return false };
        if region.iter().any(|&r| self.cfg.blocks[r].get_instructions().any(|i| !may_pass(i, self.asm))) {
            return false;
        }
        let terminator = self.cfg.blocks[d].get_terminator().expect("a dominator ends in a branch");
        let Some(new) = self.recompute(condition, d, terminator) else { return false };
        self.move_trap(trap, new, terminator);
        true
    }

    /// Move a trap that heads its block through the conditional branch of
    /// its only predecessor, guarded by the branch's condition, when the
    /// other arm has no checks. (Not from a loop's exit into the loop.)
    fn hoist_through_branch(&self, trap: InstructionValue<'ctx>) -> bool {
        if !self.heads_block(trap) {
            return false;
        }
        let block = trap.get_parent().expect("a trap is in a block");
        let b = self.cfg.index[&block];
        let Some(condition) = trap_condition(trap) else { return false };
        let p = match self.cfg.preds[b][..] {
            [p] if !self.cfg.reaches(p, p) || self.cfg.reaches(b, p) => p,
            _ => return false,
        };
        let terminator = self.cfg.blocks[p].get_terminator().expect("a predecessor ends in a branch");
        let Some(Edge::When(c, taken_if)) = self.edge_condition(terminator, block) else { return false };
        if !self.guard_edge(p, b) {
            return false;
        }
        let Some(new) = self.recompute(condition, p, terminator) else { return false };
        self.builder.position_before(&terminator);
        let c = if taken_if { c } else { self.builder.build_not(c, "edge_not").expect("builder is positioned") };
        let no = self.context.bool_type().const_zero();
        let guarded = self.builder.build_select(c, new, no, "trap_on_edge").expect("builder is positioned").into_int_value();
        self.move_trap(trap, guarded, terminator);
        true
    }

    /// Whether only `trap`'s own condition arithmetic (and phis it does not
    /// read) comes before it in its block.
    fn heads_block(&self, trap: InstructionValue<'ctx>) -> bool {
        let block = trap.get_parent().expect("a trap is in a block");
        let needed = self.condition_in_block(trap);
        let mut at = block.get_first_instruction();
        while let Some(inst) = at {
            if inst == trap {
                return true;
            }
            let unused_phi = inst.get_opcode() == InstructionOpcode::Phi && !needed.contains(&inst);
            if !unused_phi && (!needed.contains(&inst) || !recomputable(inst)) {
                return false;
            }
            at = inst.get_next_instruction();
        }
        false
    }

    /// Whether a trap may go up the conditional edge `p -> b`: only when `p`'s other successor leads to no trap
    /// that `b` does not lead to (the `if i < n { .. }` guard of a kernel),
    /// so a trap is never speculated into a branch whose other arm has its
    /// own check (an `if`/`else` of two checked arms would then compute both
    /// checks on every path).
    fn guard_edge(&self, p: usize, b: usize) -> bool {
        let Some(&other) = self.cfg.succs[p].iter().find(|&&s| s != b) else { return false };
        let from_b = |x: usize| x == b || self.cfg.reaches(b, x);
        std::iter::once(other)
            .chain(self.cfg.reach[other].iter().copied())
            .filter(|&x| !from_b(x))
            .all(|x| !self.cfg.blocks[x].get_instructions().any(|i| is_predicated_trap(i, self.asm)))
    }

    /// The condition under which `terminator` goes to `target`, if it is a
    /// plain or conditional `br` with `target` as exactly one successor.
    fn edge_condition(&self, terminator: InstructionValue<'ctx>, target: BasicBlock<'ctx>) -> Option<Edge<'ctx>> {
        if terminator.get_opcode() != InstructionOpcode::Br {
            return None;
        }
        if terminator.get_num_operands() == 1 {
            return Some(Edge::Always);
        }
        // (condition, false successor, true successor)
        let c = match terminator.get_operand(0)?.value()? {
            BasicValueEnum::IntValue(c) => c,
            _ => return None,
        };
        let if_false = terminator.get_operand(1)?.block()?;
        let if_true = terminator.get_operand(2)?.block()?;
        match (if_true == target, if_false == target) {
            (true, false) => Some(Edge::When(c, true)),
            (false, true) => Some(Edge::When(c, false)),
            _ => None,
        }
    }

    /// `value` as available before `at` (the terminator of block `to`):
    /// itself where its definition dominates `to`, else recomputed from
    /// recomputable instructions inserted before `at`; `None` if it cannot be.
    fn recompute(&self, value: IntValue<'ctx>, to: usize, at: InstructionValue<'ctx>) -> Option<IntValue<'ctx>> {
        let value = BasicValueEnum::IntValue(value);
        if !self.available_or_recomputable(value, to, &mut HashSet::new()) {
            return None;
        }
        let mut made = HashMap::new();
        Some(self.materialize(value, to, at, &mut made).into_int_value())
    }

    fn defined_before(&self, inst: InstructionValue<'ctx>, to: usize) -> bool {
        inst.get_parent().is_some_and(|blk| self.cfg.index.get(&blk).is_some_and(|&x| self.cfg.dominates(x, to)))
    }

    fn available_or_recomputable(&self, value: BasicValueEnum<'ctx>, to: usize, seen: &mut HashSet<InstructionValue<'ctx>>) -> bool {
        let Some(inst) = instruction_of(value) else { return true };
        if self.defined_before(inst, to) || !seen.insert(inst) {
            return true;
        }
        recomputable(inst) && inst.get_operands().flatten().filter_map(|o| o.value()).all(|v| self.available_or_recomputable(v, to, seen))
    }

    fn materialize(
        &self,
        value: BasicValueEnum<'ctx>,
        to: usize,
        at: InstructionValue<'ctx>,
        made: &mut HashMap<InstructionValue<'ctx>, InstructionValue<'ctx>>,
    ) -> BasicValueEnum<'ctx> {
        let Some(inst) = instruction_of(value) else { return value };
        if self.defined_before(inst, to) {
            return value;
        }
        if let Some(copy) = made.get(&inst) {
            return as_basic(*copy);
        }
        let operands: Vec<_> = inst.get_operands().map(|o| o.and_then(|o| o.value())).collect();
        let copy = inst.explicit_clone();
        for (k, operand) in operands.into_iter().enumerate() {
            if let Some(v) = operand {
                let new = self.materialize(v, to, at, made);
                if new != v {
                    copy.set_operand(k as u32, new);
                }
            }
        }
        self.builder.position_before(&at);
        self.builder.insert_instruction(&copy, None);
        made.insert(inst, copy);
        as_basic(copy)
    }

    /// Put a trap on `condition` before `at` and delete `trap` with what only it used.
    fn move_trap(&self, trap: InstructionValue<'ctx>, condition: IntValue<'ctx>, at: InstructionValue<'ctx>) {
        let copy = trap.explicit_clone();
        copy.set_operand(0, condition);
        self.builder.position_before(&at);
        self.builder.insert_instruction(&copy, None);
        self.remove_trap(trap);
    }

    /// Delete `trap` and the arithmetic only its condition used.
    fn remove_trap(&self, trap: InstructionValue<'ctx>) {
        let old = trap_condition_instruction(trap);
        trap.erase_from_basic_block();
        // (An instruction may be an operand twice, `or %x, %x`, or of two
        // erased ones: each is looked at only while it still exists.)
        let mut erased = HashSet::new();
        let mut stack: Vec<_> = old.into_iter().collect();
        while let Some(inst) = stack.pop() {
            if erased.contains(&inst) || inst.get_first_use().is_some() || !recomputable(inst) {
                continue;
            }
            let operands: Vec<_> = inst.get_operands().flatten().filter_map(|o| o.value().and_then(instruction_of)).collect();
            inst.erase_from_basic_block();
            erased.insert(inst);
            stack.extend(operands);
        }
    }
}

/// How a branch reaches a block: always, or when an `i1` has a value.
enum Edge<'ctx> {
    Always,
    When(IntValue<'ctx>, bool),
}

fn trap_condition<'ctx>(trap: InstructionValue<'ctx>) -> Option<IntValue<'ctx>> {
    match trap.get_operand(0)?.value()? {
        BasicValueEnum::IntValue(c) => Some(c),
        _ => None,
    }
}

fn trap_condition_instruction(trap: InstructionValue) -> Option<InstructionValue> {
    trap_condition(trap).and_then(|c| c.as_instruction())
}
