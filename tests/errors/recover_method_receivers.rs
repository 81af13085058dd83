// An error in a method call's receiver does not hide one in its arguments.
fn main() {
    let v: Vec<u32> = vec![1, 2];
    let n = v.nothing().max(missing_value);
    println!("{}", n);
}
