#[derive(PartialEq)]
struct P {
    x: i32,
}

fn main() {
    let a = P { x: 1 };
    let b = P { x: 2 };
    println!("{}", a < b);
}
