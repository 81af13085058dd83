// Generic traits: several impls of one trait for one type that differ in
// the trait's argument, chosen by the argument's inferred type; a default
// type parameter (`Rhs = Self`); bounds `T: Mix<f32>`; a default method of
// a generic trait; std operator impls with another right-hand type.
use std::ops::Mul;

trait Mix<Rhs> {
    fn mix(self, r: Rhs) -> f64;
    fn mix_twice(self, r: Rhs) -> f64
    where
        Self: Sized + Copy,
        Rhs: Copy,
    {
        self.mix(r) + self.mix(r)
    }
}

impl Mix<i32> for f64 {
    fn mix(self, r: i32) -> f64 {
        self + r as f64
    }
}

impl Mix<f64> for f64 {
    fn mix(self, r: f64) -> f64 {
        self * r
    }
}

impl Mix<f32> for f64 {
    fn mix(self, r: f32) -> f64 {
        self - r as f64
    }
}

#[derive(Clone, Copy)]
struct P {
    x: f64,
    y: f64,
}

trait Dist<Rhs = Self> {
    fn dist(&self, o: &Rhs) -> f64;
}

impl Dist for P {
    fn dist(&self, o: &P) -> f64 {
        ((self.x - o.x) * (self.x - o.x) + (self.y - o.y) * (self.y - o.y)).sqrt()
    }
}

impl Dist<f64> for P {
    fn dist(&self, o: &f64) -> f64 {
        (self.x - o).abs()
    }
}

fn mix_all<T: Mix<f32> + Copy>(v: &[T], r: f32) -> f64 {
    let mut s = 0.0;
    for i in 0..v.len() {
        s += v[i].mix(r);
    }
    s
}

#[derive(Clone, Copy, Debug)]
struct Vec3 {
    x: f32,
    y: f32,
    z: f32,
}

impl Mul<f32> for Vec3 {
    type Output = Vec3;
    fn mul(self, k: f32) -> Vec3 {
        Vec3 { x: self.x * k, y: self.y * k, z: self.z * k }
    }
}

impl Mul<Vec3> for f32 {
    type Output = Vec3;
    fn mul(self, v: Vec3) -> Vec3 {
        v * self
    }
}

fn main() {
    println!("{} {}", 2.0f64.mix(3i32), 2.0f64.mix(3.0f64));
    println!("{}", 10.0f64.mix(0.5f32));
    println!("{} {}", 1.5f64.mix_twice(2i32), 1.5f64.mix_twice(2.0f64));
    let a = P { x: 0.0, y: 0.0 };
    let b = P { x: 3.0, y: 4.0 };
    println!("{} {}", a.dist(&b), b.dist(&1.0f64));
    println!("{}", Dist::dist(&b, &a));
    println!("{}", mix_all(&[1.0f64, 2.0, 3.5], 0.5));
    let v = Vec3 { x: 1.0, y: 2.0, z: 3.0 };
    println!("{:?} {:?}", v * 2.0, 0.5f32 * v);
}
