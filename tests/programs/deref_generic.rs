use std::ops::{Deref, DerefMut};

struct Logged<T> {
    value: T,
    writes: u32,
}

impl<T> Deref for Logged<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> DerefMut for Logged<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.writes += 1;
        &mut self.value
    }
}

struct Point {
    x: i32,
    y: i32,
}

impl Point {
    fn norm1(&self) -> i32 {
        self.x.abs() + self.y.abs()
    }
    fn shift(&mut self, d: i32) {
        self.x += d;
        self.y += d;
    }
}

fn norm_of(p: &Point) -> i32 {
    p.norm1()
}

fn main() {
    let mut p = Logged { value: Point { x: 3, y: -4 }, writes: 0 };
    println!("{} {} {}", p.x, p.y, p.norm1());
    p.shift(2);
    p.x = 10;
    println!("{} {} {}", p.x, p.y, norm_of(&p));
    *p = Point { x: 1, y: 1 };
    println!("{} writes {}", p.norm1(), p.writes);
    let mut n = Logged { value: 5i64, writes: 0 };
    *n += 3;
    println!("{} {}", *n, n.writes);
}
