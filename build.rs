//! Links the hybridc binary for a fast start: position-dependent (LLVM's
//! ~130 000 dynamic relocations would otherwise be applied at every start,
//! ~1 200 page faults, ~8 ms of a seed build) and with libstdc++ linked
//! statically (LLVM's ~3 900 RTTI vtable pointers into a shared libstdc++
//! are dynamic relocations that dirty ~480 pages of `.data.rel.ro` at every
//! start), with the functions a start and a small build run placed together
//! (`src/startup.order`); and hands `--version` the Cranelift version from
//! Cargo.lock (`HYBRID_CRANELIFT_VERSION`).
use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rustc-link-arg-bin=hybridc=-no-pie");
    println!("cargo:rerun-if-changed=Cargo.lock");
    link_libstdcxx_statically();
    order_startup_functions();
    let lock = std::fs::read_to_string("Cargo.lock").unwrap_or_default();
    let version = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"cranelift-codegen\""))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")))
        .map(|v| v.trim_end_matches('"').to_string())
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=HYBRID_CRANELIFT_VERSION={version}");
}

/// llvm-sys asks for `-lstdc++`; a search directory that holds only the
/// compiler's `libstdc++.a` (searched before the system directories) makes
/// the linker take the archive. Without a `libstdc++.a` (no g++ installed)
/// the shared library is used as before.
fn link_libstdcxx_statically() {
    let Some(archive) = Command::new("cc")
        .arg("-print-file-name=libstdc++.a")
        .output()
        .ok()
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
        .filter(|p| p.is_absolute() && p.exists())
    else {
        println!("cargo:warning=no libstdc++.a found: hybridc links libstdc++ dynamically (slower start)");
        return;
    };
    let dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("static-libstdcxx");
    let link = dir.join("libstdc++.a");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::remove_file(&link);
    if std::os::unix::fs::symlink(&archive, &link).is_err() {
        println!("cargo:warning=could not link {}: hybridc links libstdc++ dynamically", archive.display());
        return;
    }
    println!("cargo:rustc-link-search=native={}", dir.display());
}

/// Hands `src/startup.order` (see `scripts/startup_order.sh`) to the linker
/// when it is lld: rustc links with its own lld on x86_64 Linux since 1.90,
/// unless RUSTFLAGS choose another linker. The order is only a layout hint.
fn order_startup_functions() {
    println!("cargo:rerun-if-changed=src/startup.order");
    println!("cargo:rerun-if-env-changed=HYBRID_NO_STARTUP_ORDER");
    let target = std::env::var("TARGET").unwrap_or_default();
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let chose_linker = ["linker", "link-self-contained", "fuse-ld"].iter().any(|f| flags.contains(f));
    if target != "x86_64-unknown-linux-gnu" || chose_linker || std::env::var_os("HYBRID_NO_STARTUP_ORDER").is_some() {
        return;
    }
    if rustc_minor_version().is_none_or(|minor| minor < 90) {
        return;
    }
    let order = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("src/startup.order");
    if order.exists() {
        println!("cargo:rustc-link-arg-bin=hybridc=-Wl,--symbol-ordering-file={}", order.display());
        println!("cargo:rustc-link-arg-bin=hybridc=-Wl,--no-warn-symbol-ordering");
    }
}

/// The `Y` of rustc `1.Y.Z`.
fn rustc_minor_version() -> Option<u32> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = Command::new(rustc).arg("--version").output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.split_whitespace().nth(1)?.split('.').nth(1)?.parse().ok()
}
