#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Device functions that build and return enums, a kernel matching on them
// and on a tuple struct passed by value, writing a C-like enum's
// discriminant per element; checked against the same functions on the host.

#[derive(Clone, Copy, Debug)]
struct Window(f32, f32);

#[derive(Clone, Copy, Debug, PartialEq)]
enum Class {
    Low = 10,
    Mid = 20,
    High = 30,
}

#[derive(Clone, Copy, Debug)]
enum Sample {
    Below(f32),
    Inside { value: f32, class: Class },
    Above(f32),
}

fn classify(w: Window, v: f32) -> Sample {
    let Window(lo, hi) = w;
    if v < lo {
        Sample::Below(lo - v)
    } else if v > hi {
        Sample::Above(v - hi)
    } else {
        let t = (v - lo) / (hi - lo);
        let class = match t {
            t if t < 0.25 => Class::Low,
            t if t < 0.75 => Class::Mid,
            _ => Class::High,
        };
        Sample::Inside { value: t, class }
    }
}

fn score(s: Sample) -> i32 {
    match s {
        Sample::Below(d) => -((d * 10.0) as i32),
        Sample::Inside { class: Class::Mid, .. } => Class::Mid as i32,
        Sample::Inside { value, class } => class as i32 + (value * 4.0) as i32,
        Sample::Above(d) => 1000 + d as i32,
    }
}

#[offload_kernel]
fn grade(n: usize, w: Window, xs: &[f32], out: &mut [i32]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        out[i] = score(classify(w, xs[i]));
    }
}

fn main() {
    let n = 2048;
    let mut xs = vec![0.0f32; n];
    for i in 0..n {
        xs[i] = ((i * 37) % 1000) as f32 * 0.01 - 2.0;
    }
    let w = Window(1.0, 5.0);
    let mut out = vec![0i32; n];
    core::intrinsics::offload(grade, [(n as u32 + 255) / 256, 1, 1], [256, 1, 1], (n, w, &xs[..], &mut out[..]));
    let mut errors = 0;
    let mut hist = [0u32; 4];
    for i in 0..n {
        let expected = score(classify(w, xs[i]));
        if out[i] != expected {
            errors += 1;
        }
        let bucket = match classify(w, xs[i]) {
            Sample::Below(_) => 0,
            Sample::Inside { class: Class::Low | Class::Mid, .. } => 1,
            Sample::Inside { .. } => 2,
            Sample::Above(_) => 3,
        };
        hist[bucket] += 1;
    }
    println!("errors={} hist={:?}", errors, hist);
    println!("{:?} -> {:?} -> {}", xs[5], classify(w, xs[5]), out[5]);
    println!("{:?} -> {:?} -> {}", xs[100], classify(w, xs[100]), out[100]);
    println!("{:?}", w);
}
