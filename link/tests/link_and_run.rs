//! Builds executables from a descriptor object, a C stub and the shim
//! staticlib, with every linker and link path this machine has:
//! `llvm-objdump-19 --offloading` must list the PTX image, the registered
//! kernel must run in host fallback with the right args and ctx, the
//! pre-linked shim must keep its unwind tables, and a broken cache must fall
//! back to the classic link.

use hybrid_link::system_link::{fast_link_command, link_command, link_in_process, link_with_image};
use hybrid_link::{link_executable, write_offload_object, DeviceImage, ImageKind, LinkOptions, Linker, OffloadEntry};
use object::{Object as _, ObjectSection as _, ObjectSymbol as _};
use std::path::{Path, PathBuf};
use std::process::Command;

const PTX: &str = "//\n.version 8.0\n.target sm_90\n.address_size 64\n.visible .entry saxpy() { ret; }\n";

/// C stand-in for host.o: the fallback entry `hyfb_saxpy` (saxpy over
/// slots [x, x_len, y, y_len, a], also recording the ctx it got) and a main
/// that offloads it the way generated code does.
const MAIN_C: &str = r#"
#include <stdint.h>
#include <string.h>
typedef struct { uint32_t thread_idx[3], block_idx[3], block_dim[3], grid_dim[3]; void *dyn_shared, *shared, *barrier; } ThreadCtx;
typedef struct { uint32_t version, num_args; void **base_ptrs, **ptrs; int64_t *sizes, *types; void **names, **mappers;
                 uint64_t tripcount, flags; uint32_t num_teams[3], thread_limit[3], dyn_cgroup_mem; } KernelArgs;
_Static_assert(sizeof(ThreadCtx) == 72, "ctx"); _Static_assert(sizeof(KernelArgs) == 104, "kargs");
void __tgt_target_data_begin_mapper(void*, int64_t, int32_t, void**, void**, int64_t*, int64_t*, void*, void*);
void __tgt_target_data_end_mapper(void*, int64_t, int32_t, void**, void**, int64_t*, int64_t*, void*, void*);
int __tgt_target_kernel(void*, int64_t, int32_t, int32_t, void*, KernelArgs*);
void hybrid_fmt_str(const char*, size_t); void hybrid_fmt_f64(double, uint64_t); void hybrid_print_flush(int, int);
int hybrid_rt_finish(void);
static uint32_t max_block_seen, max_thread_seen, dims_ok = 1;
void hyfb_saxpy(const uint64_t *args, const ThreadCtx *ctx) {
    const float *x = (const float *)args[0]; uint64_t n = args[1]; float *y = (float *)args[2];
    float a; memcpy(&a, &args[4], 4);
    if (ctx->block_dim[0] != 32 || ctx->grid_dim[0] != 4 || ctx->block_dim[1] != 1 || ctx->grid_dim[2] != 1) dims_ok = 0;
    /* the entry's size (40) is the per-block static shared memory: zeroed, 16-aligned */
    if (!ctx->shared || ((uintptr_t)ctx->shared & 15) || ((const uint64_t *)ctx->shared)[4] != 0) dims_ok = 0;
    uint64_t i = (uint64_t)ctx->block_idx[0] * ctx->block_dim[0] + ctx->thread_idx[0];
    if (i < n) y[i] = a * x[i] + y[i];
}
int main(void) {
    enum { N = 100 };
    float x[N], y[N];
    for (int i = 0; i < N; i++) { x[i] = (float)i; y[i] = 1.0f; }
    float a = 2.0f; uint64_t a_bits = 0; memcpy(&a_bits, &a, 4);
    void *ptrs[5] = { x, (void *)(uint64_t)N, y, (void *)(uint64_t)N, (void *)a_bits };
    int64_t sizes[5] = { N * 4, 0, N * 4, 0, 0 };
    int64_t types[5] = { 0x21, 0x120, 0x23, 0x120, 0x120 };
    __tgt_target_data_begin_mapper(0, -1, 5, ptrs, ptrs, sizes, types, 0, 0);
    KernelArgs k = { 3, 5, ptrs, ptrs, sizes, types, 0, 0, 0, 0, {4, 1, 1}, {32, 1, 1}, 0 };
    __tgt_target_kernel(0, -1, 4, 32, (void *)hyfb_saxpy, &k);
    __tgt_target_data_end_mapper(0, -1, 5, ptrs, ptrs, sizes, types, 0, 0);
    int ok = dims_ok;
    for (int i = 0; i < N; i++) ok &= y[i] == 2.0f * i + 1.0f;
    hybrid_fmt_str("y[99] = ", 8); hybrid_fmt_f64(y[99], 0xFFFFFFFFull); hybrid_print_flush(0, 1);
    /* only the shim and memcpy: what the runtime image offers (no printf) */
    if (ok) hybrid_fmt_str("saxpy ok", 8); else hybrid_fmt_str("saxpy WRONG", 11);
    hybrid_print_flush(0, 1);
    return hybrid_rt_finish();
}
"#;

