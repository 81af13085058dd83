trait Real: Copy {
    fn root(self) -> Self;
}

impl Real for f32 {
    fn root(self) -> f32 {
        self.sqrt()
    }
}

fn norm<T: Real>(x: T) -> T {
    x.root()
}

fn twice<T: Copy>(x: T) -> T {
    norm(x)
}

fn main() {
    println!("{}", twice(4.0f32));
}
