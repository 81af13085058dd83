//! The pre-linked shim: the shim staticlib (22 MB, mostly Rust std with its
//! debug info and embedded bitcode) reduced once to one small relocatable
//! object holding only what the shim's C ABI reaches, cached next to the
//! library. Linking that object instead of the archive makes the final link
//! several times faster.
//!
//! Built with GNU ld and objcopy (binutils, present wherever gcc is):
//! `ld.bfd -r --gc-sections --strip-debug -u <root>... -T <merge script>`
//! keeps the sections the roots reach (the shim's exports: every global it
//! defines named `hybrid_*` or `__tgt_*`) and merges them into one section
//! per kind; `objcopy --keep-global-symbols=<roots> --strip-unneeded` then
//! makes every other symbol local (no clash with user code, fewer symbols to
//! resolve). lld refuses `-r` with `--gc-sections`, so GNU ld does this step
//! even when another linker does the final link.
//!
//! The cache key is the library's path, size and modification time (and
//! [`PRELINK_VERSION`]); a rebuilt shim gets a new object and the stale one
//! is removed. Concurrent builds each write a temporary file and rename it
//! into place, so readers never see a partial object.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::UNIX_EPOCH;

/// Bump when the recipe below changes, so old cached objects are not reused.
const PRELINK_VERSION: u32 = 1;

/// Prefixes of the symbols generated code calls in the shim (its C ABI:
/// `hybrid_ir::abi` and LLVM's offload entry points).
pub const SHIM_EXPORT_PREFIXES: &[&str] = &["hybrid_", "__tgt_"];

/// Output sections of the pre-linked object. `.eh_frame` must be kept
/// explicitly (GNU ld drops it under `-r --gc-sections` otherwise); its
/// entries for discarded functions lose their relocation and the final
/// linker drops them. Sections not named here (`.init_array.*`, COMDAT
/// members, `.note.GNU-stack`) are kept as they are.
const MERGE_SCRIPT: &str = "SECTIONS
{
  .text 0 : { *(.text .text.*) }
  .rodata 0 : { *(.rodata .rodata.*) }
  .data.rel.ro 0 : { *(.data.rel.ro .data.rel.ro.*) }
  .data 0 : { *(.data .data.*) }
  .bss 0 : { *(.bss .bss.*) }
  .tdata 0 : { *(.tdata .tdata.*) }
  .tbss 0 : { *(.tbss .tbss.*) }
  .gcc_except_table 0 : { *(.gcc_except_table .gcc_except_table.*) }
  .eh_frame 0 : { KEEP(*(.eh_frame)) }
  /DISCARD/ : { *(.llvmbc) *(.llvmcmd) *(.comment) }
}
";

/// 64-bit FNV-1a: a stable hash for cache file names.
pub(crate) fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Where link caches for `shim_lib` live: `hybridc-cache/` next to the
/// library, else (not writable) one under the temporary directory.
pub(crate) fn cache_dirs(shim_lib: &Path) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(parent) = shim_lib.parent() {
        let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
        dirs.push(parent.join("hybridc-cache"));
    }
    dirs.push(std::env::temp_dir().join("hybridc-cache"));
    dirs
}

/// Create `dir/name` atomically: `make` writes a unique temporary path,
/// which is then renamed into place. Returns the final path.
pub(crate) fn write_atomically(dir: &Path, name: &str, make: impl FnOnce(&Path) -> Result<(), String>) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let nanos = std::time::SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    let tmp = dir.join(format!(".{name}.tmp-{}-{nanos}", std::process::id()));
    let result = make(&tmp).and_then(|()| {
        let path = dir.join(name);
        std::fs::rename(&tmp, &path).map_err(|e| format!("cannot rename into {}: {e}", path.display()))?;
        Ok(path)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// `name` found as an executable file in `$PATH`.
pub fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(name)).find(|p| p.is_file())
}

/// The shim's exported symbols: globals defined in the archive (from its
/// symbol index) whose names start with one of [`SHIM_EXPORT_PREFIXES`].
pub fn shim_exports(archive: &[u8]) -> Result<Vec<String>, String> {
    let file = object::read::archive::ArchiveFile::parse(archive).map_err(|e| format!("not an archive: {e}"))?;
    let symbols = file.symbols().map_err(|e| format!("bad archive symbol index: {e}"))?;
    let symbols = symbols.ok_or("the archive has no symbol index")?;
    let mut roots = Vec::new();
    for symbol in symbols {
        let symbol = symbol.map_err(|e| format!("bad archive symbol index: {e}"))?;
        let name = String::from_utf8_lossy(symbol.name()).into_owned();
        if SHIM_EXPORT_PREFIXES.iter().any(|p| name.starts_with(p)) {
            roots.push(name);
        }
    }
    roots.sort();
    roots.dedup();
    if roots.is_empty() {
        return Err("the archive defines no hybrid_* or __tgt_* symbol".to_string());
    }
    Ok(roots)
}

