//! A cubin for the chosen GPU architecture, made by NVIDIA's `ptxas` from
//! the module's PTX, embedded next to the PTX so the driver loads machine
//! code at start-up instead of JIT-compiling. Cubins are cached by the hash
//! of (PTX, arch, ptxas path and size): a rebuild of unchanged kernels does
//! not run ptxas again.

use crate::shim_prelink::{cache_dirs, find_in_path, fnv1a, write_atomically};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The ptxas to use: `HYBRID_PTXAS` if set, else `ptxas` on the PATH.
pub fn find_ptxas() -> Option<PathBuf> {
    match std::env::var_os("HYBRID_PTXAS") {
        Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
        _ => find_in_path("ptxas"),
    }
}

/// The cubin of `ptx` for `arch` (e.g. `sm_90`), from the cache next to
/// `shim_lib` or made by `ptxas -O3`; `Err` carries ptxas's message.
pub fn cubin(ptx: &str, arch: &str, ptxas: &Path, shim_lib: &Path) -> Result<Vec<u8>, String> {
    let size = std::fs::metadata(ptxas).map(|m| m.len()).map_err(|e| format!("cannot run `{}`: {e}", ptxas.display()))?;
    let key = fnv1a(&[ptx.as_bytes(), arch.as_bytes(), ptxas.as_os_str().as_encoded_bytes(), &size.to_le_bytes()]);
    let name = format!("cubin-{key:016x}.cubin");
    let dirs = cache_dirs(shim_lib);
    for dir in &dirs {
        if let Ok(bytes) = std::fs::read(dir.join(&name)) {
            if bytes.starts_with(b"\x7fELF") {
                return Ok(bytes);
            }
        }
    }
    let mut last_err = String::new();
    for dir in &dirs {
        let made = write_atomically(dir, &name, |out| {
            let ptx_path = PathBuf::from(format!("{}.ptx", out.display()));
            std::fs::write(&ptx_path, ptx).map_err(|e| format!("cannot write {}: {e}", ptx_path.display()))?;
            let run = Command::new(ptxas).arg(format!("-arch={arch}")).arg("-O3").arg("-o").arg(out).arg(&ptx_path).output();
            let _ = std::fs::remove_file(&ptx_path);
            let run = run.map_err(|e| format!("cannot run `{}`: {e}", ptxas.display()))?;
            if !run.status.success() {
                return Err(format!("`{} -arch={arch}` failed: {}", ptxas.display(), String::from_utf8_lossy(&run.stderr).trim_end()));
            }
            Ok(())
        });
        match made {
            Ok(path) => return std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display())),
            Err(e) if e.contains("failed:") => return Err(e),
            Err(e) => last_err = e,
        }
    }
    Err(last_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in ptxas (a shell script) that writes an ELF-looking file:
    /// the arguments reach it, the result is cached (a second call does not
    /// run it), and its failure is reported with its stderr.
    #[test]
    fn ptxas_runs_once_per_ptx_and_its_errors_are_reported() {
        let dir = std::env::temp_dir().join(format!("hybrid-cubin-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let log = dir.join("calls");
        let fake = dir.join("ptxas");
        std::fs::write(
            &fake,
            format!(
                "#!/bin/sh\necho \"$@\" >> {log}\nout=\"\"\nwhile [ $# -gt 1 ]; do [ \"$1\" = -o ] && out=\"$2\"; shift; done\ngrep -q bad \"$1\" && {{ echo 'ptxas fatal: bad PTX' >&2; exit 1; }}\nprintf '\\177ELFcubin' > \"$out\"\n",
                log = log.display()
            ),
        )
        .unwrap();
        std::process::Command::new("chmod").arg("+x").arg(&fake).status().unwrap();
        let shim = dir.join("libhybrid_shim.a");
        let a = cubin(".version 8.0\n// good\n", "sm_90", &fake, &shim).unwrap();
        assert_eq!(a, b"\x7fELFcubin");
        let b = cubin(".version 8.0\n// good\n", "sm_90", &fake, &shim).unwrap();
        assert_eq!(a, b);
        let calls = std::fs::read_to_string(&log).unwrap();
        assert_eq!(calls.lines().count(), 1, "cached: {calls}");
        assert!(calls.starts_with("-arch=sm_90 -O3 -o "), "{calls}");
        let err = cubin(".version 8.0\n// bad\n", "sm_90", &fake, &shim).unwrap_err();
        assert!(err.contains("ptxas fatal: bad PTX"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
