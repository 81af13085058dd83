//! Block-shared memory and atomics in host fallback: hand-built kernels (a block reduction with a shared array, dynamic shared memory, barriers and every atomic; a histogram of global atomics), linked with the real shim and an offload descriptor and launched from C over many blocks; results must be exact.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use hybrid_cranelift::{compile_host, HostOptions};
use hybrid_ir::*;

/// Types of the kernels.
struct K {
    t: Tys,
    f32: Handle<Type>,
    arr: Handle<Type>,
    hist_arr: Handle<Type>,
    p_arr: Handle<Type>,
    p_hist: Handle<Type>,
    slice: Handle<Type>,
    p_u32: Handle<Type>,
    r_u32: Handle<Type>,
    p_i32: Handle<Type>,
    p_i64: Handle<Type>,
    p_u64: Handle<Type>,
    p_f32: Handle<Type>,
    p_f64: Handle<Type>,
}

const BLOCK: u64 = 128;

impl K {
    fn new(m: &mut Module) -> K {
        let t = Tys::new(m);
        let ty = &mut m.types;
        let f32 = ty.scalar(Scalar::F32);
        let ptr = |ty: &mut TypeTable, pointee| ty.insert(Type::Pointer { pointee, mutable: true, reference: false });
        let arr = ty.insert(Type::Array { elem: t.u32, len: BLOCK });
        let hist_arr = ty.insert(Type::Array { elem: t.u32, len: 16 });
        K {
            f32,
            arr,
            hist_arr,
            p_arr: ptr(ty, arr),
            p_hist: ptr(ty, hist_arr),
            slice: ty.insert(Type::SliceRef { elem: t.u32, mutable: false }),
            p_u32: ptr(ty, t.u32),
            r_u32: ty.insert(Type::Pointer { pointee: t.u32, mutable: true, reference: true }),
            p_i32: ptr(ty, t.i32),
            p_i64: ptr(ty, t.i64),
            p_u64: ptr(ty, t.u64),
            p_f32: ptr(ty, f32),
            p_f64: ptr(ty, t.f64),
            t,
        }
    }
}

fn cast(f: &mut Fb, value: Handle<Expr>, to: Handle<Type>) -> Handle<Expr> {
    f.e(ExprKind::Cast { value }, to)
}

/// `block_idx.x * block_dim.x + thread_idx.x` as `usize`.
fn global_index(f: &mut Fb, k: &K) -> Handle<Expr> {
    let b = f.intr(Intrinsic::BlockIdx(Axis::X), vec![], k.t.u32);
    let d = f.intr(Intrinsic::BlockDim(Axis::X), vec![], k.t.u32);
    let t = f.intr(Intrinsic::ThreadIdx(Axis::X), vec![], k.t.u32);
    let bd = f.bin(BinaryOp::Mul, b, d, k.t.u32);
    let g = f.bin(BinaryOp::Add, bd, t, k.t.u32);
    cast(f, g, k.t.usize)
}

fn atomic(f: &mut Fb, op: AtomicOp, args: Vec<Handle<Expr>>, ty: Handle<Type>) -> Handle<Expr> {
    f.intr(Intrinsic::Atomic(op), args, ty)
}

/// `(*p)[i]` for `p: *mut [T; N]`.
fn elem(f: &mut Fb, p: Handle<Local>, arr: Handle<Type>, index: Handle<Expr>, elem: Handle<Type>) -> Handle<Expr> {
    let pe = f.get(p);
    let d = f.e(ExprKind::Deref(pe), arr);
    f.e(ExprKind::Index { base: d, index }, elem)
}

