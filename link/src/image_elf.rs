//! The ELF side of placing a program into the runtime image: reading the
//! image's program headers and symbols, laying out the new segments after
//! it, and writing the output (a copy of the image, patched, with the new
//! segments and program header table appended).

use object::elf::{self, FileHeader64, ProgramHeader64, SectionHeader64, Sym64};
use object::read::elf::{FileHeader as _, ProgramHeader as _, SectionHeader as _};
use object::{LittleEndian as LE, Object as _, ObjectSymbol as _};
use std::collections::HashMap;
use std::os::unix::fs::{FileExt as _, OpenOptionsExt as _};
use std::path::Path;

pub const PAGE: u64 = 0x1000;
/// The ELF header (`e_phoff`, `e_shoff`, ... are patched in it).
const ELF_HEADER_SIZE: usize = std::mem::size_of::<FileHeader64<LE>>();

/// The symbol-table name of the image's `main` thunk in placed programs.
pub const MAIN_THUNK_NAME: &str = "hybrid_image_main";
const PHDR_SIZE: u64 = std::mem::size_of::<ProgramHeader64<LE>>() as u64;

pub fn align_up(x: u64, align: u64) -> u64 {
    let align = align.max(1);
    x.div_ceil(align) * align
}

/// The output file, written at file offsets (`pwrite`): placing writes
/// each section once, so no buffer of the whole output is ever filled.
pub struct OutputFile<'f> {
    file: &'f std::fs::File,
    path: &'f Path,
}

impl OutputFile<'_> {
    pub fn write_at(&self, offset: u64, bytes: &[u8]) -> Result<(), String> {
        self.file.write_all_at(bytes, offset).map_err(|e| format!("cannot write {}: {e}", self.path.display()))
    }
}

/// The three new segments, in address order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentKind {
    /// Read-only: the program header table, rodata, the GOT.
    Rodata = 0,
    /// Read + execute: code, the constructor stub, import stubs.
    Text = 1,
    /// Read + write: data, then bss.
    Data = 2,
}

impl SegmentKind {
    fn p_flags(self) -> u32 {
        match self {
            SegmentKind::Rodata => elf::PF_R,
            SegmentKind::Text => elf::PF_R | elf::PF_X,
            SegmentKind::Data => elf::PF_R | elf::PF_W,
        }
    }
}

/// The size of one new segment: `size` file bytes, then `bss` zero bytes in memory only.
pub struct Segment {
    pub kind: SegmentKind,
    pub size: u64,
    pub bss: u64,
}

impl Segment {
    pub fn new(kind: SegmentKind) -> Segment {
        Segment { kind, size: 0, bss: 0 }
    }

    /// Reserve `size` file bytes at the next multiple of `align`; returns their offset.
    pub fn reserve(&mut self, size: u64, align: u64) -> u64 {
        assert_eq!(self.bss, 0, "file bytes after bss");
        let offset = align_up(self.size, align);
        self.size = offset + size;
        offset
    }

    /// Reserve `size` zero bytes of bss (after every file byte); returns its offset.
    pub fn reserve_bss(&mut self, size: u64, align: u64) -> u64 {
        let offset = align_up(self.size + self.bss, align);
        self.bss = offset + size - self.size;
        offset
    }

    fn memsz(&self) -> u64 {
        self.size + self.bss
    }
}

/// One output section: a run of equally named input sections in a new
/// segment (`start..end` are offsets in the segment), or a section the
/// placer made itself (GOT, stubs). Only for tools: the loader needs none.
pub struct OutSection {
    pub name: String,
    pub kind: SegmentKind,
    pub sh_type: u32,
    pub sh_flags: u32,
    pub start: u64,
    pub end: u64,
    pub align: u64,
}

