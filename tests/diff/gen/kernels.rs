//! Kernel programs: one to three `#[offload_kernel]`s, each mapping an element expression over
//! slices (`x: &[T]` in, `y: &mut [U]` in and out, a scalar by value), launched over a grid
//! that covers `n` (often with spare threads), and compared in the program against a host loop
//! over the same expression; any difference prints a `KERNEL-MISMATCH` line.

use super::{Gen, Ty};

/// The body of `main` of a kernel program (the kernels and helpers go to `g.items`).
pub fn kernel_main(g: &mut Gen) -> String {
    for _ in 0..g.rng.range(0, 2) {
        super::scalars::const_item(g);
    }
    g.device = true;
    for _ in 0..g.rng.range(0, 3) {
        super::functions::scalar_fn(g);
    }
    g.device = false;
    let mut body = String::new();
    for _ in 0..g.rng.range(1, 3) {
        body.push_str(&kernel_case(g));
    }
    body
}

/// Comparison of two values of type `ty` that treats all NaNs alike (GPUs produce other NaN
/// payloads than x86).
fn same(ty: Ty, a: &str, b: &str) -> String {
    if ty.is_float() {
        format!("({a} == {b} || ({a}.is_nan() && {b}.is_nan()))")
    } else {
        format!("({a} == {b})")
    }
}

/// One kernel, its host reference and the code in `main` that launches and checks it.
fn kernel_case(g: &mut Gen) -> String {
    let kname = g.fresh("kern");
    let rname = format!("{kname}_host");
    let tx = g.num_ty();
    let ty_ = g.num_ty();
    let ta = g.scalar_ty();
    let (x, y, a) = (tx.name(), ty_.name(), ta.name());
    // The element expression, over xi, a, i (usize) and yi.
    g.device = true;
    let elem = g.with_new_body(|g| {
        g.declare("xi", tx, false);
        g.declare("a", ta, false);
        g.declare("i", Ty::Usize, false);
        g.declare("yi", ty_, false);
        g.budget = 14;
        g.expr(ty_, 4)
    });
    g.device = false;
    let tid = "(core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x() + core::arch::nvptx::_thread_idx_x()) as usize";
    g.items.push(format!(
        "#[offload_kernel]\nfn {kname}(n: usize, a: {a}, x: &[{x}], y: &mut [{y}]) {{\n    let i = {tid};\n    if i < n {{\n        let xi = x[i];\n        let yi = y[i];\n        y[i] = {elem};\n    }}\n}}\nfn {rname}(n: usize, a: {a}, x: &[{x}], y: &mut [{y}]) {{\n    for i in 0..n {{\n        let xi = x[i];\n        let yi = y[i];\n        y[i] = {elem};\n    }}\n}}"
    ));
    let n = g.rng.range(1, 1500);
    let threads = *g.rng.pick(&[1u32, 32, 64, 128, 256]);
    let spare = g.rng.range(0, 2) as u32;
    let blocks = (n as u32).div_ceil(threads) + spare;
    g.budget = 8;
    let av = g.expr(ta, 2);
    let xs = g.fresh("xs");
    let ys = g.fresh("ys");
    let yr = g.fresh("yr");
    // Inputs: element i from a generated expression over i.
    let xe = g.with_new_body(|g| {
        g.declare("i", Ty::Usize, false);
        g.budget = 6;
        g.expr(tx, 2)
    });
    let ye = g.with_new_body(|g| {
        g.declare("i", Ty::Usize, false);
        g.budget = 6;
        g.expr(ty_, 2)
    });
    let cmp = same(ty_, &format!("{ys}[i]"), &format!("{yr}[i]"));
    format!(
        "    {{\n        let n: usize = {n};\n        let a: {a} = {av};\n        let {xs}: Vec<{x}> = (0..n).map(|i: usize| {xe}).collect();\n        let mut {ys}: Vec<{y}> = (0..n).map(|i: usize| {ye}).collect();\n        let mut {yr} = {ys}.clone();\n        core::intrinsics::offload({kname}, [{blocks}, 1, 1], [{threads}, 1, 1], (n, a, &{xs}, &mut {ys}));\n        {rname}(n, a, &{xs}, &mut {yr});\n        let mut bad = 0usize;\n        for i in 0..n {{\n            if !{cmp} {{\n                bad += 1;\n                if bad <= 3 {{ println!(\"KERNEL-MISMATCH {kname} i={{}} device={{:?}} host={{:?}}\", i, {ys}[i], {yr}[i]); }}\n            }}\n        }}\n        println!(\"{kname} n={{}} bad={{}} first={{:?}} last={{:?}}\", n, bad, {ys}[0], {ys}[n - 1]);\n    }}\n"
    )
}
