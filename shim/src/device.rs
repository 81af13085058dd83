//! GPU state: the driver loaded once, the devices found, and per device its
//! primary context (retained at first use), loaded modules and functions
//! (loaded lazily at the first launch), its mapping table, its pool of
//! device memory, and the kernels queued since the last synchronization.
//!
//! Launches do not wait: all work goes to the context's in-order default
//! stream, and the host waits only where it must see results (a copy back,
//! [`synchronize_all`] at exit). A kernel fault is sticky, so whatever call
//! comes next reports it, naming the queued kernels ([`Gpu::check`]).

use crate::cuda::{self, CuContext, CuDevice, CuFunction, CuModule, Driver, CUDA_SUCCESS};
use crate::mapping::{DeviceMemory, MappingTable};
use crate::pool::{DevicePool, RawDeviceAlloc};
use crate::registry::{registry, Kernel};
use crate::rt::{fatal_with_code, info, info_enabled, ms_since};
use crate::staging::{staging_enabled, Staging};
use crate::timeline::{Span, Timeline};
use std::collections::HashMap;
use std::ffi::{c_char, c_int, c_void, CString};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::Instant;

pub struct Gpu {
    pub ordinal: usize,
    pub name: String,
    device: CuDevice,
    context: OnceLock<usize>,
    /// Loaded modules by image index (0: the driver refused the image).
    modules: Mutex<HashMap<usize, usize>>,
    functions: Mutex<HashMap<String, usize>>,
    mappings: Mutex<MappingTable>,
    pool: Mutex<DevicePool>,
    /// Kernels launched since the last point the host waited for the device
    /// (the last [`PENDING_NAMES`] names), oldest first.
    pending: Mutex<Vec<String>>,
    staging: Mutex<Staging>,
    /// GPU time of launches and copies (recorded only with `HYBRID_INFO`).
    timeline: Mutex<Timeline>,
}

/// How many queued kernel names a fault report lists at most.
const PENDING_NAMES: usize = 8;

pub struct Gpus {
    pub driver: Driver,
    pub devices: Vec<Gpu>,
}

/// The GPUs of this machine, probed once; `Err` says why none is usable.
static GPUS: OnceLock<Result<Gpus, String>> = OnceLock::new();

pub fn gpus() -> Result<&'static Gpus, &'static str> {
    GPUS.get_or_init(|| {
        let start = Instant::now();
        let found = probe();
        match &found {
            Ok(g) => info(|| {
                let names: Vec<String> = g.devices.iter().map(|d| format!("{}: {}", d.ordinal, d.name)).collect();
                format!("found {} GPU(s) [{}] in {:.3} ms", g.devices.len(), names.join(", "), ms_since(start))
            }),
            Err(why) => info(|| format!("no usable GPU: {why}")),
        }
        found
    })
    .as_ref()
    .map_err(String::as_str)
}

