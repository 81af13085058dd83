//! The CUDA driver API subset the shim uses, loaded from `libcuda.so.1` with
//! `dlopen` at run time (no CUDA toolkit is needed to build or run). Types and
//! signatures follow `cuda.h`; every call returns a `CuResult` that callers
//! check with `Driver::check`.

use std::ffi::{c_char, c_int, c_uint, c_void, CStr, CString};

pub type CuResult = c_int;
pub type CuDevice = c_int;
pub type CuContext = *mut c_void;
pub type CuModule = *mut c_void;
pub type CuFunction = *mut c_void;
pub type CuStream = *mut c_void;
pub type CuEvent = *mut c_void;
pub type CuDevicePtr = u64;

pub const CUDA_SUCCESS: CuResult = 0;
pub const CUDA_ERROR_ILLEGAL_ADDRESS: CuResult = 700;
pub const CUDA_ERROR_LAUNCH_FAILED: CuResult = 719;
pub const CUDA_ERROR_ASSERT: CuResult = 710;
pub const CUDA_ERROR_HARDWARE_STACK_ERROR: CuResult = 714;
pub const CUDA_ERROR_ILLEGAL_INSTRUCTION: CuResult = 715;
pub const CUDA_ERROR_MISALIGNED_ADDRESS: CuResult = 716;
pub const CUDA_ERROR_INVALID_PC: CuResult = 718;

/// `CUevent_flags::CU_EVENT_DISABLE_TIMING`: an event only waited on.
pub const CU_EVENT_DISABLE_TIMING: c_uint = 2;
/// `CUevent_flags::CU_EVENT_DEFAULT`: an event that can be timed.
pub const CU_EVENT_DEFAULT: c_uint = 0;

/// `CUjit_option` values for `cuModuleLoadDataEx`.
pub const CU_JIT_INFO_LOG_BUFFER: c_int = 3;
pub const CU_JIT_INFO_LOG_BUFFER_SIZE_BYTES: c_int = 4;
pub const CU_JIT_ERROR_LOG_BUFFER: c_int = 5;
pub const CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES: c_int = 6;
/// `CUfunction_attribute::CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES`.
pub const CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES: c_int = 8;

/// Whether `r` means the kernel itself failed on the device (a trap, a
/// fault) rather than a bad call.
pub fn is_kernel_fault(r: CuResult) -> bool {
    matches!(
        r,
        CUDA_ERROR_ILLEGAL_ADDRESS
            | CUDA_ERROR_LAUNCH_FAILED
            | CUDA_ERROR_ASSERT
            | CUDA_ERROR_HARDWARE_STACK_ERROR
            | CUDA_ERROR_ILLEGAL_INSTRUCTION
            | CUDA_ERROR_MISALIGNED_ADDRESS
            | CUDA_ERROR_INVALID_PC
    )
}

extern "C" {
    fn dlopen(filename: *const c_char, flag: c_int) -> *mut c_void;
    fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
    fn dlerror() -> *mut c_char;
}
const RTLD_NOW: c_int = 2;

/// Function pointers into libcuda. Field names are the driver's symbols.
#[allow(non_snake_case)]
pub struct Driver {
    pub cuInit: unsafe extern "C" fn(flags: c_uint) -> CuResult,
    pub cuDeviceGetCount: unsafe extern "C" fn(count: *mut c_int) -> CuResult,
    pub cuDeviceGet: unsafe extern "C" fn(device: *mut CuDevice, ordinal: c_int) -> CuResult,
    pub cuDeviceGetName: unsafe extern "C" fn(name: *mut c_char, len: c_int, dev: CuDevice) -> CuResult,
    pub cuDevicePrimaryCtxRetain: unsafe extern "C" fn(pctx: *mut CuContext, dev: CuDevice) -> CuResult,
    pub cuCtxSetCurrent: unsafe extern "C" fn(ctx: CuContext) -> CuResult,
    pub cuModuleLoadDataEx: unsafe extern "C" fn(
        module: *mut CuModule,
        image: *const c_void,
        num_options: c_uint,
        options: *mut c_int,
        option_values: *mut *mut c_void,
    ) -> CuResult,
    pub cuModuleGetFunction: unsafe extern "C" fn(hfunc: *mut CuFunction, hmod: CuModule, name: *const c_char) -> CuResult,
    pub cuFuncSetAttribute: unsafe extern "C" fn(hfunc: CuFunction, attrib: c_int, value: c_int) -> CuResult,
    pub cuMemAlloc_v2: unsafe extern "C" fn(dptr: *mut CuDevicePtr, bytesize: usize) -> CuResult,
    pub cuMemFree_v2: unsafe extern "C" fn(dptr: CuDevicePtr) -> CuResult,
    pub cuMemcpyHtoD_v2: unsafe extern "C" fn(dst: CuDevicePtr, src: *const c_void, bytes: usize) -> CuResult,
    pub cuMemcpyDtoH_v2: unsafe extern "C" fn(dst: *mut c_void, src: CuDevicePtr, bytes: usize) -> CuResult,
    pub cuMemcpyHtoDAsync_v2: unsafe extern "C" fn(dst: CuDevicePtr, src: *const c_void, bytes: usize, stream: CuStream) -> CuResult,
    pub cuMemcpyDtoHAsync_v2: unsafe extern "C" fn(dst: *mut c_void, src: CuDevicePtr, bytes: usize, stream: CuStream) -> CuResult,
    pub cuMemAllocHost_v2: unsafe extern "C" fn(pp: *mut *mut c_void, bytesize: usize) -> CuResult,
    pub cuMemFreeHost: unsafe extern "C" fn(p: *mut c_void) -> CuResult,
    pub cuEventCreate: unsafe extern "C" fn(event: *mut CuEvent, flags: c_uint) -> CuResult,
    pub cuEventRecord: unsafe extern "C" fn(event: CuEvent, stream: CuStream) -> CuResult,
    pub cuEventSynchronize: unsafe extern "C" fn(event: CuEvent) -> CuResult,
    pub cuEventElapsedTime: unsafe extern "C" fn(ms: *mut f32, start: CuEvent, end: CuEvent) -> CuResult,
    #[allow(clippy::type_complexity)]
    pub cuLaunchKernel: unsafe extern "C" fn(
        f: CuFunction,
        grid_x: c_uint,
        grid_y: c_uint,
        grid_z: c_uint,
        block_x: c_uint,
        block_y: c_uint,
        block_z: c_uint,
        shared_mem_bytes: c_uint,
        stream: CuStream,
        kernel_params: *mut *mut c_void,
        extra: *mut *mut c_void,
    ) -> CuResult,
    pub cuCtxSynchronize: unsafe extern "C" fn() -> CuResult,
    pub cuGetErrorName: unsafe extern "C" fn(error: CuResult, pstr: *mut *const c_char) -> CuResult,
    pub cuGetErrorString: unsafe extern "C" fn(error: CuResult, pstr: *mut *const c_char) -> CuResult,
}

