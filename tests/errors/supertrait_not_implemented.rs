trait Real: Copy {
    fn z() -> Self;
}
struct S {
    a: i32,
}
impl Real for S {
    fn z() -> S {
        S { a: 0 }
    }
}
fn main() {
    let _ = S::z().a;
}
