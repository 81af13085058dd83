#[derive(Debug, Default)]
struct S {
    pair: (i32, f64),
    arr: [u8; 4],
}
fn main() {
    let t = <(i32, f64)>::default();
    println!("{:?}", t);
    let a: [u8; 4] = Default::default();
    println!("{:?}", a);
    let (x, y, z): (bool, u64, char) = Default::default();
    println!("{} {} {:?}", x, y, z);
    let s = S::default();
    println!("{:?}", s);
    let n: [(i32, bool); 2] = Default::default();
    println!("{:?}", n);
    let st: (String, Vec<i32>) = Default::default();
    println!("{:?}", st);
}
