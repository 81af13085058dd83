//! The device libm (llvm/libm, musl-derived C) compiled for the host CPU and compared with glibc's libm, the one host code calls.
//!
//! The same C sources that `llvm/libm/regen.sh` compiles to `libm.ll` for
//! the GPU are compiled here with the system C compiler (`$CC`, else `cc`)
//! and the same floating-point flags into a temporary shared object, loaded
//! with `dlopen`, and every entry point is compared with the host libm on
//! several hundred thousand inputs: random bit patterns over the whole range,
//! the interesting ranges of each function, and special values. A result must
//! be within 2 ulp of the host's (`%`, C's `fmod`, must be exact), and NaN,
//! infinities and the sign of zero must match exactly.

use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::path::{Path, PathBuf};
use std::process::Command;

mod host {
    // glibc's libm, exactly what Rust's std and hybridc's host backend call.
    extern "C" {
        pub fn exp(x: f64) -> f64;
        pub fn exp2(x: f64) -> f64;
        pub fn log(x: f64) -> f64;
        pub fn log2(x: f64) -> f64;
        pub fn log10(x: f64) -> f64;
        pub fn sin(x: f64) -> f64;
        pub fn cos(x: f64) -> f64;
        pub fn tan(x: f64) -> f64;
        pub fn tanh(x: f64) -> f64;
        pub fn pow(x: f64, y: f64) -> f64;
        pub fn fmod(x: f64, y: f64) -> f64;
        pub fn expf(x: f32) -> f32;
        pub fn exp2f(x: f32) -> f32;
        pub fn logf(x: f32) -> f32;
        pub fn log2f(x: f32) -> f32;
        pub fn log10f(x: f32) -> f32;
        pub fn sinf(x: f32) -> f32;
        pub fn cosf(x: f32) -> f32;
        pub fn tanf(x: f32) -> f32;
        pub fn tanhf(x: f32) -> f32;
        pub fn powf(x: f32, y: f32) -> f32;
        pub fn fmodf(x: f32, y: f32) -> f32;
    }
}

extern "C" {
    fn dlopen(filename: *const c_char, flags: c_int) -> *mut c_void;
    fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
    fn dlerror() -> *const c_char;
}
const RTLD_NOW: c_int = 2;
const RTLD_LOCAL: c_int = 0;

fn libm_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("libm")
}

/// Compile llvm/libm/{musl,hy}/*.c for the host into a shared object (once per test binary).
fn build_host_libm() -> &'static PathBuf {
    static SO: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    SO.get_or_init(|| {
        let dir = libm_dir();
        let out_dir = std::env::temp_dir().join(format!("hybrid-llvm-libm-{}", std::process::id()));
        std::fs::create_dir_all(&out_dir).unwrap();
        let so = out_dir.join("libhylibm.so");
        let mut sources: Vec<PathBuf> = ["musl", "hy"]
            .iter()
            .flat_map(|sub| std::fs::read_dir(dir.join(sub)).unwrap())
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "c"))
            .collect();
        sources.sort();
        let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
        // The same flags as regen.sh, for the host.
        let status = Command::new(&cc)
            .args(["-O2", "-ffp-contract=off", "-fno-builtin", "-fno-math-errno", "-ffreestanding", "-U__FP_FAST_FMA"])
            .args(["-fPIC", "-shared", "-w", "-I"])
            .arg(dir.join("include"))
            .args(&sources)
            .arg("-o")
            .arg(&so)
            .arg("-lm") // `floor` where the compiler does not inline __builtin_floor
            .status()
            .unwrap_or_else(|e| panic!("cannot run the C compiler `{cc}` (set CC): {e}"));
        assert!(status.success(), "`{cc}` failed to compile llvm/libm for the host");
        so
    })
}

struct DeviceLibm {
    handle: *mut c_void,
}

