//! Host backend tests: hand-built IR modules compiled with the verifier on, checked in the object and the CLIF, and run against a C stub of the shim.

mod common;

use common::*;
use hybrid_cranelift::{compile_host, HostOptions, HostOutput};
use hybrid_ir::*;

fn compile(m: &Module, threads: usize) -> HostOutput {
    hybrid_ir::valid::validate(m).expect("test IR is valid");
    compile_host(m, &HostOptions { threads, emit_clif: true, verify: true, opt: false }).expect("compiles")
}

/// The seed program of LANGUAGE.md, by hand.
fn seed_module() -> Module {
    let mut m = Module::new("seed.rs");
    let t = Tys::new(&mut m);
    let SeedKernel { kernel: kernel_1, arr, raw, refm } = add_seed_kernel(&mut m, &t);

    // kernel(x: *mut [f64; 128]) { offload(kernel_1, (x,)) }
    let mut h = Fb::new("kernel", FunctionKind::Normal, HOST, t.unit);
    let x = h.param("x", raw);
    let one = [h.int(1, t.u32), h.int(1, t.u32), h.int(1, t.u32)];
    let one_t = [h.int(1, t.u32), h.int(1, t.u32), h.int(1, t.u32)];
    let dyn_cache = h.int(0, t.u32);
    let device = h.int(-1, t.i32);
    let xe = h.get(x);
    let off = h.e(ExprKind::Offload { kernel: kernel_1, blocks: one, threads: one_t, dyn_cache, device, args: vec![xe] }, t.unit);
    let body = h.block(vec![], Some(off), t.unit);
    let kernel = m.functions.append(h.finish(body));

    // main() { let mut x = [0.0; 128]; kernel(&mut x); println!("{}", x[0]); }
    let SeedMain { mut mb, x: xl, zeros: rep, x_ptr: cast } = seed_main_start(&t, arr, raw, refm);
    let call = mb.e(ExprKind::Call { func: kernel, args: vec![cast] }, t.unit);
    let xe = mb.get(xl);
    let zero = mb.int(0, t.usize);
    let x0 = mb.e(ExprKind::Index { base: xe, index: zero }, t.f64);
    let pr = mb.println("", x0, t.unit);
    let body = mb.block(vec![let_(xl, rep), st(call), st(pr)], None, t.unit);
    let main = m.functions.append(mb.finish(body));
    m.entry = Some(main);
    m
}

/// The symbols of a one-unit program's object.
fn unit_symbols(out: &HostOutput) -> Vec<(String, Bind)> {
    assert_eq!(out.objects.len(), 1, "a small program is one codegen unit");
    symbols(&out.objects[0])
}

#[test]
fn seed_object_has_entries_and_offload_calls() {
    let out = compile(&seed_module(), 1);
    let syms = unit_symbols(&out);
    assert!(has(&syms, "hyfb_kernel_1", Bind::Export), "fallback entry exported: {syms:?}");
    assert!(has(&syms, "main", Bind::Export), "C main exported: {syms:?}");
    assert!(has(&syms, "hybrid_user_main", Bind::Export));
    assert!(has(&syms, "hy_kernel", Bind::Hidden), "host fn hidden: {syms:?}");
    for import in ["__tgt_target_data_begin_mapper", "__tgt_target_kernel", "__tgt_target_data_end_mapper"] {
        assert!(has(&syms, import, Bind::Undefined), "{import} imported: {syms:?}");
    }
    assert!(!syms.iter().any(|(n, ..)| n == "hy_kernel_1"), "a device-only kernel has no host version");
    let clif = out.clif.expect("clif");
    if std::env::var_os("HYBRID_DUMP_CLIF").is_some() {
        eprintln!("{clif}");
    }
    for needle in ["__tgt_target_kernel", "__tgt_target_data_begin_mapper", "hybrid_fmt_f64", "hybrid_rt_finish"] {
        assert!(clif.contains(needle), "CLIF mentions {needle}");
    }
    assert!(clif.contains("function %hyfb_kernel_1(i64, i64)"), "{clif}");
    let names: Vec<_> = out.timings.iter().map(|(n, _)| *n).collect();
    assert!(names.contains(&"host: codegen") && names.contains(&"host: emit"), "{names:?}");
}

