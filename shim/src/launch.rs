//! The offload entry points generated code calls: `__tgt_target_data_begin_mapper`,
//! `__tgt_target_kernel`, `__tgt_target_data_end_mapper`. Each decides GPU or
//! host fallback (`HYBRID_OFFLOAD`, the device id), moves data through the
//! device's mapping table, launches through the driver, and logs with
//! `HYBRID_INFO=1`.

use crate::abi::{FallbackEntry, KernelArgs, KERNEL_ARGS_VERSION, MAP_FROM, MAP_LITERAL, MAP_TO};
use crate::batch::{self, Batch, Return};
use crate::cuda;
use crate::device::{gpus, Gpu, GpuMemory, Gpus};
use crate::fallback::{self, GridLaunch};
use crate::launch_limits;
use crate::mapping::{Begin, End, HostMemory, MappingTable};
use crate::registry::registry;
use crate::rt::{fatal, ffi_guard, info, ms_since};
use crate::timeline::Span;
use std::ffi::c_void;
use std::sync::OnceLock;
use std::time::Instant;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OffloadMode {
    Default,
    Mandatory,
    Disabled,
}

impl OffloadMode {
    pub fn parse(value: Option<&str>) -> Result<OffloadMode, String> {
        match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            None | Some("") | Some("default") => Ok(OffloadMode::Default),
            Some("mandatory") => Ok(OffloadMode::Mandatory),
            Some("disabled") => Ok(OffloadMode::Disabled),
            Some(_) => Err(format!("HYBRID_OFFLOAD must be `default`, `mandatory` or `disabled`, not `{}`", value.unwrap_or_default())),
        }
    }
}

pub fn offload_mode() -> OffloadMode {
    static MODE: OnceLock<OffloadMode> = OnceLock::new();
    *MODE.get_or_init(|| {
        let value = std::env::var("HYBRID_OFFLOAD").ok();
        OffloadMode::parse(value.as_deref()).unwrap_or_else(|e| fatal(e))
    })
}

/// The GPU of device id -1: `HYBRID_DEFAULT_DEVICE` (as libomptarget's
/// `OMP_DEFAULT_DEVICE`), else 0.
pub fn default_device() -> usize {
    static DEFAULT: OnceLock<usize> = OnceLock::new();
    *DEFAULT.get_or_init(|| parse_default_device(std::env::var("HYBRID_DEFAULT_DEVICE").ok().as_deref()).unwrap_or_else(|e| fatal(e)))
}

pub fn parse_default_device(value: Option<&str>) -> Result<usize, String> {
    match value.map(str::trim) {
        None | Some("") => Ok(0),
        Some(v) => v.parse::<usize>().map_err(|_| format!("HYBRID_DEFAULT_DEVICE must be a GPU number (0, 1, ..), not `{v}`")),
    }
}

/// Where an offload runs.
pub enum Target {
    Gpu(&'static Gpus, &'static Gpu),
    Host { reason: String },
}

/// Pick the GPU for `device_id` (-1: the default device), or the host
/// fallback with the reason. Exits on a bad device id, or when no GPU is
/// usable under `HYBRID_OFFLOAD=mandatory`.
pub fn select_target(device_id: i64) -> Target {
    if device_id < -1 {
        fatal(format_args!("device id {device_id} is invalid: use -1 (the default device) or a GPU number"));
    }
    // (parsed even where no GPU is used, so a bad value never passes silently)
    let default = if device_id == -1 { default_device() } else { 0 };
    let mode = offload_mode();
    if mode == OffloadMode::Disabled {
        return Target::Host { reason: "HYBRID_OFFLOAD=disabled".to_string() };
    }
    let unusable = match gpus() {
        Err(why) => why.to_string(),
        Ok(_) if registry().images.is_empty() => "the executable holds no device image".to_string(),
        Ok(g) => {
            let count = g.devices.len();
            let index = if device_id == -1 { default } else { device_id as usize };
            if device_id == -1 && index >= count {
                fatal(format_args!(
                    "HYBRID_DEFAULT_DEVICE={index} does not exist: this machine has {count} GPU(s) (valid: 0..={})",
                    count - 1
                ));
            }
            if index >= count {
                fatal(format_args!(
                    "device id {device_id} does not exist: this machine has {count} GPU(s) (valid ids: -1 and 0..={})",
                    count - 1
                ));
            }
            return Target::Gpu(g, &g.devices[index]);
        }
    };
    if mode == OffloadMode::Mandatory {
        fatal(format_args!("HYBRID_OFFLOAD=mandatory but no usable GPU: {unusable}"));
    }
    // FIXME(device-ids-on-host): with no usable GPU every device id >= -1
    // runs on the host, like libomptarget's fallback.
    Target::Host { reason: unusable }
}