impl DeviceLibm {
    fn load() -> Self {
        let so = CString::new(build_host_libm().to_str().unwrap()).unwrap();
        let handle = unsafe { dlopen(so.as_ptr(), RTLD_NOW | RTLD_LOCAL) };
        assert!(!handle.is_null(), "dlopen: {}", unsafe { CStr::from_ptr(dlerror()) }.to_string_lossy());
        DeviceLibm { handle }
    }
    fn sym(&self, name: &str) -> *mut c_void {
        let c = CString::new(name).unwrap();
        let p = unsafe { dlsym(self.handle, c.as_ptr()) };
        assert!(!p.is_null(), "{name} is not exported by the host build of llvm/libm");
        p
    }
    fn f64_1(&self, name: &str) -> extern "C" fn(f64) -> f64 {
        unsafe { std::mem::transmute(self.sym(name)) }
    }
    fn f32_1(&self, name: &str) -> extern "C" fn(f32) -> f32 {
        unsafe { std::mem::transmute(self.sym(name)) }
    }
    fn f64_2(&self, name: &str) -> extern "C" fn(f64, f64) -> f64 {
        unsafe { std::mem::transmute(self.sym(name)) }
    }
    fn f32_2(&self, name: &str) -> extern "C" fn(f32, f32) -> f32 {
        unsafe { std::mem::transmute(self.sym(name)) }
    }
}

/// splitmix64: deterministic inputs, so a failure reproduces.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
}

/// The float types under test, as far as comparing results goes.
trait Float: Copy + std::fmt::Debug + PartialEq {
    fn from_f64(x: f64) -> Self;
    fn random_bits(rng: &mut Rng) -> Self;
    /// Monotonic integer image: adjacent floats differ by 1, -0 and +0 coincide.
    fn ordered(self) -> i64;
    fn is_nan(self) -> bool;
    fn is_infinite(self) -> bool;
    fn is_zero(self) -> bool;
    fn sign_bit(self) -> bool;
    fn specials() -> Vec<Self>;
}

impl Float for f64 {
    fn from_f64(x: f64) -> Self {
        x
    }
    fn random_bits(rng: &mut Rng) -> Self {
        f64::from_bits(rng.next())
    }
    fn ordered(self) -> i64 {
        let b = self.to_bits() as i64;
        if b < 0 {
            -(b & i64::MAX)
        } else {
            b
        }
    }
    fn is_nan(self) -> bool {
        f64::is_nan(self)
    }
    fn is_infinite(self) -> bool {
        f64::is_infinite(self)
    }
    fn is_zero(self) -> bool {
        self == 0.0
    }
    fn sign_bit(self) -> bool {
        self.is_sign_negative()
    }
    fn specials() -> Vec<f64> {
        let mut v = vec![
            0.0,
            f64::INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
            5e-324,
            f64::from_bits(0x000f_ffff_ffff_ffff),
            f64::MAX,
            1.0,
            0.5,
            2.0,
            3.0,
            10.0,
            100.0,
            1e10,
            1e-10,
            1e22,
            1e300,
            1e-300,
            0.1,
            std::f64::consts::PI,
            std::f64::consts::FRAC_PI_2,
            std::f64::consts::FRAC_PI_4,
            709.782712893384,
            709.79,
            745.13321910194,
            745.14,
            1022.0,
            1023.0,
            1024.0,
            1074.0,
            1075.0,
            4503599627370496.0,
            9007199254740993.0,
            1.0 + f64::EPSILON,
            1.0 - f64::EPSILON / 2.0,
            std::f64::consts::E,
            2.0f64.powi(-1022),
            2.0f64.powi(-28),
            2.0f64.powi(-27),
            2.0f64.powi(-54),
        ];
        v.extend((0..20).map(|k| k as f64 * 0.25));
        let neg: Vec<f64> = v.iter().map(|x| -x).collect();
        v.extend(neg);
        v
    }
}

impl Float for f32 {
    fn from_f64(x: f64) -> Self {
        x as f32
    }
    fn random_bits(rng: &mut Rng) -> Self {
        f32::from_bits(rng.next() as u32)
    }
    fn ordered(self) -> i64 {
        let b = self.to_bits() as i32;
        (if b < 0 { -(b & i32::MAX) } else { b }) as i64
    }
    fn is_nan(self) -> bool {
        f32::is_nan(self)
    }
    fn is_infinite(self) -> bool {
        f32::is_infinite(self)
    }
    fn is_zero(self) -> bool {
        self == 0.0
    }
    fn sign_bit(self) -> bool {
        self.is_sign_negative()
    }
    fn specials() -> Vec<f32> {
        let mut v = vec![
            0.0,
            f32::INFINITY,
            f32::NAN,
            f32::MIN_POSITIVE,
            1e-45,
            f32::from_bits(0x007f_ffff),
            f32::MAX,
            1.0,
            0.5,
            2.0,
            3.0,
            10.0,
            100.0,
            1e10,
            1e-10,
            1e30,
            1e-30,
            0.1,
            std::f32::consts::PI,
            std::f32::consts::FRAC_PI_2,
            std::f32::consts::FRAC_PI_4,
            88.72283,
            88.7229,
            103.97,
            104.0,
            126.0,
            127.0,
            128.0,
            149.0,
            150.0,
            8388608.0,
            16777217.0,
            1.0 + f32::EPSILON,
            1.0 - f32::EPSILON / 2.0,
            std::f32::consts::E,
            2.0f32.powi(-126),
            2.0f32.powi(-12),
            9.0,
        ];
        v.extend((0..20).map(|k| k as f32 * 0.25));
        let neg: Vec<f32> = v.iter().map(|x| -x).collect();
        v.extend(neg);
        v
    }
}

