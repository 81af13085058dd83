// rustc: E0080, the failed operation named with its operands in their type
const A: u8 = 200 + 100;

fn main() {
    println!("{}", A);
}
