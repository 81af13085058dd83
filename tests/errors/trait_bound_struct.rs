trait Shape {
    fn area(&self) -> f64;
}

struct Circle {
    r: f64,
}

fn total<S: Shape>(s: &S) -> f64 {
    s.area()
}

fn main() {
    let c = Circle { r: 1.0 };
    println!("{}", total(&c));
}
