//! PTX-level tests of the device libm: transcendental methods and float `%` compile to self-contained PTX (no externals, no contraction), only when used.

mod common;

use common::*;
use hybrid_ir::Scalar::*;
use hybrid_ir::*;
use hybrid_llvm::{compile_device, DeviceOptions, DeviceOutput};

/// What a math kernel computes from `x[i]` and `y[i]`.
#[derive(Clone, Copy, Debug)]
enum Op {
    Math(MathFn),
    Rem,
    /// `x * y`: the no-libm baseline.
    Mul,
}

/// The operations the device libm provides, with the names the GPU check uses.
const OPS: &[(&str, Op)] = &[
    ("exp", Op::Math(MathFn::Exp)),
    ("exp2", Op::Math(MathFn::Exp2)),
    ("ln", Op::Math(MathFn::Ln)),
    ("log2", Op::Math(MathFn::Log2)),
    ("log10", Op::Math(MathFn::Log10)),
    ("sin", Op::Math(MathFn::Sin)),
    ("cos", Op::Math(MathFn::Cos)),
    ("tan", Op::Math(MathFn::Tan)),
    ("tanh", Op::Math(MathFn::Tanh)),
    ("powf", Op::Math(MathFn::Powf)),
    ("rem", Op::Rem),
];

/// One kernel per `(name, op)` and float type: `{f32,f64}_{name}(x: &[T], y: &[T], out: &mut [T])`
/// with `out[i] = op(x[i], y[i])` for `i = blockIdx.x * blockDim.x + threadIdx.x < out.len()`.
fn math_module(ops: &[(&str, Op)], types: &[Scalar]) -> Module {
    let mut mb = ModuleBuilder::new();
    mb.scalar(U32); // the type of global_index_x's parts
    let usize_t = mb.scalar(Usize);
    mb.scalar(Bool);
    let unit = mb.unit();
    for &scalar in types {
        let t = mb.scalar(scalar);
        let ins = mb.slice(t, false);
        let outs = mb.slice(t, true);
        for &(name, op) in ops {
            let mut f = mb.function(&format!("{}_{name}", scalar.name()), FunctionKind::Kernel, unit);
            let x = f.param("x", ins);
            let y = f.param("y", ins);
            let out = f.param("out", outs);
            let i = f.local("i", usize_t);
            let gidx = f.global_index_x();
            let (ie, oe) = (f.get(i), f.get(out));
            let len = f.intrinsic(Intrinsic::SliceLen, vec![oe], usize_t);
            let cond = f.bin(BinaryOp::Lt, ie, len);
            let (xe, ie) = (f.get(x), f.get(i));
            let xi = f.index(xe, ie, t);
            let (ye, ie) = (f.get(y), f.get(i));
            let yi = f.index(ye, ie, t);
            let value = match op {
                Op::Math(MathFn::Powf) => f.intrinsic(Intrinsic::Math(MathFn::Powf), vec![xi, yi], t),
                Op::Math(m) => f.intrinsic(Intrinsic::Math(m), vec![xi], t),
                Op::Rem => f.bin(BinaryOp::Rem, xi, yi),
                Op::Mul => f.bin(BinaryOp::Mul, xi, yi),
            };
            let (oe, ie) = (f.get(out), f.get(i));
            let place = f.index(oe, ie, t);
            let store = f.assign(place, value);
            let then = f.block(vec![expr_stmt(store)], None, unit);
            let iff = f.if_(cond, then, None, unit);
            mb.add(f.finish(vec![let_(i, gidx), expr_stmt(iff)], None));
        }
    }
    mb.module
}

fn compile(module: &Module, opt_level: u8) -> DeviceOutput {
    hybrid_ir::valid::validate(module).expect("test IR is valid");
    let options = DeviceOptions { opt_level, ..DeviceOptions::default() };
    compile_device(module, &options).expect("device compilation").expect("module has kernels")
}

