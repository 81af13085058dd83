struct S {
    len: i32,
}

fn g<T: Copy>(x: T) -> i32 {
    x.len
}

fn main() {
    let _ = S { len: 1 };
}
