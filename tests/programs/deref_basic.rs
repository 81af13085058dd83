use std::ops::{Deref, DerefMut};

struct Meters(f64);

impl Meters {
    fn double(&self) -> f64 {
        self.0 * 2.0
    }
}

struct Wrapper {
    inner: Meters,
    reads: u32,
}

impl Deref for Wrapper {
    type Target = Meters;
    fn deref(&self) -> &Meters {
        &self.inner
    }
}

impl DerefMut for Wrapper {
    fn deref_mut(&mut self) -> &mut Meters {
        self.reads += 1;
        &mut self.inner
    }
}

struct Stack {
    items: Vec<i32>,
}

impl Deref for Stack {
    type Target = Vec<i32>;
    fn deref(&self) -> &Vec<i32> {
        &self.items
    }
}

fn show(m: &Meters) {
    println!("meters {}", m.0);
}

fn total(v: &[i32]) -> i32 {
    v.iter().sum()
}

fn main() {
    let mut w = Wrapper { inner: Meters(1.5), reads: 0 };
    println!("{}", (*w).0);
    println!("{}", w.0);
    println!("{}", w.double());
    show(&w);
    (*w).0 = 4.0;
    w.0 += 1.0;
    println!("{} {}", w.0, w.reads);
    let s = Stack { items: vec![1, 2, 3] };
    println!("{} {}", s.len(), s[1]);
    println!("{}", total(&s));
    let first = s.first();
    println!("{:?} {}", first, s.contains(&3));
}
