fn main() {
    let a: i16 = -32768;
    let x: i32 = 3000000000;
    println!("{} {}", a, x);
}
