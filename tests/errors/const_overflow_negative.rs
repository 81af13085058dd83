// rustc: E0080, the failed operation named with its operands in their type
const E: i16 = -i16::MAX - 2;

fn main() {
    println!("{}", E);
}
