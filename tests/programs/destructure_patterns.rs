// Destructuring: `let` with tuples, structs, tuple structs, arrays and
// nested patterns (`_`, `..`), patterns in function and method
// parameters, and match arms binding whole values with `name @ pattern`.

#[derive(Clone, Copy, Debug)]
struct Vec2 {
    x: f32,
    y: f32,
}

#[derive(Clone, Copy, Debug)]
struct Segment(Vec2, Vec2);

#[derive(Clone, Copy, Debug)]
struct Body {
    pos: Vec2,
    vel: Vec2,
    mass: f32,
}

fn dot((ax, ay): (f32, f32), Vec2 { x, y }: Vec2) -> f32 {
    ax * x + ay * y
}

fn length(Segment(a, b): Segment) -> f32 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    (dx * dx + dy * dy).sqrt()
}

impl Body {
    fn step(&mut self, (ax, ay): (f32, f32), dt: f32) {
        let Body { pos, vel, .. } = self;
        vel.x += ax * dt;
        vel.y += ay * dt;
        pos.x += vel.x * dt;
        pos.y += vel.y * dt;
    }
}

fn main() {
    let (a, b) = (3, 4.5);
    let ((c, d), e) = ((1u8, true), -2i64);
    println!("{} {} {} {} {}", a, b, c, d, e);
    let v = Vec2 { x: 1.0, y: 2.0 };
    let Vec2 { x, y: why } = v;
    println!("{} {}", x, why);
    let seg = Segment(Vec2 { x: 0.0, y: 0.0 }, Vec2 { x: 3.0, y: 4.0 });
    let Segment(start, Vec2 { x: ex, .. }) = seg;
    println!("{:?} {} len {}", start, ex, length(seg));
    println!("dot {}", dot((2.0, 0.5), v));
    let [first, _, third] = [10, 20, 30];
    let [head, ..] = [1.5f64, 2.5, 3.5, 4.5];
    let [.., tail] = [7u16, 8, 9];
    println!("{} {} {} {}", first, third, head, tail);
    let mut body = Body { pos: Vec2 { x: 0.0, y: 10.0 }, vel: Vec2 { x: 1.0, y: 0.0 }, mass: 2.0 };
    for _ in 0..4 {
        body.step((0.0, -9.8), 0.1);
    }
    let Body { pos: Vec2 { x: px, y: py }, mass, .. } = body;
    println!("{:.4} {:.4} {}", px, py, mass);
    let pairs = [(1, 2), (3, 3), (5, 0)];
    for i in 0..3 {
        let msg = match pairs[i] {
            p @ (a, b) if a == b => p.0 * 100,
            (a, b @ 1..=9) => a * 10 + b,
            whole => whole.0 - whole.1,
        };
        print!("{} ", msg);
    }
    println!();
    let (mut m, n) = (1, 2);
    m += n;
    println!("{}", m);
}
