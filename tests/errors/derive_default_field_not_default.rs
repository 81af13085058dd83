struct Inner {
    v: i32,
}

#[derive(Default)]
struct Outer {
    a: i32,
    inner: Inner,
}

fn main() {
    let o = Outer::default();
    let _ = o.a + o.inner.v;
}
