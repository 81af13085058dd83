// `sort` of a slice of a struct without `Ord` (rustc's E0277).
#[derive(Clone, Copy)]
struct P {
    x: i32,
}

fn main() {
    let mut ps = [P { x: 2 }, P { x: 1 }];
    ps.sort();
    println!("{}", ps[0].x);
}
