#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// More adapters in device code, one thread per row: `for x in &row`, an
// array by value, chain, step_by, skip, find, position, min, peekable and
// a `(1..=k).sum::<u32>()` whose literals are typed by the bound.
fn stencil(row: &[i32]) -> i32 {
    let weights = [1, 2, 1];
    let mut best = i32::MIN;
    for start in 0..row.len() - 2 {
        let mut s = 0;
        for (w, x) in weights.into_iter().zip(&row[start..start + 3]) {
            s += w * x;
        }
        if s > best {
            best = s;
        }
    }
    best
}

fn summary(row: &[i32]) -> i32 {
    let mut total = 0;
    for x in &row[..4] {
        total += *x;
    }
    let evens: i32 = row.iter().step_by(2).chain(row.iter().skip(row.len() - 2)).sum();
    let first_big = match row.iter().find(|x| **x > 20) {
        Some(x) => *x,
        None => -1,
    };
    let pos = match row.iter().position(|&x| x < 3) {
        Some(p) => p as i32,
        None => -1,
    };
    let low = *row.iter().min().unwrap_or(&0);
    total + evens * 3 + first_big * 5 + pos * 7 + low * 11
}

fn runs(row: &[i32]) -> u32 {
    // the number of runs of equal neighbours
    let mut it = row.iter().peekable();
    let mut n = 0u32;
    while let Some(x) = it.next() {
        if let Some(&&next) = it.peek() {
            if next != *x {
                n += 1;
            }
        }
    }
    n + (1..=(row.len() as u32 % 5)).sum::<u32>()
}

#[offload_kernel]
fn rows(n: usize, width: usize, a: &[i32], out: &mut [i32], counts: &mut [u32]) {
    let r = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if r < n {
        let row = &a[r * width..(r + 1) * width];
        out[2 * r] = stencil(row);
        out[2 * r + 1] = summary(row);
        counts[r] = runs(row);
    }
}

fn main() {
    let (n, width) = (150usize, 16usize);
    let a: Vec<i32> = (0..n * width).map(|i| ((i * 7 + i / 5) % 26) as i32 - 2).collect();
    let mut out = vec![0i32; 2 * n];
    let mut counts = vec![0u32; n];
    core::intrinsics::offload(rows, [2, 1, 1], [128, 1, 1], (n, width, &a, &mut out, &mut counts));
    let mut errors = 0;
    for r in 0..n {
        let row = &a[r * width..(r + 1) * width];
        if out[2 * r] != stencil(row) || out[2 * r + 1] != summary(row) || counts[r] != runs(row) {
            errors += 1;
        }
    }
    let checksum: i64 = out.iter().map(|&x| x as i64).sum();
    let count_sum: u32 = counts.iter().sum();
    let best = out.iter().step_by(2).max().unwrap_or(&0);
    println!("errors={} checksum={} counts={} best stencil={}", errors, checksum, count_sum, best);
    println!("row 3: {} {} {}", out[6], out[7], counts[3]);
}
