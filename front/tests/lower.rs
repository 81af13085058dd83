//! Lowering tests: the issue #2 programs lower and validate; literal
//! inference; sides; and a few error cases checked by message.

use hybrid_front::compile;
use hybrid_ir::{ExprKind, FunctionKind, Literal, Module, Scalar, Type};

const SEED: &str = r#"#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
fn main() {
    let mut x = [0.0f64; 128];
    kernel(&mut x);
    println!("{}", x[0]);
}
fn kernel(x: *mut [f64; 128]) {
    core::intrinsics::offload(kernel_1, (x,))
}
#[cfg(target_os = "linux")]
extern "C" {
    pub fn kernel_1(array_b: *mut [f64; 128]);
}
#[cfg(not(target_os = "linux"))]
#[rustc_offload_kernel]
extern "gpu-kernel" fn kernel_1(x: *mut [f64; 128]) {
    unsafe { (*x)[0] = 21.0 };
}
"#;

const SAXPY: &str = r#"#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
#[offload_kernel]
fn saxpy(n: usize, a: f32, x: &[f32], y: &mut [f32]) {
    let i = gpu::global_idx_x() as usize;
    let _t = core::arch::nvptx::_thread_idx_x();
    if i < n { y[i] = a * x[i] + y[i]; }
}
fn main() {
    let n = 1000;
    let x = vec![1.0f32; n];
    let mut y = vec![2.0f32; n];
    let threads = 256u32;
    let blocks = (n as u32 + threads - 1) / threads;
    core::intrinsics::offload(saxpy, [blocks, 1, 1], [threads, 1, 1], (n, 3.0f32, &x, &mut y));
    for i in 0..n { assert!(y[i] == 5.0); }
    println!("saxpy ok {} {:.3}", y[0], y[n - 1]);
}
"#;

fn lower(src: &str) -> Module {
    match compile(src, "prog.rs") {
        Ok(out) => {
            let names: Vec<_> = out.timings.iter().map(|(n, _)| *n).collect();
            assert_eq!(
                names,
                [
                    "parse items",
                    "cfg+resolve",
                    "bodies (parallel)",
                    "  parse (all threads)",
                    "  typecheck+lower (all threads)",
                    "merge+sides+validate"
                ]
            );
            out.module
        }
        Err(d) => panic!("{}", d.render(src, "prog.rs")),
    }
}

fn errors(src: &str) -> String {
    match compile(src, "prog.rs") {
        Ok(_) => panic!("expected an error for:\n{src}"),
        Err(d) => d.render(src, "prog.rs"),
    }
}

fn func<'m>(m: &'m Module, name: &str) -> &'m hybrid_ir::Function {
    m.functions.iter().map(|(_, f)| f).find(|f| f.name == name).unwrap_or_else(|| panic!("no function {name}"))
}

fn local_ty(m: &Module, f: &str, local: &str) -> String {
    let f = func(m, f);
    let l = f.locals.iter().find(|(_, l)| l.name == local).unwrap_or_else(|| panic!("no local {local}")).1;
    m.types.display(l.ty)
}

#[test]
fn seed_lowers() {
    let m = lower(SEED);
    println!("{}", hybrid_ir::print::print_module(&m));
    let k = func(&m, "kernel_1");
    assert_eq!(k.kind, FunctionKind::Kernel);
    assert!(k.sides.device && !k.sides.host);
    let main = func(&m, "main");
    assert!(main.sides.host && !main.sides.device);
    assert!(func(&m, "kernel").sides.host);
    assert_eq!(m.functions[m.entry.unwrap()].name, "main");
}

#[test]
fn saxpy_lowers() {
    let m = lower(SAXPY);
    println!("{}", hybrid_ir::print::print_module(&m));
    assert_eq!(local_ty(&m, "main", "n"), "usize");
    assert_eq!(local_ty(&m, "main", "x"), "Vec<f32>");
    assert_eq!(local_ty(&m, "main", "blocks"), "u32");
    assert_eq!(local_ty(&m, "main", "i"), "usize");
    let main = func(&m, "main");
    let offload = main.exprs.iter().find(|(_, e)| matches!(e.kind, ExprKind::Offload { .. })).unwrap().1;
    let ExprKind::Offload { args, .. } = &offload.kind else { unreachable!() };
    assert_eq!(m.types.display(main.exprs[args[2]].ty), "&[f32]");
    assert_eq!(m.types.display(main.exprs[args[3]].ty), "&mut [f32]");
}

