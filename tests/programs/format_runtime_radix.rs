//! Widths and precisions from arguments with the radix and exponent kinds: two's complement in the value's own width, `#` and `0` flags (expected output from rustc).
fn main() {
    let s: i16 = -3;
    println!("[{:>w$x}] [{:<1$b}]", s, 20, w = 7);
    let w = 12;
    let p = 3;
    let x: i32 = -255;
    let u: u64 = u64::MAX;
    println!("[{:>w$x}] [{:#0w$b}] [{:<w$X}] [{:^w$o}]", x, 5u8, u, 8);
    println!("[{:w$.p$e}] [{:>w$E}] [{:#w$x}]", 1234.5f64, 1e10f32, 255);
    println!("[{:>1$}] [{:.*}] [{x:>w$}]", 7, 5, 3.14159);
}
