//! Links the hybridc binary as a position-dependent executable: LLVM's
//! ~130 000 dynamic relocations would otherwise be applied at every start
//! (~1 200 page faults, ~8 ms of a seed build).
fn main() {
    println!("cargo:rustc-link-arg-bin=hybridc=-no-pie");
}
