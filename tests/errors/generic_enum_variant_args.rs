enum Opt<T> {
    Some(T),
    None,
}

fn main() {
    let b = Opt::<i32>::None::<f32>;
    let _ = b;
}