#[test]
fn output_is_deterministic_across_thread_counts() {
    let m = seed_module();
    let a = compile(&m, 1);
    let b = compile(&m, 4);
    assert_eq!(a.objects, b.objects);
    assert_eq!(a.clif, b.clif);
}

#[test]
fn unsupported_is_an_error_not_wrong_code() {
    // Thread geometry in a host-only function is not lowered.
    let mut m = Module::new("bad.rs");
    let t = Tys::new(&mut m);
    let mut f = Fb::new("main", FunctionKind::Normal, HOST, t.unit);
    let tid = f.intr(Intrinsic::ThreadIdx(Axis::X), vec![], t.u32);
    let body = f.block(vec![st(tid)], None, t.unit);
    let main = m.functions.append(f.finish(body));
    m.entry = Some(main);
    let err = compile_host(&m, &HostOptions { threads: 1, emit_clif: false, verify: true, opt: false }).unwrap_err();
    assert!(err.to_string().contains("not supported yet"), "{err}");
}

/// A program exercising most constructs, plus a division by zero at the end.
fn rich_module() -> Module {
    let mut m = Module::new("test.rs");
    let t = Tys::new(&mut m);
    let pair = m.types.insert(Type::Tuple(vec![t.i32, t.f64]));
    let arr3 = m.types.insert(Type::Array { elem: t.i64, len: 3 });
    let arr3_ref = m.types.insert(Type::Pointer { pointee: arr3, mutable: false, reference: true });
    let slice_i64 = m.types.insert(Type::SliceRef { elem: t.i64, mutable: false });
    let vec_u32 = m.types.insert(Type::Vec(t.u32));
    let vec_ref = m.types.insert(Type::Pointer { pointee: vec_u32, mutable: true, reference: true });
    let slice_u32 = m.types.insert(Type::SliceRef { elem: t.u32, mutable: true });

    // fn sum(n: u64) -> u64 { let mut s = 0; let mut i = 0; loop { if i >= n { break } s += i; i += 1 } s }
    let mut f = Fb::new("sum", FunctionKind::Normal, HOST, t.u64);
    let n = f.param("n", t.u64);
    let s = f.local("s", t.u64);
    let i = f.local("i", t.u64);
    let zero_s = f.int(0, t.u64);
    let zero_i = f.int(0, t.u64);
    let (ie, ne) = (f.get(i), f.get(n));
    let ge = f.bin(BinaryOp::Ge, ie, ne, t.bool);
    let brk = f.e(ExprKind::Break { target: LoopId(0), value: None }, t.never);
    let then = f.block(vec![st(brk)], None, t.never);
    let iff = f.e(ExprKind::If { cond: ge, then, otherwise: None }, t.unit);
    let (sp, iv) = (f.get(s), f.get(i));
    let add_s = f.e(ExprKind::AssignOp { op: BinaryOp::Add, place: sp, value: iv }, t.unit);
    let ip = f.get(i);
    let one = f.int(1, t.u64);
    let add_i = f.e(ExprKind::AssignOp { op: BinaryOp::Add, place: ip, value: one }, t.unit);
    let lbody = f.block(vec![st(iff), st(add_s), st(add_i)], None, t.unit);
    let lp = f.e(ExprKind::Loop { body: lbody, id: LoopId(0) }, t.unit);
    let se = f.get(s);
    let body = f.block(vec![let_(s, zero_s), let_(i, zero_i), st(lp)], Some(se), t.u64);
    let sum = m.functions.append(f.finish(body));

    // fn make_pair(a: i32) -> (i32, f64) { (a * 2, 1.5) }
    let mut f = Fb::new("make_pair", FunctionKind::Normal, HOST, pair);
    let a = f.param("a", t.i32);
    let ae = f.get(a);
    let two = f.int(2, t.i32);
    let mul = f.bin(BinaryOp::Mul, ae, two, t.i32);
    let fl = f.float(1.5, t.f64);
    let tup = f.e(ExprKind::Tuple(vec![mul, fl]), pair);
    let body = f.block(vec![], Some(tup), pair);
    let make_pair = m.functions.append(f.finish(body));

    // fn twice(x: u32) -> u32 { x * 2 }   (host and device)
    let mut f = Fb::new("twice", FunctionKind::Normal, BOTH, t.u32);
    let x = f.param("x", t.u32);
    let xe = f.get(x);
    let two = f.int(2, t.u32);
    let mul = f.bin(BinaryOp::Mul, xe, two, t.u32);
    let ret = f.e(ExprKind::Return(Some(mul)), t.never);
    let body = f.block(vec![st(ret)], None, t.never);
    let twice = m.functions.append(f.finish(body));

    // kernel fill(out: &mut [u32], n: u32) { let i = bid*bdim+tid; if i < n { out[i as usize] = twice(i) } }
    let mut f = Fb::new("fill", FunctionKind::Kernel, DEVICE, t.unit);
    let out = f.param("out", slice_u32);
    let n = f.param("n", t.u32);
    let i = f.local("i", t.u32);
    let bid = f.intr(Intrinsic::BlockIdx(Axis::X), vec![], t.u32);
    let bdim = f.intr(Intrinsic::BlockDim(Axis::X), vec![], t.u32);
    let tid = f.intr(Intrinsic::ThreadIdx(Axis::X), vec![], t.u32);
    let mul = f.bin(BinaryOp::Mul, bid, bdim, t.u32);
    let gid = f.bin(BinaryOp::Add, mul, tid, t.u32);
    let (ie, ne) = (f.get(i), f.get(n));
    let lt = f.bin(BinaryOp::Lt, ie, ne, t.bool);
    let oe = f.get(out);
    let ie = f.get(i);
    let idx = f.e(ExprKind::Cast { value: ie }, t.usize);
    let place = f.e(ExprKind::Index { base: oe, index: idx }, t.u32);
    let ie = f.get(i);
    let call = f.e(ExprKind::Call { func: twice, args: vec![ie] }, t.u32);
    let asg = f.assign(place, call, t.unit);
    let then = f.block(vec![st(asg)], None, t.unit);
    let iff = f.e(ExprKind::If { cond: lt, then, otherwise: None }, t.unit);
    let body = f.block(vec![let_(i, gid), st(iff)], None, t.unit);
    let fill = m.functions.append(f.finish(body));

    let mut f = Fb::new("main", FunctionKind::Normal, HOST, t.unit);
    let mut stmts = Vec::new();
    // sum
    let ten = f.int(10, t.u64);
    let c = f.e(ExprKind::Call { func: sum, args: vec![ten] }, t.u64);
    stmts.push(st(f.println("sum=", c, t.unit)));
    // pair through sret
    let p = f.local("p", pair);
    let arg = f.int(21, t.i32);
    let c = f.e(ExprKind::Call { func: make_pair, args: vec![arg] }, pair);
    stmts.push(let_(p, c));
    let pe = f.get(p);
    let p0 = f.e(ExprKind::Field { base: pe, index: 0 }, t.i32);
    stmts.push(st(f.println("pair=", p0, t.unit)));
    let pe = f.get(p);
    let p1 = f.e(ExprKind::Field { base: pe, index: 1 }, t.f64);
    stmts.push(st(f.println("pf=", p1, t.unit)));
    // arrays and slices
    let a = f.local("a", arr3);
    let items = vec![f.int(1, t.i64), f.int(2, t.i64), f.int(3, t.i64)];
    let lit = f.e(ExprKind::Array(items), arr3);
    stmts.push(let_(a, lit));
    let ae = f.get(a);
    let two = f.int(2, t.usize);
    let a2 = f.e(ExprKind::Index { base: ae, index: two }, t.i64);
    stmts.push(st(f.println("a2=", a2, t.unit)));
    let s = f.local("s", slice_i64);
    let ae = f.get(a);
    let aref = f.e(ExprKind::AddrOf { place: ae, mutable: false }, arr3_ref);
    let whole = f.intr(Intrinsic::ArrayToSlice, vec![aref], slice_i64);
    let (lo, hi) = (f.int(1, t.usize), f.int(3, t.usize));
    let sub = f.e(ExprKind::SliceRange { base: whole, start: Some(lo), end: Some(hi) }, slice_i64);
    stmts.push(let_(s, sub));
    let se = f.get(s);
    let slen = f.intr(Intrinsic::SliceLen, vec![se], t.usize);
    stmts.push(st(f.println("slen=", slen, t.unit)));
    let se = f.get(s);
    let z = f.int(0, t.usize);
    let s0 = f.e(ExprKind::Index { base: se, index: z }, t.i64);
    stmts.push(st(f.println("s0=", s0, t.unit)));
    // casts
    for (label, v, ty) in [("sat=", 1e20, t.i32), ("satu8=", 300.7, t.u8), ("neg=", -1.5, t.u8)] {
        let fv = f.float(v, t.f64);
        let c = f.e(ExprKind::Cast { value: fv }, ty);
        stmts.push(st(f.println(label, c, t.unit)));
    }
    // math
    let nan = f.float(f64::NAN, t.f64);
    let one = f.float(1.0, t.f64);
    let mn = f.intr(Intrinsic::Math(MathFn::Min), vec![nan, one], t.f64);
    stmts.push(st(f.println("min=", mn, t.unit)));
    let sixteen = f.float(16.0, t.f64);
    let sq = f.intr(Intrinsic::Math(MathFn::Sqrt), vec![sixteen], t.f64);
    stmts.push(st(f.println("sqrt=", sq, t.unit)));
    let (three, four) = (f.int(3, t.i64), f.int(4, t.u32));
    let pw = f.intr(Intrinsic::Math(MathFn::Pow), vec![three, four], t.i64);
    stmts.push(st(f.println("pow=", pw, t.unit)));
    let b = f.int(0xF0, t.u8);
    let ones = f.intr(Intrinsic::Math(MathFn::CountOnes), vec![b], t.u32);
    stmts.push(st(f.println("ones=", ones, t.unit)));
    let b = f.int(1, t.u8);
    let lz = f.intr(Intrinsic::Math(MathFn::LeadingZeros), vec![b], t.u32);
    stmts.push(st(f.println("lz=", lz, t.unit)));
    let b = f.int(0, t.u16);
    let tz = f.intr(Intrinsic::Math(MathFn::TrailingZeros), vec![b], t.u32);
    stmts.push(st(f.println("tz=", tz, t.unit)));
    let h = f.float(2.5, t.f64);
    let rd = f.intr(Intrinsic::Math(MathFn::Round), vec![h], t.f64);
    stmts.push(st(f.println("round=", rd, t.unit)));
    let (fa, fb) = (f.float(7.5, t.f64), f.float(2.0, t.f64));
    let rem = f.bin(BinaryOp::Rem, fa, fb, t.f64);
    stmts.push(st(f.println("frem=", rem, t.unit)));
    // Vec
    let v = f.local("v", vec_u32);
    let (seven, cnt) = (f.int(7, t.u32), f.int(10, t.usize));
    let ve = f.intr(Intrinsic::VecFromElem, vec![seven, cnt], vec_u32);
    stmts.push(let_(v, ve));
    let vp = f.get(v);
    let vr = f.e(ExprKind::AddrOf { place: vp, mutable: true }, vec_ref);
    let x = f.int(99, t.u32);
    stmts.push(st(f.intr(Intrinsic::VecPush, vec![vr, x], t.unit)));
    let vp = f.get(v);
    let vr = f.e(ExprKind::AddrOf { place: vp, mutable: false }, vec_ref);
    let vl = f.intr(Intrinsic::VecLen, vec![vr], t.usize);
    stmts.push(st(f.println("vlen=", vl, t.unit)));
    let vp = f.get(v);
    let ten = f.int(10, t.usize);
    let v10 = f.e(ExprKind::Index { base: vp, index: ten }, t.u32);
    stmts.push(st(f.println("v10=", v10, t.unit)));
    // offload(fill, [3,1,1], [4,1,1], 0, -1, (&mut v[..10], 10))
    let vp = f.get(v);
    let vr = f.e(ExprKind::AddrOf { place: vp, mutable: true }, vec_ref);
    let whole = f.intr(Intrinsic::VecToSlice, vec![vr], slice_u32);
    let ten = f.int(10, t.usize);
    let sl = f.e(ExprKind::SliceRange { base: whole, start: None, end: Some(ten) }, slice_u32);
    let n10 = f.int(10, t.u32);
    let blocks = [f.int(3, t.u32), f.int(1, t.u32), f.int(1, t.u32)];
    let threads = [f.int(4, t.u32), f.int(1, t.u32), f.int(1, t.u32)];
    let (dyn_cache, device) = (f.int(0, t.u32), f.int(-1, t.i32));
    let off = f.e(ExprKind::Offload { kernel: fill, blocks, threads, dyn_cache, device, args: vec![sl, n10] }, t.unit);
    stmts.push(st(off));
    // let mut tot = 0; let mut k = 0; while k < 10 { tot += v[k]; k += 1 }
    let tot = f.local("tot", t.u32);
    let k = f.local("k", t.usize);
    stmts.push(let_(tot, f.int(0, t.u32)));
    stmts.push(let_(k, f.int(0, t.usize)));
    let ke = f.get(k);
    let lim = f.int(10, t.usize);
    let lt = f.bin(BinaryOp::Lt, ke, lim, t.bool);
    let brk = f.e(ExprKind::Break { target: LoopId(1), value: None }, t.never);
    let els = f.block(vec![st(brk)], None, t.never);
    let (vp, ke) = (f.get(v), f.get(k));
    let vk = f.e(ExprKind::Index { base: vp, index: ke }, t.u32);
    let tp = f.get(tot);
    let acc = f.e(ExprKind::AssignOp { op: BinaryOp::Add, place: tp, value: vk }, t.unit);
    let kp = f.get(k);
    let one = f.int(1, t.usize);
    let inc = f.e(ExprKind::AssignOp { op: BinaryOp::Add, place: kp, value: one }, t.unit);
    let then = f.block(vec![st(acc), st(inc)], None, t.unit);
    let iff = f.e(ExprKind::If { cond: lt, then, otherwise: Some(els) }, t.unit);
    let lbody = f.block(vec![st(iff)], None, t.unit);
    stmts.push(st(f.e(ExprKind::Loop { body: lbody, id: LoopId(1) }, t.unit)));
    let te = f.get(tot);
    stmts.push(st(f.println("tot=", te, t.unit)));
    // signed division, remainder, shift masking, a call of a both-sided fn
    let (a, b) = (f.int(7, t.i32), f.int(-2, t.i32));
    let d = f.bin(BinaryOp::Div, a, b, t.i32);
    stmts.push(st(f.println("div=", d, t.unit)));
    let (a, b) = (f.int(-7, t.i32), f.int(3, t.i32));
    let r = f.bin(BinaryOp::Rem, a, b, t.i32);
    stmts.push(st(f.println("rem=", r, t.unit)));
    let (a, b) = (f.int(1, t.i32), f.int(33, t.u32));
    let sh = f.bin(BinaryOp::Shl, a, b, t.i32);
    stmts.push(st(f.println("shl=", sh, t.unit)));
    let five = f.int(5, t.u32);
    let tw = f.e(ExprKind::Call { func: twice, args: vec![five] }, t.u32);
    stmts.push(st(f.println("twice=", tw, t.unit)));
    // a value-producing if, and a bool
    let c = f.e(ExprKind::Literal(Literal::Bool(false)), t.bool);
    let (x1, x2) = (f.int(1, t.i64), f.int(2, t.i64));
    let sel = f.e(ExprKind::If { cond: c, then: x1, otherwise: Some(x2) }, t.i64);
    stmts.push(st(f.println("if=", sel, t.unit)));
    let (x1, x2) = (f.float(0.5, t.f64), f.float(0.25, t.f64));
    let gt = f.bin(BinaryOp::Gt, x1, x2, t.bool);
    stmts.push(st(f.println("gt=", gt, t.unit)));
    // 1 / zero panics
    let zl = f.local("zero", t.i32);
    stmts.push(let_(zl, f.int(0, t.i32)));
    let one = f.int(1, t.i32);
    let ze = f.get(zl);
    let d = f.bin(BinaryOp::Div, one, ze, t.i32);
    stmts.push(st(f.println("never=", d, t.unit)));
    let body = f.block(stmts, None, t.unit);
    let main = m.functions.append(f.finish(body));
    m.entry = Some(main);
    m
}

