//! `Print` on the host: arguments first, then one `hybrid_fmt_*` call per piece and a flush (or the panic flush), as hybrid-cranelift emits it.

use hybrid_ir::{abi, FmtPiece, FmtSpec, PrintTarget, Scalar, Span, Type};
use inkwell::values::BasicValueEnum;

use crate::lower::function::{Flow, FnLowering, Lower, Val};
use hybrid_ir::abi::Rt;

impl<'m, 'a, 'ctx> FnLowering<'m, 'a, 'ctx> {
    pub(crate) fn print(&mut self, target: PrintTarget, pieces: &[FmtPiece], newline: bool, span: Span) -> Lower<Val<'ctx>> {
        // Rust evaluates every argument before formatting: a call in an
        // argument that prints must finish its own line first.
        let mut args: Vec<Option<(BasicValueEnum<'ctx>, Scalar)>> = Vec::with_capacity(pieces.len());
        for piece in pieces {
            match piece {
                FmtPiece::Literal(_) => args.push(None),
                FmtPiece::Arg { value, .. } => {
                    let ty = self.expr(*value).ty;
                    let Type::Scalar(s) = *self.types().table.get(ty) else {
                        let what = format!("formatting a value of type {}", self.types().table.display(ty));
                        return Err(self.unsupported(what, span));
                    };
                    args.push(Some((self.scalar(*value)?, s)));
                }
            }
        }
        let i32t = self.context().i32_type();
        for (piece, arg) in pieces.iter().zip(args) {
            match (piece, arg) {
                (FmtPiece::Literal(text), _) => {
                    if text.is_empty() {
                        continue;
                    }
                    let ptr = self.string_constant(text.as_bytes());
                    let len = self.types().i64().const_int(text.len() as u64, false);
                    self.call_runtime(Rt::FmtStr, &[ptr.into(), len.into()])?;
                }
                (FmtPiece::Arg { spec, .. }, Some((v, s))) => self.format_scalar(v, s, spec)?,
                (FmtPiece::Arg { .. }, None) => return Err(self.internal("format argument without a value").into()),
            }
        }
        match target {
            PrintTarget::Stdout | PrintTarget::Stderr => {
                let target = i32t.const_int((target == PrintTarget::Stderr) as u64, false);
                let newline = i32t.const_int(newline as u64, false);
                self.call_runtime(Rt::PrintFlush, &[target.into(), newline.into()])?;
                Ok(Val::Unit)
            }
            PrintTarget::Buffer => Ok(Val::Unit),
            PrintTarget::Panic => {
                let location = self.location(span);
                self.call_runtime(Rt::PanicFlush, &[location])?;
                self.builder.build_unreachable()?;
                Err(Flow::Diverged)
            }
        }
    }

    fn format_scalar(&mut self, v: BasicValueEnum<'ctx>, s: Scalar, spec_ir: &FmtSpec) -> Lower<()> {
        let spec = self.types().i64().const_int(abi::encode_fmt_spec(spec_ir), false).into();
        let i64t = self.types().i64();
        match s {
            Scalar::F64 => self.call_runtime(Rt::FmtF64, &[v, spec])?,
            Scalar::F32 => self.call_runtime(Rt::FmtF32, &[v, spec])?,
            Scalar::Bool => {
                let bit = self.builder.build_int_z_extend(v.into_int_value(), self.context().i8_type(), "")?;
                self.call_runtime(Rt::FmtBool, &[bit.into(), spec])?
            }
            Scalar::Char => self.call_runtime(Rt::FmtChar, &[v, spec])?,
            _ => {
                // (`{:x}` of a negative integer: the two's complement of its own width)
                let signed = s.is_signed() && !spec_ir.kind.is_radix();
                let wide = self.builder.build_int_cast_sign_flag(v.into_int_value(), i64t, signed, "")?;
                let f = if signed { Rt::FmtI64 } else { Rt::FmtU64 };
                self.call_runtime(f, &[wide.into(), spec])?
            }
        };
        Ok(())
    }
}
