struct P {
    x: i32,
}

fn zero<T: Default>() -> T {
    T::default()
}

fn main() {
    let p: P = zero();
    let _ = p.x;
}
