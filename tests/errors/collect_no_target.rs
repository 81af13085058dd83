fn main() {
    let v = (0..3).map(|x| x * 2).collect();
    println!("{}", 1);
}
