#!{feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Mutant 528 (tests/diff crash_mutants): `#!{..]` on the first line is a shebang line to
// syn and rustc; the concatenated program + library text did not skip it (internal
// compiler error).
fn main() {
}
