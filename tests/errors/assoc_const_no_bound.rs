trait Real: Copy {
    const ZERO: Self;
}

trait Other {}

fn zero<T: Other>() -> T {
    T::ZERO
}

fn main() {}
