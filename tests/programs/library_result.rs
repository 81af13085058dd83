// Result<T, E> from hybridc's library and the `?` operator on Result and
// Option (desugared by the enclosing function's result type).
#[derive(Debug, Clone, Copy, PartialEq)]
enum ParseError {
    NotADigit(u8),
    Empty,
}

fn digit(c: u8) -> Result<u32, ParseError> {
    if c >= b'0' && c <= b'9' {
        Ok((c - b'0') as u32)
    } else {
        Err(ParseError::NotADigit(c))
    }
}

fn number(s: &[u8]) -> Result<u32, ParseError> {
    if s.len() == 0 {
        return Err(ParseError::Empty);
    }
    let mut n = 0;
    for i in 0..s.len() {
        n = n * 10 + digit(s[i])?;
    }
    Ok(n)
}

fn first_even(v: &[u32]) -> Option<u32> {
    for i in 0..v.len() {
        if v[i] % 2 == 0 {
            return Some(v[i]);
        }
    }
    None
}

fn half_of_first_even(v: &[u32]) -> Option<u32> {
    let e = first_even(v)?;
    Some(e / 2)
}

fn main() {
    println!("{:?} {:?} {:?}", number(&[b'4', b'2']), number(&[b'4', b'x']), number(&[]));
    println!("{:?} {:?}", half_of_first_even(&[1, 3, 8]), half_of_first_even(&[1, 3]));
    let r: Result<i32, u8> = Ok(3);
    let e: Result<i32, u8> = Err(7);
    println!("{} {} {} {}", r.is_ok(), r.is_err(), e.is_ok(), e.is_err());
    println!("{:?} {:?} {:?} {:?}", r.ok(), e.ok(), r.err(), e.err());
    println!("{:?} {:?}", r.map(|x| x * 2), e.map_err(|x| x as i32 * 2));
    println!("{} {} {}", e.unwrap_or(1), e.unwrap_or_else(|x| x as i32 + 100), r.unwrap());
    println!("{:?} {:?}", r.and_then(|x| if x > 2 { Ok(x) } else { Err(0) }), e.or_else(|x| if x > 5 { Ok(-1) } else { Err(x) }));
    match number(&[b'9', b'9', b'9']) {
        Ok(n) if n > 500 => println!("big {}", n),
        Ok(n) => println!("small {}", n),
        Err(ParseError::NotADigit(c)) => println!("bad {}", c),
        Err(ParseError::Empty) => println!("empty"),
    }
    println!("{} {}", number(&[b'1', b'2']).unwrap_or(0), r.unwrap() + 1);
}
