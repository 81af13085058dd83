// `==` and `!=` of structs and enums (generic ones too) that derive `PartialEq`:
// fields, arrays, tuples, nested enums, references compared as the derived impl does.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Maybe<T> { Nothing, Just(T) }
use Maybe::*;
#[derive(Debug, Clone, Copy, PartialEq)]
struct P { x: f32, y: [i32; 2], t: (u8, bool) }
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape<T> { Dot, Circle { r: T }, Seg(P, P) }
#[derive(Clone, Copy, PartialEq)]
enum Plain { A, B(i64) }
fn main() {
    let a = Just(5);
    let n: Maybe<i32> = Nothing;
    println!("{} {} {} {}", a == Just(5), a == n, a != Just(6), n == Nothing);
    let p = P { x: 1.5, y: [1, 2], t: (3, true) };
    let q = P { x: 1.5, y: [1, 3], t: (3, true) };
    println!("{} {} {}", p == p, p == q, p != q);
    let s: Shape<f64> = Shape::Circle { r: 2.0 };
    println!("{} {} {} {}", s == Shape::Circle { r: 2.0 }, s == Shape::Dot, Shape::<f64>::Dot == Shape::Dot, Shape::<u8>::Seg(p, q) == Shape::Seg(p, q));
    println!("{} {}", Just(Just(1)) == Just(Just(1)), Just(Nothing::<u8>) == Just(Just(0)));
    println!("{} {}", Plain::B(3) == Plain::B(3), Plain::A == Plain::B(0));
    let r = &a;
    println!("{}", *r == Just(5));
}
