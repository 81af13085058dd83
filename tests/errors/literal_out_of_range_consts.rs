const A: i8 = 128;
const B: i8 = -129;
const C: u16 = 70000;
const D: i32 = -2147483648;

fn main() {
    println!("{} {} {} {}", A, B, C, D);
}
