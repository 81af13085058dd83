struct Pair<T> {
    a: T,
    b: T,
}

fn first(p: Pair<i32, i32>) -> i32 {
    p.a
}

fn main() {}
