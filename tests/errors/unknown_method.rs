fn main() {
    let x = 2.0f64;
    println!("{}", x.cube());
}
