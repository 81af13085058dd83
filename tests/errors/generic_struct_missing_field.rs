struct Pair<T> {
    a: T,
    b: T,
}

fn main() {
    let p = Pair { a: 1 };
    println!("{}", p.a);
}
