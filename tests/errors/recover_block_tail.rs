// A block whose tail fails: its value is an error value, the statements after it are checked.
fn main() {
    let x = {
        let base: u8 = 3;
        base.doubled()
    };
    let y = x * 2;
    println!("{}", y.pow(2));
    let z: bool = 0u8;
    println!("{} {}", y, z);
}