fn direction(map_type: i64) -> &'static str {
    match (map_type & MAP_TO != 0, map_type & MAP_FROM != 0) {
        (true, true) => "to+from",
        (true, false) => "to",
        (false, true) => "from",
        (false, false) => "alloc",
    }
}

unsafe fn slice<'a, T>(p: *const T, n: usize) -> &'a [T] {
    if n == 0 || p.is_null() {
        &[]
    } else {
        std::slice::from_raw_parts(p, n)
    }
}

/// Host fallback's present table (one for every device id: they all are
/// the host): references only, nothing moves.
fn host_table() -> std::sync::MutexGuard<'static, MappingTable> {
    static TABLE: std::sync::Mutex<MappingTable> = std::sync::Mutex::new(MappingTable::new());
    TABLE.lock().unwrap_or_else(|e| e.into_inner())
}

unsafe fn data_begin(device_id: i64, n: i32, ptrs: *mut *mut c_void, sizes: *mut i64, types: *mut i64) {
    let n = n.max(0) as usize;
    let (ptrs, sizes, types) = (slice(ptrs, n), slice(sizes, n), slice(types, n));
    let (g, gpu) = match select_target(device_id) {
        Target::Gpu(g, gpu) => (g, gpu),
        Target::Host { .. } => {
            let mut table = host_table();
            for i in (0..n).filter(|&i| types[i] & MAP_LITERAL == 0) {
                let (host, size) = (ptrs[i] as usize, sizes[i].max(0) as u64);
                match table.begin(&mut HostMemory, host, size, types[i]) {
                    Ok(Begin::Present { .. }) => {
                        info(|| format!("map {} {size} bytes host {host:#x}: already present (host fallback)", direction(types[i])))
                    }
                    Ok(Begin::New { .. }) => {
                        info(|| format!("map {} {size} bytes host {host:#x}: nothing moves in host fallback", direction(types[i])))
                    }
                    Err(e) => fatal(format_args!("mapping argument {i} to the host (fallback): {e}")),
                }
            }
            return;
        }
    };
    gpu.make_current(&g.driver).unwrap_or_else(|e| fatal(e));
    let mut gpu_mem = GpuMemory { driver: &g.driver, gpu };
    let mut table = gpu.mappings();
    let literal = |i: usize| types[i] & MAP_LITERAL != 0;
    let batch_bytes =
        batch::plan((0..n).filter(|&i| !literal(i)).map(|i| (sizes[i].max(0) as u64, table.lookup(ptrs[i] as usize).is_some())));
    let mut mem = Batch::new(&mut gpu_mem, batch_bytes)
        .unwrap_or_else(|e| fatal(format_args!("mapping the small arguments to {}: {e}", gpu.label())));
    for i in 0..n {
        if literal(i) {
            continue;
        }
        let (host, size) = (ptrs[i] as usize, sizes[i].max(0) as u64);
        let start = Instant::now();
        match table.begin(&mut mem, host, size, types[i]) {
            Ok(Begin::New { device, copied }) => info(|| {
                format!(
                    "map {} {size} bytes host {host:#x} -> device {device:#x} on {}{}, {:.3} ms",
                    direction(types[i]),
                    gpu.label(),
                    if copied { ", copied to device" } else { "" },
                    ms_since(start)
                )
            }),
            Ok(Begin::Present { device }) => {
                info(|| format!("map {} {size} bytes host {host:#x}: already present at device {device:#x}", direction(types[i])))
            }
            Err(e) => fatal(format_args!("mapping argument {i} to {}: {e}", gpu.label())),
        }
    }
    if batch_bytes > 0 {
        info(|| format!("small arguments mapped together: one {batch_bytes}-byte block, one copy"));
    }
    mem.flush(&mut table.stats).unwrap_or_else(|e| fatal(format_args!("mapping the small arguments to {}: {e}", gpu.label())));
}

