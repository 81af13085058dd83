//! The runtime ABI as one table: every external function generated code may call, with its C signature in ABI terms, who calls it and who provides it.
//!
//! Both host backends (Cranelift and LLVM) build their declarations from
//! [`RUNTIME`]; the link step's runtime image takes its import slots from the
//! [`Provider::System`] rows; `tests/abi.rs` parses the shim's `extern "C"`
//! functions and checks each [`Provider::Shim`] row against them.

/// A parameter or result type in the x86-64 System V C ABI, as the callee
/// declares it. The signedness of integers is not part of the ABI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AbiType {
    /// Any thin pointer.
    Ptr,
    /// An 8-bit integer, also a Rust `bool` (0 or 1); the caller sign-extends
    /// it to 32 bits, as C compilers expect on x86-64.
    I8,
    I32,
    I64,
    /// A 128-bit integer (only libgcc's division helpers).
    I128,
    F32,
    F64,
}

/// What a runtime function gives back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Returns {
    /// Nothing (`void`).
    Unit,
    /// It does not return (`-> !`): the process exits.
    Never,
    Value(AbiType),
}

/// Which generated code calls a runtime function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Caller {
    /// Host functions, offload call sites and the C `main` wrapper.
    Host,
    /// Kernels and device functions compiled for host fallback.
    Fallback,
    /// The code generator on its own (Cranelift's and LLVM's libcalls), not a
    /// call the lowering writes.
    Codegen,
    /// The registration constructor the link step writes (`link/src/descriptor.rs`).
    Constructor,
}

/// Where a runtime function is defined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provider {
    /// The shim (`shim/`), as a `#[no_mangle] extern "C"` function.
    Shim,
    /// glibc's libc/libm or libgcc: an import slot of the runtime image.
    System,
}

/// One row of [`RUNTIME`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuntimeFn {
    pub name: &'static str,
    pub params: &'static [AbiType],
    pub returns: Returns,
    pub callers: &'static [Caller],
    pub provider: Provider,
}

impl RuntimeFn {
    pub fn called_by(&self, caller: Caller) -> bool {
        self.callers.contains(&caller)
    }
    /// The result type, if the function returns a value.
    pub fn result(&self) -> Option<AbiType> {
        match self.returns {
            Returns::Value(t) => Some(t),
            Returns::Unit | Returns::Never => None,
        }
    }
}

