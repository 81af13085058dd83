// The integer and float methods hybridc's library writes in Rust
// (library/core/num): rounding division, saturation, Euclidean remainders,
// signs, clamps, logarithms, powers of two, on several types; std::mem's
// swap and replace.
fn main() {
    let n: u32 = 1000;
    println!("{} {} {}", n.div_ceil(256), 7u64.next_power_of_two(), 0u8.next_power_of_two());
    println!("{} {}", (-7i32).rem_euclid(3), 7i32.div_euclid(-2));
    println!("{} {} {}", 5i32.clamp(0, 3), (-4i64).signum(), 3u16.abs_diff(10));
    println!("{} {}", 250u8.saturating_add(10), 5u8.saturating_sub(10));
    println!("{} {}", i32::MAX.saturating_add(1), i32::MIN.saturating_sub(1));
    println!("{} {}", (-5i32).abs_diff(7), i8::MIN.unsigned_abs());
    println!("{} {} {}", 1.5f32.clamp(0.0, 1.0), (-0.0f64).signum(), 2.7f64.fract());
    println!("{} {}", 1.0f64.to_degrees(), 90.0f32.to_radians());
    println!("{} {}", 64u32.is_power_of_two(), 1000u32.ilog2());
    let mut a = 1; let mut b = 2;
    std::mem::swap(&mut a, &mut b);
    let c = std::mem::replace(&mut a, 10);
    println!("{} {} {}", a, b, c);
    println!("{} {}", u32::div_ceil(10, 3), usize::next_multiple_of(13, 8));
    println!("{} {} {}", 200u8.saturating_mul(2), (-100i8).saturating_mul(2), 1000i16.saturating_mul(-100));
    println!("{} {} {}", (-7i64).div_euclid(2), 7u8.is_multiple_of(0), 0u8.is_multiple_of(0));
    println!("{} {} {}", u64::MAX.next_power_of_two(), 5isize.signum(), (-3i8).wrapping_abs());
    println!("{} {} {}", f32::NAN.signum().is_nan(), (-2.0f32).copysign(1.0), 1.0f64.copysign(-0.0));
    println!("{} {} {}", f64::INFINITY.is_finite(), 3.0f32.is_finite(), (-1.0f64 / 0.0).is_infinite());
    println!("{} {}", (-2.75f64).fract(), 12345u32.ilog10());
}