/// Names of the functions and entries the PTX defines (`.func` / `.entry` with a body).
fn defined_symbols(ptx: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (i, _) in ptx.match_indices(".func").chain(ptx.match_indices(".entry")) {
        let rest = &ptx[i..];
        let rest = rest.trim_start_matches(".func").trim_start_matches(".entry").trim_start();
        // Skip a return parameter list `(.param .b64 func_retval0)`.
        let rest = if rest.starts_with('(') { rest[rest.find(')').unwrap() + 1..].trim_start() } else { rest };
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '$').collect();
        names.push(name);
    }
    names
}

/// The callee of every `call` instruction.
fn callees(ptx: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line_start in ptx.lines().map(str::trim_start).enumerate().filter(|(_, l)| l.starts_with("call")).map(|(n, _)| n) {
        let text: String = ptx.lines().skip(line_start).take(4).collect::<Vec<_>>().join(" ");
        let rest = text.trim_start();
        let rest = &rest[rest.find(char::is_whitespace).unwrap_or(rest.len())..];
        let rest = rest.trim_start();
        let rest = if rest.starts_with('(') { rest[rest.find(')').unwrap() + 1..].trim_start_matches([',', ' ', '\t']) } else { rest };
        let name: String = rest.trim_start().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '$').collect();
        names.push(name);
    }
    names
}

fn assert_self_contained(out: &DeviceOutput, what: &str) {
    let ptx = &out.ptx;
    assert!(!ptx.contains(".extern"), "{what}: the PTX declares something external:\n{ptx}");
    let defined = defined_symbols(ptx);
    for callee in callees(ptx) {
        assert!(defined.contains(&callee), "{what}: `call {callee}` is not defined in the module:\n{ptx}");
    }
    // Nothing may be contracted into an fma: the f32 functions of llvm/libm/hy
    // that ask for fma explicitly (exp, ln, log2, log10, sin, cos, tan, tanh) are
    // exempt, alone or in the module of all of them; every other function is
    // checked alone.
    let explicit_fma = ["f32::exp", "f32::ln", "f32::log2", "f32::log10", "f32::sin", "f32::cos", "f32::tan", "f32::tanh"].contains(&what)
        || what.starts_with("all math kernels");
    assert!(explicit_fma || !ptx.contains("fma."), "{what}: the PTX has an fma:\n{ptx}");
    // The one approximate instruction is the hardware 2^f of f32 exp and exp2
    // (llvm/libm/include/hy_float.h), checked there over all 2^32 inputs.
    let hardware_ex2 = ["f32::exp", "f32::exp2"].contains(&what) || what.starts_with("all math kernels");
    let approx: Vec<&str> = ptx.lines().map(str::trim).filter(|l| l.contains(".approx")).collect();
    assert!(
        approx.iter().all(|l| hardware_ex2 && l.starts_with("ex2.approx.ftz.f32")),
        "{what}: approximate instructions {approx:?}:\n{ptx}"
    );
    assert_eq!(!approx.is_empty(), hardware_ex2, "{what}: ex2.approx expected only in f32 exp and exp2:\n{ptx}");
}

#[test]
fn transcendental_kernels_are_self_contained_ptx() {
    let module = math_module(OPS, &[F32, F64]);
    for opt in [0, 3] {
        let out = compile(&module, opt);
        assert_eq!(out.kernels.len(), 2 * OPS.len());
        assert!(out.timings.iter().any(|(what, _)| *what == "device: link libm"), "{:?}", out.timings);
        assert_self_contained(&out, &format!("all math kernels at -O{opt}"));
        if opt == 0 {
            // Not inlined at -O0: the calls are there, and all resolve.
            assert!(callees(&out.ptx).iter().any(|c| c == "__hy_sin"), "{}", out.ptx);
        }
        for k in &out.kernels {
            assert!(out.ptx.contains(&format!(".visible .entry {k}(")), "{k} at -O{opt}");
        }
    }
}