/// Max ulp distance and classification mismatches of one function.
struct Report {
    name: String,
    inputs: usize,
    max_ulp: i64,
    worst: String,
    mismatches: Vec<String>,
}

impl Report {
    fn new(name: &str) -> Self {
        Report { name: name.to_string(), inputs: 0, max_ulp: 0, worst: String::new(), mismatches: Vec::new() }
    }
    fn check<T: Float>(&mut self, args: &str, ours: T, host: T) {
        self.inputs += 1;
        let class_ok = if ours.is_nan() || host.is_nan() {
            ours.is_nan() && host.is_nan()
        } else if ours.is_infinite() || host.is_infinite() {
            ours == host
        } else if ours.is_zero() && host.is_zero() {
            ours.sign_bit() == host.sign_bit()
        } else {
            true
        };
        if !class_ok {
            if self.mismatches.len() < 10 {
                self.mismatches.push(format!("{}({args}) = {ours:?}, host {host:?}", self.name));
            }
            return;
        }
        if ours.is_nan() {
            return;
        }
        let ulp = (ours.ordered() - host.ordered()).abs();
        if ulp > self.max_ulp {
            self.max_ulp = ulp;
            self.worst = format!("{}({args}) = {ours:?}, host {host:?}", self.name);
        }
    }
}

fn unary<T: Float>(report: &mut Report, ours: impl Fn(T) -> T, host: impl Fn(T) -> T, inputs: &[T]) {
    for &x in inputs {
        report.check(&format!("{x:?}"), ours(x), host(x));
    }
}

fn binary<T: Float>(report: &mut Report, ours: impl Fn(T, T) -> T, host: impl Fn(T, T) -> T, inputs: &[(T, T)]) {
    for &(x, y) in inputs {
        report.check(&format!("{x:?}, {y:?}"), ours(x, y), host(x, y));
    }
}

const N: usize = 100_000;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Exp { max_arg: f64, min_arg: f64 },
    Log,
    Trig { max_exponent: i32 },
    Tanh,
}

/// Inputs for a one-argument function: random bits, [-10, 10], specials, and the function's own ranges.
fn unary_inputs<T: Float>(kind: Kind, seed: u64) -> Vec<T> {
    let mut rng = Rng(seed);
    let mut v: Vec<T> = (0..N).map(|_| T::random_bits(&mut rng)).collect();
    v.extend((0..N).map(|_| T::from_f64(rng.uniform(-10.0, 10.0))));
    v.extend(T::specials());
    match kind {
        Kind::Exp { max_arg, min_arg } => {
            v.extend((0..N).map(|_| T::from_f64(rng.uniform(min_arg - 10.0, max_arg + 10.0))));
            v.extend((0..N / 10).map(|_| T::from_f64(rng.uniform(-1e-6, 1e-6))));
        }
        Kind::Log => {
            v.extend((0..N).map(|_| T::from_f64(1.0 + rng.uniform(-1.0, 1.0) * 2f64.powi(-(rng.int(1, 40) as i32)))));
            v.extend((0..N / 2).map(|_| T::from_f64(2f64.powf(rng.uniform(-1074.0, 1024.0)))));
            v.extend((-60..60).map(|k| T::from_f64(10f64.powi(k))));
            v.extend((-149..128).map(|k| T::from_f64(2f64.powi(k))));
        }
        Kind::Trig { max_exponent } => {
            v.extend((0..N).map(|_| T::from_f64(rng.uniform(-1e6, 1e6))));
            // Huge arguments: the Payne-Hanek path.
            v.extend((0..N / 2).map(|_| {
                let e = rng.int(20, max_exponent as i64) as i32;
                T::from_f64(rng.uniform(-2.0, 2.0) * 2f64.powi(e))
            }));
            // Near multiples of pi/2, where reduction loses the most.
            v.extend((1..N as i64 / 2).map(|k| T::from_f64(k as f64 * std::f64::consts::FRAC_PI_2)));
        }
        Kind::Tanh => {
            v.extend((0..N).map(|_| T::from_f64(rng.uniform(-25.0, 25.0))));
            v.extend((0..N / 5).map(|_| T::from_f64(rng.uniform(-1.0, 1.0) * 2f64.powi(-(rng.int(1, 60) as i32)))));
        }
    }
    v
}

