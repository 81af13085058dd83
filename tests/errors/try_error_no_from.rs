#[derive(Debug)]
struct ParseErr;

#[derive(Debug)]
struct MyErr;

fn parse(s: &str) -> Result<i32, ParseErr> {
    if s.is_empty() {
        return Err(ParseErr);
    }
    Ok(1)
}

fn run(s: &str) -> Result<i32, MyErr> {
    let n = parse(s)?;
    Ok(n + 1)
}

fn main() {
    println!("{:?}", run("a"));
}
