fn main() {
    let b = Box::new(3);
    println!("{}", b);
}
