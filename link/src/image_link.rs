//! Placing a program into the runtime image ([`crate::runtime_image`]): the
//! link of a build when the runtime is already linked. The output is a copy
//! of the image with the program's objects appended as new segments:
//!
//! ```text
//! image (unchanged bytes)  | R: program headers, rodata, GOT | RX: text, init stub, import stubs | RW: data, bss
//! ```
//!
//! Because the image is a non-PIE executable, every address is known here:
//! relocations are resolved against the objects' own sections, the image's
//! symbol table (the shim) and its import slots (libc/libm/libgcc), and no
//! dynamic relocation is added. The program headers move to the new R
//! segment, whose file offset and address differ by the same amount as the
//! image's first segment, so the kernel's and the dynamic loader's idea of
//! where they are mapped agree. `main` and the program's constructors are
//! reached through the image's two slots, patched in the copy.
//!
//! What is supported is what hybridc's host backends emit: allocated
//! PROGBITS/NOBITS sections, `.init_array`, the relocations of x86-64 small
//! code model (absolute, PC-relative, PLT and GOT forms). Anything else
//! (TLS, COMDAT groups, common symbols, other relocation types) is an
//! [`ImageLinkError::Unsupported`], and the caller links the ordinary way.
//! `.eh_frame` is dropped: nothing unwinds through generated code (see the
//! FIXME(unwinding) in hybrid-cranelift).

use crate::descriptor::SHT_LLVM_OFFLOADING;
use crate::image_elf::{Image, OutSection, OutSymbol, OutputFile, Patch, Program, Segment, SegmentKind};
use crate::runtime_image::{IMAGE_IMPORTS, IMPORTS_SYMBOL, SLOTS_SYMBOL, SLOT_INIT, SLOT_MAIN};
use object::elf;
use object::read::elf::ElfFile64;
use object::{
    LittleEndian as LE, Object as _, ObjectSection as _, ObjectSymbol as _, RelocationFlags, RelocationTarget, SectionIndex, SymbolIndex,
    SymbolSection,
};
use std::collections::HashMap;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum ImageLinkError {
    /// Something the image link does not do; the ordinary link can.
    #[error("{0}")]
    Unsupported(String),
    #[error("undefined symbol `{name}` (referenced from {object})")]
    Undefined { name: String, object: String },
    #[error("symbol `{name}` is defined both in {first} and in {second}")]
    Duplicate { name: String, first: String, second: String },
    #[error("{0}")]
    Io(String),
}

type Result<T, E = ImageLinkError> = std::result::Result<T, E>;

impl From<String> for ImageLinkError {
    fn from(message: String) -> Self {
        ImageLinkError::Io(message)
    }
}

fn unsupported<T>(msg: String) -> Result<T> {
    Err(ImageLinkError::Unsupported(msg))
}

/// One relocation of input `name` as (offset, type, symbol, addend).
fn decode((offset, reloc): (u64, object::Relocation), name: &str) -> Result<(u64, u32, SymbolIndex, i64)> {
    match (reloc.flags(), reloc.target()) {
        (RelocationFlags::Elf { r_type }, RelocationTarget::Symbol(symbol)) => Ok((offset, r_type, symbol, reloc.addend())),
        _ => unsupported(format!("{name}: a relocation without a symbol")),
    }
}

/// Where a placed input section went.
#[derive(Clone, Copy)]
struct Placement {
    kind: SegmentKind,
    offset: u64,
    /// Index into `Placer::out_sections`.
    out_section: usize,
}

/// One input object: its parsed ELF, where its sections went and what each
/// of its symbols resolves to.
struct Input<'a> {
    name: String,
    file: ElfFile64<'a, LE>,
    placed: HashMap<SectionIndex, Placement>,
    /// By symbol index; `None`: unresolvable (an error if a relocation uses it).
    symbols: Vec<Option<Resolved>>,
    /// GOT entry offset (in the R segment) by symbol index, for GOT-referenced non-imports.
    got: Vec<Option<u64>>,
}

/// What a symbol reference resolves to.
#[derive(Clone, Copy, Debug)]
enum Resolved {
    /// A place in a new segment.
    Placed { kind: SegmentKind, offset: u64 },
    /// A fixed address: the image's symbol, an absolute symbol.
    Absolute(u64),
    /// A function reached through import slot `i` of the image.
    Import(usize),
}

