// Struct literal fields are evaluated in the order written, not declaration
// order; with struct update syntax the base comes after the written fields.
#[derive(Debug, Clone, Copy)]
struct P {
    a: i32,
    b: i32,
    c: i32,
}

#[derive(Debug)]
enum Shape {
    Rect { w: i32, h: i32 },
}

#[derive(Debug)]
struct G<T> {
    x: T,
    y: T,
}

fn f(name: u8, v: i32, log: &mut Vec<i32>) -> i32 {
    println!("eval {}", name - b'a');
    log.push(v);
    v
}

fn base(log: &mut Vec<i32>) -> P {
    println!("eval base");
    log.push(0);
    P { a: 100, b: 200, c: 300 }
}

fn main() {
    let mut log = Vec::new();
    let p = P { c: f(b'c', 3, &mut log), a: f(b'a', 1, &mut log), b: f(b'b', 2, &mut log) };
    println!("{:?}", p);
    let q = P { b: f(b'b', 20, &mut log), ..base(&mut log) };
    println!("{:?}", q);
    let r = P { c: f(b'c', 30, &mut log), a: f(b'a', 10, &mut log), ..base(&mut log) };
    println!("{:?}", r);
    let s = Shape::Rect { h: f(b'h', 5, &mut log), w: f(b'w', 6, &mut log) };
    println!("{:?}", s);
    let g = G { y: f(b'y', 7, &mut log), x: f(b'x', 8, &mut log) };
    println!("{:?}", g);
    let mut n = 0;
    let t = P { b: { n += 1; n }, c: { n *= 10; n }, a: { n += 5; n } };
    println!("{:?} {:?}", t, log);
}
