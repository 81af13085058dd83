// Const generic arguments inferred from array lengths: by value, through
// references, mixed with type parameters, and from the expected type.
use std::ops::{Add, Mul};

fn sum<const N: usize>(a: [f32; N]) -> f32 {
    let mut s = 0.0;
    for i in 0..N {
        s += a[i];
    }
    s
}

fn len_of<T: Copy, const N: usize>(_a: &[T; N]) -> usize {
    N
}

fn scale<const N: usize>(a: &mut [f64; N], k: f64) {
    for i in 0..N {
        a[i] *= k;
    }
}

fn dot<T: Copy + Add<Output = T> + Mul<Output = T>, const N: usize>(a: &[T; N], b: &[T; N]) -> T {
    let mut s = a[0] * b[0];
    for i in 1..N {
        s = s + a[i] * b[i];
    }
    s
}

fn zeros<const N: usize>() -> [f32; N] {
    [0.0; N]
}

fn twice<const N: usize>(a: [f32; N]) -> f32 {
    // a const parameter passed on to another generic function
    sum(a) * 2.0
}

fn first_last<T: Copy, const N: usize>(a: [T; N]) -> (T, T) {
    (a[0], a[N - 1])
}

fn main() {
    println!("{} {}", sum([1.0, 2.0]), sum([1.0, 2.0, 3.0]));
    let v = [1u8, 2, 3, 4, 5];
    println!("{} {}", len_of(&v), len_of(&[0.5f32; 7]));
    let mut w = [1.0, 2.0, 3.0];
    scale(&mut w, 1.5);
    println!("{:?}", w);
    println!("{} {}", dot(&[1, 2, 3], &[4, 5, 6]), dot(&[0.5f32, 2.0], &[4.0, 0.25]));
    let z: [f32; 4] = zeros();
    println!("{} {}", z.len(), sum(z));
    let y = zeros();
    let n: f32 = twice(y) + sum::<3>(y);
    println!("{}", n);
    println!("{}", twice([2.5, 0.5, 1.0, 4.0]));
    let (a, b) = first_last([7i64, 8, 9]);
    println!("{} {}", a, b);
    println!("{:?}", first_last([true, false]));
}
