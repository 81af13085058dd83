trait Widen<T> {
    type Out;
    fn widen(&self, x: T) -> Self::Out;
}

struct Scale(u16);

impl Widen<u8> for Scale {
    type Out = u16;
    fn widen(&self, x: u8) -> u16 {
        x as u16 * self.0
    }
}

impl Widen<u16> for Scale {
    type Out = u32;
    fn widen(&self, x: u16) -> u32 {
        x as u32 * self.0 as u32
    }
}

fn main() {
    let s = Scale(3);
    let a = s.widen(200u8);
    let b = s.widen(60000u16);
    let c: <Scale as Widen<u8>>::Out = 7;
    println!("{} {} {}", a, b, c);
}
