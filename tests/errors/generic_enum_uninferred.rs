enum Opt<T> {
    Some(T),
    None,
}

fn main() {
    let a = Opt::None;
    if let Opt::Some(_) = a {}
}
