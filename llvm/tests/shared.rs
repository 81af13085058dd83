//! PTX tests of block-shared memory and atomics on hand-built IR: `.shared` arrays, the `extern` dynamic shared memory, `atom.*` for every atomic op and type.

mod common;

use common::*;
use hybrid_ir::Scalar::*;
use hybrid_ir::*;
use hybrid_llvm::{compile_device, DeviceOptions, DeviceOutput};

fn compile(module: &Module, gpu_arch: &str) -> DeviceOutput {
    hybrid_ir::valid::validate(module).expect("test IR is valid");
    let options = DeviceOptions { gpu_arch: gpu_arch.into(), opt_level: 3, emit_llvm_ir: true };
    compile_device(module, &options).expect("device compilation").expect("module has kernels")
}

/// ```text
/// kernel shared_atomics(out: *mut u32, fout: *mut f64, f32out: *mut f32, imin: *mut i64,
///                       umax: *mut u32, cas: *mut i32, ex: *mut f32, dyn_out: *mut u64) {
///     let s = shared_array::<u32, 256>(); let w = shared_array::<f64, 4>();
///     let d = dyn_shared::<u64>(); let t = thread_idx_x();
///     (*s)[t as usize] = t; (*w)[0] = t as f64; *d.add(t as usize) = t as u64;
///     sync_threads();
///     atomic_add(&mut (*s)[1], 1);
///     atomic_add(out, (*s)[255 - t as usize]);
///     atomic_add(fout, (*w)[0]); atomic_add(f32out, 1.0f32);
///     atomic_min(imin, t as i64); atomic_max(umax, t);
///     atomic_cas(cas, 0, 1); atomic_exch(ex, 2.0f32);
///     atomic_add(dyn_out, *d.add(0));
/// }
/// ```
fn shared_atomics_module() -> Module {
    let mut mb = ModuleBuilder::new();
    let u32t = mb.scalar(U32);
    let u64t = mb.scalar(U64);
    let i32t = mb.scalar(I32);
    let i64t = mb.scalar(I64);
    let f32t = mb.scalar(F32);
    let f64t = mb.scalar(F64);
    let usize_t = mb.scalar(Usize);
    mb.scalar(Bool);
    let unit = mb.unit();
    let arr = mb.ty(Type::Array { elem: u32t, len: 256 });
    let warr = mb.ty(Type::Array { elem: f64t, len: 4 });
    let p_arr = mb.ptr_mut(arr);
    let p_warr = mb.ptr_mut(warr);
    let [p_u32, p_u64, p_i32, p_i64, p_f32, p_f64] = [u32t, u64t, i32t, i64t, f32t, f64t].map(|t| mb.ptr_mut(t));
    let r_u32 = mb.ty(Type::Pointer { pointee: u32t, mutable: true, reference: true });
    let s_index = mb.module.add_shared_array(arr);
    let w_index = mb.module.add_shared_array(warr);

    let mut f = mb.function("shared_atomics", FunctionKind::Kernel, unit);
    f.f.sides = Sides { host: false, device: true };
    let out = f.param("out", p_u32);
    let fout = f.param("fout", p_f64);
    let f32out = f.param("f32out", p_f32);
    let imin = f.param("imin", p_i64);
    let umax = f.param("umax", p_u32);
    let cas = f.param("cas", p_i32);
    let ex = f.param("ex", p_f32);
    let dyn_out = f.param("dyn_out", p_u64);
    let s = f.local("s", p_arr);
    let w = f.local("w", p_warr);
    let d = f.local("d", p_u64);
    let t = f.local("t", u32t);
    let mut stmts = Vec::new();
    let e = f.intrinsic(Intrinsic::SharedArray(s_index), vec![], p_arr);
    stmts.push(let_(s, e));
    let e = f.intrinsic(Intrinsic::SharedArray(w_index), vec![], p_warr);
    stmts.push(let_(w, e));
    let e = f.intrinsic(Intrinsic::DynSharedMem, vec![], p_u64);
    stmts.push(let_(d, e));
    let e = f.intrinsic(Intrinsic::ThreadIdx(Axis::X), vec![], u32t);
    stmts.push(let_(t, e));
    let elem = |f: &mut FnBuilder, p: Handle<Local>, arr: Handle<Type>, index: Handle<Expr>, elem: Handle<Type>| {
        let pe = f.get(p);
        let d = f.deref(pe, arr);
        f.index(d, index, elem)
    };
    // (*s)[t] = t; (*w)[0] = 1.0; *d.add(t) = t as u64;
    let te = f.get(t);
    let tu = f.cast(te, usize_t);
    let place = elem(&mut f, s, arr, tu, u32t);
    let te = f.get(t);
    stmts.push(expr_stmt(f.assign(place, te)));
    let zero = f.int(Usize, 0);
    let place = elem(&mut f, w, warr, zero, f64t);
    let te = f.get(t);
    let tf = f.cast(te, f64t);
    stmts.push(expr_stmt(f.assign(place, tf)));
    let de = f.get(d);
    let te = f.get(t);
    let tu = f.cast(te, usize_t);
    let dp = f.intrinsic(Intrinsic::PtrAdd, vec![de, tu], p_u64);
    let place = f.deref(dp, u64t);
    let te = f.get(t);
    let t64 = f.cast(te, u64t);
    stmts.push(expr_stmt(f.assign(place, t64)));
    stmts.push(expr_stmt(f.intrinsic(Intrinsic::SyncThreads, vec![], unit)));
    let atomic = |f: &mut FnBuilder, op: AtomicOp, args: Vec<Handle<Expr>>, ty: Handle<Type>| f.intrinsic(Intrinsic::Atomic(op), args, ty);
    // atomic_add(&mut (*s)[1], 1)
    let one = f.int(Usize, 1);
    let place = elem(&mut f, s, arr, one, u32t);
    let p = f.e(ExprKind::AddrOf { place, mutable: true }, r_u32);
    let one = f.int(U32, 1);
    stmts.push(expr_stmt(atomic(&mut f, AtomicOp::Add, vec![p, one], u32t)));
    // atomic_add(out, (*s)[255 - t])
    let c = f.int(Usize, 255);
    let te = f.get(t);
    let tu = f.cast(te, usize_t);
    let i = f.bin(BinaryOp::Sub, c, tu);
    let v = elem(&mut f, s, arr, i, u32t);
    let p = f.get(out);
    stmts.push(expr_stmt(atomic(&mut f, AtomicOp::Add, vec![p, v], u32t)));
    // atomic_add(fout, (*w)[0]); atomic_add(f32out, 1.0)
    let zero = f.int(Usize, 0);
    let v = elem(&mut f, w, warr, zero, f64t);
    let p = f.get(fout);
    stmts.push(expr_stmt(atomic(&mut f, AtomicOp::Add, vec![p, v], f64t)));
    let p = f.get(f32out);
    let one = f.float(F32, 1.0);
    stmts.push(expr_stmt(atomic(&mut f, AtomicOp::Add, vec![p, one], f32t)));
    // atomic_min(imin, t as i64); atomic_max(umax, t)
    let te = f.get(t);
    let ti = f.cast(te, i64t);
    let p = f.get(imin);
    stmts.push(expr_stmt(atomic(&mut f, AtomicOp::Min, vec![p, ti], i64t)));
    let te = f.get(t);
    let p = f.get(umax);
    stmts.push(expr_stmt(atomic(&mut f, AtomicOp::Max, vec![p, te], u32t)));
    // atomic_cas(cas, 0, 1); atomic_exch(ex, 2.0)
    let p = f.get(cas);
    let (zero, one) = (f.int(I32, 0), f.int(I32, 1));
    stmts.push(expr_stmt(atomic(&mut f, AtomicOp::Cas, vec![p, zero, one], i32t)));
    let p = f.get(ex);
    let two = f.float(F32, 2.0);
    stmts.push(expr_stmt(atomic(&mut f, AtomicOp::Exch, vec![p, two], f32t)));
    // atomic_add(dyn_out, *d.add(0))
    let de = f.get(d);
    let v = f.deref(de, u64t);
    let p = f.get(dyn_out);
    stmts.push(expr_stmt(atomic(&mut f, AtomicOp::Add, vec![p, v], u64t)));
    mb.add(f.finish(stmts, None));
    mb.module
}

