//! Cross-checks the two hand-written sides of the shim ABI: the constants and
//! layouts generated code relies on (`hybrid_ir::abi`) against the shim's
//! mirrored definitions (`hybrid_shim::abi`), which cannot share code.

use std::mem::{offset_of, size_of};

use hybrid_ir::abi as ir;
use hybrid_shim::abi as shim;

#[test]
fn map_types_and_panic_codes_agree() {
    assert_eq!(ir::MAP_TO, shim::MAP_TO);
    assert_eq!(ir::MAP_FROM, shim::MAP_FROM);
    assert_eq!(ir::MAP_TARGET_PARAM, shim::MAP_TARGET_PARAM);
    assert_eq!(ir::MAP_LITERAL, shim::MAP_LITERAL);
    assert_eq!(ir::KERNEL_ARGS_VERSION, shim::KERNEL_ARGS_VERSION);
    assert_eq!(ir::PANIC_DIV_ZERO, shim::PANIC_DIV_ZERO);
    assert_eq!(ir::PANIC_REM_ZERO, shim::PANIC_REM_ZERO);
    assert_eq!(ir::PANIC_DIV_OVERFLOW, shim::PANIC_DIV_OVERFLOW);
    assert_eq!(ir::PANIC_REM_OVERFLOW, shim::PANIC_REM_OVERFLOW);
    assert_eq!(ir::PANIC_TRAP, shim::PANIC_TRAP);
}

#[test]
fn kernel_args_layout_agrees() {
    use ir::kernel_args as k;
    assert_eq!(size_of::<shim::KernelArgs>(), ir::KERNEL_ARGS_SIZE as usize);
    assert_eq!(offset_of!(shim::KernelArgs, version), k::VERSION as usize);
    assert_eq!(offset_of!(shim::KernelArgs, num_args), k::NUM_ARGS as usize);
    assert_eq!(offset_of!(shim::KernelArgs, arg_base_ptrs), k::ARG_BASE_PTRS as usize);
    assert_eq!(offset_of!(shim::KernelArgs, arg_ptrs), k::ARG_PTRS as usize);
    assert_eq!(offset_of!(shim::KernelArgs, arg_sizes), k::ARG_SIZES as usize);
    assert_eq!(offset_of!(shim::KernelArgs, arg_types), k::ARG_TYPES as usize);
    assert_eq!(offset_of!(shim::KernelArgs, arg_names), k::ARG_NAMES as usize);
    assert_eq!(offset_of!(shim::KernelArgs, arg_mappers), k::ARG_MAPPERS as usize);
    assert_eq!(offset_of!(shim::KernelArgs, tripcount), k::TRIPCOUNT as usize);
    assert_eq!(offset_of!(shim::KernelArgs, flags), k::FLAGS as usize);
    assert_eq!(offset_of!(shim::KernelArgs, num_teams), k::NUM_TEAMS as usize);
    assert_eq!(offset_of!(shim::KernelArgs, thread_limit), k::THREAD_LIMIT as usize);
    assert_eq!(offset_of!(shim::KernelArgs, dyn_cgroup_mem), k::DYN_CGROUP_MEM as usize);
}

#[test]
fn thread_ctx_layout_agrees() {
    use ir::thread_ctx as t;
    assert_eq!(size_of::<shim::ThreadCtx>(), t::SIZE as usize);
    assert_eq!(offset_of!(shim::ThreadCtx, thread_idx), t::THREAD_IDX as usize);
    assert_eq!(offset_of!(shim::ThreadCtx, block_idx), t::BLOCK_IDX as usize);
    assert_eq!(offset_of!(shim::ThreadCtx, block_dim), t::BLOCK_DIM as usize);
    assert_eq!(offset_of!(shim::ThreadCtx, grid_dim), t::GRID_DIM as usize);
    assert_eq!(offset_of!(shim::ThreadCtx, dyn_shared), t::DYN_SHARED as usize);
    assert_eq!(offset_of!(shim::ThreadCtx, shared), t::SHARED as usize);
    assert_eq!(offset_of!(shim::ThreadCtx, barrier), t::BARRIER as usize);
}

#[test]
fn offload_structs_have_llvm19_sizes() {
    assert_eq!(size_of::<shim::OffloadEntry>(), 32);
    assert_eq!(size_of::<shim::DeviceImage>(), 32);
    assert_eq!(size_of::<shim::BinDesc>(), 32);
}

#[test]
fn offload_entry_flags_agree() {
    assert_eq!(ir::ENTRY_FLAG_USES_BARRIER, shim::ENTRY_FLAG_USES_BARRIER);
    assert_eq!(ir::ENTRY_FLAG_USES_BARRIER, hybrid_link::descriptor::ENTRY_FLAG_USES_BARRIER);
    assert_eq!(offset_of!(shim::OffloadEntry, flags), 24);
}

#[test]
fn fmt_spec_encoding_round_trips_through_the_shim() {
    use hybrid_ir::{FmtAlign, FmtKind, FmtSpec};
    let spec = FmtSpec { kind: FmtKind::Display, width: Some(9), precision: Some(3), align: FmtAlign::Center, zero_pad: false, plus: true };
    let decoded = hybrid_shim::fmt::Spec::decode(ir::encode_fmt_spec(&spec));
    assert_eq!(decoded.width, 9);
    assert_eq!(decoded.precision, Some(3));
    assert_eq!(decoded.align, 3);
    assert_eq!(decoded.kind, 0);
    assert!(decoded.plus && !decoded.zero_pad);
    assert_eq!(hybrid_shim::fmt::format_value(2.5f64, decoded), format!("{:^+9.3}", 2.5f64));
    let debug = FmtSpec { kind: FmtKind::Debug, ..FmtSpec::default() };
    let decoded = hybrid_shim::fmt::Spec::decode(ir::encode_fmt_spec(&debug));
    assert_eq!(hybrid_shim::fmt::format_value(1.0f64, decoded), "1.0");
    let exp = FmtSpec { kind: FmtKind::LowerExp, zero_pad: true, width: Some(10), ..FmtSpec::default() };
    let decoded = hybrid_shim::fmt::Spec::decode(ir::encode_fmt_spec(&exp));
    assert_eq!(hybrid_shim::fmt::format_value(-1234.5f64, decoded), format!("{:010e}", -1234.5f64));
}

/// Every external function host code may call is either exported by the
/// shim or reachable through an import slot of the runtime image, so that
/// placing a program into the image never meets an unknown symbol.
#[test]
fn the_runtime_image_provides_every_runtime_function() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let archive = std::fs::read(root.join("target/release/libhybrid_shim.a")).expect("the shim staticlib is built");
    let exports = hybrid_link::shim_prelink::shim_exports(&archive).unwrap();
    let imports = hybrid_link::runtime_image::IMAGE_IMPORTS;
    let mut count = 0;
    for name in hybrid_host::external_symbols() {
        count += 1;
        let exported = exports.iter().any(|e| e == name);
        let imported = imports.contains(&name);
        assert!(exported != imported, "`{name}`: exported by the shim: {exported}, an image import: {imported}");
    }
    assert!(count > 40, "only {count} runtime functions");
}
