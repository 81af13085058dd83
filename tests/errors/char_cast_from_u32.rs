fn main() {
    let n: u32 = 65;
    let c = n as char;
    println!("{c}");
}