/// ```text
/// kernel reduce(x: &[u32], sum: *mut u32, fsum: *mut f64, dyn_total: *mut u32, maxv: *mut i32,
///               umax: *mut u32, minv: *mut i64, cas_count: *mut u64, exch_slot: *mut f64,
///               exch_zero: *mut u32, f32count: *mut f32) {
///     let s = shared_array::<u32, 128>(); let d = dyn_shared::<u32>();
///     let t = thread_idx_x(); let i = global_idx_x() as usize;
///     let v = if i < x.len() { x[i] } else { 0 };
///     (*s)[t as usize] = v; *d.add(t as usize) = 1;
///     sync_threads();
///     if t == 0 {
///         let acc = 0; let cnt = 0; let j = 0usize;
///         loop { if j >= 128 { break } acc += (*s)[j]; cnt += *d.add(j); j += 1 }
///         atomic_add(sum, acc); atomic_add(fsum, acc as f64); atomic_add(dyn_total, cnt);
///     }
///     atomic_max(maxv, v as i32 - 500); atomic_max(umax, v ^ 0x8000_0000);
///     atomic_min(minv, 1000 - v as i64);
///     loop { let old = *cas_count; if atomic_cas(cas_count, old, old + 1) == old { break } }
///     if atomic_exch(exch_slot, 1.0) == 0.0 { atomic_add(exch_zero, 1) }
///     atomic_add(f32count, 1.0f32);
///     sync_threads();
/// }
/// ```
fn reduce_kernel(m: &mut Module, k: &K, shared: u32) -> Handle<Function> {
    let t = &k.t;
    let mut f = Fb::new("reduce", FunctionKind::Kernel, DEVICE, t.unit);
    let x = f.param("x", k.slice);
    let sum = f.param("sum", k.p_u32);
    let fsum = f.param("fsum", k.p_f64);
    let dyn_total = f.param("dyn_total", k.p_u32);
    let maxv = f.param("maxv", k.p_i32);
    let umax = f.param("umax", k.p_u32);
    let minv = f.param("minv", k.p_i64);
    let cas_count = f.param("cas_count", k.p_u64);
    let exch_slot = f.param("exch_slot", k.p_f64);
    let exch_zero = f.param("exch_zero", k.p_u32);
    let f32count = f.param("f32count", k.p_f32);
    let s = f.local("s", k.p_arr);
    let d = f.local("d", k.p_u32);
    let tl = f.local("t", t.u32);
    let il = f.local("i", t.usize);
    let vl = f.local("v", t.u32);
    let mut stmts = Vec::new();

    let e = f.intr(Intrinsic::SharedArray(shared), vec![], k.p_arr);
    stmts.push(let_(s, e));
    let e = f.intr(Intrinsic::DynSharedMem, vec![], k.p_u32);
    stmts.push(let_(d, e));
    let e = f.intr(Intrinsic::ThreadIdx(Axis::X), vec![], t.u32);
    stmts.push(let_(tl, e));
    let e = global_index(&mut f, k);
    stmts.push(let_(il, e));
    // let v = if i < x.len() { x[i] } else { 0 };
    let ie = f.get(il);
    let xe = f.get(x);
    let len = f.intr(Intrinsic::SliceLen, vec![xe], t.usize);
    let cond = f.bin(BinaryOp::Lt, ie, len, t.bool);
    let xe = f.get(x);
    let ie = f.get(il);
    let xi = f.e(ExprKind::Index { base: xe, index: ie }, t.u32);
    let zero = f.int(0, t.u32);
    let v = f.e(ExprKind::If { cond, then: xi, otherwise: Some(zero) }, t.u32);
    stmts.push(let_(vl, v));
    // (*s)[t as usize] = v;
    let te = f.get(tl);
    let tu = cast(&mut f, te, t.usize);
    let place = elem(&mut f, s, k.arr, tu, t.u32);
    let ve = f.get(vl);
    stmts.push(st(f.assign(place, ve, t.unit)));
    // *d.add(t as usize) = 1;
    let de = f.get(d);
    let te = f.get(tl);
    let tu = cast(&mut f, te, t.usize);
    let dp = f.intr(Intrinsic::PtrAdd, vec![de, tu], k.p_u32);
    let place = f.e(ExprKind::Deref(dp), t.u32);
    let one = f.int(1, t.u32);
    stmts.push(st(f.assign(place, one, t.unit)));
    stmts.push(st(f.intr(Intrinsic::SyncThreads, vec![], t.unit)));

    // if t == 0 { ... }
    {
        let acc = f.local("acc", t.u32);
        let cnt = f.local("cnt", t.u32);
        let j = f.local("j", t.usize);
        let mut inner = Vec::new();
        let z = f.int(0, t.u32);
        inner.push(let_(acc, z));
        let z = f.int(0, t.u32);
        inner.push(let_(cnt, z));
        let z = f.int(0, t.usize);
        inner.push(let_(j, z));
        let id = LoopId(0);
        let je = f.get(j);
        let n = f.int(BLOCK as i64, t.usize);
        let done = f.bin(BinaryOp::Ge, je, n, t.bool);
        let brk = f.e(ExprKind::Break { target: id, value: None }, t.never);
        let exit = f.e(ExprKind::If { cond: done, then: brk, otherwise: None }, t.unit);
        let je = f.get(j);
        let sj = elem(&mut f, s, k.arr, je, t.u32);
        let acc_e = f.get(acc);
        let add_acc = f.e(ExprKind::AssignOp { op: BinaryOp::Add, place: acc_e, value: sj }, t.unit);
        let de = f.get(d);
        let je = f.get(j);
        let dj = f.intr(Intrinsic::PtrAdd, vec![de, je], k.p_u32);
        let dj = f.e(ExprKind::Deref(dj), t.u32);
        let cnt_e = f.get(cnt);
        let add_cnt = f.e(ExprKind::AssignOp { op: BinaryOp::Add, place: cnt_e, value: dj }, t.unit);
        let je = f.get(j);
        let one = f.int(1, t.usize);
        let inc = f.e(ExprKind::AssignOp { op: BinaryOp::Add, place: je, value: one }, t.unit);
        let body = f.block(vec![st(exit), st(add_acc), st(add_cnt), st(inc)], None, t.unit);
        inner.push(st(f.e(ExprKind::Loop { body, id }, t.unit)));
        let (p, a) = (f.get(sum), f.get(acc));
        inner.push(st(atomic(&mut f, AtomicOp::Add, vec![p, a], t.u32)));
        let (p, a) = (f.get(fsum), f.get(acc));
        let a = cast(&mut f, a, t.f64);
        inner.push(st(atomic(&mut f, AtomicOp::Add, vec![p, a], t.f64)));
        let (p, c) = (f.get(dyn_total), f.get(cnt));
        inner.push(st(atomic(&mut f, AtomicOp::Add, vec![p, c], t.u32)));
        let then = f.block(inner, None, t.unit);
        let te = f.get(tl);
        let z = f.int(0, t.u32);
        let cond = f.bin(BinaryOp::Eq, te, z, t.bool);
        stmts.push(st(f.e(ExprKind::If { cond, then, otherwise: None }, t.unit)));
    }

    // atomic_max(maxv, v as i32 - 500)
    let ve = f.get(vl);
    let vi = cast(&mut f, ve, t.i32);
    let c = f.int(500, t.i32);
    let a = f.bin(BinaryOp::Sub, vi, c, t.i32);
    let p = f.get(maxv);
    stmts.push(st(atomic(&mut f, AtomicOp::Max, vec![p, a], t.i32)));
    // atomic_max(umax, v ^ 0x8000_0000)
    let ve = f.get(vl);
    let c = f.int(0x8000_0000, t.u32);
    let a = f.bin(BinaryOp::BitXor, ve, c, t.u32);
    let p = f.get(umax);
    stmts.push(st(atomic(&mut f, AtomicOp::Max, vec![p, a], t.u32)));
    // atomic_min(minv, 1000 - v as i64)
    let ve = f.get(vl);
    let vi = cast(&mut f, ve, t.i64);
    let c = f.int(1000, t.i64);
    let a = f.bin(BinaryOp::Sub, c, vi, t.i64);
    let p = f.get(minv);
    stmts.push(st(atomic(&mut f, AtomicOp::Min, vec![p, a], t.i64)));
    // loop { let old = *cas_count; if atomic_cas(cas_count, old, old + 1) == old { break } }
    {
        let old = f.local("old", t.u64);
        let id = LoopId(1);
        let p = f.get(cas_count);
        let load = f.e(ExprKind::Deref(p), t.u64);
        let p = f.get(cas_count);
        let (o1, o2) = (f.get(old), f.get(old));
        let one = f.int(1, t.u64);
        let new = f.bin(BinaryOp::Add, o2, one, t.u64);
        let cas = atomic(&mut f, AtomicOp::Cas, vec![p, o1, new], t.u64);
        let o3 = f.get(old);
        let won = f.bin(BinaryOp::Eq, cas, o3, t.bool);
        let brk = f.e(ExprKind::Break { target: id, value: None }, t.never);
        let exit = f.e(ExprKind::If { cond: won, then: brk, otherwise: None }, t.unit);
        let body = f.block(vec![let_(old, load), st(exit)], None, t.unit);
        stmts.push(st(f.e(ExprKind::Loop { body, id }, t.unit)));
    }
    // if atomic_exch(exch_slot, 1.0) == 0.0 { atomic_add(exch_zero, 1) }
    let p = f.get(exch_slot);
    let one = f.float(1.0, t.f64);
    let prev = atomic(&mut f, AtomicOp::Exch, vec![p, one], t.f64);
    let zero = f.float(0.0, t.f64);
    let first = f.bin(BinaryOp::Eq, prev, zero, t.bool);
    let p = f.get(exch_zero);
    let one = f.int(1, t.u32);
    let add = atomic(&mut f, AtomicOp::Add, vec![p, one], t.u32);
    let then = f.block(vec![st(add)], None, t.unit);
    stmts.push(st(f.e(ExprKind::If { cond: first, then, otherwise: None }, t.unit)));
    // atomic_add(f32count, 1.0f32)
    let p = f.get(f32count);
    let one = f.float(1.0, k.f32);
    stmts.push(st(atomic(&mut f, AtomicOp::Add, vec![p, one], k.f32)));
    stmts.push(st(f.intr(Intrinsic::SyncThreads, vec![], t.unit)));

    let body = f.block(stmts, None, t.unit);
    m.functions.append(f.finish(body))
}

