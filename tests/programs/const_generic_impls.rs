// Const generic structs with trait impls (Add), derives, a const parameter
// no field shows, a generic method adding its own const parameter
// (Mat<R, C> x Mat<C, K>), and type and const parameters mixed.
use std::ops::Add;

#[derive(Clone, Copy, Debug, PartialEq)]
struct V<const N: usize> {
    c: [i32; N],
}

impl<const N: usize> Add for V<N> {
    type Output = V<N>;
    fn add(self, o: V<N>) -> V<N> {
        let mut c = [0; N];
        for i in 0..N {
            c[i] = self.c[i] + o.c[i];
        }
        V { c }
    }
}

struct Tag<const K: usize>;

impl<const K: usize> Tag<K> {
    fn k(&self) -> usize {
        K * 2
    }
}

struct Mat<const R: usize, const C: usize> {
    d: [[i64; C]; R],
}

impl<const R: usize, const C: usize> Mat<R, C> {
    fn mul<const K: usize>(&self, o: &Mat<C, K>) -> Mat<R, K> {
        let mut out = Mat { d: [[0; K]; R] };
        for r in 0..R {
            for k in 0..K {
                let mut s = 0;
                for c in 0..C {
                    s += self.d[r][c] * o.d[c][k];
                }
                out.d[r][k] = s;
            }
        }
        out
    }
}

fn size_of_arr<T, const N: usize>(_a: &[T; N]) -> usize {
    N
}

struct Ring<T: Copy, const CAP: usize> {
    buf: [T; CAP],
    len: usize,
}

impl<T: Copy + Default, const CAP: usize> Ring<T, CAP> {
    fn new() -> Self {
        Ring { buf: [T::default(); CAP], len: 0 }
    }
    fn push(&mut self, x: T) -> bool {
        if self.len == CAP {
            return false;
        }
        self.buf[self.len] = x;
        self.len += 1;
        true
    }
    fn capacity(&self) -> usize {
        CAP
    }
}

fn main() {
    let a = V { c: [1, 2, 3] };
    let b = V { c: [10, 20, 30] };
    let s = a + b;
    println!("{:?} {}", s, s == V { c: [11, 22, 33] });
    let d: V<2> = V { c: [7; 2] };
    println!("{:?} {}", d, size_of_arr(&d.c));
    let t = Tag::<21>;
    println!("{}", t.k());
    let m: Mat<2, 3> = Mat { d: [[1, 2, 3], [4, 5, 6]] };
    let n = Mat::<3, 1> { d: [[1], [0], [-1]] };
    let p = m.mul(&n);
    println!("{:?}", p.d);
    let mut r: Ring<f32, 2> = Ring::new();
    println!("{} {} {} {}", r.push(1.5), r.push(2.5), r.push(3.5), r.len);
    println!("{:?} {}", r.buf, r.capacity());
}
