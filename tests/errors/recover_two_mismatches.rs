// Two independent type errors in one body: both are reported.
fn main() {
    let count: i32 = "three";
    let ratio: f64 = 2.0;
    let flag: bool = ratio;
    println!("{} {}", count, flag);
}
