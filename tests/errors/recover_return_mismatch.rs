// A type error in a statement and a wrong type in the function's tail.
fn parse(text: &str) -> usize {
    let first: char = text;
    println!("{}", first);
    text.len() as i64
}

fn main() {
    println!("{}", parse("abc"));
}
