// Errors inside two arms of a `match`.
fn main() {
    let n = 7;
    match n % 3 {
        0 => {
            let z: u8 = "zero";
            println!("{}", z);
        }
        1 => {
            let o: bool = 1;
            println!("{}", o);
        }
        _ => println!("other"),
    }
}