fn pow_inputs<T: Float>(seed: u64) -> Vec<(T, T)> {
    let mut rng = Rng(seed);
    let mut v: Vec<(T, T)> = (0..N).map(|_| (T::random_bits(&mut rng), T::random_bits(&mut rng))).collect();
    v.extend((0..N).map(|_| (T::from_f64(rng.uniform(0.0, 10.0)), T::from_f64(rng.uniform(-10.0, 10.0)))));
    v.extend((0..N).map(|_| (T::from_f64(rng.uniform(0.0, 4.0)), T::from_f64(rng.uniform(-300.0, 300.0)))));
    // Negative bases with integer exponents (odd and even).
    v.extend((0..N).map(|_| (T::from_f64(rng.uniform(-10.0, 0.0)), T::from_f64(rng.int(-60, 60) as f64))));
    // Bases near 1, big exponents: the log must be very accurate.
    v.extend((0..N / 2).map(|_| (T::from_f64(1.0 + rng.uniform(-1.0, 1.0) * 2f64.powi(-20)), T::from_f64(rng.uniform(-1e7, 1e7)))));
    let s = T::specials();
    for &x in &s {
        for &y in &s {
            v.push((x, y));
        }
    }
    v
}

fn fmod_inputs<T: Float>(seed: u64) -> Vec<(T, T)> {
    let mut rng = Rng(seed);
    let mut v: Vec<(T, T)> = (0..N).map(|_| (T::random_bits(&mut rng), T::random_bits(&mut rng))).collect();
    v.extend((0..N).map(|_| (T::from_f64(rng.uniform(-1e6, 1e6)), T::from_f64(rng.uniform(-10.0, 10.0)))));
    v.extend((0..N / 2).map(|_| (T::random_bits(&mut rng), T::from_f64(rng.uniform(-1e-3, 1e-3)))));
    let s = T::specials();
    for &x in &s {
        for &y in &s {
            v.push((x, y));
        }
    }
    v
}

fn summarize(reports: &[Report], max_ulp: i64) {
    let mut failures = Vec::new();
    println!("{:<8} {:>9} {:>8}  worst case", "function", "inputs", "max ulp");
    for r in reports {
        println!("{:<8} {:>9} {:>8}  {}", r.name, r.inputs, r.max_ulp, r.worst);
        let limit = if r.name.starts_with("fmod") { 0 } else { max_ulp };
        if r.max_ulp > limit {
            failures.push(format!("{}: {} ulp > {limit}: {}", r.name, r.max_ulp, r.worst));
        }
        failures.extend(r.mismatches.iter().map(|m| format!("NaN/inf/zero-sign mismatch: {m}")));
    }
    assert!(failures.is_empty(), "device libm differs from the host libm:\n{}", failures.join("\n"));
}

