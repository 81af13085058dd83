trait Shape {
    fn area(&self) -> f32;
    fn twice(&self) -> f32
    where
        Self: Sized,
    {
        self.area() * 2.0
    }
}

struct Sq(f32);

impl Shape for Sq {
    fn area(&self) -> f32 {
        self.0 * self.0
    }
}

fn main() {
    let s: &dyn Shape = &Sq(2.0);
    println!("{}", s.twice());
}
