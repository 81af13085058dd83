//! The contract between generated code and the shim: symbol names, kernel
//! parameter flattening, offload map types, the fallback thread context and
//! the runtime functions ([`runtime`]: one table of every external function
//! generated code calls). `shim/` mirrors these by hand (it depends on no
//! compiler crate); `tests/abi.rs` checks that both sides agree, signatures
//! included.

pub mod runtime;

pub use runtime::{AbiType, Caller, Provider, Returns, Rt, RuntimeFn, RUNTIME};

use crate::arena::Handle;
use crate::func::{FmtAlign, FmtKind, FmtSpec, Function, FunctionKind, Module};
use crate::types::{Scalar, Type, TypeTable};

// ---- offload map types (LLVM's OpenMPOffloadMappingFlags) ----
pub const MAP_TO: i64 = 0x01;
pub const MAP_FROM: i64 = 0x02;
pub const MAP_TARGET_PARAM: i64 = 0x20;
pub const MAP_LITERAL: i64 = 0x100;

/// `KernelArgsTy::Version` we emit.
pub const KERNEL_ARGS_VERSION: u32 = 3;
/// Size of LLVM 19's `KernelArgsTy` in bytes (100 rounded up to its 8-byte
/// alignment), and the offsets of its fields.
pub const KERNEL_ARGS_SIZE: u32 = 104;
pub mod kernel_args {
    pub const VERSION: i32 = 0; // u32
    pub const NUM_ARGS: i32 = 4; // u32
    pub const ARG_BASE_PTRS: i32 = 8; // void**
    pub const ARG_PTRS: i32 = 16; // void**
    pub const ARG_SIZES: i32 = 24; // i64*
    pub const ARG_TYPES: i32 = 32; // i64*
    pub const ARG_NAMES: i32 = 40; // void**
    pub const ARG_MAPPERS: i32 = 48; // void**
    pub const TRIPCOUNT: i32 = 56; // u64
    pub const FLAGS: i32 = 64; // u64
    pub const NUM_TEAMS: i32 = 72; // u32[3]
    pub const THREAD_LIMIT: i32 = 84; // u32[3]
    pub const DYN_CGROUP_MEM: i32 = 96; // u32, then 4 bytes of padding
}

// ---- panic locations ----
/// The place a run-time panic names, as rustc's `core::panic::Location`
/// (`#[repr(C)]`, 24 bytes): `file: *const u8` at 0 and `file_len: usize`
/// at 8 (the file name's UTF-8 bytes), `line: u32` at 16, `col: u32` at 20.
/// Generated code keeps one read-only record per panic site and passes its
/// address to the panic functions, so a site costs one address and a call.
pub mod location {
    pub const FILE: u32 = 0;
    pub const FILE_LEN: u32 = 8;
    pub const LINE: u32 = 16;
    pub const COL: u32 = 20;
    pub const SIZE: u32 = 24;
    pub const ALIGN: u32 = 8;
}

// ---- panic codes of `Rt::PanicMsg` ----
pub const PANIC_DIV_ZERO: i32 = 0; // "attempt to divide by zero"
pub const PANIC_REM_ZERO: i32 = 1; // "attempt to calculate the remainder with a divisor of zero"
pub const PANIC_DIV_OVERFLOW: i32 = 2; // "attempt to divide with overflow"
pub const PANIC_REM_OVERFLOW: i32 = 3; // "attempt to calculate the remainder with overflow"
pub const PANIC_TRAP: i32 = 4; // "explicit trap"

// ---- offload entries (`__tgt_offload_entry::flags`) ----
/// Bit of an offload entry's `flags`: the kernel (or something it calls) may
/// execute `Intrinsic::SyncThreads` (`analysis::kernel_may_sync`). The shim's
/// host fallback then runs each block with one OS thread per block thread (a
/// real barrier); without it, a block's threads run one after another. CUDA
/// ignores the bit. LLVM 19 uses no flag bits for kernel entries (0), so this
/// high bit does not collide with `OMP_DECLARE_TARGET_*` values.
pub const ENTRY_FLAG_USES_BARRIER: i32 = 1 << 16;

// ---- host fallback ----
/// The per-thread context a fallback entry receives (`#[repr(C)]`, 72 bytes):
/// `thread_idx[3], block_idx[3], block_dim[3], grid_dim[3]: u32` at 0, 12, 24, 36;
/// `dyn_shared: *mut u8` at 48; `shared: *mut u8` at 56; `barrier: *mut u8` at 64.
pub mod thread_ctx {
    pub const THREAD_IDX: i32 = 0;
    pub const BLOCK_IDX: i32 = 12;
    pub const BLOCK_DIM: i32 = 24;
    pub const GRID_DIM: i32 = 36;
    pub const DYN_SHARED: i32 = 48;
    pub const SHARED: i32 = 56;
    pub const BARRIER: i32 = 64;
    pub const SIZE: i32 = 72;
}

/// Symbol of a function compiled for the host.
pub fn host_symbol(module: &Module, func: Handle<Function>) -> String {
    let f = &module.functions[func];
    if module.entry == Some(func) {
        return "hybrid_user_main".to_string();
    }
    format!("hy_{}", sanitize(&f.name))
}

/// Symbol of a device-side function compiled for host fallback. Such a
/// function takes a hidden first parameter `ctx: *const ThreadCtx`. For a
/// kernel this is the fallback entry: `extern "C" fn(args: *const u64,
/// ctx: *const ThreadCtx)`, where `args` are the kernel's flattened slots.
/// The kernel's entry address doubles as the offload region id.
pub fn fallback_symbol(module: &Module, func: Handle<Function>) -> String {
    format!("hyfb_{}", sanitize(&module.functions[func].name))
}

