trait Area {
    fn area(&self) -> f64;
    fn name(&self) -> i32;
}

struct Square {
    side: f64,
}

impl Area for Square {
    fn area(&self) -> f64 {
        self.side * self.side
    }
}

fn main() {}
