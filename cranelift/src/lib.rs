//! hybrid-cranelift: hybrid-ir to x86-64 ELF objects through Cranelift (host code, offload call sites, kernel fallbacks), one object per codegen unit.
//!
//! The driver declares every function serially (symbols, signatures and
//! module-wide ids, in a fixed job order), then splits the jobs into codegen
//! units of a fixed size (see [`unit`]) and compiles the units in parallel
//! (rayon): each unit builds and compiles its functions' CLIF (in parallel
//! too, one `cranelift_codegen::Context` per worker), then defines the
//! machine code in its own `ObjectModule` and emits that object. The units
//! do not depend on the thread count, so neither does the output.
//! Functions are built before any `ObjectModule` exists, so they name what
//! they reference through `UserExternalName` namespaces (see [`Namespace`])
//! with module-wide indices that each unit maps to its own ids.

mod expr;
mod fallback;
mod fold;
mod function;
mod intrinsics;
mod offload;
mod ops;
mod place;
mod print;
mod runtime;
mod shared;
mod unit;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::ir::{self, UserFuncName};
use cranelift_codegen::isa::{OwnedTargetIsa, TargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_frontend::FunctionBuilderContext;
use cranelift_module::{FuncId, Linkage, ModuleReloc};
use hybrid_ir::{abi, FunctionKind, Handle, Module};
use rayon::prelude::*;

pub use function::Flavor;
pub use runtime::external_symbols;
pub use unit::UNIT_EXPRS;

/// Options of the host backend.
#[derive(Clone, Debug, Default)]
pub struct HostOptions {
    /// Worker threads for code generation; 0 means rayon's default (all cores).
    pub threads: usize,
    /// Also return the textual CLIF of every function.
    pub emit_clif: bool,
    /// Run Cranelift's IR verifier on every function.
    pub verify: bool,
    /// Optimize (Cranelift's `opt_level=speed`, for `--release`); off: `none`.
    pub opt: bool,
}

/// What the host backend produces.
#[derive(Clone, Debug)]
pub struct HostOutput {
    /// One x86-64 ELF relocatable object per codegen unit, in unit order;
    /// they reference each other's functions (hidden symbols), so they are
    /// linked together.
    pub objects: Vec<Vec<u8>>,
    /// The CLIF of all functions (before Cranelift's own passes), in a
    /// deterministic order, when `HostOptions::emit_clif` is set.
    pub clif: Option<String>,
    /// Wall time per phase. The parallel phase is split between "host: clif
    /// build", "host: codegen", "host: define" and "host: emit" in
    /// proportion to the time workers spent in each.
    pub timings: Vec<(&'static str, Duration)>,
}

#[derive(Debug, thiserror::Error)]
pub enum HostError {
    /// An IR construct this backend does not lower yet.
    #[error("host backend: {what} is not supported yet (in `{function}`)")]
    Unsupported { what: String, function: String },
    /// Cranelift rejected a function: a bug in this backend.
    #[error("host backend: Cranelift failed on `{function}`: {message}")]
    Codegen { function: String, message: String },
    /// Declaring or defining a symbol failed (for example two IR names that
    /// sanitize to the same symbol).
    #[error("host backend: object module: {0}")]
    Module(String),
    /// Setting up the target failed.
    #[error("host backend: target setup: {0}")]
    Target(String),
}

pub(crate) type Result<T, E = HostError> = std::result::Result<T, E>;

/// Namespaces of `UserExternalName`s in the CLIF we build. `FUNC` and `DATA`
/// are cranelift-module's, but with module-wide indices (a function's is its
/// job index) that each unit rewrites to its own `FuncId`s and `DataId`s.
pub(crate) enum Namespace {}
impl Namespace {
    /// A function of the program (index: its module-wide `FuncId`).
    pub const FUNC: u32 = 0;
    /// A data object of a unit's object module (cranelift_module's namespace
    /// of `DataId`s); built functions refer to data only through
    /// [`Self::LOCAL_DATA`] and [`Self::LOCATION`].
    pub const DATA: u32 = 1;
    /// A runtime function (index into `runtime::RUNTIME`), declared on first use.
    pub const RUNTIME: u32 = 2;
    /// A read-only data blob of the function being built (index into its blob list).
    pub const LOCAL_DATA: u32 = 3;
    /// The location table of the function being built (index 0, the only
    /// one): its panic location records, in [`function::FunctionData`]'s
    /// order; code addresses record `k` at offset `k * location::SIZE`.
    pub const LOCATION: u32 = 4;
}

/// One function to generate.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Job {
    /// An IR function in one flavor.
    Ir { func: Handle<hybrid_ir::Function>, flavor: Flavor },
    /// The C `main` that calls `hybrid_user_main` and `hybrid_rt_finish`.
    CMain,
}

/// A declared function: its module-wide id (its job index), symbol,
/// signature and linkage.
#[derive(Clone, Debug)]
pub(crate) struct Declared {
    pub id: FuncId,
    pub symbol: String,
    pub signature: ir::Signature,
    pub linkage: Linkage,
}

/// Everything the parallel workers share (read-only).
pub(crate) struct ModuleCx<'m> {
    pub module: &'m Module,
    pub isa: OwnedTargetIsa,
    /// Host flavor of each IR function, by function index.
    pub host: Vec<Option<Declared>>,
    /// Fallback flavor of each IR function, by function index.
    pub fallback: Vec<Option<Declared>>,
    /// The C `main`, when the module has an entry.
    pub cmain: Option<Declared>,
    /// Every function to generate; a function's module-wide id is its index here.
    pub jobs: Vec<Job>,
}

