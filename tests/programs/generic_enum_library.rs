// A library-style optional type written in plain Rust in a module, with
// the usual methods (what the standard library's `Option<T>` is built like).
mod maybe {
    #[derive(Debug, Clone, Copy)]
    pub enum Maybe<T> {
        Nothing,
        Just(T),
    }

    pub use Maybe::{Just, Nothing};

    impl<T> Maybe<T> {
        pub fn is_just(&self) -> bool {
            matches!(*self, Just(_))
        }
        pub fn is_nothing(&self) -> bool {
            !self.is_just()
        }
        pub fn unwrap(self) -> T {
            match self {
                Just(v) => v,
                Nothing => panic!("called `Maybe::unwrap()` on a `Nothing` value"),
            }
        }
        pub fn unwrap_or(self, default: T) -> T {
            match self {
                Just(v) => v,
                Nothing => default,
            }
        }
        pub fn unwrap_or_else<F: FnOnce() -> T>(self, f: F) -> T {
            match self {
                Just(v) => v,
                Nothing => f(),
            }
        }
        pub fn map<U, F: FnOnce(T) -> U>(self, f: F) -> Maybe<U> {
            match self {
                Just(v) => Just(f(v)),
                Nothing => Nothing,
            }
        }
        pub fn map_or<U, F: FnOnce(T) -> U>(self, default: U, f: F) -> U {
            match self {
                Just(v) => f(v),
                Nothing => default,
            }
        }
        pub fn and_then<U, F: FnOnce(T) -> Maybe<U>>(self, f: F) -> Maybe<U> {
            match self {
                Just(v) => f(v),
                Nothing => Nothing,
            }
        }
        pub fn or(self, other: Maybe<T>) -> Maybe<T> {
            match self {
                Just(v) => Just(v),
                Nothing => other,
            }
        }
        pub fn or_else<F: FnOnce() -> Maybe<T>>(self, f: F) -> Maybe<T> {
            match self {
                Just(v) => Just(v),
                Nothing => f(),
            }
        }
        pub fn filter<P: FnOnce(&T) -> bool>(self, predicate: P) -> Self {
            if let Just(x) = self {
                if predicate(&x) {
                    return Just(x);
                }
            }
            Nothing
        }
        pub fn as_ref(&self) -> Maybe<&T> {
            match *self {
                Just(ref x) => Just(x),
                Nothing => Nothing,
            }
        }
        pub fn as_mut(&mut self) -> Maybe<&mut T> {
            match *self {
                Just(ref mut x) => Just(x),
                Nothing => Nothing,
            }
        }
        pub fn ok_or<E>(self, err: E) -> Outcome<T, E> {
            match self {
                Just(v) => Outcome::Good(v),
                Nothing => Outcome::Bad(err),
            }
        }
        pub fn zip<U>(self, other: Maybe<U>) -> Maybe<(T, U)> {
            match (self, other) {
                (Just(a), Just(b)) => Just((a, b)),
                _ => Nothing,
            }
        }
    }

    impl<T: Copy> Maybe<T> {
        pub fn take(&mut self) -> Maybe<T> {
            let old = *self;
            *self = Nothing;
            old
        }
        pub fn replace(&mut self, value: T) -> Maybe<T> {
            let old = *self;
            *self = Just(value);
            old
        }
        pub fn get_or_insert_with<F: FnOnce() -> T>(&mut self, f: F) -> T {
            if let Nothing = *self {
                *self = Just(f());
            }
            match *self {
                Just(v) => v,
                Nothing => unreachable!(),
            }
        }
    }

    #[derive(Debug, Clone, Copy)]
    pub enum Outcome<T, E> {
        Good(T),
        Bad(E),
    }

