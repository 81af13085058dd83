//! hybrid-shim: the runtime every hybridc executable links (staticlib).
//!
//! - Offload ABI (LLVM 19's, as rustc's `gpu_offload` emits it):
//!   `__tgt_register_lib` ([`registry`]), `__tgt_target_data_begin_mapper`,
//!   `__tgt_target_kernel`, `__tgt_target_data_end_mapper` ([`launch`]).
//! - GPU: the CUDA driver loaded with dlopen ([`cuda`]), devices, contexts and
//!   lazily loaded modules ([`device`]), host→device mappings ([`mapping`]),
//!   a cache of device memory ([`pool`]), copies through pinned staging
//!   buffers (`staging`, `copy_team`), GPU time for `HYBRID_INFO` (`timeline`).
//! - Host fallback: the grid on all cores with real barriers ([`fallback`]).
//! - Host runtime helpers: formatting and printing ([`fmt`]), panics
//!   ([`panic`]), `Vec` ([`vec`]), exit ([`rt`]).
//!
//! Layouts and names mirror `ir/src/abi.rs` by hand ([`abi`]); this crate
//! depends on no compiler crate. Environment: `HYBRID_OFFLOAD=default|
//! mandatory|disabled`, `HYBRID_INFO=1`, `HYBRID_STAGING=0` (pageable
//! copies), `HYBRID_DEFAULT_DEVICE=N` (the device of id -1).

// The `unsafe extern "C"` exports are called by generated code with the
// pointers the ABI in ir/src/abi.rs describes; that is their safety contract.
#![allow(clippy::missing_safety_doc)]

pub mod abi;
mod batch;
pub mod clib;
mod copy_team;
pub mod cuda;
pub mod device;
pub mod fallback;
pub mod fmt;
pub mod launch;
pub mod launch_limits;
pub mod mapping;
pub mod panic;
pub mod pool;
pub mod registry;
pub mod rt;
mod stack_overflow;
mod staging;
pub mod strings;
mod timeline;
pub mod vec;
