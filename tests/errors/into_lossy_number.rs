fn main() {
    let x: i64 = 5;
    let y: i32 = x.into();
    println!("{}", y);
}