#[test]
fn each_function_alone_is_self_contained() {
    // sin, expf, powf and `%`, as the brief names them, plus every other one.
    for &(name, op) in OPS {
        for scalar in [F32, F64] {
            let out = compile(&math_module(&[(name, op)], &[scalar]), 3);
            assert_self_contained(&out, &format!("{}::{name}", scalar.name()));
            // Only what is called survives: f64 pow's log table only where its
            // logarithm is used (f64 pow and log10), and fmod
            // needs no tables at all.
            let uses_pow_log = matches!((name, scalar), ("powf", F64) | ("log10", F64));
            assert_eq!(out.ptx.contains("__hy_pow_log_data"), uses_pow_log, "{}::{name}:\n{}", scalar.name(), out.ptx);
            if name == "rem" {
                assert!(!out.ptx.lines().any(|l| l.starts_with(".global")), "{}::{name}:\n{}", scalar.name(), out.ptx);
            }
        }
    }
}

#[test]
fn kernels_without_math_do_not_link_the_libm() {
    let out = compile(&math_module(&[("mul", Op::Mul)], &[F32, F64]), 3);
    assert!(out.timings.iter().all(|(what, _)| *what != "device: link libm"), "{:?}", out.timings);
    assert!(!out.ptx.contains("__hy_"), "{}", out.ptx);
}

/// PTX size and link time of one `f64::sin` kernel against `x * y` (run with `--nocapture` to see them).
#[test]
fn libm_cost_report() {
    let base = compile(&math_module(&[("mul", Op::Mul)], &[F64]), 3);
    for (name, op) in [("sin", Op::Math(MathFn::Sin)), ("powf", Op::Math(MathFn::Powf)), ("rem", Op::Rem)] {
        for scalar in [F32, F64] {
            let out = compile(&math_module(&[(name, op)], &[scalar]), 3);
            let link = out.timings.iter().find(|(w, _)| *w == "device: link libm").map(|(_, d)| *d).unwrap();
            let optimize = out.timings.iter().find(|(w, _)| *w == "device: optimize").map(|(_, d)| *d).unwrap();
            println!(
                "{}::{name}: PTX {} bytes (x * y kernel: {} bytes), link libm {:.2} ms, optimize {:.2} ms",
                scalar.name(),
                out.ptx.len(),
                base.ptx.len(),
                link.as_secs_f64() * 1e3,
                optimize.as_secs_f64() * 1e3
            );
        }
    }
    let all = compile(&math_module(OPS, &[F32, F64]), 3);
    let link = all.timings.iter().find(|(w, _)| *w == "device: link libm").unwrap().1;
    println!("all 22 kernels: PTX {} bytes, link libm {:.2} ms", all.ptx.len(), link.as_secs_f64() * 1e3);
}

/// `DUMP_PTX=dir cargo test -p hybrid-llvm --release --test ptx_math dump_math_ptx` writes
/// `math.O3.ptx` (the 22 kernels) for llvm/gpu_check/run.py.
#[test]
fn dump_math_ptx() {
    let Some(dir) = std::env::var_os("DUMP_PTX") else { return };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let out = compile(&math_module(OPS, &[F32, F64]), 3);
    std::fs::write(dir.join("math.O3.ptx"), &out.ptx).unwrap();
}

/// A failed bounds check traps in straight-line code (`@%p trap;`, llvm/src/ptx/traps.rs), not
/// through a branch to a trap block that ptxas must treat as divergent.
#[test]
fn bounds_checks_are_predicated_traps() {
    let out = compile(&math_module(&[("mul", Op::Mul)], &[F32]), 3);
    let lines: Vec<&str> = out.ptx.lines().map(str::trim).collect();
    let predicated = lines.iter().filter(|l| l.starts_with("@%p") && l.ends_with("trap;")).count();
    // out[i] = x[i] * y[i] under `i < out.len()`: the checks of x and y remain, merged into
    // one trap (only arithmetic between them: traps::merge_adjacent_traps).
    assert_eq!(predicated, 1, "one predicated trap expected:\n{}", out.ptx);
    assert!(!lines.iter().any(|l| l.starts_with("trap;")), "an unpredicated trap block is left:\n{}", out.ptx);
    let branches = lines.iter().filter(|l| l.contains("bra")).count();
    assert!(branches <= 1, "{branches} branches (only the `i < out.len()` guard may branch):\n{}", out.ptx);
}
