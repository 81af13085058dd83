//! PTX-level tests of the device backend on hand-built IR: the seed kernel (with a snapshot), saxpy, helpers, loops, traps, errors.

mod common;

use common::*;
use hybrid_ir::Scalar::*;
use hybrid_ir::*;
use hybrid_llvm::{compile_device, DeviceOptions, DeviceOutput};

fn compile(module: &Module, opt_level: u8) -> DeviceOutput {
    hybrid_ir::valid::validate(module).expect("test IR is valid");
    let options = DeviceOptions { opt_level, emit_llvm_ir: true, ..DeviceOptions::default() };
    compile_device(module, &options).expect("device compilation").expect("module has kernels")
}

/// The seed program's kernel: `(*x)[0] = 21.0` through `*mut [f64; 128]`.
fn seed_module() -> Module {
    let mut mb = ModuleBuilder::new();
    let f64t = mb.scalar(F64);
    mb.scalar(Usize);
    let unit = mb.unit();
    let arr = mb.ty(Type::Array { elem: f64t, len: 128 });
    let p = mb.ptr_mut(arr);
    let mut f = mb.function("kernel_1", FunctionKind::Kernel, unit);
    f.f.sides = Sides { host: false, device: true };
    let x = f.param("x", p);
    let xe = f.get(x);
    let d = f.deref(xe, arr);
    let zero = f.int(Usize, 0);
    let place = f.index(d, zero, f64t);
    let v = f.float(F64, 21.0);
    let a = f.assign(place, v);
    let unsafe_block = f.block(vec![expr_stmt(a)], None, unit);
    let f = f.finish(vec![expr_stmt(unsafe_block)], None);
    mb.add(f);
    mb.module
}

#[test]
fn seed_kernel_ptx() {
    let out = compile(&seed_module(), 3);
    let ptx = &out.ptx;
    assert_eq!(out.kernels, vec!["kernel_1".to_string()]);
    assert!(ptx.contains(".version 7.8"), "{ptx}");
    assert!(ptx.contains(".target sm_90"), "{ptx}");
    assert!(ptx.contains(".address_size 64"), "{ptx}");
    assert!(ptx.contains(".visible .entry kernel_1("), "{ptx}");
    assert!(ptx.contains(".param .u64 kernel_1_param_0"), "{ptx}");
    // 21.0 stored through the pointer, which LLVM proves global.
    assert!(stores_f64(ptx, 21.0), "{ptx}");
    assert!(ptx.contains("cvta.to.global.u64"), "{ptx}");
    assert!(ptx.contains("st.global.u64") || ptx.contains("st.global.f64"), "{ptx}");
    let ir = out.llvm_ir.as_deref().unwrap();
    assert!(ir.contains("!nvvm.annotations"), "{ir}");
    assert!(ir.contains("!{ptr @kernel_1, !\"kernel\", i32 1}"), "{ir}");
    assert!(ir.contains("target triple = \"nvptx64-nvidia-cuda\""), "{ir}");
    let names: Vec<_> = out.timings.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["device: lower", "device: optimize", "device: emit"]);
}

/// `BLESS=1 cargo test -p hybrid-llvm --release` rewrites the snapshot.
#[test]
fn seed_kernel_ptx_snapshot() {
    let out = compile(&seed_module(), 3);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/ptx/seed.ptx");
    if std::env::var_os("BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &out.ptx).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (run with BLESS=1 to create it)", path.display()));
    assert_eq!(out.ptx, expected, "seed PTX differs from {} (BLESS=1 to update)", path.display());
}

