#!/usr/bin/env python3
"""Generate a synthetic single-source program of N host functions and K kernels.

Every host function has loops, integer and float arithmetic, calls, arrays and
a struct; with --host-only the kernels and offloads are left out, so stock
rustc compiles the same host code (`rustc -C opt-level=0`) for a fair
comparison. The program runs and prints a checksum.

With --generic the N functions are generic over a trait `Num` (implemented
for i64, i32 and f64, with operator bounds) and main instantiates each at
all three types: 3N instances for the mono collector (kernels are generic too).

usage: gen_program.py N K [--host-only] [--no-structs] [--generic] > prog.rs
"""
import argparse

def host_fn(i, structs):
    callee = f"f{i - 1}(x ^ {i % 7}, arr)" if i > 0 else "x"
    pt = ""
    if structs:
        pt = f"""
    let mut p = Pt {{ x: acc as f64, y: {i}.5 }};
    p.x = p.x * 0.5 + p.y;
    acc = acc.wrapping_add(p.x as i64);"""
    return f"""
fn f{i}(x: i64, arr: &mut [i64; 8]) -> i64 {{
    let mut acc = x.wrapping_mul({i % 13 + 3});
    let mut k = 0;
    while k < 8 {{
        arr[k] = arr[k] + (acc & {i % 255 + 1}) + k as i64;
        acc = acc.wrapping_add(arr[k] * {i % 5 + 1});
        k += 1;
    }}
    for j in 0..{i % 4 + 2} {{
        if (acc + j) % 3 == 0 {{
            acc -= j * {i % 11};
        }} else {{
            acc += (j << 2) ^ {i};
        }}
    }}
    let f = (acc % 1000) as f64 * 0.25 + {i}.0;{pt}
    let c = if {i} % 16 == 0 {{ {callee} }} else {{ acc }};
    c.wrapping_add(f as i64)
}}
"""

GENERIC_PRELUDE = """
use std::ops::{Add, Mul, Sub};

trait Num: Copy + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> + PartialOrd {
    fn from_i(i: i64) -> Self;
    fn to_i(self) -> i64;
}

impl Num for i64 {
    fn from_i(i: i64) -> i64 {
        i
    }
    fn to_i(self) -> i64 {
        self
    }
}

impl Num for i32 {
    fn from_i(i: i64) -> i32 {
        (i % 1000) as i32
    }
    fn to_i(self) -> i64 {
        self as i64
    }
}

impl Num for f64 {
    fn from_i(i: i64) -> f64 {
        (i % 1000) as f64 * 0.5
    }
    fn to_i(self) -> i64 {
        self as i64
    }
}
"""

def generic_fn(i):
    callee = f"g{i - 1}(x, arr)" if i > 0 else "x"
    return f"""
fn g{i}<T: Num>(x: T, arr: &mut [T; 8]) -> T {{
    let mut acc = x * T::from_i({i % 13 + 3});
    let mut k = 0;
    while k < 8 {{
        arr[k] = arr[k] + T::from_i({i % 7}) + T::from_i(k as i64);
        if arr[k] > T::from_i(100000) {{
            arr[k] = arr[k] - T::from_i(100000);
        }}
        acc = acc + arr[k];
        k += 1;
    }}
    for j in 0..{i % 4 + 2} {{
        if (acc.to_i() + j) % 3 == 0 {{
            acc = acc - T::from_i(j * {i % 11});
        }} else {{
            acc = acc + T::from_i(j);
        }}
        if acc > T::from_i(1000000) {{
            acc = T::from_i(acc.to_i() % 1000);
        }}
    }}
    if {i} % 16 == 0 {{ {callee} }} else {{ acc }}
}}
"""

def kernel(k):
    return f"""
#[offload_kernel]
fn kernel{k}(n: usize, a: f32, x: &[f32], y: &mut [f32]) {{
    let i = gpu::global_idx_x() as usize;
    if i < n {{
        let mut v = y[i];
        for r in 0..{k % 4 + 1} {{
            v = a * x[i] + v * 0.5 + r as f32;
        }}
        y[i] = v;
    }}
}}
"""

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("k", type=int)
    ap.add_argument("--host-only", action="store_true")
    ap.add_argument("--no-structs", action="store_true")
    ap.add_argument("--generic", action="store_true")
    a = ap.parse_args()
    if a.generic:
        print(generic_program(a.n))
        return
    structs = not a.no_structs
    out = []
    if not a.host_only and a.k > 0:
        out.append("#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]\n")
    out.append("#![allow(unused)]\n")
    if structs:
        out.append("#[derive(Clone, Copy)]\nstruct Pt { x: f64, y: f64 }\n")
    for i in range(a.n):
        out.append(host_fn(i, structs))
    if not a.host_only:
        for k in range(a.k):
            out.append(kernel(k))
    body = ["fn main() {", "    let mut arr = [1i64; 8];", "    let mut total = 0i64;"]
    step = max(1, a.n // 64)
    body.append(f"    let mut i = 0;")
    for i in range(0, a.n, step):
        body.append(f"    total = total.wrapping_add(f{i}({i}, &mut arr));")
    if not a.host_only and a.k > 0:
        body.append("    let n = 1000;")
        body.append("    let x = vec![1.0f32; n];")
        body.append("    let mut y = vec![0.5f32; n];")
        for k in range(a.k):
            body.append(f"    core::intrinsics::offload(kernel{k}, [4, 1, 1], [256, 1, 1], (n, 2.0f32, &x, &mut y));")
        body.append("    println!(\"y0 {}\", y[0]);")
    body.append("    println!(\"checksum {}\", total);")
    body.append("}")
    out.append("\n".join(body) + "\n")
    print("".join(out))

def generic_program(n):
    out = ["#![allow(unused)]\n", GENERIC_PRELUDE]
    for i in range(n):
        out.append(generic_fn(i))
    body = ["fn main() {", "    let mut total = 0i64;"]
    step = max(1, n // 64)
    for i in range(0, n, step):
        body.append(f"    let mut a = [1i64; 8];")
        body.append(f"    total = total.wrapping_add(g{i}({i}i64, &mut a));")
        body.append(f"    let mut b = [1i32; 8];")
        body.append(f"    total = total.wrapping_add(g{i}({i % 1000}i32, &mut b) as i64);")
        body.append(f"    let mut c = [1.0f64; 8];")
        body.append(f"    total = total.wrapping_add(g{i}({i % 1000}.0f64, &mut c) as i64);")
    body.append("    println!(\"checksum {}\", total);")
    body.append("}")
    out.append("\n".join(body) + "\n")
    return "".join(out)

if __name__ == "__main__":
    main()
