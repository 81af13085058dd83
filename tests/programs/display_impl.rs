// User `impl fmt::Display` / `impl fmt::Debug`: used by `{}` / `{:?}` in
// `println!` and `format!`, by `to_string()`, inside other impls and
// derived `Debug`; `write!` ignores the placeholder's width (as rustc's),
// `f.pad` applies it.
use std::fmt;

struct Point {
    x: i32,
    y: i32,
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "({}, {})", self.x, self.y)
    }
}

struct Tag(&'static str);

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.0)
    }
}

impl fmt::Debug for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tag<{}>", self.0)
    }
}

struct Segment {
    from: Point,
    to: Point,
}

impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} -> {}", self.from, self.to)?;
        writeln!(f, ";")?;
        write!(f, "len^2 = {}", (self.to.x - self.from.x).pow(2) + (self.to.y - self.from.y).pow(2))
    }
}

#[derive(Debug)]
struct Holder {
    tag: Tag,
    n: u8,
}

enum Shape {
    Circle(f64),
    Square(f64),
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Shape::Circle(r) => write!(f, "circle r={}", r),
            Shape::Square(s) => write!(f, "square s={}", s),
        }
    }
}

fn show<T: fmt::Display>(x: &T) -> String {
    format!("<{}>", x)
}

fn main() {
    let p = Point { x: 1, y: -2 };
    println!("{} [{:>12}] [{:<12}]", p, p, p);
    let t = Tag("ab");
    println!("[{}] [{:>6}] [{:<6}] [{:^6}] {:?}", t, t, t, t, t);
    let s = Segment { from: Point { x: 0, y: 0 }, to: Point { x: 3, y: 4 } };
    println!("{}", s);
    let text = s.to_string();
    println!("{} bytes", text.len());
    println!("{}", p.to_string() + "!");
    let h = Holder { tag: Tag("h"), n: 7 };
    println!("{:?}", h);
    println!("{:#?}", h);
    for sh in [Shape::Circle(1.5), Shape::Square(2.0)] {
        println!("{}", sh);
    }
    println!("{} {}", show(&p), show(&Tag("g")));
    let msg = format!("{}|{:?}", p, t);
    println!("{}", msg);
}
