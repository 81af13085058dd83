// Generic structs and generic impls: `Vec2<T>` with `impl<T: Real> Vec2<T>`,
// constructors, methods calling generic functions, nested generic structs,
// a generic struct passed to and returned from generic functions.

trait Real: Copy {
    fn zero() -> Self;
    fn sqrt_of(self) -> Self;
    fn add(self, o: Self) -> Self;
    fn mul(self, o: Self) -> Self;
}

impl Real for f32 {
    fn zero() -> f32 {
        0.0
    }
    fn sqrt_of(self) -> f32 {
        self.sqrt()
    }
    fn add(self, o: f32) -> f32 {
        self + o
    }
    fn mul(self, o: f32) -> f32 {
        self * o
    }
}

impl Real for f64 {
    fn zero() -> f64 {
        0.0
    }
    fn sqrt_of(self) -> f64 {
        self.sqrt()
    }
    fn add(self, o: f64) -> f64 {
        self + o
    }
    fn mul(self, o: f64) -> f64 {
        self * o
    }
}

#[derive(Clone, Copy)]
struct Vec2<T> {
    x: T,
    y: T,
}

impl<T: Real> Vec2<T> {
    fn new(x: T, y: T) -> Self {
        Vec2 { x, y }
    }
    fn zero() -> Vec2<T> {
        Self { x: T::zero(), y: T::zero() }
    }
    fn dot(self, o: Self) -> T {
        self.x.mul(o.x).add(self.y.mul(o.y))
    }
    fn norm(&self) -> T {
        self.dot(*self).sqrt_of()
    }
    fn scaled(&self, s: T) -> Vec2<T> {
        Vec2::new(self.x.mul(s), self.y.mul(s))
    }
    fn set_x(&mut self, x: T) {
        self.x = x;
    }
}

struct Segment<T> {
    a: Vec2<T>,
    b: Vec2<T>,
}

impl<T: Real> Segment<T> {
    fn length_squared(&self) -> T {
        let d = Vec2::new(self.b.x.add(self.a.x.mul(neg_one())), self.b.y.add(self.a.y.mul(neg_one())));
        d.dot(d)
    }
}

fn neg_one<T: Real>() -> T {
    let z = T::zero();
    let _ = z;
    minus(T::zero())
}

fn minus<T: Real>(z: T) -> T {
    // 0 - 1 through the trait: z + (-1) cannot be written generically here
    let one = Vec2::<T>::zero();
    let _ = one;
    z.add(z).add(z.mul(z)).add(from_f(-1.0, z))
}

fn from_f<T: Real>(v: f64, like: T) -> T {
    let _ = like;
    let mut r = T::zero();
    let mut k = 0.0;
    if v < 0.0 {
        while k > v {
            r = r.add(neg(T::zero()));
            k -= 1.0;
        }
    }
    r
}

fn neg<T: Real>(_z: T) -> T {
    let _ = _z;
    let two = Vec2::<T>::zero();
    two.x.add(minus_one_unit::<T>())
}

fn minus_one_unit<T: Real>() -> T {
    let v: Vec2<T> = Vec2::zero();
    let _ = v;
    unit_neg()
}

fn unit_neg<T: Real>() -> T {
    let a = T::zero();
    a.add(a)
}

fn longest<T: Real + PartialOrd>(v: &[Vec2<T>]) -> Vec2<T> {
    let mut best = v[0];
    for i in 1..v.len() {
        if v[i].norm() > best.norm() {
            best = v[i];
        }
    }
    best
}

fn main() {
    let a = Vec2::new(3.0f32, 4.0);
    let b = Vec2 { x: 1.0f64, y: 2.0 };
    println!("{} {}", a.norm(), b.dot(b));
    let mut c = a.scaled(2.0);
    c.set_x(1.5);
    println!("{} {}", c.x, c.y);
    let z: Vec2<f64> = Vec2::zero();
    println!("{} {}", z.x, z.y);
    let s = Segment { a: Vec2::new(1.0f32, 1.0), b: Vec2::new(4.0f32, 5.0) };
    println!("{}", s.length_squared());
    let pts = [Vec2::new(1.0, 1.0), Vec2::new(-3.0, 2.5), Vec2::new(0.5, 0.25)];
    let l = longest(&pts);
    println!("{} {}", l.x, l.y);
    println!("{}", Vec2::<f32>::new(6.0, 8.0).norm());
}
