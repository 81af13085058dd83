trait Shape {
    fn area(&self) -> f32;
    fn make() -> Self;
}
struct C;
impl Shape for C {
    fn area(&self) -> f32 { 1.0 }
    fn make() -> Self { C }
}
fn main() {
    let c = C;
    let s: &dyn Shape = &c;
    println!("{}", s.area());
}
