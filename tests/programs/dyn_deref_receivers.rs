trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> String {
        String::from("shape")
    }
}
struct Sq(f64);
struct Circle(f64);
impl Shape for Sq {
    fn area(&self) -> f64 { self.0 * self.0 }
    fn name(&self) -> String { String::from("square") }
}
impl Shape for Circle {
    fn area(&self) -> f64 { 3.0 * self.0 * self.0 }
}
fn main() {
    let b: Box<dyn Shape> = Box::new(Sq(2.0));
    println!("{}", (*b).area());
    let r: &dyn Shape = &Circle(1.0);
    println!("{} {}", (*r).area(), (*r).name());
    let rr: &dyn Shape = &*b;
    println!("{}", rr.name());
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Sq(1.0)), Box::new(Circle(2.0)), Box::new(Sq(3.0))];
    let total: f64 = shapes.iter().map(|s| s.area()).sum();
    println!("{}", total);
    let mut t = 0.0;
    for s in shapes.iter() {
        t += s.area();
        println!("{}", s.name());
    }
    println!("{}", t);
}
