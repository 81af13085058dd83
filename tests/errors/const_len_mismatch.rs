fn dot<const N: usize>(a: [f32; N], b: [f32; N]) -> f32 {
    let mut s = 0.0;
    for i in 0..N {
        s += a[i] * b[i];
    }
    s
}

fn main() {
    println!("{}", dot([1.0, 2.0], [3.0, 4.0, 5.0]));
}
