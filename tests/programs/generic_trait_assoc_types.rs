// Associated types in impls of generic traits: `impl Tr<u8> for X { type Out = u16; .. }`.
trait Widen<T> {
    type Out;
    fn widen(&self, x: T) -> Self::Out;
}

struct Scale(u16);
struct Offset(f32);

impl Widen<u8> for Scale {
    type Out = u16;
    fn widen(&self, x: u8) -> u16 {
        x as u16 * self.0
    }
}

impl Widen<i32> for Offset {
    type Out = f64;
    fn widen(&self, x: i32) -> Self::Out {
        x as f64 + self.0 as f64
    }
}

fn widen_all<W: Widen<u8>>(w: &W, xs: [u8; 3]) -> [W::Out; 3] {
    [w.widen(xs[0]), w.widen(xs[1]), w.widen(xs[2])]
}

fn main() {
    let s = Scale(300);
    let o = Offset(0.5);
    let a: u16 = s.widen(2);
    let b = o.widen(-3);
    let c = widen_all(&s, [1, 2, 3]);
    println!("{} {} {:?}", a, b, c);
    assert!(a == 600 && b == -2.5 && c[2] == 900);
    println!("ok");
}
