fn main() {
    let x = square!(3);
    println!("{}", x);
}
