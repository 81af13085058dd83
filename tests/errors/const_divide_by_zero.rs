// rustc: E0080, the failed operation named with its operands in their type
const B: i32 = 1 / 0;

fn main() {
    println!("{}", B);
}
