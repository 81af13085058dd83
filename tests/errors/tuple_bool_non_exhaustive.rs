fn main() {
    let a = true;
    let b = false;
    match (a, b) {
        (true, _) => println!("a"),
        (false, true) => println!("b"),
    }
}
