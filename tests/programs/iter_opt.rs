// The user iterator trait over a user generic enum: `next` returns
// `Opt<Self::Item>`, default methods `count`, `sum_by` and `map`, the
// `MapIt` adapter's `next` returning `Opt<B>`.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Opt<T> {
    Some(T),
    None,
}

trait Iter {
    type Item;
    fn next(&mut self) -> Opt<Self::Item>;
    fn count(mut self) -> usize
    where
        Self: Sized,
    {
        let mut n = 0;
        while let Opt::Some(_) = self.next() {
            n += 1;
        }
        n
    }
    fn last(mut self) -> Opt<Self::Item>
    where
        Self: Sized,
    {
        let mut l = Opt::None;
        loop {
            match self.next() {
                Opt::Some(x) => l = Opt::Some(x),
                Opt::None => return l,
            }
        }
    }
    fn map<B, F: FnMut(Self::Item) -> B>(self, f: F) -> MapIt<Self, F>
    where
        Self: Sized,
    {
        MapIt { it: self, f }
    }
}

struct Counter {
    n: u32,
    end: u32,
}

impl Iter for Counter {
    type Item = u32;
    fn next(&mut self) -> Opt<u32> {
        if self.n < self.end {
            self.n += 1;
            Opt::Some(self.n)
        } else {
            Opt::None
        }
    }
}

struct MapIt<I, F> {
    it: I,
    f: F,
}

impl<I: Iter, B, F: FnMut(I::Item) -> B> Iter for MapIt<I, F> {
    type Item = B;
    fn next(&mut self) -> Opt<B> {
        match self.it.next() {
            Opt::Some(x) => Opt::Some((self.f)(x)),
            Opt::None => Opt::None,
        }
    }
}

fn total<I: Iter<Item = f64>>(mut it: I) -> f64 {
    let mut s = 0.0;
    while let Opt::Some(x) = it.next() {
        s += x;
    }
    s
}

fn main() {
    let mut c = Counter { n: 0, end: 3 };
    println!("{:?} {:?}", c.next(), c.next());
    println!("{}", Counter { n: 0, end: 7 }.count());
    println!("{:?}", Counter { n: 0, end: 4 }.map(|x| x * 10).last());
    println!("{:?}", Counter { n: 5, end: 5 }.last());
    println!("{}", total(Counter { n: 0, end: 4 }.map(|x| x as f64 * 0.5)));
    let k = 2;
    println!("{}", Counter { n: 0, end: 5 }.map(|x| x + k).map(|y| y as f64).count());
}
