#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// A `Vec3` with operator traits (`Add`, `Sub`, `Mul<f32>`, `Neg`,
// `AddAssign`, `PartialEq`) used on the host and in a kernel, and a
// generic function over a user trait with a supertrait.

use std::ops::{Add, AddAssign, Mul, Neg, Sub};

#[derive(Clone, Copy)]
struct Vec3 {
    x: f32,
    y: f32,
    z: f32,
}

impl Add for Vec3 {
    type Output = Vec3;
    fn add(self, o: Vec3) -> Vec3 {
        Vec3 { x: self.x + o.x, y: self.y + o.y, z: self.z + o.z }
    }
}

impl Sub for Vec3 {
    type Output = Self;
    fn sub(self, o: Self) -> Self::Output {
        Vec3 { x: self.x - o.x, y: self.y - o.y, z: self.z - o.z }
    }
}

impl Mul<f32> for Vec3 {
    type Output = Vec3;
    fn mul(self, s: f32) -> Vec3 {
        Vec3 { x: self.x * s, y: self.y * s, z: self.z * s }
    }
}

impl Neg for Vec3 {
    type Output = Vec3;
    fn neg(self) -> Vec3 {
        Vec3 { x: -self.x, y: -self.y, z: -self.z }
    }
}

impl AddAssign for Vec3 {
    fn add_assign(&mut self, o: Vec3) {
        self.x += o.x;
        self.y += o.y;
        self.z += o.z;
    }
}

impl PartialEq for Vec3 {
    fn eq(&self, o: &Vec3) -> bool {
        self.x == o.x && self.y == o.y && self.z == o.z
    }
}

trait Shape {
    fn area(&self) -> f32;
}

trait Solid: Shape {
    fn volume(&self) -> f32;
    fn ratio(&self) -> f32 {
        self.volume() / self.area()
    }
}

struct Cube {
    side: f32,
}

impl Shape for Cube {
    fn area(&self) -> f32 {
        6.0 * self.side * self.side
    }
}

impl Solid for Cube {
    fn volume(&self) -> f32 {
        self.side * self.side * self.side
    }
}

fn report<S: Solid>(s: &S) -> f32 {
    s.ratio() + s.area()
}

fn dot(a: Vec3, b: Vec3) -> f32 {
    a.x * b.x + a.y * b.y + a.z * b.z
}

#[offload_kernel]
fn step(n: usize, pos: &mut [f32], vel: Vec3, dt: f32) {
    let i = (core::arch::nvptx::_block_idx_x() * core::arch::nvptx::_block_dim_x()
        + core::arch::nvptx::_thread_idx_x()) as usize;
    if i < n {
        let mut p = Vec3 { x: pos[3 * i], y: pos[3 * i + 1], z: pos[3 * i + 2] };
        p += vel * dt;
        let q = -(p - vel);
        pos[3 * i] = q.x;
        pos[3 * i + 1] = q.y;
        pos[3 * i + 2] = q.z;
    }
}

fn main() {
    let a = Vec3 { x: 1.0, y: 2.0, z: 3.0 };
    let b = Vec3 { x: 0.5, y: -1.0, z: 4.0 };
    let c = a + b * 2.0 - a;
    println!("{} {} {}", c.x, c.y, c.z);
    let mut d = -c;
    d += a;
    println!("{} {} {} {}", d.x, d.y, d.z, dot(d, a));
    println!("{} {} {}", a == a, a == b, a != b);
    let cube = Cube { side: 2.0 };
    println!("{}", report(&cube));

    let n = 1000;
    let mut pos = vec![0.0f32; 3 * n];
    for i in 0..3 * n {
        pos[i] = (i % 17) as f32 * 0.25;
    }
    let vel = Vec3 { x: 1.0, y: -0.5, z: 0.125 };
    let mut before = vec![0.0f32; 3 * n];
    for i in 0..3 * n {
        before[i] = pos[i];
    }
    core::intrinsics::offload(step, [8, 1, 1], [128, 1, 1], (n, &mut pos, vel, 0.5f32));
    let mut errors = 0;
    for i in 0..n {
        let mut p = Vec3 { x: before[3 * i], y: before[3 * i + 1], z: before[3 * i + 2] };
        p += vel * 0.5;
        let q = -(p - vel);
        if q.x != pos[3 * i] || q.y != pos[3 * i + 1] || q.z != pos[3 * i + 2] {
            errors += 1;
        }
    }
    println!("kernel errors={} pos[3]={}", errors, pos[3]);
}
