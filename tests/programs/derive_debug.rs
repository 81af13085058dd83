// `#[derive(Debug)]` on structs, tuple structs, unit structs and enums:
// `{:?}` and `{:#?}` print what rustc's derived impls print, nested in
// tuples and arrays, with width and precision passed to the fields.

#[derive(Debug, Clone, Copy)]
struct Point {
    x: f64,
    y: i32,
}

#[derive(Debug)]
struct Pair(u8, bool);

#[derive(Debug, Clone, Copy)]
struct Unit;

#[derive(Debug, Clone, Copy)]
struct Empty {}

#[derive(Debug, Clone, Copy)]
enum Op {
    Add,
    Mul(i32),
    Shift { by: u32, left: bool },
    Pair(Point, f32),
}

#[derive(Debug)]
struct Program {
    ops: [Op; 3],
    origin: Point,
    tag: (i16, Unit),
    flags: [bool; 2],
}

fn main() {
    let p = Point { x: 1.5, y: -2 };
    println!("{:?}", p);
    println!("{:?} {:?} {:?}", Pair(7, true), Unit, Empty {});
    let ops = [Op::Add, Op::Mul(3), Op::Shift { by: 2, left: false }, Op::Pair(p, 0.25)];
    for i in 0..4 {
        println!("op {:?}!", ops[i]);
    }
    let prog = Program { ops: [ops[1], ops[2], ops[3]], origin: p, tag: (-4, Unit), flags: [true, false] };
    println!("{:?}", prog);
    println!("{:#?}", prog);
    println!("{:#?}", Pair(1, false));
    println!("{:#?} {:#?}", Unit, ops[0]);
    println!("{:?} {:?}", (1, 2.0), [Unit, Unit]);
    println!("{:5?}|{:<4?}|", p, Pair(3, true));
    println!("{:.2?}", Point { x: 3.14159, y: 1 });
    let r = &p;
    println!("{:?}", r);
    println!("{p:?} and {:?}", ops[1]);
}
