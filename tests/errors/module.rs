mod math {
    pub fn square(x: f32) -> f32 { x * x }
}
fn main() {}
