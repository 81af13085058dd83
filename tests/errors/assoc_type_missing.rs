trait Shape {
    type Out;
    fn area(&self) -> f32;
}

struct Sq(f32);

impl Shape for Sq {
    fn area(&self) -> f32 {
        self.0 * self.0
    }
}

fn main() {
    println!("{}", Sq(2.0).area());
}
