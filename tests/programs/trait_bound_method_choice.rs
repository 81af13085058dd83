//! Two traits give f64 a `score`: a generic function calls the one of its bound (found by tests/diff).
trait A {
    fn score(&self) -> i64;
}
trait B {
    fn score(&self) -> i64;
}
impl A for f64 {
    fn score(&self) -> i64 { 1 }
}
impl B for f64 {
    fn score(&self) -> i64 { 2 }
}
fn show_a<T: A>(x: &T) -> i64 { x.score() }
fn show_b<T>(x: &T) -> i64 where T: B { x.score() }
fn main() {
    println!("{} {}", show_a(&1.0f64), show_b(&1.0f64));
    println!("{} {}", A::score(&1.0f64), <f64 as B>::score(&1.0));
}