#[test]
fn literal_inference() {
    let src = r#"
fn takes_u8(x: u8) -> u8 { x }
fn main() {
    let n: usize = 10;
    let mut i = 0;
    while i < n { i += 1; }
    let a = 1;
    let b = 2.5;
    let c = 3;
    let d = takes_u8(c);
    let e = 1 << 3;
    let f: f32 = 1.5;
    let g = f * 2.0;
    let mut h = 0.0;
    for k in 0..4u64 { h += k as f64; }
    println!("{} {} {} {} {} {} {} {}", i, a, b, d, e, g, h, c);
}
"#;
    let m = lower(src);
    assert_eq!(local_ty(&m, "main", "i"), "usize");
    assert_eq!(local_ty(&m, "main", "a"), "i32");
    assert_eq!(local_ty(&m, "main", "b"), "f64");
    assert_eq!(local_ty(&m, "main", "c"), "u8");
    assert_eq!(local_ty(&m, "main", "e"), "i32");
    assert_eq!(local_ty(&m, "main", "g"), "f32");
    assert_eq!(local_ty(&m, "main", "k"), "u64");
    // the literal 2.0 took f32 and was rounded as such
    let main = func(&m, "main");
    assert!(main.exprs.iter().any(|(_, e)| matches!(e.kind, ExprKind::Literal(Literal::Float(v)) if v == 2.0)
        && matches!(m.types.get(e.ty), Type::Scalar(Scalar::F32))));
}

#[test]
fn kernel_helper_is_device() {
    let src = r#"
fn helper(x: f32) -> f32 { x * 2.0 }
fn host_only(x: f32) -> f32 { x + 1.0 }
#[offload_kernel]
fn k(out: &mut [f32]) {
    let i = gpu::thread_idx_x() as usize;
    out[i] = helper(1.0);
}
fn main() {
    let mut v = vec![0.0f32; 4];
    core::intrinsics::offload(k, [1, 1, 1], [4, 1, 1], (&mut v,));
    println!("{}", host_only(helper(v[0])));
}
"#;
    let m = lower(src);
    let h = func(&m, "helper");
    assert!(h.sides.host && h.sides.device);
    let ho = func(&m, "host_only");
    assert!(ho.sides.host && !ho.sides.device);
}

#[test]
fn kernel_calling_host_only_is_an_error() {
    let src = r#"
#[cfg(target_os = "linux")]
fn log(x: f32) -> f32 { x }
#[offload_kernel]
fn k(out: &mut [f32]) { out[0] = log(1.0); }
fn main() {
    let mut v = vec![0.0f32; 4];
    core::intrinsics::offload(k, (&mut v,));
}
"#;
    let e = errors(src);
    assert!(e.contains("kernel `k` calls `log`, which only exists on the host"), "{e}");
}

#[test]
fn println_in_kernel_is_an_error() {
    let src = r#"
fn show(x: f32) { println!("{}", x); }
#[offload_kernel]
fn k(out: &mut [f32]) { show(out[0]); }
fn main() {
    let mut v = vec![0.0f32; 4];
    core::intrinsics::offload(k, (&mut v,));
}
"#;
    let e = errors(src);
    assert!(e.contains("`println!` cannot be used in device code"), "{e}");
}

#[test]
fn never_panics_on_garbage() {
    for src in ["fn main() {", "}}}", "fn main() { let x: [i32; 99999999999999999999] = 0; }", "\u{0}", "fn main() { x[1..2]; }"] {
        let _ = compile(src, "prog.rs");
    }
}

/// Every prefix-truncation of the corpus programs gives diagnostics, never
/// a panic or an internal compiler error.
#[test]
fn truncated_programs_never_ice() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs");
    let Ok(rd) = std::fs::read_dir(&dir) else { return };
    let mut sources: Vec<String> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    sources.push(SEED.to_string());
    sources.push(SAXPY.to_string());
    for src in &sources {
        let mut cut = 0;
        while cut < src.len() {
            if src.is_char_boundary(cut) {
                let piece = &src[..cut];
                if let Err(d) = compile(piece, "prog.rs") {
                    let text = d.render(piece, "prog.rs");
                    assert!(!text.contains("internal compiler error"), "ICE on a prefix:\n{text}");
                }
            }
            cut += 23;
        }
        // and every one-line deletion (mostly semantic errors)
        let lines: Vec<&str> = src.lines().collect();
        for skip in 0..lines.len() {
            let piece: String = lines.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, l)| format!("{l}\n")).collect();
            if let Err(d) = compile(&piece, "prog.rs") {
                let text = d.render(&piece, "prog.rs");
                assert!(!text.contains("internal compiler error"), "ICE without line {}:\n{text}", skip + 1);
            }
        }
    }
}

#[test]
fn a_syntax_error_in_a_body_is_reported_before_type_errors() {
    // The type error comes first in the file, the syntax error is in a
    // later body (parsed on its own): the syntax error is still the one
    // reported, as when the whole file is parsed in one piece.
    let src = "fn a() -> i32 { true }\nfn b() { let x = ; }\nfn main() {}\n";
    let e = errors(src);
    assert!(e.contains("expected an expression") || e.contains("expected expression"), "{e}");
    assert!(e.contains("prog.rs:2:"), "{e}");
    assert!(!e.contains("mismatched types"), "{e}");
}

#[test]
fn unbalanced_braces_fall_back_to_the_whole_file_parse() {
    let e = errors("fn main() { let x = (1; }\n");
    assert!(e.contains("prog.rs:1:"), "{e}");
}
