trait Mix<Rhs> {
    fn mix(self, r: Rhs) -> f64;
}

impl Mix for f64 {
    fn mix(self, r: f64) -> f64 {
        self * r
    }
}

fn main() {}
