//! Codegen units: the jobs split into contiguous runs of a fixed size, each compiled, defined in its own `ObjectModule` and emitted as one object.
//!
//! The split depends only on the program (never on the thread count), so the
//! objects are the same for every `-j`. A unit defines its own functions
//! (hidden or exported symbols) and imports by name, on first use, the
//! functions of other units and the runtime functions it calls; the data
//! blobs it references (string literals, the source file name) are defined
//! in the unit, once per unit.

use std::collections::HashMap;
use std::ops::Range;
use std::time::{Duration, Instant};

use cranelift_codegen::Context;
use cranelift_frontend::FunctionBuilderContext;
use cranelift_module::{DataDescription, DataId, FuncId, Linkage, Module as _, ModuleError, ModuleRelocTarget};
use cranelift_object::{ObjectBuilder, ObjectModule};
use hybrid_ir::{abi, Module};
use rayon::prelude::*;

use crate::{compile_job, runtime, CompiledFunction, HostError, Job, ModuleCx, Namespace, Result};

/// A unit is closed once its functions hold this many IR expressions (a
/// function's host and fallback flavors each count). About 150 functions of
/// `benches/gen_program.py`; a program under the budget is one unit.
pub const UNIT_EXPRS: usize = 20_000;

/// Split the jobs, in order, into contiguous units of about [`UNIT_EXPRS`]
/// IR expressions each.
pub(crate) fn partition(module: &Module, jobs: &[Job]) -> Vec<Range<usize>> {
    let mut units = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (i, job) in jobs.iter().enumerate() {
        size += match job {
            Job::Ir { func, .. } => module.functions[*func].exprs.len().max(1),
            Job::CMain => 1,
        };
        if size >= UNIT_EXPRS {
            units.push(start..i + 1);
            (start, size) = (i + 1, 0);
        }
    }
    if start < jobs.len() || units.is_empty() {
        units.push(start..jobs.len());
    }
    units
}

/// What one unit produced.
pub(crate) struct UnitOutput {
    /// The unit's ELF relocatable object.
    pub object: Vec<u8>,
    /// The CLIF of the unit's functions, in job order (empty unless asked for).
    pub clif: String,
    /// Time spent in each phase, summed over the workers that ran it.
    pub build_time: Duration,
    pub codegen_time: Duration,
    pub define_time: Duration,
    pub emit_time: Duration,
}

/// Compile the jobs `range` (their CLIF in parallel), define them in a
/// fresh object module and emit it.
pub(crate) fn compile_unit(cx: &ModuleCx, range: Range<usize>, emit_clif: bool) -> Result<UnitOutput> {
    let results: Vec<Result<CompiledFunction>> = cx.jobs[range.clone()]
        .par_iter()
        .map_init(|| (Context::new(), FunctionBuilderContext::new()), |(ctx, fctx), job| compile_job(cx, *job, ctx, fctx, emit_clif))
        .collect();
    let compiled: Vec<CompiledFunction> = results.into_iter().collect::<Result<_>>()?;

    let define_start = Instant::now();
    let mut unit = UnitModule::new(cx, range)?;
    let mut clif = String::new();
    for function in &compiled {
        unit.define(function)?;
        if let Some(text) = &function.clif {
            clif.push_str(text);
            clif.push('\n');
        }
    }
    let define_time = define_start.elapsed();

    let emit_start = Instant::now();
    let object = unit.object.finish().emit().map_err(|e| HostError::Module(e.to_string()))?;
    let emit_time = emit_start.elapsed();
    Ok(UnitOutput {
        object,
        clif,
        build_time: compiled.iter().map(|c| c.build_time).sum(),
        codegen_time: compiled.iter().map(|c| c.codegen_time).sum(),
        define_time,
        emit_time,
    })
}

fn module_err(e: ModuleError) -> HostError {
    HostError::Module(e.to_string())
}

/// One unit's object module and the ids it gave the module-wide names.
struct UnitModule<'a, 'm> {
    cx: &'a ModuleCx<'m>,
    object: ObjectModule,
    /// The unit's jobs (module-wide ids).
    range: Range<usize>,
    /// The object's ids of the unit's own functions, in job order.
    own: Vec<FuncId>,
    /// Functions of other units, by module-wide id.
    imports: HashMap<u32, FuncId>,
    /// Runtime functions, by index into `runtime::RUNTIME`.
    runtime: HashMap<u32, FuncId>,
    /// The blob holding `module.source_name`, once defined.
    file_data: Option<DataId>,
    /// Read-only blobs defined so far, by content.
    blobs: HashMap<&'a [u8], DataId>,
}

impl<'a, 'm> UnitModule<'a, 'm> {
    /// A fresh object module with the unit's own functions declared.
    fn new(cx: &'a ModuleCx<'m>, range: Range<usize>) -> Result<Self> {
        let builder = ObjectBuilder::new(cx.isa.clone(), "hybrid_cranelift", cranelift_module::default_libcall_names())
            .map_err(|e| HostError::Target(e.to_string()))?;
        let mut object = ObjectModule::new(builder);
        let mut own = Vec::with_capacity(range.len());
        for job in &cx.jobs[range.clone()] {
            let d = cx.job_declared(*job);
            own.push(object.declare_function(&d.symbol, d.linkage, &d.signature).map_err(module_err)?);
        }
        let (imports, runtime, blobs) = (HashMap::new(), HashMap::new(), HashMap::new());
        Ok(UnitModule { cx, object, range, own, imports, runtime, file_data: None, blobs })
    }

