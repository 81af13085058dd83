// Literal type inference: an integer literal takes its type from its use.
fn sum_to(n: usize) -> usize {
    let mut i = 0;
    let mut total = 0;
    while i < n {
        total += i;
        i += 1;
    }
    total
}

fn mix(a: u8, b: i64, c: f32) -> f64 {
    let x = a as i64 + b;
    let y = c * 2.0;
    x as f64 + y as f64
}

fn main() {
    let big = 3_000_000_000u32;
    let wrapped = big.wrapping_add(2_000_000_000);
    let default_int = 7;
    let default_float = 0.1 + 0.2;
    let hex = 0xff_u8;
    let shifted = 1u64 << 40;
    let neg = -17i32;
    println!("{} {}", sum_to(100), sum_to(0));
    println!("{}", mix(200, -1000, 1.25));
    println!("{} {} {} {}", big, wrapped, default_int, default_float);
    println!("{} {} {} {}", hex, shifted, neg / 5, neg % 5);
    println!("{} {}", neg >> 2, (neg as u32) >> 28);
    let f = 1e-3;
    let g: f32 = 2.5e3;
    println!("{} {} {}", f, g, f * 3.0);
    println!("{} {} {}", -7 / 2, 7 % -3, (-7i64).wrapping_mul(3));
    println!("{} {} {}", 255u8 as i8, -1i32 as u64, 3.99f64 as i32);
    println!("{} {} {}", -1.5f64 as u8, 1e20 as i32, 300i32 as u8);
    println!("{} {}", true as i32 + 1, (5 > 3) as u8);
    let mut acc = 1u32;
    for k in 1..=13 {
        acc = acc.wrapping_mul(k);
    }
    println!("{}", acc);
}
