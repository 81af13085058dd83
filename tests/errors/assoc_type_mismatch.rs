trait Shape {
    type Out;
    fn area(&self) -> Self::Out;
}

struct Sq(f32);

impl Shape for Sq {
    type Out = f32;
    fn area(&self) -> f32 {
        self.0 * self.0
    }
}

fn total<S: Shape<Out = f64>>(s: &S) -> f64 {
    s.area()
}

fn main() {
    println!("{}", total(&Sq(1.0)));
}
