struct Meters(f64);
fn main() {
    let m = Meters(2.5);
    println!("{:?}", m);
}