/// `kernel histogram(x: &[u32], hist: *mut [u32; 16]) { let i = global_idx_x() as usize;
/// if i < x.len() { atomic_add(&mut (*hist)[(x[i] % 16) as usize], 1); } }` (no barrier).
fn histogram_kernel(m: &mut Module, k: &K) -> Handle<Function> {
    let t = &k.t;
    let mut f = Fb::new("histogram", FunctionKind::Kernel, DEVICE, t.unit);
    let x = f.param("x", k.slice);
    let hist = f.param("hist", k.p_hist);
    let il = f.local("i", t.usize);
    let e = global_index(&mut f, k);
    let mut stmts = vec![let_(il, e)];
    let ie = f.get(il);
    let xe = f.get(x);
    let len = f.intr(Intrinsic::SliceLen, vec![xe], t.usize);
    let cond = f.bin(BinaryOp::Lt, ie, len, t.bool);
    let xe = f.get(x);
    let ie = f.get(il);
    let xi = f.e(ExprKind::Index { base: xe, index: ie }, t.u32);
    let sixteen = f.int(16, t.u32);
    let bin = f.bin(BinaryOp::Rem, xi, sixteen, t.u32);
    let bin = cast(&mut f, bin, t.usize);
    let place = elem(&mut f, hist, k.hist_arr, bin, t.u32);
    let p = f.e(ExprKind::AddrOf { place, mutable: true }, k.r_u32);
    let one = f.int(1, t.u32);
    let add = atomic(&mut f, AtomicOp::Add, vec![p, one], t.u32);
    let then = f.block(vec![st(add)], None, t.unit);
    stmts.push(st(f.e(ExprKind::If { cond, then, otherwise: None }, t.unit)));
    let body = f.block(stmts, None, t.unit);
    m.functions.append(f.finish(body))
}

