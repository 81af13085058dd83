trait Zero {
    fn zero() -> Self;
}

impl Zero for i32 {
    fn zero() -> i32 {
        0
    }
}

fn make<T: Zero>() -> T {
    T::zero()
}

fn main() {
    make();
}
