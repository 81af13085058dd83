trait Shape {
    type Out;
    fn area(&self) -> Self::Out;
}

struct Sq(f32);

impl Shape for Sq {
    type Out = f32;
    type Extra = i32;
    fn area(&self) -> f32 {
        self.0 * self.0
    }
}

fn main() {
    println!("{}", Sq(2.0).area());
}
