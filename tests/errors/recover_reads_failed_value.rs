// Statements reading a failed statement's value still report their own independent errors.
struct Point {
    x: i32,
    y: i32,
}

fn main() {
    let v = missing_value;
    println!("{} {}", v, undefined_helper(3));
    let p = Point { x: 1, y: 2 };
    let pair = (v, p.depth);
    let ok: u32 = 5;
    println!("{} {}", ok, p.x + p.y);
}
