enum Opt<T> {
    Some(T),
    None,
}

impl<T> Opt<T> {
    fn get(self) -> T {
        match self {
            Opt::Some(x) => x,
            Opt::None => panic!("none"),
        }
    }
}

fn main() {
    let o = Opt::Some(1);
    println!("{}", o.unwrap_or(2));
}
