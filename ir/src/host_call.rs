//! `Intrinsic::HostCall`: host-only calls of C library functions (`libc::malloc`,
//! `libc::puts`, ..) and of shim queries (`offload_get_num_devices`), each
//! through its row of the runtime table.

use crate::abi::runtime::{AbiType, Returns, Rt};
use crate::types::{Scalar, Type, TypeTable};
use crate::Handle;

/// A host function called through the runtime table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HostFn {
    /// `(size: usize) -> *mut u8`.
    Malloc,
    /// `(n: usize, size: usize) -> *mut u8`.
    Calloc,
    /// `(p: *mut u8, size: usize) -> *mut u8`.
    Realloc,
    /// `(p: *mut u8) -> ()`.
    Free,
    /// `(s: *const i8) -> i32`.
    Puts,
    /// `(format: *const i8, args: *const u64, n: usize) -> i32`: C's `printf`
    /// with its variadic arguments laid out as `n` 8-byte slots (integers
    /// extended to 64 bits, `f64`s, pointers), in order.
    Printf,
    /// `() -> i32`: the number of GPUs (`core::intrinsics::offload_get_num_devices`).
    NumDevices,
    /// `(p: *const u8, bytes: usize, mutable: bool) -> ()`: map the range to
    /// the default device until the matching [`HostFn::PreloadEnd`]
    /// (`core::intrinsics::offload_preload_range`).
    PreloadBegin,
    /// `(p: *const u8, mutable: bool) -> ()`: end a preload (copied back if
    /// mutable and the last one; `core::intrinsics::offload_preload_range_end`).
    PreloadEnd,
    /// `(p: *mut u8, bytes: usize, align: usize) -> ()`: free a `Vec`'s
    /// buffer (`core::intrinsics::vec_dealloc`, from the drop glue).
    VecDealloc,
    /// `() -> ()`: wait for queued kernels (`core::intrinsics::offload_sync`).
    OffloadSync,
    /// `(ptr: *const u8, len: usize, spec: u64) -> ()`: `{}` / `{:?}` of a `&str`.
    FmtStrSpec,
    /// `(c: u32, spec: u64) -> ()`: `{}` / `{:?}` of a `char`.
    FmtChar,
    /// `(v: i64, spec: u64) -> ()`: a signed integer with a spec computed at run time (`{:w$}`).
    FmtI64,
    /// `(v: u64, spec: u64) -> ()`: an unsigned integer with a run-time spec.
    FmtU64,
    /// `(v: f64, spec: u64) -> ()`: an `f64` with a run-time spec.
    FmtF64,
    /// `(v: f32, spec: u64) -> ()`: an `f32` with a run-time spec.
    FmtF32,
    /// `(v: bool, spec: u64) -> ()`: a `bool` with a run-time spec.
    FmtBool,
    /// `() -> ()`: a `format!` begins.
    FmtBegin,
    /// `(out: *mut Vec<u8>) -> ()`: a `format!` ends, its text in a new `Vec<u8>`.
    FmtEnd,
    /// `(ptr: *const u8, len: usize, kind: i32, out: *mut u64) -> i32`: `str::parse` of an integer.
    ParseInt,
    /// `(ptr: *const u8, len: usize, is_f32: i32, out: *mut f64) -> i32`: `str::parse` of a float.
    ParseFloat,
    /// `() -> usize`: the number of the program's arguments (`std::env::args`).
    ArgCount,
    /// `(index: usize, out: *mut Vec<u8>) -> ()`: argument `index` in a new `Vec<u8>`.
    Arg,
}

impl HostFn {
    /// The runtime row this call goes through.
    pub fn rt(self) -> Rt {
        match self {
            HostFn::Malloc => Rt::Malloc,
            HostFn::Calloc => Rt::Calloc,
            HostFn::Realloc => Rt::Realloc,
            HostFn::Free => Rt::Free,
            HostFn::Puts => Rt::Puts,
            HostFn::Printf => Rt::Printf,
            HostFn::NumDevices => Rt::NumDevices,
            HostFn::PreloadBegin => Rt::PreloadBegin,
            HostFn::PreloadEnd => Rt::PreloadEnd,
            HostFn::VecDealloc => Rt::VecDealloc,
            HostFn::OffloadSync => Rt::OffloadSync,
            HostFn::FmtStrSpec => Rt::FmtStrSpec,
            HostFn::FmtChar => Rt::FmtChar,
            HostFn::FmtI64 => Rt::FmtI64,
            HostFn::FmtU64 => Rt::FmtU64,
            HostFn::FmtF64 => Rt::FmtF64,
            HostFn::FmtF32 => Rt::FmtF32,
            HostFn::FmtBool => Rt::FmtBool,
            HostFn::FmtBegin => Rt::FmtBegin,
            HostFn::FmtEnd => Rt::FmtEnd,
            HostFn::ParseInt => Rt::ParseInt,
            HostFn::ParseFloat => Rt::ParseFloat,
            HostFn::ArgCount => Rt::ArgCount,
            HostFn::Arg => Rt::Arg,
        }
    }
}

/// The ABI class of an IR type passed to or returned from a runtime function.
pub fn abi_class(types: &TypeTable, ty: Handle<Type>) -> Option<AbiType> {
    Some(match types.get(ty) {
        Type::Pointer { .. } => AbiType::Ptr,
        Type::Scalar(s) => match s {
            Scalar::Bool | Scalar::I8 | Scalar::U8 => AbiType::I8,
            Scalar::I32 | Scalar::U32 | Scalar::Char => AbiType::I32,
            Scalar::I64 | Scalar::U64 | Scalar::Isize | Scalar::Usize => AbiType::I64,
            Scalar::F32 => AbiType::F32,
            Scalar::F64 => AbiType::F64,
            _ => return None,
        },
        _ => return None,
    })
}

/// Checks a `HostCall` against its row: argument and result classes.
pub fn check(types: &TypeTable, f: HostFn, args: &[Handle<Type>], result: Handle<Type>) -> Result<(), String> {
    let info = f.rt().info();
    let ok_args = args.len() == info.params.len() && args.iter().zip(info.params).all(|(&a, p)| abi_class(types, a) == Some(*p));
    let ok_result = match info.returns {
        Returns::Unit => matches!(types.get(result), Type::Unit),
        Returns::Never => matches!(types.get(result), Type::Never),
        Returns::Value(t) => abi_class(types, result) == Some(t),
    };
    if ok_args && ok_result {
        Ok(())
    } else {
        Err(format!("HostCall({f:?}) does not match the signature of `{}`", info.name))
    }
}
