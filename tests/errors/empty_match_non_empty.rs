struct S { x: i32 }
fn main() {
    let e = S { x: 1 };
    match e {}
}
