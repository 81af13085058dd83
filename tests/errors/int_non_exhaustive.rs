fn main() {
    let n = 7i32;
    let s = match n {
        1 => 10,
        3..=5 => 20,
    };
    println!("{}", s);
}