fn run(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    let out = cmd.output().map_err(|e| format!("cannot run {shown}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{shown} failed ({}): {}", out.status, String::from_utf8_lossy(&out.stderr)));
    }
    Ok(())
}

/// Build the pre-linked object for `shim_lib` at `out` (see the module docs).
pub fn prelink(shim_lib: &Path, out: &Path) -> Result<(), String> {
    let ld = find_in_path("ld.bfd").ok_or("GNU ld (ld.bfd) is not installed")?;
    let archive = std::fs::read(shim_lib).map_err(|e| format!("cannot read {}: {e}", shim_lib.display()))?;
    let roots = shim_exports(&archive)?;
    drop(archive);
    let mut scratch = out.as_os_str().to_owned();
    scratch.push(".parts");
    let scratch = PathBuf::from(scratch);
    std::fs::create_dir_all(&scratch).map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
    let result = (|| {
        let script = scratch.join("merge.ld");
        let roots_file = scratch.join("roots.txt");
        std::fs::write(&script, MERGE_SCRIPT).map_err(|e| e.to_string())?;
        std::fs::write(&roots_file, roots.join("\n") + "\n").map_err(|e| e.to_string())?;
        let merged = scratch.join("merged.o");
        let mut cmd = Command::new(ld);
        cmd.args(["-r", "--gc-sections", "--strip-debug", "-T"]).arg(&script);
        for root in &roots {
            cmd.arg("-u").arg(root);
        }
        cmd.arg("-o").arg(&merged).arg(shim_lib);
        run(&mut cmd)?;
        match find_in_path("objcopy") {
            Some(objcopy) => run(Command::new(objcopy)
                .arg(format!("--keep-global-symbols={}", roots_file.display()))
                .arg("--strip-unneeded")
                .arg(&merged)
                .arg(out)),
            // Without objcopy the merged object still works; its internal
            // globals just stay global.
            None => std::fs::rename(&merged, out).map_err(|e| e.to_string()),
        }
    })();
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

/// The cache file name of `shim_lib`'s pre-linked object:
/// `shim-<path hash>-<content key>.o`.
fn cache_name(shim_lib: &Path) -> Result<(String, String), String> {
    let meta = std::fs::metadata(shim_lib).map_err(|e| format!("cannot read {}: {e}", shim_lib.display()))?;
    let canonical = shim_lib.canonicalize().unwrap_or_else(|_| shim_lib.to_path_buf());
    let mtime = meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos());
    let path_key = fnv1a(&[canonical.as_os_str().as_encoded_bytes()]);
    let content_key = fnv1a(&[&meta.len().to_le_bytes(), &mtime.to_le_bytes(), &PRELINK_VERSION.to_le_bytes()]);
    let prefix = format!("shim-{path_key:016x}-");
    Ok((format!("{prefix}{content_key:016x}.o"), prefix))
}

/// The pre-linked object for `shim_lib`, from the cache or built now.
pub fn prelinked_shim(shim_lib: &Path) -> Result<PathBuf, String> {
    let (name, prefix) = cache_name(shim_lib)?;
    let dirs = cache_dirs(shim_lib);
    if let Some(hit) = dirs.iter().map(|d| d.join(&name)).find(|p| p.is_file()) {
        return Ok(hit);
    }
    let mut errors = Vec::new();
    for dir in &dirs {
        match write_atomically(dir, &name, |tmp| prelink(shim_lib, tmp)) {
            Ok(path) => {
                remove_stale(dir, &prefix, &name);
                return Ok(path);
            }
            Err(e) => errors.push(e),
        }
    }
    Err(errors.join("; "))
}

/// Remove the cache files in `dir` named `prefix*` other than `keep`: older
/// versions of the same cached artifact (best effort; temporaries, which
/// start with a dot, are left to their writers).
pub(crate) fn remove_stale(dir: &Path, prefix: &str, keep: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(prefix) && name != keep {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_separates_parts() {
        assert_ne!(fnv1a(&[b"ab", b"c"]), fnv1a(&[b"a", b"bc"]));
        assert_eq!(fnv1a(&[b"x"]), fnv1a(&[b"x"]));
    }

    #[test]
    fn cache_dirs_fall_back_to_temp() {
        let dirs = cache_dirs(Path::new("/opt/hybrid/libhybrid_shim.a"));
        assert_eq!(dirs[0], Path::new("/opt/hybrid/hybridc-cache"));
        assert_eq!(dirs[1], std::env::temp_dir().join("hybridc-cache"));
        assert_eq!(cache_dirs(Path::new("libhybrid_shim.a"))[0], Path::new("./hybridc-cache"));
    }
}
