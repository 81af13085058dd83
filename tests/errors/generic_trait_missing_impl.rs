trait Mix<Rhs> {
    fn mix(self, r: Rhs) -> f64;
}

impl Mix<i32> for f64 {
    fn mix(self, r: i32) -> f64 {
        self + r as f64
    }
}

impl Mix<f64> for f64 {
    fn mix(self, r: f64) -> f64 {
        self * r
    }
}

fn main() {
    println!("{}", 2.0f64.mix(3u8));
}
