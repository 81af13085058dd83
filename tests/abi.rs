//! Cross-checks the two hand-written sides of the shim ABI: the constants,
//! layouts and runtime function signatures generated code relies on
//! (`hybrid_ir::abi`, its runtime table) against the shim's mirrored
//! definitions (`hybrid_shim::abi`) and its `extern "C"` functions (parsed
//! from `shim/src`), which cannot share code.

use std::collections::BTreeMap;
use std::mem::{offset_of, size_of};

use hybrid_ir::abi as ir;
use hybrid_ir::abi::{AbiType, Caller, Provider, Returns, Rt, RUNTIME};
use hybrid_shim::abi as shim;
use quote::ToTokens;

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
    let spec = FmtSpec {
        kind: FmtKind::Display,
        width: Some(9),
        precision: Some(3),
        align: FmtAlign::Center,
        zero_pad: false,
        alternate: false,
        plus: true,
        fill: None,
    };
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
    // the kinds past 3 use the high kind bit; `#` its own
    for (kind, number) in
        [(FmtKind::UpperExp, 3), (FmtKind::LowerHex, 4), (FmtKind::UpperHex, 5), (FmtKind::Octal, 6), (FmtKind::Binary, 7)]
    {
        let spec = FmtSpec { kind, alternate: true, zero_pad: true, width: Some(12), ..FmtSpec::default() };
        let decoded = hybrid_shim::fmt::Spec::decode(ir::encode_fmt_spec(&spec));
        assert_eq!((decoded.kind, decoded.alternate, decoded.width), (number, true, 12));
    }
    let hex = FmtSpec { kind: FmtKind::LowerHex, alternate: true, zero_pad: true, width: Some(10), ..FmtSpec::default() };
    let decoded = hybrid_shim::fmt::Spec::decode(ir::encode_fmt_spec(&hex));
    assert_eq!(hybrid_shim::fmt::format_radix(-42i32 as u32 as u64, decoded), format!("{:#010x}", -42i32));
}

/// Every row of the runtime ABI table is provided where the table says:
/// a [`Provider::Shim`] row by the shim staticlib's exports, a
/// [`Provider::System`] row by an import slot of the runtime image (and
/// not by the shim), so that placing a program never meets an unknown symbol.
#[test]
fn the_runtime_image_provides_every_runtime_function() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let archive = std::fs::read(root.join("target/release/libhybrid_shim.a")).expect("the shim staticlib is built");
    let exports = hybrid_link::shim_prelink::shim_exports(&archive).unwrap();
    let imports = &*hybrid_link::runtime_image::IMAGE_IMPORTS;
    for f in RUNTIME {
        let exported = exports.iter().any(|e| e == f.name);
        let imported = imports.contains(&f.name);
        let expected = (f.provider == Provider::Shim, f.provider == Provider::System);
        assert_eq!((exported, imported), expected, "`{}`: exported by the shim, an image import", f.name);
    }
    assert_eq!(hybrid_cranelift::external_symbols().count(), RUNTIME.len());
    assert!(RUNTIME.len() > 40, "only {} runtime functions", RUNTIME.len());
}

/// Shim exports that generated code never calls (libomptarget's API has them).
const SHIM_EXPORTS_NOT_CALLED: &[&str] = &["__tgt_unregister_lib"];

/// The shim's `#[no_mangle] extern "C"` functions, read from its source with
/// syn: name -> (parameter types, result) in ABI terms.
fn shim_signatures() -> BTreeMap<String, Result<(Vec<AbiType>, Returns), String>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("shim/src");
    let mut sigs = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let file = syn::parse_file(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for item in &file.items {
            let syn::Item::Fn(f) = item else { continue };
            let no_mangle = f.attrs.iter().any(|a| a.path().is_ident("no_mangle") || a.to_token_stream().to_string().contains("no_mangle"));
            let extern_c = f.sig.abi.as_ref().is_some_and(|abi| abi.name.as_ref().is_some_and(|n| n.value() == "C"));
            if no_mangle && extern_c {
                sigs.insert(f.sig.ident.to_string(), abi_signature(&f.sig));
            }
        }
    }
    sigs
}

