#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// The library's Iterator in device code: a strided index iterator over a
// slice, adapters with closures and `for` over it inside a kernel; checked
// against the same function on the host.
struct Strided {
    next: usize,
    end: usize,
    step: usize,
}

impl Iterator for Strided {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let i = self.next;
        self.next += self.step;
        Some(i)
    }
}

fn row_score(x: &[f32], row: usize, width: usize) -> f32 {
    let it = Strided { next: row * width, end: (row + 1) * width, step: 3 };
    let mut s = it.map(|i| x[i] * 2.0).filter(|v| *v > 0.5).fold(0.0, |a, v| a + v);
    for (k, i) in (Strided { next: row * width, end: (row + 1) * width, step: 7 }).enumerate() {
        if k >= 4 {
            break;
        }
        s += x[i];
    }
    s
}

#[offload_kernel]
fn scores(rows: usize, width: usize, x: &[f32], out: &mut [f32]) {
    let r = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if r < rows {
        out[r] = row_score(x, r, width);
    }
}

fn main() {
    let (rows, width) = (200usize, 64usize);
    let mut x = vec![0.0f32; rows * width];
    for i in 0..rows * width {
        x[i] = ((i * 37) % 17) as f32 * 0.125;
    }
    let mut out = vec![0.0f32; rows];
    core::intrinsics::offload(scores, [2, 1, 1], [128, 1, 1], (rows, width, &x, &mut out));
    let mut errors = 0;
    let mut sum = 0.0f64;
    for r in 0..rows {
        if out[r] != row_score(&x, r, width) {
            errors += 1;
        }
        sum += out[r] as f64;
    }
    println!("errors={} sum={:.3} out[0]={} out[199]={}", errors, sum, out[0], out[199]);
}
