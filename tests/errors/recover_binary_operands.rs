// Errors in both operands of a binary operator (and of `&&`): each is reported, in order.
fn main() {
    let v: Vec<i32> = vec![1, 2, 3];
    let n = v.quux() + count_of(&v);
    let both = v.blorp() && missing_flag();
    println!("{} {}", n, both);
}