fn abi_signature(sig: &syn::Signature) -> Result<(Vec<AbiType>, Returns), String> {
    let mut params = Vec::new();
    for input in &sig.inputs {
        match input {
            syn::FnArg::Typed(p) => params.push(abi_type(&p.ty)?),
            syn::FnArg::Receiver(_) => return Err("a method".into()),
        }
    }
    let returns = match &sig.output {
        syn::ReturnType::Default => Returns::Unit,
        syn::ReturnType::Type(_, ty) if matches!(**ty, syn::Type::Never(_)) => Returns::Never,
        syn::ReturnType::Type(_, ty) => Returns::Value(abi_type(ty)?),
    };
    Ok((params, returns))
}

/// The ABI type of a Rust parameter type of the shim.
fn abi_type(ty: &syn::Type) -> Result<AbiType, String> {
    match ty {
        syn::Type::Ptr(_) | syn::Type::Reference(_) => Ok(AbiType::Ptr),
        syn::Type::Path(p) => match p.path.segments.last().map(|s| s.ident.to_string()).as_deref() {
            Some("u8" | "i8" | "bool") => Ok(AbiType::I8),
            Some("u32" | "i32" | "c_int" | "c_uint") => Ok(AbiType::I32),
            Some("u64" | "i64" | "usize" | "isize") => Ok(AbiType::I64),
            Some("u128" | "i128") => Ok(AbiType::I128),
            Some("f32") => Ok(AbiType::F32),
            Some("f64") => Ok(AbiType::F64),
            _ => Err(format!("no ABI type for `{}`", ty.to_token_stream())),
        },
        _ => Err(format!("no ABI type for `{}`", ty.to_token_stream())),
    }
}

/// The shim's `extern "C"` signatures are exactly the table's: every
/// [`Provider::Shim`] row has a shim function with the same parameter and
/// result types, and every shim export is a row (or named as not called).
#[test]
fn shim_signatures_match_the_runtime_abi_table() {
    let shim = shim_signatures();
    let mut problems = Vec::new();
    for f in RUNTIME.iter().filter(|f| f.provider == Provider::Shim) {
        match shim.get(f.name) {
            None => problems.push(format!("`{}` is in the table but the shim does not define it", f.name)),
            Some(Err(e)) => problems.push(format!("`{}` in the shim: {e}", f.name)),
            Some(Ok((params, returns))) => {
                if params.as_slice() != f.params || *returns != f.returns {
                    problems.push(format!(
                        "`{}`: the table says {:?} -> {:?}, the shim has {:?} -> {:?}",
                        f.name, f.params, f.returns, params, returns
                    ));
                }
            }
        }
    }
    for name in shim.keys() {
        if !RUNTIME.iter().any(|f| f.name == name) && !SHIM_EXPORTS_NOT_CALLED.contains(&name.as_str()) {
            problems.push(format!("the shim exports `{name}`, which is not in the runtime ABI table"));
        }
    }
    assert!(problems.is_empty(), "runtime ABI mismatches:\n{}", problems.join("\n"));
    assert!(shim.len() > 20, "only {} shim exports found", shim.len());
}

/// Who calls what: fallback code never calls host-only services (`Vec`,
/// offload, exit), host code never the fallback barrier, only the
/// constructor registers the image.
#[test]
fn runtime_callers_are_consistent() {
    for f in RUNTIME {
        assert!(!f.callers.is_empty(), "`{}` has no caller", f.name);
        if f.called_by(Caller::Codegen) || f.called_by(Caller::Constructor) {
            assert_eq!(f.callers.len(), 1, "`{}`", f.name);
        }
    }
    assert!(Rt::FbSyncThreads.info().called_by(Caller::Fallback) && !Rt::FbSyncThreads.info().called_by(Caller::Host));
    assert!(!Rt::TgtTargetKernel.info().called_by(Caller::Fallback));
    assert_eq!(Rt::TgtRegisterLib.info().callers, &[Caller::Constructor]);
    assert_eq!(Rt::PanicBounds.info().returns, Returns::Never);
}
