//! `{:x}`, `{:X}`, `{:#x}`, `{:o}`, `{:b}`, `{:#b}`, `{:08x}`, `{:e}` over many values, negatives included.
fn main() {
    let ints: [i64; 10] = [0, 1, -1, 7, 255, -256, 4096, i64::MAX, i64::MIN, 123456789];
    for v in ints.iter() {
        let v = *v;
        println!("{:x} {:X} {:#x} {:o} {:#o} {:b} {:#b} {:08x} {:#010x}", v, v, v, v, v, v, v, v, v);
    }
    let small: [i32; 6] = [0, -1, 42, -42, i32::MIN, i32::MAX];
    for v in small.iter() {
        println!("{:x} {:X} {:o} {:b} {:08b} {:#06x}", v, v, v, v, v, v);
    }
    let bytes: [i8; 4] = [-1, -128, 127, 5];
    for b in bytes.iter() {
        println!("{:x} {:b} {:o}", b, b, b);
    }
    let unsigned: [u64; 4] = [0, 10, u64::MAX, 1 << 40];
    for u in unsigned.iter() {
        println!("{:x} {:#X} {:o} {:b} {:e}", u, u, u, u, u);
    }
    let u8s: [u8; 3] = [0, 16, 255];
    for u in u8s.iter() {
        println!("{:02x}{:02X} {:#010b} {:>6x}|{:<6x}|{:^6o}|", u, u, u, u, u, u);
    }
    let iv: [i32; 5] = [0, 1, 1500, -1500, 100000];
    for v in iv.iter() {
        println!("{:e} {:E}", v, v);
    }
    let floats: [f64; 9] = [0.0, 1.0, -1.5, 1234.5678, 0.000123, 1e100, -2.5e-7, 123456789.0, 0.1];
    for f in floats.iter() {
        println!("{:e} {:E} {:.3e} {:.0e} {:12.2e}|", f, f, f, f, f);
    }
    let f32s: [f32; 4] = [0.5, 3.14159, -1e-10, 65504.0];
    for f in f32s.iter() {
        println!("{:e} {:.2e}", f, f);
    }
    let mut seed: u32 = 7;
    let mut line = String::new();
    for _ in 0..40 {
        seed = seed.wrapping_mul(1664525).wrapping_add(1013904223);
        let s = seed as i32;
        line.push_str(&format!("{:x},{:o},{:b};", s, s >> 7, s >> 20));
    }
    println!("{}", line);
}
