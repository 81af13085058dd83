#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// Derived PartialOrd, Ord and Default in device code: each thread keeps the
// larger of two records (by the derived lexicographic order), clamps a
// derived-Ord key, and starts from the derived default; checked against the
// same code run on the host.

#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
struct Record {
    score: i32,
    weight: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
enum Grade {
    #[default]
    Low,
    Mid(u8),
    High { bonus: i16 },
}

fn pick(a: Record, b: Record) -> Record {
    if a >= b { a } else { b }
}

fn grade_of(i: usize) -> Grade {
    match i % 3 {
        0 => Grade::Low,
        1 => Grade::Mid((i % 7) as u8),
        _ => Grade::High { bonus: (i % 5) as i16 - 2 },
    }
}

fn step(i: usize, xs: &[Record], ys: &[Record]) -> (Record, Grade) {
    let mut best = Record::default();
    best = pick(best, xs[i]);
    best = pick(best, ys[i]);
    let g = grade_of(i).clamp(Grade::Mid(2), Grade::High { bonus: 0 });
    let g = if g < Grade::default() { Grade::Low } else { g.max(grade_of(i + 1)) };
    (best, g)
}

#[offload_kernel]
fn best_of(n: usize, xs: &[Record], ys: &[Record], out: &mut [Record], grades: &mut [Grade]) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        let (r, g) = step(i, xs, ys);
        out[i] = r;
        grades[i] = g;
    }
}

fn main() {
    let n = 96;
    let mut xs = vec![Record::default(); n];
    let mut ys = vec![Record::default(); n];
    for i in 0..n {
        xs[i] = Record { score: (i % 4) as i32 - 1, weight: (i % 3) as f32 * 0.5 };
        ys[i] = Record { score: (i % 5) as i32 - 2, weight: (i % 7) as f32 * 0.25 };
    }
    let mut out = vec![Record::default(); n];
    let mut grades = vec![Grade::default(); n];
    let blocks = (n as u32 + 31) / 32;
    core::intrinsics::offload(best_of, [blocks, 1, 1], [32, 1, 1], (n, &xs, &ys, &mut out, &mut grades));
    let mut ok = true;
    let mut total = 0.0f32;
    let mut highs = 0;
    for i in 0..n {
        let (r, g) = step(i, &xs, &ys);
        if r != out[i] || g != grades[i] {
            ok = false;
        }
        total += out[i].score as f32 + out[i].weight;
        if let Grade::High { .. } = grades[i] {
            highs += 1;
        }
    }
    println!("{:?} {:?} {:?}", out[0], out[5], out[11]);
    println!("{:?} {:?} {:?}", grades[0], grades[1], grades[2]);
    println!("total {} highs {}", total, highs);
    assert!(ok);
    println!("device matches host");
}
