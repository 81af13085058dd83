// Data-carrying enums: tuple and struct variants, methods taking `&self`
// and `self`, matching through references (default binding modes),
// enums holding structs, tuples and arrays, and enums inside structs.

#[derive(Clone, Copy, Debug)]
struct Point {
    x: f64,
    y: f64,
}

#[derive(Clone, Copy, Debug)]
enum Shape {
    Circle { center: Point, radius: f64 },
    Rect(Point, Point),
    Triangle([Point; 3]),
    Segment(Point, (f64, f64)),
    Nothing,
}

impl Shape {
    fn area(&self) -> f64 {
        match self {
            Shape::Circle { radius, .. } => 3.0 * radius * radius,
            Shape::Rect(a, b) => ((b.x - a.x) * (b.y - a.y)).abs(),
            Shape::Triangle(p) => {
                let [a, b, c] = [p[0], p[1], p[2]];
                ((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)).abs() / 2.0
            }
            Shape::Segment(..) | Shape::Nothing => 0.0,
        }
    }
    fn name(self) -> i32 {
        match self {
            Shape::Circle { .. } => 1,
            Shape::Rect(..) => 2,
            Shape::Triangle(_) => 3,
            Shape::Segment(_, _) => 4,
            Shape::Nothing => 5,
        }
    }
    fn translate(&mut self, dx: f64) {
        match self {
            Shape::Circle { center, .. } => center.x += dx,
            Shape::Rect(a, b) => {
                a.x += dx;
                b.x += dx;
            }
            Shape::Triangle(ps) => {
                for i in 0..3 {
                    ps[i].x += dx;
                }
            }
            Shape::Segment(p, _) => p.x += dx,
            Shape::Nothing => {}
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Layer {
    id: u32,
    shape: Shape,
}

fn main() {
    let o = Point { x: 0.0, y: 0.0 };
    let mut layers = [
        Layer { id: 1, shape: Shape::Circle { center: o, radius: 2.0 } },
        Layer { id: 2, shape: Shape::Rect(Point { x: 1.0, y: 1.0 }, Point { x: 4.0, y: 3.0 }) },
        Layer { id: 3, shape: Shape::Triangle([o, Point { x: 4.0, y: 0.0 }, Point { x: 0.0, y: 3.0 }]) },
        Layer { id: 4, shape: Shape::Segment(o, (1.0, 1.0)) },
        Layer { id: 5, shape: Shape::Nothing },
    ];
    let mut total = 0.0;
    for i in 0..5 {
        let l = layers[i];
        total += l.shape.area();
        println!("layer {} kind {} area {}", l.id, l.shape.name(), l.shape.area());
    }
    println!("total {}", total);
    for i in 0..5 {
        layers[i].shape.translate(10.0);
    }
    println!("{:?}", layers[0].shape);
    println!("{:?}", layers[1]);
    println!("{:?}", layers[2].shape);
    println!("{:?} {:?}", layers[3].shape, layers[4].shape);
    if let Shape::Rect(a, _) = &layers[1].shape {
        println!("rect starts at {}", a.x);
    }
}
