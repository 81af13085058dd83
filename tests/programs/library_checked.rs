// checked_* and overflowing_* integer arithmetic (Option and tuples from
// hybridc's library) and partial_cmp of integers and floats.
fn main() {
    println!("{:?} {:?} {:?}", 250u8.checked_add(5), 250u8.checked_add(6), 5u8.checked_sub(6));
    println!("{:?} {:?} {:?}", i32::MAX.checked_add(1), i32::MIN.checked_sub(1), (-5i32).checked_sub(3));
    println!("{:?} {:?} {:?}", 16u16.checked_mul(4096), 16u16.checked_mul(4095), i64::MIN.checked_mul(-1));
    println!("{:?} {:?} {:?}", 7u32.checked_div(0), i8::MIN.checked_div(-1), (-7i8).checked_rem(2));
    println!("{:?} {:?}", 200u8.overflowing_add(100), (-128i8).overflowing_sub(1));
    println!("{:?} {:?}", 100i8.overflowing_mul(2), (-1i8).overflowing_mul(-128));
    println!("{:?} {:?} {:?}", 1.0f32.partial_cmp(&2.0), f64::NAN.partial_cmp(&1.0), 3u8.partial_cmp(&3));
    let total = [10u32, 20, 30].iter().sum::<u32>();
    println!("{:?}", total.checked_mul(1_000_000_000));
}
