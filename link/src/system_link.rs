//! The final link: host objects + the offload descriptor + the shim into an
//! executable.
//!
//! Fastest path (the default): the objects placed into the runtime image,
//! the shim and the C runtime linked once and cached
//! ([`crate::runtime_image`], [`crate::image_link`]): a small program
//! "links" in well under a millisecond.
//!
//! Fast path: the shim staticlib pre-linked once into one small object
//! ([`crate::shim_prelink`]), and the command line the C compiler driver
//! would give its linker ([`crate::link_recipe`]) handed to the wild linker
//! inside this process ([`crate::in_process`]): a small program links in
//! ~5 ms. With `HYBRID_LINKER=gold|lld|bfd` that command runs that linker
//! as a process instead (gold ~15 ms; Debian's `ld.lld` spends ~22 ms just
//! starting, as it loads the shared libLLVM).
//!
//! Each step falls back: a failed image placement (e.g. an object with
//! something it does not support) → the in-process link; a failed in-process link → gold (or the system
//! linker) as a process; no pre-linked shim → the archive; no recipe → the
//! driver (`cc`, or `$HYBRID_CC`); and a failed fast link is retried the
//! classic way (`cc [-fuse-ld=...] objects libhybrid_shim.a`), whose error
//! is the one reported. `HYBRID_LINK_FAST=0` takes the classic way only;
//! `HYBRID_LINK_VERBOSE=1` prints the commands and why a step fell back.

use crate::link_recipe::{driver_linker_flags, link_recipe};
use crate::shim_prelink::{find_in_path, prelinked_shim};
use crate::LinkError;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The native libraries the shim staticlib needs, from
/// `cargo rustc -p hybrid-shim --release -- --print native-static-libs`.
pub const SHIM_NATIVE_LIBS: &[&str] = &["-lgcc_s", "-lutil", "-lrt", "-lpthread", "-lm", "-ldl", "-lc"];

