//! GPU state: the driver loaded once, the devices found, and per device its
//! primary context (retained at first use), loaded modules and functions
//! (loaded lazily at the first launch), and its mapping table.

use crate::cuda::{self, CuContext, CuDevice, CuFunction, CuModule, Driver, CUDA_SUCCESS};
use crate::mapping::{DeviceMemory, MappingTable};
use crate::registry::{registry, Kernel};
use crate::rt::{info, ms_since};
use std::collections::HashMap;
use std::ffi::{c_char, c_int, c_void, CString};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::Instant;

pub struct Gpu {
    pub ordinal: usize,
    pub name: String,
    device: CuDevice,
    context: OnceLock<usize>,
    modules: Mutex<HashMap<usize, usize>>,
    functions: Mutex<HashMap<String, usize>>,
    mappings: Mutex<MappingTable>,
}

pub struct Gpus {
    pub driver: Driver,
    pub devices: Vec<Gpu>,
}

/// The GPUs of this machine, probed once; `Err` says why none is usable.
pub fn gpus() -> Result<&'static Gpus, &'static str> {
    static GPUS: OnceLock<Result<Gpus, String>> = OnceLock::new();
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
        let Some(image_index) = kernel.image else {
            return Err(format!("kernel `{}` is in no registered device image", kernel.name));
        };
        let module = {
            let mut modules = lock(&self.modules);
            match modules.get(&image_index) {
                Some(&m) => m,
                None => {
                    let image = registry().images[image_index];
                    let m = self.load_module(drv, &image.nul_terminated(), image_index, &kernel.name)?;
                    modules.insert(image_index, m as usize);
                    m as usize
                }
            }
        };
        let name = CString::new(kernel.name.as_str()).map_err(|_| format!("bad kernel name `{}`", kernel.name))?;
        let mut f: CuFunction = std::ptr::null_mut();
        let r = unsafe { (drv.cuModuleGetFunction)(&mut f, module as CuModule, name.as_ptr()) };
        drv.check(r, "cuModuleGetFunction", Some(&kernel.name))?;
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
            format!("{}: loaded device image {index} ({} bytes) in {:.3} ms{log}", self.label(), image.len() - 1, ms_since(start))
        });
        Ok(module)
    }

    pub fn mappings(&self) -> MutexGuard<'_, MappingTable> {
        lock(&self.mappings)
    }
}

/// `DeviceMemory` on one GPU through the driver (context already current).
pub struct GpuMemory<'a> {
    pub driver: &'a Driver,
    pub gpu: &'a Gpu,
}

impl DeviceMemory for GpuMemory<'_> {
    fn alloc(&mut self, bytes: u64) -> Result<u64, String> {
        let mut p: cuda::CuDevicePtr = 0;
        let r = unsafe { (self.driver.cuMemAlloc_v2)(&mut p, bytes as usize) };
        self.driver.check(r, "cuMemAlloc_v2", None).map_err(|e| format!("{e} (allocating {bytes} bytes on {})", self.gpu.label()))?;
        Ok(p)
    }
    fn free(&mut self, device: u64) -> Result<(), String> {
        self.driver.check(unsafe { (self.driver.cuMemFree_v2)(device) }, "cuMemFree_v2", None)
    }
    fn to_device(&mut self, device: u64, host: *const u8, bytes: u64) -> Result<(), String> {
        let r = unsafe { (self.driver.cuMemcpyHtoD_v2)(device, host.cast(), bytes as usize) };
        self.driver.check(r, "cuMemcpyHtoD_v2", None)
    }
    fn to_host(&mut self, host: *mut u8, device: u64, bytes: u64) -> Result<(), String> {
        let r = unsafe { (self.driver.cuMemcpyDtoH_v2)(host.cast(), device, bytes as usize) };
        self.driver.check(r, "cuMemcpyDtoH_v2", None)
    }
}