/// A symbol of a placed object, added to the output's symbol table as a
/// local symbol (for debuggers, profilers and `objdump`).
pub struct OutSymbol {
    pub name: Vec<u8>,
    pub address: u64,
    pub size: u64,
    /// `STT_FUNC` or `STT_OBJECT`.
    pub st_type: u8,
    /// Index into the `OutSection`s.
    pub section: usize,
}

/// What the output holds besides the image: new segments and their sections and symbols.
pub struct Program<'p> {
    pub segments: &'p [Segment; 3],
    pub bases: [u64; 3],
    pub sections: &'p [OutSection],
    pub symbols: &'p [OutSymbol],
    pub patches: &'p [Patch],
}

/// A bytes patch of the image, at a virtual address it maps from the file.
pub struct Patch {
    pub vaddr: u64,
    pub bytes: Vec<u8>,
}

/// What placing needs to know of the runtime image.
pub struct Image {
    data: Vec<u8>,
    /// The end of the loaded part of the file; what follows (symbol and
    /// string tables, section headers) is rewritten for each output.
    loaded_end: u64,
    phdrs: Vec<ProgramHeader64<LE>>,
    shdrs: Vec<SectionHeader64<LE>>,
    /// `p_vaddr - p_offset` of the first loadable segment.
    delta: u64,
    /// The end of the image in memory (highest `p_vaddr + p_memsz`).
    end_vaddr: u64,
    /// Defined global symbols of the image.
    symbols: HashMap<String, u64>,
}

impl Image {
    pub fn read(path: &Path) -> Result<Image, String> {
        let data = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let header = FileHeader64::<LE>::parse(data.as_slice()).map_err(|e| format!("{}: {e}", path.display()))?;
        if header.e_type.get(LE) != elf::ET_EXEC || header.e_machine.get(LE) != elf::EM_X86_64 {
            return Err(format!("{} is not a non-PIE x86-64 executable", path.display()));
        }
        let phdrs = header.program_headers(LE, data.as_slice()).map_err(|e| format!("{}: {e}", path.display()))?.to_vec();
        let loads = || phdrs.iter().filter(|p| p.p_type(LE) == elf::PT_LOAD);
        let first = loads().next().ok_or("the runtime image has no loadable segment")?;
        let delta = first.p_vaddr(LE) - first.p_offset(LE);
        let end_vaddr = loads().map(|p| p.p_vaddr(LE) + p.p_memsz(LE)).max().unwrap_or(0);
        let loaded_end = loads().map(|p| p.p_offset(LE) + p.p_filesz(LE)).max().unwrap_or(0);
        let shdrs = header.section_headers(LE, data.as_slice()).map_err(|e| format!("{}: {e}", path.display()))?.to_vec();
        if shdrs.is_empty() || header.e_shstrndx.get(LE) as usize >= shdrs.len() {
            return Err(format!("{} has no section name table", path.display()));
        }
        let file = object::File::parse(data.as_slice()).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut symbols = HashMap::new();
        for symbol in file.symbols() {
            if symbol.is_global() && !symbol.is_undefined() {
                if let Ok(name) = symbol.name() {
                    symbols.insert(name.to_string(), symbol.address());
                }
            }
        }
        Ok(Image { data, loaded_end, phdrs, shdrs, delta, end_vaddr, symbols })
    }

    /// The address of the image's global symbol `name`.
    pub fn symbol(&self, name: &str) -> Option<u64> {
        self.symbols.get(name).copied()
    }

    /// Bytes to reserve at the start of the R segment for the new program
    /// header table (the image's headers and up to three new loads).
    pub fn phdr_table_size(&self) -> u64 {
        (self.phdrs.len() as u64 + 3) * PHDR_SIZE
    }

    /// The virtual address of each new segment: page-aligned, past the
    /// image in the file and in memory, with the image's offset-to-address
    /// difference.
    pub fn segment_bases(&self, segments: &[Segment; 3]) -> [u64; 3] {
        let mut offset = align_up(self.loaded_end.max(self.end_vaddr.saturating_sub(self.delta)), PAGE);
        let mut bases = [0; 3];
        for (base, segment) in bases.iter_mut().zip(segments) {
            *base = offset + self.delta;
            offset = align_up(offset + segment.memsz(), PAGE);
        }
        bases
    }