fn shim_lib() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let lib = root.join("target/release/libhybrid_shim.a");
    assert!(lib.is_file(), "{} is missing: run `cargo build -p hybrid-shim --release` first", lib.display());
    lib
}

/// How `build` links.
#[derive(Clone, Debug)]
enum Mode {
    /// `link_executable` (the fast path with its fallbacks).
    Link(LinkOptions),
    /// Only the classic driver command (`cc ... libhybrid_shim.a`).
    Classic(LinkOptions),
    /// Only the in-process wild link (no fallback to hide its failure).
    InProcess,
    /// Only the placement into the runtime image (no fallback either).
    Image,
}

fn objects(dir: &Path, images: &[DeviceImage]) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    let entries = [OffloadEntry { kernel_name: "saxpy".into(), host_symbol: "hyfb_saxpy".into(), shared_bytes: 40, uses_barrier: false }];
    let desc = dir.join("descriptor.o");
    std::fs::write(&desc, write_offload_object(images, &entries).unwrap()).unwrap();
    let c = dir.join("main.c");
    std::fs::write(&c, MAIN_C).unwrap();
    let main_o = dir.join("main.o");
    let st = Command::new("cc").args(["-c", "-O1", "-o"]).arg(&main_o).arg(&c).status().unwrap();
    assert!(st.success());
    vec![main_o, desc]
}

fn build_with(dir: &Path, images: &[DeviceImage], mode: &Mode, shim: &Path) -> PathBuf {
    let objects = objects(dir, images);
    let exe = dir.join("prog");
    let _ = std::fs::remove_file(&exe);
    match mode {
        Mode::Link(options) => {
            link_executable(&objects, shim, &exe, options).unwrap();
        }
        Mode::InProcess => link_in_process(&objects, shim, &exe, 1).unwrap(),
        Mode::Image => link_with_image(&objects, shim, &exe).unwrap(),
        Mode::Classic(options) => {
            let out = link_command(&objects, shim, &exe, options).output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
    }
    exe
}

fn build(dir: &Path, images: &[DeviceImage], options: &LinkOptions) -> PathBuf {
    build_with(dir, images, &Mode::Link(options.clone()), &shim_lib())
}

/// Every way this machine can link: the default, each installed linker,
/// and the classic driver command.
fn all_modes() -> Vec<(String, Mode)> {
    let mut linkers = vec![Linker::System];
    if hybrid_link::shim_prelink::find_in_path("ld.gold").is_some() {
        linkers.push(Linker::Gold);
    }
    if let Some(dir) = hybrid_link::find_lld() {
        linkers.push(Linker::Lld(dir));
    }
    let mut modes = vec![
        ("default".to_string(), Mode::Link(LinkOptions::default())),
        ("in_process".to_string(), Mode::InProcess),
        ("image".to_string(), Mode::Image),
    ];
    for linker in linkers {
        let name = format!("{linker:?}").to_lowercase().chars().filter(char::is_ascii_alphanumeric).take(6).collect::<String>();
        modes.push((format!("fast_{name}"), Mode::Link(LinkOptions { linker: linker.clone(), threads: 0, fallback: true })));
        modes.push((format!("classic_{name}"), Mode::Classic(LinkOptions { linker, threads: 0, fallback: true })));
    }
    modes
}

fn ptx_image() -> DeviceImage {
    DeviceImage { bytes: PTX.as_bytes().to_vec(), kind: ImageKind::Ptx, triple: "nvptx64-nvidia-cuda".into(), arch: "sm_90".into() }
}

fn test_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(name)
}

#[test]
fn objdump_lists_the_ptx_image_and_every_link_runs() {
    for (name, mode) in all_modes() {
        let exe = build_with(&test_dir(&format!("objdump_{name}")), &[ptx_image()], &mode, &shim_lib());
        let run = run(&exe, "disabled");
        assert!(run.status.success(), "{name}: {}", String::from_utf8_lossy(&run.stderr));
        assert_eq!(String::from_utf8_lossy(&run.stdout), "y[99] = 199\nsaxpy ok\n", "{name}");
        let out = Command::new("llvm-objdump-19").arg("--offloading").arg(&exe).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
        assert!(text.contains("OFFLOADING IMAGE [0]"), "{name}: {text}");
        assert!(text.contains("triple") && text.contains("nvptx64-nvidia-cuda"), "{name}: {text}");
        assert!(text.contains("arch") && text.contains("sm_90"), "{name}: {text}");
        assert!(text.contains("kind") && text.contains("openmp"), "{name}: {text}");
    }
}

fn run(exe: &Path, offload: &str) -> std::process::Output {
    let mut cmd = Command::new(exe);
    cmd.env("HYBRID_OFFLOAD", offload).env("HYBRID_INFO", "1").env_remove("RUST_BACKTRACE");
    hybrid_link::start_fresh_executable(|| cmd.output()).unwrap()
}

