// #[derive(PartialOrd, Ord)] (fields in order, enums by discriminant, generic and tuple
// structs, Option fields, NaN), user impls of partial_cmp / cmp, <, <=, >, >= through
// PartialOrd, max / min / clamp of Ord, bounds T: PartialOrd and T: Ord.
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
struct Version {
    major: u32,
    minor: u32,
    patch: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Key(i32, u8);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    High = 10,
    Low = 1,
    Mid = 5,
}

#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
enum Shape {
    Dot,
    Circle(f32),
    Rect { w: f32, h: f32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Tagged<T> {
    tag: T,
    weight: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Money {
    cents: i64,
}

impl PartialOrd for Money {
    fn partial_cmp(&self, other: &Money) -> Option<Ordering> {
        // reversed: more money sorts first
        other.cents.partial_cmp(&self.cents)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Len(u32);

impl PartialOrd for Len {
    fn partial_cmp(&self, other: &Len) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Len {
    fn cmp(&self, other: &Len) -> Ordering {
        self.0.cmp(&other.0)
    }
}

fn largest<T: PartialOrd + Copy>(v: &[T]) -> T {
    let mut best = v[0];
    for i in 1..v.len() {
        if v[i] > best {
            best = v[i];
        }
    }
    best
}

fn order<T: Ord>(a: &T, b: &T) -> i32 {
    match a.cmp(b) {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    }
}

fn main() {
    let a = Version { major: 1, minor: 2, patch: 3 };
    let b = Version { major: 1, minor: 10, patch: 0 };
    println!("{} {} {} {}", a < b, a <= b, a > b, a >= b);
    println!("{:?} {:?}", a.partial_cmp(&b), b.partial_cmp(&b));
    let vs = [a, b, Version { major: 0, minor: 99, patch: 99 }];
    println!("{:?}", largest(&vs));

    let k1 = Key(3, 1);
    let k2 = Key(3, 0);
    println!("{:?} {:?} {:?}", k1.cmp(&k2), k1.max(k2), k1.min(k2));
    println!("{:?}", Key(5, 5).clamp(Key(0, 0), Key(4, 9)));
    println!("{} {}", order(&k1, &k2), order(&k2, &k2));

    println!("{:?} {:?}", Level::High.cmp(&Level::Low), Level::Mid.max(Level::Low));
    println!("{} {}", Level::Low < Level::Mid, Level::High < Level::Mid);

    let shapes = [Shape::Rect { w: 1.0, h: 2.0 }, Shape::Dot, Shape::Circle(2.0), Shape::Circle(1.5)];
    for s in shapes.iter() {
        print!("{:?}:", s);
        for t in shapes.iter() {
            let c = match s.partial_cmp(t) {
                Some(Ordering::Less) => -1,
                Some(Ordering::Equal) => 0,
                Some(Ordering::Greater) => 1,
                None => 9,
            };
            print!(" {}", c);
        }
        println!();
    }
    println!("{:?}", Shape::Circle(f32::NAN).partial_cmp(&Shape::Circle(1.0)));
    println!("{}", Shape::Circle(f32::NAN) < Shape::Circle(1.0));

    let t1 = Tagged { tag: 2u8, weight: Some(5) };
    let t2 = Tagged { tag: 2u8, weight: None };
    println!("{:?} {}", t1.cmp(&t2), t1 > t2);
    println!("{:?}", t1.min(t2));

    let rich = Money { cents: 500 };
    let poor = Money { cents: 20 };
    println!("{} {}", rich < poor, largest(&[rich, poor]).cents);
    println!("{:?} {}", Len(3).max(Len(7)), Len(2) >= Len(2));
    // self-check: the orders agree with the fields compared by hand
    for x in vs.iter() {
        for y in vs.iter() {
            let by_hand = x.major < y.major
                || (x.major == y.major && (x.minor < y.minor || (x.minor == y.minor && x.patch < y.patch)));
            assert_eq!(x < y, by_hand);
        }
    }
    assert!(k1.max(k2) == Key(3, 1));
    assert!(Level::Low < Level::Mid && Level::Mid < Level::High);
    println!("ok");
}
