//! The offload descriptor object: device images (as OffloadBinary in
//! `.llvm.offloading`), the offload entries table, `__tgt_device_image`s, the
//! `__tgt_bin_desc` and a constructor in `.init_array` that registers it,
//! all as one ELF x86-64 relocatable written with `object`.
//!
//! The constructor is a 12-byte thunk we emit ourselves:
//! ```text
//! 48 8D 3D rel32   lea rdi, [rip + __hybrid_offload_desc]   ; R_X86_64_PC32, addend -4
//! E9 rel32         jmp __tgt_register_lib                   ; R_X86_64_PLT32, addend -4
//! ```
//! (a tail call: `__tgt_register_lib(&desc)` returns straight to the C
//! runtime's init loop). The desc points at the entries table directly, not
//! through `__start_`/`__stop_omp_offloading_entries`: this object is the only
//! one with entries, and direct relocations keep everything live under
//! `--gc-sections` (the constructor in `.init_array` is the root).

use crate::offload_binary::write_offload_binary;
use crate::{DeviceImage, LinkError, OffloadEntry};
use object::write::{Object, Relocation, SectionId, Symbol, SymbolId, SymbolSection};
use object::{
    elf, Architecture, BinaryFormat, Endianness, RelocationFlags, SectionFlags, SectionKind, SymbolFlags, SymbolKind, SymbolScope,
};

/// ELF `SHT_LLVM_OFFLOADING`.
pub const SHT_LLVM_OFFLOADING: u32 = 0x6fff_4c0b;
pub const OFFLOADING_SECTION: &str = ".llvm.offloading";
pub const ENTRIES_SECTION: &str = "omp_offloading_entries";
/// LLVM 19 `__tgt_offload_entry`, `__tgt_device_image`, `__tgt_bin_desc` sizes.
pub const ENTRY_SIZE: u64 = 32;
pub const DEVICE_IMAGE_SIZE: u64 = 32;
pub const BIN_DESC_SIZE: u64 = 32;
pub const DESC_SYMBOL: &str = "__hybrid_offload_desc";
pub const CTOR_SYMBOL: &str = "__hybrid_offload_register";
/// Bit of an entry's `flags`: the kernel may reach a block barrier
/// (`OffloadEntry::uses_barrier`).
pub use hybrid_ir::abi::ENTRY_FLAG_USES_BARRIER;

struct Writer {
    obj: Object<'static>,
}

impl Writer {
    fn section(&mut self, name: &str, kind: SectionKind, sh_flags: u32) -> SectionId {
        let id = self.obj.add_section(Vec::new(), name.as_bytes().to_vec(), kind);
        self.obj.section_mut(id).flags = SectionFlags::Elf { sh_flags: sh_flags as u64 };
        id
    }

    fn abs64(&mut self, section: SectionId, offset: u64, symbol: SymbolId, addend: i64) -> Result<(), LinkError> {
        let flags = RelocationFlags::Elf { r_type: elf::R_X86_64_64 };
        self.obj.add_relocation(section, Relocation { offset, symbol, addend, flags })?;
        Ok(())
    }

    fn undefined(&mut self, name: &str, kind: SymbolKind) -> SymbolId {
        self.obj.add_symbol(Symbol {
            name: name.as_bytes().to_vec(),
            value: 0,
            size: 0,
            kind,
            scope: SymbolScope::Linkage,
            weak: false,
            section: SymbolSection::Undefined,
            flags: SymbolFlags::None,
        })
    }

    fn local(&mut self, name: &str, kind: SymbolKind, section: SectionId, value: u64, size: u64) -> SymbolId {
        self.obj.add_symbol(Symbol {
            name: name.as_bytes().to_vec(),
            value,
            size,
            kind,
            scope: SymbolScope::Compilation,
            weak: false,
            section: SymbolSection::Section(section),
            flags: SymbolFlags::None,
        })
    }
}

