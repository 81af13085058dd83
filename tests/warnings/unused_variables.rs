#![allow(unused_assignments)]
struct P {
    x: i32,
    y: i32,
}

fn helper(a: i32, b: i32) -> i32 {
    a
}

fn main() {
    let mut count = 0;
    count += 1;
    let unused = 5;
    let p = P { x: 1, y: 2 };
    let P { x, y } = p;
    println!("{}", x);
    for i in 0..3 {}
    match 7 {
        v => {}
    }
    let f = |q: i32| 1;
    let _ignored = 3;
    let (a, b) = (1, 2);
    println!("{} {}", f(1) + helper(1, 2), a);
}
