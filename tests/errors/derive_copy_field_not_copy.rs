struct V {
    x: i32,
}

#[derive(Clone, Copy)]
struct S {
    a: i32,
    v: V,
}

fn main() {
    let s = S { a: 1, v: V { x: 2 } };
    let _ = s.a + s.v.x;
}
