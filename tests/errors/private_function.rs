mod math {
    fn square(x: f32) -> f32 {
        x * x
    }
}

fn main() {
    let y = math::square(2.0);
}
