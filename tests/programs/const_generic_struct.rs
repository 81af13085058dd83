// Const parameters of structs and impls: a matrix type with its sizes as
// const parameters, transposed into the other shape; const arguments
// inferred from array lengths, also through a field of a generic struct.
#[derive(Clone, Copy, Debug)]
struct Mat<const R: usize, const C: usize> {
    d: [[f32; C]; R],
}

impl<const R: usize, const C: usize> Mat<R, C> {
    fn new() -> Self {
        Mat { d: [[0.0; C]; R] }
    }
    fn from_fn(f: impl Fn(usize, usize) -> f32) -> Self {
        let mut m = Self::new();
        for r in 0..R {
            for c in 0..C {
                m.d[r][c] = f(r, c);
            }
        }
        m
    }
    fn transpose(&self) -> Mat<C, R> {
        let mut t = Mat::<C, R>::new();
        for r in 0..R {
            for c in 0..C {
                t.d[c][r] = self.d[r][c];
            }
        }
        t
    }
    fn rows(&self) -> usize {
        R
    }
    fn cols(&self) -> usize {
        C
    }
}

fn sum<const N: usize>(a: [i32; N]) -> i32 {
    let mut s = 0;
    for i in 0..N {
        s += a[i];
    }
    s
}

struct Buf<T, const N: usize> {
    items: [T; N],
}

fn total<const N: usize>(b: &Buf<i32, N>) -> i32 {
    let mut s = 0;
    for i in 0..N {
        s += b.items[i];
    }
    s
}

fn main() {
    let m = Mat::<2, 3>::from_fn(|r, c| (r * 10 + c) as f32);
    let t = m.transpose();
    println!("{} {} -> {} {}", m.rows(), m.cols(), t.rows(), t.cols());
    println!("{:?}", t.d);
    let z = Mat::<2, 2>::new();
    println!("{:?}", z);
    println!("{}", sum([1, 2, 3, 4]));
    println!("{}", sum([5; 7]));
    let b = Buf { items: [1, 2, 3] };
    println!("{}", total(&b));
}
