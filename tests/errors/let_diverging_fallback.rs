// rustc: E0277; a diverging initializer's type falls back to () (was an internal error in Cranelift)
fn main() {
    let x = loop {};
    let y: i32 = x + 1;
    println!("{}", y);
}