/// Where LLVM 19's lld lives on Debian.
const LLVM_BIN_DIRS: &[&str] = &["/usr/lib/llvm-19/bin"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Linker {
    /// The objects placed into the cached runtime image ([`crate::image_link`]).
    Image,
    /// The wild linker inside this process (`libwild`), on the command line
    /// the system linker would get.
    InProcess,
    /// GNU gold (`ld.gold` in `$PATH`; `cc -fuse-ld=gold`).
    Gold,
    /// `ld.lld` in this directory (`cc -fuse-ld=lld -B<dir>`).
    Lld(PathBuf),
    /// Whatever `cc` uses by default (GNU ld).
    System,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkOptions {
    pub linker: Linker,
    /// Worker threads of the in-process linker; 0 means all cores.
    pub threads: usize,
    /// When the image placement or the in-process link fails, link the next
    /// way instead (the default). Off: report that failure.
    pub fallback: bool,
}

impl Default for LinkOptions {
    /// `$HYBRID_LINKER` if set (`image` (without fallback), `wild`, `gold`,
    /// `lld` or `bfd`), else the runtime image with fallbacks.
    fn default() -> LinkOptions {
        let wanted = std::env::var("HYBRID_LINKER").unwrap_or_default();
        let linker = match wanted.as_str() {
            "" | "image" => Linker::Image,
            "wild" => Linker::InProcess,
            "gold" => Linker::Gold,
            "lld" => find_lld().map_or(Linker::System, Linker::Lld),
            "bfd" | "ld" | "system" => Linker::System,
            other => {
                eprintln!("hybridc: warning: ignoring HYBRID_LINKER={other} (expected image, wild, gold, lld or bfd)");
                Linker::Image
            }
        };
        LinkOptions { linker, threads: 0, fallback: wanted != "image" }
    }
}

/// The linker run as a process when the in-process link fails: gold when
/// installed (the fastest to start), else the system linker. lld is not
/// chosen: with the pre-linked shim its start-up alone costs more than a
/// whole gold or GNU ld link.
fn external_fallback() -> Linker {
    if find_in_path("ld.gold").is_some() {
        Linker::Gold
    } else {
        Linker::System
    }
}

/// The directory holding `ld.lld` (LLVM 19's first, then `$PATH`).
pub fn find_lld() -> Option<PathBuf> {
    let llvm = LLVM_BIN_DIRS.iter().map(PathBuf::from);
    let path = std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect::<Vec<_>>()).unwrap_or_default();
    llvm.chain(path).find(|dir| dir.join("ld.lld").is_file())
}

fn verbose() -> bool {
    std::env::var_os("HYBRID_LINK_VERBOSE").is_some_and(|v| !v.is_empty() && v != "0")
}

fn note(msg: impl FnOnce() -> String) {
    if verbose() {
        eprintln!("hybridc: link: {}", msg());
    }
}

/// What follows the objects on every link line: the shim, section GC,
/// dropping the runtime's (Rust std's) debug info (executables ~10x smaller,
/// links faster), and the shim's native libraries.
fn inputs(objects: &[PathBuf], shim: &Path, wl: bool) -> Vec<OsString> {
    let mut args: Vec<OsString> = objects.iter().map(|o| o.clone().into_os_string()).collect();
    args.push(shim.into());
    for flag in ["--gc-sections", "--strip-debug"] {
        args.push(if wl { format!("-Wl,{flag}") } else { flag.to_string() }.into());
    }
    args.extend(SHIM_NATIVE_LIBS.iter().map(OsString::from));
    args
}

/// The link through the C compiler driver (the classic, always-available way).
pub fn link_command(objects: &[PathBuf], shim_lib: &Path, output: &Path, options: &LinkOptions) -> Command {
    let cc = std::env::var_os("HYBRID_CC").unwrap_or_else(|| "cc".into());
    let mut cmd = Command::new(cc);
    cmd.args(driver_linker_flags(&options.linker));
    cmd.arg("-o").arg(output);
    cmd.args(inputs(objects, shim_lib, true));
    cmd
}

/// The pre-linked shim when it can be had, else the archive itself.
fn shim_input(shim_lib: &Path) -> PathBuf {
    if shim_lib.extension().is_some_and(|e| e == "o") {
        return shim_lib.to_path_buf();
    }
    prelinked_shim(shim_lib).unwrap_or_else(|e| {
        note(|| format!("no pre-linked shim, linking the archive: {e}"));
        shim_lib.to_path_buf()
    })
}

/// The fast link command: the pre-linked shim when it can be had, the
/// linker run directly when its recipe can be had (see the module docs).
pub fn fast_link_command(objects: &[PathBuf], shim_lib: &Path, output: &Path, options: &LinkOptions) -> Command {
    let shim = shim_input(shim_lib);
    match link_recipe(&options.linker, shim_lib) {
        Ok(recipe) => recipe.command(&inputs(objects, &shim, false), output),
        Err(e) => {
            note(|| format!("no direct linker command, using the driver: {e}"));
            link_command(objects, &shim, output, options)
        }
    }
}

/// The fast link inside this process: the system linker's recipe, run by
/// [`crate::in_process`]. No fallback: [`link_executable`] adds that.
pub fn link_in_process(objects: &[PathBuf], shim_lib: &Path, output: &Path, threads: usize) -> Result<(), LinkError> {
    let shim = shim_input(shim_lib);
    let recipe = link_recipe(&Linker::System, shim_lib).map_err(LinkError::InvalidInput)?;
    let cmd = recipe.command(&inputs(objects, &shim, false), output);
    let args: Vec<OsString> = cmd.get_args().map(OsString::from).collect();
    note(|| format!("linking in process: {args:?}"));
    crate::in_process::link(&args, threads)
}

fn run(cmd: &mut Command) -> Result<(), LinkError> {
    let shown = format!("{cmd:?}");
    note(|| format!("running {shown}"));
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

/// Place `objects` into the runtime image of `shim_lib` (built and cached
/// on first use). No fallback: [`link_executable`] adds that.
pub fn link_with_image(objects: &[PathBuf], shim_lib: &Path, output: &Path) -> Result<(), LinkError> {
    let datas = objects
        .iter()
        .map(|p| std::fs::read(p).map_err(|e| LinkError::InvalidInput(format!("cannot read {}: {e}", p.display()))))
        .collect::<Result<Vec<_>, _>>()?;
    let named: Vec<(String, &[u8])> = objects.iter().zip(&datas).map(|(p, d)| (p.display().to_string(), d.as_slice())).collect();
    place_in_image(&named, shim_lib, output)
}

fn place_in_image(objects: &[(String, &[u8])], shim_lib: &Path, output: &Path) -> Result<(), LinkError> {
    let image = crate::runtime_image::runtime_image(shim_lib).map_err(LinkError::InvalidInput)?;
    note(|| format!("placing {} object(s) into {}", objects.len(), image.display()));
    crate::image_link::place(objects, &image, output)?;
    Ok(())
}

/// `HYBRID_LINK_FAST=0` asks for the classic driver link only.
fn fast_link_allowed() -> bool {
    std::env::var_os("HYBRID_LINK_FAST").is_none_or(|v| v != "0")
}

/// The image placement `place` as the first step of a link: true when it
/// placed the program, false when the link goes on the next way (the
/// reason is noted), its error when `options.fallback` is off.
fn placed_first(options: &LinkOptions, place: impl FnOnce() -> Result<(), LinkError>) -> Result<bool, LinkError> {
    match place() {
        Ok(()) => Ok(true),
        Err(e) if !options.fallback => Err(e),
        Err(e) => {
            note(|| format!("placing into the runtime image failed, linking in process: {e}"));
            Ok(false)
        }
    }
}

/// An object in memory: a name for messages and its bytes.
pub struct ObjectBytes<'a> {
    /// File name to use if it must be written out (and in messages).
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// Link objects held in memory: placed into the runtime image straight
/// from memory when `options` allow, else written into `scratch` and
/// linked by [`link_executable`]. Returns the linker that did it.
pub fn link_objects(
    objects: &[ObjectBytes],
    scratch: &Path,
    shim_lib: &Path,
    output: &Path,
    options: &LinkOptions,
) -> Result<Linker, LinkError> {
    let mut options = options.clone();
    if options.linker == Linker::Image && fast_link_allowed() && shim_lib.is_file() {
        let named: Vec<(String, &[u8])> = objects.iter().map(|o| (o.name.to_string(), o.bytes)).collect();
        if placed_first(&options, || place_in_image(&named, shim_lib, output))? {
            return Ok(Linker::Image);
        }
        options.linker = Linker::InProcess;
    }
    let mut paths = Vec::with_capacity(objects.len());
    for object in objects {
        let path = scratch.join(object.name);
        std::fs::write(&path, object.bytes).map_err(|e| LinkError::InvalidInput(format!("cannot write {}: {e}", path.display())))?;
        paths.push(path);
    }
    link_executable(&paths, shim_lib, output, &options)
}

/// Link `objects` and the shim (`libhybrid_shim.a`, or an already pre-linked
/// `.o`) into the executable `output`. Returns the linker that did it.
pub fn link_executable(objects: &[PathBuf], shim_lib: &Path, output: &Path, options: &LinkOptions) -> Result<Linker, LinkError> {
    if !shim_lib.is_file() {
        return Err(LinkError::InvalidInput(format!(
            "the shim library {} does not exist (build it with `cargo build -p hybrid-shim --release`)",
            shim_lib.display()
        )));
    }
    let fast_allowed = fast_link_allowed();
    let mut linker = options.linker.clone();
    if linker == Linker::Image && fast_allowed {
        if placed_first(options, || link_with_image(objects, shim_lib, output))? {
            return Ok(Linker::Image);
        }
        linker = Linker::InProcess;
    }
    let external;
    let options = if matches!(linker, Linker::InProcess | Linker::Image) {
        if fast_allowed {
            match link_in_process(objects, shim_lib, output, options.threads) {
                Ok(()) => return Ok(Linker::InProcess),
                Err(e) if !options.fallback => return Err(e),
                Err(e) => note(|| format!("the in-process link failed, linking with a linker process: {e}")),
            }
        }
        external = LinkOptions { linker: external_fallback(), ..options.clone() };
        &external
    } else {
        options
    };
    let classic = link_command(objects, shim_lib, output, options);
    if !fast_allowed {
        let mut classic = classic;
        return run(&mut classic).map(|()| options.linker.clone());
    }
    let mut fast = fast_link_command(objects, shim_lib, output, options);
    let same = fast.get_program() == classic.get_program() && fast.get_args().eq(classic.get_args());
    match run(&mut fast) {
        Ok(()) => Ok(options.linker.clone()),
        Err(e) if same => Err(e),
        Err(e) => {
            note(|| format!("the fast link failed, retrying through the driver with the archive: {e}"));
            let mut classic = classic;
            run(&mut classic).map(|()| options.linker.clone())
        }
    }
}
