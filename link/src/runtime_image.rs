//! The runtime image: the shim, the C runtime start files and the dynamic
//! libraries linked once (per shim build) into a complete non-PIE
//! executable, cached next to the pre-linked shim. A build then *places* its
//! objects into a copy of that image ([`crate::image_link`]) instead of
//! relinking the shim and re-reading libc every time.
//!
//! The image gets one generated object of its own, the *anchor*:
//!
//! ```text
//! .text   main:              FF 25 rel32   jmp [rip + slots.main]
//!         hybrid_image_init: FF 25 rel32   jmp [rip + slots.init]
//!         hybrid_image_noop: C3            ret
//! .data   hybrid_image_slots:   [main, init]        (both &noop until placed)
//!         hybrid_image_imports: [&memcpy, &sin, ...] (one per IMAGE_IMPORTS name)
//! .init_array  &hybrid_image_init
//! ```
//!
//! The C runtime calls `main` and the constructors of the image; placing a
//! program writes the addresses of the program's own `main` and of its
//! constructor stub into the two slots. `hybrid_image_imports` holds the
//! address of every libc/libm/libgcc function generated code may call,
//! filled by the dynamic loader (functions of shared libraries) or by the
//! image link itself (libgcc's static helpers); placed code calls them
//! through these slots as through a GOT.

use crate::shim_prelink::{cache_dirs, fnv1a, prelinked_shim, remove_stale, write_atomically};
use crate::system_link::SHIM_NATIVE_LIBS;
use crate::LinkError;
use object::write::{Object, Relocation, StandardSection, Symbol, SymbolSection};
use object::{elf, Architecture, BinaryFormat, Endianness, RelocationFlags, SectionKind, SymbolFlags, SymbolKind, SymbolScope};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;
use std::time::UNIX_EPOCH;

/// Bump when the anchor or the image recipe changes.
const IMAGE_VERSION: u32 = 2;

/// Symbols of the anchor that placing a program needs.
pub const SLOTS_SYMBOL: &str = "hybrid_image_slots";
pub const IMPORTS_SYMBOL: &str = "hybrid_image_imports";
/// Index of the `main` and constructor slots in [`SLOTS_SYMBOL`].
pub const SLOT_MAIN: u64 = 0;
pub const SLOT_INIT: u64 = 1;

/// The functions outside the shim that generated host code may call, each
/// reachable in the image through one slot of [`IMPORTS_SYMBOL`] (in this
/// order): the [`Provider::System`](hybrid_ir::abi::Provider) rows of the
/// runtime ABI table (libm, the code generators' libcalls, libgcc's helpers).
pub static IMAGE_IMPORTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| hybrid_ir::abi::runtime::system_imports().collect());

/// The anchor object (see the module docs).
pub fn anchor_object() -> Result<Vec<u8>, LinkError> {
    let mut obj = Object::new(BinaryFormat::Elf, Architecture::X86_64, Endianness::Little);
    let text = obj.section_id(StandardSection::Text);
    let data = obj.section_id(StandardSection::Data);
    // Non-executable stack: without this note the image's would be executable.
    obj.add_section(Vec::new(), b".note.GNU-stack".to_vec(), SectionKind::Elf(elf::SHT_PROGBITS));
    let init_array = obj.add_section(Vec::new(), b".init_array".to_vec(), SectionKind::Elf(elf::SHT_INIT_ARRAY));
    obj.section_mut(init_array).flags = object::SectionFlags::Elf { sh_flags: (elf::SHF_ALLOC | elf::SHF_WRITE) as u64 };

    let symbol = |obj: &mut Object, name: &str, section, value, size, kind, scope| {
        obj.add_symbol(Symbol {
            name: name.as_bytes().to_vec(),
            value,
            size,
            kind,
            scope,
            weak: false,
            section: SymbolSection::Section(section),
            flags: SymbolFlags::None,
        })
    };
    // .data: the two slots, then one slot per import.
    let slots_at = obj.append_section_data(data, &[0; 16], 8);
    let slots = symbol(&mut obj, SLOTS_SYMBOL, data, slots_at, 16, SymbolKind::Data, SymbolScope::Dynamic);
    let imports_at = obj.append_section_data(data, &vec![0; 8 * IMAGE_IMPORTS.len()], 8);
    symbol(&mut obj, IMPORTS_SYMBOL, data, imports_at, 8 * IMAGE_IMPORTS.len() as u64, SymbolKind::Data, SymbolScope::Dynamic);

    // .text: the two thunks and `ret`.
    let thunk = [0xFF, 0x25, 0, 0, 0, 0];
    let main_at = obj.append_section_data(text, &thunk, 16);
    let init_at = obj.append_section_data(text, &thunk, 1);
    let noop_at = obj.append_section_data(text, &[0xC3], 1);
    symbol(&mut obj, "main", text, main_at, 6, SymbolKind::Text, SymbolScope::Dynamic);
    let init = symbol(&mut obj, "hybrid_image_init", text, init_at, 6, SymbolKind::Text, SymbolScope::Compilation);
    let noop = symbol(&mut obj, "hybrid_image_noop", text, noop_at, 1, SymbolKind::Text, SymbolScope::Compilation);

    let reloc = |obj: &mut Object, section, offset, symbol, addend, r_type| {
        obj.add_relocation(section, Relocation { offset, symbol, addend, flags: RelocationFlags::Elf { r_type } })
    };
    reloc(&mut obj, text, main_at + 2, slots, (8 * SLOT_MAIN) as i64 - 4, elf::R_X86_64_PC32)?;
    reloc(&mut obj, text, init_at + 2, slots, (8 * SLOT_INIT) as i64 - 4, elf::R_X86_64_PC32)?;
    for slot in [SLOT_MAIN, SLOT_INIT] {
        reloc(&mut obj, data, slots_at + 8 * slot, noop, 0, elf::R_X86_64_64)?;
    }
    for (i, name) in IMAGE_IMPORTS.iter().enumerate() {
        let import = obj.add_symbol(Symbol {
            name: name.as_bytes().to_vec(),
            value: 0,
            size: 0,
            kind: SymbolKind::Text,
            scope: SymbolScope::Dynamic,
            weak: false,
            section: SymbolSection::Undefined,
            flags: SymbolFlags::None,
        });
        reloc(&mut obj, data, imports_at + 8 * i as u64, import, 0, elf::R_X86_64_64)?;
    }
    let entry = obj.append_section_data(init_array, &[0; 8], 8);
    reloc(&mut obj, init_array, entry, init, 0, elf::R_X86_64_64)?;
    Ok(obj.write()?)
}

