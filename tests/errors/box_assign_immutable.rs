fn main() {
    let b = Box::new(5);
    *b = 6;
    println!("{b}");
}
