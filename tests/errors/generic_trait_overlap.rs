trait Mix<Rhs> {
    fn mix(self, r: Rhs) -> f64;
}

impl Mix<i32> for f64 {
    fn mix(self, r: i32) -> f64 {
        self + r as f64
    }
}

impl Mix<i32> for f64 {
    fn mix(self, r: i32) -> f64 {
        self - r as f64
    }
}

fn main() {}
