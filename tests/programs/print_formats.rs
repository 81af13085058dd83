// println!/print!/eprintln! with the format specs hybridc supports, byte-identical to Rust.
fn main() {
    let x = 3.14159265358979f64;
    let y = 2.5f32;
    let n = -42i32;
    let u = 7u64;
    println!("{} {} {} {}", x, y, n, u);
    println!("{:.2} {:.0} {:.3}", x, y, 1.0f64 / 3.0);
    println!("[{:8}] [{:<8}] [{:>8}] [{:^8}]", n, n, n, n);
    println!("[{:08.3}] [{:+}] [{:05}]", x, u, n);
    println!("{:?} {:?} {:?} {:?}", 1.0f64, 0.1f32, n, true);
    println!("{:e} {:e} {:e}", 1234.5f64, 0.00012f32, 1.0f64);
    println!("{} {} {}", 1e21f64, 1e-7f64, 123456789012345680.0f64);
    println!("{} {} {}", f64::MAX, f32::MIN_POSITIVE, -0.0f64);
    println!("{} {}", 0.1f64 + 0.2, 100.0f32 / 3.0);
    println!("{} {}", 1.0f64 / 0.0, -1.0f64 / 0.0);
    println!("{}", (0.0f64 / 0.0).is_nan());
    let w = 6;
    println!("{w} {n}");
    print!("no newline ");
    print!("then {}\n", 1);
    eprintln!("to stderr {}", 5);
    println!("{}{}{}", 1, 2, 3);
    println!("{{}} braces {{{}}}", 9);
    println!();
    println!("{} {} {}", i64::MIN, u64::MAX, i8::MIN);
    println!("{:>6.2}|{:<7.1}|{:^9.3}", 2.0f64, -3.25f32, 0.5f64);
}
