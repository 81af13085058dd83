fn main() {
    let b: u8 = 7;
    match b {
        300 => println!("big"),
        _ => println!("small"),
    }
}
