// Operator traits implemented generically for a generic struct
// (`impl<T: Add<Output = T>> Add for V2<T>`), used at several types, in a
// generic function and on the host; a generic trait impl of a user trait.

use std::ops::{Add, Mul, Neg};

#[derive(Clone, Copy)]
struct V2<T> {
    x: T,
    y: T,
}

impl<T: Add<Output = T>> Add for V2<T> {
    type Output = V2<T>;
    fn add(self, o: V2<T>) -> V2<T> {
        V2 { x: self.x + o.x, y: self.y + o.y }
    }
}

impl<T: Mul<Output = T> + Copy> Mul<T> for V2<T> {
    type Output = V2<T>;
    fn mul(self, s: T) -> V2<T> {
        V2 { x: self.x * s, y: self.y * s }
    }
}

impl<T: Neg<Output = T>> Neg for V2<T> {
    type Output = V2<T>;
    fn neg(self) -> V2<T> {
        V2 { x: -self.x, y: -self.y }
    }
}

impl<T: PartialEq> PartialEq for V2<T> {
    fn eq(&self, o: &V2<T>) -> bool {
        self.x == o.x && self.y == o.y
    }
}

trait Area {
    fn area(&self) -> f64;
}

impl<T: Copy + Into2> Area for V2<T> {
    fn area(&self) -> f64 {
        self.x.to_f64() * self.y.to_f64()
    }
}

trait Into2 {
    fn to_f64(self) -> f64;
}

impl Into2 for i32 {
    fn to_f64(self) -> f64 {
        self as f64
    }
}

impl Into2 for f32 {
    fn to_f64(self) -> f64 {
        self as f64
    }
}

fn sum3<T: Add<Output = T> + Copy>(a: V2<T>, b: V2<T>, c: V2<T>) -> V2<T> {
    a + b + c
}

fn main() {
    let a = V2 { x: 1, y: 2 };
    let b = V2 { x: 10, y: 20 };
    let c = sum3(a, b, a * 3);
    println!("{} {}", c.x, c.y);
    let f = V2 { x: 0.5f32, y: -1.5 };
    let g = -(f + f) * 2.0;
    println!("{} {}", g.x, g.y);
    println!("{} {} {}", a == a, a == b, f != g);
    println!("{} {}", a.area(), f.area());
}
