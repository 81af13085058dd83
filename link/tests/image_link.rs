//! The runtime-image link (`link_with_image`): what it writes (program
//! headers, a non-executable stack, section headers and symbols for tools,
//! identical bytes for identical inputs), what it refuses (TLS, unknown
//! symbols) with a clear error, and that the default link then falls back.

use hybrid_link::image_link::ImageLinkError;
use hybrid_link::system_link::link_with_image;
use hybrid_link::{link_executable, write_offload_object, LinkError, LinkOptions, Linker};
use object::elf;
use object::read::elf::{ElfFile64, ProgramHeader as _};
use object::{LittleEndian as LE, Object as _, ObjectSection as _, ObjectSymbol as _};
use std::path::{Path, PathBuf};
use std::process::Command;

fn shim_lib() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let lib = root.join("target/release/libhybrid_shim.a");
    assert!(lib.is_file(), "{} is missing: run `cargo build -p hybrid-shim --release` first", lib.display());
    lib
}

/// A fresh directory holding `main.o` (from `c_source`) and an offload
/// descriptor without images or kernels.
fn objects(name: &str, c_source: &str) -> (PathBuf, Vec<PathBuf>) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("image_{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let c = dir.join("main.c");
    std::fs::write(&c, c_source).unwrap();
    let main_o = dir.join("main.o");
    let out = Command::new("cc").args(["-c", "-O1", "-fPIC", "-o"]).arg(&main_o).arg(&c).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let desc = dir.join("offload.o");
    std::fs::write(&desc, write_offload_object(&[], &[]).unwrap()).unwrap();
    (dir, vec![main_o, desc])
}

fn run(exe: &Path) -> (i32, String) {
    let out = hybrid_link::start_fresh_executable(|| Command::new(exe).output()).unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

const HELLO: &str = r#"
#include <stdint.h>
void hybrid_fmt_str(const char*, uint64_t); void hybrid_fmt_f64(double, uint64_t); void hybrid_print_flush(int, int);
double sqrt(double);
double table[4] = { 1.0, 4.0, 9.0, 16.0 };   /* .data */
double zeros[64];                            /* .bss */
int main(void) {
    double s = 0;
    for (int i = 0; i < 4; i++) s += sqrt(table[i]) + zeros[i * 16];
    hybrid_fmt_str("sum ", 4); hybrid_fmt_f64(s, 0xFFFFFFFFull); hybrid_print_flush(0, 1);
    return 7;
}
"#;

#[test]
fn placed_program_runs_and_is_a_well_formed_executable() {
    let (dir, objects) = objects("hello", HELLO);
    let exe = dir.join("prog");
    std::fs::write(&exe, b"an old output to replace").unwrap();
    link_with_image(&objects, &shim_lib(), &exe).unwrap();
    assert_eq!(run(&exe), (7, "sum 10\n".to_string()));

    let bytes = std::fs::read(&exe).unwrap();
    let file = ElfFile64::<LE>::parse(&*bytes).unwrap();
    let header = file.elf_header();
    let phdrs = file.elf_program_headers();
    // The program header table lies in a loadable segment, where PT_PHDR says.
    let phoff = header.e_phoff.get(LE);
    let pt_phdr = phdrs.iter().find(|p| p.p_type(LE) == elf::PT_PHDR).expect("PT_PHDR");
    assert_eq!(pt_phdr.p_offset(LE), phoff);
    let covering = phdrs
        .iter()
        .find(|p| p.p_type(LE) == elf::PT_LOAD && p.p_offset(LE) <= phoff && phoff < p.p_offset(LE) + p.p_filesz(LE))
        .expect("a PT_LOAD covering the program headers");
    assert_eq!(covering.p_vaddr(LE) - covering.p_offset(LE), pt_phdr.p_vaddr(LE) - phoff);
    // No segment is writable and executable, and the stack is not executable.
    for p in phdrs {
        let flags = p.p_flags(LE);
        assert!(flags & elf::PF_W == 0 || flags & elf::PF_X == 0, "W+X segment {flags:#x}");
    }
    let stack = phdrs.iter().find(|p| p.p_type(LE) == elf::PT_GNU_STACK).expect("PT_GNU_STACK");
    assert_eq!(stack.p_flags(LE) & elf::PF_X, 0, "executable stack");
    // Tools see the program's sections and symbols.
    let mains: Vec<_> = file.symbols().filter(|s| s.name() == Ok("main")).collect();
    assert_eq!(mains.len(), 1, "one `main` (the program's) for debuggers");
    let main = &mains[0];
    assert!(file.symbols().any(|s| s.name() == Ok(hybrid_link::image_elf::MAIN_THUNK_NAME)));
    let text = file.section_by_index(main.section_index().unwrap()).unwrap();
    assert_eq!(text.name().unwrap(), ".text");
    assert!(text.address() <= main.address() && main.address() < text.address() + text.size());
    assert!(file.symbols().any(|s| s.name() == Ok("table") && s.address() != 0));
    let zeros = file.symbols().find(|s| s.name() == Ok("zeros")).expect("zeros in the symbol table");
    let bss = file.section_by_index(zeros.section_index().unwrap()).unwrap();
    assert_eq!(bss.kind(), object::SectionKind::UninitializedData);
    assert!(bss.address() > text.address(), "bss after the program's text");

    // The same inputs give the same bytes.
    let again = dir.join("prog2");
    link_with_image(&objects, &shim_lib(), &again).unwrap();
    assert!(std::fs::read(&again).unwrap() == bytes, "placing is not deterministic");
}

#[test]
fn unsupported_objects_are_refused_and_the_default_link_falls_back() {
    let tls = r#"
        void hybrid_print_flush(int, int); void hybrid_fmt_str(const char*, unsigned long);
        __thread int counter;
        int main(void) { counter++; hybrid_fmt_str("tls", 3); hybrid_print_flush(0, 1); return counter - 1; }
    "#;
    let (dir, objects) = objects("tls", tls);
    let exe = dir.join("prog");
    let err = link_with_image(&objects, &shim_lib(), &exe).unwrap_err();
    assert!(matches!(err, LinkError::Image(ImageLinkError::Unsupported(_))), "{err}");
    assert!(err.to_string().contains("TLS"), "{err}");
    let linker = link_executable(&objects, &shim_lib(), &exe, &LinkOptions::default()).unwrap();
    assert_ne!(linker, Linker::Image);
    assert_eq!(run(&exe), (0, "tls\n".to_string()));
}

#[test]
fn symbols_outside_the_image_are_named_in_the_error() {
    // `write`: a libc function that is no import slot of the image (`puts` is one now)
    let write = r#"
        long write(int, const void *, unsigned long);
        int main(void) { write(1, "from libc\n", 10); return 0; }
    "#;
    let (dir, objects) = objects("write", write);
    let exe = dir.join("prog");
    let err = link_with_image(&objects, &shim_lib(), &exe).unwrap_err();
    match &err {
        LinkError::Image(ImageLinkError::Undefined { name, object }) => {
            assert_eq!(name, "write");
            assert!(object.ends_with("main.o"), "{object}");
        }
        other => panic!("expected an undefined-symbol error, got {other}"),
    }
    link_executable(&objects, &shim_lib(), &exe, &LinkOptions::default()).unwrap();
    assert_eq!(run(&exe), (0, "from libc\n".to_string()));
}
