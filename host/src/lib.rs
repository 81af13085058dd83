//! hybrid-host: hybrid-ir to one x86-64 ELF object through Cranelift (host code, offload call sites, kernel fallbacks).
//!
//! The driver declares every function serially, builds and compiles each
//! function's CLIF in parallel (rayon, one `cranelift_codegen::Context` per
//! worker), then defines the machine code and its relocations serially.
//! Functions built in parallel cannot touch the `ObjectModule`, so they name
//! what they reference through `UserExternalName` namespaces (see
//! [`Namespace`]) that the serial phase maps to real module ids.

mod expr;
mod fallback;
mod function;
mod intrinsics;
mod offload;
mod ops;
mod place;
mod print;
mod runtime;
mod shared;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;
use std::time::{Duration, Instant};

use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::ir::{self, UserFuncName};
use cranelift_codegen::isa::{OwnedTargetIsa, TargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_frontend::FunctionBuilderContext;
use cranelift_module::{DataDescription, DataId, FuncId, Linkage, Module as _, ModuleReloc, ModuleRelocTarget};
use cranelift_object::{ObjectBuilder, ObjectModule};
use hybrid_ir::{abi, FunctionKind, Handle, Module};
use rayon::prelude::*;

pub use function::Flavor;
pub use runtime::external_symbols;

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
    /// An x86-64 ELF relocatable object.
    pub object: Vec<u8>,
    /// The CLIF of all functions (before Cranelift's own passes), in a
    /// deterministic order, when `HostOptions::emit_clif` is set.
    pub clif: Option<String>,
    /// Wall time per phase. The parallel phase is split between "host: clif
    /// build" and "host: codegen" in proportion to the time workers spent in each.
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

/// Namespaces of `UserExternalName`s in the CLIF we build.
pub(crate) enum Namespace {}
impl Namespace {
    /// A function of the object module (index: `FuncId`), as in cranelift-module.
    pub const FUNC: u32 = 0;
    /// A data object of the object module (index: `DataId`), as in cranelift-module.
    pub const DATA: u32 = 1;
    /// A runtime function (index into `runtime::RUNTIME`), declared on first use.
    pub const RUNTIME: u32 = 2;
    /// A read-only data blob of the function being built (index into its blob list).
    pub const LOCAL_DATA: u32 = 3;
}

/// One function to generate.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Job {
    /// An IR function in one flavor.
    Ir { func: Handle<hybrid_ir::Function>, flavor: Flavor },
    /// The C `main` that calls `hybrid_user_main` and `hybrid_rt_finish`.
    CMain,
}

/// A declared function: its module id, symbol and signature.
#[derive(Clone, Debug)]
pub(crate) struct Declared {
    pub id: FuncId,
    pub symbol: String,
    pub signature: ir::Signature,
}

/// Everything the parallel workers share (read-only).
pub(crate) struct ModuleCx<'m> {
    pub module: &'m Module,
    pub isa: OwnedTargetIsa,
    /// Host flavor of each IR function, by function index.
    pub host: Vec<Option<Declared>>,
    /// Fallback flavor of each IR function, by function index.
    pub fallback: Vec<Option<Declared>>,
    /// The data object holding `module.source_name`.
    pub file_data: DataId,
}

impl ModuleCx<'_> {
    pub fn declared(&self, func: Handle<hybrid_ir::Function>, flavor: Flavor) -> Option<&Declared> {
        match flavor {
            Flavor::Host => self.host[func.index()].as_ref(),
            Flavor::Fallback => self.fallback[func.index()].as_ref(),
        }
    }
}

/// The machine code of one function plus what its relocations refer to.
struct CompiledFunction {
    id: FuncId,
    alignment: u64,
    bytes: Vec<u8>,
    relocs: Vec<ModuleReloc>,
    local_data: Vec<Vec<u8>>,
    clif: Option<String>,
    build_time: Duration,
    codegen_time: Duration,
}

