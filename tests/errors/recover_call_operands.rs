// Two errors inside one call's arguments: both are reported, in order.
fn add(a: usize, b: usize) -> usize {
    a + b
}

fn main() {
    let v: Vec<i32> = vec![1, 2, 3];
    let n = add(v.quux(), count_of(&v));
    println!("{}", n);
}
