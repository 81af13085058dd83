// Inference of a generic enum's arguments from later uses, turbofish
// forms, imported variants, `Self` in generic impls, enums in function
// bodies, and generic functions and structs built on generic enums.
#[derive(Debug, Clone, Copy)]
enum Opt<T> {
    Some(T),
    None,
}
use Opt::{None as Nil, Some as Has};

#[derive(Debug, Clone, Copy)]
enum Res<T, E> {
    Ok(T),
    Err(E),
}

impl<T: Copy, E: Copy> Res<T, E> {
    fn ok(self) -> Opt<T> {
        match self {
            Self::Ok(v) => Opt::Some(v),
            Self::Err(_) => Opt::None,
        }
    }
    fn err(&self) -> Opt<E> {
        match *self {
            Res::Ok(_) => Opt::None,
            Res::Err(e) => Opt::Some(e),
        }
    }
    fn swap(self) -> Res<E, T> {
        match self {
            Res::Ok(v) => Res::Err(v),
            Res::Err(e) => Res::Ok(e),
        }
    }
}

impl<T> Opt<T> {
    fn new_none() -> Self {
        Self::None
    }
    fn wrap(v: T) -> Self {
        Self::Some(v)
    }
}

fn takes_f32(o: Opt<f32>) -> f32 {
    match o {
        Opt::Some(v) => v,
        Opt::None => -1.0,
    }
}

fn make_none() -> Opt<u64> {
    let n = Opt::None;
    n
}

struct Slot<T> {
    v: Opt<T>,
    hits: u32,
}

impl<T: Copy> Slot<T> {
    fn empty() -> Self {
        Slot { v: Opt::None, hits: 0 }
    }
    fn set(&mut self, x: T) {
        self.v = Opt::Some(x);
        self.hits += 1;
    }
    fn get_or(&self, d: T) -> T {
        match self.v {
            Opt::Some(x) => x,
            Opt::None => d,
        }
    }
}

fn last<T: Copy>(v: &[T]) -> Opt<T> {
    if v.len() == 0 {
        return Opt::None;
    }
    Opt::Some(v[v.len() - 1])
}

fn max_of<T: Copy + PartialOrd>(v: &[T]) -> Opt<T> {
    let mut best = Opt::None;
    for i in 0..v.len() {
        best = match best {
            Opt::None => Opt::Some(v[i]),
            Opt::Some(b) if v[i] > b => Opt::Some(v[i]),
            keep => keep,
        };
    }
    best
}

fn main() {
    // from a later use
    let a = Opt::None;
    println!("{}", takes_f32(a));
    let mut b = Opt::None;
    if takes_f32(Opt::Some(2.0)) > 0.0 {
        b = Opt::Some(7i8);
    }
    println!("{:?} {:?}", b, make_none());
    let c;
    c = Opt::None;
    let _d: Opt<bool> = c;
    let m = Opt::None;
    match m {
        Opt::Some(3u16) => println!("three"),
        _ => println!("not three"),
    }
    // turbofish on the enum and on the variant, imported and renamed variants
    let t1 = Opt::<i16>::None;
    let t2 = Opt::None::<i16>;
    let t3 = Nil::<u32>;
    let t4 = Has(0.5f32);
    println!("{:?} {:?} {:?} {:?}", t1, t2, t3, t4);
    let r: Res<i32, bool> = Res::Ok(1);
    let s = Res::<u8, f32>::Err(0.25);
    println!("{:?} {:?} {:?} {:?}", r.ok(), r.err(), s.ok(), s.err());
    println!("{:?} {:?}", r.swap(), s.swap());
    let w = Opt::wrap(9u8);
    let z: Opt<f64> = Opt::new_none();
    println!("{:?} {:?} {:?}", w, z, Opt::<i32>::new_none());
    let mut slot = Slot::empty();
    println!("{}", slot.get_or(1.25f32));
    slot.set(4.5);
    println!("{} {}", slot.get_or(0.0), slot.hits);
    let xs = [3, 9, 2];
    let ys: [f32; 0] = [];
    println!("{:?} {:?} {:?} {:?}", last(&xs), last(&ys), max_of(&xs), max_of(&[1.5f64, -2.0, 8.25, 0.0]));
    // a generic enum declared in a function body, with a generic impl
    #[derive(Debug, Clone, Copy)]
    enum Tree<T> {
        Leaf(T),
        Pair(T, T),
        Empty,
    }
    impl<T: Copy + std::ops::Add<Output = T>> Tree<T> {
        fn total(self, zero: T) -> T {
            match self {
                Tree::Leaf(x) => x,
                Tree::Pair(a, b) => a + b,
                Tree::Empty => zero,
            }
        }
    }
    let trees = [Tree::Leaf(2), Tree::Pair(3, 4), Tree::Empty];
    let mut sum = 0;
    for i in 0..trees.len() {
        sum += trees[i].total(0);
    }
    println!("{} {:?}", sum, trees);
    println!("{}", Tree::Pair(0.5f32, 0.25).total(0.0));
}
