fn main() {
    let s = "héllo";
    for c in s.chars() {
        println!("{}", c);
    }
}
