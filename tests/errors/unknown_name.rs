fn main() {
    let x = y;
    println!("{}", x);
}
