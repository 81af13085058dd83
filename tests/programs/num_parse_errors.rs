use std::num::IntErrorKind;
use std::num::ParseFloatError;
use std::num::ParseIntError;

fn parse(s: &str) -> Result<i32, ParseIntError> {
    s.trim().parse::<i32>()
}

fn parse_f(s: &str) -> Result<f64, ParseFloatError> {
    s.parse()
}

fn describe(e: &ParseIntError) -> &'static str {
    match e.kind() {
        IntErrorKind::Empty => "empty",
        IntErrorKind::InvalidDigit => "digit",
        IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => "range",
        _ => "other",
    }
}

fn main() {
    println!("{:?}", parse(" 42 "));
    for s in ["", "x1", "99999999999", "-99999999999", "-"] {
        match parse(s) {
            Ok(v) => println!("ok {}", v),
            Err(e) => {
                let k = e.kind();
                let empty = *k == IntErrorKind::Empty;
                println!("{} | {:?} | {:?} | {} | {}", e, e, k, empty, describe(&e));
            }
        }
    }
    match parse_f("1.5e") {
        Ok(v) => println!("{}", v),
        Err(e) => println!("{} | {:?}", e, e),
    }
    println!("{:?} {:?}", parse_f("2.25"), parse_f(""));
    let k = "".parse::<u8>().unwrap_err();
    println!("[{:>45}]", k);
    println!("{}", k.kind() == &std::num::IntErrorKind::Empty);
    let v: Vec<Result<i32, ParseIntError>> = vec![parse("7"), parse("q")];
    println!("{:?}", v);
}
