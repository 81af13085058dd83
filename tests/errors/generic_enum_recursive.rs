enum List<T> {
    Cons(T, List<T>),
    Nil,
}

fn main() {
    let _l: List<i32> = List::Nil;
}
