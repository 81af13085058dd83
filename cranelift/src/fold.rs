//! Constant folding while the CLIF is built: integer operations and
//! comparisons of two constants, checks that constants decide, and `if`s
//! whose condition is a constant.
//!
//! Cranelift at `opt_level=none` keeps every instruction it is given, so a
//! division by a literal kept its zero-divisor and `MIN / -1` checks (two
//! cold blocks with a panic call each) and `if N % 16 == 0` in generated or
//! monomorphized code kept both branches. LLVM's IRBuilder folds these as it
//! builds, even at -O0; this is the same for the Cranelift host. Only
//! integers of at most 64 bits are folded, with Rust's wrapping semantics
//! (the IR's `+ - *` wrap); a fold never removes a check that could fail.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, InstBuilder, InstructionData, Opcode, Type, Value, ValueDef};
use hybrid_ir::BinaryOp;

use crate::function::FunctionCx;

impl FunctionCx<'_, '_> {
    /// The value of `v` if it is an integer constant (`iconst`), sign-extended
    /// from its type's width.
    pub fn const_int(&self, v: Value) -> Option<i64> {
        let dfg = &self.b.func.dfg;
        let ValueDef::Result(inst, 0) = dfg.value_def(v) else { return None };
        let InstructionData::UnaryImm { opcode: Opcode::Iconst, imm } = dfg.insts[inst] else { return None };
        let bits = dfg.value_type(v).bits();
        if bits > 64 {
            return None;
        }
        Some(sign_extend(imm.bits() as u64, bits))
    }

    /// `x cc y`, folded when both are constants.
    pub fn icmp_folded(&mut self, cc: IntCC, x: Value, y: Value) -> Value {
        match (self.const_int(x), self.const_int(y)) {
            (Some(a), Some(b)) => {
                let bits = self.b.func.dfg.value_type(x).bits();
                let holds = compare(cc, a, b, bits);
                self.b.ins().iconst(types::I8, holds as i64)
            }
            _ => self.b.ins().icmp(cc, x, y),
        }
    }

    /// `x op y` of two integer constants of type `t` (the operands of a
    /// shift may differ in type), or `None` where it is not folded: either
    /// operand not a constant, a division that would panic, a type wider
    /// than 64 bits.
    pub fn fold_int_binary(&mut self, op: BinaryOp, x: Value, y: Value, t: Type, signed: bool) -> Option<Value> {
        let (a, b) = (self.const_int(x)?, self.const_int(y)?);
        let bits = t.bits();
        if bits > 64 {
            return None;
        }
        let (ua, ub) = (zero_extend(a, bits), zero_extend(b, bits));
        use BinaryOp::*;
        let value = match op {
            Add => a.wrapping_add(b),
            Sub => a.wrapping_sub(b),
            Mul => a.wrapping_mul(b),
            BitAnd => a & b,
            BitOr => a | b,
            BitXor => a ^ b,
            // Rust's shifts of the IR mask the amount by the width, as Cranelift's do
            Shl => ((ua << (ub % bits as u64)) & mask(bits)) as i64,
            Shr if signed => sign_extend(a as u64, bits) >> (ub % bits as u64),
            Shr => (ua >> (ub % bits as u64)) as i64,
            Div | Rem if b == 0 || (signed && b == -1 && a == int_min(bits)) => return None,
            Div if signed => a / b,
            Div => (ua / ub) as i64,
            Rem if signed => a % b,
            Rem => (ua % ub) as i64,
            Eq | Ne | Lt | Le | Gt | Ge => {
                let holds = compare(int_cc(op, signed), a, b, bits);
                return Some(self.b.ins().iconst(types::I8, holds as i64));
            }
        };
        Some(self.iconst(t, value))
    }

    /// Whether the zero-divisor check of `x / y` can fail, and whether its
    /// `MIN / -1` check can (signed only): `false` when constants decide it.
    pub fn division_checks_needed(&self, x: Value, y: Value, signed: bool, bits: u32) -> (bool, bool) {
        match self.const_int(y) {
            Some(0) | None => (true, signed),
            Some(-1) => (false, signed && self.const_int(x).is_none_or(|a| a == int_min(bits))),
            Some(_) => (false, false),
        }
    }
}

/// The condition code of a comparison operator.
pub fn int_cc(op: BinaryOp, signed: bool) -> IntCC {
    use BinaryOp::*;
    match (op, signed) {
        (Eq, _) => IntCC::Equal,
        (Ne, _) => IntCC::NotEqual,
        (Lt, true) => IntCC::SignedLessThan,
        (Lt, false) => IntCC::UnsignedLessThan,
        (Le, true) => IntCC::SignedLessThanOrEqual,
        (Le, false) => IntCC::UnsignedLessThanOrEqual,
        (Gt, true) => IntCC::SignedGreaterThan,
        (Gt, false) => IntCC::UnsignedGreaterThan,
        (_, true) => IntCC::SignedGreaterThanOrEqual,
        (_, false) => IntCC::UnsignedGreaterThanOrEqual,
    }
}

/// Whether `a cc b` holds for two constants of `bits` width (given
/// sign-extended).
fn compare(cc: IntCC, a: i64, b: i64, bits: u32) -> bool {
    let (ua, ub) = (zero_extend(a, bits), zero_extend(b, bits));
    match cc {
        IntCC::Equal => a == b,
        IntCC::NotEqual => a != b,
        IntCC::SignedLessThan => a < b,
        IntCC::SignedLessThanOrEqual => a <= b,
        IntCC::SignedGreaterThan => a > b,
        IntCC::SignedGreaterThanOrEqual => a >= b,
        IntCC::UnsignedLessThan => ua < ub,
        IntCC::UnsignedLessThanOrEqual => ua <= ub,
        IntCC::UnsignedGreaterThan => ua > ub,
        IntCC::UnsignedGreaterThanOrEqual => ua >= ub,
    }
}

/// The smallest value of a signed integer type of `bits` (at most 64) bits.
pub fn int_min(bits: u32) -> i64 {
    sign_extend(1 << (bits - 1), bits)
}

fn mask(bits: u32) -> u64 {
    if bits >= 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    }
}

fn zero_extend(v: i64, bits: u32) -> u64 {
    v as u64 & mask(bits)
}

fn sign_extend(v: u64, bits: u32) -> i64 {
    if bits >= 64 || bits == 0 {
        v as i64
    } else {
        let shift = 64 - bits;
        ((v << shift) as i64) >> shift
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_and_signs() {
        assert_eq!(sign_extend(0xff, 8), -1);
        assert_eq!(sign_extend(0x7f, 8), 127);
        assert_eq!(zero_extend(-1, 16), 0xffff);
        assert!(compare(IntCC::UnsignedLessThan, 1, -1, 8));
        assert!(!compare(IntCC::SignedLessThan, 1, -1, 8));
        assert!(compare(IntCC::SignedLessThan, i64::MIN, 0, 64));
        assert!(!compare(IntCC::UnsignedLessThan, i64::MIN, 0, 64));
        assert_eq!((int_min(8), int_min(32), int_min(64)), (i8::MIN as i64, i32::MIN as i64, i64::MIN));
    }
}
