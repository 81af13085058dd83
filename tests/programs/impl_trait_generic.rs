// `-> impl Trait` of generic functions and methods: each instance has its
// own hidden type (a closure over a `T`, a struct of a user trait); and a
// non-generic `-> impl Trait` function calling another one.
use std::ops::{Add, Mul};

fn scaler<T: Copy + Mul<Output = T>>(k: T) -> impl Fn(T) -> T {
    move |x| x * k
}

fn adder<T: Copy + Add<Output = T>>(k: T) -> impl Fn(T) -> T {
    move |x| x + k
}

fn compose<T: Copy + Add<Output = T> + Mul<Output = T>>(a: T, b: T) -> impl Fn(T) -> T {
    // an `-> impl Trait` instance that uses two others
    let s = scaler(a);
    let p = adder(b);
    move |x| p(s(x))
}

trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> i32 {
        0
    }
}

struct Square<T> {
    side: T,
}

struct Circle {
    r: f64,
}

impl Shape for Square<f64> {
    fn area(&self) -> f64 {
        self.side * self.side
    }
    fn name(&self) -> i32 {
        4
    }
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        3.0 * self.r * self.r
    }
}

fn shown<T: Copy + std::fmt::Display>(v: T) -> impl std::fmt::Display {
    v
}

fn make_square(side: f64) -> impl Shape {
    Square { side }
}

fn circle_of<T: Shape>(s: &T) -> impl Shape {
    Circle { r: s.area() }
}

struct Counter<T> {
    step: T,
}

impl<T: Copy + Add<Output = T>> Counter<T> {
    fn stepper(&self) -> impl Fn(T) -> T {
        let step = self.step;
        move |x| x + step
    }
    fn scaled<U: Copy + Mul<Output = U>>(&self, k: U) -> impl Fn(U) -> U {
        move |x| x * k
    }
}

fn base() -> impl Fn(i32) -> i32 {
    |x| x + 1
}

fn chained(k: i32) -> impl Fn(i32) -> i32 {
    let b = base();
    move |x| b(x) * k
}

fn main() {
    let s = scaler(3.0f32);
    let t = scaler(2i64);
    println!("{} {}", s(2.0), t(5));
    let c = compose(2, 1);
    let d = compose(0.5, 0.25);
    println!("{} {}", c(10), d(3.0));
    println!("{} {}", shown(7u8), shown(2.5f32));
    let sq = make_square(1.5);
    println!("{} {}", sq.area(), sq.name());
    let ci = circle_of(&sq);
    println!("{} {}", ci.area(), ci.name());
    let n = Counter { step: 3u32 };
    let f = n.stepper();
    let g = n.scaled(1.5f64);
    println!("{} {}", f(f(1)), g(4.0));
    let m = Counter { step: 0.5f32 };
    println!("{}", (m.stepper())(1.0));
    let c = chained(3);
    println!("{} {}", c(4), base()(0));
}
