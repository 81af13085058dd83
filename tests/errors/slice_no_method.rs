// A method slices do not have (rustc's E0599).
fn main() {
    let a = [1, 2, 3];
    let s = &a[..];
    println!("{}", s.frobnicate());
}
