// Generic functions: inference of type arguments from use, turbofish,
// trait bounds, `where` clauses, `impl Trait` arguments, const generics,
// generic functions calling generic functions, user traits implemented for
// primitive types and structs, default methods.

trait Real: Copy {
    fn zero() -> Self;
    fn two() -> Self;
    fn root(self) -> Self;
    fn describe(&self) -> i32 {
        42
    }
}

impl Real for f32 {
    fn zero() -> Self {
        0.0
    }
    fn two() -> Self {
        2.0
    }
    fn root(self) -> Self {
        self.sqrt()
    }
}

impl Real for f64 {
    fn zero() -> Self {
        0.0
    }
    fn two() -> Self {
        2.0
    }
    fn root(self) -> Self {
        self.sqrt()
    }
    fn describe(&self) -> i32 {
        64
    }
}

#[derive(Clone, Copy)]
struct Meters {
    v: f64,
}

trait Named {
    fn name(&self) -> i32;
    fn twice(&self) -> i32 {
        self.name() * 2
    }
}

impl Named for Meters {
    fn name(&self) -> i32 {
        (self.v * 10.0) as i32
    }
}

fn first<T: Copy>(xs: &[T]) -> T {
    xs[0]
}

fn pick<T>(c: bool, a: T, b: T) -> T {
    if c {
        a
    } else {
        b
    }
}

fn norm<T: Real>(x: T) -> T {
    x.root()
}

fn count_named(x: &impl Named) -> i32 {
    x.twice() + 1
}

fn sum_array<const N: usize>(a: [i32; N]) -> i32 {
    let mut s = 0;
    for i in 0..N {
        s += a[i];
    }
    s
}

fn largest<T>(xs: &[T]) -> T
where
    T: Copy + PartialOrd,
{
    let mut m = xs[0];
    for i in 1..xs.len() {
        if xs[i] > m {
            m = xs[i];
        }
    }
    m
}

fn both<T: Real>(x: T) -> i32 {
    x.describe()
}

fn main() {
    println!("{}", first(&[3, 1, 2]));
    println!("{}", first(&[2.5f32, 1.0]));
    println!("{} {}", pick(true, 1u8, 2), pick::<f64>(false, 1.0, 2.5));
    println!("{} {}", norm(16.0f32), norm(2.0f64));
    let m = Meters { v: 1.5 };
    println!("{} {}", m.twice(), count_named(&m));
    println!("{}", sum_array::<4>([1, 2, 3, 4]));
    println!("{} {}", largest(&[3, 9, 2]), largest(&[0.5, -1.0, 0.25]));
    println!("{} {}", both(1.0f32), both(1.0f64));
    let z: f32 = Real::zero();
    println!("{}", z);
}