    /// Define one compiled function, its relocations mapped to this object's ids.
    fn define(&mut self, function: &'a CompiledFunction) -> Result<()> {
        let this = self.func(function.id.as_u32())?;
        let local_data: Vec<DataId> = function.data.blobs.iter().map(|b| self.blob(b)).collect::<Result<_>>()?;
        let locations = if function.data.locations.is_empty() { None } else { Some(self.location_table(&function.data.locations)?) };
        let mut relocs = function.relocs.clone();
        for reloc in &mut relocs {
            reloc.name = match reloc.name {
                ModuleRelocTarget::User { namespace, index } => match namespace {
                    Namespace::FUNC => ModuleRelocTarget::user(Namespace::FUNC, self.func(index)?.as_u32()),
                    Namespace::RUNTIME => ModuleRelocTarget::user(Namespace::FUNC, self.runtime(index)?.as_u32()),
                    Namespace::LOCAL_DATA => ModuleRelocTarget::user(Namespace::DATA, local_data[index as usize].as_u32()),
                    Namespace::LOCATION => match locations {
                        Some(table) => ModuleRelocTarget::user(Namespace::DATA, table.as_u32()),
                        None => return Err(HostError::Module(format!("location table {index} of a function without panic sites"))),
                    },
                    _ => return Err(HostError::Module(format!("relocation in unknown namespace {namespace}"))),
                },
                ModuleRelocTarget::FunctionOffset(_, offset) => ModuleRelocTarget::FunctionOffset(this, offset),
                ref other => other.clone(),
            };
        }
        self.object.define_function_bytes(this, function.alignment, &function.bytes, &relocs).map_err(module_err)
    }

    /// This object's id of a function: its own, or an import of another unit's.
    fn func(&mut self, id: u32) -> Result<FuncId> {
        let index = id as usize;
        if self.range.contains(&index) {
            return Ok(self.own[index - self.range.start]);
        }
        if let Some(f) = self.imports.get(&id) {
            return Ok(*f);
        }
        let d = self.cx.by_id(id);
        let f = self.object.declare_function(&d.symbol, Linkage::Import, &d.signature).map_err(module_err)?;
        self.imports.insert(id, f);
        Ok(f)
    }

    fn runtime(&mut self, index: u32) -> Result<FuncId> {
        if let Some(f) = self.runtime.get(&index) {
            return Ok(*f);
        }
        let rt = &runtime::RUNTIME[index as usize];
        let sig = runtime::signature(rt, self.object.isa().default_call_conv());
        let f = self.object.declare_function(rt.name, Linkage::Import, &sig).map_err(module_err)?;
        self.runtime.insert(index, f);
        Ok(f)
    }

    fn file_data(&mut self) -> Result<DataId> {
        if let Some(d) = self.file_data {
            return Ok(d);
        }
        let d = self.define_data(self.cx.module.source_name.as_bytes())?;
        self.file_data = Some(d);
        Ok(d)
    }

    /// A read-only blob, defined on first use and shared by the unit's functions.
    fn blob(&mut self, bytes: &'a [u8]) -> Result<DataId> {
        if let Some(d) = self.blobs.get(bytes) {
            return Ok(*d);
        }
        let d = self.define_data(bytes)?;
        self.blobs.insert(bytes, d);
        Ok(d)
    }

    /// A function's location table: per record (`abi::location`) the file
    /// name's address (relocated) and length, line and column.
    fn location_table(&mut self, records: &[(u32, u32)]) -> Result<DataId> {
        let file = self.file_data()?;
        let name_len = self.cx.module.source_name.len() as u64;
        let size = abi::location::SIZE as usize;
        let mut bytes = vec![0u8; size * records.len()];
        let mut desc = DataDescription::new();
        desc.set_align(abi::location::ALIGN as u64);
        let file_gv = self.object.declare_data_in_data(file, &mut desc);
        for (k, &(line, col)) in records.iter().enumerate() {
            let field = |f: u32| k * size + f as usize;
            bytes[field(abi::location::FILE_LEN)..][..8].copy_from_slice(&name_len.to_le_bytes());
            bytes[field(abi::location::LINE)..][..4].copy_from_slice(&line.to_le_bytes());
            bytes[field(abi::location::COL)..][..4].copy_from_slice(&col.to_le_bytes());
            desc.write_data_addr(field(abi::location::FILE) as u32, file_gv, 0);
        }
        desc.define(bytes.into_boxed_slice());
        let table = self.object.declare_anonymous_data(false, false).map_err(module_err)?;
        self.object.define_data(table, &desc).map_err(module_err)?;
        Ok(table)
    }

    fn define_data(&mut self, bytes: &[u8]) -> Result<DataId> {
        let id = self.object.declare_anonymous_data(false, false).map_err(module_err)?;
        let mut desc = DataDescription::new();
        desc.define(bytes.to_vec().into_boxed_slice());
        self.object.define_data(id, &desc).map_err(module_err)?;
        Ok(id)
    }
}
