// Closure parameters with patterns (`|(i, x)|`, `|&x|`, `|&(a, b)|`) over
// enumerate() and zip() items, and arithmetic between references and
// values of primitive numbers (`x * 2.0` with `x: &f32`, `&a + &b`), as
// rustc's `impl Mul<f32> for &f32` and friends; checked by hand.
fn main() {
    let v = [1.5f32, -2.0, 4.0, 0.25];
    let doubled: f32 = v.iter().map(|x| x * 2.0).sum();
    let squares = v.iter().map(|x| x * x).sum::<f32>();
    let by_value: f32 = v.iter().map(|&x| x + 1.0).sum();
    let weighted: f32 = v.iter().enumerate().map(|(i, x)| x * i as f32).sum();
    let mut check = [0.0f32; 4];
    for i in 0..4 {
        check[0] += v[i] * 2.0;
        check[1] += v[i] * v[i];
        check[2] += v[i] + 1.0;
        check[3] += v[i] * i as f32;
    }
    println!("{} {} {} {}", doubled, squares, by_value, weighted);
    println!("{}", doubled == check[0] && squares == check[1] && by_value == check[2] && weighted == check[3]);
    let pairs = [(1u32, 10u32), (2, 20), (3, 30)];
    let s: u32 = pairs.iter().map(|&(a, b)| a * b).sum();
    let t: u32 = pairs.iter().map(|(a, b)| a + b).sum();
    let firsts = pairs.iter().filter(|&&(a, _)| a != 2).map(|(a, _)| *a).fold(0, |acc, a| acc * 10 + a);
    println!("{} {} {}", s, t, firsts);
    let names = [7i64, -3, 12];
    let idx = names.iter().enumerate().filter(|(_, &n)| n > 0).map(|(i, _)| i).fold(0, |a, i| a + i);
    let zipped: i64 = names.iter().zip(pairs.iter()).map(|(n, &(a, _))| n * a as i64).sum();
    println!("{} {}", idx, zipped);
    let a = 3i32;
    let b = 4i32;
    let (ra, rb) = (&a, &b);
    println!("{} {} {} {} {}", ra + b, a * rb, ra - rb, -ra, ra % rb);
    let f = |(x, y): (f64, f64)| x * y;
    println!("{}", f((1.5, 4.0)));
}
