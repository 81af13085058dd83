//! The binary layouts and constants shared with generated code, mirrored by
//! hand from `ir/src/abi.rs` (the shim depends on no compiler crate; the
//! lead's cross-check test keeps both sides in agreement) and from LLVM 19's
//! offload runtime ABI (`__tgt_offload_entry`, `__tgt_device_image`,
//! `__tgt_bin_desc`, `KernelArgsTy`).

use std::ffi::{c_char, c_void};

// ---- offload map types (ir/src/abi.rs: MAP_*) ----
pub const MAP_TO: i64 = 0x01;
pub const MAP_FROM: i64 = 0x02;
pub const MAP_TARGET_PARAM: i64 = 0x20;
pub const MAP_LITERAL: i64 = 0x100;

/// `KernelArgsTy::Version` generated code emits (ir/src/abi.rs: KERNEL_ARGS_VERSION).
pub const KERNEL_ARGS_VERSION: u32 = 3;

// ---- panic codes of `hybrid_panic_msg` (ir/src/abi.rs: PANIC_*) ----
pub const PANIC_DIV_ZERO: i32 = 0;
pub const PANIC_REM_ZERO: i32 = 1;
pub const PANIC_DIV_OVERFLOW: i32 = 2;
pub const PANIC_REM_OVERFLOW: i32 = 3;
pub const PANIC_TRAP: i32 = 4;

/// Bit of `OffloadEntry::flags` (ir/src/abi.rs: ENTRY_FLAG_USES_BARRIER): the
/// kernel may call `sync_threads`, so the host fallback runs its blocks with
/// one OS thread per block thread; without it, sequentially. CUDA ignores it.
pub const ENTRY_FLAG_USES_BARRIER: i32 = 1 << 16;

/// LLVM 19 `__tgt_offload_entry` (32 bytes). `addr` is the kernel's
/// host-fallback entry (the region id), `name` its symbol in the device image.
/// `size` is the kernel's static block-shared bytes for the host fallback;
/// `flags` holds `ENTRY_FLAG_USES_BARRIER` or 0. CUDA ignores both.
#[repr(C)]
#[derive(Debug)]
pub struct OffloadEntry {
    pub addr: *mut c_void,
    pub name: *const c_char,
    pub size: usize,
    pub flags: i32,
    pub reserved: i32,
}

/// LLVM 19 `__tgt_device_image` (32 bytes).
#[repr(C)]
#[derive(Debug)]
pub struct DeviceImage {
    pub image_start: *mut c_void,
    pub image_end: *mut c_void,
    pub entries_begin: *mut OffloadEntry,
    pub entries_end: *mut OffloadEntry,
}

/// LLVM 19 `__tgt_bin_desc` (32 bytes).
#[repr(C)]
#[derive(Debug)]
pub struct BinDesc {
    pub num_images: i32,
    pub images: *mut DeviceImage,
    pub host_entries_begin: *mut OffloadEntry,
    pub host_entries_end: *mut OffloadEntry,
}

/// LLVM 19 `KernelArgsTy`, version 3: 104 bytes
/// (ir/src/abi.rs: KERNEL_ARGS_SIZE and the `kernel_args` offsets).
#[repr(C)]
#[derive(Debug)]
pub struct KernelArgs {
    pub version: u32,
    pub num_args: u32,
    pub arg_base_ptrs: *mut *mut c_void,
    pub arg_ptrs: *mut *mut c_void,
    pub arg_sizes: *mut i64,
    pub arg_types: *mut i64,
    pub arg_names: *mut *mut c_void,
    pub arg_mappers: *mut *mut c_void,
    pub tripcount: u64,
    pub flags: u64,
    pub num_teams: [u32; 3],
    pub thread_limit: [u32; 3],
    pub dyn_cgroup_mem: u32,
}

/// The per-thread context a host-fallback entry receives
/// (ir/src/abi.rs: `thread_ctx`, 72 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct ThreadCtx {
    pub thread_idx: [u32; 3],
    pub block_idx: [u32; 3],
    pub block_dim: [u32; 3],
    pub grid_dim: [u32; 3],
    /// The launch's `dyn_cache` bytes, one allocation per block (null if 0).
    pub dyn_shared: *mut u8,
    /// Static block-shared memory, one allocation per block (null if none).
    pub shared: *mut u8,
    /// The block's `fallback::BlockSync`, used by `hybrid_fb_sync_threads`.
    pub barrier: *mut u8,
}

/// A kernel's host-fallback entry: `extern "C" fn(args, ctx)`, where `args`
/// are the kernel's flattened 8-byte slots (`KernelArgsTy::ArgPtrs`).
pub type FallbackEntry = unsafe extern "C" fn(args: *const u64, ctx: *const ThreadCtx);

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::{offset_of, size_of};

    #[test]
    fn offload_structs_match_llvm_19() {
        assert_eq!(size_of::<OffloadEntry>(), 32);
        assert_eq!(offset_of!(OffloadEntry, size), 16);
        assert_eq!(offset_of!(OffloadEntry, flags), 24);
        assert_eq!(size_of::<DeviceImage>(), 32);
        assert_eq!(size_of::<BinDesc>(), 32);
        assert_eq!(offset_of!(BinDesc, images), 8);
        assert_eq!(offset_of!(BinDesc, host_entries_end), 24);
    }

    #[test]
    fn kernel_args_layout_matches_ir_abi() {
        assert_eq!(size_of::<KernelArgs>(), 104);
        assert_eq!(offset_of!(KernelArgs, version), 0);
        assert_eq!(offset_of!(KernelArgs, num_args), 4);
        assert_eq!(offset_of!(KernelArgs, arg_base_ptrs), 8);
        assert_eq!(offset_of!(KernelArgs, arg_ptrs), 16);
        assert_eq!(offset_of!(KernelArgs, arg_sizes), 24);
        assert_eq!(offset_of!(KernelArgs, arg_types), 32);
        assert_eq!(offset_of!(KernelArgs, arg_names), 40);
        assert_eq!(offset_of!(KernelArgs, arg_mappers), 48);
        assert_eq!(offset_of!(KernelArgs, tripcount), 56);
        assert_eq!(offset_of!(KernelArgs, flags), 64);
        assert_eq!(offset_of!(KernelArgs, num_teams), 72);
        assert_eq!(offset_of!(KernelArgs, thread_limit), 84);
        assert_eq!(offset_of!(KernelArgs, dyn_cgroup_mem), 96);
    }

    #[test]
    fn thread_ctx_layout_matches_ir_abi() {
        assert_eq!(size_of::<ThreadCtx>(), 72);
        assert_eq!(offset_of!(ThreadCtx, thread_idx), 0);
        assert_eq!(offset_of!(ThreadCtx, block_idx), 12);
        assert_eq!(offset_of!(ThreadCtx, block_dim), 24);
        assert_eq!(offset_of!(ThreadCtx, grid_dim), 36);
        assert_eq!(offset_of!(ThreadCtx, dyn_shared), 48);
        assert_eq!(offset_of!(ThreadCtx, shared), 56);
        assert_eq!(offset_of!(ThreadCtx, barrier), 64);
    }
}
