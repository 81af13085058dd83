// `sort` needs `Ord`: floats only have `PartialOrd` (rustc's E0277).
fn main() {
    let mut v = vec![2.5f64, 1.0, 3.0];
    v.sort();
    println!("{}", v[0]);
}
