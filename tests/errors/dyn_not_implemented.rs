trait Shape {
    fn area(&self) -> f32;
}

struct Sq(f32);
struct Tri(f32);

impl Shape for Sq {
    fn area(&self) -> f32 {
        self.0 * self.0
    }
}

fn show(s: &dyn Shape) {
    println!("{}", s.area());
}

fn main() {
    show(&Sq(1.0));
    show(&Tri(2.0));
}
