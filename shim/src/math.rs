//! Host implementations of the transcendental float methods generated host
//! code (and host-fallback kernels) call: `hybrid_math_f64/f32(op, a, b)`,
//! `op` = `MathFn as i32` in ir/src/func.rs (mirrored below). Rust's own
//! `f64`/`f32` methods, so results are what rustc's programs compute.

pub const SQRT: i32 = 0;
pub const ABS: i32 = 1;
pub const MIN: i32 = 2;
pub const MAX: i32 = 3;
// 4 is MulAdd, which takes three operands and is compiled inline.
pub const FLOOR: i32 = 5;
pub const CEIL: i32 = 6;
pub const ROUND: i32 = 7;
pub const TRUNC: i32 = 8;
pub const EXP: i32 = 9;
pub const EXP2: i32 = 10;
pub const LN: i32 = 11;
pub const LOG2: i32 = 12;
pub const LOG10: i32 = 13;
pub const SIN: i32 = 14;
pub const COS: i32 = 15;
pub const TAN: i32 = 16;
pub const TANH: i32 = 17;
/// `b` holds the `i32` exponent, converted to float.
pub const POWI: i32 = 18;
pub const POWF: i32 = 19;

macro_rules! math_op {
    ($name:ident, $t:ty) => {
        #[no_mangle]
        pub extern "C" fn $name(op: i32, a: $t, b: $t) -> $t {
            match op {
                SQRT => a.sqrt(),
                ABS => a.abs(),
                MIN => a.min(b),
                MAX => a.max(b),
                FLOOR => a.floor(),
                CEIL => a.ceil(),
                ROUND => a.round(),
                TRUNC => a.trunc(),
                EXP => a.exp(),
                EXP2 => a.exp2(),
                LN => a.ln(),
                LOG2 => a.log2(),
                LOG10 => a.log10(),
                SIN => a.sin(),
                COS => a.cos(),
                TAN => a.tan(),
                TANH => a.tanh(),
                POWI => a.powi(b as i32),
                POWF => a.powf(b),
                _ => crate::rt::fatal(format_args!(
                    "{}: math operation {op} is not supported yet",
                    stringify!($name)
                )),
            }
        }
    };
}

math_op!(hybrid_math_f64, f64);
math_op!(hybrid_math_f32, f32);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ops_match_std() {
        assert_eq!(hybrid_math_f64(EXP, 1.5, 0.0), 1.5f64.exp());
        assert_eq!(hybrid_math_f64(POWI, 1.1, 7.0), 1.1f64.powi(7));
        assert_eq!(hybrid_math_f32(POWF, 2.0, 0.5), 2.0f32.powf(0.5));
        assert_eq!(hybrid_math_f32(TANH, 0.3, 0.0), 0.3f32.tanh());
    }
}
