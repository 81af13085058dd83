//! The build pipeline: front end, then host (Cranelift, or LLVM with
//! `--host-backend=llvm`) and device (LLVM) code generation concurrently,
//! then the offload descriptor and the link.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crate::timings::Timings;
use crate::{CommonArgs, DiagArgs, HostBackend, Stage};

#[derive(Debug, thiserror::Error)]
pub enum DriverError {
    /// Diagnostics about the user's program, already rendered.
    #[error("{0}")]
    User(String),
    #[error("error: cannot read `{path}`: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("error: cannot write `{path}`: {source}")]
    Write { path: String, source: std::io::Error },
    #[error("error: {0}")]
    Device(#[from] hybrid_llvm::LlvmError),
    #[error("internal compiler error: host code generation failed: {0}")]
    Host(#[from] hybrid_cranelift::HostError),
    /// The LLVM host backend (`--host-backend=llvm`) failed.
    #[error("error: LLVM host backend: {0}")]
    HostLlvm(hybrid_llvm::LlvmError),
    #[error("error: {0}")]
    Link(#[from] hybrid_link::LinkError),
    #[error("error: cannot find the runtime library libhybrid_shim.a next to {exe} (set HYBRID_SHIM_LIB, or build it with `cargo build --release -p hybrid-shim`)")]
    NoShim { exe: String },
    #[error("error: cannot run `{path}`: {source}")]
    Spawn { path: String, source: std::io::Error },
    /// An output path that cannot be an executable.
    #[error("error: {0}")]
    Output(String),
    /// `ptxas` could not make the cubin.
    #[error("error: cubin: {0}")]
    Cubin(String),
    /// A package directory without a usable `Cargo.toml` or `src/main.rs`.
    #[error("error: {0}")]
    Package(String),
}

impl DriverError {
    pub fn render(&self) -> String {
        let mut s = self.to_string();
        if !s.ends_with('\n') {
            s.push('\n');
        }
        s
    }
    pub fn exit_code(&self) -> u8 {
        match self {
            DriverError::Host(_) => 101,
            _ => 1,
        }
    }
}

/// The host side's objects (one per codegen unit; one with the LLVM
/// backend) and what else the chosen backend produced.
struct HostArtifacts {
    objects: Vec<Vec<u8>>,
    clif: Option<String>,
    llvm_ir: Option<String>,
    timings: Vec<(&'static str, Duration)>,
}

/// Compile the host side with the backend `args` chose.
fn compile_host(module: &hybrid_ir::Module, args: &CommonArgs, emit_clif: bool, emit_ll: bool) -> Result<HostArtifacts, DriverError> {
    match args.host_backend {
        HostBackend::Cranelift => {
            let options =
                hybrid_cranelift::HostOptions { threads: args.jobs.unwrap_or(0), emit_clif, verify: args.verify, opt: args.release };
            let out = hybrid_cranelift::compile_host(module, &options)?;
            Ok(HostArtifacts { objects: out.objects, clif: out.clif, llvm_ir: None, timings: out.timings })
        }
        HostBackend::Llvm => {
            // FIXME(parallel-llvm-host): one LLVM module on one thread; `-j`
            // does not split it into codegen units yet.
            let options =
                hybrid_llvm::HostLlvmOptions { opt_level: if args.release { 2 } else { 0 }, emit_llvm_ir: emit_ll, verify: args.verify };
            let out = hybrid_llvm::compile_host_llvm(module, &options).map_err(DriverError::HostLlvm)?;
            Ok(HostArtifacts { objects: vec![out.object], clif: None, llvm_ir: out.llvm_ir, timings: out.timings })
        }
    }
}

/// What one build produced, for `run` and tests.
pub struct BuildOutput {
    pub executable: PathBuf,
}

/// What to compile: one source file, or a cargo-layout package (a directory
/// with `Cargo.toml`, whose `[package] name` names the executable, and
/// `src/main.rs` with its modules).
pub struct Input {
    /// The root file on disk.
    pub root: PathBuf,
    /// The root file as diagnostics and panic messages name it: as given for
    /// a file, `src/main.rs` in a package (as `cargo build` shows it).
    pub name: String,
    /// The directory `name` (and every module file's name) is relative to.
    pub base: PathBuf,
    /// The executable's file name: the file's stem, or the package's name.
    pub exe_name: String,
    /// Where `build` writes the executable without `-o`: `./<stem>` for a
    /// file, `DIR/target/hybrid/<name>` for a package.
    pub default_output: PathBuf,
}

/// The input named on the command line: a file, a package directory, or
/// (nothing given) the current directory as a package.
pub fn input(file: Option<&Path>) -> Result<Input, DriverError> {
    let dir = match file {
        Some(f) if !f.is_dir() => {
            let exe_name = f.file_stem().unwrap_or_default().to_string_lossy().to_string();
            return Ok(Input {
                root: f.to_path_buf(),
                name: f.display().to_string(),
                base: PathBuf::new(),
                default_output: PathBuf::from(&exe_name),
                exe_name,
            });
        }
        Some(d) => d.to_path_buf(),
        None => PathBuf::from("."),
    };
    let manifest = dir.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).map_err(|e| {
        DriverError::Package(format!(
            "no source file given and `{}` cannot be read ({e}); give a `.rs` file or a package directory",
            manifest.display()
        ))
    })?;
    let name = package_name(&text)
        .ok_or_else(|| DriverError::Package(format!("`{}` has no `[package]` with a `name = \"..\"`", manifest.display())))?;
    let root = dir.join("src/main.rs");
    if !root.is_file() {
        return Err(DriverError::Package(format!("the package `{name}` has no `{}`", root.display())));
    }
    let default_output = dir.join("target/hybrid").join(&name);
    Ok(Input { root, name: "src/main.rs".into(), base: dir, exe_name: name, default_output })
}

/// `name` of the `[package]` table of a `Cargo.toml` (basic strings only).
fn package_name(manifest: &str) -> Option<String> {
    let mut in_package = false;
    for line in manifest.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.starts_with('[') {
            in_package = line == "[package]";
            continue;
        }
        if !in_package {
            continue;
        }
        if let Some((key, value)) = line.split_once('=') {
            if key.trim() == "name" {
                let v = value.trim();
                let v = v.strip_prefix('"')?.strip_suffix('"')?;
                if v.is_empty() || v.contains(['/', '\\']) {
                    return None;
                }
                return Some(v.to_string());
            }
        }
    }
    None
}

fn read_source(file: &Path) -> Result<String, DriverError> {
    std::fs::read_to_string(file).map_err(|source| DriverError::Read { path: file.display().to_string(), source })
}

fn write_file(path: &Path, bytes: impl AsRef<[u8]>) -> Result<(), DriverError> {
    std::fs::write(path, bytes).map_err(|source| DriverError::Write { path: path.display().to_string(), source })
}

/// Run the front end (`threads` body threads, 0: all cores); diagnostics
/// become a user error.
fn front(source: &str, input: &Input, timings: &mut Timings, threads: usize, diag: &DiagArgs) -> Result<hybrid_ir::Module, DriverError> {
    let name = &input.name;
    let start = Instant::now();
    let loader = |path: &Path| std::fs::read_to_string(input.base.join(path)).ok();
    let color = diag.color();
    let out =
        hybrid_front::compile_with(source, name, threads, &loader).map_err(|d| DriverError::User(d.render_styled(source, name, color)))?;
    let mut warnings = out.warnings;
    warnings.0.retain(|w| !allowed(&diag.allow, w));
    if !warnings.0.is_empty() {
        eprint!("{}", warnings.render_styled(source, name, color));
    }
    timings.record("front end", start.elapsed());
    timings.record_nested(&out.timings);
    Ok(out.module)
}

/// A warning that `-A LINT` silences.
fn allowed(allow: &[String], warning: &hybrid_front::Diagnostic) -> bool {
    allow.iter().any(|lint| lint == "warnings" || lint == "unused" || warning.lint.is_some_and(|l| l == lint.replace('-', "_")))
}

pub fn check(file: Option<&Path>, print_timings: bool, diag: &DiagArgs) -> Result<(), DriverError> {
    let start = Instant::now();
    let mut timings = Timings::default();
    let input = input(file)?;
    let source = read_source(&input.root)?;
    front(&source, &input, &mut timings, 0, diag)?;
    if print_timings {
        eprint!("{}", timings.render(start.elapsed()));
    }
    Ok(())
}

fn shim_library() -> Result<PathBuf, DriverError> {
    if let Some(path) = std::env::var_os("HYBRID_SHIM_LIB") {
        return Ok(PathBuf::from(path));
    }
    let exe = std::env::current_exe().unwrap_or_default();
    let dir = exe.parent().map(Path::to_path_buf).unwrap_or_default();
    for candidate in [dir.join("libhybrid_shim.a"), dir.join("../libhybrid_shim.a")] {
        if candidate.is_file() {
            return Ok(candidate);
        }
    }
    Err(DriverError::NoShim { exe: exe.display().to_string() })
}

/// The device images: a cubin by `ptxas` first when one is wanted (the
/// shim loads the first image the GPU accepts), then the PTX.
fn device_images(args: &CommonArgs, ptx: String, shim: &Path, timings: &mut Timings) -> Result<Vec<hybrid_link::DeviceImage>, DriverError> {
    let image =
        |bytes, kind| hybrid_link::DeviceImage { bytes, kind, triple: "nvptx64-nvidia-cuda".to_string(), arch: args.gpu_arch.clone() };
    let ptxas = if args.no_cubin { None } else { hybrid_link::cubin::find_ptxas() };
    let mut images = Vec::new();
    match ptxas {
        Some(ptxas) => {
            let start = Instant::now();
            let cubin = hybrid_link::cubin::cubin(&ptx, &args.gpu_arch, &ptxas, shim).map_err(DriverError::Cubin)?;
            timings.record("  ptxas (cubin)", start.elapsed());
            images.push(image(cubin, hybrid_link::ImageKind::Cubin));
        }
        None if args.cubin => {
            return Err(DriverError::Cubin("--cubin needs NVIDIA's `ptxas`: none on the PATH (or set HYBRID_PTXAS)".to_string()));
        }
        None => {}
    }
    images.push(image(ptx.into_bytes(), hybrid_link::ImageKind::Ptx));
    Ok(images)
}

/// A scratch directory removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<Self, DriverError> {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("hybridc-{}-{}", std::process::id(), n));
        std::fs::create_dir_all(&path).map_err(|source| DriverError::Write { path: path.display().to_string(), source })?;
        Ok(TempDir(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `path` with `.ext` appended to its file name (`out/saxpy` → `out/saxpy.ptx`).
fn with_suffix(path: &Path, ext: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".");
    s.push(ext);
    PathBuf::from(s)
}

/// An output path hybridc can write an executable to: not a folder, and
/// (for `-o`) inside a folder that exists.
fn check_output(output: &Path, explicit: bool) -> Result<(), DriverError> {
    if output.is_dir() {
        return Err(DriverError::Output(format!(
            "the output `{}` is a folder: name the executable, e.g. `-o {}`",
            output.display(),
            output.join("main").display()
        )));
    }
    if let Some(parent) = output.parent().filter(|p| explicit && !p.as_os_str().is_empty()) {
        if !parent.is_dir() {
            return Err(DriverError::Output(format!(
                "cannot write `{}`: the folder `{}` does not exist",
                output.display(),
                parent.display()
            )));
        }
    }
    Ok(())
}

pub fn build(args: &CommonArgs, output: Option<PathBuf>) -> Result<BuildOutput, DriverError> {
    let start = Instant::now();
    let mut timings = Timings::default();
    let input = input(args.file.as_deref())?;
    let explicit_output = output.is_some();
    let output = output.unwrap_or_else(|| input.default_output.clone());
    check_output(&output, explicit_output)?;
    let emit = |stage: Stage| args.emit.contains(&stage);

    let source = read_source(&input.root)?;
    let module = front(&source, &input, &mut timings, args.jobs.unwrap_or(0), &args.diag)?;
    if emit(Stage::Ir) {
        write_file(&with_suffix(&output, "ir"), hybrid_ir::print::print_module(&module))?;
    }

    let device_options = hybrid_llvm::DeviceOptions { gpu_arch: args.gpu_arch.clone(), opt_level: 3, emit_llvm_ir: emit(Stage::LlvmIr) };

    // Host and device code generation run concurrently: the device on its own
    // thread (one LLVM context), the host on the rayon pool.
    let codegen_start = Instant::now();
    let (host, host_time, device, device_time) = std::thread::scope(|scope| {
        let device = std::thread::Builder::new().stack_size(hybrid_ir::COMPILER_STACK_BYTES).spawn_scoped(scope, || {
            let t = Instant::now();
            let r = hybrid_llvm::compile_device(&module, &device_options);
            (r, t.elapsed())
        });
        let t = Instant::now();
        let host = compile_host(&module, args, emit(Stage::Clif), emit(Stage::LlvmIr));
        let host_time = t.elapsed();
        let (device, device_time) = match device.map(|d| d.join()) {
            Ok(Ok(r)) => r,
            _ => (
                Err(hybrid_llvm::LlvmError::Internal { func: String::new(), message: "the device code generator panicked".to_string() }),
                Duration::ZERO,
            ),
        };
        (host, host_time, device, device_time)
    });
    let host = host?;
    let device = device?;
    timings.record("codegen (host ‖ device)", codegen_start.elapsed());
    timings.record("  host codegen", host_time);
    timings.record_nested(&host.timings);
    timings.record("  device codegen", device_time);
    if let Some(d) = &device {
        timings.record_nested(&d.timings);
    }

    if let Some(clif) = &host.clif {
        write_file(&with_suffix(&output, "clif"), clif)?;
    }
    if let Some(ll) = &host.llvm_ir {
        write_file(&with_suffix(&output, "host.ll"), ll)?;
    }
    if let Some(d) = &device {
        if emit(Stage::Ptx) {
            write_file(&with_suffix(&output, "ptx"), &d.ptx)?;
        }
        if let Some(ll) = &d.llvm_ir {
            write_file(&with_suffix(&output, "ll"), ll)?;
        }
    }

    let link_start = Instant::now();
    let shim = shim_library()?;
    let temp = TempDir::new()?;
    let (images, entries) = match device {
        Some(d) => (
            device_images(args, d.ptx, &shim, &mut timings)?,
            module
                .kernels()
                .map(|(h, _)| hybrid_link::OffloadEntry {
                    kernel_name: hybrid_ir::abi::device_symbol(&module, h),
                    host_symbol: hybrid_ir::abi::fallback_symbol(&module, h),
                    shared_bytes: module.shared_bytes(),
                    uses_barrier: hybrid_ir::analysis::kernel_may_sync(&module, h),
                })
                .collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    let descriptor = hybrid_link::write_offload_object(&images, &entries)?;
    // Unit 0 is `host.o` (`<output>.o` with --emit=obj), unit k `host.k.o`.
    let unit_ext = |k: usize| if k == 0 { "o".to_string() } else { format!("{k}.o") };
    let names: Vec<String> = (0..host.objects.len()).map(|k| format!("host.{}", unit_ext(k))).collect();
    let mut objects = Vec::with_capacity(host.objects.len() + 1);
    for (k, (object, name)) in host.objects.iter().zip(&names).enumerate() {
        if emit(Stage::Obj) {
            write_file(&with_suffix(&output, &unit_ext(k)), object)?;
        }
        objects.push(hybrid_link::ObjectBytes { name, bytes: object });
    }
    if emit(Stage::Obj) {
        write_file(&with_suffix(&output, "offload.o"), &descriptor)?;
    }
    objects.push(hybrid_link::ObjectBytes { name: "offload.o", bytes: &descriptor });
    // (only a package's default `target/hybrid/` is made; `-o` must name an existing folder)
    if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty() && !explicit_output) {
        std::fs::create_dir_all(parent).map_err(|source| DriverError::Write { path: parent.display().to_string(), source })?;
    }
    let link_options = hybrid_link::LinkOptions { threads: args.jobs.unwrap_or(0), ..Default::default() };
    let objects_time = link_start.elapsed();
    let linker_start = Instant::now();
    let linker = hybrid_link::link_objects(&objects, &temp.0, &shim, &output, &link_options)?;
    let linker_time = linker_start.elapsed();
    timings.record("link", link_start.elapsed());
    timings.record("  link: descriptor, objects", objects_time);
    let linker_phase = match linker {
        hybrid_link::Linker::Image => "  link: placed in runtime image",
        hybrid_link::Linker::InProcess => "  link: linker (wild, in process)",
        _ => "  link: linker (process)",
    };
    timings.record(linker_phase, linker_time);

    if args.timings {
        eprint!("{}", timings.render(start.elapsed()));
    }
    Ok(BuildOutput { executable: output })
}

pub fn run(args: &CommonArgs, program_args: &[String]) -> Result<ExitCode, DriverError> {
    let temp = TempDir::new()?;
    let exe = temp.0.join(input(args.file.as_deref())?.exe_name);
    let built = build(args, Some(exe))?;
    let mut command = std::process::Command::new(&built.executable);
    command.args(program_args);
    let status = hybrid_link::start_fresh_executable(|| command.status())
        .map_err(|source| DriverError::Spawn { path: built.executable.display().to_string(), source })?;
    use std::os::unix::process::ExitStatusExt;
    let code = match (status.code(), status.signal()) {
        (Some(c), _) => c,
        (None, Some(sig)) => 128 + sig,
        _ => 1,
    };
    Ok(ExitCode::from(code as u8))
}
