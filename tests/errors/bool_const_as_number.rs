// rustc: a bool const used as a number is a type error (E0369 there)
const FLAG: bool = true;
fn main() {
    let x: i32 = FLAG + 1;
    println!("{}", x);
}
