//! `collect()` of closures that call functions and constructors and capture
//! locals, into a `let` type and a function's return type.
#[derive(Debug, Clone, Copy)]
struct P {
    x: i32,
}

impl P {
    fn new(x: i32) -> P {
        P { x: x * 10 }
    }
}

fn f(w: i32) -> i64 {
    w as i64 * 3
}

fn scale(v: &[f64], k: usize) -> Vec<f64> {
    v.iter().map(|x| x / k as f64).collect()
}

fn offsets(v: &[i32], base: i32) -> Vec<P> {
    v.iter().map(|&x| P::new(x + base)).collect()
}

fn main() {
    let v = vec![1i32, 2, 3];
    let w: Vec<i64> = v.iter().map(|&w| f(w)).collect();
    println!("{:?}", w);
    let ps: Vec<P> = v.clone().into_iter().map(|x| P::new(x)).collect();
    println!("{:?}", ps);
    println!("{:?}", scale(&[1.0, 2.0, 3.0], 2));
    println!("{:?}", offsets(&v, 5));
    let k = 4usize;
    let halves: Vec<f64> = [8.0, 2.0].iter().map(|x| x / k as f64).collect();
    println!("{:?}", halves);
}