/// The kernels plus the shared arrays: `[u8; 3]` at 0, the reduction's
/// `[u32; 128]` at 4, `[u64; 2]` at 520 (536 bytes in all).
fn module() -> Module {
    let mut m = Module::new("shared.rs");
    let k = K::new(&mut m);
    let bytes = m.types.insert(Type::Array { elem: k.t.u8, len: 3 });
    let pair = m.types.insert(Type::Array { elem: k.t.u64, len: 2 });
    assert_eq!(m.add_shared_array(bytes), 0);
    let shared = m.add_shared_array(k.arr);
    assert_eq!(m.add_shared_array(pair), 2);
    assert_eq!(m.shared_arrays.iter().map(|a| a.offset).collect::<Vec<_>>(), [0, 4, 520]);
    assert_eq!(m.shared_bytes(), 536);
    reduce_kernel(&mut m, &k, shared);
    histogram_kernel(&mut m, &k);
    m
}

const N: usize = 19_000;

/// Launches both kernels through the shim's offload entry points over
/// `ceil(N / 128)` blocks and prints the results.
const MAIN_C: &str = r#"
#include <stdio.h>
#include <stdint.h>
#include <string.h>
typedef struct { uint32_t version, num_args; void **base_ptrs, **ptrs; int64_t *sizes, *types; void **names, **mappers;
                 uint64_t tripcount, flags; uint32_t num_teams[3], thread_limit[3], dyn_cgroup_mem; } KernelArgs;
