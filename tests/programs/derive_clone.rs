// #[derive(Clone)] as a real impl: the fields' own clones (a user impl Clone that
// counts), enums, generic structs (T: Clone), generic code calling .clone(), Option's Clone.
#[derive(Debug)]
struct Counter(u32);
impl Clone for Counter {
    fn clone(&self) -> Self {
        Counter(self.0 + 1)
    }
}
#[derive(Debug, Clone)]
struct Holder {
    c: Counter,
    k: i32,
    f: f32,
}
#[derive(Debug, Clone)]
enum Slot {
    Empty,
    One(Counter),
    Two { a: Counter, b: u8 },
}
#[derive(Debug, Clone, Copy, PartialEq)]
struct Pt { x: i32 }
#[derive(Debug, Clone)]
struct Boxed<T> { inner: T, n: usize }

fn dup<T: Clone>(x: &T) -> (T, T) {
    (x.clone(), x.clone())
}

fn main() {
    let h = Holder { c: Counter(1), k: 5, f: 1.5 };
    let h2 = h.clone();
    println!("{:?} {:?}", h, h2);
    let s = Slot::Two { a: Counter(10), b: 3 };
    println!("{:?} {:?} {:?}", s.clone(), Slot::One(Counter(0)).clone(), Slot::Empty.clone());
    let p = Pt { x: 3 };
    println!("{:?}", p.clone());
    let (a, b) = dup(&h);
    println!("{:?} {:?}", a, b);
    let bx = Boxed { inner: Counter(7), n: 2 };
    println!("{:?}", bx.clone());
    let (c, d) = dup(&bx);
    println!("{:?} {:?}", c, d);
    println!("{:?}", dup(&2.5f64));
    let o = Some(Counter(4));
    println!("{:?}", o.clone());
    // self-check: each clone bumped the counter once
    assert!(h2.c.0 == h.c.0 + 1 && a.c.0 == 2 && bx.clone().inner.0 == 8);
    println!("ok");
}