fn has(ptx: &str, needle: &str) {
    assert!(ptx.contains(needle), "PTX lacks `{needle}`:\n{ptx}");
}

#[test]
fn shared_arrays_dyn_shared_and_atomics_ptx() {
    let out = compile(&shared_atomics_module(), "sm_90");
    let ptx = &out.ptx;
    if std::env::var_os("HYBRID_DUMP_PTX").is_some() {
        eprintln!("{ptx}");
    }
    // One `.shared` variable per array, aligned to its element (at least 4).
    has(ptx, ".shared .align 4 .b8 __hy_shared_0[1024];");
    // (GlobalOpt splits the f64 array, of which only element 0 is used.)
    has(ptx, ".shared .align 8 .f64 __hy_shared_1");
    // clang's `extern __shared__`.
    has(ptx, ".extern .shared .align 16 .b8 __hy_dyn_shared[];");
    // The barrier orders the shared accesses: what a thread stored before it
    // is loaded again after it (another thread may have written there).
    let after_barrier = &ptx[ptx.find("bar.sync").expect("a barrier")..];
    assert!(after_barrier.contains("ld.shared.f64") && after_barrier.contains("ld.shared.u32"), "{ptx}");
    // Atomics: on the shared array, and on kernel pointers (proven global).
    has(ptx, "atom.shared.add.u32");
    has(ptx, "atom.global.add.u32");
    has(ptx, "atom.global.add.f64");
    has(ptx, "atom.global.add.f32");
    has(ptx, "atom.global.min.s64");
    has(ptx, "atom.global.max.u32");
    has(ptx, "atom.global.cas.b32");
    has(ptx, "atom.global.exch.b32");
    has(ptx, "atom.global.add.u64");
    let ir = out.llvm_ir.as_deref().unwrap();
    assert!(ir.contains("@__hy_shared_0 = internal addrspace(3) global [256 x i32] undef, align 4"), "{ir}");
    assert!(ir.contains("@__hy_dyn_shared = external local_unnamed_addr addrspace(3) global [0 x i8], align 16"), "{ir}");
    assert!(ir.contains("atomicrmw fadd") && ir.contains("monotonic"), "{ir}");
    assert!(ir.contains("cmpxchg"), "{ir}");
}