unsafe fn data_end(device_id: i64, n: i32, ptrs: *mut *mut c_void, types: *mut i64) {
    let n = n.max(0) as usize;
    let (ptrs, types) = (slice(ptrs, n), slice(types, n));
    let Target::Gpu(g, gpu) = select_target(device_id) else {
        let mut table = host_table();
        for i in (0..n).rev().filter(|&i| types[i] & MAP_LITERAL == 0) {
            if let Err(e) = table.end(&mut HostMemory, ptrs[i] as usize, types[i]) {
                fatal(format_args!("unmapping argument {i} from the host (fallback): {e}"));
            }
        }
        return;
    };
    gpu.make_current(&g.driver).unwrap_or_else(|e| fatal(e));
    let mut gpu_mem = GpuMemory { driver: &g.driver, gpu };
    let mut mem = Return::new(&mut gpu_mem);
    let mut table = gpu.mappings();
    // In reverse, as OpenMP releases maps.
    for i in (0..n).rev() {
        if types[i] & MAP_LITERAL != 0 {
            continue;
        }
        let host = ptrs[i] as usize;
        let start = Instant::now();
        match table.end(&mut mem, host, types[i]) {
            Ok(End::Released { device, copied_back, size }) => info(|| {
                format!(
                    "unmap {} {size} bytes device {device:#x} -> host {host:#x}{}, {:.3} ms",
                    direction(types[i]),
                    if copied_back { ", copied to host" } else { "" },
                    ms_since(start)
                )
            }),
            Ok(End::StillMapped) => {}
            Err(e) => fatal(format_args!("unmapping argument {i} from {}: {e}", gpu.label())),
        }
    }
    mem.flush(&mut table.stats).unwrap_or_else(|e| fatal(format_args!("copying the arguments back from {}: {e}", gpu.label())));
}

/// `__tgt_target_data_begin_mapper`: map every non-literal argument.
#[no_mangle]
pub unsafe extern "C" fn __tgt_target_data_begin_mapper(
    _loc: *mut c_void,
    device_id: i64,
    n: i32,
    _bases: *mut *mut c_void,
    ptrs: *mut *mut c_void,
    sizes: *mut i64,
    types: *mut i64,
    _names: *mut *mut c_void,
    _mappers: *mut *mut c_void,
) {
    ffi_guard("__tgt_target_data_begin_mapper", || data_begin(device_id, n, ptrs, sizes, types));
}

/// `__tgt_target_data_end_mapper`: copy FROM arguments back and unmap.
#[no_mangle]
pub unsafe extern "C" fn __tgt_target_data_end_mapper(
    _loc: *mut c_void,
    device_id: i64,
    n: i32,
    _bases: *mut *mut c_void,
    ptrs: *mut *mut c_void,
    _sizes: *mut i64,
    types: *mut i64,
    _names: *mut *mut c_void,
    _mappers: *mut *mut c_void,
) {
    ffi_guard("__tgt_target_data_end_mapper", || data_end(device_id, n, ptrs, types));
}

/// The map type of a preload: to the device, and back if mutable.
fn preload_map_type(mutable: u8) -> i64 {
    MAP_TO | if mutable != 0 { MAP_FROM } else { 0 }
}

