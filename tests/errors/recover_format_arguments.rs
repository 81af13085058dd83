// Errors in two format arguments and in a tuple struct constructor's arguments.
struct Pair(u8, u8);

fn main() {
    let x = [4u8, 5];
    println!("{} {}", x.halve(), first);
    let p = Pair(second, x.third());
    println!("{}", p.0);
}