#[test]
fn seed_runs_and_prints_21() {
    let out = compile(&seed_module(), 0);
    let run = link_and_run("seed", &out.objects);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{stdout}");
    assert_eq!(stdout, "map dev=-1 n=1: 1024/23\nlaunch v3 args=1 teams=1/1 threads=1/1 dyn=0\n21\n");
}

#[test]
fn rich_program_runs_with_rust_semantics() {
    let out = compile(&rich_module(), 2);
    let clif = out.clif.as_deref().unwrap();
    assert!(clif.contains("function %hyfb_twice(i64, i32) -> i32"), "device callee gets ctx first");
    assert!(clif.contains("function %hy_twice(i32) -> i32"));
    let syms = unit_symbols(&out);
    assert!(has(&syms, "hyfb_fill", Bind::Export));
    assert!(has(&syms, "hyfb_twice", Bind::Hidden));
    let run = link_and_run("rich", &out.objects);
    let stdout = String::from_utf8_lossy(&run.stdout);
    let expected = "sum=45\npair=42\npf=1.5\na2=3\nslen=2\ns0=2\nsat=2147483647\nsatu8=255\nneg=0\n\
                    min=1\nsqrt=4\npow=81\nones=4\nlz=7\ntz=16\nround=3\nfrem=1.5\nvlen=11\nv10=99\n\
                    map dev=-1 n=3: 40/23 8/120 4/120\nlaunch v3 args=3 teams=3/3 threads=4/4 dyn=0\n\
                    tot=90\ndiv=-3\nrem=-1\nshl=2\ntwice=10\nif=2\ngt=true\npanic 0 at test.rs:7:5\n";
    assert_eq!(stdout, expected);
    assert_eq!(run.status.code(), Some(101));
}