/// The linker state: inputs, layout, GOT and stubs.
struct Placer<'a> {
    image: &'a Image,
    inputs: Vec<Input<'a>>,
    /// Global definitions of the inputs: name → (input, symbol).
    globals: HashMap<&'a [u8], (usize, SymbolIndex)>,
    /// Sizes of each new segment.
    segments: [Segment; 3],
    /// Placed input sections with file bytes: (input, section, bytes).
    copies: Vec<(usize, SectionIndex, &'a [u8])>,
    /// GOT entries: (offset in R, input, symbol).
    got: Vec<(u64, usize, SymbolIndex)>,
    /// Call stubs `jmp [rip + slot]`: offset in RX by import.
    stubs: HashMap<usize, u64>,
    /// The output sections (runs of equally named input sections).
    out_sections: Vec<OutSection>,
    /// Functions named by the inputs' `.init_array`s, in order.
    init_functions: Vec<(usize, SymbolIndex, i64)>,
}

/// Place the relocatable `objects` (name, bytes) into the runtime image
/// `image_path`, writing the executable `output`.
pub fn place(objects: &[(String, &[u8])], image_path: &Path, output: &Path) -> Result<()> {
    let image = Image::read(image_path)?;
    let mut inputs = Vec::with_capacity(objects.len());
    for (name, data) in objects {
        let file = ElfFile64::<LE>::parse(*data).map_err(|e| ImageLinkError::Unsupported(format!("{name}: {e}")))?;
        if file.elf_header().e_type.get(LE) != elf::ET_REL {
            return unsupported(format!("{name} is not a relocatable object"));
        }
        inputs.push(Input { name: name.clone(), file, placed: HashMap::new(), symbols: Vec::new(), got: Vec::new() });
    }
    let mut placer = Placer {
        image: &image,
        inputs,
        globals: HashMap::new(),
        segments: [Segment::new(SegmentKind::Rodata), Segment::new(SegmentKind::Text), Segment::new(SegmentKind::Data)],
        copies: Vec::new(),
        got: Vec::new(),
        stubs: HashMap::new(),
        out_sections: Vec::new(),
        init_functions: Vec::new(),
    };
    placer.collect_globals()?;
    placer.layout_sections()?;
    placer.resolve_symbols();
    let init_stub_at = placer.plan_got_and_stubs()?;
    let bases = image.segment_bases(&placer.segments);

    let main = placer.globals.get(&b"main"[..]).copied();
    let main = main.ok_or_else(|| ImageLinkError::Undefined { name: "main".into(), object: "the C runtime".into() })?;
    let slots = image.symbol(SLOTS_SYMBOL).ok_or_else(|| ImageLinkError::Io(format!("the runtime image has no `{SLOTS_SYMBOL}`")))?;
    let main_addr = placer.address(placer.symbol(main.0, main.1)?, &bases);
    let init_addr = bases[SegmentKind::Text as usize] + init_stub_at;
    let patches = [
        Patch { vaddr: slots + 8 * SLOT_MAIN, bytes: main_addr.to_le_bytes().to_vec() },
        Patch { vaddr: slots + 8 * SLOT_INIT, bytes: init_addr.to_le_bytes().to_vec() },
    ];
    let symbols = placer.out_symbols(&bases)?;
    let program = Program { segments: &placer.segments, bases, sections: &placer.out_sections, symbols: &symbols, patches: &patches };
    image.write_program(output, &program, |file, seg_offsets| placer.fill(file, seg_offsets, &bases, init_stub_at))
}

impl<'a> Placer<'a> {
    fn collect_globals(&mut self) -> Result<()> {
        for (i, input) in self.inputs.iter().enumerate() {
            for symbol in input.file.symbols() {
                if !symbol.is_global() || symbol.is_undefined() {
                    continue;
                }
                if symbol.is_common() {
                    return unsupported(format!("{}: common symbol `{}`", input.name, symbol.name().unwrap_or("?")));
                }
                let name = symbol.name_bytes().map_err(|e| e.to_string())?;
                if let Some(&(first, _)) = self.globals.get(name) {
                    return Err(ImageLinkError::Duplicate {
                        name: String::from_utf8_lossy(name).into_owned(),
                        first: self.inputs[first].name.clone(),
                        second: input.name.clone(),
                    });
                }
                self.globals.insert(name, (i, symbol.index()));
            }
        }
        Ok(())
    }

