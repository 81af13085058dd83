//! The standard library's lossless numeric conversions through `From` / `Into`: `f64::from(x_f32)`, `i64::from(x_i32)`, `u32::from(b'a')`, `let y: f64 = x.into();`, in generic code bounded by `Into<f64>` too. Expected output from rustc.
fn mean<T: Copy + Into<f64>>(xs: &[T]) -> f64 {
    let mut s = 0.0;
    for &x in xs {
        s += x.into();
    }
    s / xs.len() as f64
}

fn widen(x: i16) -> i64 {
    i64::from(x) * 1_000_000
}

struct Celsius(f64);

impl From<f32> for Celsius {
    fn from(t: f32) -> Celsius {
        Celsius(f64::from(t))
    }
}

fn main() {
    let x: f32 = 1.5;
    let y: i32 = -4;
    println!("{} {} {} {}", f64::from(x), f64::from(y), i64::from(y), u32::from(b'a'));
    let z: f64 = x.into();
    let w: i64 = y.into();
    let c: char = b'A'.into();
    println!("{} {} {} {}", z, w, c, char::from(b'z'));
    println!("{} {} {}", u16::from(true), i8::from(false), u64::from('é'));
    println!("{} {}", widen(-32768), f32::from(250u8) / 2.0);
    println!("{:.3} {:.3}", mean(&[1u8, 2, 4]), mean(&[0.5f32, 0.25]));
    let t = Celsius::from(36.6f32);
    println!("{:.2}", t.0);
    let big: u64 = u32::MAX.into();
    println!("{}", big + 1);
}
