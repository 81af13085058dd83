trait Zero {
    fn zero() -> Self;
}

fn make<T>() -> T {
    T::zero()
}

fn main() {}