/// Compile the host side of a validated module into one object file.
pub fn compile_host(module: &Module, options: &HostOptions) -> Result<HostOutput, HostError> {
    let mut timings = Vec::new();
    let start = Instant::now();
    let isa = make_isa(options)?;
    let mut object = ObjectModule::new(
        ObjectBuilder::new(isa.clone(), "hybrid_host", cranelift_module::default_libcall_names())
            .map_err(|e| HostError::Target(e.to_string()))?,
    );
    let (cx, jobs, cmain) = declare_all(module, isa, &mut object)?;
    timings.push(("host: declare", start.elapsed()));

    let parallel_start = Instant::now();
    let compile_all = || -> Vec<Result<CompiledFunction>> {
        jobs.par_iter()
            .map_init(
                || (Context::new(), FunctionBuilderContext::new()),
                |(ctx, fctx), job| compile_job(&cx, *job, cmain.as_ref(), ctx, fctx, options.emit_clif),
            )
            .collect()
    };
    let results = if options.threads > 0 {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(options.threads)
            .build()
            .map_err(|e| HostError::Target(format!("thread pool: {e}")))?;
        pool.install(compile_all)
    } else {
        compile_all()
    };
    let compiled: Vec<CompiledFunction> = results.into_iter().collect::<Result<_>>()?;
    let parallel_wall = parallel_start.elapsed();
    let build: Duration = compiled.iter().map(|c| c.build_time).sum();
    let codegen: Duration = compiled.iter().map(|c| c.codegen_time).sum();
    let total = (build + codegen).as_secs_f64().max(1e-12);
    timings.push(("host: clif build", parallel_wall.mul_f64(build.as_secs_f64() / total)));
    timings.push(("host: codegen", parallel_wall.mul_f64(codegen.as_secs_f64() / total)));

    let define_start = Instant::now();
    let mut clif = options.emit_clif.then(String::new);
    define_all(&mut object, &compiled, &mut clif)?;
    timings.push(("host: define", define_start.elapsed()));

    let emit_start = Instant::now();
    let bytes = object.finish().emit().map_err(|e| HostError::Module(e.to_string()))?;
    timings.push(("host: emit", emit_start.elapsed()));
    Ok(HostOutput { object: bytes, clif, timings })
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
    let triple: target_lexicon::Triple =
        "x86_64-unknown-linux-gnu".parse().map_err(|e| HostError::Target(format!("{e:?}")))?;
    let mut isa = cranelift_codegen::isa::lookup(triple).map_err(|e| HostError::Target(e.to_string()))?;
    // x86-64-v2: SSE4.1 gives inline floor/ceil/trunc; every machine we run on has it.
    for feature in ["has_sse3", "has_ssse3", "has_sse41", "has_sse42", "has_popcnt"] {
        isa.enable(feature).map_err(|e| HostError::Target(format!("{feature}: {e}")))?;
    }
    isa.finish(settings::Flags::new(flags)).map_err(|e| HostError::Target(e.to_string()))
}

/// Declare every function of the object (serially) and list the jobs.
fn declare_all<'m>(
    module: &'m Module,
    isa: OwnedTargetIsa,
    object: &mut ObjectModule,
) -> Result<(ModuleCx<'m>, Vec<Job>, Option<Declared>)> {
    let module_err = |e: cranelift_module::ModuleError| HostError::Module(e.to_string());
    let n = module.functions.len();
    let mut host = vec![None; n];
    let mut fallback = vec![None; n];
    let mut jobs = Vec::new();
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
            let (symbol, linkage) = match flavor {
                Flavor::Host => {
                    let export = module.entry == Some(handle);
                    (abi::host_symbol(module, handle), if export { Linkage::Export } else { Linkage::Local })
                }
                Flavor::Fallback => {
                    let export = f.kind == FunctionKind::Kernel;
                    (abi::fallback_symbol(module, handle), if export { Linkage::Export } else { Linkage::Local })
                }
            };
            if object.get_name(&symbol).is_some() {
                return Err(HostError::Module(format!(
                    "symbol `{symbol}` of `{}` is already taken by another function",
                    f.name
                )));
            }
            let id = object.declare_function(&symbol, linkage, &signature).map_err(module_err)?;
            let declared = Some(Declared { id, symbol, signature });
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
            if !user_main.signature.params.is_empty() || !user_main.signature.returns.is_empty() {
                return Err(HostError::Unsupported {
                    what: "`main` with parameters or a result".into(),
                    function: module.functions[entry].name.clone(),
                });
            }
            let signature = fallback::c_main_signature(&*isa);
            let id = object.declare_function("main", Linkage::Export, &signature).map_err(module_err)?;
            cmain = Some(Declared { id, symbol: "main".into(), signature });
            jobs.push(Job::CMain);
        }
    }
    let file_data = object.declare_anonymous_data(false, false).map_err(module_err)?;
    let mut desc = DataDescription::new();
    desc.define(module.source_name.as_bytes().to_vec().into_boxed_slice());
    object.define_data(file_data, &desc).map_err(module_err)?;
    Ok((ModuleCx { module, isa, host, fallback, file_data }, jobs, cmain))
}

fn job_name(cx: &ModuleCx, job: Job) -> String {
    match job {
        Job::Ir { func, .. } => cx.module.functions[func].name.clone(),
        Job::CMain => "main".into(),
    }
}