#[test]
fn f64_atomic_add_compiles_before_sm_60() {
    // sm_50 has no `atom.add.f64`: LLVM expands it to a CAS loop.
    let out = compile(&shared_atomics_module(), "sm_50");
    assert!(!out.ptx.contains("atom.global.add.f64"), "{}", out.ptx);
    assert!(out.ptx.contains("atom.global.cas.b64"), "{}", out.ptx);
    assert!(out.ptx.contains("atom.global.add.f32"), "{}", out.ptx);
}

#[test]
fn device_intrinsics_in_host_only_code_are_invalid() {
    let mut m = shared_atomics_module();
    let (h, _) = m.kernels().next().unwrap();
    m.functions[h].kind = FunctionKind::Normal;
    m.functions[h].sides = Sides { host: true, device: false };
    let err = hybrid_ir::valid::validate(&m).unwrap_err().to_string();
    assert!(err.contains("device-only intrinsic"), "{err}");
}

#[test]
fn atomic_types_are_validated() {
    let mut m = shared_atomics_module();
    let (h, _) = m.kernels().next().unwrap();
    // Turn the i64 `atomic_min` into an f64 one (min is integers only).
    let f64t = m.types.scalar(F64);
    let f = &mut m.functions[h];
    let min = f
        .exprs
        .iter()
        .find(|(_, e)| matches!(e.kind, ExprKind::Intrinsic { op: Intrinsic::Atomic(AtomicOp::Min), .. }))
        .map(|(h, _)| h)
        .unwrap();
    f.exprs[min].ty = f64t;
    let err = hybrid_ir::valid::validate(&m).unwrap_err().to_string();
    assert!(err.contains("atomic Min"), "{err}");
}
