// `format!` builds a `String` exactly as `println!` prints; `to_string` of
// numbers and bools; `write!` / `writeln!` into a `String`.
use std::fmt::Write;

fn label(i: usize, x: f64) -> String {
    format!("#{:03} = {:>8.3}", i, x)
}

fn main() {
    let a = format!("{} + {} = {}", 2, 3, 2 + 3);
    println!("{} ({} bytes)", a, a.len());
    for i in 0..3 {
        println!("{}", label(i, 1.0 / (i as f64 + 3.0)));
    }
    let nested = format!("[{}|{}]", format!("{:?}", "in"), label(7, -2.5));
    println!("{}", nested);
    println!("{}", format!("{:e} {:+} {:?}", 1234.5, 7, 0.1 + 0.2));
    let empty = format!("");
    println!("[{}] {}", empty, empty.is_empty());
    let parts = [1.5f32.to_string(), 42.to_string(), (-7i64).to_string(), true.to_string(), 3u8.to_string()];
    println!("{:?}", parts);
    let mut out = String::new();
    write!(out, "{}-{}", 1, 2).unwrap();
    writeln!(out, " and {:?}", "three").unwrap();
    write!(&mut out, "{:>4}", 5).unwrap();
    print!("{}", out);
    println!();
    let v = vec![1, 2, 3];
    let s = format!("{:?} has {} items", v, v.len());
    println!("{}", s);
    let x = 5;
    let inline = format!("{x} squared is {}", x * x);
    println!("{}", inline);
}
