// `==` of Vecs of different element types (rustc's E0277).
fn main() {
    let v = vec![1i32, 2];
    let w = vec![1.0f64, 2.0];
    println!("{}", v == w);
}
