// Integer and float methods and constants.
fn main() {
    let a = -17i32;
    println!("{} {} {} {}", a.abs(), a.pow(2), 3u64.pow(20), a.min(4).max(-20));
    println!("{} {} {}", 0b1011_0000u8.count_ones(), 1u32.leading_zeros(), 40u64.trailing_zeros());
    println!("{} {} {}", 250u8.wrapping_add(10), 5u16.wrapping_sub(6), i32::MAX.wrapping_mul(2));
    let x = 2.75f64;
    println!("{} {} {} {}", x.floor(), x.ceil(), x.round(), (-x).trunc());
    println!("{} {} {}", (-2.5f64).round(), 2.5f32.round(), x.sqrt());
    println!("{} {} {}", x.mul_add(2.0, 1.0), x.powi(3), x.recip());
    println!("{} {}", x.min(f64::NAN), f64::NAN.max(1.0));
    println!("{:.10} {:.10} {:.10}", x.exp(), x.ln(), x.log10());
    println!("{:.10} {:.10} {:.10}", x.sin(), x.cos(), x.tan());
    println!("{:.10} {:.10} {:.10}", x.tanh(), x.exp2(), x.log2());
    println!("{:.6} {:.6}", x.powf(1.5), 2.0f32.powf(0.5));
    println!("{} {} {}", f32::MAX, f64::MIN_POSITIVE, i64::MAX);
    println!("{} {} {}", u8::MAX, i16::MIN, f32::EPSILON);
    println!("{} {}", (0.0f64 / 0.0).is_nan(), 1.0f32.is_nan());
    println!("{}", (-8i64).abs() as u64);
}
