//@ exit-code: 101
//@ stderr: no config value: ParseIntError { kind: InvalidDigit }
// `expect` on `Option` and `Result`: the value, or rustc's panic with the
// message (and the error's Debug for `Result`).
fn main() {
    let v: Option<i32> = Some(3);
    println!("{}", v.expect("a value"));
    let r: Result<u8, String> = Ok(9);
    println!("{}", r.expect("fine"));
    let parsed = "12".parse::<i32>().expect("a number");
    println!("{}", parsed);
    let bad = "1x".parse::<i32>().expect("no config value");
    println!("unreachable {}", bad);
}