/// `saxpy(a: f32, x: &[f32], y: &mut [f32])`: `y[i] = a * x[i] + y[i]` (or
/// `a.mul_add(x[i], y[i])`) for `i = block_idx * block_dim + thread_idx < x.len()`.
fn saxpy_module(explicit_fma: bool) -> Module {
    let mut mb = ModuleBuilder::new();
    let f32t = mb.scalar(F32);
    mb.scalar(U32); // the type of global_index_x's parts
    let usize_t = mb.scalar(Usize);
    mb.scalar(Bool);
    let unit = mb.unit();
    let xs = mb.slice(f32t, false);
    let ys = mb.slice(f32t, true);
    let mut f = mb.function("saxpy", FunctionKind::Kernel, unit);
    let a = f.param("a", f32t);
    let x = f.param("x", xs);
    let y = f.param("y", ys);
    let i = f.local("i", usize_t);
    let gidx = f.global_index_x();
    let ie = f.get(i);
    let xe = f.get(x);
    let len = f.intrinsic(Intrinsic::SliceLen, vec![xe], usize_t);
    let cond = f.bin(BinaryOp::Lt, ie, len);
    let ae = f.get(a);
    let xe = f.get(x);
    let ie = f.get(i);
    let xi = f.index(xe, ie, f32t);
    let ye = f.get(y);
    let ie = f.get(i);
    let yi = f.index(ye, ie, f32t);
    let value = if explicit_fma {
        f.intrinsic(Intrinsic::Math(MathFn::MulAdd), vec![ae, xi, yi], f32t)
    } else {
        let ax = f.bin(BinaryOp::Mul, ae, xi);
        f.bin(BinaryOp::Add, ax, yi)
    };
    let ye = f.get(y);
    let ie = f.get(i);
    let place = f.index(ye, ie, f32t);
    let store = f.assign(place, value);
    let then = f.block(vec![expr_stmt(store)], None, unit);
    let iff = f.if_(cond, then, None, unit);
    let f = f.finish(vec![let_(i, gidx), expr_stmt(iff)], None);
    mb.add(f);
    mb.module
}

/// The PTX stores the f64 `value` as an f64 immediate or as its bits in a u64.
fn stores_f64(ptx: &str, value: f64) -> bool {
    let bits = value.to_bits();
    ptx.contains(&format!("0d{bits:016X}")) || ptx.contains(&format!(", {bits};"))
}

