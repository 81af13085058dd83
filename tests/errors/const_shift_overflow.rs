// rustc: E0080, the failed operation named with its operands in their type
const D: i32 = 1 << 40;

fn main() {
    println!("{}", D);
}
