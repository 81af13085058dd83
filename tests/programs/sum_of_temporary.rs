//! `f().iter().sum()` of a `Vec` returned by a call: the temporary lives until the sum is read (it was freed first).
fn mk() -> Vec<i32> { vec![1, 2, 3] }
fn main() {
    let a: i32 = mk().iter().sum();
    let b: i32 = Some(mk()).unwrap_or(Vec::new()).iter().sum();
    let c: i32 = mk().iter().map(|x| x * 2).sum();
    let o = Some(mk());
    let d: i32 = o.unwrap_or(Vec::new()).iter().sum();
    println!("{} {} {} {}", a, b, c, d);
}
