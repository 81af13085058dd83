//! Methods of traits every number implements, called on unsuffixed literals: rustc falls back to `i32` / `f64` (no E0689, which is for inherent methods such as `pow`). Expected output from rustc.
fn main() {
    println!("{:?} {:?} {:?}", 1.cmp(&2), (-3).cmp(&-4), 5.cmp(&5));
    println!("{:?} {:?}", 2.5.partial_cmp(&1.0), 0.1.partial_cmp(&0.1));
    println!("{} {} {}", 7.clamp(1, 5), (-7).clamp(-2, 2), 1.5f64.clamp(0.0, 1.0));
    let c = 4.clone() + 1;
    println!("{}", c);
    match Some(3) {
        Some(x) if x > 2 => println!("big {x}"),
        Some(x) => println!("{x}"),
        None => println!("none"),
    }
}
