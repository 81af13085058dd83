// macro_rules! stamping out trait impls for several types: a `Real` trait
// implemented for f32 and f64 by one macro, an operator trait for several
// vector types, used by generic functions.
use std::ops::Add;

trait Real: Copy {
    fn zero() -> Self;
    fn two() -> Self;
    fn halve(self) -> Self;
}

macro_rules! impl_real {
    ($($t:ty),+) => {
        $(
            impl Real for $t {
                fn zero() -> Self {
                    0.0
                }
                fn two() -> Self {
                    2.0
                }
                fn halve(self) -> Self {
                    self / 2.0
                }
            }
        )+
    };
}

impl_real!(f32, f64);

macro_rules! vector {
    ($name:ident, $t:ty) => {
        #[derive(Clone, Copy)]
        struct $name {
            x: $t,
            y: $t,
        }

        impl Add for $name {
            type Output = $name;
            fn add(self, o: $name) -> $name {
                $name { x: self.x + o.x, y: self.y + o.y }
            }
        }
    };
}

vector!(V2f, f32);
vector!(V2i, i32);

fn mean<T: Real + Add<Output = T>>(a: T, b: T) -> T {
    (a + b).halve()
}

fn main() {
    println!("{} {}", mean(1.0f32, 2.0f32), mean(3.0f64, 8.0f64));
    println!("{} {}", f32::two(), f64::zero());
    let v = V2f { x: 1.5, y: 2.0 } + V2f { x: 0.5, y: -1.0 };
    let w = V2i { x: 1, y: 2 } + V2i { x: 10, y: 20 };
    println!("{} {} {} {}", v.x, v.y, w.x, w.y);
    generic_demo();
}

// a macro inside a generic function's body (expanded in every instance)
macro_rules! twice_of {
    ($x:expr) => {
        $x + $x
    };
}

fn doubled<T: Add<Output = T> + Copy>(x: T) -> T {
    twice_of!(x)
}

fn generic_demo() {
    println!("{} {}", doubled(21i64), doubled(1.25f64));
}
