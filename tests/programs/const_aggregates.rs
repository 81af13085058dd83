//! Consts of non-scalar types, top-level and associated (`const ZERO: Vec3 = Vec3 { .. };`, `const W: [f32; 3]`, `const ORIGIN: Self`, a trait's `const ZERO: Self`): each use is a fresh copy of the value, as rustc inlines consts. Expected output from rustc.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Vec3 { x: f32, y: f32, z: f32 }
const ZERO: Vec3 = Vec3 { x: 0.0, y: 0.0, z: 0.0 };
const UP: Vec3 = Vec3 { y: 1.0, ..ZERO };
const W: [f32; 3] = [0.25, 0.5, 0.25];
const PAIR: (i32, f64) = (3, 0.5);
const N: usize = 3;
const TAPS: [f32; N] = W;
mod colors {
    pub const RED: (u8, u8, u8) = (255, 0, 0);
}
fn main_top() {
    println!("{:?} {:?} {:?}", ZERO, UP, W);
    let mut s = 0.0;
    for i in 0..3 { s += W[i] * (i as f32); }
    println!("{} {} {:?} {:?}", s, W.len(), PAIR, colors::RED);
    let mut v = ZERO;
    v.x += 2.0;
    println!("{:?} {:?} {}", v, ZERO, v == ZERO);
    println!("{:?}", TAPS);
}
impl Vec3 {
    const ORIGIN: Self = Self { x: 1.0, y: 2.0, z: 3.0 };
    const AXES: [Vec3; 2] = [Vec3 { x: 1.0, y: 0.0, z: 0.0 }, Self { x: 0.0, y: 1.0, z: 0.0 }];
    fn len2(self) -> f32 { self.x * self.x + self.y * self.y + self.z * self.z }
    fn shifted(self) -> Vec3 { let o = Self::ORIGIN; Vec3 { x: self.x + o.x, y: self.y + o.y, z: self.z + o.z } }
}
trait Zero { const ZERO: Self; }
impl Zero for Vec3 { const ZERO: Self = Vec3 { x: 0.0, y: 0.0, z: 0.0 }; }
fn main_assoc() {
    println!("{:?} {}", Vec3::ORIGIN, Vec3::ORIGIN.len2());
    println!("{:?}", Vec3::AXES);
    println!("{:?}", Vec3::AXES[1].shifted());
    println!("{:?}", <Vec3 as Zero>::ZERO);
    println!("{:?}", Vec3::ZERO);
}
fn main() {
    main_top();
    main_assoc();
}
