fn main() {
    let z: i64 = -9223372036854775809;
    println!("{}", z);
}
