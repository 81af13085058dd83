// `contains` needs `PartialEq` of the elements (rustc's E0277).
struct P {
    x: i32,
}

fn main() {
    let ps = vec![P { x: 1 }];
    let q = P { x: 1 };
    println!("{}", ps.contains(&q));
}
