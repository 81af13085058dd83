// Constant evaluation follows Rust's types (issue 16): f32 arithmetic in
// f32, literals in an f32 context rounded once, integer intermediates in
// their type, float -> int casts saturating (NaN is 0).
const THIRD: f32 = 1.0 / 3.0;
const SUM32: f32 = 0.1 + 0.2;
const SUM64: f64 = 0.1 + 0.2;
const CLOSE: f32 = 16777217.0;
const NEAR_HALF: f32 = 1.00000005960464477539062500001;
const ROUND_ONCE: f32 = 0.500000029802322443206;
const WIDE: i64 = (200 + 100) as u8 as i64;
const SHIFTED: u64 = 1 << 40;
const BIG: i64 = 1e20 as i64;
const SMALL: i64 = -1e20 as i64;
const NOT_A_NUMBER: i32 = (0.0 / 0.0) as i32;
const NEG_TO_UNSIGNED: u8 = -5.7 as u8;
const HIGH: u8 = 300.5 as u8;
const INF: u32 = (1.0 / 0.0) as u32;
const MASKED: u8 = !0;
const NEG_MIN: i8 = -128;
const X: u16 = 40000;
const Y: u32 = X as u32 * 2;
const Z: i16 = X as i16;
const F_TO_F: f32 = 1.0000001192092896 as f32;
const CMP: bool = 1 << 3 == 8;
const WRAP_CAST: u8 = (255 + 1i32) as u8;
const DIVS: i32 = -7 / 2 + -7 % 2;
const BITS: u32 = u8::BITS + i64::BITS;
const FMIX: f32 = THIRD * 3.0 - 1.0;
const SIXTEEN_M: f32 = 16777216.0 + 1.0;

fn main() {
    println!("{} {:?} {:?} {:?}", THIRD, SUM32, SUM64, CLOSE);
    println!("{:?} {:?}", NEAR_HALF, ROUND_ONCE);
    println!("{} {} {} {}", WIDE, SHIFTED, BIG, SMALL);
    println!("{} {} {} {}", NOT_A_NUMBER, NEG_TO_UNSIGNED, HIGH, INF);
    println!("{} {} {} {} {}", MASKED, NEG_MIN, X, Y, Z);
    println!("{:?} {} {} {} {}", F_TO_F, CMP, WRAP_CAST, DIVS, BITS);
    println!("{:?} {:?}", FMIX, SIXTEEN_M);
    let t = THIRD;
    println!("{:?}", t + SUM32);
    body_literals();
}

// Float literals in bodies are rounded once too.
fn body_literals() {
    let a: f32 = 0.500000029802322443206;
    let b = 1.00000005960464477539062500001f32;
    let c = -0.500000029802322443206_f32;
    println!("{:?} {:?} {:?}", a, b, c);
}
