#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// A kernel taking enums by value (a data-carrying `Op` and an array of
// them, a C-like `Mode`) and matching on them per element; checked
// against the same function run on the host.

#[derive(Clone, Copy, Debug, PartialEq)]
enum Op {
    Scale(f32),
    Offset { by: f32 },
    Clamp(f32, f32),
    Neg,
    Keep,
}

#[derive(Clone, Copy, Debug)]
enum Mode {
    Plain = 1,
    Squared = 2,
    Halved = 4,
}

fn apply_op(op: Op, v: f32) -> f32 {
    match op {
        Op::Scale(s) => v * s,
        Op::Offset { by } => v + by,
        Op::Clamp(lo, hi) if lo <= hi => v.max(lo).min(hi),
        Op::Clamp(..) => v,
        Op::Neg => -v,
        Op::Keep => v,
    }
}

fn finish(mode: Mode, v: f32) -> f32 {
    let tag = mode as i32;
    match mode {
        Mode::Plain => v,
        Mode::Squared => v * v,
        Mode::Halved => v / 2.0 + tag as f32,
    }
}

#[offload_kernel]
fn transform(n: usize, ops: [Op; 4], last: Op, mode: Mode, input: &[f32], out: &mut [f32]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        let mut v = apply_op(ops[i % 4], input[i]);
        v = apply_op(last, v);
        if let Op::Keep = ops[(i + 1) % 4] {
            v += 0.25;
        }
        out[i] = finish(mode, v);
    }
}

fn reference(n: usize, ops: [Op; 4], last: Op, mode: Mode, input: &[f32], out: &mut [f32]) {
    for i in 0..n {
        let mut v = apply_op(ops[i % 4], input[i]);
        v = apply_op(last, v);
        if let Op::Keep = ops[(i + 1) % 4] {
            v += 0.25;
        }
        out[i] = finish(mode, v);
    }
}

fn main() {
    let n = 1000;
    let ops = [Op::Scale(1.5), Op::Offset { by: -3.0 }, Op::Clamp(-2.0, 2.0), Op::Keep];
    let mut input = vec![0.0f32; n];
    for i in 0..n {
        input[i] = (i as f32 - 500.0) * 0.01;
    }
    let modes = [Mode::Plain, Mode::Squared, Mode::Halved];
    let lasts = [Op::Neg, Op::Clamp(1.0, -1.0), Op::Scale(2.0)];
    for k in 0..3 {
        let mut out = vec![0.0f32; n];
        let mut expected = vec![0.0f32; n];
        core::intrinsics::offload(
            transform,
            [(n as u32 + 127) / 128, 1, 1],
            [128, 1, 1],
            (n, ops, lasts[k], modes[k], &input[..], &mut out[..]),
        );
        reference(n, ops, lasts[k], modes[k], &input, &mut expected);
        let mut errors = 0;
        let mut sum = 0.0f64;
        for i in 0..n {
            if out[i] != expected[i] {
                errors += 1;
            }
            sum += out[i] as f64;
        }
        println!("{:?} then {:?}: errors={} sum={:.3} out[7]={}", modes[k], lasts[k], errors, sum, out[7]);
    }
    println!("{:?}", ops);
}