/// Aggregates by value, sret, Memory-typed `if`, `break` values, pointers into locals, `panic!`.
fn aggregates_module() -> Module {
    let mut m = Module::new("agg.rs");
    let t = Tys::new(&mut m);
    let arr3 = m.types.insert(Type::Array { elem: t.i64, len: 3 });
    let pair = m.types.insert(Type::Tuple(vec![t.i32, t.f64]));
    let sdef = m
        .types
        .structs
        .append(StructDef { name: "S".into(), fields: vec![Field { name: "a".into(), ty: t.i32 }, Field { name: "b".into(), ty: t.f64 }] });
    let s_ty = m.types.insert(Type::Struct(sdef));
    let s_ptr = m.types.insert(Type::Pointer { pointee: s_ty, mutable: true, reference: true });
    let i32_ptr = m.types.insert(Type::Pointer { pointee: t.i32, mutable: true, reference: false });
    let i32_ref = m.types.insert(Type::Pointer { pointee: t.i32, mutable: true, reference: true });
    let arr_ref = m.types.insert(Type::Pointer { pointee: arr3, mutable: false, reference: true });
    let i64_ptr = m.types.insert(Type::Pointer { pointee: t.i64, mutable: false, reference: false });

    // fn bump(a: [i64; 3]) -> [i64; 3] { let mut b = a; b[0] = 10; b }
    let mut f = Fb::new("bump", FunctionKind::Normal, HOST, arr3);
    let a = f.param("a", arr3);
    let b = f.local("b", arr3);
    let ae = f.get(a);
    let (be, z) = (f.get(b), f.int(0, t.usize));
    let b0 = f.e(ExprKind::Index { base: be, index: z }, t.i64);
    let ten = f.int(10, t.i64);
    let asg = f.assign(b0, ten, t.unit);
    let be = f.get(b);
    let body = f.block(vec![let_(b, ae), st(asg)], Some(be), arr3);
    let bump = m.functions.append(f.finish(body));

    let mut f = Fb::new("main", FunctionKind::Normal, HOST, t.unit);
    let mut stmts = Vec::new();
    let a = f.local("a", arr3);
    let items = vec![f.int(1, t.i64), f.int(2, t.i64), f.int(3, t.i64)];
    stmts.push(let_(a, f.e(ExprKind::Array(items), arr3)));
    let b = f.local("b", arr3);
    let ae = f.get(a);
    stmts.push(let_(b, f.e(ExprKind::Call { func: bump, args: vec![ae] }, arr3)));
    for (label, l) in [("a0=", a), ("b0=", b)] {
        let (e, z) = (f.get(l), f.int(0, t.usize));
        let x = f.e(ExprKind::Index { base: e, index: z }, t.i64);
        stmts.push(st(f.println(label, x, t.unit)));
    }
    // let r = loop { break 42 };
    let r = f.local("r", t.i64);
    let v = f.int(42, t.i64);
    let brk = f.e(ExprKind::Break { target: LoopId(0), value: Some(v) }, t.never);
    let lbody = f.block(vec![st(brk)], None, t.never);
    stmts.push(let_(r, f.e(ExprKind::Loop { body: lbody, id: LoopId(0) }, t.i64)));
    let re = f.get(r);
    stmts.push(st(f.println("r=", re, t.unit)));
    // let p = if true { (1, 2.0) } else { (3, 4.0) };
    let p = f.local("p", pair);
    let c = f.e(ExprKind::Literal(Literal::Bool(true)), t.bool);
    let (x1, y1) = (f.int(1, t.i32), f.float(2.0, t.f64));
    let then = f.e(ExprKind::Tuple(vec![x1, y1]), pair);
    let (x2, y2) = (f.int(3, t.i32), f.float(4.0, t.f64));
    let els = f.e(ExprKind::Tuple(vec![x2, y2]), pair);
    stmts.push(let_(p, f.e(ExprKind::If { cond: c, then, otherwise: Some(els) }, pair)));
    let pe = f.get(p);
    let p1 = f.e(ExprKind::Field { base: pe, index: 1 }, t.f64);
    stmts.push(st(f.println("p1=", p1, t.unit)));
    // let mut s = S { a: 1, b: 2.0 }; let q = &mut s; (*q).a = 5;
    let s = f.local("s", s_ty);
    let (sa, sb) = (f.int(1, t.i32), f.float(2.0, t.f64));
    stmts.push(let_(s, f.e(ExprKind::Struct { fields: vec![sa, sb] }, s_ty)));
    let q = f.local("q", s_ptr);
    let se = f.get(s);
    stmts.push(let_(q, f.e(ExprKind::AddrOf { place: se, mutable: true }, s_ptr)));
    let qe = f.get(q);
    let d = f.e(ExprKind::Deref(qe), s_ty);
    let fa = f.e(ExprKind::Field { base: d, index: 0 }, t.i32);
    let five = f.int(5, t.i32);
    stmts.push(st(f.assign(fa, five, t.unit)));
    let se = f.get(s);
    let fa = f.e(ExprKind::Field { base: se, index: 0 }, t.i32);
    stmts.push(st(f.println("s.a=", fa, t.unit)));
    // let mut x = 3; let px = &mut x as *mut i32; *px = 9; x
    let x = f.local("x", t.i32);
    stmts.push(let_(x, f.int(3, t.i32)));
    let px = f.local("px", i32_ptr);
    let xe = f.get(x);
    let r = f.e(ExprKind::AddrOf { place: xe, mutable: true }, i32_ref);
    stmts.push(let_(px, f.e(ExprKind::Cast { value: r }, i32_ptr)));
    let pe = f.get(px);
    let d = f.e(ExprKind::Deref(pe), t.i32);
    let nine = f.int(9, t.i32);
    stmts.push(st(f.assign(d, nine, t.unit)));
    let xe = f.get(x);
    stmts.push(st(f.println("x=", xe, t.unit)));
    // *(&a as *const i64).add(2)
    let ae = f.get(a);
    let ar = f.e(ExprKind::AddrOf { place: ae, mutable: false }, arr_ref);
    let ap = f.e(ExprKind::Cast { value: ar }, i64_ptr);
    let two = f.int(2, t.usize);
    let p2 = f.intr(Intrinsic::PtrAdd, vec![ap, two], i64_ptr);
    let d = f.e(ExprKind::Deref(p2), t.i64);
    stmts.push(st(f.println("a[2]=", d, t.unit)));
    // panic!("boom {}", 7)
    let seven = f.int(7, t.i32);
    let pieces = vec![FmtPiece::Literal("boom ".into()), FmtPiece::Arg { value: seven, spec: FmtSpec::default() }];
    stmts.push(st(f.e(ExprKind::Print { target: PrintTarget::Panic, pieces, newline: false }, t.never)));
    let body = f.block(stmts, None, t.never);
    let main = m.functions.append(f.finish(body));
    m.entry = Some(main);
    m
}