/// Link the image for `shim` (a pre-linked shim object) at `out` with the C
/// driver: `cc -no-pie anchor.o shim.o <native libs>`.
fn build_image(shim: &Path, out: &Path) -> Result<(), String> {
    let mut anchor = out.as_os_str().to_owned();
    anchor.push(".anchor.o");
    let anchor = PathBuf::from(anchor);
    let bytes = anchor_object().map_err(|e| e.to_string())?;
    std::fs::write(&anchor, bytes).map_err(|e| format!("cannot write {}: {e}", anchor.display()))?;
    let cc = std::env::var_os("HYBRID_CC").unwrap_or_else(|| "cc".into());
    let mut cmd = Command::new(cc);
    cmd.arg("-no-pie").arg("-o").arg(out).arg(&anchor).arg(shim);
    // No build id: every placed program would carry the image's.
    cmd.args(["-Wl,--build-id=none", "-Wl,--strip-debug"]).args(SHIM_NATIVE_LIBS);
    let result = cmd.output();
    let _ = std::fs::remove_file(&anchor);
    let output = result.map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    if !output.status.success() {
        return Err(format!("{cmd:?} failed ({}): {}", output.status, String::from_utf8_lossy(&output.stderr)));
    }
    Ok(())
}

/// The runtime image for `shim_lib` (the staticlib, or an already
/// pre-linked `.o`), from the cache or linked now.
pub fn runtime_image(shim_lib: &Path) -> Result<PathBuf, String> {
    let shim = if shim_lib.extension().is_some_and(|e| e == "o") { shim_lib.to_path_buf() } else { prelinked_shim(shim_lib)? };
    let meta = std::fs::metadata(&shim).map_err(|e| format!("cannot read {}: {e}", shim.display()))?;
    let mtime = meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos());
    let cc = std::env::var_os("HYBRID_CC").unwrap_or_default();
    let key = fnv1a(&[
        shim.as_os_str().as_encoded_bytes(),
        &meta.len().to_le_bytes(),
        &mtime.to_le_bytes(),
        cc.as_encoded_bytes(),
        IMAGE_IMPORTS.join(",").as_bytes(),
        &IMAGE_VERSION.to_le_bytes(),
    ]);
    // `runtime-image-<shim path>-<everything else>`: a rebuilt shim replaces
    // its old image.
    let prefix = format!("runtime-image-{:016x}-", fnv1a(&[shim.as_os_str().as_encoded_bytes()]));
    let name = format!("{prefix}{key:016x}");
    let dirs = cache_dirs(shim_lib);
    if let Some(hit) = dirs.iter().map(|d| d.join(&name)).find(|p| p.is_file()) {
        return Ok(hit);
    }
    let mut errors = Vec::new();
    for dir in &dirs {
        match write_atomically(dir, &name, |tmp| build_image(&shim, tmp)) {
            Ok(path) => {
                remove_stale(dir, &prefix, &name);
                return Ok(path);
            }
            Err(e) => errors.push(e),
        }
    }
    Err(errors.join("; "))
}
