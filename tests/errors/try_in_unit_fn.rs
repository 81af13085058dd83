fn f() -> Option<i32> { None }
fn main() {
    let x = f()?;
    println!("{}", x);
}
