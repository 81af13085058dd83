fn main() {
    let xs = [1.0f32, 2.0, 3.0];
    let i: i32 = 1;
    println!("{}", xs[i]);
}