#[test]
fn libm_f64_within_2_ulp_of_host() {
    let lib = DeviceLibm::load();
    let mut reports = Vec::new();
    type Host1 = unsafe extern "C" fn(f64) -> f64;
    let unary_fns: [(&str, Host1, Kind); 9] = [
        ("exp", host::exp, Kind::Exp { min_arg: -746.0, max_arg: 710.0 }),
        ("exp2", host::exp2, Kind::Exp { min_arg: -1076.0, max_arg: 1024.0 }),
        ("log", host::log, Kind::Log),
        ("log2", host::log2, Kind::Log),
        ("log10", host::log10, Kind::Log),
        ("sin", host::sin, Kind::Trig { max_exponent: 1023 }),
        ("cos", host::cos, Kind::Trig { max_exponent: 1023 }),
        ("tan", host::tan, Kind::Trig { max_exponent: 1023 }),
        ("tanh", host::tanh, Kind::Tanh),
    ];
    for (i, (name, host_fn, kind)) in unary_fns.into_iter().enumerate() {
        let ours = lib.f64_1(&format!("__hy_{name}"));
        let mut r = Report::new(name);
        unary::<f64>(&mut r, |x| ours(x), |x| unsafe { host_fn(x) }, &unary_inputs(kind, 100 + i as u64));
        reports.push(r);
    }
    let ours = lib.f64_2("__hy_pow");
    let mut r = Report::new("pow");
    binary::<f64>(&mut r, |x, y| ours(x, y), |x, y| unsafe { host::pow(x, y) }, &pow_inputs(200));
    reports.push(r);
    let ours = lib.f64_2("__hy_fmod");
    let mut r = Report::new("fmod");
    binary::<f64>(&mut r, |x, y| ours(x, y), |x, y| unsafe { host::fmod(x, y) }, &fmod_inputs(201));
    reports.push(r);
    summarize(&reports, 2);
}

#[test]
fn libm_f32_within_2_ulp_of_host() {
    let lib = DeviceLibm::load();
    let mut reports = Vec::new();
    type Host1 = unsafe extern "C" fn(f32) -> f32;
    let unary_fns: [(&str, Host1, Kind); 9] = [
        ("expf", host::expf, Kind::Exp { min_arg: -104.0, max_arg: 89.0 }),
        ("exp2f", host::exp2f, Kind::Exp { min_arg: -150.0, max_arg: 128.0 }),
        ("logf", host::logf, Kind::Log),
        ("log2f", host::log2f, Kind::Log),
        ("log10f", host::log10f, Kind::Log),
        ("sinf", host::sinf, Kind::Trig { max_exponent: 127 }),
        ("cosf", host::cosf, Kind::Trig { max_exponent: 127 }),
        ("tanf", host::tanf, Kind::Trig { max_exponent: 127 }),
        ("tanhf", host::tanhf, Kind::Tanh),
    ];
    for (i, (name, host_fn, kind)) in unary_fns.into_iter().enumerate() {
        let ours = lib.f32_1(&format!("__hy_{name}"));
        let mut r = Report::new(name);
        unary::<f32>(&mut r, |x| ours(x), |x| unsafe { host_fn(x) }, &unary_inputs(kind, 300 + i as u64));
        reports.push(r);
    }
    let ours = lib.f32_2("__hy_powf");
    let mut r = Report::new("powf");
    binary::<f32>(&mut r, |x, y| ours(x, y), |x, y| unsafe { host::powf(x, y) }, &pow_inputs(400));
    reports.push(r);
    let ours = lib.f32_2("__hy_fmodf");
    let mut r = Report::new("fmodf");
    binary::<f32>(&mut r, |x, y| ours(x, y), |x, y| unsafe { host::fmodf(x, y) }, &fmod_inputs(401));
    reports.push(r);
    summarize(&reports, 2);
}

/// The harness itself catches a wrong function: our `sin` checked against the host's `cos`.
#[test]
fn accuracy_check_rejects_a_wrong_function() {
    let lib = DeviceLibm::load();
    let ours = lib.f64_1("__hy_sin");
    let mut r = Report::new("sin-vs-cos");
    unary::<f64>(&mut r, |x| ours(x), |x| unsafe { host::cos(x) }, &unary_inputs(Kind::Trig { max_exponent: 60 }, 7));
    assert!(r.max_ulp > 2);
    // And an off-by-one-ulp function passes, an off-by-three one does not.
    let ours = lib.f32_1("__hy_expf");
    for (shift, ok) in [(1i32, true), (3, false)] {
        let mut r = Report::new("expf-shifted");
        let inputs = unary_inputs::<f32>(Kind::Tanh, 8);
        unary::<f32>(
            &mut r,
            |x| {
                let y = ours(x);
                if y.is_finite() && y > 1e-30 && y < 1e30 {
                    f32::from_bits((y.to_bits() as i32 + shift) as u32)
                } else {
                    y
                }
            },
            |x| unsafe { host::expf(x) },
            &inputs,
        );
        assert_eq!(r.max_ulp <= 2, ok, "shift {shift}: max ulp {}", r.max_ulp);
    }
}
