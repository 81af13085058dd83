trait Real {
    fn root(self) -> Self;
}

fn norm<T: Copy>(x: T) -> T {
    x.root()
}

fn main() {}
