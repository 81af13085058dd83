// rustc: E0080, the failed operation named with its operands in their type
const G: i64 = i64::MIN % -1;

fn main() {
    println!("{}", G);
}
