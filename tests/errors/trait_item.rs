trait Area {
    fn area(&self) -> f64;
}
fn main() {}