/// `hybrid_preload_begin(p, bytes, mutable, device)`: one more present-table
/// reference to the host range on `device` (-1: the default; copied over
/// if it was not mapped), so the offloads to that device until the matching
/// `hybrid_preload_end` find it present and move nothing. Nothing happens
/// in host fallback.
#[no_mangle]
pub unsafe extern "C" fn hybrid_preload_begin(p: *const u8, bytes: u64, mutable: u8, device: i32) {
    let (mut ptrs, mut sizes, mut types) = ([p as *mut c_void], [bytes as i64], [preload_map_type(mutable)]);
    ffi_guard("hybrid_preload_begin", || {
        if let Target::Host { reason } = select_target(device as i64) {
            info(|| format!("preload {} {bytes} bytes host {p:p}: nothing to copy in host fallback ({reason})", direction(types[0])));
        }
        data_begin(device as i64, 1, ptrs.as_mut_ptr(), sizes.as_mut_ptr(), types.as_mut_ptr())
    });
}

/// `hybrid_preload_end(p, mutable, device)`: drop that reference; the last
/// one copies a mutable range back (waiting for the kernels queued before it).
#[no_mangle]
pub unsafe extern "C" fn hybrid_preload_end(p: *const u8, mutable: u8, device: i32) {
    let (mut ptrs, mut types) = ([p as *mut c_void], [preload_map_type(mutable)]);
    ffi_guard("hybrid_preload_end", || data_end(device as i64, 1, ptrs.as_mut_ptr(), types.as_mut_ptr()));
}

/// `__tgt_target_kernel`: run the kernel whose fallback entry is `region_id`
/// on the GPU or on the host. Returns 0; every failure exits the process.
#[no_mangle]
pub unsafe extern "C" fn __tgt_target_kernel(
    _loc: *mut c_void,
    device_id: i64,
    _num_teams: i32,
    _thread_limit: i32,
    region_id: *mut c_void,
    args: *mut KernelArgs,
) -> i32 {
    ffi_guard("__tgt_target_kernel", || target_kernel(device_id, region_id, args));
    0
}

unsafe fn target_kernel(device_id: i64, region_id: *mut c_void, args: *mut KernelArgs) {
    if region_id.is_null() || args.is_null() {
        fatal("__tgt_target_kernel called with a null region id or null arguments");
    }
    let args = &*args;
    let kernel = registry().kernel_by_addr(region_id as usize).cloned();
    let name = kernel.as_ref().map_or_else(|| format!("{region_id:p}"), |k| k.name.clone());
    if args.version != KERNEL_ARGS_VERSION {
        fatal(format_args!("kernel `{name}`: KernelArgsTy version {} is not supported yet (expected {KERNEL_ARGS_VERSION})", args.version));
    }
    let (grid, block, dyn_shared) = (args.num_teams, args.thread_limit, args.dyn_cgroup_mem);
    if let Err(e) = launch_limits::check(&name, grid, block, dyn_shared) {
        fatal(e);
    }
    match select_target(device_id) {
        Target::Gpu(g, gpu) => {
            let Some(kernel) = kernel else {
                fatal(format_args!("kernel with region id {region_id:p} is not registered (no offload entry)"));
            };
            launch_on_gpu(g, gpu, &kernel.name, &kernel, args, grid, block, dyn_shared).unwrap_or_else(|e| fatal(e));
        }
        Target::Host { reason } => {
            let start = Instant::now();
            let entry: FallbackEntry = std::mem::transmute::<*mut c_void, FallbackEntry>(region_id);
            let launch = GridLaunch {
                entry,
                args: args.arg_ptrs as *const u64,
                grid,
                block,
                dyn_shared: dyn_shared as usize,
                static_shared: kernel.as_ref().map_or(0, |k| k.static_shared_bytes),
                kernel: &name,
                // An unregistered kernel (no entry): barriers, which are
                // correct for any kernel, only slower.
                uses_barrier: kernel.as_ref().is_none_or(|k| k.uses_barrier),
            };
            fallback::run_grid(&launch);
            info(|| {
                format!(
                    "launch `{name}` on host fallback ({reason}): grid {grid:?}, block {block:?}, dyn shared {dyn_shared} bytes, {:.3} ms",
                    ms_since(start)
                )
            });
        }
    }
}

