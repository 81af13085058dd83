// generic enums: construction, inference, methods, matching
#[derive(Debug, Clone, Copy)]
enum Opt<T> {
    Some(T),
    None,
}

#[derive(Debug, Clone, Copy)]
enum Res<T, E> {
    Ok(T),
    Err(E),
}

impl<T> Opt<T> {
    fn is_some(&self) -> bool {
        match self {
            Opt::Some(_) => true,
            Opt::None => false,
        }
    }
    fn map<U, F: FnOnce(T) -> U>(self, f: F) -> Opt<U> {
        match self {
            Opt::Some(x) => Opt::Some(f(x)),
            Opt::None => Opt::None,
        }
    }
    fn unwrap_or_else<F: FnOnce() -> T>(self, f: F) -> T {
        match self {
            Opt::Some(x) => x,
            Opt::None => f(),
        }
    }
    fn and_then<U, F: FnOnce(T) -> Opt<U>>(self, f: F) -> Opt<U> {
        match self {
            Opt::Some(x) => f(x),
            Opt::None => Opt::None,
        }
    }
}

impl<T: Copy> Opt<T> {
    fn unwrap_or(self, d: T) -> T {
        match self {
            Opt::Some(x) => x,
            Opt::None => d,
        }
    }
    fn take(&mut self) -> Opt<T> {
        let v = *self;
        *self = Opt::None;
        v
    }
    fn get_or_insert(&mut self, v: T) -> T {
        if let Opt::None = self {
            *self = Opt::Some(v);
        }
        match self {
            Opt::Some(x) => *x,
            Opt::None => v,
        }
    }
}

impl<T: PartialEq + Copy> PartialEq for Opt<T> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Opt::Some(a), Opt::Some(b)) => *a == *b,
            (Opt::None, Opt::None) => true,
            _ => false,
        }
    }
}

impl Opt<i32> {
    fn doubled(self) -> Self {
        self.map(|x| x * 2)
    }
}

fn half(x: i32) -> Opt<i32> {
    if x % 2 == 0 { Opt::Some(x / 2) } else { Opt::None }
}

fn divide(a: f64, b: f64) -> Res<f64, i32> {
    if b == 0.0 { Res::Err(-1) } else { Res::Ok(a / b) }
}

fn first<T: Copy>(v: &[T]) -> Opt<T> {
    if v.len() > 0 { Opt::Some(v[0]) } else { Opt::None }
}

fn main() {
    let a: Opt<i32> = Opt::Some(3);
    let b = Opt::<f64>::None;
    let c = Opt::None::<u8>;
    println!("{} {} {}", a.unwrap_or(1), b.unwrap_or(2.5), c.unwrap_or(7));
    println!("{:?} {:?} {:?}", a, b, c);
    let m = a.map(|x| x as f32 * 1.5);
    println!("{:?} {}", m, m.is_some());
    let n: Opt<i32> = Opt::None;
    println!("{}", n.unwrap_or_else(|| 42));
    println!("{:?} {:?} {:?}", half(8).and_then(|v| half(v)), half(6).and_then(|v| half(v)), half(3));
    println!("{:?}", a.doubled());
    let mut t = Opt::Some(5u64);
    let got = t.take();
    println!("{:?} {:?}", got, t);
    println!("{}", t.get_or_insert(9));
    println!("{:?}", t);
    let r = divide(1.0, 4.0);
    let e = divide(1.0, 0.0);
    println!("{:?} {:?}", r, e);
    match e {
        Res::Ok(v) => println!("ok {}", v),
        Res::Err(code) => println!("err {}", code),
    }
    let arr = [4u32, 5, 6];
    let empty: [u32; 0] = [];
    println!("{:?} {:?}", first(&arr), first(&empty[..]));
    let nested = Opt::Some(Opt::Some(1));
    println!("{:?}", nested);
    match nested {
        Opt::Some(Opt::Some(x)) if x > 3 => println!("big {}", x),
        Opt::Some(Opt::Some(x @ 0..=3)) => println!("small {}", x),
        Opt::Some(_) | Opt::None => println!("other"),
    }
    let later;
    later = Opt::None;
    let _: Opt<f32> = later;
    println!("{} {} {}", a == Opt::Some(3), a != Opt::Some(4), Opt::<i32>::None == Opt::None);
}
