// Found by the differential tester (tests/diff, seed 1223): `(-1).saturating_mul(MIN)` of a
// signed type divided MIN by -1 inside the library ("attempt to divide with overflow").
fn main() {
    println!("{}", (-1i16).saturating_mul(-32768i16));
    println!("{}", i8::MIN.saturating_mul(-1));
    println!("{}", (-1i32).saturating_mul(i32::MIN));
    println!("{}", (-1i64).saturating_mul(i64::MIN));
    println!("{}", (-1isize).saturating_mul(isize::MIN));
    println!("{}", i64::MIN.saturating_mul(2));
    println!("{}", (-3i8).saturating_mul(50));
    println!("{}", 7i32.saturating_mul(-3));
    let x = std::hint::black_box(-1i32);
    println!("{}", x.saturating_mul(i32::MIN));
}
