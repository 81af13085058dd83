// `From` / `Into`: the library's lossless number conversions
// (`f64::from(x)`, `u64::from(b)`, `let y: i64 = x.into()`), `&str` into
// `String` (`"a".into()` in a `vec!`, as an argument, a field), a program's
// own `impl From<X> for Y` called as `Y::from(x)`, and two impls of one
// generic trait for a type chosen by the argument (`W::mk(3u16)`).

struct Meters(f64);

impl From<f64> for Meters {
    fn from(m: f64) -> Meters {
        Meters(m)
    }
}

struct W(u64);

trait Mk<T> {
    fn mk(v: T) -> Self;
}

impl Mk<u8> for W {
    fn mk(v: u8) -> W {
        W(v as u64)
    }
}

impl Mk<u16> for W {
    fn mk(v: u16) -> W {
        W(v as u64 + 1000)
    }
}

struct Person {
    name: String,
    age: u32,
}

fn greet(s: String) -> usize {
    s.len()
}

fn mean(xs: &[i32]) -> f64 {
    let mut sum = 0.0;
    for &x in xs {
        sum += f64::from(x);
    }
    sum / xs.len() as f64
}

fn main() {
    let s: String = "abc".into();
    let f: f64 = 3i32.into();
    let g = f64::from(2.5f32);
    let w = u64::from(200u8);
    let k: i64 = (-5i32).into();
    let c = u32::from('A');
    let b = i32::from(true);
    let ch = char::from(97u8);
    println!("{} {} {} {} {} {} {} {}", s, f, g, w, k, c, b, ch);
    println!("{}", greet("hello".into()));
    let names: Vec<String> = vec!["x".into(), "yy".into()];
    println!("{:?}", names);
    let p = Person { name: "Ada".into(), age: u32::from(36u8) };
    println!("{} {}", p.name, p.age);
    let m = Meters::from(1.5);
    println!("{}", m.0);
    let (a, z) = (W::mk(3u16), W::mk(3u8));
    println!("{} {}", a.0, z.0);
    println!("{:.3}", mean(&[1, 2, 4]));
    let big: u64 = u64::from(u32::MAX) + 1;
    println!("{}", big);
}
