trait Shape {
    fn area(&self) -> f32;
    fn scale<T>(&self, t: T) -> f32;
}
struct C;
impl Shape for C {
    fn area(&self) -> f32 { 1.0 }
    fn scale<T>(&self, _t: T) -> f32 { 2.0 }
}
fn main() {
    let c = C;
    let s: &dyn Shape = &c;
    println!("{}", s.area());
}
