enum Opt<T> {
    Some(T),
    None,
}

fn get(o: Opt<i32>) -> i32 {
    match o {
        Opt::Some(x) if x > 0 => x,
        Opt::Some(_) => 0,
    }
}

fn main() {
    println!("{}", get(Opt::Some(1)));
}