/// Some `bra` jumps to a label defined above it: a loop.
fn has_backward_branch(ptx: &str) -> bool {
    let mut labels = Vec::new();
    for line in ptx.lines() {
        let line = line.trim();
        if let Some(label) = line.strip_suffix(':') {
            labels.push(label.to_string());
        } else if let Some((_, target)) = line.split_once("bra") {
            let target = target.trim_start_matches(".uni").trim().trim_end_matches(';');
            if labels.iter().any(|l| l == target) {
                return true;
            }
        }
    }
    false
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn saxpy_flattened_params_geometry_and_no_contraction() {
    let out = compile(&saxpy_module(false), 3);
    let ptx = &out.ptx;
    assert!(ptx.contains(".visible .entry saxpy("), "{ptx}");
    // a, x.data, x.len, y.data, y.len
    assert!(ptx.contains(".param .f32 saxpy_param_0"), "{ptx}");
    for i in 1..=4 {
        assert!(ptx.contains(&format!(".param .u64 saxpy_param_{i}")), "{ptx}");
    }
    assert!(!ptx.contains("saxpy_param_5"), "{ptx}");
    for reg in ["%tid.x", "%ctaid.x", "%ntid.x"] {
        let found = ptx.lines().any(|l| l.contains("mov.u32") && l.contains(reg));
        assert!(found, "no `mov.u32 %r.., {reg}` in {ptx}");
    }
    // Rust semantics: a*x+y is a rounded multiply then a rounded add. The
    // `.rn` suffix also stops ptxas from contracting them into an fma.
    assert!(ptx.contains("mul.rn.f32"), "{ptx}");
    assert!(ptx.contains("add.rn.f32"), "{ptx}");
    assert!(!ptx.contains("fma."), "{ptx}");
    // y[i] is bounds-checked: a trap path.
    assert!(ptx.contains("trap;"), "{ptx}");
    let ir = out.llvm_ir.as_deref().unwrap();
    assert!(!ir.contains("contract") && !ir.contains("fast"), "{ir}");
}

#[test]
fn explicit_mul_add_is_an_fma() {
    let out = compile(&saxpy_module(true), 3);
    assert!(out.ptx.contains("fma.rn.f32"), "{}", out.ptx);
    assert_eq!(count(&out.ptx, "mul.rn.f32"), 0, "{}", out.ptx);
}

/// `fn pair(a: f64) -> (f64, f64) { (a, a * 2.0) }` (sret),
/// `fn sum(p: (f64, f64)) -> f64 { p.0 + p.1 }` (Memory param by pointer),
/// kernel `helpers(x: *mut [f64; 128]) { (*x)[0] = sum(pair(3.0)) }`.
fn helper_module() -> Module {
    let mut mb = ModuleBuilder::new();
    let f64t = mb.scalar(F64);
    mb.scalar(Usize);
    let unit = mb.unit();
    let pair_t = mb.ty(Type::Tuple(vec![f64t, f64t]));
    let arr = mb.ty(Type::Array { elem: f64t, len: 128 });
    let p = mb.ptr_mut(arr);

    let mut f = mb.function("pair", FunctionKind::Normal, pair_t);
    let a = f.param("a", f64t);
    let a1 = f.get(a);
    let a2 = f.get(a);
    let two = f.float(F64, 2.0);
    let twice = f.bin(BinaryOp::Mul, a2, two);
    let tuple = f.e(ExprKind::Tuple(vec![a1, twice]), pair_t);
    let pair = mb.add(f.finish(vec![], Some(tuple)));

    let mut f = mb.function("sum", FunctionKind::Normal, f64t);
    let pp = f.param("p", pair_t);
    let p0 = f.get(pp);
    let p0 = f.e(ExprKind::Field { base: p0, index: 0 }, f64t);
    let p1 = f.get(pp);
    let p1 = f.e(ExprKind::Field { base: p1, index: 1 }, f64t);
    let s = f.bin(BinaryOp::Add, p0, p1);
    let sum = mb.add(f.finish(vec![], Some(s)));

    let mut f = mb.function("helpers", FunctionKind::Kernel, unit);
    let x = f.param("x", p);
    let three = f.float(F64, 3.0);
    let call_pair = f.e(ExprKind::Call { func: pair, args: vec![three] }, pair_t);
    let call_sum = f.e(ExprKind::Call { func: sum, args: vec![call_pair] }, f64t);
    let xe = f.get(x);
    let d = f.deref(xe, arr);
    let zero = f.int(Usize, 0);
    let place = f.index(d, zero, f64t);
    let a = f.assign(place, call_sum);
    mb.add(f.finish(vec![expr_stmt(a)], None));
    mb.module
}

#[test]
fn kernel_calling_device_helpers() {
    // Unoptimized: the helpers are internal `.func`s called from the entry.
    let out = compile(&helper_module(), 0);
    let ptx = &out.ptx;
    assert!(ptx.contains(".func hyd_pair(") || ptx.contains(".func hyd_pair "), "{ptx}");
    assert!(ptx.contains("hyd_sum"), "{ptx}");
    assert!(ptx.contains("call.uni"), "{ptx}");
    assert!(!ptx.contains(".visible .func"), "helpers must be internal: {ptx}");
    assert_eq!(out.kernels, vec!["helpers".to_string()]);
    // Optimized: inlined and folded to 3 + 6 = 9.
    let out = compile(&helper_module(), 3);
    assert!(stores_f64(&out.ptx, 9.0), "{}", out.ptx);
    assert!(!out.ptx.contains("call.uni"), "{}", out.ptx);
}

/// `let mut i = 0; let mut s = 0.0; loop { if i >= 128 { break } s += (*x)[i]; i += 1 } (*x)[0] = s;`
fn loop_module() -> Module {
    let mut mb = ModuleBuilder::new();
    let f64t = mb.scalar(F64);
    let usize_t = mb.scalar(Usize);
    mb.scalar(Bool);
    let unit = mb.unit();
    let never = mb.ty(Type::Never);
    let arr = mb.ty(Type::Array { elem: f64t, len: 128 });
    let p = mb.ptr_mut(arr);
    let mut f = mb.function("sum_all", FunctionKind::Kernel, unit);
    let x = f.param("x", p);
    let i = f.local("i", usize_t);
    let s = f.local("s", f64t);
    let zero = f.int(Usize, 0);
    let fzero = f.float(F64, 0.0);
    let ie = f.get(i);
    let n = f.int(Usize, 128);
    let done = f.bin(BinaryOp::Ge, ie, n);
    let brk = f.e(ExprKind::Break { target: LoopId(0), value: None }, never);
    let check = f.if_(done, brk, None, unit);
    let se = f.get(s);
    let xe = f.get(x);
    let d = f.deref(xe, arr);
    let ie = f.get(i);
    let xi = f.index(d, ie, f64t);
    let acc = f.assign_op(BinaryOp::Add, se, xi);
    let ie = f.get(i);
    let one = f.int(Usize, 1);
    let inc = f.assign_op(BinaryOp::Add, ie, one);
    let body = f.block(vec![expr_stmt(check), expr_stmt(acc), expr_stmt(inc)], None, unit);
    let lp = f.e(ExprKind::Loop { body, id: LoopId(0) }, unit);
    let xe = f.get(x);
    let d = f.deref(xe, arr);
    let z = f.int(Usize, 0);
    let place = f.index(d, z, f64t);
    let se = f.get(s);
    let store = f.assign(place, se);
    mb.add(f.finish(vec![let_(i, zero), let_(s, fzero), expr_stmt(lp), expr_stmt(store)], None));
    mb.module
}

#[test]
fn loop_with_break() {
    for opt in [0, 3] {
        let out = compile(&loop_module(), opt);
        let ptx = &out.ptx;
        assert!(ptx.contains(".visible .entry sum_all("), "{ptx}");
        assert!(ptx.contains("add.rn.f64"), "{ptx}");
        assert!(has_backward_branch(ptx), "{ptx}");
        // the sum is sequential (no reassociation of float adds)
        assert!(!ptx.contains("fma"), "{ptx}");
    }
}

/// `let mut k = 0u32; let r = loop { if k * k >= n { break k } k += 1 }; *out = r;`
fn break_value_module() -> Module {
    let mut mb = ModuleBuilder::new();
    let u32t = mb.scalar(U32);
    mb.scalar(Bool);
    let unit = mb.unit();
    let never = mb.ty(Type::Never);
    let p = mb.ptr_mut(u32t);
    let mut f = mb.function("isqrt", FunctionKind::Kernel, unit);
    let out = f.param("out", p);
    let n = f.param("n", u32t);
    let k = f.local("k", u32t);
    let r = f.local("r", u32t);
    let zero = f.int(U32, 0);
    let k1 = f.get(k);
    let k2 = f.get(k);
    let kk = f.bin(BinaryOp::Mul, k1, k2);
    let ne = f.get(n);
    let cond = f.bin(BinaryOp::Ge, kk, ne);
    let kv = f.get(k);
    let brk = f.e(ExprKind::Break { target: LoopId(7), value: Some(kv) }, never);
    let check = f.if_(cond, brk, None, unit);
    let ke = f.get(k);
    let one = f.int(U32, 1);
    let inc = f.assign_op(BinaryOp::Add, ke, one);
    let body = f.block(vec![expr_stmt(check), expr_stmt(inc)], None, unit);
    let lp = f.e(ExprKind::Loop { body, id: LoopId(7) }, u32t);
    let oe = f.get(out);
    let place = f.deref(oe, u32t);
    let re = f.get(r);
    let store = f.assign(place, re);
    mb.add(f.finish(vec![let_(k, zero), let_(r, lp), expr_stmt(store)], None));
    mb.module
}

#[test]
fn loop_with_break_value() {
    for opt in [0, 3] {
        let out = compile(&break_value_module(), opt);
        assert!(out.ptx.contains(".visible .entry isqrt("), "{}", out.ptx);
        assert!(out.ptx.contains(".param .u32 isqrt_param_1"), "{}", out.ptx);
        assert!(out.ptx.contains("st.global.u32") || out.ptx.contains("st.u32"), "{}", out.ptx);
    }
}

/// A kernel `k(out: *mut T) { *out = value }` where `make` builds `value`.
fn store_kernel(ty: Scalar, make: impl FnOnce(&mut FnBuilder) -> Handle<Expr>) -> Module {
    let mut mb = ModuleBuilder::new();
    let t = mb.scalar(ty);
    for s in [I8, I16, I32, I64, U8, U16, U32, U64, Usize, F32, F64, Bool] {
        mb.scalar(s);
    }
    let unit = mb.unit();
    let p = mb.ptr_mut(t);
    let mut f = mb.function("k", FunctionKind::Kernel, unit);
    let out = f.param("out", p);
    let v = make(&mut f);
    let oe = f.get(out);
    let place = f.deref(oe, t);
    let store = f.assign(place, v);
    mb.add(f.finish(vec![expr_stmt(store)], None));
    mb.module
}

/// The optimized LLVM IR of a store kernel, for checking constant-folded results.
fn folded(ty: Scalar, make: impl FnOnce(&mut FnBuilder) -> Handle<Expr>) -> String {
    compile(&store_kernel(ty, make), 3).llvm_ir.unwrap()
}

#[test]
fn rust_semantics_fold_correctly() {
    // Saturating float-to-int casts.
    let ir = folded(U8, |f| {
        let v = f.float(F64, 300.5);
        let t = f.scalar_ty(U8);
        f.cast(v, t)
    });
    assert!(ir.contains("store i8 -1"), "{ir}");
    let ir = folded(U32, |f| {
        let v = f.float(F64, -1.5);
        let t = f.scalar_ty(U32);
        f.cast(v, t)
    });
    assert!(ir.contains("store i32 0"), "{ir}");
    let ir = folded(I32, |f| {
        let v = f.float(F64, f64::NAN);
        let t = f.scalar_ty(I32);
        f.cast(v, t)
    });
    assert!(ir.contains("store i32 0"), "{ir}");
    // Shift amounts are masked: 1i32 << 33u64 == 2.
    let ir = folded(I32, |f| {
        let one = f.int(I32, 1);
        let amount = f.int(U64, 33);
        f.bin(BinaryOp::Shl, one, amount)
    });
    assert!(ir.contains("store i32 2"), "{ir}");
    // Arithmetic shift and truncating division of signed values.
    let ir = folded(I32, |f| {
        let m7 = f.int(I32, (-7i32) as u32 as u64);
        let one = f.int(I32, 1);
        f.bin(BinaryOp::Shr, m7, one)
    });
    assert!(ir.contains("store i32 -4"), "{ir}");
    let ir = folded(I32, |f| {
        let m7 = f.int(I32, (-7i32) as u32 as u64);
        let two = f.int(I32, 2);
        f.bin(BinaryOp::Rem, m7, two)
    });
    assert!(ir.contains("store i32 -1"), "{ir}");
    // Wrapping integer pow: 3u8.pow(5) = 243, 3u8.pow(6) = 729 % 256 = 217.
    let ir = folded(U8, |f| {
        let three = f.int(U8, 3);
        let six = f.int(U32, 6);
        let t = f.scalar_ty(U8);
        f.intrinsic(Intrinsic::Math(MathFn::Pow), vec![three, six], t)
    });
    assert!(ir.contains("store i8 -39"), "{ir}");
    // powi with a negative exponent: 2f64.powi(-2) = 0.25.
    let ir = folded(F64, |f| {
        let two = f.float(F64, 2.0);
        let m2 = f.int(I32, (-2i32) as u32 as u64);
        let t = f.scalar_ty(F64);
        f.intrinsic(Intrinsic::Math(MathFn::Powi), vec![two, m2], t)
    });
    assert!(ir.contains("store double 2.500000e-01"), "{ir}");
    // leading_zeros of 1u64 is 63 (as u32).
    let ir = folded(U32, |f| {
        let one = f.int(U64, 1);
        let t = f.scalar_ty(U32);
        f.intrinsic(Intrinsic::Math(MathFn::LeadingZeros), vec![one], t)
    });
    assert!(ir.contains("store i32 63"), "{ir}");
}

#[test]
fn integer_division_traps() {
    let out = compile(
        &store_kernel(I32, |f| {
            let t = f.scalar_ty(I32);
            let _ = t;
            let tid = {
                let u = f.scalar_ty(U32);
                f.intrinsic(Intrinsic::ThreadIdx(Axis::X), vec![], u)
            };
            let tid = f.cast(tid, t);
            let hundred = f.int(I32, 100);
            f.bin(BinaryOp::Div, hundred, tid)
        }),
        3,
    );
    assert!(out.ptx.contains("trap;"), "{}", out.ptx);
    // LLVM narrows the division (tid < 1024) but keeps it.
    assert!(out.ptx.contains("div."), "{}", out.ptx);
}

#[test]
fn transcendental_calls_the_device_libm() {
    // f64::sin used to be "not supported yet on the device"; it now links the
    // device libm (see tests/ptx_math.rs and tests/libm_accuracy.rs).
    let module = store_kernel(F64, |f| {
        let t = f.scalar_ty(F64);
        let u = f.scalar_ty(U32);
        let tid = f.intrinsic(Intrinsic::ThreadIdx(Axis::X), vec![], u);
        let x = f.cast(tid, t);
        f.intrinsic(Intrinsic::Math(MathFn::Sin), vec![x], t)
    });
    let out = compile(&module, 3);
    assert!(out.timings.iter().any(|(what, _)| *what == "device: link libm"), "{:?}", out.timings);
    assert!(!out.ptx.contains(".extern"), "{}", out.ptx);
    // Constant arguments fold through the library: sin(1.0) = 0.8414709848078965.
    let module = store_kernel(F64, |f| {
        let x = f.float(F64, 1.0);
        let t = f.scalar_ty(F64);
        f.intrinsic(Intrinsic::Math(MathFn::Sin), vec![x], t)
    });
    assert!(stores_f64(&compile(&module, 3).ptx, 0.8414709848078965));
}

#[test]
fn float_math_intrinsics() {
    let ir = compile(
        &store_kernel(F32, |f| {
            let t = f.scalar_ty(F32);
            let u = f.scalar_ty(U32);
            let tid = f.intrinsic(Intrinsic::ThreadIdx(Axis::X), vec![], u);
            let x = f.cast(tid, t);
            let s = f.intrinsic(Intrinsic::Math(MathFn::Sqrt), vec![x], t);
            let m = f.intrinsic(Intrinsic::Math(MathFn::Min), vec![s, x], t);
            f.intrinsic(Intrinsic::Math(MathFn::Floor), vec![m], t)
        }),
        3,
    );
    assert!(ir.ptx.contains("sqrt.rn.f32"), "{}", ir.ptx);
    assert!(ir.ptx.contains("min.f32"), "{}", ir.ptx);
    assert!(ir.ptx.contains("cvt.rmi.f32.f32"), "{}", ir.ptx);
}

#[test]
fn invalid_arch_is_a_user_error() {
    let options = DeviceOptions { gpu_arch: "sm_91".into(), ..DeviceOptions::default() };
    let err = compile_device(&seed_module(), &options).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("sm_91") && msg.contains("sm_50") && msg.contains("sm_90a"), "{msg}");
}

