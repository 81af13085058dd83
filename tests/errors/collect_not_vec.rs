fn main() {
    let v: i32 = (0..3).collect();
    println!("{}", v);
}
