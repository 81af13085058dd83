enum Msg { Move(i32), Stay(i32), Quit }
fn main() {
    let m = Msg::Move(3);
    match m {
        Msg::Move(x) | Msg::Stay(y) => println!("{}", x),
        Msg::Quit => println!("quit"),
    }
}