#[test]
fn registered_kernel_runs_in_host_fallback() {
    let exe = build(&test_dir("fallback"), &[ptx_image()], &LinkOptions::default());
    let out = run(&exe, "disabled");
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert_eq!(stdout, "y[99] = 199\nsaxpy ok\n", "{stderr}");
    assert!(stderr.contains("hybrid: info: registered 1 device image(s) and 1 kernel(s)"), "{stderr}");
    assert!(stderr.contains("launch `saxpy` on host fallback (HYBRID_OFFLOAD=disabled)"), "{stderr}");

    // No GPU here: default falls back, mandatory is an error.
    let out = run(&exe, "default");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "y[99] = 199\nsaxpy ok\n");
    let out = run(&exe, "mandatory");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !Path::new("/dev/nvidia0").exists() {
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("hybrid: error: HYBRID_OFFLOAD=mandatory but no usable GPU: "), "{stderr}");
    }
}

#[test]
fn zero_images_still_register_and_fall_back() {
    let exe = build(&test_dir("no_images"), &[], &LinkOptions::default());
    let out = run(&exe, "default");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "y[99] = 199\nsaxpy ok\n");
    assert!(stderr.contains("registered 0 device image(s) and 1 kernel(s)"), "{stderr}");
}

/// The `.eh_frame_hdr` search table of an executable: each FDE's initial
/// location (as a virtual address). Assumes the encodings every linker
/// writes: eh_frame_ptr pcrel|sdata4, fde_count udata4, table datarel|sdata4.
fn fde_starts(file: &object::File) -> Vec<u64> {
    let hdr = file.section_by_name(".eh_frame_hdr").expect(".eh_frame_hdr");
    let (base, data) = (hdr.address(), hdr.data().unwrap());
    assert_eq!(&data[..4], &[1, 0x1b, 0x03, 0x3b], "unexpected .eh_frame_hdr encodings");
    let count = u32::from_le_bytes(data[8..12].try_into().unwrap()) as usize;
    (0..count)
        .map(|i| {
            let at = 12 + i * 8;
            let rel = i32::from_le_bytes(data[at..at + 4].try_into().unwrap());
            base.wrapping_add(rel as i64 as u64)
        })
        .collect()
}

#[test]
fn prelinked_shim_is_small_and_keeps_unwind_tables() {
    let shim = shim_lib();
    let prelinked = hybrid_link::prelinked_shim(&shim).expect("GNU ld can pre-link the shim");
    let size = std::fs::metadata(&prelinked).unwrap().len();
    assert!(size < 4 << 20, "pre-linked shim is {size} bytes");
    // The exports stay global; std's symbols are local.
    let bytes = std::fs::read(&prelinked).unwrap();
    let obj = object::File::parse(&*bytes).unwrap();
    let globals: Vec<String> =
        obj.symbols().filter(|s| s.is_global() && s.is_definition()).map(|s| s.name().unwrap().to_string()).collect();
    assert!(globals.iter().all(|n| n.starts_with("hybrid_") || n.starts_with("__tgt_")), "{globals:?}");
    assert!(globals.iter().any(|n| n == "__tgt_target_kernel"), "{globals:?}");

    let dir = test_dir("prelinked");
    let objects = objects(&dir, &[ptx_image()]);
    let exe = dir.join("prog");
    let cmd = fast_link_command(&objects, &shim, &exe, &LinkOptions::default());
    assert!(cmd.get_args().any(|a| a == prelinked.as_os_str()), "{cmd:?}");
    link_executable(&objects, &shim, &exe, &LinkOptions::default()).unwrap();
    // Panics inside the shim unwind to its `catch_unwind` guards: every
    // exported function must start an FDE.
    let bytes = std::fs::read(&exe).unwrap();
    let file = object::File::parse(&*bytes).unwrap();
    let starts = fde_starts(&file);
    for name in ["__tgt_target_kernel", "__tgt_register_lib", "__tgt_target_data_begin_mapper", "hybrid_print_flush"] {
        let sym = file.symbols().find(|s| s.name() == Ok(name)).unwrap_or_else(|| panic!("{name} in the executable"));
        assert!(starts.contains(&sym.address()), "no FDE starts at {name} ({:#x})", sym.address());
    }
}

#[test]
fn a_broken_cache_falls_back_to_the_classic_link() {
    // A private copy of the shim, so its cache is private too.
    let dir = test_dir("broken_cache");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let shim = dir.join("libhybrid_shim.a");
    std::fs::copy(shim_lib(), &shim).unwrap();
    let prelinked = hybrid_link::prelinked_shim(&shim).unwrap();
    assert!(prelinked.starts_with(dir.join("hybridc-cache")), "{}", prelinked.display());
    std::fs::write(&prelinked, b"not an object").unwrap();
    let exe = build_with(&dir.join("build"), &[ptx_image()], &Mode::Link(LinkOptions::default()), &shim);
    let out = run(&exe, "disabled");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "y[99] = 199\nsaxpy ok\n");
}
