#[derive(Debug, Clone)]
struct Point {
    x: i32,
    y: i32,
    z: i32,
}

struct Never {
    a: u8,
}

struct Pair(u8, u16);

struct Unit;

struct Grid;

impl Grid {
    const N: usize = 3;
}

enum Op {
    Add,
    Mul(u8),
    Neg { v: u8 },
}

#[derive(Debug)]
enum Color {
    Red,
    Green,
    Blue,
}

enum Unused {
    A,
    B,
}

#[derive(PartialEq)]
struct Compared {
    k: u8,
}

#[derive(Default)]
struct Defaulted {
    d: u8,
}

pub struct Public {
    pub shown: u8,
    hidden: u8,
}

struct Written {
    a: u8,
    b: u8,
    c: u8,
}

struct OnlyInDead {
    q: u8,
}

fn dead() -> u8 {
    let o = OnlyInDead { q: 1 };
    o.q
}

fn main() {
    let p = Point { x: 1, y: 2, z: 3 };
    println!("{:?} {}", p, p.x);
    let t = Pair(1, 2);
    println!("{}", t.0);
    let op = Op::Add;
    match op {
        Op::Add => println!("add"),
        _ => {}
    }
    println!("{:?} {}", Color::Red, Grid::N);
    let c = Compared { k: 1 };
    let _c = c;
    let d = Defaulted::default();
    let _d = d;
    let p = Public { shown: 1, hidden: 2 };
    println!("{}", p.shown);
    let mut w = Written { a: 1, b: 2, c: 3 };
    w.a = 5;
    let Written { b, c: _, .. } = w;
    println!("{}", b);
}
