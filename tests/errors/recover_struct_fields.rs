// Errors in two fields of one struct literal (and of an enum variant's): all are reported.
struct Point {
    x: u32,
    y: u32,
}

enum Shape {
    Rect { w: u32, h: u32 },
}

fn main() {
    let v: Vec<u32> = vec![1];
    let p = Point { x: v.nothing(), y: missing_y };
    let s = Shape::Rect { w: true, h: p.x };
    let Shape::Rect { w, h } = s;
    println!("{} {} {}", p.y, w, h);
}
