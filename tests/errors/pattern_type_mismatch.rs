enum Op { Add, Sub }
fn main() {
    let x = 5i32;
    match x {
        Op::Add => println!("add"),
        _ => println!("other"),
    }
}