#[test]
fn aggregates_pointers_and_panic() {
    let out = compile(&aggregates_module(), 1);
    let run = link_and_run("agg", &out.objects);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(stdout, "a0=1\nb0=10\nr=42\np1=2\ns.a=5\nx=9\na[2]=3\npanicked at agg.rs:7:5: boom 7\n");
    assert_eq!(run.status.code(), Some(101));
}

/// Many small functions: every one is compiled, in parallel, deterministically.
#[test]
fn many_functions() {
    let mut m = Module::new("many.rs");
    let t = Tys::new(&mut m);
    let mut prev: Option<Handle<Function>> = None;
    for i in 0..400 {
        let mut f = Fb::new(&format!("f{i}"), FunctionKind::Normal, HOST, t.i64);
        let x = f.param("x", t.i64);
        let xe = f.get(x);
        let k = f.int(i, t.i64);
        let mut v = f.bin(BinaryOp::Add, xe, k, t.i64);
        if let Some(p) = prev {
            v = f.e(ExprKind::Call { func: p, args: vec![v] }, t.i64);
        }
        let body = f.block(vec![], Some(v), t.i64);
        prev = Some(m.functions.append(f.finish(body)));
    }
    let mut f = Fb::new("main", FunctionKind::Normal, HOST, t.unit);
    let zero = f.int(0, t.i64);
    let c = f.e(ExprKind::Call { func: prev.unwrap(), args: vec![zero] }, t.i64);
    let pr = f.println("", c, t.unit);
    let body = f.block(vec![st(pr)], None, t.unit);
    let main = m.functions.append(f.finish(body));
    m.entry = Some(main);
    let a = compile(&m, 1);
    let b = compile(&m, 0);
    assert_eq!(a.objects, b.objects);
    let run = link_and_run("many", &a.objects);
    assert_eq!(String::from_utf8_lossy(&run.stdout), format!("{}\n", (0..400).sum::<i64>()));
}

