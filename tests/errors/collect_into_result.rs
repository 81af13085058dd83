// `collect()` into a `Result` (rustc's `FromIterator` impl for it needs
// generic impls of generic traits): "not supported yet" instead of a false E0277.
fn main() {
    let r: Result<Vec<i32>, _> = "1,2".split(',').map(str::parse::<i32>).collect();
    println!("{:?}", r);
}
