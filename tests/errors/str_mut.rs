fn shout(s: &mut str) {
    let _ = s;
}
fn main() {
    println!("{}", 1);
}
