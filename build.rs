//! Links the hybridc binary as a position-dependent executable: LLVM's
//! ~130 000 dynamic relocations would otherwise be applied at every start
//! (~1 200 page faults, ~8 ms of a seed build); and hands `--version` the
//! Cranelift version from Cargo.lock (`HYBRID_CRANELIFT_VERSION`).
fn main() {
    println!("cargo:rustc-link-arg-bin=hybridc=-no-pie");
    println!("cargo:rerun-if-changed=Cargo.lock");
    let lock = std::fs::read_to_string("Cargo.lock").unwrap_or_default();
    let version = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"cranelift-codegen\""))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")))
        .map(|v| v.trim_end_matches('"').to_string())
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=HYBRID_CRANELIFT_VERSION={version}");
}