fn probe() -> Result<Gpus, String> {
    let driver = Driver::load()?;
    unsafe {
        let r = (driver.cuInit)(0);
        if r != CUDA_SUCCESS {
            return Err(format!("cuInit failed: {}", driver.describe(r)));
        }
        let mut count: c_int = 0;
        driver.check((driver.cuDeviceGetCount)(&mut count), "cuDeviceGetCount", None)?;
        if count <= 0 {
            return Err("the CUDA driver reports no device".to_string());
        }
        let mut devices = Vec::new();
        for ordinal in 0..count {
            let mut device: CuDevice = 0;
            driver.check((driver.cuDeviceGet)(&mut device, ordinal), "cuDeviceGet", None)?;
            let mut name = [0 as c_char; 256];
            driver.check((driver.cuDeviceGetName)(name.as_mut_ptr(), 255, device), "cuDeviceGetName", None)?;
            let name = std::ffi::CStr::from_ptr(name.as_ptr()).to_string_lossy().into_owned();
            devices.push(Gpu {
                ordinal: ordinal as usize,
                name,
                device,
                context: OnceLock::new(),
                modules: Mutex::new(HashMap::new()),
                functions: Mutex::new(HashMap::new()),
                mappings: Mutex::new(MappingTable::new()),
                pool: Mutex::new(DevicePool::new()),
                pending: Mutex::new(Vec::new()),
                staging: Mutex::new(Staging::default()),
                timeline: Mutex::new(Timeline::default()),
            });
        }
        Ok(Gpus { driver, devices })
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Gpu {
    /// "GPU 0 (NVIDIA H100 80GB HBM3)".
    pub fn label(&self) -> String {
        format!("GPU {} ({})", self.ordinal, self.name)
    }

    /// Retain the primary context (first time) and make it current on the
    /// calling thread.
    pub fn make_current(&self, drv: &Driver) -> Result<(), String> {
        let ctx = match self.context.get() {
            Some(&c) => c,
            None => {
                let start = Instant::now();
                let mut ctx: CuContext = std::ptr::null_mut();
                drv.check(unsafe { (drv.cuDevicePrimaryCtxRetain)(&mut ctx, self.device) }, "cuDevicePrimaryCtxRetain", None)?;
                let c = *self.context.get_or_init(|| ctx as usize);
                info(|| format!("{}: context ready in {:.3} ms", self.label(), ms_since(start)));
                lock(&self.staging).prepare(c, self.label());
                c
            }
        };
        drv.check(unsafe { (drv.cuCtxSetCurrent)(ctx as CuContext) }, "cuCtxSetCurrent", None)
    }

    /// The kernel's function handle, loading its image's module first if
    /// needed (the context must be current).
    pub fn function(&self, drv: &Driver, kernel: &Kernel) -> Result<CuFunction, String> {
        if let Some(&f) = lock(&self.functions).get(&kernel.name) {
            return Ok(f as CuFunction);
        }
        if kernel.images.is_empty() {
            return Err(format!("kernel `{}` is in no registered device image", kernel.name));
        }
        // The first image this GPU accepts: a cubin of another architecture
        // is refused by the driver, and the PTX after it is JIT-compiled.
        let mut module = None;
        let mut refused = Vec::new();
        for (n, &image_index) in kernel.images.iter().enumerate() {
            let mut modules = lock(&self.modules);
            match modules.get(&image_index) {
                Some(0) => continue, // refused before
                Some(&m) => {
                    module = Some(m);
                    break;
                }
                None => {}
            }
            let image = registry().images[image_index];
            let last = n + 1 == kernel.images.len();
            match self.load_module(drv, &image.nul_terminated(), image_index, &kernel.name) {
                Ok(m) => {
                    modules.insert(image_index, m as usize);
                    module = Some(m as usize);
                    break;
                }
                Err(e) if !last => {
                    modules.insert(image_index, 0);
                    refused.push(e);
                }
                Err(e) => {
                    refused.push(e);
                    return Err(refused.join("\n"));
                }
            }
        }
        if !refused.is_empty() {
            info(|| format!("{}: device image(s) refused before one loaded: {}", self.label(), refused.join("; ")));
        }
        let module = module.expect("a module loaded or an error returned");
        let name = CString::new(kernel.name.as_str()).map_err(|_| format!("bad kernel name `{}`", kernel.name))?;
        let mut f: CuFunction = std::ptr::null_mut();
        let r = unsafe { (drv.cuModuleGetFunction)(&mut f, module as CuModule, name.as_ptr()) };
        self.check(drv, r, "cuModuleGetFunction", Some(&kernel.name))?;
        lock(&self.functions).insert(kernel.name.clone(), f as usize);
        Ok(f)
    }

    fn load_module(&self, drv: &Driver, image: &[u8], index: usize, kernel: &str) -> Result<CuModule, String> {
        const LOG: usize = 16 * 1024;
        let start = Instant::now();
        let mut error_log = vec![0u8; LOG];
        let mut info_log = vec![0u8; LOG];
        let mut options = [
            cuda::CU_JIT_ERROR_LOG_BUFFER,
            cuda::CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES,
            cuda::CU_JIT_INFO_LOG_BUFFER,
            cuda::CU_JIT_INFO_LOG_BUFFER_SIZE_BYTES,
        ];
        // Sizes travel as the pointer-sized value itself (cuda.h).
        let mut values: [*mut c_void; 4] =
            [error_log.as_mut_ptr().cast(), LOG as *mut c_void, info_log.as_mut_ptr().cast(), LOG as *mut c_void];
        let mut module: CuModule = std::ptr::null_mut();
        let r = unsafe {
            (drv.cuModuleLoadDataEx)(&mut module, image.as_ptr().cast(), options.len() as u32, options.as_mut_ptr(), values.as_mut_ptr())
        };
        let text = |buf: &[u8]| {
            let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            String::from_utf8_lossy(&buf[..end]).trim_end().to_string()
        };
        if r != CUDA_SUCCESS {
            if cuda::is_kernel_fault(r) {
                // a fault of a queued kernel: reported as that kernel's (exits)
                self.check(drv, r, "cuModuleLoadDataEx", Some(kernel))?;
            }
            let log = text(&error_log);
            let mut msg = format!(
                "cuModuleLoadDataEx failed for kernel `{kernel}` (device image {index}, {} bytes) on {}: {}",
                image.len() - 1,
                self.label(),
                drv.describe(r)
            );
            if !log.is_empty() {
                msg.push_str("\nJIT log:\n");
                msg.push_str(&log);
            }
            return Err(msg);
        }
        info(|| {
            let log = text(&info_log);
            let log = if log.is_empty() { String::new() } else { format!("; JIT log: {log}") };
            let kind = if image.starts_with(b"\x7fELF") { "cubin" } else { "PTX, JIT-compiled" };
            format!("{}: loaded device image {index} ({kind}, {} bytes) in {:.3} ms{log}", self.label(), image.len() - 1, ms_since(start))
        });
        Ok(module)
    }

    pub fn mappings(&self) -> MutexGuard<'_, MappingTable> {
        lock(&self.mappings)
    }

    /// Note a kernel queued on the device (its launch did not wait).
    pub fn queued(&self, kernel: &str) {
        let mut pending = lock(&self.pending);
        if pending.len() == PENDING_NAMES {
            pending.remove(0);
        }
        pending.push(kernel.to_string());
    }

    /// The result `r` of driver call `call` on this GPU. A kernel fault
    /// (trap, illegal address, ..) surfaces at whatever call follows the
    /// kernel: it exits with 101 naming the kernels queued since the host
    /// last waited, the most recent first.
    /// Other errors are `drv.check`'s (naming `kernel` if given).
    pub fn check(&self, drv: &Driver, r: cuda::CuResult, call: &str, kernel: Option<&str>) -> Result<(), String> {
        if r != CUDA_SUCCESS && cuda::is_kernel_fault(r) {
            let pending = lock(&self.pending);
            let mut names = pending.iter().rev().map(|n| format!("`{n}`"));
            let last = names.next().unwrap_or_else(|| "(unknown)".to_string());
            let others: Vec<String> = names.collect();
            let others = if others.is_empty() { String::new() } else { format!(" or one queued before it ({})", others.join(", ")) };
            fatal_with_code(
                101,
                format_args!(
                    "kernel {last}{others} trapped or faulted on the GPU: {} (reported by {call} on {})",
                    drv.describe(r),
                    self.label()
                ),
            );
        }
        drv.check(r, call, kernel)
    }

    /// The host waited for everything queued on this GPU.
    fn waited(&self, drv: &Driver) {
        lock(&self.pending).clear();
        if info_enabled() {
            lock(&self.timeline).read(drv);
        }
    }

    /// Run `queue` (which queues work on the stream) between a pair of
    /// timing events when `HYBRID_INFO` is on.
    pub fn timed<R>(&self, drv: &Driver, span: Span, queue: impl FnOnce() -> R) -> R {
        if !info_enabled() {
            return queue();
        }
        let start = lock(&self.timeline).start(drv);
        let r = queue();
        lock(&self.timeline).end(drv, span, start);
        r
    }

    /// Wait for the kernels queued on this GPU (the context must be current).
    pub fn synchronize(&self, drv: &Driver) -> Result<(), String> {
        if lock(&self.pending).is_empty() {
            return Ok(());
        }
        self.check(drv, unsafe { (drv.cuCtxSynchronize)() }, "cuCtxSynchronize", None)?;
        self.waited(drv);
        Ok(())
    }

    /// What the device-memory pool did so far.
    pub fn pool_stats(&self) -> crate::pool::PoolStats {
        lock(&self.pool).stats
    }
}

/// At exit: wait for every GPU's queued kernels, so a fault of a kernel
/// whose results were never copied back is still reported; with
/// `HYBRID_INFO`, one summary line per GPU used.
pub fn synchronize_all() -> Result<(), String> {
    synchronize_queued()?;
    let Some(Ok(g)) = GPUS.get() else { return Ok(()) };
    for gpu in g.devices.iter().filter(|gpu| gpu.context.get().is_some()) {
        info(|| {
            let (m, p) = (gpu.mappings().stats, gpu.pool_stats());
            let t = lock(&gpu.timeline);
            format!(
                "{}: moved {} bytes to the device in {} copies and {} bytes back in {} copies; {} maps found their data present; device memory: {} blocks reused, {} allocated; GPU time: {:.3} ms in {} kernels, {:.3} ms in {} copies",
                gpu.label(),
                m.bytes_to_device,
                m.copies_to_device,
                m.bytes_to_host,
                m.copies_to_host,
                m.present,
                p.reused,
                p.allocated,
                t.kernel_ms,
                t.kernels,
                t.copy_ms,
                t.copies
            )
        });
    }
    Ok(())
}

/// Wait for the kernels queued on every GPU in use (`offload_sync`); a
/// fault is reported naming them.
pub fn synchronize_queued() -> Result<(), String> {
    // (never probes: a program that did not offload exits without the driver)
    let Some(Ok(g)) = GPUS.get() else { return Ok(()) };
    for gpu in g.devices.iter().filter(|gpu| gpu.context.get().is_some()) {
        if !lock(&gpu.pending).is_empty() {
            gpu.make_current(&g.driver)?;
            gpu.synchronize(&g.driver)?;
        }
    }
    Ok(())
}

/// `cuMemAlloc`/`cuMemFree` under a GPU's pool.
struct RawCuda<'a>(&'a Driver, &'a Gpu);

impl RawDeviceAlloc for RawCuda<'_> {
    fn raw_alloc(&mut self, bytes: u64) -> Result<u64, String> {
        let mut p: cuda::CuDevicePtr = 0;
        let r = unsafe { (self.0.cuMemAlloc_v2)(&mut p, bytes as usize) };
        self.1.check(self.0, r, "cuMemAlloc_v2", None).map_err(|e| format!("{e} (allocating {bytes} bytes on {})", self.1.label()))?;
        Ok(p)
    }
    fn raw_free(&mut self, device: u64) -> Result<(), String> {
        self.1.check(self.0, unsafe { (self.0.cuMemFree_v2)(device) }, "cuMemFree_v2", None)
    }
}