void __tgt_target_data_begin_mapper(void*, int64_t, int32_t, void**, void**, int64_t*, int64_t*, void*, void*);
void __tgt_target_data_end_mapper(void*, int64_t, int32_t, void**, void**, int64_t*, int64_t*, void*, void*);
int __tgt_target_kernel(void*, int64_t, int32_t, int32_t, void*, KernelArgs*);
int hybrid_rt_finish(void);
void hyfb_reduce(const uint64_t *, const void *);
void hyfb_histogram(const uint64_t *, const void *);
enum { N = 19000, BLOCK = 128 };
static uint32_t x[N];
static void launch(void *entry, int n, void **ptrs, int64_t *sizes, int64_t *types, uint32_t blocks, uint32_t threads, uint32_t dyn) {
    __tgt_target_data_begin_mapper(0, -1, n, ptrs, ptrs, sizes, types, 0, 0);
    KernelArgs k = { 3, (uint32_t)n, ptrs, ptrs, sizes, types, 0, 0, 0, 0, {blocks, 1, 1}, {threads, 1, 1}, dyn };
    __tgt_target_kernel(0, -1, blocks, threads, entry, &k);
    __tgt_target_data_end_mapper(0, -1, n, ptrs, ptrs, sizes, types, 0, 0);
}
int main(void) {
    for (int i = 0; i < N; i++) x[i] = (uint32_t)(((uint64_t)i * 7919u) % 1000u);
    uint32_t blocks = (N + BLOCK - 1) / BLOCK;
    uint32_t sum = 0, dyn_total = 0, umax = 0, exch_zero = 0;
    int32_t maxv = INT32_MIN; int64_t minv = INT64_MAX; uint64_t cas_count = 0;
    double fsum = 0.0, exch_slot = 0.0; float f32count = 0.0f;
    void *ptrs[12] = { x, (void *)(uint64_t)N, &sum, &fsum, &dyn_total, &maxv, &umax, &minv, &cas_count, &exch_slot,
                       &exch_zero, &f32count };
    int64_t sizes[12] = { N * 4, 0, 4, 8, 4, 4, 4, 8, 8, 8, 4, 4 };
    int64_t types[12] = { 0x21, 0x120, 0x23, 0x23, 0x23, 0x23, 0x23, 0x23, 0x23, 0x23, 0x23, 0x23 };
    launch((void *)hyfb_reduce, 12, ptrs, sizes, types, blocks, BLOCK, BLOCK * 4);
    printf("sum=%u\nfsum=%.1f\ndyn_total=%u\nmaxv=%d\numax=%u\nminv=%lld\ncas_count=%llu\nexch_zero=%u\nf32count=%.1f\n",
           sum, fsum, dyn_total, maxv, umax, (long long)minv, (unsigned long long)cas_count, exch_zero, (double)f32count);
    uint32_t hist[16] = {0};
    void *hptrs[3] = { x, (void *)(uint64_t)N, hist };
    int64_t hsizes[3] = { N * 4, 0, 64 };
    int64_t htypes[3] = { 0x21, 0x120, 0x23 };
    launch((void *)hyfb_histogram, 3, hptrs, hsizes, htypes, blocks, 64, 0);
    launch((void *)hyfb_histogram, 3, hptrs, hsizes, htypes, blocks * 2, 64, 0);
    printf("hist=");
    for (int i = 0; i < 16; i++) printf("%u%s", hist[i], i < 15 ? "," : "\n");
    fflush(stdout);
    return hybrid_rt_finish();
}
"#;