unsafe impl Send for Driver {}
unsafe impl Sync for Driver {}

unsafe fn last_dl_error() -> String {
    let e = dlerror();
    if e.is_null() {
        "unknown dlopen error".to_string()
    } else {
        CStr::from_ptr(e).to_string_lossy().into_owned()
    }
}

/// A `dlsym` result as the function pointer type `F` (pointer-sized).
unsafe fn fn_from_ptr<F: Copy>(p: *mut c_void) -> F {
    assert_eq!(std::mem::size_of::<F>(), std::mem::size_of::<*mut c_void>());
    std::mem::transmute_copy::<*mut c_void, F>(&p)
}

impl Driver {
    /// `dlopen("libcuda.so.1")` and look up every function; `Err` says why
    /// the driver cannot be used.
    pub fn load() -> Result<Driver, String> {
        unsafe {
            let lib = dlopen(c"libcuda.so.1".as_ptr(), RTLD_NOW);
            if lib.is_null() {
                return Err(format!("cannot load libcuda.so.1: {}", last_dl_error()));
            }
            macro_rules! sym {
                ($name:literal) => {{
                    let name = CString::new($name).unwrap();
                    let p = dlsym(lib, name.as_ptr());
                    if p.is_null() {
                        return Err(format!("libcuda.so.1 has no symbol {}", $name));
                    }
                    fn_from_ptr(p)
                }};
            }
            Ok(Driver {
                cuInit: sym!("cuInit"),
                cuDeviceGetCount: sym!("cuDeviceGetCount"),
                cuDeviceGet: sym!("cuDeviceGet"),
                cuDeviceGetName: sym!("cuDeviceGetName"),
                cuDevicePrimaryCtxRetain: sym!("cuDevicePrimaryCtxRetain"),
                cuCtxSetCurrent: sym!("cuCtxSetCurrent"),
                cuModuleLoadDataEx: sym!("cuModuleLoadDataEx"),
                cuModuleGetFunction: sym!("cuModuleGetFunction"),
                cuFuncSetAttribute: sym!("cuFuncSetAttribute"),
                cuMemAlloc_v2: sym!("cuMemAlloc_v2"),
                cuMemFree_v2: sym!("cuMemFree_v2"),
                cuMemcpyHtoD_v2: sym!("cuMemcpyHtoD_v2"),
                cuMemcpyDtoH_v2: sym!("cuMemcpyDtoH_v2"),
                cuMemcpyHtoDAsync_v2: sym!("cuMemcpyHtoDAsync_v2"),
                cuMemcpyDtoHAsync_v2: sym!("cuMemcpyDtoHAsync_v2"),
                cuMemAllocHost_v2: sym!("cuMemAllocHost_v2"),
                cuMemFreeHost: sym!("cuMemFreeHost"),
                cuEventCreate: sym!("cuEventCreate"),
                cuEventRecord: sym!("cuEventRecord"),
                cuEventSynchronize: sym!("cuEventSynchronize"),
                cuEventElapsedTime: sym!("cuEventElapsedTime"),
                cuLaunchKernel: sym!("cuLaunchKernel"),
                cuCtxSynchronize: sym!("cuCtxSynchronize"),
                cuGetErrorName: sym!("cuGetErrorName"),
                cuGetErrorString: sym!("cuGetErrorString"),
            })
        }
    }

    /// `CUDA_ERROR_X (description)` for a result code.
    pub fn describe(&self, r: CuResult) -> String {
        unsafe {
            let mut name: *const c_char = std::ptr::null();
            let mut text: *const c_char = std::ptr::null();
            let name = if (self.cuGetErrorName)(r, &mut name) == CUDA_SUCCESS && !name.is_null() {
                CStr::from_ptr(name).to_string_lossy().into_owned()
            } else {
                format!("CUDA error {r}")
            };
            if (self.cuGetErrorString)(r, &mut text) == CUDA_SUCCESS && !text.is_null() {
                format!("{name} ({})", CStr::from_ptr(text).to_string_lossy())
            } else {
                name
            }
        }
    }

    /// `Ok` on success, else `"<call> failed[ for kernel `k`]: CUDA_ERROR_X (text)"`.
    pub fn check(&self, r: CuResult, call: &str, kernel: Option<&str>) -> Result<(), String> {
        if r == CUDA_SUCCESS {
            return Ok(());
        }
        let what = match kernel {
            Some(k) => format!("{call} failed for kernel `{k}`"),
            None => format!("{call} failed"),
        };
        Err(format!("{what}: {}", self.describe(r)))
    }
}
