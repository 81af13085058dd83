// `*b` of a trait object as a value is unsized (rustc's E0277; hybridc points at
// `*b`, rustc at the binding): only `(*b).m()` and `&*b` take it.
trait Shape {
    fn area(&self) -> f64;
}
struct Sq(f64);
impl Shape for Sq {
    fn area(&self) -> f64 {
        self.0 * self.0
    }
}
fn show(s: &dyn Shape) -> f64 {
    s.area()
}
fn main() {
    let b: Box<dyn Shape> = Box::new(Sq(2.0));
    let v = show(&*b);
    let x = *b;
    println!("{}", v);
}
