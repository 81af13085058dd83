trait Shape {
    fn area(&self) -> f64;
}

struct Square {
    side: f64,
}

impl Square {
    fn side(&self) -> f64 {
        self.side
    }
}

impl Shape for Square {
    fn area(&self) -> f64 {
        self.side * self.side
    }
}

fn make() -> impl Shape {
    Square { side: 2.0 }
}

fn main() {
    let s = make();
    println!("{}", s.area());
    println!("{}", s.side());
}