impl ModuleCx<'_> {
    pub fn declared(&self, func: Handle<hybrid_ir::Function>, flavor: Flavor) -> Option<&Declared> {
        match flavor {
            Flavor::Host => self.host[func.index()].as_ref(),
            Flavor::Fallback => self.fallback[func.index()].as_ref(),
        }
    }
    /// The function a job generates.
    pub fn job_declared(&self, job: Job) -> &Declared {
        match job {
            Job::Ir { func, flavor } => self.declared(func, flavor).expect("declared in declare_all"),
            Job::CMain => self.cmain.as_ref().expect("declared in declare_all"),
        }
    }
    /// The function of a module-wide id.
    pub fn by_id(&self, id: u32) -> &Declared {
        self.job_declared(self.jobs[id as usize])
    }
}

/// The machine code of one function plus what its relocations refer to
/// (module-wide names; see [`Namespace`]).
pub(crate) struct CompiledFunction {
    pub id: FuncId,
    pub alignment: u64,
    pub bytes: Vec<u8>,
    pub relocs: Vec<ModuleReloc>,
    pub data: function::FunctionData,
    pub clif: Option<String>,
    pub build_time: Duration,
    pub codegen_time: Duration,
}

/// Compile the host side of a validated module into one object file per codegen unit.
pub fn compile_host(module: &Module, options: &HostOptions) -> Result<HostOutput, HostError> {
    let mut timings = Vec::new();
    let start = Instant::now();
    let isa = make_isa(options)?;
    let cx = declare_all(module, isa)?;
    let units = unit::partition(module, &cx.jobs);
    timings.push(("host: declare", start.elapsed()));

    let parallel_start = Instant::now();
    let compile_all = || -> Vec<Result<unit::UnitOutput>> {
        units.par_iter().map(|range| unit::compile_unit(&cx, range.clone(), options.emit_clif)).collect()
    };
    let results = if options.threads > 0 {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(options.threads)
            .stack_size(hybrid_ir::COMPILER_STACK_BYTES)
            .build()
            .map_err(|e| HostError::Target(format!("thread pool: {e}")))?;
        pool.install(compile_all)
    } else {
        compile_all()
    };
    let units: Vec<unit::UnitOutput> = results.into_iter().collect::<Result<_>>()?;
    let parallel_wall = parallel_start.elapsed();
    // Split the parallel wall time by the time the workers spent in each phase.
    let mut spent = [Duration::ZERO; 4];
    for u in &units {
        for (total, phase) in spent.iter_mut().zip([u.build_time, u.codegen_time, u.define_time, u.emit_time]) {
            *total += phase;
        }
    }
    let sum = spent.iter().sum::<Duration>().as_secs_f64().max(1e-12);
    let names = ["host: clif build", "host: codegen", "host: define", "host: emit"];
    for (name, phase) in names.into_iter().zip(spent) {
        timings.push((name, parallel_wall.mul_f64(phase.as_secs_f64() / sum)));
    }

    let clif = options.emit_clif.then(|| units.iter().map(|u| u.clif.as_str()).collect::<String>());
    let objects = units.into_iter().map(|u| u.object).collect();
    Ok(HostOutput { objects, clif, timings })
}

