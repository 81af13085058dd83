//! Codegen units: a program larger than one unit gives several objects that link and run, reference each other's functions, and do not depend on the thread count.

mod common;

use common::*;
use hybrid_cranelift::{compile_host, HostOptions, HostOutput, UNIT_EXPRS};
use hybrid_ir::*;

/// Additions in each chain function (two IR expressions each).
const PAD: i64 = 50;
/// What each chain function adds: 0 + 1 + .. + (PAD - 1).
const STEP: i64 = PAD * (PAD - 1) / 2;

fn compile(m: &Module, threads: usize) -> HostOutput {
    hybrid_ir::valid::validate(m).expect("test IR is valid");
    compile_host(m, &HostOptions { threads, emit_clif: true, verify: true, opt: false }).expect("compiles")
}

/// A kernel first (its fallback is in unit 0), then `n` functions
/// `f{i}(x) = f{i-1}(x + STEP)` (`f0(x) = x + STEP`) of about `2 * PAD`
/// expressions each, then `main`, which offloads the kernel (an address
/// taken across units) and prints `f{n-1}(0)` (calls across units).
fn chain_module(n: usize) -> Module {
    let mut m = Module::new("units.rs");
    let t = Tys::new(&mut m);
    let SeedKernel { kernel: kernel_1, arr, raw, refm } = add_seed_kernel(&mut m, &t);

    let mut prev: Option<Handle<Function>> = None;
    for i in 0..n {
        let mut f = Fb::new(&format!("f{i}"), FunctionKind::Normal, HOST, t.i64);
        let x = f.param("x", t.i64);
        let mut v = f.get(x);
        for j in 0..PAD {
            let k = f.int(j, t.i64);
            v = f.bin(BinaryOp::Add, v, k, t.i64);
        }
        if let Some(p) = prev {
            v = f.e(ExprKind::Call { func: p, args: vec![v] }, t.i64);
        }
        let body = f.block(vec![], Some(v), t.i64);
        prev = Some(m.functions.append(f.finish(body)));
    }

    // main() { let mut x = [0.0; 128]; offload(kernel_1, (&mut x,)); println!("{}", x[0]); println!("{}", f{n-1}(0)); }
    let SeedMain { mut mb, x: xl, zeros: rep, x_ptr: cast } = seed_main_start(&t, arr, raw, refm);
    let one = [mb.int(1, t.u32), mb.int(1, t.u32), mb.int(1, t.u32)];
    let one_t = [mb.int(1, t.u32), mb.int(1, t.u32), mb.int(1, t.u32)];
    let dyn_cache = mb.int(0, t.u32);
    let device = mb.int(-1, t.i32);
    let off = mb.e(ExprKind::Offload { kernel: kernel_1, blocks: one, threads: one_t, dyn_cache, device, args: vec![cast] }, t.unit);
    let xe = mb.get(xl);
    let zero = mb.int(0, t.usize);
    let x0 = mb.e(ExprKind::Index { base: xe, index: zero }, t.f64);
    let pr_x = mb.println("x0=", x0, t.unit);
    let zero = mb.int(0, t.i64);
    let c = mb.e(ExprKind::Call { func: prev.unwrap(), args: vec![zero] }, t.i64);
    let pr_c = mb.println("chain=", c, t.unit);
    let body = mb.block(vec![let_(xl, rep), st(off), st(pr_x), st(pr_c)], None, t.unit);
    let main = m.functions.append(mb.finish(body));
    m.entry = Some(main);
    m
}

/// Enough chain functions for at least `units` codegen units.
fn functions_for(units: usize) -> usize {
    units * UNIT_EXPRS / (2 * PAD as usize) + 1
}

fn expected_output(n: usize) -> String {
    let launch = "map dev=-1 n=1: 1024/23\nlaunch v3 args=1 teams=1/1 threads=1/1 dyn=0\n";
    format!("{launch}x0=21\nchain={}\n", n as i64 * STEP)
}

#[test]
fn a_program_larger_than_a_unit_gives_several_objects_that_link_and_run() {
    let n = functions_for(3);
    let out = compile(&chain_module(n), 0);
    assert!(out.objects.len() >= 3, "{} objects", out.objects.len());
    let run = link_and_run("units", &out.objects);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(String::from_utf8_lossy(&run.stdout), expected_output(n));
    let names: Vec<_> = out.timings.iter().map(|(n, _)| *n).collect();
    let phases = ["host: declare", "host: clif build", "host: codegen", "host: define", "host: emit"];
    assert_eq!(names, phases);
}

#[test]
fn the_objects_do_not_depend_on_the_thread_count() {
    let m = chain_module(functions_for(2));
    let one = compile(&m, 1);
    assert!(one.objects.len() >= 2, "{} objects", one.objects.len());
    for threads in [2, 3] {
        let other = compile(&m, threads);
        assert!(one.objects == other.objects, "objects differ between -j 1 and -j {threads}");
        assert!(one.clif == other.clif, "CLIF differs between -j 1 and -j {threads}");
    }
}

#[test]
fn calls_and_addresses_cross_units() {
    let n = functions_for(2);
    let out = compile(&chain_module(n), 2);
    let units: Vec<_> = out.objects.iter().map(|o| symbols(o)).collect();
    assert!(units.len() >= 2);
    // The kernel's fallback entry is defined (exported) in unit 0 and
    // imported by the last unit, whose `main` passes its address to the launch.
    assert!(has(&units[0], "hyfb_kernel_1", Bind::Export));
    let last = units.last().unwrap();
    assert!(has(last, "hyfb_kernel_1", Bind::Undefined), "{last:?}");
    assert!(has(last, "main", Bind::Export));
    // The first chain function of unit 1 calls the last one of unit 0.
    let first_of_1 = units[1].iter().find(|(s, b)| s.starts_with("hy_f") && *b == Bind::Hidden).expect("a chain function");
    let i: usize = first_of_1.0["hy_f".len()..].parse().unwrap();
    let callee = format!("hy_f{}", i - 1);
    assert!(has(&units[0], &callee, Bind::Hidden), "{callee} is defined in unit 0");
    assert!(has(&units[1], &callee, Bind::Undefined), "{callee} is imported by unit 1");
    let run = link_and_run("cross", &out.objects);
    assert_eq!(String::from_utf8_lossy(&run.stdout), expected_output(n));
}
