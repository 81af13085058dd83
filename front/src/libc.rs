//! The C side of rustc's offload programs: `extern crate libc`, the libc
//! functions and C types they use, and `#[link_name = "llvm.nvvm.*"]`
//! declarations of GPU intrinsics (mapped to the builtins they are).

use std::ops::Range;

use hybrid_ir::Scalar;

use crate::diag::{range_of, DResult, Diagnostic};

/// `extern crate libc;` (and the sysroot crates) is accepted; others are E0463.
pub fn extern_crate(e: &syn::ItemExternCrate) -> DResult<()> {
    let name = e.ident.to_string();
    if let Some((_, rename)) = &e.rename {
        return Err(Diagnostic::unsupported("`extern crate .. as ..`", range_of(rename)));
    }
    if matches!(name.as_str(), "libc" | "core" | "std" | "alloc") {
        return Ok(());
    }
    Err(Diagnostic::at(Some("E0463"), format!("can't find crate for `{name}`"), range_of(&e.ident), "can't find crate"))
}

/// The libc functions hybridc knows (`libc::NAME`).
pub const FUNCTIONS: &[&str] = &["malloc", "calloc", "realloc", "free", "puts", "printf", "exit"];

pub fn is_libc_fn(path: &str) -> bool {
    path.strip_prefix("libc::").is_some_and(|name| FUNCTIONS.contains(&name))
}

/// A C type of `libc` or `core::ffi` (`std::os::raw`) as a scalar.
/// FIXME(c_void): `c_void` is read as `u8`, so `*mut c_void` is `*mut u8`
/// (casts and calls work; messages show `u8`).
pub fn c_type(segs: &[String]) -> Option<Scalar> {
    let name = match segs {
        [krate, name] if krate == "libc" => name,
        [core, ffi, name] if core == "core" && ffi == "ffi" => name,
        [core, os, raw, name] if core == "core" && os == "os" && raw == "raw" => name,
        _ => return None,
    };
    Some(match name.as_str() {
        "size_t" | "uintptr_t" => Scalar::Usize,
        "ssize_t" | "intptr_t" | "ptrdiff_t" => Scalar::Isize,
        "c_char" | "c_schar" | "int8_t" => Scalar::I8,
        "c_uchar" | "uint8_t" | "c_void" => Scalar::U8,
        "c_short" | "int16_t" => Scalar::I16,
        "c_ushort" | "uint16_t" => Scalar::U16,
        "c_int" | "int32_t" => Scalar::I32,
        "c_uint" | "uint32_t" => Scalar::U32,
        "c_long" | "c_longlong" | "int64_t" => Scalar::I64,
        "c_ulong" | "c_ulonglong" | "uint64_t" => Scalar::U64,
        "c_float" => Scalar::F32,
        "c_double" => Scalar::F64,
        _ => return None,
    })
}

/// The builtin a `#[link_name = "llvm.*"]` foreign function is: NVPTX's
/// special registers and barrier. AMD GPU intrinsics are an error while AMD
/// is not a target.
pub fn llvm_intrinsic(link_name: &str, at: Range<usize>) -> DResult<Vec<String>> {
    if link_name.starts_with("llvm.amdgcn.") {
        return Err(Diagnostic::unsupported(&format!("the AMD GPU intrinsic `{link_name}` (hybridc targets NVIDIA GPUs)"), at)
            .help("use the `llvm.nvvm.*` intrinsic, or `core::arch::nvptx::*` / `gpu::*`"));
    }
    let builtin = |name: String| vec!["core".to_string(), "arch".to_string(), "nvptx".to_string(), name];
    if let Some(reg) = link_name.strip_prefix("llvm.nvvm.read.ptx.sreg.") {
        if let Some((kind, axis)) = reg.split_once('.') {
            let base = match kind {
                "tid" => Some("_thread_idx"),
                "ctaid" => Some("_block_idx"),
                "ntid" => Some("_block_dim"),
                "nctaid" => Some("_grid_dim"),
                _ => None,
            };
            if let (Some(base), "x" | "y" | "z") = (base, axis) {
                return Ok(builtin(format!("{base}_{axis}")));
            }
        }
    }
    if matches!(link_name, "llvm.nvvm.barrier0" | "llvm.nvvm.barrier.cta.sync.aligned.all") {
        return Ok(builtin("_syncthreads".to_string()));
    }
    Err(Diagnostic::unsupported(&format!("the foreign function `{link_name}`"), at)
        .note("hybridc maps `llvm.nvvm.read.ptx.sreg.{tid,ctaid,ntid,nctaid}.{x,y,z}` and `llvm.nvvm.barrier0`"))
}

/// `main` in C's form, `(argc: c_int, argv: *const *const c_char) -> c_int`
/// (rustc's `#![no_main]` programs with `#[unsafe(no_mangle)] extern "C" fn main`).
/// FIXME(no_main): accepted with or without `#![no_main]`; rustc wants it.
pub fn is_c_main(f: &crate::resolve::FnDecl, types: &hybrid_ir::TypeTable) -> bool {
    use hybrid_ir::Type;
    let is = |t, s: Scalar| matches!(types.get(t), Type::Scalar(x) if *x == s);
    let argv_ok = f.params.get(1).is_some_and(|p| match types.get(p.ty) {
        Type::Pointer { pointee, .. } => {
            matches!(types.get(*pointee), Type::Pointer { pointee: c, .. } if is(*c, Scalar::I8) || is(*c, Scalar::U8))
        }
        _ => false,
    });
    f.params.len() == 2 && is(f.params[0].ty, Scalar::I32) && argv_ok && is(f.ret, Scalar::I32)
}
