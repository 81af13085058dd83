fn main() {
    let mut s = String::new();
    s.push('x');
}
