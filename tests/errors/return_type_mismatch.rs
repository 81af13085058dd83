fn half(x: f64) -> f64 {
    x / 2.0;
}
fn main() {
    println!("{}", half(3.0));
}
