//! The final link: host objects + the offload descriptor + the shim staticlib
//! into an executable, through the system C compiler driver (`cc`, or
//! `$HYBRID_CC`), with lld when it is installed.

use crate::LinkError;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The native libraries the shim staticlib needs, from
/// `cargo rustc -p hybrid-shim --release -- --print native-static-libs`.
pub const SHIM_NATIVE_LIBS: &[&str] = &["-lgcc_s", "-lutil", "-lrt", "-lpthread", "-lm", "-ldl", "-lc"];

/// Where LLVM 19's lld lives on Debian.
const LLVM_BIN_DIRS: &[&str] = &["/usr/lib/llvm-19/bin"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Linker {
    /// `ld.lld` in this directory, used as `cc -fuse-ld=lld -B<dir>`.
    Lld(PathBuf),
    /// Whatever `cc` uses by default (GNU ld).
    System,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkOptions {
    pub linker: Linker,
}

impl Default for LinkOptions {
    /// lld when found, else the system linker.
    fn default() -> LinkOptions {
        LinkOptions { linker: find_lld().map_or(Linker::System, Linker::Lld) }
    }
}

/// The directory holding `ld.lld` (LLVM 19's first, then `$PATH`).
pub fn find_lld() -> Option<PathBuf> {
    let llvm = LLVM_BIN_DIRS.iter().map(PathBuf::from);
    let path = std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect::<Vec<_>>()).unwrap_or_default();
    llvm.chain(path).find(|dir| dir.join("ld.lld").is_file())
}

/// The command `link_executable` runs.
pub fn link_command(objects: &[PathBuf], shim_lib: &Path, output: &Path, options: &LinkOptions) -> Command {
    let cc = std::env::var_os("HYBRID_CC").unwrap_or_else(|| "cc".into());
    let mut cmd = Command::new(cc);
    if let Linker::Lld(dir) = &options.linker {
        cmd.arg("-fuse-ld=lld").arg(format!("-B{}", dir.display()));
    }
    cmd.arg("-o").arg(output);
    cmd.args(objects);
    cmd.arg(shim_lib);
    // Generated code carries no debug info; dropping the runtime's (Rust
    // std's) makes executables ~10x smaller and the link faster.
    cmd.arg("-Wl,--gc-sections").arg("-Wl,--strip-debug");
    cmd.args(SHIM_NATIVE_LIBS);
    cmd
}

/// Link `objects` and the shim staticlib into the executable `output`.
pub fn link_executable(objects: &[PathBuf], shim_lib: &Path, output: &Path, options: &LinkOptions) -> Result<(), LinkError> {
    if !shim_lib.is_file() {
        return Err(LinkError::InvalidInput(format!(
            "the shim library {} does not exist (build it with `cargo build -p hybrid-shim --release`)",
            shim_lib.display()
        )));
    }
    let mut cmd = link_command(objects, shim_lib, output, options);
    let shown = format!("{cmd:?}");
    let program = cmd.get_program().to_string_lossy().into_owned();
    let out = cmd.output().map_err(|source| LinkError::Spawn { program, source })?;
    if !out.status.success() {
        return Err(LinkError::LinkerFailed {
            command: shown,
            status: out.status.to_string(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        });
    }
    Ok(())
}
