//! The `hybridc` command line: `build`, `run` and `check` of one Rust source
//! file or of a cargo-layout package (`Cargo.toml` + `src/main.rs`).

mod driver;
mod llvm_targets;
mod timings;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// syn allocates millions of small nodes; glibc's malloc spends a quarter of
/// the front end on them (and on consolidating them when freed).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "hybridc", version, about = "Compile single-source Rust GPU programs: host by Cranelift, kernels by LLVM to PTX")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile FILE.rs (or a package directory) into an executable.
    Build {
        #[command(flatten)]
        common: CommonArgs,
        /// Output executable (default: the file's stem in the current
        /// directory; for a package DIR, `DIR/target/hybrid/<package name>`).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Compile FILE.rs into a temporary executable and run it with ARGS.
    Run {
        #[command(flatten)]
        common: CommonArgs,
        /// Arguments for the program.
        #[arg(last = true)]
        args: Vec<String>,
    },
    /// Parse, resolve and type-check FILE.rs (or a package) without generating code.
    Check {
        /// The Rust source file, or a package directory (default: the current directory).
        file: Option<PathBuf>,
        /// Print the time of each front-end phase to stderr.
        #[arg(long)]
        timings: bool,
        #[command(flatten)]
        diag: DiagArgs,
    },
}

/// How diagnostics are shown (rustc's flags).
#[derive(Args, Clone, Debug, Default)]
pub struct DiagArgs {
    /// Colour the diagnostics: auto (when stderr is a terminal), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Allow a lint: `-A warnings` silences every warning (rustc's `-A`);
    /// also `unused_variables`, `unused_mut`, `dead_code`, `unused`.
    #[arg(short = 'A', value_name = "LINT")]
    pub allow: Vec<String>,
}

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl DiagArgs {
    /// Whether diagnostics get colours.
    pub fn color(&self) -> bool {
        use std::io::IsTerminal;
        match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => std::io::stderr().is_terminal(),
        }
    }
}

#[derive(Args, Clone)]
pub struct CommonArgs {
    /// The Rust source file, or a package directory holding `Cargo.toml` and
    /// `src/main.rs` (default: the current directory as a package).
    pub file: Option<PathBuf>,
    /// GPU architecture of the PTX image.
    #[arg(long, default_value = "sm_90")]
    pub gpu_arch: String,
    /// Embed a cubin made by `ptxas` next to the PTX (no JIT at start-up);
    /// an error if no ptxas is found. Without this flag a cubin is made
    /// whenever `ptxas` is on the PATH (or `HYBRID_PTXAS` names it).
    #[arg(long, conflicts_with = "no_cubin")]
    pub cubin: bool,
    /// Embed only the PTX, even where `ptxas` is on the PATH.
    #[arg(long)]
    pub no_cubin: bool,
    /// Also write these stages next to the output: ir, clif, llvm-ir, ptx, obj
    /// (obj: the host objects, `<output>.o` for the first codegen unit and
    /// `<output>.<k>.o` for unit k > 0, and the offload descriptor
    /// `<output>.offload.o`).
    #[arg(long, value_delimiter = ',')]
    pub emit: Vec<Stage>,
    /// Print the wall time of each phase to stderr.
    #[arg(long)]
    pub timings: bool,
    /// Threads for code generation (default: all cores).
    #[arg(short = 'j', long)]
    pub jobs: Option<usize>,
    /// Run the Cranelift verifier on every host function (the LLVM module
    /// verifier with `--host-backend=llvm`).
    #[arg(long)]
    pub verify: bool,
    /// Code generator of the host side: Cranelift (fast builds) or LLVM
    /// (the all-LLVM baseline; `-O0`, or O2 with `--release`).
    #[arg(long, value_enum, default_value_t = HostBackend::Cranelift)]
    pub host_backend: HostBackend,
    /// Optimize the host code: LLVM O2 with `--host-backend=llvm`,
    /// Cranelift's `speed` level otherwise. The device side is always O3.
    #[arg(long)]
    pub release: bool,
    #[command(flatten)]
    pub diag: DiagArgs,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum HostBackend {
    Cranelift,
    Llvm,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Stage {
    Ir,
    Clif,
    #[value(name = "llvm-ir")]
    LlvmIr,
    Ptx,
    Obj,
}

fn main() -> ExitCode {
    // the compiler runs on a thread with a big stack (deep expressions), and
    // so do rayon's workers (host code generation)
    let _ = rayon::ThreadPoolBuilder::new().stack_size(hybrid_ir::COMPILER_STACK_BYTES).build_global();
    let compiler = std::thread::Builder::new().name("hybridc".into()).stack_size(hybrid_ir::COMPILER_STACK_BYTES).spawn(compile);
    match compiler.map(|t| t.join()) {
        Ok(Ok(code)) => code,
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        Err(e) => {
            eprintln!("error: cannot start the compiler thread: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `hybridc 0.1.0 (LLVM 19.1.7, Cranelift 0.135.8)`: the LLVM linked in, the
/// Cranelift built with.
fn version() -> String {
    let (major, minor, patch) = hybrid_llvm::llvm_version();
    format!("{} (LLVM {major}.{minor}.{patch}, Cranelift {})", env!("CARGO_PKG_VERSION"), env!("HYBRID_CRANELIFT_VERSION"))
}

fn compile() -> ExitCode {
    use clap::{CommandFactory, FromArgMatches};
    let matches = Cli::command().version(&*Box::leak(version().into_boxed_str())).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let result = match cli.command {
        Command::Build { common, output } => driver::build(&common, output).map(|_| ExitCode::SUCCESS),
        Command::Run { common, args } => driver::run(&common, &args),
        Command::Check { file, timings, diag } => driver::check(file.as_deref(), timings, &diag).map(|_| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprint!("{}", err.render());
            ExitCode::from(err.exit_code())
        }
    }
}
