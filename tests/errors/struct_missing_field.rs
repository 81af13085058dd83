struct Point {
    x: f32,
    y: f32,
}
fn main() {
    let p = Point { x: 1.0 };
    println!("{}", p.x);
}