fn expected() -> String {
    let x: Vec<u32> = (0..N as u64).map(|i| (i * 7919 % 1000) as u32).collect();
    let blocks = N.div_ceil(BLOCK as usize);
    let threads = blocks * BLOCK as usize;
    let max = *x.iter().max().unwrap();
    let sum: u64 = x.iter().map(|&v| v as u64).sum();
    let mut hist = [0u32; 16];
    for &v in &x {
        hist[(v % 16) as usize] += 1;
    }
    // Histogram: the first launch covers `blocks * 64` elements, the second all of them.
    for &v in &x[..(blocks * 64).min(N)] {
        hist[(v % 16) as usize] += 1;
    }
    let hist: Vec<String> = hist.iter().map(|h| h.to_string()).collect();
    format!(
        "sum={sum}\nfsum={sum}.0\ndyn_total={threads}\nmaxv={}\numax={}\nminv={}\ncas_count={threads}\nexch_zero=1\n\
         f32count={threads}.0\nhist={}\n",
        max as i32 - 500,
        0x8000_0000u32 + max,
        1000 - max as i64,
        hist.join(",")
    )
}

fn shim_lib() -> PathBuf {
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/release/libhybrid_shim.a");
    assert!(lib.is_file(), "{} is missing: run `cargo build --release -p hybrid-shim` first", lib.display());
    lib
}

#[test]
fn block_reduction_and_atomics_run_exactly_in_fallback() {
    let m = module();
    hybrid_ir::valid::validate(&m).expect("test IR is valid");
    let out = compile_host(&m, &HostOptions { threads: 1, emit_clif: true, verify: true, opt: false }).expect("compiles");
    let clif = out.clif.as_deref().unwrap();
    for needle in ["atomic_rmw.i32 add", "atomic_rmw.i32 smax", "atomic_rmw.i32 umax", "atomic_rmw.i64 smin", "atomic_cas"] {
        assert!(clif.contains(needle), "CLIF has {needle}:\n{clif}");
    }
    let scratch = ScratchDir::new("shared");
    let dir = &scratch.0;
    let mut objects = Vec::new();
    for (k, object) in out.objects.iter().enumerate() {
        let path = dir.join(format!("host.{k}.o"));
        std::fs::write(&path, object).unwrap();
        objects.push(path);
    }
    let entries: Vec<_> = m
        .kernels()
        .map(|(h, _)| hybrid_link::OffloadEntry {
            kernel_name: abi::device_symbol(&m, h),
            host_symbol: abi::fallback_symbol(&m, h),
            shared_bytes: m.shared_bytes(),
            uses_barrier: hybrid_ir::analysis::kernel_may_sync(&m, h),
        })
        .collect();
    let desc = dir.join("descriptor.o");
    std::fs::write(&desc, hybrid_link::write_offload_object(&[], &entries).unwrap()).unwrap();
    let c = dir.join("main.c");
    std::fs::write(&c, MAIN_C).unwrap();
    let main_o = dir.join("main.o");
    let st = Command::new("cc").args(["-c", "-O1", "-o"]).arg(&main_o).arg(&c).status().expect("cc");
    assert!(st.success());
    let exe = dir.join("shared");
    let options = hybrid_link::LinkOptions { linker: hybrid_link::Linker::System, threads: 0, fallback: true };
    objects.insert(0, main_o);
    objects.push(desc);
    hybrid_link::link_executable(&objects, &shim_lib(), &exe, &options).unwrap();
    let want = expected();
    // Several runs: blocks race on the atomics across cores.
    for _ in 0..3 {
        let run = Command::new(&exe).env("HYBRID_OFFLOAD", "disabled").output().unwrap();
        let stdout = String::from_utf8_lossy(&run.stdout);
        assert!(run.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&run.stderr));
        assert_eq!(stdout, want);
    }
}

#[test]
fn device_intrinsics_are_rejected_in_host_code() {
    let mut m = Module::new("bad.rs");
    let t = Tys::new(&mut m);
    let p = m.types.insert(Type::Pointer { pointee: t.u32, mutable: true, reference: false });
    let mut f = Fb::new("main", FunctionKind::Normal, HOST, t.unit);
    let d = f.intr(Intrinsic::DynSharedMem, vec![], p);
    let body = f.block(vec![st(d)], None, t.unit);
    let main = m.functions.append(f.finish(body));
    m.entry = Some(main);
    let err = hybrid_ir::valid::validate(&m).unwrap_err();
    assert!(err.to_string().contains("device-only"), "{err}");
    // A host+device function compiled for the host is a "not supported" error.
    m.functions[main].sides = BOTH;
    hybrid_ir::valid::validate(&m).unwrap();
    let err = compile_host(&m, &HostOptions { threads: 1, emit_clif: false, verify: true, opt: false }).unwrap_err();
    assert!(err.to_string().contains("not supported yet"), "{err}");
}
