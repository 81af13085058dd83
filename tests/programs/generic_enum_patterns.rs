// generic enums in modules, function bodies, structs; patterns of every kind
mod opt {
    #[derive(Debug, Clone, Copy)]
    pub enum Maybe<T> {
        Nothing,
        Just(T),
    }
    pub use Maybe::*;

    impl<T> Maybe<T> {
        pub fn is_just(&self) -> bool {
            matches!(self, Just(_))
        }
        pub fn map<U, F: FnOnce(T) -> U>(self, f: F) -> Maybe<U> {
            match self {
                Just(x) => Just(f(x)),
                Nothing => Nothing,
            }
        }
        pub fn unwrap_or(self, d: T) -> T {
            match self {
                Just(x) => x,
                Nothing => d,
            }
        }
        pub fn ok_or<E>(self, e: E) -> super::Either<T, E> {
            match self {
                Just(x) => super::Either::Left(x),
                Nothing => super::Either::Right(e),
            }
        }
        pub fn as_ref(&self) -> Maybe<&T> {
            match self {
                Just(x) => Just(x),
                Nothing => Nothing,
            }
        }
        pub fn filter<P: FnOnce(&T) -> bool>(self, p: P) -> Self {
            if let Just(x) = self {
                if p(&x) {
                    return Just(x);
                }
            }
            Nothing
        }
    }
}

use opt::Maybe;

#[derive(Debug, Clone, Copy)]
enum Either<L, R> {
    Left(L),
    Right(R),
}

#[derive(Debug, Clone, Copy)]
struct Pair<T> {
    a: T,
    b: T,
}

#[derive(Debug, Clone, Copy)]
struct Slot<T> {
    v: Maybe<T>,
    id: u32,
}

#[derive(Debug)]
enum Shape<T> {
    Circle { r: T },
    Rect { w: T, h: T },
    Empty,
}

fn area(s: &Shape<f64>) -> f64 {
    match s {
        Shape::Circle { r } => 3.0 * r * r,
        Shape::Rect { w, h: hh } => w * hh,
        Shape::Empty => 0.0,
    }
}

fn count_just<T: Copy>(v: &[Maybe<T>]) -> usize {
    let mut n = 0;
    for i in 0..v.len() {
        if let Maybe::Just(_) = v[i] {
            n += 1;
        }
    }
    n
}

fn main() {
    use opt::Just;
    let x = Just(2);
    let y: Maybe<i64> = opt::Nothing;
    println!("{:?} {:?} {} {}", x, y, x.is_just(), y.is_just());
    println!("{:?} {:?}", x.map(|v| v + 1), y.map(|v| v * 2));
    println!("{:?} {:?}", x.ok_or(0.5f32), y.ok_or(false));
    println!("{:?}", x.as_ref());
    println!("{:?} {:?}", x.filter(|v| *v > 1), x.filter(|v| *v > 5));

    let p = Maybe::Just(Pair { a: 1.5f32, b: 2.5 });
    if let Maybe::Just(Pair { a, .. }) = p {
        println!("a = {}", a);
    }
    println!("{:?}", p);
    let s = Slot { v: Just(7u8), id: 3 };
    let s2: Slot<u8> = Slot { v: Maybe::Nothing, id: 4 };
    println!("{:?} {:?}", s, s2);
    match s.v {
        Just(n @ 1..=9) => println!("digit {}", n),
        Just(n) => println!("big {}", n),
        Maybe::Nothing => println!("nothing"),
    }

    let arr: [Maybe<u32>; 4] = [Just(1), Maybe::Nothing, Just(3), Just(4)];
    println!("{} {:?}", count_just(&arr), arr);
    let mut i = 0;
    let mut sum = 0;
    while let Just(v) = arr[i] {
        sum += v;
        i += 1;
    }
    println!("sum before first nothing: {} at {}", sum, i);

    let shapes = [Shape::Circle { r: 1.0 }, Shape::Rect { w: 2.0, h: 3.0 }, Shape::Empty];
    for k in 0..3 {
        println!("{:?} {}", shapes[k], area(&shapes[k]));
    }

    let e: Either<i32, bool> = Either::Right(true);
    let f = Either::<i32, bool>::Left(-4);
    let both = [e, f];
    for k in 0..2 {
        let v = both[k];
        let d = match v {
            Either::Left(n) if n < 0 => -n,
            Either::Left(n) => n,
            Either::Right(true) => 100,
            Either::Right(false) => 200,
        };
        println!("{}", d);
    }

    let nested: Maybe<Maybe<i32>> = Just(Maybe::Nothing);
    let Just(inner) = nested else { panic!("no") };
    println!("{:?} {:?}", nested, inner);
    let r = &nested;
    let depth = match r {
        Just(Just(_)) => 2,
        Just(Maybe::Nothing) => 1,
        Maybe::Nothing => 0,
    };
    println!("depth {}", depth);

    // a generic enum declared in a function body
    #[derive(Debug)]
    enum Tri<A, B, C> {
        First(A),
        Second(B),
        Third(C),
    }
    let t: Tri<u8, f32, (i32, i32)> = Tri::Third((1, 2));
    let u = Tri::<u8, f32, (i32, i32)>::First(9);
    let w: Tri<u8, f32, (i32, i32)> = Tri::Second(0.25);
    println!("{:?} {:?} {:?}", t, u, w);
    println!("{:#?}", Just(Pair { a: 1, b: 2 }));
}
