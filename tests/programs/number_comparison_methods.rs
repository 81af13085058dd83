//! Comparison methods of numbers (`eq`, `ne`, `lt`, `ge`, `cmp`, `partial_cmp`, `clamp`) called on an unsuffixed literal's local with a typed argument: rustc takes the argument's type (`a.cmp(&b)`, `b: u64` makes `a` a `u64`). Expected output from rustc.
use std::cmp::Ordering;

fn count_below(limit: u64, xs: &[u64]) -> usize {
    let mut n = 0;
    for x in xs {
        if x.lt(&limit) {
            n += 1;
        }
    }
    n
}

fn main() {
    let a = 3;
    let b: u64 = 5;
    println!("{:?} {} {} {}", a.cmp(&b), a.lt(&b), a.ge(&b), a.eq(&b));
    // `a` is a u64 now: it wraps as a u64
    println!("{}", a.wrapping_sub(4));
    let big = 3_000_000_000;
    let limit: i64 = 2;
    println!("{:?}", big.cmp(&limit));
    println!("{} {} {}", 3i32.eq(&3), 3i32.ne(&3), 2u8.eq(&2));
    let x = 2.5;
    let y: f32 = 1.0;
    println!("{:?} {} {}", x.partial_cmp(&y), x.gt(&y), x.le(&y));
    let lo: i16 = -2;
    let hi: i16 = 7;
    let v = 300;
    println!("{}", v.clamp(lo, hi));
    let z = 0.0;
    let nan: f64 = f64::NAN;
    println!("{:?} {}", z.partial_cmp(&nan), z.eq(&nan));
    match 10.cmp(&b) {
        Ordering::Less => println!("less"),
        Ordering::Equal => println!("equal"),
        Ordering::Greater => println!("greater"),
    }
    println!("{}", count_below(4, &[1, 9, 3, 4, 0]));
}
