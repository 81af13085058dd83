//! The LLVM host backend (`compile_host_llvm`) on small programs from the front end: the object, the exported symbols and the offload ABI, Rust's panics as shim calls, glibc math, fallback geometry; running whole programs is `tests/programs.rs`'s job.

use hybrid_llvm::{compile_host_llvm, HostLlvmOptions, HostLlvmOutput};

fn compile(source: &str, opt_level: u8) -> HostLlvmOutput {
    let module = hybrid_front::compile(source, "test.rs").unwrap_or_else(|d| panic!("{}", d.render(source, "test.rs"))).module;
    let options = HostLlvmOptions { opt_level, emit_llvm_ir: true, verify: true };
    compile_host_llvm(&module, &options).expect("host compilation")
}

fn ir(out: &HostLlvmOutput) -> &str {
    out.llvm_ir.as_deref().expect("emit_llvm_ir was set")
}

const SAXPY: &str = r#"
#[offload_kernel]
fn saxpy(n: usize, a: f32, x: &[f32], y: &mut [f32]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        y[i] = a * x[i] + y[i];
    }
}

fn main() {
    let n = 1000;
    let x = vec![1.0f32; n];
    let mut y = vec![2.0f32; n];
    core::intrinsics::offload(saxpy, [4, 1, 1], [256, 1, 1], (n, 3.0f32, &x, &mut y));
    println!("y[0]={}", y[0]);
}
"#;

#[test]
fn object_is_an_x86_64_elf_with_the_offload_abi() {
    let out = compile(SAXPY, 0);
    let obj = &out.object;
    assert_eq!(&obj[..4], b"\x7fELF");
    assert_eq!(u16::from_le_bytes([obj[16], obj[17]]), 1, "ET_REL");
    assert_eq!(u16::from_le_bytes([obj[18], obj[19]]), 62, "EM_X86_64");
    let ir = ir(&out);
    assert!(ir.contains("target triple = \"x86_64-unknown-linux-gnu\""), "{ir}");
    // Exported: the C main, the user's main, the kernel's fallback entry.
    assert!(ir.contains("define i32 @main(i32 %0, ptr %1)"), "{ir}");
    assert!(ir.contains("define void @hybrid_user_main()"), "{ir}");
    assert!(ir.contains("define void @hyfb_saxpy(ptr %0, ptr %1)"), "{ir}");
    assert!(ir.contains("call i32 @hybrid_rt_finish()"), "{ir}");
    // The offload sequence, with the fallback entry as region id.
    for call in ["@__tgt_target_data_begin_mapper(", "@__tgt_target_kernel(", "@__tgt_target_data_end_mapper("] {
        assert!(ir.contains(&format!("call void {call}")) || ir.contains(&format!("call i32 {call}")), "{call}: {ir}");
    }
    assert!(ir.contains("ptr @hyfb_saxpy, ptr"), "{ir}");
    // Printing and Vec through the shim.
    assert!(ir.contains("@hybrid_fmt_f32(") && ir.contains("@hybrid_print_flush("), "{ir}");
    assert!(ir.contains("@hybrid_vec_from_elem("), "{ir}");
    let names: Vec<_> = out.timings.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["host: lower", "host: emit"]);
}

#[test]
fn release_runs_the_o2_pipeline() {
    let out = compile(SAXPY, 2);
    let names: Vec<_> = out.timings.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["host: lower", "host: optimize", "host: emit"]);
    assert!(ir(&out).contains("define void @hyfb_saxpy("), "{}", ir(&out));
}

#[test]
fn rust_panics_call_the_shim_with_their_location() {
    let source = r#"
fn pick(a: &[i32], i: usize, d: i32) -> i32 {
    a[i] / d
}
fn main() {
    let a = [1, 2, 3];
    let s = &a[1..3];
    println!("{}", pick(s, 1, 2));
}
"#;
    let out = compile(source, 0);
    let ir = ir(&out);
    assert!(ir.contains("@hybrid_panic_bounds(i64"), "{ir}");
    assert!(ir.contains("@hybrid_panic_msg(i32 0,"), "division by zero: {ir}");
    assert!(ir.contains("@hybrid_panic_msg(i32 2,"), "division overflow: {ir}");
    assert!(ir.contains("@hybrid_panic_slice(i64"), "{ir}");
    assert!(ir.contains("c\"test.rs\""), "the file name for panic messages: {ir}");
    assert!(!ir.contains("llvm.trap"), "{ir}");
}

#[test]
fn float_math_calls_glibc_like_the_cranelift_backend() {
    let source = r#"
fn main() {
    let x = 0.5f64;
    let y = 2.5f32;
    println!("{} {} {} {} {}", x.sin(), y.exp(), x.powi(3), x.min(0.25), x % 0.3);
}
"#;
    let out = compile(source, 0);
    let ir = ir(&out);
    for call in ["double @sin(double", "float @expf(float", "double @__powidf2(double", "double @fmod(double"] {
        assert!(ir.contains(call), "{call}: {ir}");
    }
    assert!(ir.contains("@llvm.minimum.f64"), "{ir}");
    assert!(!ir.contains("__hy_"), "no device libm on the host: {ir}");
}

#[test]
fn fallback_code_reads_its_thread_context() {
    let source = r#"
#[offload_kernel]
fn fill(out: &mut [u32]) {
    let cache = gpu::shared_array::<u32, 64>();
    let t = core::arch::nvptx::_thread_idx_x() as usize;
    unsafe { (*cache)[t] = t as u32 };
    gpu::sync_threads();
    out[t] = unsafe { (*cache)[63 - t] };
}

fn main() {
    let mut out = vec![0u32; 64];
    core::intrinsics::offload(fill, [1, 1, 1], [64, 1, 1], (&mut out,));
    println!("{}", out[0]);
}
"#;
    let out = compile(source, 0);
    let ir = ir(&out);
    assert!(ir.contains("define void @hyfb_fill(ptr %0, ptr %1)"), "{ir}");
    assert!(ir.contains("call void @hybrid_fb_sync_threads(ptr"), "{ir}");
    assert!(!ir.contains("llvm.nvvm"), "{ir}");
    assert!(!ir.contains("addrspace(3)"), "{ir}");
}
