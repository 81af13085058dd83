//@ exit-code: 1
//@ stderr: Error: "line 2: bad value \"x\""
// `fn main() -> Result<(), String>`: `?` returns the error from `main`,
// which prints it with Debug on stderr and exits with code 1 (rustc's
// `Termination` for `Result`); output printed before stays.
fn check(line: usize, v: &str) -> Result<i32, String> {
    match v.parse::<i32>() {
        Ok(n) => Ok(n),
        Err(_) => Err(format!("line {}: bad value {:?}", line, v)),
    }
}

fn main() -> Result<(), String> {
    let a = check(1, "10")?;
    println!("first {}", a);
    let b = check(2, "x")?;
    println!("never {}", b);
    Ok(())
}