#[test]
fn other_arches_pick_their_ptx_version() {
    for (arch, version) in [("sm_80", ".version 7.0"), ("sm_86", ".version 7.1"), ("sm_90a", ".version 8.0"), ("sm_75", ".version 6.3")] {
        let options = DeviceOptions { gpu_arch: arch.into(), ..DeviceOptions::default() };
        let out = compile_device(&seed_module(), &options).unwrap().unwrap();
        assert!(out.ptx.contains(version), "{arch}: {}", out.ptx);
        assert!(out.ptx.contains(&format!(".target {arch}")), "{arch}: {}", out.ptx);
    }
}

#[test]
fn no_kernels_no_output() {
    let module = Module::new("empty.rs");
    assert!(compile_device(&module, &DeviceOptions::default()).unwrap().is_none());
}

#[test]
fn concurrent_compilation_on_other_threads() {
    let handles: Vec<_> = (0..4)
        .map(|i| {
            std::thread::spawn(move || {
                let module = if i % 2 == 0 { seed_module() } else { saxpy_module(false) };
                compile_device(&module, &DeviceOptions::default()).unwrap().unwrap().ptx
            })
        })
        .collect();
    let ptxs: Vec<String> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(ptxs[0], ptxs[2]);
    assert_eq!(ptxs[1], ptxs[3]);
}

/// `DUMP_PTX=dir cargo test -p hybrid-llvm --release dump_ptx` writes the test kernels' PTX (for running them on a GPU by hand).
#[test]
fn dump_ptx() {
    let Some(dir) = std::env::var_os("DUMP_PTX") else { return };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, module) in [
        ("seed", seed_module()),
        ("saxpy", saxpy_module(false)),
        ("saxpy_fma", saxpy_module(true)),
        ("helpers", helper_module()),
        ("sum_all", loop_module()),
        ("isqrt", break_value_module()),
    ] {
        for opt in [0, 3] {
            let out = compile(&module, opt);
            std::fs::write(dir.join(format!("{name}.O{opt}.ptx")), &out.ptx).unwrap();
            std::fs::write(dir.join(format!("{name}.O{opt}.ll")), out.llvm_ir.unwrap()).unwrap();
        }
    }
}
