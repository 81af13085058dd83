#[derive(Debug)]
struct ParseErr {
    pos: usize,
}

#[derive(Debug)]
enum MyErr {
    Parse(usize),
    Negative(i32),
}

impl From<ParseErr> for MyErr {
    fn from(e: ParseErr) -> Self {
        MyErr::Parse(e.pos)
    }
}

fn parse_digit(s: &str) -> Result<i32, ParseErr> {
    let b = s.as_bytes();
    for i in 0..b.len() {
        if b[i] < b'0' || b[i] > b'9' {
            return Err(ParseErr { pos: i });
        }
    }
    let mut n = 0;
    for i in 0..b.len() {
        n = n * 10 + (b[i] - b'0') as i32;
    }
    Ok(n)
}

fn checked(s: &str, k: i32) -> Result<i32, MyErr> {
    let n = parse_digit(s)?;
    let d = n - k;
    if d < 0 {
        return Err(MyErr::Negative(d));
    }
    Ok(d)
}

fn sum(a: &str, b: &str) -> Result<i64, MyErr> {
    let x: i64 = checked(a, 0)?.into();
    let y = i64::from(parse_digit(b)?);
    Ok(x + y)
}

fn main() {
    println!("{:?}", checked("42", 2));
    println!("{:?}", checked("4x2", 2));
    println!("{:?}", checked("3", 5));
    println!("{:?}", sum("10", "20"));
    println!("{:?}", sum("10", "2a"));
    match checked("77", 7) {
        Ok(v) => println!("ok {}", v),
        Err(e) => println!("err {:?}", e),
    }
}
