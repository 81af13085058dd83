//! Chains of adapters whose closures capture locals and other closures,
//! collected into `Vec`s in return position and with `collect::<Vec<_>>()`.
fn normalize(v: &[f64], k: usize) -> Vec<f64> {
    let offset = 0.5;
    v.iter().map(|x| x / k as f64 + offset).collect()
}

fn apply_all<F: Fn(i64) -> i64>(v: &[i64], f: F) -> Vec<i64> {
    v.iter().map(|&x| f(x)).collect()
}

fn labels(words: &[&str], sep: char) -> Vec<String> {
    let mark = |w: &str| -> String { format!("{w}{sep}") };
    words.iter().map(|w| mark(w)).collect::<Vec<_>>()
}

fn main() {
    println!("{:?}", normalize(&[1.0, 3.0], 4));
    let base = 10i64;
    let add = |x: i64| x + base;
    println!("{:?}", apply_all(&[1, 2, 3], |x| add(x) * 2));
    println!("{:?}", labels(&["a", "bc"], ';'));
    let step = 3usize;
    let idx = (0..10usize).filter(|i| i % step == 0).map(|i| i * step).collect::<Vec<_>>();
    println!("{:?}", idx);
    let pairs: Vec<(usize, i64)> = [4i64, 5, 6].iter().enumerate().map(|(i, &x)| (i * step, add(x))).collect();
    println!("{:?}", pairs);
}
