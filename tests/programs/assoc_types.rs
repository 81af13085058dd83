// Associated types: `type Out;` in a trait, `type Out = f32;` in impls,
// `Self::Out` in signatures, `S::Out` / `<S as Shape>::Out` in generic
// functions, equality bounds `S: Shape<Out = f32>` and `where` ones.
trait Shape {
    type Out;
    fn area(&self) -> Self::Out;
    fn scale(&self) -> Self::Out;
}

struct Sq(f32);
struct Rect {
    w: f64,
    h: f64,
}

impl Shape for Sq {
    type Out = f32;
    fn area(&self) -> f32 {
        self.0 * self.0
    }
    fn scale(&self) -> Self::Out {
        2.0
    }
}

impl Shape for Rect {
    type Out = f64;
    fn area(&self) -> Self::Out {
        self.w * self.h
    }
    fn scale(&self) -> f64 {
        0.5
    }
}

fn total<S: Shape<Out = f32>>(s: &[S]) -> f32 {
    let mut t = 0.0;
    for i in 0..s.len() {
        t += s[i].area();
    }
    t
}

fn total_where<S>(s: &[S]) -> f64
where
    S: Shape<Out = f64>,
{
    let mut t = 0.0;
    for i in 0..s.len() {
        t += s[i].area() * s[i].scale();
    }
    t
}

fn area_of<S: Shape>(s: &S) -> S::Out {
    s.area()
}

fn area_q<S>(s: &S) -> <S as Shape>::Out
where
    S: Shape,
{
    s.area()
}

fn main() {
    let v = [Sq(1.0), Sq(2.0)];
    println!("{}", total(&v));
    let o: <Sq as Shape>::Out = v[0].area();
    println!("{}", o);
    let r = [Rect { w: 2.0, h: 3.5 }, Rect { w: 1.0, h: 1.0 }];
    let a = area_of(&r[0]);
    println!("{} {}", a, area_q(&v[1]));
    println!("{}", total_where(&r));
    let s: <Rect as Shape>::Out = r[1].scale() + area_q(&r[1]);
    println!("{}", s);
}
