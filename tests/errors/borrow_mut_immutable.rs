fn bump(x: &mut [i32]) {
    x[0] += 1;
}
fn main() {
    let xs = [1, 2, 3];
    bump(&mut xs);
    println!("{}", xs[0]);
}