    /// Give every allocated section of every input its place in a segment:
    /// by segment, file bytes before bss, then by name (in input order
    /// among equals), so that equal names form one output section.
    fn layout_sections(&mut self) -> Result<()> {
        struct Candidate<'n> {
            kind: SegmentKind,
            nobits: bool,
            name: &'n str,
            sh_type: u32,
            sh_flags: u32,
            input: usize,
            section: SectionIndex,
        }
        let mut candidates = Vec::new();
        for (i, input) in self.inputs.iter().enumerate() {
            for section in input.file.sections() {
                let header = section.elf_section_header();
                let (sh_type, sh_flags) = (header.sh_type.get(LE), header.sh_flags.get(LE) as u32);
                let name = section.name().unwrap_or("");
                // Notes (e.g. .note.gnu.property) are advisory; unwind tables see the module docs.
                if sh_flags & elf::SHF_ALLOC == 0 || sh_type == elf::SHT_NOTE || name == ".eh_frame" || sh_type == elf::SHT_X86_64_UNWIND {
                    continue;
                }
                if sh_type == elf::SHT_INIT_ARRAY {
                    for (offset, reloc) in section.relocations() {
                        let RelocationTarget::Symbol(symbol) = reloc.target() else {
                            return unsupported(format!("{}: .init_array entry without a symbol", input.name));
                        };
                        if reloc.flags() != (RelocationFlags::Elf { r_type: elf::R_X86_64_64 }) || offset % 8 != 0 {
                            return unsupported(format!("{}: unexpected .init_array relocation", input.name));
                        }
                        self.init_functions.push((i, symbol, reloc.addend()));
                    }
                    continue;
                }
                if sh_flags & (elf::SHF_TLS | elf::SHF_GROUP) != 0 {
                    return unsupported(format!("{}: section `{name}` (TLS or COMDAT group)", input.name));
                }
                if ![elf::SHT_PROGBITS, elf::SHT_NOBITS, SHT_LLVM_OFFLOADING].contains(&sh_type) {
                    return unsupported(format!("{}: section `{name}` of type {sh_type:#x}", input.name));
                }
                let kind = if sh_flags & elf::SHF_EXECINSTR != 0 {
                    SegmentKind::Text
                } else if sh_flags & elf::SHF_WRITE != 0 {
                    SegmentKind::Data
                } else {
                    SegmentKind::Rodata
                };
                let nobits = sh_type == elf::SHT_NOBITS;
                if nobits && kind != SegmentKind::Data {
                    return unsupported(format!("{}: read-only bss section `{name}`", input.name));
                }
                candidates.push(Candidate { kind, nobits, name, sh_type, sh_flags, input: i, section: section.index() });
            }
        }
        candidates.sort_by_key(|c| (c.kind as u8, c.nobits, c.name));
        self.segments[SegmentKind::Rodata as usize].reserve(self.image.phdr_table_size(), 8);
        for c in candidates {
            let section = self.inputs[c.input].file.section_by_index(c.section).map_err(|e| e.to_string())?;
            let segment = &mut self.segments[c.kind as usize];
            let offset = if c.nobits {
                segment.reserve_bss(section.size(), section.align())
            } else {
                let data = section.data().map_err(|e| e.to_string())?;
                let offset = segment.reserve(data.len() as u64, section.align());
                self.copies.push((c.input, c.section, data));
                offset
            };
            let end = offset + section.size();
            match self.out_sections.last_mut() {
                Some(last) if last.kind == c.kind && last.name == c.name && last.sh_type == c.sh_type => {
                    last.end = end;
                    last.align = last.align.max(section.align());
                }
                _ => self.out_sections.push(OutSection {
                    name: c.name.to_string(),
                    kind: c.kind,
                    sh_type: c.sh_type,
                    sh_flags: c.sh_flags,
                    start: offset,
                    end,
                    align: section.align(),
                }),
            }
            let out_index = self.out_sections.len() - 1;
            self.inputs[c.input].placed.insert(c.section, Placement { kind: c.kind, offset, out_section: out_index });
        }
        Ok(())
    }

    /// Resolve every symbol of every input once (see [`Input::symbols`]).
    fn resolve_symbols(&mut self) {
        for i in 0..self.inputs.len() {
            let count = self.inputs[i].file.elf_symbol_table().len();
            let symbols = (0..count).map(|s| self.resolve(i, SymbolIndex(s)).ok()).collect();
            self.inputs[i].symbols = symbols;
            self.inputs[i].got = vec![None; count];
        }
    }

    /// What symbol `symbol` of input `input` refers to.
    fn resolve(&self, input: usize, symbol: SymbolIndex) -> Result<Resolved> {
        let file = &self.inputs[input].file;
        let sym = file.symbol_by_index(symbol).map_err(|e| e.to_string())?;
        match sym.section() {
            SymbolSection::Section(section) => match self.inputs[input].placed.get(&section) {
                Some(p) => Ok(Resolved::Placed { kind: p.kind, offset: p.offset + sym.address() }),
                None => unsupported(format!("{}: a relocation refers to a dropped section", self.inputs[input].name)),
            },
            SymbolSection::Absolute => Ok(Resolved::Absolute(sym.address())),
            SymbolSection::Undefined => {
                let name = sym.name_bytes().map_err(|e| e.to_string())?;
                if let Some(&(other, index)) = self.globals.get(name) {
                    return self.resolve(other, index);
                }
                let text = String::from_utf8_lossy(name);
                if let Some(i) = IMAGE_IMPORTS.iter().position(|n| *n == text) {
                    return Ok(Resolved::Import(i));
                }
                if let Some(address) = self.image.symbol(&text) {
                    return Ok(Resolved::Absolute(address));
                }
                if sym.is_weak() {
                    return Ok(Resolved::Absolute(0));
                }
                Err(ImageLinkError::Undefined { name: text.into_owned(), object: self.inputs[input].name.clone() })
            }
            _ => unsupported(format!("{}: symbol `{}` in an unsupported section", self.inputs[input].name, sym.name().unwrap_or("?"))),
        }
    }

    /// The resolved symbol, or the error saying why it does not resolve.
    fn symbol(&self, input: usize, symbol: SymbolIndex) -> Result<Resolved> {
        match self.inputs[input].symbols.get(symbol.0).copied().flatten() {
            Some(resolved) => Ok(resolved),
            None => self.resolve(input, symbol),
        }
    }

    /// The address of `resolved`; an import's is its call stub.
    fn address(&self, resolved: Resolved, bases: &[u64; 3]) -> u64 {
        match resolved {
            Resolved::Placed { kind, offset } => bases[kind as usize] + offset,
            Resolved::Absolute(address) => address,
            Resolved::Import(i) => bases[SegmentKind::Text as usize] + self.stubs[&i],
        }
    }

    /// Every relocation of every placed section: (input, place, offset, r_type, symbol, addend).
    fn relocations(&self) -> impl Iterator<Item = Result<(usize, Placement, u64, u32, SymbolIndex, i64)>> + '_ {
        self.inputs.iter().enumerate().flat_map(|(i, input)| {
            input.file.sections().filter_map(move |s| input.placed.get(&s.index()).map(|p| (s, *p))).flat_map(move |(s, p)| {
                s.relocations().map(move |r| decode(r, &input.name).map(|(offset, r_type, symbol, a)| (i, p, offset, r_type, symbol, a)))
            })
        })
    }

    /// Reserve GOT entries (end of R), import stubs and the constructor
    /// stub (end of RX). Returns the constructor stub's offset.
    fn plan_got_and_stubs(&mut self) -> Result<u64> {
        let mut got_keys: Vec<(usize, SymbolIndex)> = Vec::new();
        let mut in_got: Vec<Vec<bool>> = self.inputs.iter().map(|i| vec![false; i.symbols.len()]).collect();
        let mut imports: Vec<usize> = Vec::new();
        for reloc in self.relocations() {
            let (input, _, _, r_type, symbol, _) = reloc?;
            match self.symbol(input, symbol)? {
                Resolved::Import(i) if !is_got(r_type) && !imports.contains(&i) => imports.push(i),
                Resolved::Import(_) => {}
                _ if is_got(r_type) && !in_got[input][symbol.0] => {
                    in_got[input][symbol.0] = true;
                    got_keys.push((input, symbol));
                }
                _ => {}
            }
        }
        let got_at = self.segments[SegmentKind::Rodata as usize].reserve(8 * got_keys.len() as u64, 8);
        for (n, (input, symbol)) in got_keys.into_iter().enumerate() {
            let at = got_at + 8 * n as u64;
            self.inputs[input].got[symbol.0] = Some(at);
            self.got.push((at, input, symbol));
        }
        let text = &mut self.segments[SegmentKind::Text as usize];
        let stubs_at = text.reserve(8 * imports.len() as u64, 16);
        for (n, i) in imports.into_iter().enumerate() {
            self.stubs.insert(i, stubs_at + 8 * n as u64);
        }
        let init_len = 4 + 5 * self.init_functions.len() as u64 + 5;
        let init_at = text.reserve(init_len, 16);
        let made = |name: &str, kind, sh_flags, start, end| OutSection {
            name: name.to_string(),
            kind,
            sh_type: elf::SHT_PROGBITS,
            sh_flags,
            start,
            end,
            align: if kind == SegmentKind::Text { 16 } else { 8 },
        };
        if !self.got.is_empty() {
            let end = got_at + 8 * self.got.len() as u64;
            self.out_sections.push(made(".hybrid.got", SegmentKind::Rodata, elf::SHF_ALLOC, got_at, end));
        }
        self.out_sections.push(made(".hybrid.stubs", SegmentKind::Text, elf::SHF_ALLOC | elf::SHF_EXECINSTR, stubs_at, init_at + init_len));
        Ok(init_at)
    }

    /// Write the new segments' contents into `file` (`seg_offsets`: each
    /// segment's file offset): each section with its relocations resolved,
    /// the GOT, the import stubs and the constructor stub.
    fn fill(&self, file: &OutputFile, seg_offsets: &[u64; 3], bases: &[u64; 3], init_at: u64) -> Result<()> {
        let at = |kind: SegmentKind, offset: u64| seg_offsets[kind as usize] + offset;
        let mut bytes = Vec::new();
        for &(input, section_index, data) in &self.copies {
            let name = &self.inputs[input].name;
            let place = self.inputs[input].placed[&section_index];
            bytes.clear();
            bytes.extend_from_slice(data);
            let section = self.inputs[input].file.section_by_index(section_index).map_err(|e| e.to_string())?;
            for reloc in section.relocations() {
                let (offset, r_type, symbol, a) = decode(reloc, name)?;
                let resolved = self.symbol(input, symbol)?;
                let p = bases[place.kind as usize] + place.offset + offset;
                let s = match resolved {
                    // Reached through their slot, never by address (see plan_got_and_stubs).
                    Resolved::Import(_) if is_got(r_type) => 0,
                    _ => self.address(resolved, bases) as i64,
                };
                let out_of_range = || ImageLinkError::Unsupported(format!("{name}: relocation {r_type} at {p:#x} out of range"));
                let pc32 = |value: i64| i32::try_from(value).map(|v| v.to_le_bytes()).map_err(|_| out_of_range());
                let mut buf = [0u8; 8];
                let len = match r_type {
                    elf::R_X86_64_NONE => continue,
                    elf::R_X86_64_64 => {
                        buf = (s.wrapping_add(a) as u64).to_le_bytes();
                        8
                    }
                    elf::R_X86_64_PC64 => {
                        buf = s.wrapping_add(a).wrapping_sub(p as i64).to_le_bytes();
                        8
                    }
                    elf::R_X86_64_PC32 | elf::R_X86_64_PLT32 => {
                        buf[..4].copy_from_slice(&pc32(s + a - p as i64)?);
                        4
                    }
                    elf::R_X86_64_32 => {
                        buf[..4].copy_from_slice(&u32::try_from(s + a).map_err(|_| out_of_range())?.to_le_bytes());
                        4
                    }
                    elf::R_X86_64_32S => {
                        buf[..4].copy_from_slice(&pc32(s + a)?);
                        4
                    }
                    t if is_got(t) => {
                        let entry = match resolved {
                            Resolved::Import(i) => self.import_slot(i)?,
                            _ => bases[SegmentKind::Rodata as usize] + self.inputs[input].got[symbol.0].expect("planned"),
                        };
                        buf[..4].copy_from_slice(&pc32(entry as i64 + a - p as i64)?);
                        4
                    }
                    t => return unsupported(format!("{name}: relocation type {t}")),
                };
                let Some(target) = bytes.get_mut(offset as usize..offset as usize + len) else {
                    return unsupported(format!("{name}: a relocation outside its section"));
                };
                target.copy_from_slice(&buf[..len]);
            }
            file.write_at(at(place.kind, place.offset), &bytes)?;
        }
        if let Some(&(got_start, _, _)) = self.got.first() {
            let mut got = Vec::with_capacity(8 * self.got.len());
            for &(_, input, symbol) in &self.got {
                got.extend_from_slice(&self.address(self.symbol(input, symbol)?, bases).to_le_bytes());
            }
            file.write_at(at(SegmentKind::Rodata, got_start), &got)?;
        }
        let text_base = bases[SegmentKind::Text as usize];
        for (&i, &stub_at) in &self.stubs {
            let slot = self.import_slot(i)?;
            let rel = i32::try_from(slot as i64 - (text_base + stub_at + 6) as i64);
            let rel = rel.map_err(|_| ImageLinkError::Unsupported("import slot out of range".into()))?;
            let mut stub = vec![0xFF, 0x25];
            stub.extend_from_slice(&rel.to_le_bytes());
            file.write_at(at(SegmentKind::Text, stub_at), &stub)?;
        }
        let mut init = vec![0x48, 0x83, 0xEC, 0x08];
        for &(input, symbol, addend) in &self.init_functions {
            let target = self.address(self.symbol(input, symbol)?, bases) as i64 + addend;
            let next = (text_base + init_at) as i64 + init.len() as i64 + 5;
            let rel = i32::try_from(target - next).map_err(|_| ImageLinkError::Unsupported("constructor out of range".into()))?;
            init.push(0xE8);
            init.extend_from_slice(&rel.to_le_bytes());
        }
        init.extend_from_slice(&[0x48, 0x83, 0xC4, 0x08, 0xC3]);
        file.write_at(at(SegmentKind::Text, init_at), &init)?;
        Ok(())
    }

    /// The address of import slot `i` in the image.
    fn import_slot(&self, i: usize) -> Result<u64> {
        let table =
            self.image.symbol(IMPORTS_SYMBOL).ok_or_else(|| ImageLinkError::Io(format!("the runtime image has no `{IMPORTS_SYMBOL}`")))?;
        Ok(table + 8 * i as u64)
    }
}

impl Placer<'_> {
    /// The named functions and data objects of the inputs, for the output's
    /// symbol table.
    fn out_symbols(&self, bases: &[u64; 3]) -> Result<Vec<OutSymbol>> {
        let mut symbols = Vec::new();
        for input in &self.inputs {
            for symbol in input.file.symbols() {
                let st_type = match symbol.kind() {
                    object::SymbolKind::Text => elf::STT_FUNC,
                    object::SymbolKind::Data => elf::STT_OBJECT,
                    _ => continue,
                };
                let SymbolSection::Section(section) = symbol.section() else { continue };
                let Some(place) = input.placed.get(&section) else { continue };
                let name = symbol.name_bytes().map_err(|e| e.to_string())?;
                if name.is_empty() {
                    continue;
                }
                symbols.push(OutSymbol {
                    name: name.to_vec(),
                    address: bases[place.kind as usize] + place.offset + symbol.address(),
                    size: symbol.size(),
                    st_type,
                    section: place.out_section,
                });
            }
        }
        Ok(symbols)
    }
}

fn is_got(r_type: u32) -> bool {
    matches!(r_type, elf::R_X86_64_GOTPCREL | elf::R_X86_64_GOTPCRELX | elf::R_X86_64_REX_GOTPCRELX)
}