/// Symbol in the PTX image: a kernel keeps its Rust name (it is the offload
/// entry name); other device functions get a prefix.
pub fn device_symbol(module: &Module, func: Handle<Function>) -> String {
    let f = &module.functions[func];
    match f.kind {
        FunctionKind::Kernel => sanitize(&f.name),
        FunctionKind::Normal => format!("hyd_{}", sanitize(&f.name)),
    }
}

fn sanitize(name: &str) -> String {
    name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect()
}

/// One flattened kernel argument slot: one entry of the offload argument
/// arrays, one 8-byte word of the fallback `args`, one PTX `.param`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KernelSlot {
    /// A scalar by value (`MAP_LITERAL`), its bits in the low bytes of the word.
    Scalar(Scalar),
    /// A thin pointer to `bytes` bytes, copied to the device, and back if `from`.
    Pointer { bytes: u64, from: bool },
    /// The data pointer of a slice ref; the byte size is `len * elem_size`,
    /// where `len` is the next slot.
    SliceData { elem_size: u64, from: bool },
    /// The length of the slice in the previous slot (`usize`, by value).
    SliceLen,
    /// A struct, tuple or array passed by value (plain data: no pointers
    /// inside): a pointer to a copy of its `bytes` bytes, copied to the
    /// device (`MAP_TO`, as rustc maps aggregates); the kernel reads its
    /// parameter from there.
    Value { bytes: u64 },
}

impl KernelSlot {
    pub fn map_type(self) -> i64 {
        match self {
            KernelSlot::Scalar(_) | KernelSlot::SliceLen => MAP_LITERAL | MAP_TARGET_PARAM,
            KernelSlot::Pointer { from, .. } | KernelSlot::SliceData { from, .. } => {
                MAP_TARGET_PARAM | MAP_TO | if from { MAP_FROM } else { 0 }
            }
            KernelSlot::Value { .. } => MAP_TARGET_PARAM | MAP_TO,
        }
    }
}

/// The slots of one kernel parameter type, or `None` if the type cannot be a
/// kernel parameter (the front end reports that).
pub fn kernel_param_slots(types: &TypeTable, ty: Handle<Type>) -> Option<Vec<KernelSlot>> {
    Some(match types.get(ty) {
        Type::Scalar(s) => vec![KernelSlot::Scalar(*s)],
        Type::Pointer { pointee, mutable, .. } => {
            vec![KernelSlot::Pointer { bytes: types.layout(*pointee).size, from: *mutable }]
        }
        Type::SliceRef { elem, mutable } => {
            vec![KernelSlot::SliceData { elem_size: types.layout(*elem).size, from: *mutable }, KernelSlot::SliceLen]
        }
        Type::Array { .. } | Type::Tuple(_) | Type::Struct(_) if is_plain_data(types, ty) && types.layout(ty).size > 0 => {
            vec![KernelSlot::Value { bytes: types.layout(ty).size }]
        }
        _ => return None,
    })
}

/// Data that means the same on the device as on the host: scalars and
/// aggregates of them, no pointers, slices or `Vec`s inside.
pub fn is_plain_data(types: &TypeTable, ty: Handle<Type>) -> bool {
    match types.get(ty) {
        Type::Scalar(_) | Type::Unit => true,
        Type::Array { elem, .. } => is_plain_data(types, *elem),
        Type::Tuple(_) | Type::Struct(_) => types.field_types(ty).iter().all(|f| is_plain_data(types, *f)),
        _ => false,
    }
}

/// All slots of a kernel, in parameter order.
pub fn kernel_slots(module: &Module, kernel: Handle<Function>) -> Vec<KernelSlot> {
    let f = &module.functions[kernel];
    f.params.iter().flat_map(|&p| kernel_param_slots(&module.types, f.locals[p].ty).unwrap_or_default()).collect()
}

/// Pack a format spec into the `spec: u64` argument of `hybrid_fmt_*`:
/// bits 0..16 width, 16..32 precision, 32..34 align (0 default, 1 left,
/// 2 right, 3 center), 34..36 and 63 kind (the low two bits and the high
/// one of 0 Display, 1 Debug, 2 LowerExp, 3 UpperExp, 4 LowerHex, 5
/// UpperHex, 6 Octal, 7 Binary), bit 36 zero-pad, bit 37 plus, bit 38 a
/// width is given, bit 39 a precision is, bits 40..61 the fill character,
/// bit 61 a fill other than a space is given, bit 62 the `#` flag.
pub fn encode_fmt_spec(spec: &FmtSpec) -> u64 {
    // every u16 is a width or precision (65535 too): presence is its own bit
    let width = spec.width.map_or(0, |w| w as u64 | 1 << 38);
    let precision = spec.precision.map_or(0, |p| (p as u64) << 16 | 1 << 39);
    let align = match spec.align {
        FmtAlign::Default => 0,
        FmtAlign::Left => 1,
        FmtAlign::Right => 2,
        FmtAlign::Center => 3,
    };
    let kind = match spec.kind {
        FmtKind::Display => 0,
        FmtKind::Debug => 1,
        FmtKind::LowerExp => 2,
        FmtKind::UpperExp => 3,
        FmtKind::LowerHex => 4,
        FmtKind::UpperHex => 5,
        FmtKind::Octal => 6,
        FmtKind::Binary => 7,
    };
    let kind = (kind & 3) << 34 | (kind >> 2) << 63;
    let fill = spec.fill.filter(|c| *c != ' ').map_or(0, |c| (c as u64) << 40 | 1 << 61);
    width | precision | align << 32 | kind | (spec.zero_pad as u64) << 36 | (spec.plus as u64) << 37 | fill | (spec.alternate as u64) << 62
}