    fn file_offset(&self, vaddr: u64, len: u64) -> Option<u64> {
        self.phdrs.iter().filter(|p| p.p_type(LE) == elf::PT_LOAD).find_map(|p| {
            let start = p.p_vaddr(LE);
            (vaddr >= start && vaddr + len <= start + p.p_filesz(LE)).then(|| vaddr - start + p.p_offset(LE))
        })
    }

    /// The program header table of the output: the image's, with `PT_PHDR`
    /// moved to the table's new place and the new loads after the image's.
    fn program_headers(&self, segments: &[Segment; 3], bases: &[u64; 3]) -> Vec<ProgramHeader64<LE>> {
        let new_loads: Vec<ProgramHeader64<LE>> = segments
            .iter()
            .zip(bases)
            .filter(|(s, _)| s.memsz() > 0)
            .map(|(s, &base)| ProgramHeader64 {
                p_type: object::U32::new(LE, elf::PT_LOAD),
                p_flags: object::U32::new(LE, s.kind.p_flags()),
                p_offset: object::U64::new(LE, base - self.delta),
                p_vaddr: object::U64::new(LE, base),
                p_paddr: object::U64::new(LE, base),
                p_filesz: object::U64::new(LE, s.size),
                p_memsz: object::U64::new(LE, s.memsz()),
                p_align: object::U64::new(LE, PAGE),
            })
            .collect();
        let count = (self.phdrs.len() + new_loads.len()) as u64;
        let table = bases[SegmentKind::Rodata as usize];
        let last_load = self.phdrs.iter().rposition(|p| p.p_type(LE) == elf::PT_LOAD).unwrap_or(0);
        let mut out = Vec::with_capacity(count as usize);
        for (i, phdr) in self.phdrs.iter().enumerate() {
            let mut phdr = *phdr;
            if phdr.p_type(LE) == elf::PT_PHDR {
                phdr.p_offset.set(LE, table - self.delta);
                phdr.p_vaddr.set(LE, table);
                phdr.p_paddr.set(LE, table);
                phdr.p_filesz.set(LE, count * PHDR_SIZE);
                phdr.p_memsz.set(LE, count * PHDR_SIZE);
            }
            out.push(phdr);
            if i == last_load {
                out.extend(new_loads.iter().copied());
            }
        }
        out
    }