#[allow(clippy::too_many_arguments)]
unsafe fn launch_on_gpu(
    g: &Gpus,
    gpu: &Gpu,
    name: &str,
    kernel: &crate::registry::Kernel,
    args: &KernelArgs,
    grid: [u32; 3],
    block: [u32; 3],
    dyn_shared: u32,
) -> Result<(), String> {
    let drv = &g.driver;
    gpu.make_current(drv)?;
    let function = gpu.function(drv, kernel)?;
    let n = args.num_args as usize;
    let arg_ptrs = slice(args.arg_ptrs as *const *mut c_void, n);
    let types = slice(args.arg_types as *const i64, n);
    // Literal slots: a pointer to the 8-byte slot itself (the scalar is in
    // its low bytes; little-endian). Mapped slots: a pointer to the device
    // address looked up in the mapping table.
    let mut device_ptrs = vec![0u64; n];
    {
        let table = gpu.mappings();
        for i in 0..n {
            if types[i] & MAP_LITERAL == 0 {
                let host = arg_ptrs[i] as usize;
                device_ptrs[i] = table
                    .lookup(host)
                    .ok_or_else(|| format!("kernel `{name}`: argument slot {i} (host address {host:#x}) was not mapped to the device"))?;
            }
        }
    }
    let mut params: Vec<*mut c_void> =
        (0..n)
            .map(|i| {
                if types[i] & MAP_LITERAL != 0 {
                    args.arg_ptrs.add(i) as *mut c_void
                } else {
                    &mut device_ptrs[i] as *mut u64 as *mut c_void
                }
            })
            .collect();
    if dyn_shared > 48 * 1024 {
        let r = (drv.cuFuncSetAttribute)(function, cuda::CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, dyn_shared as i32);
        drv.check(r, "cuFuncSetAttribute(MAX_DYNAMIC_SHARED_SIZE_BYTES)", Some(name))?;
    }
    let start = Instant::now();
    let r = gpu.timed(drv, Span::Kernel, || {
        (drv.cuLaunchKernel)(
            function,
            grid[0],
            grid[1],
            grid[2],
            block[0],
            block[1],
            block[2],
            dyn_shared,
            std::ptr::null_mut(),
            if n == 0 { std::ptr::null_mut() } else { params.as_mut_ptr() },
            std::ptr::null_mut(),
        )
    });
    gpu.check(drv, r, "cuLaunchKernel", Some(name))?;
    // No wait: the host waits where it reads results (see `device`).
    gpu.queued(name);
    info(|| {
        format!(
            "launch `{name}` on {}: grid {grid:?}, block {block:?}, dyn shared {dyn_shared} bytes, queued in {:.3} ms",
            gpu.label(),
            ms_since(start)
        )
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offload_mode_parses() {
        assert_eq!(OffloadMode::parse(None), Ok(OffloadMode::Default));
        assert_eq!(OffloadMode::parse(Some("MANDATORY")), Ok(OffloadMode::Mandatory));
        assert_eq!(OffloadMode::parse(Some("disabled")), Ok(OffloadMode::Disabled));
        assert!(OffloadMode::parse(Some("gpu")).unwrap_err().contains("not `gpu`"));
    }

    #[test]
    fn default_device_parses() {
        assert_eq!(parse_default_device(None), Ok(0));
        assert_eq!(parse_default_device(Some(" 3 ")), Ok(3));
        assert!(parse_default_device(Some("-1")).unwrap_err().contains("not `-1`"));
        assert!(parse_default_device(Some("gpu1")).unwrap_err().contains("a GPU number"));
    }
}