/// Write the descriptor object for `images` and `entries` (see the module
/// docs). With no images the descriptor says 0 images and the shim always
/// runs the host fallback; entries are still listed so kernels have names.
pub fn write_offload_object(images: &[DeviceImage], entries: &[OffloadEntry]) -> Result<Vec<u8>, LinkError> {
    for e in entries {
        if e.kernel_name.is_empty() || e.kernel_name.contains('\0') || e.host_symbol.is_empty() || e.host_symbol.contains('\0') {
            return Err(LinkError::InvalidInput(format!(
                "offload entry with a bad name: kernel `{}`, host symbol `{}`",
                e.kernel_name, e.host_symbol
            )));
        }
    }
    let mut w = Writer { obj: Object::new(BinaryFormat::Elf, Architecture::X86_64, Endianness::Little) };
    let data = w.section(".data.rel.ro.hybrid_offload", SectionKind::Data, elf::SHF_ALLOC | elf::SHF_WRITE);
    let data_sym = w.obj.section_symbol(data);

    // Device images, each its own OffloadBinary, back to back.
    let mut image_ranges = Vec::new(); // (offset of image bytes in the section, length)
    let offloading = if images.is_empty() {
        None
    } else {
        let sec = w.section(OFFLOADING_SECTION, SectionKind::Elf(SHT_LLVM_OFFLOADING), elf::SHF_ALLOC);
        for image in images {
            let (binary, image_offset) = write_offload_binary(image);
            let at = w.obj.append_section_data(sec, &binary, 8);
            image_ranges.push((at + image_offset, image.bytes.len() as u64));
        }
        Some(w.obj.section_symbol(sec))
    };

    // Kernel names.
    let names = w.section(".rodata.hybrid_offload_names", SectionKind::ReadOnlyData, elf::SHF_ALLOC);
    let names_sym = w.obj.section_symbol(names);
    let mut name_offsets = Vec::new();
    for e in entries {
        let mut s = e.kernel_name.as_bytes().to_vec();
        s.push(0);
        name_offsets.push(w.obj.append_section_data(names, &s, 1));
    }
    if entries.is_empty() {
        w.obj.append_section_data(names, &[0], 1);
    }

    // The entries table: { addr, name, size, flags, reserved }.
    let entries_sym = if entries.is_empty() {
        None
    } else {
        let sec = w.section(ENTRIES_SECTION, SectionKind::Data, elf::SHF_ALLOC | elf::SHF_WRITE);
        // `size` (offset 16) carries the fallback's static shared bytes,
        // `flags` (offset 24) `ENTRY_FLAG_USES_BARRIER`; the addresses are
        // relocations below, `reserved` stays 0.
        let mut table = vec![0u8; (ENTRY_SIZE as usize) * entries.len()];
        for (i, e) in entries.iter().enumerate() {
            let at = i * ENTRY_SIZE as usize;
            table[at + 16..at + 24].copy_from_slice(&e.shared_bytes.to_le_bytes());
            let flags = if e.uses_barrier { ENTRY_FLAG_USES_BARRIER } else { 0 };
            table[at + 24..at + 28].copy_from_slice(&flags.to_le_bytes());
        }
        w.obj.append_section_data(sec, &table, 8);
        for (i, e) in entries.iter().enumerate() {
            let base = i as u64 * ENTRY_SIZE;
            let host = w.undefined(&e.host_symbol, SymbolKind::Text);
            w.abs64(sec, base, host, 0)?;
            w.abs64(sec, base + 8, names_sym, name_offsets[i] as i64)?;
        }
        Some(w.obj.section_symbol(sec))
    };
    let entries_end = ENTRY_SIZE * entries.len() as u64;

    // `__tgt_device_image`s: { image_start, image_end, entries_begin, entries_end }.
    let images_at = w.obj.append_section_data(data, &vec![0u8; (DEVICE_IMAGE_SIZE as usize) * images.len()], 8);
    for (i, &(start, len)) in image_ranges.iter().enumerate() {
        let base = images_at + i as u64 * DEVICE_IMAGE_SIZE;
        let off = offloading.expect("images present");
        w.abs64(data, base, off, start as i64)?;
        w.abs64(data, base + 8, off, (start + len) as i64)?;
        if let Some(es) = entries_sym {
            w.abs64(data, base + 16, es, 0)?;
            w.abs64(data, base + 24, es, entries_end as i64)?;
        }
    }

    // `__tgt_bin_desc`: { num_images: i32, images, host_entries_begin, host_entries_end }.
    let mut desc = vec![0u8; BIN_DESC_SIZE as usize];
    desc[0..4].copy_from_slice(&(images.len() as i32).to_le_bytes());
    let desc_at = w.obj.append_section_data(data, &desc, 8);
    if !images.is_empty() {
        w.abs64(data, desc_at + 8, data_sym, images_at as i64)?;
    }
    if let Some(es) = entries_sym {
        w.abs64(data, desc_at + 16, es, 0)?;
        w.abs64(data, desc_at + 24, es, entries_end as i64)?;
    }
    let desc_sym = w.local(DESC_SYMBOL, SymbolKind::Data, data, desc_at, BIN_DESC_SIZE);

    // The constructor thunk.
    let text = w.section(".text.hybrid_offload_register", SectionKind::Text, elf::SHF_ALLOC | elf::SHF_EXECINSTR);
    let thunk = [0x48, 0x8D, 0x3D, 0, 0, 0, 0, 0xE9, 0, 0, 0, 0];
    let thunk_at = w.obj.append_section_data(text, &thunk, 16);
    let register = w.undefined(hybrid_ir::abi::Rt::TgtRegisterLib.name(), SymbolKind::Text);
    let pc32 = RelocationFlags::Elf { r_type: elf::R_X86_64_PC32 };
    let plt32 = RelocationFlags::Elf { r_type: elf::R_X86_64_PLT32 };
    w.obj.add_relocation(text, Relocation { offset: thunk_at + 3, symbol: desc_sym, addend: -4, flags: pc32 })?;
    w.obj.add_relocation(text, Relocation { offset: thunk_at + 8, symbol: register, addend: -4, flags: plt32 })?;
    let ctor = w.local(CTOR_SYMBOL, SymbolKind::Text, text, thunk_at, thunk.len() as u64);

    // `.init_array`: one pointer to the thunk.
    let init = w.section(".init_array", SectionKind::Elf(elf::SHT_INIT_ARRAY), elf::SHF_ALLOC | elf::SHF_WRITE);
    let init_at = w.obj.append_section_data(init, &[0u8; 8], 8);
    w.abs64(init, init_at, ctor, 0)?;

    // An empty `.note.GNU-stack`: without it GNU ld marks the whole
    // executable's stack executable (and warns).
    w.section(".note.GNU-stack", SectionKind::Elf(elf::SHT_PROGBITS), 0);

    Ok(w.obj.write()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use object::{Object as _, ObjectSection as _};

    #[test]
    fn entries_carry_shared_bytes_and_the_barrier_flag() {
        let entry = |name: &str, shared_bytes, uses_barrier| OffloadEntry {
            kernel_name: name.into(),
            host_symbol: format!("hyfb_{name}"),
            shared_bytes,
            uses_barrier,
        };
        let bytes = write_offload_object(&[], &[entry("plain", 0, false), entry("syncs", 48, true)]).unwrap();
        let file = object::File::parse(&*bytes).unwrap();
        let table = file.section_by_name(ENTRIES_SECTION).unwrap().data().unwrap().to_vec();
        assert_eq!(table.len(), 2 * ENTRY_SIZE as usize);
        let field = |i: usize, at: usize, len: usize| {
            let mut b = [0u8; 8];
            b[..len].copy_from_slice(&table[i * ENTRY_SIZE as usize + at..][..len]);
            u64::from_le_bytes(b)
        };
        assert_eq!((field(0, 16, 8), field(0, 24, 4)), (0, 0));
        assert_eq!((field(1, 16, 8), field(1, 24, 4)), (48, ENTRY_FLAG_USES_BARRIER as u64));
        assert_eq!(field(1, 28, 4), 0, "reserved stays 0");
        let stack = file.section_by_name(".note.GNU-stack").expect("non-executable stack note");
        assert_eq!(stack.size(), 0);
    }
}
