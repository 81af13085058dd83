fn main() {
    let n: usize = 4;
    let x: f32 = n;
    println!("{}", x);
}