fn make_isa(options: &HostOptions) -> Result<OwnedTargetIsa> {
    let mut flags = settings::builder();
    let set = |flags: &mut settings::Builder, name: &str, value: &str| {
        flags.set(name, value).map_err(|e| HostError::Target(format!("{name}={value}: {e}")))
    };
    set(&mut flags, "opt_level", if options.opt { "speed" } else { "none" })?;
    // Debug builds use Cranelift's single-pass register allocator (fast to
    // run, slower code); `--release` keeps the backtracking allocator.
    set(&mut flags, "regalloc_algorithm", if options.opt { "backtracking" } else { "single_pass" })?;
    set(&mut flags, "is_pic", "true")?;
    set(&mut flags, "enable_verifier", if options.verify { "true" } else { "false" })?;
    // FIXME(unwinding): no .eh_frame is emitted (define_function_bytes skips
    // unwind info); nothing unwinds through generated code today.
    let triple: target_lexicon::Triple = "x86_64-unknown-linux-gnu".parse().map_err(|e| HostError::Target(format!("{e:?}")))?;
    let mut isa = cranelift_codegen::isa::lookup(triple).map_err(|e| HostError::Target(e.to_string()))?;
    // x86-64-v2: SSE4.1 gives inline floor/ceil/trunc; every machine we run on has it.
    for feature in ["has_sse3", "has_ssse3", "has_sse41", "has_sse42", "has_popcnt"] {
        isa.enable(feature).map_err(|e| HostError::Target(format!("{feature}: {e}")))?;
    }
    isa.finish(settings::Flags::new(flags)).map_err(|e| HostError::Target(e.to_string()))
}

/// Declare every function (serially): symbols, signatures, linkage and
/// module-wide ids, in job order.
fn declare_all(module: &Module, isa: OwnedTargetIsa) -> Result<ModuleCx<'_>> {
    let n = module.functions.len();
    let mut host = vec![None; n];
    let mut fallback = vec![None; n];
    let mut jobs = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    let mut take = |symbol: &str, function: &str| {
        if taken.insert(symbol.to_string()) {
            return Ok(());
        }
        Err(HostError::Module(format!("symbol `{symbol}` of `{function}` is already taken by another function")))
    };
    for (handle, f) in module.functions.iter() {
        for flavor in [Flavor::Host, Flavor::Fallback] {
            let wanted = match flavor {
                Flavor::Host => f.sides.host,
                Flavor::Fallback => f.sides.device,
            };
            if !wanted {
                continue;
            }
            let signature = function::signature(module, &*isa, handle, flavor);
            // Hidden, not local: a function may be called from another unit's object.
            let (symbol, linkage) = match flavor {
                Flavor::Host => {
                    let export = module.entry == Some(handle);
                    (abi::host_symbol(module, handle), if export { Linkage::Export } else { Linkage::Hidden })
                }
                Flavor::Fallback => {
                    let export = f.kind == FunctionKind::Kernel;
                    (abi::fallback_symbol(module, handle), if export { Linkage::Export } else { Linkage::Hidden })
                }
            };
            take(&symbol, &f.name)?;
            let id = FuncId::from_u32(jobs.len() as u32);
            let declared = Some(Declared { id, symbol, signature, linkage });
            match flavor {
                Flavor::Host => host[handle.index()] = declared,
                Flavor::Fallback => fallback[handle.index()] = declared,
            }
            jobs.push(Job::Ir { func: handle, flavor });
        }
    }
    let mut cmain = None;
    if let Some(entry) = module.entry {
        if let Some(user_main) = &host[entry.index()] {
            let c_form = fallback::c_main_signature(&*isa);
            let plain = user_main.signature.params.is_empty() && user_main.signature.returns.is_empty();
            let c_like = user_main.signature.params == c_form.params && user_main.signature.returns == c_form.returns;
            if !plain && !c_like {
                return Err(HostError::Unsupported {
                    what: "`main` with parameters or a result".into(),
                    function: module.functions[entry].name.clone(),
                });
            }
            take("main", &module.functions[entry].name)?;
            let signature = fallback::c_main_signature(&*isa);
            let id = FuncId::from_u32(jobs.len() as u32);
            cmain = Some(Declared { id, symbol: "main".into(), signature, linkage: Linkage::Export });
            jobs.push(Job::CMain);
        }
    }
    Ok(ModuleCx { module, isa, host, fallback, cmain, jobs })
}

