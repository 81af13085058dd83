enum Opt<T> {
    Some(T),
    None,
}

fn f(o: Opt) -> bool {
    match o {
        Opt::Some(_) => true,
        Opt::None => false,
    }
}

fn main() {
    println!("{}", f(Opt::Some(1)));
}