    /// Write the output: the loaded part of the image with the patches
    /// applied, the new segments (their contents written by `fill`, given
    /// the output file and each segment's file offset), the program header
    /// table in the first new one, then the image's unloaded sections
    /// (symbol table and string tables extended) and a section header table
    /// with the new sections. Every part is written once at its offset
    /// (no buffer of the whole output: fresh memory costs page faults, and
    /// filling a mapped file costs ext4 a block reservation per page),
    /// under a temporary name, then renamed into place, so a running old
    /// executable is not disturbed. An old output is removed first:
    /// renaming over an existing file makes ext4 (`auto_da_alloc`) start
    /// writing the new one back to disk at once, ~1 ms.
    pub fn write_program<E: From<String>>(
        &self,
        output: &Path,
        program: &Program,
        fill: impl FnOnce(&OutputFile, &[u64; 3]) -> Result<(), E>,
    ) -> Result<(), E> {
        let dir = output.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = output.file_name().map_or("a.out".into(), |n| n.to_string_lossy().into_owned());
        let tmp = dir.join(format!(".{name}.hybridc-{}", std::process::id()));
        let result = self.write_file(&tmp, program, fill).and_then(|()| {
            match std::fs::remove_file(output) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(format!("cannot replace {}: {e}", output.display()).into());
                }
                _ => {}
            }
            let renamed = std::fs::rename(&tmp, output);
            renamed.map_err(|e| format!("cannot rename {} to {}: {e}", tmp.display(), output.display()).into())
        });
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }

    fn write_file<E: From<String>>(
        &self,
        path: &Path,
        program: &Program,
        fill: impl FnOnce(&OutputFile, &[u64; 3]) -> Result<(), E>,
    ) -> Result<(), E> {
        let Program { segments, bases, patches, .. } = *program;
        let seg_offsets = bases.map(|b| b - self.delta);
        let segments_end = segments.iter().zip(&seg_offsets).map(|(s, &o)| o + s.size).max().unwrap_or(0);
        let tail_start = align_up(segments_end.max(self.loaded_end), 8);
        let (tail, shoff, shnum) = self.unloaded_sections(tail_start, program)?;

        let mut header = self.data[..ELF_HEADER_SIZE.min(self.loaded_end as usize)].to_vec();
        let phdrs = self.program_headers(segments, &bases);
        let table: Vec<u8> = phdrs.iter().flat_map(|p| object::bytes_of(p).iter().copied()).collect();
        assert!(table.len() as u64 <= self.phdr_table_size());
        let table_offset = seg_offsets[SegmentKind::Rodata as usize];
        let elf_header = object::from_bytes_mut::<FileHeader64<LE>>(&mut header).map_err(|()| "bad ELF header".to_string())?.0;
        elf_header.e_phoff.set(LE, table_offset);
        elf_header.e_phnum.set(LE, phdrs.len() as u16);
        elf_header.e_shoff.set(LE, shoff);
        elf_header.e_shnum.set(LE, shnum);

        let io = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
        let file = std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o755).open(path).map_err(io)?;
        let out = OutputFile { file: &file, path };
        out.write_at(0, &self.data[..self.loaded_end as usize])?;
        out.write_at(0, &header)?;
        for patch in patches {
            let offset = self
                .file_offset(patch.vaddr, patch.bytes.len() as u64)
                .filter(|&o| o + patch.bytes.len() as u64 <= self.loaded_end)
                .ok_or_else(|| format!("image address {:#x} is not in the file", patch.vaddr))?;
            out.write_at(offset, &patch.bytes)?;
        }
        fill(&out, &seg_offsets)?;
        out.write_at(table_offset, &table)?;
        Ok(out.write_at(tail_start, &tail)?)
    }

    /// The file's tail from offset `start`: the image's sections that lie
    /// past its loaded part (symbol table, string tables, comments), the
    /// symbol table and the string tables extended with the program's
    /// symbols and section names, then the section header table (the
    /// image's headers, moved, plus one per new output section). Returns
    /// the bytes, the header table's offset and the number of headers.
    fn unloaded_sections(&self, start: u64, program: &Program) -> Result<(Vec<u8>, u64, u16), String> {
        let mut out = Vec::new();
        let image_count = self.shdrs.len();
        let shstrndx = object::from_bytes::<FileHeader64<LE>>(&self.data).map_err(|()| "bad ELF header")?.0.e_shstrndx.get(LE) as usize;
        let symtab = self.shdrs.iter().position(|s| s.sh_type(LE) == elf::SHT_SYMTAB);
        let strtab = symtab.map(|i| self.shdrs[i].sh_link(LE) as usize);
        let section_data = |i: usize| -> Result<&[u8], String> {
            self.shdrs[i].data(LE, self.data.as_slice()).map_err(|_| format!("bad section {i} in the runtime image"))
        };

        // Extended string tables and symbol table.
        let mut shstr = section_data(shstrndx)?.to_vec();
        let mut new_names = Vec::with_capacity(program.sections.len());
        for section in program.sections {
            new_names.push(shstr.len() as u32);
            shstr.extend_from_slice(section.name.as_bytes());
            shstr.push(0);
        }
        let mut extended: Vec<(usize, Vec<u8>, u32)> = vec![(shstrndx, shstr, 0)];
        if let (Some(symtab), Some(strtab)) = (symtab, strtab) {
            let original_strings = section_data(strtab)?;
            let mut strings = original_strings.to_vec();
            let old = section_data(symtab)?;
            let locals = self.shdrs[symtab].sh_info(LE) as usize;
            let sym_size = std::mem::size_of::<Sym64<LE>>();
            let mut syms = old[..locals * sym_size].to_vec();
            for symbol in program.symbols {
                let sym = Sym64::<LE> {
                    st_name: object::U32::new(LE, strings.len() as u32),
                    st_info: (elf::STB_LOCAL << 4) | symbol.st_type,
                    st_other: elf::STV_DEFAULT,
                    st_shndx: object::U16::new(LE, (image_count + symbol.section) as u16),
                    st_value: object::U64::new(LE, symbol.address),
                    st_size: object::U64::new(LE, symbol.size),
                };
                strings.extend_from_slice(&symbol.name);
                strings.push(0);
                syms.extend_from_slice(object::bytes_of(&sym));
            }
            // The image's globals; its `main` (the anchor's thunk) is renamed
            // so that `main` in debuggers and profilers is the program's.
            let thunk_name = strings.len() as u32;
            strings.extend_from_slice(MAIN_THUNK_NAME.as_bytes());
            strings.push(0);
            for chunk in old[locals * sym_size..].chunks_exact(sym_size) {
                let mut sym = *object::from_bytes::<Sym64<LE>>(chunk).map_err(|()| "bad symbol")?.0;
                let name_at = sym.st_name.get(LE) as usize;
                if original_strings.get(name_at..name_at + 5) == Some(b"main\0") {
                    sym.st_name.set(LE, thunk_name);
                }
                syms.extend_from_slice(object::bytes_of(&sym));
            }
            extended.push((symtab, syms, (locals + program.symbols.len()) as u32));
            extended.push((strtab, strings, 0));
        }

        let mut shdrs = self.shdrs.clone();
        for (i, shdr) in shdrs.iter_mut().enumerate() {
            let offset = shdr.sh_offset(LE);
            if i == 0 || shdr.sh_type(LE) == elf::SHT_NOBITS || offset < self.loaded_end {
                continue;
            }
            let align = shdr.sh_addralign(LE).max(1);
            out.resize((align_up(start + out.len() as u64, align) - start) as usize, 0);
            shdr.sh_offset.set(LE, start + out.len() as u64);
            match extended.iter().find(|(index, _, _)| *index == i) {
                Some((_, bytes, info)) => {
                    out.extend_from_slice(bytes);
                    shdr.sh_size.set(LE, bytes.len() as u64);
                    if *info != 0 {
                        shdr.sh_info.set(LE, *info);
                    }
                }
                None => out.extend_from_slice(section_data(i)?),
            }
        }
        for (section, name) in program.sections.iter().zip(new_names) {
            let base = program.bases[section.kind as usize];
            shdrs.push(SectionHeader64 {
                sh_name: object::U32::new(LE, name),
                sh_type: object::U32::new(LE, section.sh_type),
                sh_flags: object::U64::new(LE, section.sh_flags as u64),
                sh_addr: object::U64::new(LE, base + section.start),
                sh_offset: object::U64::new(LE, base - self.delta + section.start),
                sh_size: object::U64::new(LE, section.end - section.start),
                sh_link: object::U32::new(LE, 0),
                sh_info: object::U32::new(LE, 0),
                sh_addralign: object::U64::new(LE, section.align.max(1)),
                sh_entsize: object::U64::new(LE, 0),
            });
        }
        out.resize((align_up(start + out.len() as u64, 8) - start) as usize, 0);
        let shoff = start + out.len() as u64;
        for shdr in &shdrs {
            out.extend_from_slice(object::bytes_of(shdr));
        }
        Ok((out, shoff, shdrs.len() as u16))
    }
}
