fn main() {
    let n: usize = std::env::args().count();
    println!("{}", n);
}
