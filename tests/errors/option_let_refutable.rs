// E0005 of a library enum: the type is named as rustc names it (`Option<i32>`).
fn main() {
    let x: Option<i32> = Some(3);
    let Some(v) = x;
    println!("{}", v);
}
