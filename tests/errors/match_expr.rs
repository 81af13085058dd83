fn main() {
    let x = 3;
    let y = match x {
        0 => 1,
        _ => 2,
    };
    println!("{}", y);
}
