fn main() {
    let home = std::env::var("HOME");
    println!("{}", home.is_ok());
}