macro_rules! runtime_abi {
    ($( $(#[$doc:meta])* $id:ident = $name:literal, ($($p:ident),*) -> $ret:ident $(($rt:ident))?, [$($c:ident),*], $prov:ident; )*) => {
        /// A row of [`RUNTIME`], by name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Rt { $( $(#[$doc])* $id ),* }

        /// Every external function generated code may call, indexed by [`Rt`].
        pub static RUNTIME: &[RuntimeFn] = &[
            $(RuntimeFn {
                name: $name,
                params: &[$(AbiType::$p),*],
                returns: Returns::$ret $((AbiType::$rt))?,
                callers: &[$(Caller::$c),*],
                provider: Provider::$prov,
            }),*
        ];
    };
}

runtime_abi! {
    // ---- libc memory functions: Cranelift's and LLVM's libcalls ----
    Memcpy = "memcpy", (Ptr, Ptr, I64) -> Value(Ptr), [Codegen], System;
    Memmove = "memmove", (Ptr, Ptr, I64) -> Value(Ptr), [Codegen], System;
    Memset = "memset", (Ptr, I32, I64) -> Value(Ptr), [Codegen], System;
    Memcmp = "memcmp", (Ptr, Ptr, I64) -> Value(I32), [Codegen], System;
    // ---- glibc's libm, called directly as Rust's std does on Linux ----
    Sin = "sin", (F64) -> Value(F64), [Host, Fallback], System;
    Sinf = "sinf", (F32) -> Value(F32), [Host, Fallback], System;
    Cos = "cos", (F64) -> Value(F64), [Host, Fallback], System;
    Cosf = "cosf", (F32) -> Value(F32), [Host, Fallback], System;
    Tan = "tan", (F64) -> Value(F64), [Host, Fallback], System;
    Tanf = "tanf", (F32) -> Value(F32), [Host, Fallback], System;
    Tanh = "tanh", (F64) -> Value(F64), [Host, Fallback], System;
    Tanhf = "tanhf", (F32) -> Value(F32), [Host, Fallback], System;
    Exp = "exp", (F64) -> Value(F64), [Host, Fallback], System;
    Expf = "expf", (F32) -> Value(F32), [Host, Fallback], System;
    Exp2 = "exp2", (F64) -> Value(F64), [Host, Fallback], System;
    Exp2f = "exp2f", (F32) -> Value(F32), [Host, Fallback], System;
    Log = "log", (F64) -> Value(F64), [Host, Fallback], System;
    Logf = "logf", (F32) -> Value(F32), [Host, Fallback], System;
    Log2 = "log2", (F64) -> Value(F64), [Host, Fallback], System;
    Log2f = "log2f", (F32) -> Value(F32), [Host, Fallback], System;
    Log10 = "log10", (F64) -> Value(F64), [Host, Fallback], System;
    Log10f = "log10f", (F32) -> Value(F32), [Host, Fallback], System;
    Pow = "pow", (F64, F64) -> Value(F64), [Host, Fallback], System;
    Powf = "powf", (F32, F32) -> Value(F32), [Host, Fallback], System;
    Fmod = "fmod", (F64, F64) -> Value(F64), [Host, Fallback], System;
    Fmodf = "fmodf", (F32, F32) -> Value(F32), [Host, Fallback], System;
    Round = "round", (F64) -> Value(F64), [Host, Fallback], System;
    Roundf = "roundf", (F32) -> Value(F32), [Host, Fallback], System;
    // ---- libm functions the code generators call for float instructions ----
    Sqrt = "sqrt", (F64) -> Value(F64), [Codegen], System;
    Sqrtf = "sqrtf", (F32) -> Value(F32), [Codegen], System;
    Ceil = "ceil", (F64) -> Value(F64), [Codegen], System;
    Ceilf = "ceilf", (F32) -> Value(F32), [Codegen], System;
    Floor = "floor", (F64) -> Value(F64), [Codegen], System;
    Floorf = "floorf", (F32) -> Value(F32), [Codegen], System;
    Trunc = "trunc", (F64) -> Value(F64), [Codegen], System;
    Truncf = "truncf", (F32) -> Value(F32), [Codegen], System;
    Nearbyint = "nearbyint", (F64) -> Value(F64), [Codegen], System;
    Nearbyintf = "nearbyintf", (F32) -> Value(F32), [Codegen], System;
    Fma = "fma", (F64, F64, F64) -> Value(F64), [Codegen], System;
    Fmaf = "fmaf", (F32, F32, F32) -> Value(F32), [Codegen], System;
    // ---- libgcc: integer powers (`powi`) and 128-bit division ----
    Powidf2 = "__powidf2", (F64, I32) -> Value(F64), [Host, Fallback], System;
    Powisf2 = "__powisf2", (F32, I32) -> Value(F32), [Host, Fallback], System;
    Udivti3 = "__udivti3", (I128, I128) -> Value(I128), [Codegen], System;
    Divti3 = "__divti3", (I128, I128) -> Value(I128), [Codegen], System;
    Umodti3 = "__umodti3", (I128, I128) -> Value(I128), [Codegen], System;
    Modti3 = "__modti3", (I128, I128) -> Value(I128), [Codegen], System;

    // ---- C library functions host code calls (`libc::..`; `Intrinsic::HostCall`) ----
    Malloc = "malloc", (I64) -> Value(Ptr), [Host], System;
    Calloc = "calloc", (I64, I64) -> Value(Ptr), [Host], System;
    Realloc = "realloc", (Ptr, I64) -> Value(Ptr), [Host], System;
    Free = "free", (Ptr) -> Unit, [Host], System;
    Puts = "puts", (Ptr) -> Value(I32), [Host], System;
    // ---- the shim: formatting into the calling thread's line buffer ----
    /// `(ptr, len)`: append a string.
    FmtStr = "hybrid_fmt_str", (Ptr, I64) -> Unit, [Host, Fallback], Shim;
    /// `(v, spec)`; `spec` is [`super::encode_fmt_spec`]'s packing.
    FmtI64 = "hybrid_fmt_i64", (I64, I64) -> Unit, [Host, Fallback], Shim;
    FmtU64 = "hybrid_fmt_u64", (I64, I64) -> Unit, [Host, Fallback], Shim;
    FmtF64 = "hybrid_fmt_f64", (F64, I64) -> Unit, [Host, Fallback], Shim;
    FmtF32 = "hybrid_fmt_f32", (F32, I64) -> Unit, [Host, Fallback], Shim;
    /// `(v: bool as i8, spec)`.
    FmtBool = "hybrid_fmt_bool", (I8, I64) -> Unit, [Host, Fallback], Shim;
    /// `(target: 0 stdout / 1 stderr, newline: 0 or 1)`: write the buffer
    /// (plus '\n' if asked) and clear it.
    PrintFlush = "hybrid_print_flush", (I32, I32) -> Unit, [Host, Fallback], Shim;
    // ---- strings (host code: `&str`, `format!`, `str::parse`; `Intrinsic::HostCall`) ----
    /// `(ptr, len, spec)`: append a `&str` formatted by `spec`.
    FmtStrSpec = "hybrid_fmt_str_spec", (Ptr, I64, I64) -> Unit, [Host], Shim;
    /// `(c: char as u32, spec)`.
    FmtChar = "hybrid_fmt_char", (I32, I64) -> Unit, [Host, Fallback], Shim;
    /// `()`: a `format!` begins (a mark on the line buffer).
    FmtBegin = "hybrid_fmt_begin", () -> Unit, [Host], Shim;
    /// `(out: *mut Vec<u8>)`: the innermost `format!` ends; its text becomes a new `Vec<u8>`.
    FmtEnd = "hybrid_fmt_end", (Ptr) -> Unit, [Host], Shim;
    /// `(ptr, len, kind, out: *mut u64) -> error kind`: `str::parse` of an integer type.
    ParseInt = "hybrid_parse_int", (Ptr, I64, I32, Ptr) -> Value(I32), [Host], Shim;
    /// `(ptr, len, is_f32, out: *mut f64) -> error kind`: `str::parse` of a float type.
    ParseFloat = "hybrid_parse_float", (Ptr, I64, I32, Ptr) -> Value(I32), [Host], Shim;
    // ---- panics: print Rust's panic message and exit(101) ----
    // `loc` points to a [`super::location`] record (rustc's `&'static Location`).
    /// `(loc)`: the buffer is the message.
    PanicFlush = "hybrid_panic_flush", (Ptr) -> Never, [Host, Fallback], Shim;
    /// `(index, len, loc)`.
    PanicBounds = "hybrid_panic_bounds", (I64, I64, Ptr) -> Never, [Host, Fallback], Shim;
    /// `(code, loc)`; codes are `PANIC_*`.
    PanicMsg = "hybrid_panic_msg", (I32, Ptr) -> Never, [Host, Fallback], Shim;
    /// `(start, end, len, loc)`.
    PanicSlice = "hybrid_panic_slice", (I64, I64, I64, Ptr) -> Never, [Host, Fallback], Shim;
    // ---- `Vec`, process, clock ----
    /// `(out: *mut Vec, elem: *const u8, elem_size, align, n)`.
    VecFromElem = "hybrid_vec_from_elem", (Ptr, Ptr, I64, I64, I64) -> Unit, [Host], Shim;
    /// `(out: *mut Vec, elem_size, align, cap)`.
    VecWithCapacity = "hybrid_vec_with_capacity", (Ptr, I64, I64, I64) -> Unit, [Host], Shim;
    /// `(vec: *mut Vec, elem: *const u8, elem_size, align)`.
    VecPush = "hybrid_vec_push", (Ptr, Ptr, I64, I64) -> Unit, [Host], Shim;
    /// `(ptr, bytes, align)`: free a `Vec`'s buffer (the drop glue's `vec_dealloc`).
    VecDealloc = "hybrid_vec_dealloc", (Ptr, I64, I64) -> Unit, [Host], Shim;
    /// `(code)`: flush stdout, then exit.
    Exit = "hybrid_exit", (I32) -> Never, [Host], Shim;
    /// The number of the program's arguments (`std::env::args`), its path included.
    ArgCount = "hybrid_arg_count", () -> Value(I64), [Host], Shim;
    /// `(index, out: *mut Vec<u8>)`: the bytes of argument `index` in a new `Vec<u8>`.
    Arg = "hybrid_arg", (I64, Ptr) -> Unit, [Host], Shim;
    /// A monotonic clock in nanoseconds (`Instant`).
    NowNs = "hybrid_now_ns", () -> Value(I64), [Host], Shim;
    /// `(format, args: *const u64, n)`: C's `printf` with `n` variadic
    /// arguments in 8-byte slots (`vprintf` over a `va_list` of them).
    Printf = "hybrid_printf", (Ptr, Ptr, I64) -> Value(I32), [Host], Shim;
    /// The number of GPUs (0 without a driver or device).
    NumDevices = "hybrid_num_devices", () -> Value(I32), [Host], Shim;
    /// `(p, bytes, mutable: bool as i8, device: i32)`: map a host range to
    /// a device (-1: the default; present-table reference; copied over if new).
    PreloadBegin = "hybrid_preload_begin", (Ptr, I64, I8, I32) -> Unit, [Host], Shim;
    /// `(p, mutable: bool as i8, device: i32)`: drop that reference (copied
    /// back if mutable and the last one).
    PreloadEnd = "hybrid_preload_end", (Ptr, I8, I32) -> Unit, [Host], Shim;
    /// Wait for the kernels queued on the GPUs (`core::offload::offload_sync`).
    OffloadSync = "hybrid_offload_sync", () -> Unit, [Host], Shim;
    /// Flush at the end of `main`; returns 0, the exit code.
    RtFinish = "hybrid_rt_finish", () -> Value(I32), [Host], Shim;
    /// `(ctx: *const ThreadCtx)`: the block barrier of host fallback
    /// (`Intrinsic::SyncThreads` in fallback code).
    FbSyncThreads = "hybrid_fb_sync_threads", (Ptr) -> Unit, [Fallback], Shim;
    // ---- the offload runtime (libomptarget's entry points, LLVM 19) ----
    /// `(loc, device, n, bases, ptrs, sizes, types, names, mappers)`.
    TgtDataBegin = "__tgt_target_data_begin_mapper", (Ptr, I64, I32, Ptr, Ptr, Ptr, Ptr, Ptr, Ptr) -> Unit, [Host], Shim;
    TgtDataEnd = "__tgt_target_data_end_mapper", (Ptr, I64, I32, Ptr, Ptr, Ptr, Ptr, Ptr, Ptr) -> Unit, [Host], Shim;
    /// `(loc, device, num_teams, thread_limit, region_id, args: *mut KernelArgsTy) -> 0 when done`.
    TgtTargetKernel = "__tgt_target_kernel", (Ptr, I64, I32, I32, Ptr, Ptr) -> Value(I32), [Host], Shim;
    /// `(desc: *const __tgt_bin_desc)`.
    TgtRegisterLib = "__tgt_register_lib", (Ptr) -> Unit, [Constructor], Shim;
}

impl Rt {
    pub fn index(self) -> u32 {
        self as u32
    }
    pub fn info(self) -> &'static RuntimeFn {
        &RUNTIME[self as usize]
    }
    pub fn name(self) -> &'static str {
        self.info().name
    }
}

/// The names of the [`Provider::System`] functions, in table order: the
/// import slots of the link step's runtime image.
pub fn system_imports() -> impl Iterator<Item = &'static str> {
    RUNTIME.iter().filter(|f| f.provider == Provider::System).map(|f| f.name)
}
