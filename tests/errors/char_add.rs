fn main() {
    let c = 'a';
    let d = c + 'b';
    println!("{d}");
}
