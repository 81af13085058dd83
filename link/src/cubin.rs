//! A cubin for the chosen GPU architecture, made by NVIDIA's `ptxas` from
//! the module's PTX, embedded next to the PTX so the driver loads machine
//! code at start-up instead of JIT-compiling. Cubins are cached by the hash
//! of (PTX, arch, ptxas path and size): a rebuild of unchanged kernels does
//! not run ptxas again. A kernel that spills registers under its occupancy
//! hint (`.minnctapersm`, see hybrid-llvm's `annotate_kernel`) is compiled
//! again without it.

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
            let report = run_ptxas(ptxas, arch, ptx, out)?;
            if let Some(relaxed) = without_occupancy_hint(ptx, &spilled_entries(&report)) {
                run_ptxas(ptxas, arch, &relaxed, out)?;
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

/// `ptxas -arch=ARCH -O3 -v` of `ptx` into `out`; its report (`-v` writes
/// each entry's registers and spills to stderr).
fn run_ptxas(ptxas: &Path, arch: &str, ptx: &str, out: &Path) -> Result<String, String> {
    let ptx_path = PathBuf::from(format!("{}.ptx", out.display()));
    std::fs::write(&ptx_path, ptx).map_err(|e| format!("cannot write {}: {e}", ptx_path.display()))?;
    let run = Command::new(ptxas).arg(format!("-arch={arch}")).arg("-O3").arg("-v").arg("-o").arg(out).arg(&ptx_path).output();
    let _ = std::fs::remove_file(&ptx_path);
    let run = run.map_err(|e| format!("cannot run `{}`: {e}", ptxas.display()))?;
    if !run.status.success() {
        return Err(format!("`{} -arch={arch}` failed: {}", ptxas.display(), String::from_utf8_lossy(&run.stderr).trim_end()));
    }
    Ok(String::from_utf8_lossy(&run.stderr).into_owned())
}

/// The functions ptxas' `-v` report shows spilling registers: a
/// `Function properties for NAME` line, then `N bytes spill stores` with N > 0.
fn spilled_entries(report: &str) -> Vec<String> {
    let mut current = None;
    let mut spilled = Vec::new();
    for line in report.lines() {
        if let Some(rest) = line.split("Function properties for ").nth(1) {
            current = Some(rest.trim().to_string());
        } else if let Some(before) = line.split(" bytes spill stores").next().filter(|_| line.contains(" bytes spill stores")) {
            let stores: u64 = before.rsplit([' ', ',']).next().and_then(|n| n.parse().ok()).unwrap_or(0);
            if let Some(name) = current.take().filter(|_| stores > 0) {
                spilled.push(name);
            }
        }
    }
    spilled
}

/// `ptx` without the `.minnctapersm` line of each entry in `entries`, or
/// `None` if none of them has one.
fn without_occupancy_hint(ptx: &str, entries: &[String]) -> Option<String> {
    let mut current: Option<&str> = None;
    let mut removed = false;
    let mut kept = String::with_capacity(ptx.len());
    for line in ptx.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(".visible .entry ").or_else(|| trimmed.strip_prefix(".entry ")) {
            current = Some(rest.split(['(', ' ', '\n']).next().unwrap_or(""));
        }
        if trimmed.starts_with(".minnctapersm") && current.is_some_and(|c| entries.iter().any(|e| e == c)) {
            removed = true;
            continue;
        }
        kept.push_str(line);
    }
    removed.then_some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh scratch folder for a stand-in ptxas: (folder, its `ptxas`, its call log).
    fn stand_in_dir(what: &str) -> (PathBuf, PathBuf, PathBuf) {
        let dir = std::env::temp_dir().join(format!("hybrid-cubin-{what}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let (fake, log) = (dir.join("ptxas"), dir.join("calls"));
        (dir, fake, log)
    }

    /// A stand-in ptxas (a shell script) that writes an ELF-looking file:
    /// the arguments reach it, the result is cached (a second call does not
    /// run it), and its failure is reported with its stderr.
    #[test]
    fn ptxas_runs_once_per_ptx_and_its_errors_are_reported() {
        let (dir, fake, log) = stand_in_dir("test");
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
        assert!(calls.starts_with("-arch=sm_90 -O3 -v -o "), "{calls}");
        let err = cubin(".version 8.0\n// bad\n", "sm_90", &fake, &shim).unwrap_err();
        assert!(err.contains("ptxas fatal: bad PTX"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    const HINTED: &str = ".visible .entry tile(\n\t.param .u64 tile_param_0\n)\n.maxntid 256, 1, 1\n.minnctapersm 8\n{\n}\n\
                          .visible .entry other(\n)\n.maxntid 256, 1, 1\n.minnctapersm 8\n{\n}\n";

    /// ptxas' `-v` report (as ptxas 13 prints it) names the entries that
    /// spilled, and only their occupancy hints are dropped.
    #[test]
    fn spilling_entries_lose_their_occupancy_hint() {
        let report = "ptxas info    : Compiling entry function 'tile' for 'sm_90'\n\
                      ptxas info    : Function properties for tile\n    \
                      0 bytes stack frame, 24 bytes spill stores, 24 bytes spill loads\n\
                      ptxas info    : Used 32 registers, used 1 barriers, 2048 bytes smem\n\
                      ptxas info    : Function properties for other\n    \
                      0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads\n";
        let spilled = spilled_entries(report);
        assert_eq!(spilled, ["tile"]);
        let relaxed = without_occupancy_hint(HINTED, &spilled).unwrap();
        assert_eq!(relaxed.matches(".minnctapersm").count(), 1, "{relaxed}");
        assert!(relaxed.contains("entry other(\n)\n.maxntid 256, 1, 1\n.minnctapersm 8"), "{relaxed}");
        assert!(without_occupancy_hint(HINTED, &[]).is_none());
    }

    /// A stand-in ptxas that "spills" whenever the PTX has a hint: the cubin
    /// is made a second time, from the PTX without it.
    #[test]
    fn ptxas_runs_again_without_the_hint_after_a_spill() {
        let (dir, fake, log) = stand_in_dir("spill");
        std::fs::write(
            &fake,
            format!(
                "#!/bin/sh\nout=\"\"\nwhile [ $# -gt 1 ]; do [ \"$1\" = -o ] && out=\"$2\"; shift; done\n\
                 n=$(grep -c minnctapersm \"$1\"); echo \"$n\" >> {log}\n\
                 echo 'ptxas info    : Function properties for tile' >&2\n\
                 [ \"$n\" = 2 ] && echo '    0 bytes stack frame, 8 bytes spill stores, 8 bytes spill loads' >&2\n\
                 printf '\\177ELFcubin' > \"$out\"\n",
                log = log.display()
            ),
        )
        .unwrap();
        std::process::Command::new("chmod").arg("+x").arg(&fake).status().unwrap();
        let shim = dir.join("libhybrid_shim.a");
        let made = cubin(HINTED, "sm_90", &fake, &shim).unwrap();
        assert_eq!(made, b"\x7fELFcubin");
        // hints seen by each run: both, then only `other`'s
        assert_eq!(std::fs::read_to_string(&log).unwrap(), "2\n1\n");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