fn job_name(cx: &ModuleCx, job: Job) -> String {
    match job {
        Job::Ir { func, .. } => cx.module.functions[func].name.clone(),
        Job::CMain => "main".into(),
    }
}

/// Build one function's CLIF and compile it (runs on a rayon worker).
pub(crate) fn compile_job(
    cx: &ModuleCx,
    job: Job,
    ctx: &mut Context,
    fctx: &mut FunctionBuilderContext,
    emit_clif: bool,
) -> Result<CompiledFunction> {
    let build_start = Instant::now();
    ctx.clear();
    let declared = cx.job_declared(job);
    ctx.func = ir::Function::with_name_signature(UserFuncName::testcase(&declared.symbol), declared.signature.clone());
    let data = match job {
        Job::Ir { func, flavor } => {
            let built = function::build(cx, func, flavor, &mut ctx.func, fctx);
            built.inspect_err(|_| {
                // A failed build leaves the builder context mid-function.
                *fctx = FunctionBuilderContext::new();
            })?
        }
        Job::CMain => {
            fallback::build_c_main(cx, &mut ctx.func, fctx);
            function::FunctionData::default()
        }
    };
    let clif = emit_clif.then(|| render_clif(cx, &ctx.func, &data));
    let build_time = build_start.elapsed();

    let codegen_start = Instant::now();
    let isa: &dyn TargetIsa = &*cx.isa;
    let compiled = ctx.compile(isa, &mut ControlPlane::default()).map_err(|e| HostError::Codegen {
        function: job_name(cx, job),
        message: cranelift_codegen::print_errors::pretty_error(e.func, e.inner),
    })?;
    let alignment = compiled.buffer.alignment as u64;
    let bytes = compiled.buffer.data().to_vec();
    let mach_relocs = compiled.buffer.relocs().to_vec();
    let relocs = mach_relocs.iter().map(|r| ModuleReloc::from_mach_reloc(r, &ctx.func, declared.id)).collect();
    let codegen_time = codegen_start.elapsed();
    Ok(CompiledFunction { id: declared.id, alignment, bytes, relocs, data, clif, build_time, codegen_time })
}

/// The CLIF text of one function, preceded by the symbols its external names stand for.
fn render_clif(cx: &ModuleCx, func: &ir::Function, data: &function::FunctionData) -> String {
    let mut out = String::new();
    for (_, name) in func.params.user_named_funcs().iter() {
        let what = match name.namespace {
            Namespace::FUNC => cx.by_id(name.index).symbol.clone(),
            Namespace::RUNTIME => runtime::RUNTIME[name.index as usize].name.to_string(),
            Namespace::LOCATION => {
                let records: Vec<String> = data.locations.iter().map(|(line, col)| format!("{line}:{col}")).collect();
                format!("locations in {}: {}", cx.module.source_name, records.join(" "))
            }
            _ => {
                let bytes = &data.blobs[name.index as usize];
                format!("data {:?}", String::from_utf8_lossy(bytes))
            }
        };
        let _ = writeln!(out, "; u{}:{} = {}", name.namespace, name.index, what);
    }
    let _ = writeln!(out, "{}", func.display());
    out
}