    impl<T, E> Outcome<T, E> {
        pub fn is_good(&self) -> bool {
            match self {
                Outcome::Good(_) => true,
                Outcome::Bad(_) => false,
            }
        }
        pub fn ok(self) -> Maybe<T> {
            match self {
                Outcome::Good(v) => Just(v),
                Outcome::Bad(_) => Nothing,
            }
        }
        pub fn map_err<F2, O: FnOnce(E) -> F2>(self, op: O) -> Outcome<T, F2> {
            match self {
                Outcome::Good(t) => Outcome::Good(t),
                Outcome::Bad(e) => Outcome::Bad(op(e)),
            }
        }
        pub fn unwrap_or(self, default: T) -> T {
            match self {
                Outcome::Good(t) => t,
                Outcome::Bad(_) => default,
            }
        }
    }
}

use maybe::{Just, Maybe, Nothing, Outcome};

/// A user trait implemented for every instance.
trait Describe {
    fn describe(&self) -> i64;
}
impl Describe for i32 {
    fn describe(&self) -> i64 {
        *self as i64 * 10
    }
}
impl<T: Describe> Describe for Maybe<T> {
    fn describe(&self) -> i64 {
        match self {
            Just(v) => v.describe() + 1,
            Nothing => -1,
        }
    }
}

fn parse_digit(c: u8) -> Outcome<u32, u8> {
    if c >= 48 && c <= 57 { Outcome::Good((c - 48) as u32) } else { Outcome::Bad(c) }
}

fn find<T: Copy + PartialEq>(v: &[T], x: T) -> Maybe<usize> {
    for i in 0..v.len() {
        if v[i] == x {
            return Just(i);
        }
    }
    Nothing
}

struct Stack<T> {
    items: [T; 8],
    len: usize,
}

impl<T: Copy> Stack<T> {
    fn pop(&mut self) -> Maybe<T> {
        if self.len == 0 {
            return Nothing;
        }
        self.len -= 1;
        Just(self.items[self.len])
    }
    fn peek(&self) -> Maybe<&T> {
        if self.len == 0 { Nothing } else { Just(&self.items[self.len - 1]) }
    }
}

fn main() {
    let a = Just(5);
    let n: Maybe<i32> = Nothing;
    println!("{} {} {} {}", a.is_just(), a.is_nothing(), n.is_just(), a.unwrap());
    println!("{} {}", n.unwrap_or(3), n.unwrap_or_else(|| 4));
    println!("{:?} {:?}", a.map(|v| v as f64 / 2.0), n.map(|v| v + 1));
    println!("{} {}", a.map_or(0, |v| v * 3), n.map_or(0, |v| v * 3));
    println!("{:?}", a.and_then(|v| if v > 3 { Just(v - 3) } else { Nothing }));
    println!("{:?} {:?}", n.or(Just(9)), n.or_else(|| Just(10)));
    println!("{:?} {:?}", a.filter(|v| *v % 2 == 1), a.filter(|v| *v % 2 == 0));
    println!("{:?} {:?}", a.as_ref(), a.zip(Just(1.5f32)));
    let mut m = Just(7u16);
    if let Just(r) = m.as_mut() {
        *r += 1;
    }
    println!("{:?}", m);
    let old = m.take();
    println!("{:?} {:?}", old, m);
    println!("{:?} {:?}", m.replace(3), m);
    let mut e: Maybe<u16> = Nothing;
    println!("{} {:?}", e.get_or_insert_with(|| 11), e);
    println!("{:?} {:?}", a.ok_or(false), n.ok_or(0u8));
    println!("{:?} {:?}", parse_digit(55), parse_digit(120));
    println!("{:?} {}", parse_digit(120).map_err(|c| c as u32 + 1000), parse_digit(51).unwrap_or(0));
    println!("{:?} {}", parse_digit(52).ok(), parse_digit(63).is_good());
    println!("{} {} {}", a.describe(), n.describe(), Just(Just(2)).describe());
    let xs = [3.5f32, 1.0, 2.25];
    println!("{:?} {:?}", find(&xs, 2.25), find(&xs, 9.0));
    let mut st = Stack { items: [0i64; 8], len: 0 };
    for k in 0..5 {
        st.items[k] = (k * k) as i64;
        st.len += 1;
    }
    println!("peek {:?}", st.peek());
    let mut total = 0;
    while let Just(v) = st.pop() {
        total += v;
    }
    println!("total {} {:?}", total, st.peek());
    let c = a.clone();
    println!("{:?}", c);
}