/// `cargo test -p hybrid-cranelift --release -- --ignored --nocapture bench_host_codegen`
#[test]
#[ignore]
fn bench_host_codegen() {
    let mut m = Module::new("bench.rs");
    let t = Tys::new(&mut m);
    let n = 10_000;
    for i in 0..n {
        // fn fI(n: u64) -> u64 { let mut s = 0; let mut i = 0; loop { if i >= n { break } s += i * K; i += 1 } s }
        let mut f = Fb::new(&format!("f{i}"), FunctionKind::Normal, HOST, t.u64);
        let np = f.param("n", t.u64);
        let s = f.local("s", t.u64);
        let il = f.local("i", t.u64);
        let (z1, z2) = (f.int(0, t.u64), f.int(0, t.u64));
        let (ie, ne) = (f.get(il), f.get(np));
        let ge = f.bin(BinaryOp::Ge, ie, ne, t.bool);
        let brk = f.e(ExprKind::Break { target: LoopId(0), value: None }, t.never);
        let then = f.block(vec![st(brk)], None, t.never);
        let iff = f.e(ExprKind::If { cond: ge, then, otherwise: None }, t.unit);
        let (sp, iv, k) = (f.get(s), f.get(il), f.int(i, t.u64));
        let prod = f.bin(BinaryOp::Mul, iv, k, t.u64);
        let add_s = f.e(ExprKind::AssignOp { op: BinaryOp::Add, place: sp, value: prod }, t.unit);
        let (ip, one) = (f.get(il), f.int(1, t.u64));
        let add_i = f.e(ExprKind::AssignOp { op: BinaryOp::Add, place: ip, value: one }, t.unit);
        let lbody = f.block(vec![st(iff), st(add_s), st(add_i)], None, t.unit);
        let lp = f.e(ExprKind::Loop { body: lbody, id: LoopId(0) }, t.unit);
        let se = f.get(s);
        let body = f.block(vec![let_(s, z1), let_(il, z2), st(lp)], Some(se), t.u64);
        m.functions.append(f.finish(body));
    }
    for threads in [2, 1, 2, 1, 0] {
        let start = std::time::Instant::now();
        let out = compile_host(&m, &HostOptions { threads, emit_clif: false, verify: false, opt: false }).unwrap();
        let total = start.elapsed();
        println!("threads={threads}: total {total:?}, {:.0} fn/s", n as f64 / total.as_secs_f64());
        for (phase, d) in &out.timings {
            println!("  {phase}: {d:?}");
        }
    }
}
