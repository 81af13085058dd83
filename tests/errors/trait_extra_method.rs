trait Area {
    fn area(&self) -> f64;
}

struct Square {
    side: f64,
}

impl Area for Square {
    fn area(&self) -> f64 {
        self.side * self.side
    }
    fn perimeter(&self) -> f64 {
        4.0 * self.side
    }
}

fn main() {}