/// `DeviceMemory` on one GPU through the driver (context already current).
pub struct GpuMemory<'a> {
    pub driver: &'a Driver,
    pub gpu: &'a Gpu,
}

impl DeviceMemory for GpuMemory<'_> {
    fn alloc(&mut self, bytes: u64) -> Result<u64, String> {
        lock(&self.gpu.pool).alloc(&mut RawCuda(self.driver, self.gpu), bytes)
    }
    fn free(&mut self, device: u64) -> Result<(), String> {
        lock(&self.gpu.pool).free(&mut RawCuda(self.driver, self.gpu), device)
    }
    fn share(&mut self, block: u64, parts: &[u64]) -> Result<(), String> {
        lock(&self.gpu.pool).share(block, parts)
    }
    // (the trait's contract: the mapping table passes host ranges it maps)
    #[allow(clippy::not_unsafe_ptr_arg_deref)]
    fn to_device(&mut self, device: u64, host: *const u8, bytes: u64) -> Result<(), String> {
        let (drv, gpu) = (self.driver, self.gpu);
        gpu.timed(drv, Span::Copy, || {
            if staging_enabled() {
                unsafe { lock(&gpu.staging).send(drv, gpu, device, host, bytes as usize) }
            } else {
                let r = unsafe { (drv.cuMemcpyHtoD_v2)(device, host.cast(), bytes as usize) };
                gpu.check(drv, r, "cuMemcpyHtoD_v2", None)
            }
        })
    }
    #[allow(clippy::not_unsafe_ptr_arg_deref)]
    fn to_host(&mut self, host: *mut u8, device: u64, bytes: u64) -> Result<(), String> {
        // Either way the copy waits for every kernel queued before it.
        let (drv, gpu) = (self.driver, self.gpu);
        gpu.timed(drv, Span::Copy, || {
            if staging_enabled() {
                unsafe { lock(&gpu.staging).receive(drv, gpu, host, device, bytes as usize) }
            } else {
                let r = unsafe { (drv.cuMemcpyDtoH_v2)(host.cast(), device, bytes as usize) };
                gpu.check(drv, r, "cuMemcpyDtoH_v2", None)
            }
        })?;
        gpu.waited(drv);
        Ok(())
    }
}
