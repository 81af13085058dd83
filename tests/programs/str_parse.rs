// `str::parse` into the integer and float types: values, and rustc's
// `ParseIntError` / `ParseFloatError` (Display and Debug).
fn parse_sum(line: &str) -> Result<i64, std::num::ParseIntError> {
    let mut total = 0i64;
    for w in line.split_whitespace() {
        total += w.parse::<i64>()?;
    }
    Ok(total)
}

fn main() {
    let a: i32 = "-42".parse().unwrap();
    let b = "42".parse::<u32>().unwrap();
    let c: usize = "  7 ".trim().parse().unwrap();
    let d = "18446744073709551615".parse::<u64>().unwrap();
    println!("{} {} {} {}", a, b, c, d);
    let e: f64 = "2.5e3".parse().unwrap();
    let f = "0.1".parse::<f32>().unwrap();
    println!("{} {} {:?}", e, f, "-inf".parse::<f64>());
    for s in ["", "12a", "300", "-129", "+5", "-"] {
        match s.parse::<i8>() {
            Ok(v) => println!("{:?} -> ok {}", s, v),
            Err(err) => println!("{:?} -> {} / {:?}", s, err, err),
        }
    }
    match "-1".parse::<u32>() {
        Ok(v) => println!("ok {}", v),
        Err(err) => println!("u32: {}", err),
    }
    for s in ["", "1.2.3", "nan", "1e400"] {
        match s.parse::<f64>() {
            Ok(v) => println!("{:?} -> ok {}", s, v),
            Err(err) => println!("{:?} -> {} / {:?}", s, err, err),
        }
    }
    println!("{:?}", parse_sum("1 2 3 40"));
    println!("{:?}", parse_sum("1 two 3"));
    let n = "x".parse::<i32>().unwrap_or(-1);
    println!("{}", n);
    let ok = "5".parse::<i32>().is_ok();
    println!("{}", ok);
}
