#[derive(PartialOrd)]
struct A {
    x: i32,
}
fn main() {
    let a = A { x: 1 };
    let b = A { x: 2 };
    println!("{}", a < b);
}
