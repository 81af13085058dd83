trait Conv<T> {
    type Out;
    fn conv(&self, t: T) -> Self::Out;
}

struct S;

impl Conv<i32> for S {
    type Out = i64;
    fn conv(&self, t: i32) -> i64 {
        t as i64 * 1000000
    }
}

impl Conv<f32> for S {
    type Out = f64;
    fn conv(&self, t: f32) -> f64 {
        t as f64 / 4.0
    }
}

fn widen<T: Conv<i32>>(t: &T, x: i32) -> T::Out {
    t.conv(x)
}

fn halve<T>(t: &T, x: f32) -> <T as Conv<f32>>::Out
where
    T: Conv<f32>,
{
    t.conv(x)
}

fn main() {
    let a: <S as Conv<i32>>::Out = S.conv(3);
    let b: <S as Conv<f32>>::Out = S.conv(3.0);
    println!("{} {}", a, b);
    let c = widen(&S, 2000000);
    println!("{}", c * 10);
    let d = halve(&S, 1.0);
    println!("{}", d);
}
