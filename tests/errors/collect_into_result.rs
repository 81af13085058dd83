// `collect()` into a `Result` known only after the call (the call is lowered
// as a `collect_vec` already): "not supported yet" instead of a false E0277.
fn main() {
    let r = "1,2".split(',').map(str::parse::<i32>).collect();
    let v: Result<Vec<i32>, _> = r;
    println!("{:?}", v);
}