/// Build one function's CLIF and compile it (runs on a rayon worker).
fn compile_job(
    cx: &ModuleCx,
    job: Job,
    cmain: Option<&Declared>,
    ctx: &mut Context,
    fctx: &mut FunctionBuilderContext,
    emit_clif: bool,
) -> Result<CompiledFunction> {
    let build_start = Instant::now();
    ctx.clear();
    let (declared, local_data) = match job {
        Job::Ir { func, flavor } => {
            let declared = cx.declared(func, flavor).expect("declared in declare_all");
            ctx.func =
                ir::Function::with_name_signature(UserFuncName::testcase(&declared.symbol), declared.signature.clone());
            let built = function::build(cx, func, flavor, &mut ctx.func, fctx);
            let local_data = built.inspect_err(|_| {
                // A failed build leaves the builder context mid-function.
                *fctx = FunctionBuilderContext::new();
            })?;
            (declared, local_data)
        }
        Job::CMain => {
            let declared = cmain.expect("declared in declare_all");
            ctx.func =
                ir::Function::with_name_signature(UserFuncName::testcase(&declared.symbol), declared.signature.clone());
            fallback::build_c_main(cx, &mut ctx.func, fctx);
            (declared, Vec::new())
        }
    };
    let clif = emit_clif.then(|| render_clif(cx, &ctx.func, &local_data));
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
    Ok(CompiledFunction { id: declared.id, alignment, bytes, relocs, local_data, clif, build_time, codegen_time })
}

/// The CLIF text of one function, preceded by the symbols its external names stand for.
fn render_clif(cx: &ModuleCx, func: &ir::Function, local_data: &[Vec<u8>]) -> String {
    let mut out = String::new();
    for (_, name) in func.params.user_named_funcs().iter() {
        let what = match name.namespace {
            Namespace::FUNC => cx
                .host
                .iter()
                .chain(cx.fallback.iter())
                .flatten()
                .find(|d| d.id.as_u32() == name.index)
                .map_or_else(|| "main".to_string(), |d| d.symbol.clone()),
            Namespace::DATA => format!("data {:?}", cx.module.source_name),
            Namespace::RUNTIME => runtime::RUNTIME[name.index as usize].name.to_string(),
            _ => {
                let bytes = &local_data[name.index as usize];
                format!("data {:?}", String::from_utf8_lossy(bytes))
            }
        };
        let _ = writeln!(out, "; u{}:{} = {}", name.namespace, name.index, what);
    }
    let _ = writeln!(out, "{}", func.display());
    out
}

/// Define the compiled functions in the object (serially), mapping the
/// runtime and local-data namespaces to declared imports and data objects.
fn define_all(object: &mut ObjectModule, compiled: &[CompiledFunction], clif: &mut Option<String>) -> Result<()> {
    let module_err = |e: cranelift_module::ModuleError| HostError::Module(e.to_string());
    let mut runtime_ids: HashMap<u32, FuncId> = HashMap::new();
    let mut data_ids: HashMap<Arc<[u8]>, DataId> = HashMap::new();
    for function in compiled {
        let mut local_ids = Vec::with_capacity(function.local_data.len());
        for bytes in &function.local_data {
            let key: Arc<[u8]> = Arc::from(bytes.as_slice());
            let id = match data_ids.get(&key) {
                Some(id) => *id,
                None => {
                    let id = object.declare_anonymous_data(false, false).map_err(module_err)?;
                    let mut desc = DataDescription::new();
                    desc.define(bytes.clone().into_boxed_slice());
                    object.define_data(id, &desc).map_err(module_err)?;
                    data_ids.insert(key, id);
                    id
                }
            };
            local_ids.push(id);
        }
        let mut relocs = function.relocs.clone();
        for reloc in &mut relocs {
            if let ModuleRelocTarget::User { namespace, index } = reloc.name {
                match namespace {
                    Namespace::RUNTIME => {
                        let id = match runtime_ids.get(&index) {
                            Some(id) => *id,
                            None => {
                                let rt = &runtime::RUNTIME[index as usize];
                                let sig = runtime::signature(rt, object.isa().default_call_conv());
                                let id = object.declare_function(rt.name, Linkage::Import, &sig).map_err(module_err)?;
                                runtime_ids.insert(index, id);
                                id
                            }
                        };
                        reloc.name = ModuleRelocTarget::user(Namespace::FUNC, id.as_u32());
                    }
                    Namespace::LOCAL_DATA => {
                        reloc.name = ModuleRelocTarget::user(Namespace::DATA, local_ids[index as usize].as_u32());
                    }
                    _ => {}
                }
            }
        }
        object.define_function_bytes(function.id, function.alignment, &function.bytes, &relocs).map_err(module_err)?;
        if let (Some(out), Some(text)) = (clif.as_mut(), function.clif.as_ref()) {
            out.push_str(text);
            out.push('\n');
        }
    }
    Ok(())
}
