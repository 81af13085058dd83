//! `Print` lowering: arguments first, then one `hybrid_fmt_*` call per piece and a flush (or the panic flush).

use cranelift_codegen::ir::{types, InstBuilder, TrapCode, Value};
use hybrid_ir::{abi, FmtPiece, FmtSpec, PrintTarget, Scalar, Span, Type};

use crate::function::FunctionCx;
use crate::runtime::Rt;
use crate::Result;

impl FunctionCx<'_, '_> {
    pub fn print(&mut self, target: PrintTarget, pieces: &[FmtPiece], newline: bool, span: Span) -> Result<()> {
        // Rust evaluates every argument before formatting: a call in an
        // argument that prints must finish its own line first.
        let mut args: Vec<Option<(Value, Scalar)>> = Vec::with_capacity(pieces.len());
        for piece in pieces {
            match piece {
                FmtPiece::Literal(_) => args.push(None),
                FmtPiece::Arg { value, .. } => {
                    let ty = self.expr_of(*value).ty;
                    let Type::Scalar(s) = *self.ty(ty) else {
                        return Err(self.unsupported(format!("formatting a value of type {}", self.module.types.display(ty))));
                    };
                    let v = self.expr(*value)?;
                    let t = self.clif_type(ty);
                    args.push(Some((self.scalar_of(v, t), s)));
                }
            }
        }
        for (piece, arg) in pieces.iter().zip(args) {
            match (piece, arg) {
                (FmtPiece::Literal(text), _) => {
                    if text.is_empty() {
                        continue;
                    }
                    let ptr = self.bytes_addr(text.as_bytes());
                    let len = self.usize_const(text.len() as u64);
                    self.call_rt(Rt::FmtStr, &[ptr, len]);
                }
                (FmtPiece::Arg { spec, .. }, Some((v, s))) => self.format_scalar(v, s, spec),
                (FmtPiece::Arg { .. }, None) => unreachable!("args pushed per piece"),
            }
        }
        match target {
            PrintTarget::Stdout | PrintTarget::Stderr => {
                let target = self.iconst(types::I32, (target == PrintTarget::Stderr) as i64);
                let newline = self.iconst(types::I32, newline as i64);
                self.call_rt(Rt::PrintFlush, &[target, newline]);
            }
            PrintTarget::Buffer => {}
            PrintTarget::Panic => {
                let loc = self.location(span);
                self.call_rt(Rt::PanicFlush, &[loc]);
                self.b.ins().trap(TrapCode::unwrap_user(1));
                self.dead_block();
            }
        }
        Ok(())
    }

    fn format_scalar(&mut self, v: Value, s: Scalar, spec: &FmtSpec) {
        let spec_kind = spec.kind;
        let spec = self.iconst(types::I64, abi::encode_fmt_spec(spec) as i64);
        let t = self.b.func.dfg.value_type(v);
        match s {
            Scalar::F64 => {
                self.call_rt(Rt::FmtF64, &[v, spec]);
            }
            Scalar::F32 => {
                self.call_rt(Rt::FmtF32, &[v, spec]);
            }
            Scalar::Bool => {
                self.call_rt(Rt::FmtBool, &[v, spec]);
            }
            Scalar::Char => {
                self.call_rt(Rt::FmtChar, &[v, spec]);
            }
            // (`{:x}` of a negative integer: the two's complement of its own width)
            _ if s.is_signed() && !spec_kind.is_radix() => {
                let wide = self.int_resize(v, t, types::I64, true);
                self.call_rt(Rt::FmtI64, &[wide, spec]);
            }
            _ => {
                let wide = self.int_resize(v, t, types::I64, false);
                self.call_rt(Rt::FmtU64, &[wide, spec]);
            }
        }
    }
}
