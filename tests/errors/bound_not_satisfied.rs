trait Real: Copy {
    fn root(self) -> Self;
}

impl Real for f32 {
    fn root(self) -> Self {
        self.sqrt()
    }
}

fn norm<T: Real>(x: T) -> T {
    x.root()
}

fn main() {
    println!("{}", norm(2.0f64));
}
