// rustc: a literal beyond u128::MAX is an error (found before syn parses it: quadratic there)
fn main() {
    let x = 123456789012345678901234567890123456789012345;
    println!("{}", x);
}
